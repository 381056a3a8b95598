/**
 * The bundled action in live mode against the fake Genesys Cloud, as the runner runs it, with
 * ACTIONS_STEP_DEBUG on: verdicts, outputs, and no secret or token in any output. The credentials
 * are in the convention's variables (GENESYS_<ORG>_CLIENT_ID/_CLIENT_SECRET); the manifest names none.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { startFakeGenesys, type FakeGenesys, type FakeOrg } from '../test-support/fake-genesys/index.js';
import {
  catalogRequirements,
  fakeOrgs,
  scenarioEnv,
  writeScenarioManifest,
  type ScenarioOrg,
  type ScenarioRole,
} from './support/scenario.js';
import { parseCommands, runAction, runCli, type RunResult } from './support/runner.js';
import { findingsOf } from './support/report-v3.js';
import { bundlePaths } from './support/bundle.js';

const { action: ACTION, cli: CLI } = bundlePaths();
const ROLES: ScenarioRole[] = [
  { name: 'Flow Deployer', permissions: ['architect:ui:view', 'architect:flow:*', 'architect:job:*'] },
  { name: 'Flow Editor', permissions: ['architect:flow:view', 'architect:flow:add', 'architect:flow:edit'] },
];
const ORGS: ScenarioOrg[] = [
  {
    name: 'good',
    orgId: '11111111-1111-4111-8111-111111111111',
    roles: [{ role: 'Flow Deployer', divisions: ['*'] }],
    clientSecret: 'S3CRET-good-8c1f0e2d',
  },
  {
    name: 'missing',
    orgId: '22222222-2222-4222-8222-222222222222',
    roles: [{ role: 'Flow Editor', divisions: ['*'] }],
    clientSecret: 'S3CRET-missing-7a6b5c',
  },
  {
    name: 'wrongorg',
    orgId: '33333333-3333-4333-8333-333333333333',
    tokenOrgId: '44444444-4444-4444-8444-444444444444',
    roles: [{ role: 'Flow Deployer', divisions: ['*'] }],
    clientSecret: 'S3CRET-wrong-0d9e8f',
  },
];

let fake: FakeGenesys;
let orgs: FakeOrg[];
let r: RunResult;
let manifest: string;
let env: Record<string, string>;

beforeAll(async () => {
  orgs = fakeOrgs(ORGS, ROLES);
  fake = await startFakeGenesys({ orgs, requirements: catalogRequirements });
  manifest = writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 3, declare: false });
  env = scenarioEnv(orgs, ORGS);
  const debug = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', CI: 'true' };
  r = await runAction(ACTION, { manifest, mode: 'live', comment: 'never' }, { ...env, ...debug });
});
afterAll(async () => {
  await fake.close();
});

/** What a person could see: every output except the runner's own add-mask commands. */
function visible(result: RunResult): string {
  const stdout = result.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return [
    stdout,
    result.stderr,
    result.summary,
    JSON.stringify(result.outputs),
    readFileSync(result.outputs.report!, 'utf8'),
  ].join('\n');
}

describe('live action', () => {
  it('reports each org: pass, missing permission, wrong org; exit 1', () => {
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8'));
    expect(report.mode).toBe('live');
    expect(report.orgs.map((o: { name: string; passed: boolean }) => [o.name, o.passed])).toEqual([
      ['good', true],
      ['missing', false],
      ['wrongorg', false],
    ]);
    expect(r.summary).toMatch(/\| wrongorg \| us-east-1 \| — \| ❌ fail \|/);
    expect(r.summary).toMatch(/\| good \| us-east-1 \| live \| ✅ pass \|/);
    expect(JSON.parse(r.outputs['missing-permissions']!).missing).toContainEqual({
      permission: 'architect:flow:publish',
      divisions: expect.any(Array),
    });
  });

  it('masks every secret and token the moment it is read, and nothing else (not CI=true, not a client id)', () => {
    const masks = parseCommands(r.stdout)
      .filter((c) => c.command === 'add-mask')
      .map((c) => c.message);
    for (const o of ORGS.slice(0, 2)) expect(masks).toContain(o.clientSecret);
    expect(fake.issuedTokens().length).toBeGreaterThan(0);
    for (const t of fake.issuedTokens()) expect(masks).toContain(t);
    expect(masks).not.toContain('true');
    for (const o of orgs) expect(masks).not.toContain(o.clients[0]!.clientId);
    expect(new Set(masks).size).toBe(masks.length);
  });

  it('no secret or token in stdout, stderr, summary, outputs or the JSON report (debug on)', () => {
    const text = visible(r);
    expect(r.stdout).toMatch(/::debug::|genesys-preflight/);
    for (const s of [...ORGS.map((o) => o.clientSecret!), ...fake.issuedTokens()]) expect(text).not.toContain(s);
  });

  it('the CLI in live mode prints the verdicts and no secret', async () => {
    const cli = await runCli(CLI, ['check', '--manifest', manifest, '--mode', 'live'], env);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/✓ good \(us-east-1, org 11111111-1111-4111-8111-111111111111\): PASS/);
    expect(cli.stdout).toMatch(/✗ missing .*FAIL/);
    expect(cli.stdout).toMatch(/✗ wrongorg .*FAIL/);
    for (const s of [...ORGS.map((o) => o.clientSecret!), ...fake.issuedTokens()])
      expect(cli.stdout + cli.stderr).not.toContain(s);
  });

  it('mode auto (the default) goes live on the environment although the manifest names no variable', async () => {
    const declared = writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 3, declare: true });
    const auto = await runAction(ACTION, { manifest: declared, comment: 'never' }, env);
    const report = JSON.parse(readFileSync(auto.outputs.report!, 'utf8'));
    expect(report.mode).toBe('live');
    expect(report.orgs.map((o: { principal: string }) => o.principal)).toEqual(['live', 'live', 'none']);
    expect(auto.code).toBe(1);
  });

  it('input live-orgs with the secrets unset (a fork pull request): exit 2, auth-failed, not offline', async () => {
    const declared = writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 3, declare: true });
    const noSecrets = { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' };
    const fork = await runAction(ACTION, { manifest: declared, comment: 'never', 'live-orgs': 'good' }, noSecrets);
    expect(fork.code).toBe(2);
    expect(fork.outputs.passed).toBe('false');
    const report = JSON.parse(readFileSync(fork.outputs.report!, 'utf8'));
    expect(findingsOf(report, 0)[0]!.code).toBe('auth-failed');
    expect(findingsOf(report, 0)[0]!.message).toMatch(
      /requires a live check \(live-orgs\), but GENESYS_GOOD_CLIENT_ID and GENESYS_GOOD_CLIENT_SECRET are not set/,
    );
    // without live-orgs the same run is offline (the declared principals pass or fail on their own)
    const offline = await runAction(ACTION, { manifest: declared, comment: 'never' }, noSecrets);
    expect(JSON.parse(readFileSync(offline.outputs.report!, 'utf8')).mode).toBe('offline');
  });

  it('mode auto falls back to offline without credentials and goes live with them', async () => {
    const offline = await runCli(
      CLI,
      [
        'check',
        '--manifest',
        writeScenarioManifest(fake.apiBase, ORGS.slice(0, 1), ROLES, { flows: 1 }),
        '--format',
        'json',
      ],
      {},
    );
    expect(JSON.parse(offline.stdout).mode).toBe('offline');
    const oneOrg = writeScenarioManifest(fake.apiBase, ORGS.slice(0, 1), ROLES, { flows: 1 });
    const oneEnv = scenarioEnv(orgs.slice(0, 1), ORGS.slice(0, 1));
    const liveRun = await runCli(CLI, ['check', '--manifest', oneOrg, '--format', 'json'], oneEnv);
    expect(JSON.parse(liveRun.stdout).mode).toBe('live');
    expect(JSON.parse(liveRun.stdout).orgs[0].principal).toBe('live');
  });

  it('mode auto, credentials in the environment for orgs the manifest does not declare (renamed): exit 2', async () => {
    const oneOrg = writeScenarioManifest(fake.apiBase, ORGS.slice(0, 1), ROLES, { flows: 1 });
    const renamed = await runCli(CLI, ['check', '--manifest', oneOrg], env);
    expect(renamed.code).toBe(2);
    expect(renamed.stderr).toMatch(/GENESYS_MISSING_CLIENT_ID, GENESYS_MISSING_CLIENT_SECRET, GENESYS_WRONGORG_/);
    expect(renamed.stderr).toMatch(/but no org of .* is named for them/);
  });
});
