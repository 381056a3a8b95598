/**
 * The CLI commands of issues 14 and 15, run as a user runs them (the run's bundle of the tree):
 * `check --excess`, `audit`, `diagnose`, `explain PERMISSION|SCOPE`; and the environment variables
 * the help names (issue 13): every variable the tool reads, in the general help and in the help of
 * each command that reads it.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePaths } from './support/bundle.js';
import { runCli } from './support/runner.js';
import { CX_AS_CODE_ENV, credentialNames } from '../src/grants/credentials.js';
import { COMMENT_AUTHOR_ENV } from '../src/action/comment.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = join(ROOT, 'examples', 'genesys-preflight.yml');
let dir: string;
let cli: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gp-cli-cmd-'));
  cli = bundlePaths().cli;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[], workspace = ROOT) => runCli(cli, args, { GITHUB_WORKSPACE: workspace }, ROOT);

describe('CLI: excess, audit, diagnose, explain', () => {
  it('check --excess adds notices and the sizes; the verdict does not change', async () => {
    const plain = await run(['check', '--manifest', EXAMPLE, '--mode', 'offline', '--format', 'json']);
    const excess = await run(['check', '--manifest', EXAMPLE, '--mode', 'offline', '--format', 'json', '--excess']);
    expect(excess.code).toBe(plain.code);
    const text = await run(['check', '--manifest', EXAMPLE, '--mode', 'offline', '--excess']);
    expect(text.stdout).toMatch(
      /excess privilege: the deploy principal holds \d+ permissions in all divisions; this manifest needs \d+ in 2 divisions/,
    );
    expect(text.stdout).toMatch(/notice wildcard-grant/);
    const warn = await run([
      'check',
      '--manifest',
      EXAMPLE,
      '--mode',
      'offline',
      '--excess-level',
      'warning',
      '--fail-on',
      'warning',
    ]);
    expect(warn.code).toBe(1);
    expect(warn.stdout).toMatch(/warning excess-permission/);
  });

  it('audit prints the removal plan and the least-privilege roles of the union of the manifests', async () => {
    const other = join(dir, 'other.yml');
    writeFileSync(
      other,
      [
        'version: 1',
        'orgs:',
        '  - {name: prod-us, region: us-east-1, principal: {grant: client-credentials, roles: [{role: X, divisions: [Home]}]}}',
        'roles:',
        '  X: {permissions: [routing:queue:view]}',
        'scheduleGroups:',
        '  - {name: Other, deployer: api}',
        '',
      ].join('\n'),
    );
    const one = await run(['audit', '--manifest', EXAMPLE, '--mode', 'offline', '--org', 'prod-us']);
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(/fix: replace `architect:flow:\*` in role Flow Deployer with/);
    expect(one.stdout).toMatch(/Least-privilege roles to grant instead:/);
    // Both manifests must be in the workspace: here, the file system root.
    const both = await run(
      [
        'audit',
        '--manifest',
        EXAMPLE,
        '--manifest',
        other,
        '--mode',
        'offline',
        '--org',
        'prod-us',
        '--format',
        'json',
      ],
      '/',
    );
    const j = JSON.parse(both.stdout) as {
      orgs: Array<{ name: string; excess: { needed: { permissions: number } } }>;
      policies: unknown[];
    };
    const single = JSON.parse(
      (await run(['audit', '--manifest', EXAMPLE, '--mode', 'offline', '--org', 'prod-us', '--format', 'json'])).stdout,
    ) as typeof j;
    // The other manifest's schedule group needs what the example's already does, and its org is the same.
    expect(j.orgs[0]!.excess.needed.permissions).toBeGreaterThanOrEqual(single.orgs[0]!.excess.needed.permissions);
    expect(j.policies).toHaveLength(1);
  });

  it('diagnose reads a log (file or stdin) against the manifest; an unpredicted 403 exits 1', async () => {
    const log = join(dir, 'deploy.log');
    const body = {
      message: 'You are missing the following permission(s): telephony:plugin:all',
      code: 'missing.permissions',
      status: 403,
      messageParams: { permissions: 'telephony:plugin:all' },
    };
    writeFileSync(log, `> POST /api/v2/telephony/providers/edges HTTP/1.1\n< HTTP/1.1 403\n${JSON.stringify(body)}\n`);
    const r = await run(['diagnose', log, '--manifest', EXAMPLE, '--org', 'prod-eu']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/NOT predicted by check: please report this gap/);
    const md = await run(['diagnose', log, '--manifest', EXAMPLE, '--org', 'prod-eu', '--format', 'markdown']);
    expect(md.stdout).toMatch(/### Deploy log: 1 permission failure/);
    const none = join(dir, 'clean.log');
    writeFileSync(none, 'all good\n');
    const clean = await run(['diagnose', none, '--manifest', EXAMPLE]);
    expect([clean.code, clean.stdout]).toEqual([0, expect.stringContaining('no permission failure (403) found')]);
  });

  it('explain takes an operation, a permission or a scope; anything else exits 2 without echoing it', async () => {
    expect((await run(['explain', 'architect:ui:view'])).stdout).toMatch(/start the Architect Scripting session/);
    expect((await run(['explain', 'architect'])).stdout).toMatch(/^OAuth scope architect: admits/);
    const bad = await run(['explain', '<script>']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain('<script>');
  });
});

describe('help: the environment variables', () => {
  // The credential convention, as credentials.ts names it (<ORG> for the org's key).
  const convention = Object.values(credentialNames('ORG')).map((n) => n.replace('_ORG_', '_<ORG>_'));
  const CREDENTIALS = [...convention, ...Object.values(CX_AS_CODE_ENV)];
  const NETWORK = ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'GENESYS_PREFLIGHT_ALLOW_HOSTS'];
  const RUN = ['GITHUB_WORKSPACE', 'GENESYS_PREFLIGHT_DEBUG'];
  const ALL = [...CREDENTIALS, ...NETWORK, ...RUN, COMMENT_AUTHOR_ENV];

  it('the general help names every variable: credentials, CX-as-Code, proxy, hosts, workspace, debug, action', async () => {
    expect(CREDENTIALS).toEqual([
      'GENESYS_<ORG>_CLIENT_ID',
      'GENESYS_<ORG>_CLIENT_SECRET',
      'GENESYS_<ORG>_ACCESS_TOKEN',
      'GENESYSCLOUD_OAUTHCLIENT_ID',
      'GENESYSCLOUD_OAUTHCLIENT_SECRET',
      'GENESYSCLOUD_ACCESS_TOKEN',
      'GENESYSCLOUD_REGION',
    ]);
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    const env = r.stdout.slice(r.stdout.indexOf('\nEnvironment'));
    for (const v of ALL) expect({ v, named: env.includes(v) }).toEqual({ v, named: true });
    expect(env).toMatch(/lower case, which is read first/);
    expect(env).toMatch(/NO_PROXY go direct/);
    expect(env).toMatch(/password is masked and never printed/);
    expect(env).toMatch(/GENESYS_PREFLIGHT_COMMENT_AUTHOR\n\s+the GitHub Action only/);
  }, 120_000);

  it.each([
    ['check', [...CREDENTIALS, ...NETWORK, ...RUN]],
    ['audit', [...CREDENTIALS, ...NETWORK, ...RUN]],
    ['diagnose', [...CREDENTIALS, ...NETWORK, ...RUN]],
    ['policy', [...NETWORK, ...RUN]],
    ['orgs', RUN],
    ['explain', ['GENESYS_PREFLIGHT_DEBUG']],
  ])(
    '%s --help names the variables it reads, and no credential it does not',
    async (command, vars) => {
      const r = await run([command, '--help']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(new RegExp(`^Usage: genesys-preflight ${command}`));
      const env = r.stdout.slice(r.stdout.indexOf('\nEnvironment'));
      for (const v of vars) expect({ v, named: env.includes(v) }).toEqual({ v, named: true });
      if (!vars.includes('GENESYS_<ORG>_CLIENT_ID')) expect(env).not.toMatch(/GENESYS_<ORG>_|GENESYSCLOUD_/);
      expect(r.stdout).not.toContain(COMMENT_AUTHOR_ENV);
    },
    120_000,
  );

  it("every variable src/ reads by name is in the general help (the runner's own GITHUB_*, RUNNER_* aside)", async () => {
    const read = new Set<string>();
    const src = join(ROOT, 'src');
    for (const file of readdirSync(src, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file.includes('.generated.')) continue;
      const text = readFileSync(join(src, file), 'utf8');
      for (const m of text.matchAll(/\benv\??\.([A-Z][A-Z0-9_]+)|\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g)) {
        read.add((m[1] ?? m[2])!);
      }
    }
    // The action's runner context (GITHUB_EVENT_PATH, RUNNER_TEMP, ...) is not the user's to set.
    const runner = /^(GITHUB_(?!WORKSPACE$)|RUNNER_|ACTIONS_|INPUT_)/;
    const names = [...read].filter((v) => !runner.test(v)).sort();
    expect(names).toEqual(expect.arrayContaining(['GENESYS_PREFLIGHT_ALLOW_HOSTS', 'GITHUB_WORKSPACE']));
    const help = (await run(['--help'])).stdout;
    for (const v of names) expect({ v, named: help.includes(v) }).toEqual({ v, named: true });
  }, 120_000);
});
