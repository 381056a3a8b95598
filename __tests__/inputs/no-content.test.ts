/**
 * No file content in any message: a fake token and a fake checkout credential written in many
 * broken shapes (bad YAML, bad JSON, unknown keys named like the secret, values that fail the
 * schema, placeholders, options files, premium-app configs, Terraform plans) never reach a
 * finding's message, fix or any other part of the JSON report. Each case is a small workspace run
 * through the real pipeline (runCheck, offline); a few also through the CLI, whose text output
 * must not hold them either.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../../src/engine.js';
import { allFindings, exitCode } from '../../src/report/model.js';
import { bundlePaths } from '../support/bundle.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const T = 'ghp_FAKEsecret0123456789abcdefABCDEF0123';
const AUTH = 'AUTHORIZATION: basic ZmFrZQ==';
/** What must never appear: the token, the credential, and telling pieces of each. */
const FORBIDDEN = [T, 'FAKEsecret', 'ZmFrZQ', 'basic Zm', 'AUTHORIZATION'];

const HEAD = [
  'version: 1',
  'orgs:',
  '  - name: prod',
  '    region: us-east-1',
  '    principal:',
  '      grant: client-credentials',
  '      roles: [{role: D, divisions: ["*"]}]',
  'roles:',
  '  D: {permissions: ["architect:flow:*"]}',
];
const m = (...more: string[]) => [...HEAD, ...more].join('\n') + '\n';
const GIT_CONFIG = `[core]\n\trepositoryformatversion = 0\n[http "https://github.com/"]\n\textraheader = ${AUTH}\n`;
const plan = (changes: unknown[], extra: object = {}) =>
  JSON.stringify({ format_version: '1.2', resource_changes: changes, ...extra });
const change = (after: object, actions: unknown = ['create'], type = 'genesyscloud_flow') => ({
  address: `${type}.x`,
  mode: 'managed',
  type,
  name: 'x',
  change: { actions, before: null, after },
});
const withPlan = m('terraform:', '  plan: plan.json', '  orgs: [prod]');

/** Case name → the workspace's files; `m.yml` is the manifest. */
const CASES: Record<string, Record<string, string>> = {
  // ── the manifest ─────────────────────────────────────────────────────────────────────────
  'the checkout credential file as the manifest': { 'm.yml': GIT_CONFIG },
  'the credential header line as the manifest': { 'm.yml': `${AUTH}\n` },
  'the credential as an indented block': { 'm.yml': `version: 1\n  ${AUTH}\norgs: []\n` },
  'a quote never closed': { 'm.yml': `version: 1\norgs: "${T}\n` },
  'a bracket never closed': { 'm.yml': `version: 1\norgs: [${T}\n` },
  'a brace never closed': { 'm.yml': `version: 1\norgs: {${T}: 1\n` },
  'a compact nested mapping': { 'm.yml': `version: 1\norgs: ${T}: x: y\n` },
  'a multi-line implicit key': { 'm.yml': `version: 1\n"${T}\n  x": 1\n` },
  'a bad escape': { 'm.yml': `version: 1\norgs: "\\q${T}"\n` },
  'a tag': { 'm.yml': `version: 1\norgs: !${T} x\n` },
  'an unknown directive': { 'm.yml': `%${T} x\n---\nversion: 1\n` },
  'an alias without anchor': { 'm.yml': m('defaults:', `  division: *${T}`) },
  'a backtick value': { 'm.yml': `version: 1\norgs: \`${T}\n` },
  'tabs before the secret': { 'm.yml': `version: 1\norgs:\n\t- ${T}\n` },
  'a duplicate key named like the secret': { 'm.yml': m(`${T}: 1`, `${T}: 2`) },
  'an unknown top-level key named like the secret': { 'm.yml': m(`${T}: 1`) },
  'an unknown org key': { 'm.yml': m().replace('    region: us-east-1', `    region: us-east-1\n    ${T}: x`) },
  'an unknown key in a JSON manifest': {
    'm.json': `{"version": 1, "orgs": [{"name": "p", "region": "us-east-1"}], "${T}": 1}\n`,
  },
  'a JSON syntax error after the secret': { 'm.json': `{"version": 1, "orgs": ["${T}" 1]}\n` },
  'a JSON bare word': { 'm.json': `{"version": 1, "orgs": ${T}}\n` },
  'a JSON bad escape': { 'm.json': `{"version": "\\q${T}"}\n` },
  'version as the secret': { 'm.yml': m().replace('version: 1', `version: "${T}"`) },
  'grant as the secret': { 'm.yml': m().replace('grant: client-credentials', `grant: ${T}`) },
  'region as the secret': { 'm.yml': m().replace('region: us-east-1', `region: ${T}`) },
  'orgId as the secret': { 'm.yml': m().replace('    region: us-east-1', `    region: us-east-1\n    orgId: ${T}`) },
  'an org name with a space': { 'm.yml': m().replace('name: prod', `name: "${T} x"`) },
  'credentials as the secret value': {
    'm.yml': m().replace(
      '    region: us-east-1',
      `    region: us-east-1\n    credentials: {clientId: "${T}", clientSecret: "${AUTH}"}`,
    ),
  },
  'a role reference as the secret': { 'm.yml': m().replace('role: D,', `role: ${T},`) },
  'a resource org as the secret': { 'm.yml': m('scheduleGroups:', `  - {name: G, orgs: [${T}]}`) },
  'a duplicated list item': { 'm.yml': m().replace('divisions: ["*"]', `divisions: ["${T}", "${T}"]`) },
  'a flow type as the secret': { 'm.yml': m('flows:', `  - {name: F, type: ${T}}`) },
  'an action as the secret': { 'm.yml': m('scheduleGroups:', `  - {name: G, action: ${T}}`) },
  'a weekDate as the secret': { 'm.yml': m('wfm:', '  schedules:', `    - {businessUnit: B, weekDate: ${T}}`) },
  'a provision module as the secret': { 'm.yml': m('premiumApps:', `  - {integrationType: x, provision: [${T}]}`) },
  'a permission object key as the secret': {
    'm.yml': m().replace('permissions: ["architect:flow:*"]', `permissions: [{${T}: x}]`),
  },
  'a substitutions value that is a map': {
    'm.yml': m('flows:', '  - file: f.yaml', `    substitutions: {${T}: {a: 1}}`),
    'f.yaml': 'inboundCall:\n  name: F\n',
  },
  // ── flow files and options files ─────────────────────────────────────────────────────────
  'the checkout credential as a flow file': { 'm.yml': m('flows:', '  - file: f.yaml'), 'f.yaml': GIT_CONFIG },
  'a flow file with a quote never closed': {
    'm.yml': m('flows:', '  - file: f.yaml'),
    'f.yaml': `inboundCall:\n  name: "${T}\n`,
  },
  'a flow file whose top-level key is the secret': {
    'm.yml': m('flows:', '  - file: f.yaml'),
    'f.yaml': `${T}:\n  name: F\n`,
  },
  'a flow name that is a list': {
    'm.yml': m('flows:', '  - file: f.yaml'),
    'f.yaml': `inboundCall:\n  name: [${T}]\n`,
  },
  'a flow name that is a number': {
    'm.yml': m('flows:', '  - file: f.yaml'),
    'f.yaml': 'inboundCall:\n  name: 4242424242\n',
  },
  'a placeholder named like the secret': {
    'm.yml': m('flows:', '  - file: f.yaml'),
    'f.yaml': `inboundCall:\n  name: F\n  division: {{${T}}}\n`,
  },
  'a placeholder next to defined keys': {
    'm.yml': m('flows:', '  - file: f.yaml', '    substitutions: {queue: Home}'),
    'f.yaml': `inboundCall:\n  name: F\n  division: {{${T}}}\n`,
  },
  'an options file with bad YAML': {
    'm.yml': m('flows:', '  - file: f.yaml', '    optionsFile: o.yaml'),
    'f.yaml': 'inboundCall:\n  name: F\n',
    'o.yaml': `substitutions: {a: "${T}\n`,
  },
  'an options file substitution that is a map': {
    'm.yml': m('flows:', '  - file: f.yaml', '    optionsFile: o.yaml'),
    'f.yaml': 'inboundCall:\n  name: F\n',
    'o.yaml': `substitutions:\n  ${T}: {x: "${AUTH}"}\n`,
  },
  'an options file that is the credential': {
    'm.yml': m('flows:', '  - file: f.yaml', '    optionsFile: o.yaml'),
    'f.yaml': 'inboundCall:\n  name: F\n',
    'o.yaml': GIT_CONFIG,
  },
  'a substituted value that breaks the YAML': {
    'm.yml': m('flows:', '  - file: f.yaml', `    substitutions: {q: "[${T}"}`),
    'f.yaml': 'inboundCall:\n  name: F\n  x: {{q}}\n',
  },
  // ── premium-app configs ──────────────────────────────────────────────────────────────────
  'a premium-app config that is not JSON': {
    'm.yml': m('premiumApps:', '  - {integrationType: x, config: c.json}'),
    'c.json': `{"role": [${T}]}`,
  },
  'a premium-app module named like the secret, not a list': {
    'm.yml': m('premiumApps:', '  - {integrationType: x, config: c.json}'),
    'c.json': `{"${T}": "${AUTH}"}`,
  },
  'a premium-app OAuth client role named like the secret': {
    'm.yml': m('premiumApps:', '  - {integrationType: x, config: c.json}'),
    'c.json': JSON.stringify({
      role: [{ name: 'R', permissionPolicies: [] }],
      'oauth-client': [{ name: 'C', roles: [T] }],
      [T]: [],
    }),
  },
  // ── Terraform plans ──────────────────────────────────────────────────────────────────────
  'a plan that is not JSON': { 'm.yml': withPlan, 'plan.json': `{"format_version": ${T}}` },
  'a plan that is the credential': { 'm.yml': withPlan, 'plan.json': GIT_CONFIG },
  'a plan with format_version as the secret': { 'm.yml': withPlan, 'plan.json': plan([], { format_version: T }) },
  'a plan with actions as the secret': {
    'm.yml': withPlan,
    'plan.json': plan([change({ filepath: 'f.yaml' }, [T, AUTH], 'genesyscloud_routing_queue')]),
  },
  'a plan nested deeper than the limit': {
    'm.yml': withPlan,
    'plan.json': `{"format_version": "1.2", "a": ${'['.repeat(5000)}"${T}"${']'.repeat(5000)}}`,
  },
  'a plan naming a flow file with bad YAML': {
    'm.yml': withPlan,
    'plan.json': plan([change({ filepath: 'f.yaml', substitutions: { [T]: AUTH } })]),
    'f.yaml': `inboundCall:\n  name: {{${T}}\n  x: "${AUTH}\n`,
  },
  'a plan naming a flow file with an unfilled placeholder': {
    'm.yml': withPlan,
    'plan.json': plan([change({ filepath: 'f.yaml' })]),
    'f.yaml': `inboundCall:\n  name: {{${T}}}\n`,
  },
};

let tmp: string;
beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'genesys-preflight-nocontent-')));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function workspace(files: Record<string, string>): { dir: string; manifest: string } {
  const dir = join(tmp, `case-${++n}`);
  for (const [name, text] of Object.entries({ '.git/config': GIT_CONFIG, ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, manifest: join(dir, files['m.json'] !== undefined ? 'm.json' : 'm.yml') };
}

describe('no file content in any finding', () => {
  test('the catalogue has many shapes', () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(50);
  });

  test.each(Object.entries(CASES))('%s', async (_name, files) => {
    const { manifest } = workspace(files);
    const report = await runCheck({ manifestPath: manifest, mode: 'offline' });
    const findings = allFindings(report);
    // Something was reported about the bad input: an error, or an `unverifiable` warning
    // (a plan change whose actions are not understood).
    expect(findings.some((f) => f.severity === 'error' || f.code === 'unverifiable')).toBe(true);
    expect([0, 1, 2]).toContain(exitCode(report, 'error'));
    for (const f of findings) {
      // Every problem with the input is located.
      if (f.fatal) expect(f.location).toBeDefined();
    }
    const json = JSON.stringify(report);
    for (const s of FORBIDDEN) expect(json).not.toContain(s);
  });
});

describe('through the CLI (text output)', () => {
  const pick = [
    'the checkout credential file as the manifest',
    'an unknown top-level key named like the secret',
    'a placeholder named like the secret',
    'a JSON bare word',
    'a plan with format_version as the secret',
    'the checkout credential as a flow file',
  ];

  test.each(pick)('%s', async (name) => {
    const { manifest } = workspace(CASES[name]!);
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const out = await new Promise<{ code: number | null; text: string }>((done) => {
      execFile(
        process.execPath,
        [bundlePaths().cli, 'check', '--manifest', manifest, '--mode', 'offline'],
        { cwd: ROOT, env, timeout: 20_000 },
        (error, stdout, stderr) =>
          done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, text: stdout + stderr }),
      );
    });
    expect(out.code).toBe(2);
    expect(out.text).not.toMatch(/internal error|^\s+at /m);
    for (const s of FORBIDDEN) expect(out.text).not.toContain(s);
  });
});
