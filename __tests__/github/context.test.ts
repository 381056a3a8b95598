import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitHubContextError, readRunContext } from '../../src/github/context.js';

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

const base = {
  GITHUB_REPOSITORY: 'acme/ivr',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_RUN_ID: '987654321',
  GITHUB_WORKFLOW: 'Deploy',
  GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
};

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
    const ctx = readRunContext({ ...base, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: payloadFile(pr(42, 'acme/ivr')) });
    expect(ctx).toEqual({
      eventName: 'pull_request',
      owner: 'acme',
      repo: 'ivr',
      pullNumber: 42,
      isFork: false,
      runUrl: 'https://github.com/acme/ivr/actions/runs/987654321',
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      workflow: 'Deploy',
      sha: base.GITHUB_SHA,
    });
  });

  it('detects a fork PR (head repo differs from base repo) on pull_request_target', () => {
    const ctx = readRunContext({ ...base, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: payloadFile(pr(7, 'mallory/ivr')) });
    expect(ctx.pullNumber).toBe(7);
    expect(ctx.isFork).toBe(true);
  });

  it('compares head and base repositories case-insensitively', () => {
    const ctx = readRunContext({ ...base, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: payloadFile(pr(8, 'ACME/IVR')) });
    expect(ctx.isFork).toBe(false);
  });

  it('treats a PR whose head repository was deleted as a fork', () => {
    const ctx = readRunContext({ ...base, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: payloadFile(pr(9, null)) });
    expect(ctx.isFork).toBe(true);
  });

  it('has no PR number on push', () => {
    const push = { ref: 'refs/heads/main', after: 'abc', repository: { full_name: 'acme/ivr' } };
    const ctx = readRunContext({ ...base, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: payloadFile(push) });
    expect(ctx.pullNumber).toBeUndefined();
    expect('pullNumber' in ctx).toBe(false);
    expect(ctx.isFork).toBe(false);
    expect(ctx.eventName).toBe('push');
  });

  it('has no PR number on workflow_dispatch', () => {
    const dispatch = { inputs: { org: 'prod' }, ref: 'refs/heads/main', repository: { full_name: 'acme/ivr' } };
    const ctx = readRunContext({ ...base, GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: payloadFile(dispatch) });
    expect(ctx.pullNumber).toBeUndefined();
    expect(ctx.runUrl).toBe('https://github.com/acme/ivr/actions/runs/987654321');
  });

  it('takes the PR number of an issue_comment on a pull request, not on a plain issue', () => {
    const onPr = { issue: { number: 12, pull_request: { url: 'https://api.github.com/repos/acme/ivr/pulls/12' } } };
    const onIssue = { issue: { number: 13 } };
    expect(readRunContext({ ...base, GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: payloadFile(onPr) }).pullNumber).toBe(12);
    expect(readRunContext({ ...base, GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: payloadFile(onIssue) }).pullNumber).toBeUndefined();
  });

  it('keeps a GitHub Enterprise Server API URL (trailing slash dropped)', () => {
    const ctx = readRunContext({
      ...base,
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: payloadFile(pr(3, 'acme/ivr')),
    });
    expect(ctx.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(ctx.serverUrl).toBe('https://ghe.example.com');
    expect(ctx.runUrl).toBe('https://ghe.example.com/acme/ivr/actions/runs/987654321');
  });

  it('derives the API URL from the server URL when GITHUB_API_URL is missing', () => {
    const derive = (server: string | undefined) =>
      readRunContext({ GITHUB_REPOSITORY: 'acme/ivr', GITHUB_SERVER_URL: server }).apiUrl;
    expect(derive(undefined)).toBe('https://api.github.com');
    expect(derive('https://github.com')).toBe('https://api.github.com');
    expect(derive('https://ghe.example.com')).toBe('https://ghe.example.com/api/v3');
    expect(derive('https://octocorp.ghe.com')).toBe('https://api.octocorp.ghe.com');
  });

  it('works without an event file and falls back to the payload repository', () => {
    const ctx = readRunContext({ GITHUB_REPOSITORY: 'acme/ivr' });
    expect(ctx).toMatchObject({ eventName: '', owner: 'acme', repo: 'ivr', isFork: false, workflow: '' });
    expect(ctx.runUrl).toBeUndefined();
    const fromPayload = readRunContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: payloadFile({ repository: { name: 'ivr', owner: { login: 'acme' } } }) });
    expect(fromPayload).toMatchObject({ owner: 'acme', repo: 'ivr' });
  });

  it('throws GitHubContextError for a missing or broken payload file, or no repository', () => {
    expect(() => readRunContext({ ...base, GITHUB_EVENT_PATH: join(dir, 'nope.json') })).toThrow(GitHubContextError);
    expect(() => readRunContext({ ...base, GITHUB_EVENT_PATH: payloadFile('{not json') })).toThrow(/not valid JSON/);
    expect(() => readRunContext({ ...base, GITHUB_EVENT_PATH: payloadFile('[1]') })).toThrow(/JSON object/);
    expect(() => readRunContext({})).toThrow(/GITHUB_REPOSITORY/);
  });
});
