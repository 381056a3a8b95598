/**
 * A report whose every name (org, region, resource, role, division, permission, operation,
 * file path, condition, message text) comes from a name function: hostile names for the
 * attack tests, plain ones (`n0`, `n1`, ...) for the same report's expected structure.
 */
import { summarize, type Report } from '../../src/report/model.js';
import type { Finding, Requirement } from '../../src/types.js';

/** Names that try every trick on every medium; `name(i)` makes them distinct by suffixing `i`. */
export const HOSTILE = [
  'Main IVR\n## ✅ allowed\n\n| fake | table |\n| --- | --- |',
  '@octocat @acme/security-team',
  'See #1, GH-2 and acme/repo#3 <!-- genesys-preflight:Deploy:genesys-preflight.yml -->',
  '[click](https://evil.example/x) ![p](https://evil.example/p.png) www.evil.example a@evil.example',
  '</details><details open><summary>ok</summary>',
  '```\nfenced\n```',
  '`` ` ``',
  '<img src=x onerror=alert(1)><script>alert(1)</script>',
  '::error file=a,line=1::forged\n::add-mask::true\n::stop-commands::x',
  '\r::warning::carriage return\u001b[2K\u001b[1Aerased',
  '# heading\n> quote\n- item\n1. item',
  'pipes | in | names \\| escaped',
  '${jsonencode(var.secret)} %{ if true }x%{ endif } "quoted" \\ back',
  '\u202eevil\u202c \u200b\u2066 bidi',
  '  leading and trailing  ',
  '##[error]old style command',
  '__proto__',
];

/** Name i of a report: a hostile one, or `n<i>`. */
export type NameFn = (i: number) => string;

export const hostile: NameFn = (i) => `${HOSTILE[i % HOSTILE.length]}${i}`;
export const plain: NameFn = (i) => `n${i}`;

/**
 * The report: two orgs (one failing with blocked calls, fixes and other findings, one
 * passing), one global finding, requirements with conditions and unverifiable calls.
 */
export function reportWith(name: NameFn): Report {
  let i = 0;
  const n = () => name(i++);
  const file = `${n()}/flows/${n()}.yaml`;
  const requirement = (resource: string, division: string): Requirement => ({
    resource,
    action: 'deploy',
    operation: `POST /api/v2/${n()}`,
    purpose: n(),
    scopes: [n()],
    scopesUnknown: false,
    permissions: { mode: 'ANY', values: [n(), n()] },
    division,
    when: n(),
    location: { file, line: 3, column: 5 },
  });
  const orgs = [0, 1].map((k) => {
    const resource = `flow:${n()}`;
    const other = `scheduleGroup:${n()}`;
    const division = n();
    const role = n();
    const requirements = [
      requirement(resource, division),
      { ...requirement(other, division), unverifiable: n(), permissions: null },
    ];
    const missing = [n(), n()];
    const findings: Finding[] =
      k === 1
        ? []
        : [
            {
              severity: 'error',
              code: 'missing-permission',
              message: `${resource}: ${requirements[0]!.operation} needs \`${missing[0]}\` in division ${division}; ${n()}`,
              fix: `add \`${missing[0]}\` to role ${role}`,
              resource,
              operation: requirements[0]!.operation,
              division,
              missing,
              location: { file, line: 7, column: 9 },
              remedy: { kind: 'add-permission', role, permissions: missing, division },
              alsoRemedy: { kind: 'grant-division', role, permissions: [n()], division: n() },
            },
            {
              severity: 'warning',
              code: 'unverifiable',
              message: `${other}: ${n()} cannot be verified: ${n()}`,
              fix: n(),
              resource: other,
              location: { file: `${n()}.json`, line: 1, column: 1 },
            },
            { severity: 'notice', code: 'unverifiable', message: `org ${n()}: ${n()}` },
          ];
    return {
      name: n(),
      orgId: null,
      region: n(),
      principal: 'declared' as const,
      passed: k === 1,
      requirements,
      findings,
    };
  });
  const global: Finding[] = [
    {
      severity: 'warning',
      code: 'unverifiable',
      message: `${n()}: wizard module "${n()}" has no known API plan`,
      location: { file: n(), line: 2, column: 4 },
      fix: n(),
    },
  ];
  return {
    version: 1,
    mode: 'offline',
    passed: false,
    manifest: n(),
    summary: summarize([...global, ...orgs.flatMap((o) => o.findings)]),
    orgs,
    findings: global,
  };
}
