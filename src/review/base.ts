/**
 * Reads the base branch's version of the manifest on a pull request, so the PR's changes to
 * its declared principals can be shown (see principal-diff.ts).
 *
 * Everything here comes from the trusted side: the base commit from the event payload GitHub
 * writes (`pull_request.base.sha`), the manifest path from the workflow. The blob is read with
 * `git show` (local, no network); no shell is involved.
 */
import { execFileSync } from 'node:child_process';
import { dirname, relative, resolve, sep } from 'node:path';

/** Largest base manifest read, in bytes (the same limit as any input file). */
const MAX_BASE_BYTES = 10 * 1024 * 1024;

/** The base side of a pull request, as the event payload gives it. */
export interface PullRequestRefs {
  /** `pull_request.base.sha`: the base branch's commit the PR is compared with. */
  baseSha: string;
  /** `pull_request.head.sha`, when present. */
  headSha?: string;
  /** `pull_request.base.ref`, e.g. `main`, for messages. */
  baseRef?: string;
}

/** The base manifest's text, or why it is not available (then the comparison is skipped with a notice). */
export type BaseManifest =
  | { kind: 'found'; text: string; commit: string }
  | { kind: 'absent'; commit: string }
  | { kind: 'unavailable'; why: string };

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** The event of the run, as `@actions/github`'s context gives it (src/github/context.ts). */
export interface RunEvent {
  /** `GITHUB_EVENT_NAME`. */
  eventName?: string;
  /** The event payload (the JSON of `GITHUB_EVENT_PATH`; empty without one). */
  payload: unknown;
}

/**
 * The pull request refs of a `pull_request` / `pull_request_target` event payload, or undefined
 * for other events or a payload without a valid base sha.
 */
export function pullRequestRefs(run: RunEvent): PullRequestRefs | undefined {
  if (!/^pull_request(_target)?$/.test(run.eventName ?? '')) return undefined;
  type Refs = { base?: { sha?: unknown; ref?: unknown }; head?: { sha?: unknown } };
  const pr = (run.payload as { pull_request?: Refs } | null | undefined)?.pull_request;
  const baseSha = pr?.base?.sha;
  if (typeof baseSha !== 'string' || !SHA.test(baseSha)) return undefined;
  const refs: PullRequestRefs = { baseSha };
  if (typeof pr?.head?.sha === 'string' && SHA.test(pr.head.sha)) refs.headSha = pr.head.sha;
  if (typeof pr?.base?.ref === 'string') refs.baseRef = pr.base.ref;
  return refs;
}

function git(cwd: string, args: string[], maxBuffer = 1024 * 1024): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer,
    timeout: 15_000,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
  });
}

/** The commit to compare with: the base sha when the clone has it, else the test-merge commit's first parent. */
function baseCommit(root: string, refs: PullRequestRefs): string | undefined {
  const has = (sha: string) => {
    try {
      return git(root, ['cat-file', '-t', sha]).trim() === 'commit';
    } catch {
      return false;
    }
  };
  if (has(refs.baseSha)) return refs.baseSha;
  // actions/checkout checks out refs/pull/N/merge: with fetch-depth 2 its parents are the base
  // branch and the PR head. Use the first parent only when HEAD is that merge commit.
  if (!refs.headSha) return undefined;
  try {
    const parents = git(root, ['rev-list', '--parents', '-n', '1', 'HEAD']).trim().split(' ');
    if (parents.length === 3 && parents[2] === refs.headSha && SHA.test(parents[1]!)) return parents[1];
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Reads `manifestPath` as it is in the base commit. Never throws: a missing git, a shallow clone
 * without the base commit, or a manifest that is not a file there give `unavailable` with the
 * reason; a manifest the base commit does not have gives `absent` (the PR adds it).
 */
export function readBaseManifest(manifestPath: string, refs: PullRequestRefs): BaseManifest {
  const abs = resolve(manifestPath);
  let root: string;
  try {
    root = git(dirname(abs), ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return { kind: 'unavailable', why: 'the manifest is not in a git checkout' };
  }
  const commit = baseCommit(root, refs);
  if (!commit) {
    return {
      kind: 'unavailable',
      why: `the base commit ${refs.baseSha.slice(0, 12)} is not in the checkout (shallow clone); use actions/checkout with fetch-depth: 2`,
    };
  }
  const rel = relative(root, abs).split(sep).join('/');
  if (rel.startsWith('../')) return { kind: 'unavailable', why: 'the manifest is outside the repository' };
  let type: string;
  try {
    type = git(root, ['cat-file', '-t', `${commit}:${rel}`]).trim();
  } catch {
    return { kind: 'absent', commit };
  }
  if (type !== 'blob') return { kind: 'unavailable', why: `the manifest path is a ${type} in the base commit` };
  try {
    // A symlink is a blob holding the target path; it then fails to parse as a manifest (reported as such).
    return { kind: 'found', text: git(root, ['cat-file', 'blob', `${commit}:${rel}`], MAX_BASE_BYTES), commit };
  } catch {
    return { kind: 'unavailable', why: 'the base manifest could not be read (larger than 10 MB?)' };
  }
}
