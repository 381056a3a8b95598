import { describe, it, expect } from '@jest/globals';
import { annotationsFor, ANNOTATIONS_PER_TYPE } from '../src/report/annotations.js';
import { exitCode, summarize, type Report } from '../src/report/model.js';
import { groupRemedies, remedySentence } from '../src/report/remedies.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderText } from '../src/report/text.js';
import { missingPermissions } from '../src/action/outputs.js';
import type { Finding } from '../src/types.js';

const loc = (line: number) => ({ file: 'm.yml', line, column: 3 });
const err = (i: number, extra: Partial<Finding> = {}): Finding => ({
  severity: 'error',
  code: 'missing-permission',
  message: `flow:F${i}: needs x`,
  resource: `flow:F${i}`,
  operation: 'POST /api/v2/flows',
  division: 'Home',
  missing: ['architect:flow:add'],
  fix: `add x ${i}`,
  location: loc(i + 1),
  remedy: { kind: 'add-permission', role: 'Deployer', permissions: ['architect:flow:add'], division: 'Home' },
  ...extra,
});

function report(findings: Finding[], global: Finding[] = []): Report {
  return {
    version: 1,
    mode: 'offline',
    passed: false,
    manifest: 'm.yml',
    summary: summarize([...global, ...findings]),
    orgs: [
      {
        name: 'o|1',
        orgId: null,
        region: 'us-east-1',
        principal: 'declared',
        passed: !findings.some((f) => f.severity === 'error'),
        requirements: [],
        findings,
      },
    ],
    findings: global,
  };
}

describe('annotations', () => {
  it('at most 10 per type, worst first, and one notice for the rest', () => {
    const fs = [
      ...Array.from({ length: 25 }, (_, i) => err(i)),
      { severity: 'warning', code: 'unverifiable', message: 'w', location: loc(99) } as Finding,
    ];
    const a = annotationsFor(report(fs), 'see the job summary');
    expect(a.filter((x) => x.level === 'error')).toHaveLength(ANNOTATIONS_PER_TYPE);
    expect(a.filter((x) => x.level === 'warning')).toHaveLength(1);
    const notice = a.filter((x) => x.level === 'notice');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.message).toBe('15 more findings not shown as annotations: see the job summary');
    expect(a[0]).toMatchObject({ level: 'error', file: 'm.yml', startLine: 1, startColumn: 3 });
  });

  it('folds identical findings at one place', () => {
    const same = [err(1), { ...err(1), resource: 'flow:other' }];
    const a = annotationsFor(report(same), 'x');
    expect(a).toHaveLength(1);
    expect(a[0]!.message).toMatch(/and 1 more like it/);
  });

  it('fatal findings come first', () => {
    const fatal: Finding = {
      severity: 'error',
      code: 'manifest-invalid',
      message: 'bad',
      fatal: true,
      location: loc(50),
    };
    expect(annotationsFor(report([err(1)], [fatal]), 'x')[0]!.title).toBe('genesys-preflight: manifest-invalid');
  });
});

describe('exit codes', () => {
  const warn: Finding = { severity: 'warning', code: 'unverifiable', message: 'w' };
  it.each([
    [[], 'error', 0],
    [[warn], 'error', 0],
    [[warn], 'warning', 1],
    [[err(1)], 'error', 1],
    [[err(1)], 'never', 0],
    [[{ ...err(1), code: 'auth-failed', fatal: true } as Finding], 'never', 2],
  ] as Array<[Finding[], 'error' | 'warning' | 'never', number]>)('%j fail-on %s → %d', (fs, failOn, code) => {
    expect(exitCode(report(fs), failOn)).toBe(code);
  });
});

describe('fixes grouped per role and division', () => {
  it('merges permissions and resources', () => {
    const fs = [
      err(1),
      err(2, {
        remedy: { kind: 'add-permission', role: 'Deployer', permissions: ['architect:flow:publish'], division: 'Home' },
      }),
      err(3, {
        remedy: { kind: 'grant-division', role: 'Deployer', permissions: ['architect:flow:view'], division: 'Support' },
      }),
    ];
    const g = groupRemedies(fs);
    expect(g).toHaveLength(2);
    expect(remedySentence(g[0]!)).toBe(
      'add architect:flow:add, architect:flow:publish to role Deployer, granted in division Home',
    );
    expect(g[0]!.resources).toEqual(['flow:F1', 'flow:F2']);
    expect(remedySentence(g[1]!)).toBe('grant role Deployer in division Support (for architect:flow:view)');
  });

  it('missing-permissions output: per org, permission → divisions', () => {
    expect(
      missingPermissions(
        report([
          err(1),
          err(2, {
            remedy: { kind: 'add-permission', role: 'D', permissions: ['architect:flow:add'], division: 'Sales' },
          }),
        ]),
      ),
    ).toEqual({
      'o|1': [{ permission: 'architect:flow:add', divisions: ['Home', 'Sales'] }],
    });
  });
});

describe('renderers', () => {
  it('markdown escapes table cells and shows the verdict', () => {
    const md = renderMarkdown(report([err(1)]), 1);
    expect(md).toMatch(/\| o\\\|1 \| us-east-1 \| declared \(offline\) \| ❌ fail \| 1 \| 0 \| 0 \|/);
    expect(md).toMatch(/Deploy ❌ \*\*blocked\*\*/);
  });

  it('text folds the calls one fix resolves, then identical entries of several resources, and lists the fixes', () => {
    const sameFix = (i: number, op: string) =>
      err(i, { resource: 'flow:F1', operation: op, message: `flow:F1: ${op} needs x`, fix: 'add x' });
    const text = renderText(
      report([sameFix(1, 'GET /a'), sameFix(2, 'POST /a'), sameFix(3, 'PUT /a'), sameFix(4, 'DELETE /a')]),
      1,
    );
    expect(text).toMatch(
      /flow:F1: 4 calls need `architect:flow:add` in division Home: GET \/a, POST \/a, PUT \/a, and 1 more\n {4}fix: add `architect:flow:add` to role Deployer, granted in division Home/,
    );
    const twoResources = renderText(
      report([
        err(1, { message: 'flow:F1: GET /q needs y', fix: 'add y' }),
        err(2, { resource: 'flow:F2', message: 'flow:F2: GET /q needs y', fix: 'add y' }),
      ]),
      1,
    );
    expect(twoResources).toMatch(/flow:F1, flow:F2: GET \/q needs y\n {4}fix: add y/);
    expect(twoResources).toMatch(
      /To fix o\|1:\n {4}- add architect:flow:add to role Deployer, granted in division Home/,
    );
  });

  it('text: orgs sharing finding objects print as orgs holding copies, each under its own name and verdict', () => {
    const shared = [err(1), err(2, { message: 'flow:F2: \u001b[31m needs x' })];
    const orgs = (copy: boolean): Report['orgs'] =>
      ['a', 'b\u001b', 'c'].map((name, i) => ({
        name,
        orgId: null,
        region: 'us-east-1',
        principal: 'declared' as const,
        passed: false,
        requirements: [],
        findings: i === 2 ? [shared[0]!] : copy ? shared.map((f) => ({ ...f })) : shared,
      }));
    const of = (copy: boolean) => renderText({ ...report([]), orgs: orgs(copy) }, 1);
    const text = of(false);
    expect(text).toBe(of(true));
    expect(text).toContain('To fix b\\x1B:');
    expect(text).toContain('flow:F2: \\x1B[31m needs x');
    expect(text.match(/✗ c \(us-east-1\): FAIL, 1 error, 0 warnings/g)).toHaveLength(1);
  });
});
