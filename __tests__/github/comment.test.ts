import { describe, it, expect, afterEach } from '@jest/globals';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../support/fake-github.js';
import {
  GitHubApiError,
  fitComment,
  stickyMarker,
  upsertStickyComment,
  type UpsertStickyCommentOptions,
} from '../../src/github/comment.js';

const TOKEN = 'ghs_fakeInstallationToken0123456789abcdef';
const MARKER = stickyMarker('Deploy', 'genesys-preflight.yml');
const OWNER = 'acme';
const REPO = 'ivr';
const PR = 42;

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ token: TOKEN, ...opts });
  return fake;
}

function upsert(server: FakeGitHub, body: string, extra: Partial<UpsertStickyCommentOptions> = {}) {
  return upsertStickyComment({
    token: TOKEN,
    apiUrl: server.url,
    owner: OWNER,
    repo: REPO,
    issueNumber: PR,
    marker: MARKER,
    body: `${MARKER}\n${body}`,
    ...extra,
  });
}

/** Runs `action`, expecting a GitHubApiError; checks the token is nowhere in it. */
async function expectApiError(action: Promise<unknown>): Promise<GitHubApiError> {
  const error = await action.then(
    () => {
      throw new Error('expected a GitHubApiError');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitHubApiError);
  const apiError = error as GitHubApiError;
  expect(apiError.message).not.toContain(TOKEN);
  expect(String(apiError.stack)).not.toContain(TOKEN);
  expect(JSON.stringify(apiError)).not.toContain(TOKEN);
  return apiError;
}

const writes = (server: FakeGitHub) => server.requests.filter((r) => r.method !== 'GET');

describe('upsertStickyComment', () => {
  it('creates, then updates the same comment in place, then leaves it unchanged', async () => {
    const server = await start();
    const first = await upsert(server, '## Preflight\n1 error');
    expect(first).toMatchObject({ action: 'created' });
    if (first.action === 'skipped' || first.action === 'not-needed') throw new Error('unexpected result');
    expect(first.url).toMatch(new RegExp(`/acme/ivr/pull/42#issuecomment-${first.id}$`));
    expect(server.commentsOn(OWNER, REPO, PR)).toHaveLength(1);

    const second = await upsert(server, '## Preflight\nall good');
    expect(second).toEqual({ action: 'updated', id: first.id, url: first.url });
    const left = server.commentsOn(OWNER, REPO, PR);
    expect(left).toHaveLength(1);
    expect(left[0]!.body).toBe(`${MARKER}\n## Preflight\nall good`);

    const before = server.requests.length;
    const third = await upsert(server, '## Preflight\nall good');
    expect(third).toEqual({ action: 'unchanged', id: first.id, url: first.url });
    const sent = server.requests.slice(before);
    // The list, then who the token is (GITHUB_TOKEN: 403, so github-actions[bot]); no write.
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /repos/acme/ivr/issues/42/comments', 'GET /user']);
    expect(server.requests.every((r) => r.authorization)).toBe(true);
  });

  it('treats CRLF line endings as identical (no PATCH)', async () => {
    const server = await start();
    await upsert(server, 'a\nb');
    server.comments[0]!.body = server.comments[0]!.body.replace(/\n/g, '\r\n');
    expect((await upsert(server, 'a\nb')).action).toBe('unchanged');
    expect(writes(server).map((r) => r.method)).toEqual(['POST']);
  });

  it('prepends the marker when the body lacks it, so the next run finds the comment', async () => {
    const server = await start();
    await upsert(server, '', { body: 'no marker here' });
    expect(server.comments[0]!.body).toBe(`${MARKER}\nno marker here`);
    expect((await upsert(server, '', { body: 'no marker here' })).action).toBe('unchanged');
  });

  it('follows pagination: finds the marker comment on page 3 behind 250 other comments', async () => {
    const server = await start();
    const t0 = Date.parse('2025-01-01T00:00:00Z');
    for (let i = 0; i < 250; i++) {
      server.addComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: PR,
        body: `comment ${i}`,
        login: 'someone',
        createdAt: new Date(t0 + i * 1000),
      });
    }
    const ours = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nold report`,
      createdAt: new Date(t0 + 300_000),
    });
    server.addComment({ owner: OWNER, repo: 'other', issueNumber: PR, body: `${MARKER}\nanother repo` });

    const result = await upsert(server, 'new report');
    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    const pages = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments')).map((r) => r.query);
    expect(pages).toEqual([{ per_page: '100' }, { per_page: '100', page: '2' }, { per_page: '100', page: '3' }]);
    expect(server.commentsOn(OWNER, REPO, PR)).toHaveLength(251);
    expect(writes(server)).toEqual([
      { method: 'PATCH', path: `/repos/acme/ivr/issues/comments/${ours.id}`, query: {}, authorization: true },
    ]);
  });

  it('ignores comments of other workflows/manifests', async () => {
    const server = await start();
    server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: `${stickyMarker('Deploy', 'other.yml')}\nx` });
    server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${stickyMarker('Nightly', 'genesys-preflight.yml')}\nx`,
    });
    expect((await upsert(server, 'mine')).action).toBe('created');
    expect(server.commentsOn(OWNER, REPO, PR)).toHaveLength(3);
  });

  it('with duplicates, updates the newest and leaves the older ones by default', async () => {
    const server = await start();
    const older = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nv1`,
      createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    const newer = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nv2`,
      createdAt: new Date('2025-02-01T00:00:00Z'),
    });
    expect(await upsert(server, 'v3')).toMatchObject({ action: 'updated', id: newer.id });
    expect(server.comments.map((c) => [c.id, c.body])).toEqual([
      [older.id, `${MARKER}\nv1`],
      [newer.id, `${MARKER}\nv3`],
    ]);
  });

  it('with deleteDuplicates, deletes the older duplicates', async () => {
    const server = await start();
    const a = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nv1`,
      createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    const b = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nv3`,
      createdAt: new Date('2025-03-01T00:00:00Z'),
    });
    const c = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nv2`,
      createdAt: new Date('2025-02-01T00:00:00Z'),
    });
    expect(await upsert(server, 'v3', { deleteDuplicates: true })).toMatchObject({ action: 'unchanged', id: b.id });
    expect(server.comments.map((x) => x.id)).toEqual([b.id]);
    expect(
      writes(server)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(
      [`DELETE /repos/acme/ivr/issues/comments/${a.id}`, `DELETE /repos/acme/ivr/issues/comments/${c.id}`].sort(),
    );
  });

  it('creates a new comment when the sticky one vanished between list and update', async () => {
    const server = await start();
    server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nold` });
    server.faults.push({
      method: 'PATCH',
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
    });
    expect((await upsert(server, 'new')).action).toBe('created');
  });

  it('skips with a warning, and never throws, on 403 "Resource not accessible by integration"', async () => {
    const server = await start({ forbiddenWrites: true });
    const result = await upsert(server, 'report');
    expect(result).toMatchObject({ action: 'skipped', reason: 'forbidden' });
    if (result.action !== 'skipped') throw new Error('expected a skip');
    expect(result.warning).toContain('Resource not accessible by integration');
    expect(result.warning).toContain('acme/ivr#42');
    expect(result.warning).toMatch(/fork/);
    expect(result.warning).toMatch(/pull-requests: write/);
    expect(result.warning).not.toContain(TOKEN);
    expect(server.comments).toHaveLength(0);

    server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nold` });
    expect(await upsert(server, 'new')).toMatchObject({ action: 'skipped', reason: 'forbidden' });
  });

  it('skips with a warning on 404 (unknown repository)', async () => {
    const server = await start({ repositories: ['acme/other'] });
    const result = await upsert(server, 'report');
    expect(result).toMatchObject({ action: 'skipped', reason: 'not-found' });
    if (result.action !== 'skipped') throw new Error('expected a skip');
    expect(result.warning).toMatch(/404/);
  });

  it('works against a GitHub Enterprise Server prefix (/api/v3)', async () => {
    const server = await start({ pathPrefix: '/api/v3' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    expect((await upsert(server, 'one', { apiUrl: `${server.url}/` })).action).toBe('created');
    for (let i = 0; i < 120; i++) server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: `noise ${i}` });
    expect((await upsert(server, 'two')).action).toBe('updated');
    expect(server.commentsOn(OWNER, REPO, PR).filter((c) => c.body.includes(MARKER))).toHaveLength(1);
    expect(
      server.requests.every((r) => r.path.startsWith('/api/v3/repos/acme/ivr/issues/') || r.path === '/api/v3/user'),
    ).toBe(true);
    // First run: one page, no marker so no identity asked; second: two pages and GET /user.
    expect(server.requests.filter((r) => r.method === 'GET').length).toBe(1 + 2 + 1);
  });

  it('uses the injected fetch when given', async () => {
    const server = await start();
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    await upsert(server, 'x', { fetch: counting });
    expect(calls).toBe(2);
  });

  it('throws GitHubApiError(auth) on 401, without the token in the message', async () => {
    const server = await start();
    const error = await expectApiError(upsert(server, 'x', { token: `${TOKEN}-wrong` }));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/Bad credentials/);
  });

  it('throws GitHubApiError(http) on 5xx, with the request id', async () => {
    const server = await start();
    server.faults.push({
      status: 502,
      body: { message: `upstream echoed token ${TOKEN}` },
      headers: { 'x-github-request-id': 'ABCD:1234' },
    });
    const error = await expectApiError(upsert(server, 'x'));
    expect(error).toMatchObject({ kind: 'http', status: 502, requestId: 'ABCD:1234' });
    expect(error.message).toContain('[REDACTED]');
  });

  it('throws GitHubApiError(rate-limited) on a rate-limit 403, not a skip', async () => {
    const server = await start();
    server.faults.push({
      status: 403,
      body: {
        message: 'API rate limit exceeded for installation ID 1.',
        documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
      },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' },
    });
    expect((await expectApiError(upsert(server, 'x'))).kind).toBe('rate-limited');
  });

  it('throws GitHubApiError(network) when nothing listens, without URL credentials or the token', async () => {
    const server = await start();
    const dead = server.url.replace('http://', `http://user:${TOKEN}@`);
    await server.close();
    fake = undefined;
    const error = await expectApiError(upsert(server, 'x', { apiUrl: dead }));
    expect(error.kind).toBe('network');
    expect(error.message).not.toContain('user:');
  });

  it('throws GitHubApiError(network) on timeout', async () => {
    const server = await start();
    const slow: typeof fetch = (input, init) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(fetch(input, init)), 5_000);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal!.reason);
        });
      });
    const error = await expectApiError(upsert(server, 'x', { fetch: slow, timeoutMs: 100 }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/timed out after 100 ms/);
  });

  it('refuses invalid input before sending anything', async () => {
    const server = await start();
    expect((await expectApiError(upsert(server, 'x', { token: '' }))).kind).toBe('invalid-input');
    expect((await expectApiError(upsert(server, 'x', { apiUrl: 'ftp://example.com' }))).kind).toBe('invalid-input');
    expect((await expectApiError(upsert(server, 'x', { issueNumber: 0 }))).kind).toBe('invalid-input');
    const huge = await expectApiError(upsert(server, 'y'.repeat(70_000)));
    expect(huge.message).toMatch(/fitComment/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('upsertStickyComment with fitComment', () => {
  it('posts a 200,000-character report once fitted, and the next run finds it', async () => {
    const server = await start();
    const rows = Array.from({ length: 5_000 }, (_, i) => `| flow:${i} | architect:flow:publish |`).join('\n');
    const body = fitComment(
      `${MARKER}\n<details>\n<summary>Findings</summary>\n\n${rows}\n</details>`,
      undefined,
      'Truncated.',
    );
    expect((await upsert(server, '', { body })).action).toBe('created');
    expect(server.comments[0]!.body.length).toBeLessThanOrEqual(65_536);
    expect((await upsert(server, '', { body })).action).toBe('unchanged');
  });
});

describe('upsertStickyComment duplicate clean-up', () => {
  it('does not fail the upsert when deleting a duplicate fails', async () => {
    const server = await start();
    server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nv1`,
      createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    const newest = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nv2`,
      createdAt: new Date('2025-02-01T00:00:00Z'),
    });
    server.faults.push({ method: 'DELETE', status: 500, body: { message: 'Server Error' } });
    expect(await upsert(server, 'v3', { deleteDuplicates: true })).toMatchObject({ action: 'updated', id: newest.id });
    expect(server.comments).toHaveLength(2);
  });
});

describe('upsertStickyComment onlyUpdate', () => {
  it('does not create a comment when asked only to update, but updates an existing one', async () => {
    const server = await start();
    const none = await upsertStickyComment({
      token: TOKEN,
      apiUrl: server.url,
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      marker: MARKER,
      body: 'all good',
      onlyUpdate: true,
    });
    expect(none).toEqual({ action: 'not-needed' });
    expect(server.commentsOn(OWNER, REPO, PR)).toHaveLength(0);
    await upsert(server, '1 error');
    const updated = await upsertStickyComment({
      token: TOKEN,
      apiUrl: server.url,
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      marker: MARKER,
      body: 'all good',
      onlyUpdate: true,
    });
    expect(updated).toMatchObject({ action: 'updated' });
    expect(server.commentsOn(OWNER, REPO, PR)[0]!.body).toContain('all good');
  });
});

describe('upsertStickyComment: only our own comments are candidates', () => {
  const bodyOf = (server: FakeGitHub, id: number) => server.comments.find((c) => c.id === id)?.body;

  it('leaves a hijack comment (another user, our marker at the start) alone and creates ours', async () => {
    const server = await start();
    const hijack = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\n✅ allowed`,
      login: 'mallory',
    });
    const first = await upsert(server, '❌ blocked');
    expect(first).toMatchObject({ action: 'created' });
    expect(bodyOf(server, hijack.id)).toBe(`${MARKER}\n✅ allowed`);
    expect(writes(server).map((r) => r.method)).toEqual(['POST']);
    // The next run updates the comment it created, still never the hijack.
    const second = await upsert(server, 'still ❌ blocked');
    expect(second).toMatchObject({ action: 'updated' });
    if (first.action !== 'created' || second.action !== 'updated') throw new Error('unexpected result');
    expect(second.id).toBe(first.id);
    expect(bodyOf(server, hijack.id)).toBe(`${MARKER}\n✅ allowed`);
    expect(server.comments.find((c) => c.id === first.id)?.user.login).toBe('github-actions[bot]');
  });

  it('ignores a newer hijack comment even when it is the newest with the marker', async () => {
    const server = await start();
    const ours = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nv1`,
      createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    const hijack = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nfake`,
      login: 'octo-bot[bot]',
      createdAt: new Date('2025-06-01T00:00:00Z'),
    });
    expect(await upsert(server, 'v2', { deleteDuplicates: true })).toMatchObject({ action: 'updated', id: ours.id });
    expect(bodyOf(server, hijack.id)).toBe(`${MARKER}\nfake`);
  });

  it('of two bot comments, takes only the one that starts with the marker (a quoted marker does not count)', async () => {
    const server = await start();
    const other = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${stickyMarker('Nightly', 'n.yml')}\nflow \`${MARKER}\` failed`,
    });
    const plain = server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: 'build passed' });
    const ours = server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nold` });
    expect(await upsert(server, 'new')).toMatchObject({ action: 'updated', id: ours.id });
    expect(bodyOf(server, other.id)).toBe(`${stickyMarker('Nightly', 'n.yml')}\nflow \`${MARKER}\` failed`);
    expect(bodyOf(server, plain.id)).toBe('build passed');
  });

  it('a comment that quotes our marker below its first line is not ours: a new one is created', async () => {
    const server = await start();
    const quoting = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `report of another workflow\n${MARKER}`,
    });
    expect(await upsert(server, 'mine')).toMatchObject({ action: 'created' });
    expect(bodyOf(server, quoting.id)).toBe(`report of another workflow\n${MARKER}`);
  });

  it("with a personal access token, the identity is GET /user: its comments are updated, the bot's are not", async () => {
    const server = await start({ user: { login: 'Alice' } });
    const bot = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nby the bot`,
      login: 'github-actions[bot]',
    });
    const alice = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nby alice`,
      login: 'alice',
    });
    expect(await upsert(server, 'new')).toMatchObject({ action: 'updated', id: alice.id });
    expect(bodyOf(server, bot.id)).toBe(`${MARKER}\nby the bot`);
    expect(server.requests.some((r) => r.method === 'GET' && r.path === '/user')).toBe(true);
  });

  it("with a personal access token and only the bot's marker comment, creates its own (authored by the user)", async () => {
    const server = await start({ user: { login: 'alice' } });
    server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nby the bot`,
      login: 'github-actions[bot]',
    });
    const result = await upsert(server, 'new');
    expect(result).toMatchObject({ action: 'created' });
    expect(server.comments.at(-1)!.user).toMatchObject({ login: 'alice', type: 'User' });
  });

  it('an explicit author (App installation token) is used without asking GET /user', async () => {
    const server = await start();
    const app = server.addComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: PR,
      body: `${MARKER}\nby the app`,
      login: 'deploy-app[bot]',
    });
    const bot = server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nby actions` });
    expect(await upsert(server, 'new', { author: 'deploy-app[bot]' })).toMatchObject({ action: 'updated', id: app.id });
    expect(bodyOf(server, bot.id)).toBe(`${MARKER}\nby actions`);
    expect(server.requests.some((r) => r.path === '/user')).toBe(false);
  });

  it('does not ask who the token is when no comment starts with the marker', async () => {
    const server = await start();
    server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: 'hello', login: 'mallory' });
    expect((await upsert(server, 'x')).action).toBe('created');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/ivr/issues/42/comments',
      'POST /repos/acme/ivr/issues/42/comments',
    ]);
  });

  it('a 401 or 404 from GET /user also means the workflow bot', async () => {
    for (const status of [401, 404]) {
      const server = await start();
      const ours = server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nold` });
      server.faults.push({
        method: 'GET',
        path: '/user',
        status,
        body: { message: status === 401 ? 'Bad credentials' : 'Not Found' },
      });
      expect(await upsert(server, 'new')).toMatchObject({ action: 'updated', id: ours.id });
      await server.close();
      fake = undefined;
    }
  });

  it('a failing GET /user (5xx, rate limit) fails the upsert without writing', async () => {
    const server = await start();
    server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nold` });
    server.faults.push({ method: 'GET', path: '/user', status: 502, body: { message: 'Bad Gateway' } });
    expect((await expectApiError(upsert(server, 'new'))).kind).toBe('http');
    server.faults.push({
      method: 'GET',
      path: '/user',
      status: 403,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0' },
    });
    expect((await expectApiError(upsert(server, 'new'))).kind).toBe('rate-limited');
    expect(writes(server)).toEqual([]);
  });
});
