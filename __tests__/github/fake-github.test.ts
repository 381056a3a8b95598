import { describe, it, expect, afterEach } from '@jest/globals';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const auth = { authorization: 'token secret-token' };

describe('fake GitHub API (test support)', () => {
  it('paginates with a Link header like GitHub', async () => {
    fake = await startFakeGitHub({ token: 'secret-token', pathPrefix: '/api/v3' });
    for (let i = 0; i < 5; i++) fake.addComment({ owner: 'o', repo: 'r', issueNumber: 1, body: `c${i}` });
    const base = `${fake.url}/repos/o/r/issues/1/comments`;

    const first = await fetch(`${base}?per_page=2`, { headers: auth });
    expect(first.status).toBe(200);
    expect(first.headers.get('link')).toBe(
      `<${base}?per_page=2&page=2>; rel="next", <${base}?per_page=2&page=3>; rel="last"`,
    );
    expect(((await first.json()) as { body: string }[]).map((c) => c.body)).toEqual(['c0', 'c1']);

    const last = await fetch(`${base}?per_page=2&page=3`, { headers: auth });
    expect(last.headers.get('link')).toBe(
      `<${base}?per_page=2&page=2>; rel="prev", <${base}?per_page=2&page=1>; rel="first"`,
    );
    expect(((await last.json()) as { body: string }[]).map((c) => c.body)).toEqual(['c4']);

    const only = await fetch(base, { headers: auth });
    expect(only.headers.get('link')).toBeNull();
    expect(fake.requests[0]).toEqual({
      method: 'GET',
      path: '/api/v3/repos/o/r/issues/1/comments',
      query: { per_page: '2' },
      authorization: true,
    });
  });

  it('creates comments in GitHub IssueComment shape, and rejects bad tokens and long bodies', async () => {
    fake = await startFakeGitHub({ token: 'secret-token' });
    const url = `${fake.url}/repos/o/r/issues/7/comments`;
    const created = await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ body: 'hi' }) });
    expect(created.status).toBe(201);
    const comment = (await created.json()) as Record<string, unknown>;
    expect(Object.keys(comment).sort()).toEqual(
      [
        'author_association',
        'body',
        'created_at',
        'html_url',
        'id',
        'issue_url',
        'node_id',
        'updated_at',
        'url',
        'user',
      ].sort(),
    );
    expect(comment).toMatchObject({
      body: 'hi',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      issue_url: `${fake.url}/repos/o/r/issues/7`,
    });
    expect(comment.html_url).toBe(`${fake.url}/o/r/pull/7#issuecomment-${comment.id as number}`);

    expect((await fetch(url, { headers: { authorization: 'token nope' } })).status).toBe(401);
    expect((await fetch(url)).status).toBe(401);
    const long = await fetch(url, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body: 'x'.repeat(65_537) }),
    });
    expect(long.status).toBe(422);
    expect(fake.requests.map((r) => r.authorization)).toEqual([true, true, false, true]);
  });

  it('answers writes with 403 "Resource not accessible by integration" when forbiddenWrites', async () => {
    fake = await startFakeGitHub({ forbiddenWrites: true });
    const response = await fetch(`${fake.url}/repos/o/r/issues/7/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'hi' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '403',
    });
    expect(fake.comments).toHaveLength(0);
  });

  it('GET /user: 403 like GitHub for the workflow token, the user for a personal token; comments carry their author', async () => {
    fake = await startFakeGitHub({ token: 'secret-token' });
    const forbidden = await fetch(`${fake.url}/user`, { headers: auth });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { message: string }).message).toBe('Resource not accessible by integration');
    const posted = await fetch(`${fake.url}/repos/o/r/issues/1/comments`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body: 'x' }),
    });
    expect(((await posted.json()) as { user: unknown }).user).toEqual({
      login: 'github-actions[bot]',
      id: 41898282,
      type: 'Bot',
    });
    await fake.close();

    fake = await startFakeGitHub({ token: 'secret-token', user: { login: 'alice' } });
    const me = await fetch(`${fake.url}/user`, { headers: auth });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ login: 'alice', type: 'User' });
    expect((await fetch(`${fake.url}/user`)).status).toBe(401);
    const byAlice = await fetch(`${fake.url}/repos/o/r/issues/1/comments`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body: 'y' }),
    });
    expect(((await byAlice.json()) as { user: { login: string } }).user.login).toBe('alice');
    expect(fake.addComment({ owner: 'o', repo: 'r', issueNumber: 1, body: 'z', login: 'mallory' }).user).toMatchObject({
      login: 'mallory',
      type: 'User',
    });
  });
});
