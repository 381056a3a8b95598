/**
 * The run's context (src/github/context.ts): @actions/github's Context read from the environment
 * and event file set here (process.env, restored after each read), plus what the module adds
 * (PR number by event, fork flag, run URL, located errors).
 */
import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitHubContextError, newGitHubContext, readRunContext, type RunContext } from '../../src/github/context.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'preflight-context-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function payloadFile(payload: unknown): string {
  const path = join(dir, `event-${files++}.json`);
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return path;
}

const VARS = ['EVENT_NAME', 'EVENT_PATH', 'REPOSITORY', 'SERVER_URL', 'API_URL', 'RUN_ID', 'WORKFLOW', 'SHA'].map(
  (v) => `GITHUB_${v}`,
);

/** The run context with exactly `vars` of the runner's variables set (the others unset), as the toolkit reads them. */
function readRun(vars: Record<string, string | undefined>): RunContext {
  const saved = new Map(VARS.map((k) => [k, process.env[k]]));
  const set = (k: string, v: string | undefined) => {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  };
  for (const k of VARS) set(k, vars[k]);
  try {
    return readRunContext(newGitHubContext());
  } finally {
    for (const [k, v] of saved) set(k, v);
  }
}

const base = {
  GITHUB_REPOSITORY: 'acme/ivr',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_RUN_ID: '987654321',
  GITHUB_WORKFLOW: 'Deploy',
  GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
};

/** The runner's variables of `name` events whose payload is `payload`. */
function event(name: string, payload: unknown): Record<string, string> {
  return { ...base, GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: payloadFile(payload) };
}

function pr(number: number, head: string | null, baseRepo = 'acme/ivr') {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { ref: 'feature', sha: 'abc', repo: head === null ? null : { full_name: head, fork: head !== baseRepo } },
      base: { ref: 'main', sha: 'def', repo: { full_name: baseRepo } },
    },
    repository: { full_name: baseRepo, name: baseRepo.split('/')[1], owner: { login: baseRepo.split('/')[0] } },
  };
}

describe('readRunContext', () => {
  it('reads a pull_request event from the same repository', () => {
    const ctx = readRun(event('pull_request', pr(42, 'acme/ivr')));
    expect(ctx).toEqual({
      github: expect.anything(),
      owner: 'acme',
      repo: 'ivr',
      pullNumber: 42,
      isFork: false,
      runUrl: 'https://github.com/acme/ivr/actions/runs/987654321',
      apiUrl: 'https://api.github.com',
    });
    // What the toolkit's context gives is not copied: it is there.
    const serverUrl = 'https://github.com';
    const { GITHUB_SHA: sha } = base;
    expect(ctx.github).toMatchObject({ eventName: 'pull_request', workflow: 'Deploy', sha, serverUrl });
    expect(ctx.github.payload.pull_request?.number).toBe(42);
  });

  it('detects a fork PR (head repo differs from base repo) on pull_request_target', () => {
    const ctx = readRun(event('pull_request_target', pr(7, 'mallory/ivr')));
    expect(ctx.pullNumber).toBe(7);
    expect(ctx.isFork).toBe(true);
  });

  it('compares head and base repositories case-insensitively', () => {
    const ctx = readRun(event('pull_request', pr(8, 'ACME/IVR')));
    expect(ctx.isFork).toBe(false);
  });

  it('treats a PR whose head repository was deleted as a fork', () => {
    const ctx = readRun(event('pull_request', pr(9, null)));
    expect(ctx.isFork).toBe(true);
  });

  it('has no PR number on push', () => {
    const push = { ref: 'refs/heads/main', after: 'abc', number: 3, repository: { full_name: 'acme/ivr' } };
    const ctx = readRun(event('push', push));
    expect(ctx.pullNumber).toBeUndefined();
    expect('pullNumber' in ctx).toBe(false);
    expect(ctx.isFork).toBe(false);
    expect(ctx.github.eventName).toBe('push');
  });

  it('has no PR number on workflow_dispatch', () => {
    const dispatch = { inputs: { org: 'prod' }, ref: 'refs/heads/main', repository: { full_name: 'acme/ivr' } };
    const ctx = readRun(event('workflow_dispatch', dispatch));
    expect(ctx.pullNumber).toBeUndefined();
    expect(ctx.runUrl).toBe('https://github.com/acme/ivr/actions/runs/987654321');
  });

  it('takes the PR number of an issue_comment on a pull request, not on a plain issue', () => {
    const onPr = { issue: { number: 12, pull_request: { url: 'https://api.github.com/repos/acme/ivr/pulls/12' } } };
    const onIssue = { issue: { number: 13 } };
    expect(readRun(event('issue_comment', onPr)).pullNumber).toBe(12);
    expect(readRun(event('issue_comment', onIssue)).pullNumber).toBeUndefined();
  });

  it('keeps a GitHub Enterprise Server API URL (trailing slash dropped)', () => {
    const ctx = readRun({
      ...base,
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: payloadFile(pr(3, 'acme/ivr')),
    });
    expect(ctx.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(ctx.runUrl).toBe('https://ghe.example.com/acme/ivr/actions/runs/987654321');
  });

  it("uses the toolkit's github.com defaults when the URLs are not set", () => {
    const ctx = readRun({ GITHUB_REPOSITORY: 'acme/ivr', GITHUB_RUN_ID: '5' });
    expect(ctx.apiUrl).toBe('https://api.github.com');
    expect(ctx.runUrl).toBe('https://github.com/acme/ivr/actions/runs/5');
  });

  it('works without an event file and falls back to the payload repository', () => {
    const ctx = readRun({ GITHUB_REPOSITORY: 'acme/ivr' });
    expect(ctx).toMatchObject({ owner: 'acme', repo: 'ivr', isFork: false });
    expect(ctx.github.payload).toEqual({});
    expect(ctx.runUrl).toBeUndefined();
    const repository = { name: 'ivr', owner: { login: 'acme' } };
    const fromPayload = readRun({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: payloadFile({ repository }) });
    expect(fromPayload).toMatchObject({ owner: 'acme', repo: 'ivr' });
  });

  it('a missing payload file is an empty payload (the toolkit says so on stdout): no pull request', () => {
    const out: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      const ctx = readRun({ ...base, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'nope.json') });
      expect(ctx.pullNumber).toBeUndefined();
    } finally {
      jest.restoreAllMocks();
    }
    expect(out.join('')).toContain('does not exist');
  });

  it('throws GitHubContextError for a payload that is not a JSON object or no repository; never quotes it', () => {
    const broken = () => readRun({ ...base, GITHUB_EVENT_PATH: payloadFile('{not json, secret-ish') });
    expect(broken).toThrow(GitHubContextError);
    expect(broken).toThrow(/is not valid JSON/);
    expect(broken).not.toThrow(/secret-ish|not json/);
    expect(() => readRun({ ...base, GITHUB_EVENT_PATH: payloadFile('[1]') })).toThrow(/JSON object/);
    expect(() => readRun({})).toThrow(/GITHUB_REPOSITORY/);
    expect(() => readRun({ GITHUB_REPOSITORY: 'acme' })).toThrow(GitHubContextError);
    expect(() => readRun({ GITHUB_REPOSITORY: 'acme/' })).toThrow(/GITHUB_REPOSITORY/);
  });
});
