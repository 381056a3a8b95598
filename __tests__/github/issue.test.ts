/**
 * The drift issue (src/github/issue.ts) against the fake GitHub: create when failing, update in
 * place, unchanged without a write, close when green, a read-only token, others' issues untouched.
 */
import { describe, it, expect, afterEach } from '@jest/globals';
import { syncDriftIssue, DRIFT_LABEL, type SyncDriftIssueOptions } from '../../src/github/issue.js';
import { stickyMarker } from '../../src/github/marker.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

let gh: FakeGitHub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

const marker = stickyMarker('drift.yml', 'genesys-preflight.yml');
const base = (g: FakeGitHub, over: Partial<SyncDriftIssueOptions> = {}): SyncDriftIssueOptions => ({
  token: 'ghs_test',
  apiUrl: g.url,
  owner: 'acme',
  repo: 'cx',
  marker,
  title: 'genesys-preflight: permission drift in genesys-preflight.yml',
  body: '## prod-us fails\n- add `routing:queue:view` to role Flow Deployer',
  failing: true,
  closingComment: 'genesys-preflight: the live check passes again.',
  ...over,
});
const writes = (g: FakeGitHub) => g.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

describe('syncDriftIssue', () => {
  it('create when failing, unchanged on the same report, update in place, close when green, nothing after', async () => {
    gh = await startFakeGitHub({ token: 'ghs_test' });
    const created = await syncDriftIssue(base(gh));
    expect(created).toMatchObject({ action: 'created', number: 1 });
    expect(gh.issues[0]).toMatchObject({
      state: 'open',
      labels: [{ name: DRIFT_LABEL }],
      title: expect.stringContaining('permission drift'),
    });
    expect(gh.issues[0]!.body.startsWith(marker)).toBe(true);

    const before = writes(gh).length;
    expect(await syncDriftIssue(base(gh))).toMatchObject({ action: 'unchanged', number: 1 });
    expect(writes(gh).length).toBe(before);

    expect(
      await syncDriftIssue(base(gh, { body: '## prod-us fails\n- grant role Flow Deployer in division Support' })),
    ).toMatchObject({ action: 'updated', number: 1 });
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]!.body).toContain('division Support');

    expect(await syncDriftIssue(base(gh, { failing: false }))).toMatchObject({ action: 'closed', number: 1 });
    expect(gh.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(gh.commentsOn('acme', 'cx', 1).map((c) => c.body)).toEqual([
      'genesys-preflight: the live check passes again.',
    ]);

    expect(await syncDriftIssue(base(gh, { failing: false }))).toEqual({ action: 'none' });
    // Failing again later: a new issue (the closed one stays closed, as a record).
    expect(await syncDriftIssue(base(gh))).toMatchObject({ action: 'created', number: 2 });
  });

  it('an issue with the marker opened by someone else, or a pull request, is never taken', async () => {
    gh = await startFakeGitHub({ token: 'ghs_test' });
    gh.addIssue({
      owner: 'acme',
      repo: 'cx',
      title: 'spoof',
      body: `${marker}\nclose me`,
      labels: [DRIFT_LABEL],
      login: 'mallory',
    });
    gh.addIssue({
      owner: 'acme',
      repo: 'cx',
      title: 'pr',
      body: `${marker}\n`,
      labels: [DRIFT_LABEL],
      pullRequest: true,
    });
    expect(await syncDriftIssue(base(gh, { failing: false }))).toEqual({ action: 'none' });
    expect(await syncDriftIssue(base(gh))).toMatchObject({ action: 'created', number: 3 });
    expect(gh.issues.map((i) => [i.number, i.state, i.title])).toEqual([
      [1, 'open', 'spoof'],
      [2, 'open', 'pr'],
      [3, 'open', expect.stringContaining('permission drift')],
    ]);
  });

  it('a read-only token: skipped with a warning naming the permission, no throw', async () => {
    gh = await startFakeGitHub({ token: 'ghs_test', forbiddenWrites: true });
    const r = await syncDriftIssue(base(gh));
    expect(r).toMatchObject({ action: 'skipped', reason: 'forbidden' });
    expect(r.action === 'skipped' && r.warning).toMatch(/permissions: issues: write/);
    expect(gh.issues).toEqual([]);
  });

  it('a wrong token throws an auth error that never contains the token', async () => {
    gh = await startFakeGitHub({ token: 'ghs_right' });
    const e = await syncDriftIssue(base(gh, { token: 'ghs_wrong_secret_value' })).catch((x: unknown) => x as Error);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toMatch(/rejected the token \(401/);
    expect((e as Error).message).not.toContain('ghs_wrong_secret_value');
  });

  it('invalid input is refused before any request', async () => {
    gh = await startFakeGitHub();
    await expect(syncDriftIssue(base(gh, { title: ' ' }))).rejects.toThrow(/title is empty/);
    await expect(syncDriftIssue(base(gh, { body: 'x'.repeat(70_000) }))).rejects.toThrow(/at most 65536/);
    expect(gh.requests).toEqual([]);
  });
});
