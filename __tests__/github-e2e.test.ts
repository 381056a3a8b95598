/**
 * End-to-end: the bundled action on a pull_request event against a fake GitHub REST API on
 * 127.0.0.1: one sticky comment created then updated in place, turning green when fixed; fork
 * (read-only token) warns and still exits by the verdict; GHES through GITHUB_API_URL; a huge
 * report is truncated under 65,536 characters; no token in any output.
 */
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from './support/fake-github.js';
import { annotations, runAction, type RunResult } from './support/runner.js';
import { findingsOf } from './support/report-v3.js';
import { bundlePaths } from './support/bundle.js';

const ACTION = bundlePaths().action;
const TOKEN = 'ghs_e2eFakeToken_5d41402abc4b2a76b9719d911017c592';
const OWNER = 'acme';
const REPO = 'contact-center';
const PR = 7;

/** A copy of the examples folder to run in (and to edit between runs). */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gp-gh-'));
  cpSync(resolve('examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

function eventFile(dir: string, fork: boolean): string {
  const repo = { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } };
  const payload = {
    action: 'synchronize',
    number: PR,
    pull_request: {
      number: PR,
      head: {
        repo: fork ? { full_name: `someone/${REPO}`, name: REPO, owner: { login: 'someone' } } : repo,
        sha: 'abc',
      },
      base: { repo },
    },
    repository: repo,
  };
  const file = join(dir, 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

function run(
  gh: FakeGitHub,
  dir: string,
  opts: { fork?: boolean; event?: string; inputs?: Record<string, string> } = {},
): Promise<RunResult> {
  const event = opts.event ?? 'pull_request';
  return runAction(
    ACTION,
    { manifest: 'examples/genesys-preflight.yml', mode: 'offline', 'github-token': TOKEN, ...opts.inputs },
    {
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: event.startsWith('pull_request') ? eventFile(dir, opts.fork === true) : join(dir, 'none.json'),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKFLOW: 'Deploy',
      GITHUB_SHA: 'abc',
    },
    dir,
  );
}

/** Fixes prod-eu in the workspace copy of the example. */
function fixProdEu(dir: string): void {
  const file = join(dir, 'examples/genesys-preflight.yml');
  const text = readFileSync(file, 'utf8').replace(
    /(- name: prod-eu[\s\S]*?roles:\n)(\s+- role: Flow Deployer\n\s+divisions: \[Home\])/,
    "$1        - role: Flow Deployer\n          divisions: [Home, Support]\n        - role: Contact Center Ops\n          divisions: ['*']",
  );
  writeFileSync(file, text);
}

let gh: FakeGitHub;
afterEach(async () => {
  await gh?.close();
});

describe('sticky PR comment', () => {
  beforeEach(async () => {
    gh = await startFakeGitHub({ token: TOKEN });
  });

  it('two runs on the same PR leave exactly one comment, with the latest verdict; fixed turns it green', async () => {
    const dir = workspace();
    const first = await run(gh, dir);
    expect(first.code).toBe(1);
    let comments = gh.commentsOn(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^<!-- genesys-preflight:/);
    expect(comments[0]!.body).toMatch(/Deploy ❌ \*\*blocked\*\*/);
    expect(comments[0]!.body).toMatch(
      /\[workflow run\]\(https:\/\/github\.example\/acme\/contact-center\/actions\/runs\/4242\)/,
    );
    const id = comments[0]!.id;

    const second = await run(gh, dir);
    expect(second.code).toBe(1);
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0); // unchanged: no write
    fixProdEu(dir);
    const third = await run(gh, dir);
    expect(third.code).toBe(0);
    comments = gh.commentsOn(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(id);
    expect(comments[0]!.body).toMatch(/Deploy ✅ \*\*allowed\*\*/);
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('comment: auto on a passing PR with no earlier comment writes nothing; always does', async () => {
    const dir = workspace();
    fixProdEu(dir);
    const auto = await run(gh, dir);
    expect(auto.code).toBe(0);
    expect(gh.commentsOn(OWNER, REPO, PR)).toHaveLength(0);
    await run(gh, dir, { inputs: { comment: 'always' } });
    expect(gh.commentsOn(OWNER, REPO, PR)).toHaveLength(1);
  });

  it('comment: never and push events send no request', async () => {
    const dir = workspace();
    await run(gh, dir, { inputs: { comment: 'never' } });
    const push = await run(gh, dir, { event: 'push' });
    expect(push.code).toBe(1);
    expect(gh.requests).toHaveLength(0);
  });

  it('no token in any output', async () => {
    const dir = workspace();
    const r = await run(gh, dir);
    const visible = [
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      r.stderr,
      r.summary,
      JSON.stringify(r.outputs),
      readFileSync(r.outputs.report!, 'utf8'),
    ].join('\n');
    expect(visible).not.toContain(TOKEN);
    expect(gh.commentsOn(OWNER, REPO, PR)[0]!.body).not.toContain(TOKEN);
  });
});

describe('fork pull requests and GitHub Enterprise Server', () => {
  it('a read-only token (fork) warns and the step still exits by the verdict', async () => {
    gh = await startFakeGitHub({ token: TOKEN, forbiddenWrites: true });
    const dir = workspace();
    const r = await run(gh, dir, { fork: true });
    expect(r.code).toBe(1);
    const warning = annotations(r.stdout).find(
      (a) => a.command === 'warning' && /Resource not accessible by integration/.test(a.message),
    );
    expect(warning).toBeDefined();
    fixProdEu(dir);
    expect((await run(gh, dir, { fork: true, inputs: { comment: 'always' } })).code).toBe(0);
  });

  it('GHES: the API under /api/v3 from GITHUB_API_URL', async () => {
    gh = await startFakeGitHub({ token: TOKEN, pathPrefix: '/api/v3' });
    expect(gh.url).toMatch(/\/api\/v3$/);
    const r = await run(gh, workspace());
    expect(r.code).toBe(1);
    expect(gh.commentsOn(OWNER, REPO, PR)).toHaveLength(1);
    expect(gh.requests.every((q) => q.path.startsWith('/api/v3/'))).toBe(true);
  });
});

describe('huge reports', () => {
  it('a 2,000-finding report: the comment is truncated under 65,536 characters with a pointer; the summary has everything', async () => {
    gh = await startFakeGitHub({ token: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), 'gp-huge-'));
    const flows: string[] = [];
    for (let i = 0; i < 340; i++) {
      writeFileSync(join(dir, `f${i}.yaml`), `inboundCall:\n  name: Flow ${i}\n  division: Home\n`);
      flows.push(`  - file: f${i}.yaml`);
    }
    writeFileSync(
      join(dir, 'm.yml'),
      `version: 1\ndefaults: {deployer: api}\norgs:\n  - name: big\n    region: us-east-1\n    principal: {grant: client-credentials, roles: []}\nflows:\n${flows.join('\n')}\n`,
    );
    const r = await run(gh, dir, { inputs: { manifest: 'm.yml' } });
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8'));
    const findings = findingsOf(report, 0).length;
    expect(findings).toBeGreaterThanOrEqual(2000);
    const body = gh.commentsOn(OWNER, REPO, PR)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body).toMatch(/Truncated: the full report is in the job summary/);
    expect(body.split('<details>').length).toBe(body.split('</details>').length);
    expect(r.summary.length).toBeGreaterThan(body.length);
    const ann = annotations(r.stdout);
    expect(
      ann.filter((a) => a.command === 'error' && a.props.title?.startsWith('genesys-preflight: missing')).length,
    ).toBeLessThanOrEqual(10);
    expect(ann.some((a) => a.command === 'notice' && /more findings? not shown as annotations/.test(a.message))).toBe(
      true,
    );
    console.log(
      `comment sizes: ${findings} findings → summary ${r.summary.length} chars, comment ${body.length} chars`,
    );
  });
});
