/**
 * End to end: the action's `diagnose-log` input (issue 14), as the runner runs the bundle (the run's
 * bundle of the tree, support/bundle.ts) on a pull_request event with the fake GitHub on 127.0.0.1
 * (support/fake-github.ts): the deploy log's 403s go into the job summary ($GITHUB_STEP_SUMMARY)
 * and the sticky PR comment, each with its operation, the missing permissions, the manifest's
 * division and whether check predicted it. A log outside the workspace is refused with a warning
 * that quotes nothing of it; a log without a permission failure says so.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { annotations, runAction, type RunResult } from '../support/runner.js';
import { bundlePaths } from '../support/bundle.js';

const ACTION = bundlePaths().action;
const TOKEN = 'ghs_diagnoseE2eToken_8f14e45fceea167a5a36dedd4bea2543';
const OWNER = 'acme';
const REPO = 'contact-center';
const PR = 14;

/** A checkout: a copy of the examples folder (the example manifest, its flows, the Terraform example). */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gp-diag-'));
  cpSync(resolve('examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

function eventFile(dir: string): string {
  const repo = { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } };
  const payload = {
    action: 'synchronize',
    number: PR,
    pull_request: { number: PR, head: { repo, sha: 'abc' }, base: { repo } },
    repository: repo,
  };
  const file = join(dir, 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub({ token: TOKEN });
});
afterEach(async () => {
  await gh?.close();
});

function run(dir: string, inputs: Record<string, string>): Promise<RunResult> {
  return runAction(
    ACTION,
    {
      manifest: 'examples/genesys-preflight.yml',
      orgs: 'prod-eu',
      mode: 'offline',
      comment: 'always',
      'github-token': TOKEN,
      ...inputs,
    },
    {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile(dir),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '1414',
      GITHUB_WORKFLOW: 'Deploy',
      GITHUB_SHA: 'abc',
      GITHUB_WORKSPACE: dir,
    },
    dir,
  );
}

const comment = () => {
  const list = gh.commentsOn(OWNER, REPO, PR);
  expect(list).toHaveLength(1);
  return list[0]!.body;
};

/** A Platform API error body as Genesys sends it (SDK `ErrorBody`). */
function body(mode: 'ANY' | 'ALL', permission: string, n: number): string {
  const head =
    mode === 'ANY'
      ? 'Unable to perform the requested action. You must have at least one of the following permissions assigned: '
      : 'You are missing the following permission(s): ';
  return JSON.stringify({
    message: `${head}${permission}`,
    code: mode === 'ANY' ? 'missing.any.permissions' : 'missing.permissions',
    status: 403,
    messageWithParams: `${head}{permissions}`,
    messageParams: { permissions: permission },
    contextId: `c0ffee00-0000-4000-8000-0000000014${String(n).padStart(2, '0')}`,
    details: [],
    errors: [],
  });
}

/** What ./deploy.sh printed: one call check predicted (Holiday Hours), one it did not plan. */
const DEPLOY_LOG = [
  '##[group]Run ./deploy.sh 2>&1 | tee deploy.log',
  'POST https://api.mypurecloud.ie/api/v2/architect/schedulegroups -> HTTP 403',
  body('ALL', 'routing:scheduleGroup:add', 1),
  'POST https://api.mypurecloud.ie/api/v2/routing/queues -> HTTP 403',
  body('ANY', 'routing:queue:add', 2),
  '##[endgroup]',
  '##[error]Process completed with exit code 1.',
  '',
].join('\n');

describe('diagnose-log in the job summary and the sticky comment', () => {
  it("each 403: operation, permissions with ANY/ALL, the manifest's division, predicted or not", async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'deploy.log'), DEPLOY_LOG);
    const r = await run(dir, { 'diagnose-log': 'deploy.log' });
    expect(r.code).toBe(1); // prod-eu is blocked by the check itself
    // Lines 2 and 4: where each failure's report starts (the HTTP status line printed with its body).
    const rows = [
      '| 2 | `POST /api/v2/architect/schedulegroups` | all of routing:scheduleGroup:add in division `Home` ' +
        '(manifest: `scheduleGroup:Holiday Hours`) | predicted | add&#32;`routing:scheduleGroup:add`&#32;' +
        'to role Flow Deployer, granted in division Home |',
      '| 4 | `POST /api/v2/routing/queues` | one of routing:queue:add | **not predicted**: please report this gap ' +
        '(no plan of the manifest makes this call) | add&#32;`routing:queue:add`&#32;to role Flow Deployer |',
    ];
    for (const text of [r.summary, comment()]) {
      expect(text).toContain('### Deploy log: 2 permission failures (`deploy log`)');
      for (const row of rows) expect(text).toContain(row);
      expect(text).toMatch(/> \[!IMPORTANT\]\n> 1 of these 403s was not predicted by the check:\n> - 1: no plan /);
      // The check's own report follows the diagnosis.
      expect(text).toMatch(/prod-eu/);
      expect(text.indexOf('### Deploy log')).toBeLessThan(text.indexOf('| prod-eu |'));
    }
    const notes = annotations(r.stdout);
    expect(notes).toContainEqual(
      expect.objectContaining({
        command: 'warning',
        props: { title: 'genesys-preflight: missing-permission' },
        message: expect.stringMatching(/\(the deploy log, line 2, shows this 403; check predicted it\)$/),
      }),
    );
    expect(notes).toContainEqual(
      expect.objectContaining({
        command: 'error',
        props: { title: 'genesys-preflight: unpredicted-403' },
        message: expect.stringMatching(/^POST \/api\/v2\/routing\/queues was refused \(403, deploy log line 4\)/),
      }),
    );
  });

  it("a Terraform address in the log names the plan's flow: its division, from the manifest", async () => {
    const dir = workspace();
    const log = readFileSync(resolve('__tests__/fixtures/logs/34-tf-plan-addresses.log'), 'utf8');
    writeFileSync(join(dir, 'apply.log'), log);
    const r = await run(dir, {
      manifest: 'examples/terraform/genesys-preflight.yml',
      orgs: '',
      'diagnose-log': 'apply.log',
    });
    expect(r.code).toBe(1);
    for (const text of [r.summary, comment()]) {
      expect(text).toContain('### Deploy log: 4 permission failures');
      expect(text).toContain(
        '| 19 | `POST /api/v2/flows/jobs` | all of architect:job:create in division `Support` ' +
          '(manifest: `flow:Billing IVR`) |',
      );
      expect(text).toContain(
        '| 30 | `DELETE /api/v2/architect/schedulegroups/{scheduleGroupId}` | all of routing:scheduleGroup:delete ' +
          'in division `Support` (manifest: `terraform:genesyscloud_architect_schedulegroups.holidays`) | predicted |',
      );
      // genesyscloud_routing_queue.sales is not in the plan: no division is guessed, and the cause says so.
      expect(text).toContain(
        '| 39 | `POST /api/v2/routing/queues` | one of routing:queue:add | **not predicted**: ' +
          'genesyscloud\\_routing\\_queue.sales is not in the manifest |',
      );
      // The queue and the flow job: the declared principal holds what the platform asked for.
      expect(text).toContain(
        '| 7 | `POST /api/v2/routing/queues` | one of routing:queue:add in division `Support` ' +
          '(manifest: `terraform:genesyscloud_routing_queue.billing`) | **not predicted**: the deploy ran with other ' +
          "grants than the ones checked | run check in live mode with the deploy's own credentials",
      );
    }
  });

  it('a log that shows no permission failure says so', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'deploy.log'),
      [
        'Run ./deploy.sh',
        'GET https://api.mypurecloud.ie/api/v2/flows/abc -> HTTP 404',
        '{"message":"The requested flow was not found.","code":"not.found","status":404}',
        'Error: Process completed with exit code 1.',
        '',
      ].join('\n'),
    );
    const r = await run(dir, { 'diagnose-log': 'deploy.log' });
    for (const text of [r.summary, comment()]) {
      expect(text).toContain('_The deploy log shows no permission failure (403)._');
      expect(text).not.toContain('### Deploy log');
    }
  });
});

describe('diagnose-log outside the workspace', () => {
  const SECRET = 'S3CRET-deploy-output-7d793037a0760186574b0282f2f435e7';
  /** A log outside the checkout whose content must appear nowhere. */
  function outsideLog(): string {
    const elsewhere = mkdtempSync(join(tmpdir(), 'gp-diag-outside-'));
    const file = join(elsewhere, 'deploy.log');
    writeFileSync(file, `${SECRET}\n${DEPLOY_LOG}`);
    return file;
  }

  /** Everything the run showed: stdout (masks aside), stderr, summary, outputs and the comment. */
  const visible = (r: RunResult) =>
    [
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      r.stderr,
      r.summary,
      JSON.stringify(r.outputs),
      ...gh.commentsOn(OWNER, REPO, PR).map((c) => c.body),
    ].join('\n');

  it.each([
    ['an absolute path', (_dir: string, file: string) => file],
    ['a relative path climbing out', (dir: string, file: string) => relative(dir, file)],
    [
      'a symbolic link in the workspace',
      (dir: string, file: string) => {
        mkdirSync(join(dir, 'logs'));
        symlinkSync(file, join(dir, 'logs', 'deploy.log'));
        return 'logs/deploy.log';
      },
    ],
  ])('%s is refused with a warning, nothing of the file quoted', async (_name, pathOf) => {
    const dir = workspace();
    const file = outsideLog();
    const path = pathOf(dir, file);
    const r = await run(dir, { 'diagnose-log': path });
    expect(r.code).toBe(1); // the check's verdict, unchanged
    const warning = annotations(r.stdout).find((a) => a.command === 'warning' && /diagnose-log/.test(a.message));
    expect(warning?.message).toMatch(
      /^genesys-preflight: diagnose-log: deploy log .+ (is|resolves \(through a symbolic link\)) outside the workspace/,
    );
    expect(warning!.message).toContain('input files must be inside the repository checkout');
    for (const text of [r.summary, comment()]) {
      expect(text).toMatch(/_The deploy log was not diagnosed: deploy log .+ outside the workspace\._/);
      expect(text).not.toContain('### Deploy log');
    }
    const shown = visible(r);
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain('routing:queue:add');
    expect(shown).not.toContain('c0ffee00-0000-4000-8000-000000001401');
  });
});
