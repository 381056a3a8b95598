/**
 * The action's drift issue (input `issue: auto`, src/action/comment.ts syncIssue) against the fake
 * GitHub: a scheduled run that fails opens the issue, the next failing run updates it, a passing run
 * closes it; pull_request runs never touch issues; a read-only token only warns.
 */
import { describe, it, expect, afterEach, jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { syncIssue } from '../../src/action/comment.js';
import { newGitHubContext } from '../../src/github/context.js';
import type { ActionInputs } from '../../src/action/inputs.js';

const TOKEN = 'ghs_actionIssueTest0123456789';
let fake: FakeGitHub | undefined;
afterEach(async () => {
  jest.restoreAllMocks();
  await fake?.close();
  fake = undefined;
});

const inputs: ActionInputs = {
  manifest: 'genesys-preflight.yml',
  mode: 'live',
  failOn: 'error',
  orgs: [],
  comment: 'auto',
  githubToken: TOKEN,
  catalog: 'bundled',
  terraformPlan: '',
  liveOrgs: [],
  issue: 'auto',
};

function vars(server: FakeGitHub, event: 'schedule' | 'pull_request'): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'gp-ai-'));
  const repo = { full_name: 'acme/ivr', name: 'ivr', owner: { login: 'acme' } };
  const path = join(dir, 'event.json');
  writeFileSync(
    path,
    JSON.stringify(
      event === 'schedule'
        ? { schedule: '0 6 * * *', repository: repo }
        : { number: 5, pull_request: { number: 5, head: { repo }, base: { repo } }, repository: repo },
    ),
  );
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'acme/ivr',
    GITHUB_API_URL: server.url,
    GITHUB_WORKFLOW: 'Drift',
  };
}

/** syncIssue with the runner's variables in process.env while it runs (the toolkit reads them there). */
async function sync(
  v: NodeJS.ProcessEnv,
  exit: number,
  markdown: string,
  over: Partial<ActionInputs> = {},
): Promise<string[]> {
  const saved = new Map(Object.keys(v).map((k) => [k, process.env[k]]));
  for (const [k, x] of Object.entries(v)) process.env[k] = x;
  const lines: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await syncIssue({ ...inputs, ...over }, exit, markdown, undefined, v, newGitHubContext());
  } finally {
    jest.restoreAllMocks();
    for (const [k, x] of saved) {
      if (x === undefined) delete process.env[k];
      else process.env[k] = x;
    }
  }
  return lines;
}

describe('action drift issue', () => {
  it('schedule: fail → created, fail again with another report → updated, pass → closed', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const v = vars(fake, 'schedule');
    await sync(v, 1, '## prod-us: FAIL\n- add `routing:queue:view`');
    expect(fake.issues.map((i) => [i.number, i.state])).toEqual([[1, 'open']]);
    expect(fake.issues[0]!.title).toContain('genesys-preflight.yml');
    await sync(v, 1, '## prod-us: FAIL\n- grant role Flow Deployer in division Support');
    expect(fake.issues).toHaveLength(1);
    expect(fake.issues[0]!.body).toContain('division Support');
    await sync(v, 0, '## prod-us: PASS');
    expect(fake.issues[0]!.state).toBe('closed');
    expect(fake.commentsOn('acme', 'ivr', 1)[0]!.body).toMatch(/passes again/);
  });

  it('a pull_request run, or issue: never, touches no issue', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    await sync(vars(fake, 'pull_request'), 1, 'fail');
    await sync(vars(fake, 'schedule'), 1, 'fail', { issue: 'never' });
    expect(fake.requests.filter((r) => r.path.includes('/issues'))).toEqual([]);
  });

  it('a read-only token: a warning naming issues: write; the run goes on', async () => {
    fake = await startFakeGitHub({ token: TOKEN, forbiddenWrites: true });
    const out = await sync(vars(fake, 'schedule'), 1, 'fail');
    expect(out.join('')).toMatch(/::warning::.*permissions: issues: write/);
    expect(fake.issues).toEqual([]);
  });
});
