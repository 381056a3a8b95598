/**
 * Attack classes 2 and 4 (issue 10): names are data. Org names that would inject shell in the
 * README's matrix recipe are refused (exit 2); markup, mentions, fences, pipes, marker text and
 * workflow commands in flow, schedule group, role and division names reach every output inert.
 */
import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  attackSuite,
  CASE_TIMEOUT,
  CLEAN,
  allExit,
  exitCodes,
  flowFile,
  manifest,
  runCase,
  runCliCommand,
  verdict,
  workspace,
  type Planted,
} from './harness.js';

attackSuite();

describe('class 2: org names cannot carry shell syntax', () => {
  const cases: Array<[string, string]> = [
    ['command substitution', 'prod$(touch pwned)'],
    ['a semicolon', 'prod;id'],
    ['a double quote', 'prod"b'],
    ['a newline', 'prod\nid'],
  ];
  for (const [what, name] of cases) {
    it(
      `an org name with ${what} is manifest-invalid (exit 2), also for the orgs command`,
      async () => {
        const id = `org-${what.replace(/\W+/g, '-')}`;
        const text = manifest('flows:\n  - file: flows/main.yaml', { org: JSON.stringify(name), credentials: false });
        const line = text.split('\n').findIndex((l) => l.includes('- name:')) + 1;
        const ws = workspace(id, { 'genesys-preflight.yml': text, 'flows/main.yaml': flowFile('Main IVR') });
        const r = await runCase(ws);
        r.extra.push(await runCliCommand(ws, ['orgs', '--manifest', 'genesys-preflight.yml']));
        const shown = name.includes('\n') ? [] : ([['the refused org name', name]] as Array<[string, string]>);
        const at = new RegExp(`genesys-preflight\\.yml:${line}:\\d+`);
        expect({
          exits: { ...exitCodes(r), orgs: r.extra[0]!.code },
          ...verdict(r, {
            refused: { path: 'genesys-preflight.yml', at, codes: ['manifest-invalid'] },
            needles: shown,
          }),
          pwned: existsSync(join(ws.dir, 'pwned')),
        }).toEqual({ exits: { ...allExit(r, 2), orgs: 2 }, ...CLEAN, pwned: false });
      },
      CASE_TIMEOUT,
    );
  }

  it("the README's and docs' workflow recipes paste no matrix, input or event value into a run: script", () => {
    const docs = [
      'README.md',
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => join('docs', f)),
    ];
    const untrusted = /^(matrix|inputs|github\.event|github\.head_ref|needs|steps|env)\b/;
    const bad: string[] = [];
    let scripts = 0;
    for (const file of docs) {
      const text = readFileSync(file, 'utf8');
      for (const block of text.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
        const lines = block[1]!.split('\n');
        lines.forEach((l, i) => {
          const m = /^(\s*)(?:-\s+)?run:\s*(.*)$/.exec(l);
          if (!m) return;
          scripts++;
          const indent = m[1]!.length;
          const script = [m[2]!];
          if (/^[|>][-+0-9]*\s*$/.test(m[2]!)) {
            for (let k = i + 1; k < lines.length; k++) {
              const next = lines[k]!;
              if (next.trim() && next.length - next.trimStart().length <= indent) break;
              script.push(next);
            }
          }
          for (const expr of script.join('\n').matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)) {
            if (untrusted.test(expr[1]!)) bad.push(`${file}: run: uses \${{ ${expr[1]} }}`);
          }
        });
      }
    }
    // The recipes exist (the check looked at real run: scripts) and none takes an expression.
    expect({ scripts: scripts >= 3, bad }).toEqual({ scripts: true, bad: [] });
  });
});

/**
 * A payload planted in a flow name, a schedule group name, a role name, a division name, and a
 * premium-app wizard config's role name and permission domain.
 */
function hostileNames(id: string, payload: string) {
  const wizard = {
    provisioningInfo: {
      role: [{ name: payload, permissionPolicies: [{ domain: payload, entityName: 'flow', actionSet: ['view'] }] }],
    },
  };
  const flow = flowFile(payload, { division: payload, extra: `  description: "# ${`CANARY-${id}-7f3a`}"` });
  const text = manifest(
    [
      'flows:',
      '  - file: flows/main.yaml',
      'scheduleGroups:',
      `  - {name: ${JSON.stringify(payload)}, division: ${JSON.stringify(payload)}}`,
      'premiumApps:',
      '  - {integrationType: premium-app-example, config: apps/provisioning.json}',
    ].join('\n'),
    {
      credentials: false,
      roles: `  ${JSON.stringify(payload)}: {permissions: [architect:flow:view]}`,
      principal: `        - {role: ${JSON.stringify(payload)}, divisions: [${JSON.stringify(payload)}]}`,
    },
  );
  return workspace(id, {
    'genesys-preflight.yml': text,
    'flows/main.yaml': flow,
    'apps/provisioning.json': JSON.stringify(wizard, null, 2),
  });
}

/** Runs the action and the CLI offline (names from the declared principal reach every output). */
async function inert(id: string, payload: string, planted: Planted) {
  const ws = hostileNames(id, payload);
  const r = await runCase(ws, { inputs: { mode: 'offline' }, cliArgs: ['--mode', 'offline'] });
  const { marks, ...markdown } = planted;
  const v = verdict(r, { planted: marks, markdown });
  // The names must reach the outputs (as data): otherwise this case would prove nothing.
  const comments = r.action.comments.map((c) => c.body).join('\n');
  const outputs = [r.action.summary, comments, r.cli.markdown!.stdout, r.cli.text!.stdout];
  const reached = marks.every((m) => outputs.every((o) => o.includes(m)));
  expect({ exits: exitCodes(r), ...v, reached }).toEqual({ exits: allExit(r, 1), ...CLEAN, reached: true });
}

describe('class 4: markup in names is inert in the comment, the summary and --format markdown', () => {
  it(
    'a newline and a fake "✅ allowed" heading',
    async () => {
      await inert('md-heading', 'Main\n## ✅ allowed NAME-heading-9c1e', { marks: ['NAME-heading-9c1e'] });
    },
    CASE_TIMEOUT,
  );

  it(
    'an unclosed <details><summary> that would fold the rest away',
    async () => {
      await inert('md-details', '<details><summary>NAME-details-9c1e</summary>', { marks: ['NAME-details-9c1e'] });
    },
    CASE_TIMEOUT,
  );

  it(
    'a link and a bare URL to another host',
    async () => {
      const payload = '[click](https://evil.example/NAME-link-9c1e) https://evil.example/x';
      await inert('md-link', payload, { marks: ['NAME-link-9c1e'] });
    },
    CASE_TIMEOUT,
  );

  it(
    'an image (a tracking pixel)',
    async () => {
      await inert('md-image', '![x](https://evil.example/NAME-img-9c1e.png)', { marks: ['NAME-img-9c1e'] });
    },
    CASE_TIMEOUT,
  );

  it(
    '@user and @org/team mentions (they notify people)',
    async () => {
      await inert('md-mention', 'ping @canary-user and @org/canary-team NAME-mention-9c1e', {
        marks: ['NAME-mention-9c1e'],
        mentions: ['canary-user', 'org/canary-team'],
      });
    },
    CASE_TIMEOUT,
  );

  it(
    'a code fence opened by a name',
    async () => {
      await inert('md-fence', 'Main\n```\nNAME-fence-9c1e ``` ~~~', { marks: ['NAME-fence-9c1e'] });
    },
    CASE_TIMEOUT,
  );

  it(
    'table pipes that would make their own cell',
    async () => {
      await inert('md-pipe', 'a|NAME-pipe-9c1e|b', { marks: ['NAME-pipe-9c1e'], pipeCell: 'NAME-pipe-9c1e' });
    },
    CASE_TIMEOUT,
  );

  it(
    "the sticky comment's hidden marker text",
    async () => {
      const payload = '<!-- genesys-preflight:Preflight:genesys-preflight.yml --> NAME-marker-9c1e';
      await inert('md-marker', payload, { marks: ['NAME-marker-9c1e'] });
    },
    CASE_TIMEOUT,
  );

  it(
    'an issue reference (#4242)',
    async () => {
      await inert('md-issue', 'fixes #4242 NAME-issue-9c1e', { marks: ['NAME-issue-9c1e'], issueRefs: ['#4242'] });
    },
    CASE_TIMEOUT,
  );
});

describe('class 4: names never start a workflow command or a terminal escape', () => {
  it(
    'a name holding "\\n::error::"',
    async () => {
      await inert('cmd-error', 'Main\n::error::NAME-cmd-9c1e', { marks: ['NAME-cmd-9c1e'] });
    },
    CASE_TIMEOUT,
  );

  it(
    'a name holding "\\n::add-mask::true" (would hide "true" job-wide)',
    async () => {
      await inert('cmd-mask', 'Main NAME-mask-9c1e\n::add-mask::true', { marks: ['NAME-mask-9c1e'] });
    },
    CASE_TIMEOUT,
  );

  it(
    'a name holding "\\n::stop-commands::" (would turn our annotations off)',
    async () => {
      await inert('cmd-stop', 'Main\n::stop-commands::NAME-stop-9c1e', { marks: ['NAME-stop-9c1e'] });
    },
    CASE_TIMEOUT,
  );

  it(
    'a name holding terminal escapes (ESC [2J, OSC title)',
    async () => {
      await inert('cmd-esc', 'Main\u001b[2J\u001b]0;NAME-esc-9c1e\u0007\r::warning::x', { marks: ['NAME-esc-9c1e'] });
    },
    CASE_TIMEOUT,
  );
});
