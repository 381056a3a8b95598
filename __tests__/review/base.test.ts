import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullRequestRefs, readBaseManifest, reviewPrincipals } from '../../src/review/index.js';
import { parseManifest } from '../../src/manifest/load.js';

const MANIFEST = (perms: string) => `version: 1
orgs:
  - name: prod
    region: us-east-1
    principal: {grant: client-credentials, roles: [{role: Deployer, divisions: [Home]}]}
roles:
  Deployer: {permissions: [${perms}]}
`;

let dir: string;
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  }).trim();
let baseSha: string;
let headSha: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gp-base-'));
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'deploy'));
  writeFileSync(join(dir, 'deploy', 'genesys-preflight.yml'), MANIFEST('architect:flow:view'));
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  baseSha = git('rev-parse', 'HEAD');
  writeFileSync(join(dir, 'deploy', 'genesys-preflight.yml'), MANIFEST('architect:flow:view, "*"'));
  git('commit', '-q', '-am', 'pr');
  headSha = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readBaseManifest', () => {
  it('reads the manifest as the base commit has it', () => {
    const b = readBaseManifest(join(dir, 'deploy', 'genesys-preflight.yml'), { baseSha });
    expect(b).toEqual({ kind: 'found', text: MANIFEST('architect:flow:view'), commit: baseSha });
  });

  it('a manifest the base does not have is absent', () => {
    writeFileSync(join(dir, 'new.yml'), MANIFEST('x'));
    expect(readBaseManifest(join(dir, 'new.yml'), { baseSha })).toEqual({ kind: 'absent', commit: baseSha });
  });

  it('a base commit missing from a shallow clone is unavailable, with the fix', () => {
    const b = readBaseManifest(join(dir, 'deploy', 'genesys-preflight.yml'), { baseSha: 'f'.repeat(40) });
    expect(b.kind).toBe('unavailable');
    expect(b.kind === 'unavailable' && b.why).toMatch(/fetch-depth: 2/);
  });

  it('falls back to the first parent of the test-merge commit when the base sha is not there', () => {
    git('checkout', '-q', '-b', 'merge', baseSha);
    git('merge', '-q', '--no-ff', '--no-edit', headSha);
    try {
      const b = readBaseManifest(join(dir, 'deploy', 'genesys-preflight.yml'), { baseSha: 'e'.repeat(40), headSha });
      expect(b).toMatchObject({ kind: 'found', commit: baseSha });
      // Not a merge of the PR head: no guess.
      const c = readBaseManifest(join(dir, 'deploy', 'genesys-preflight.yml'), {
        baseSha: 'e'.repeat(40),
        headSha: 'd'.repeat(40),
      });
      expect(c.kind).toBe('unavailable');
    } finally {
      git('checkout', '-q', 'main');
    }
  });

  it('a path that is a directory or a file over 10 MB in the base is unavailable, saying why', () => {
    const big = join(dir, 'big.yml');
    mkdirSync(join(dir, 'dir.yml'));
    writeFileSync(join(dir, 'dir.yml', 'x'), 'x');
    writeFileSync(big, `# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    git('add', 'dir.yml', 'big.yml');
    git('commit', '-q', '-m', 'tree and big');
    const sha = git('rev-parse', 'HEAD');
    try {
      expect(readBaseManifest(join(dir, 'dir.yml'), { baseSha: sha })).toEqual({
        kind: 'unavailable',
        why: 'the manifest path is a tree in the base commit',
      });
      expect(readBaseManifest(big, { baseSha: sha })).toEqual({
        kind: 'unavailable',
        why: 'the base manifest could not be read (larger than 10 MB?)',
      });
      // The same file 10 MB and under is read whole.
      expect(readBaseManifest(join(dir, 'deploy', 'genesys-preflight.yml'), { baseSha: sha })).toMatchObject({
        kind: 'found',
        commit: sha,
      });
    } finally {
      git('reset', '-q', '--hard', headSha);
      rmSync(join(dir, 'dir.yml'), { recursive: true, force: true });
    }
  });

  it('a manifest path with a line break is unavailable (never a second name for git)', () => {
    const odd = join(dir, `deploy\n${baseSha}:deploy`);
    mkdirSync(odd);
    try {
      writeFileSync(join(odd, 'genesys-preflight.yml'), MANIFEST('x'));
      const b = readBaseManifest(join(odd, 'genesys-preflight.yml'), { baseSha });
      expect(b).toEqual({ kind: 'unavailable', why: 'the manifest path holds a line break' });
    } finally {
      rmSync(odd, { recursive: true, force: true });
    }
  });

  it('outside a git checkout it is unavailable', () => {
    const other = mkdtempSync(join(tmpdir(), 'gp-nogit-'));
    writeFileSync(join(other, 'm.yml'), MANIFEST('x'));
    try {
      expect(readBaseManifest(join(other, 'm.yml'), { baseSha })).toMatchObject({ kind: 'unavailable' });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('reviewPrincipals', () => {
  it('shows what the PR grants itself', () => {
    const path = join(dir, 'deploy', 'genesys-preflight.yml');
    const head = parseManifest(MANIFEST('architect:flow:view, "*"'), path, dir).manifest;
    const r = reviewPrincipals(path, head, { baseSha, baseRef: 'main' });
    expect(r).toMatchObject({ kind: 'compared', baseCommit: baseSha, baseRef: 'main', baseHadManifest: true });
    expect(r.kind === 'compared' && r.diff.changes).toEqual([
      {
        org: 'prod',
        kind: 'permissions-added',
        widens: true,
        role: 'Deployer',
        permissions: ['*'],
        divisions: ['Home'],
      },
    ]);
  });

  it('an invalid base manifest skips the comparison with the reason', () => {
    const sym = join(dir, 'link.yml');
    symlinkSync('deploy/genesys-preflight.yml', sym);
    git('add', 'link.yml');
    git('commit', '-q', '-m', 'link');
    const sha = git('rev-parse', 'HEAD');
    const head = parseManifest(MANIFEST('x:y:z'), sym, dir).manifest;
    const r = reviewPrincipals(sym, head, { baseSha: sha });
    expect(r).toMatchObject({ kind: 'skipped' });
  });
});

describe('pullRequestRefs', () => {
  it('reads base and head from a pull_request payload, nothing from other events', () => {
    const payload = { pull_request: { base: { sha: baseSha, ref: 'main' }, head: { sha: headSha } } };
    expect(pullRequestRefs({ eventName: 'pull_request', payload })).toEqual({ baseSha, headSha, baseRef: 'main' });
    expect(pullRequestRefs({ eventName: 'pull_request_target', payload })).toEqual({
      baseSha,
      headSha,
      baseRef: 'main',
    });
    expect(pullRequestRefs({ eventName: 'push', payload })).toBeUndefined();
    expect(pullRequestRefs({ eventName: 'pull_request', payload: {} })).toBeUndefined();
    expect(
      pullRequestRefs({
        eventName: 'pull_request',
        payload: { pull_request: { base: { sha: '--upload-pack=evil' } } },
      }),
    ).toBeUndefined();
  });
});
