/**
 * The action's PR comment step (src/action/comment.ts) against the fake GitHub: the comment
 * author login named by the workflow (GENESYS_PREFLIGHT_COMMENT_AUTHOR, for App installation
 * tokens) decides which comment is ours; an invalid value is ignored with a warning.
 */
import { describe, it, expect, afterEach, jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { commentAuthor, postComment, COMMENT_AUTHOR_ENV } from '../../src/action/comment.js';
import { stickyMarker } from '../../src/github/comment.js';
import { newGitHubContext } from '../../src/github/context.js';
import type { ActionInputs } from '../../src/action/inputs.js';
import type { Report } from '../../src/report/model.js';

const TOKEN = 'ghs_actionCommentTest0123456789';
let fake: FakeGitHub | undefined;
afterEach(async () => {
  jest.restoreAllMocks();
  await fake?.close();
  fake = undefined;
});

const inputs: ActionInputs = {
  manifest: 'genesys-preflight.yml',
  mode: 'offline',
  failOn: 'error',
  orgs: [],
  comment: 'always',
  githubToken: TOKEN,
  catalog: 'bundled',
  terraformPlan: '',
  liveOrgs: [],
};
const report: Report = {
  version: 1,
  mode: 'offline',
  passed: false,
  manifest: 'genesys-preflight.yml',
  summary: { errors: 1, warnings: 0, notices: 0 },
  orgs: [],
  findings: [],
};

function env(server: FakeGitHub, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'gp-ac-'));
  const repo = { full_name: 'acme/ivr', name: 'ivr', owner: { login: 'acme' } };
  const event = join(dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({ number: 5, pull_request: { number: 5, head: { repo }, base: { repo } }, repository: repo }),
  );
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/ivr',
    GITHUB_API_URL: server.url,
    GITHUB_WORKFLOW: 'Deploy',
    ...extra,
  };
}

/**
 * postComment with the runner's variables of `vars` in process.env while it runs (the toolkit's
 * context reads them there), restored after.
 */
async function post(markdown: string, vars: NodeJS.ProcessEnv): Promise<void> {
  const keys = Object.keys(vars).filter((k) => k.startsWith('GITHUB_'));
  const saved = new Map(keys.map((k) => [k, process.env[k]]));
  for (const k of keys) process.env[k] = vars[k];
  try {
    await postComment(inputs, report, 1, markdown, undefined, vars, false, newGitHubContext());
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function captureStdout(): string[] {
  const lines: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe('action PR comment author', () => {
  const marker = stickyMarker('Deploy', 'genesys-preflight.yml');

  it("GENESYS_PREFLIGHT_COMMENT_AUTHOR names the App bot: its comment is updated, the actions bot's is not", async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const app = fake.addComment({
      owner: 'acme',
      repo: 'ivr',
      issueNumber: 5,
      body: `${marker}\nold`,
      login: 'deploy-app[bot]',
    });
    const bot = fake.addComment({ owner: 'acme', repo: 'ivr', issueNumber: 5, body: `${marker}\nby actions` });
    captureStdout();
    await post('## new report', env(fake, { [COMMENT_AUTHOR_ENV]: 'deploy-app[bot]' }));
    jest.restoreAllMocks();
    expect(fake.comments.find((c) => c.id === app.id)!.body).toBe(`${marker}\n## new report`);
    expect(fake.comments.find((c) => c.id === bot.id)!.body).toBe(`${marker}\nby actions`);
    expect(fake.requests.some((r) => r.path === '/user')).toBe(false);
  });

  it('without it, the workflow token is github-actions[bot]: a hijack comment by a user is left alone', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const hijack = fake.addComment({
      owner: 'acme',
      repo: 'ivr',
      issueNumber: 5,
      body: `${marker}\n✅ allowed`,
      login: 'mallory',
    });
    captureStdout();
    await post('## ❌ blocked', env(fake));
    jest.restoreAllMocks();
    expect(fake.comments.find((c) => c.id === hijack.id)!.body).toBe(`${marker}\n✅ allowed`);
    expect(fake.comments.filter((c) => c.body === `${marker}\n## ❌ blocked`)).toHaveLength(1);
  });

  it('a value that is not a login is ignored with a warning', () => {
    const out = captureStdout();
    expect(commentAuthor({ [COMMENT_AUTHOR_ENV]: 'x\n::add-mask::y' })).toBeUndefined();
    expect(commentAuthor({ [COMMENT_AUTHOR_ENV]: ' my-app[bot] ' })).toBe('my-app[bot]');
    expect(commentAuthor({ [COMMENT_AUTHOR_ENV]: 'Octo-Cat' })).toBe('Octo-Cat');
    expect(commentAuthor({})).toBeUndefined();
    jest.restoreAllMocks();
    expect(out.join('')).toMatch(
      /^::warning::genesys-preflight: GENESYS_PREFLIGHT_COMMENT_AUTHOR is not a GitHub login/,
    );
  });
});
