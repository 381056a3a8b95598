/**
 * Reads the base branch's version of the manifest on a pull request, so the PR's changes to
 * its declared principals can be shown (see principal-diff.ts).
 *
 * Everything here comes from the trusted side: the base commit from the event payload GitHub
 * writes (`pull_request.base.sha`), the manifest path from the workflow. The commit and the blob
 * are read with one `git cat-file --batch` (local, no network); no shell is involved.
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

const GIT_OPTIONS = { timeout: 15_000, env: { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } };

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
    timeout: GIT_OPTIONS.timeout,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, ...GIT_OPTIONS.env },
  });
}

/** An object `git cat-file --batch` found: its type (`commit`, `blob`, `tree`, `tag`) and content. */
interface GitObject {
  type: string;
  content: Buffer;
}

/**
 * Looks up each of `names` (`<sha>`, `<sha>:<path>`, no line break) with one `git cat-file --batch`
 * process; undefined for a name git has no object for.
 * @throws when git fails, or its output exceeds `maxBuffer` bytes
 */
function catFiles(root: string, names: readonly string[], maxBuffer: number): Array<GitObject | undefined> {
  const out = execFileSync('git', ['cat-file', '--batch'], {
    cwd: root,
    input: names.map((n) => `${n}\n`).join(''),
    maxBuffer,
    timeout: GIT_OPTIONS.timeout,
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, ...GIT_OPTIONS.env },
  });
  const found: Array<GitObject | undefined> = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new Error('git cat-file --batch: output cut short');
    // `<oid> <type> <size>` then the content and a line feed; `<name> missing` (or `ambiguous`) alone.
    const header = /^[0-9a-f]+ ([a-z]+) (\d+)$/.exec(out.subarray(at, eol).toString('latin1'));
    at = eol + 1;
    if (!header) {
      found.push(undefined);
      continue;
    }
    const size = Number(header[2]);
    found.push({ type: header[1]!, content: out.subarray(at, at + size) });
    at += size + 1;
  }
  return found;
}

/**
 * The merge commit's first parent when HEAD is the test-merge commit of the PR (actions/checkout
 * checks out refs/pull/N/merge: with fetch-depth 2 its parents are the base branch and the PR head).
 */
function mergeBase(root: string, refs: PullRequestRefs): string | undefined {
  if (!refs.headSha) return undefined;
  try {
    const parents = git(root, ['rev-list', '--parents', '-n', '1', 'HEAD']).trim().split(' ');
    if (parents.length === 3 && parents[2] === refs.headSha && SHA.test(parents[1]!)) return parents[1];
  } catch {
    return undefined;
  }
  return undefined;
}

/** Output room besides the manifest: the commit object and the batch headers. */
const BATCH_SLACK = 256 * 1024;
const TOO_LARGE = 'the base manifest could not be read (larger than 10 MB?)';

/**
 * Reads `manifestPath` as it is in the base commit: the base sha when the clone has it, else the
 * test-merge commit's first parent. Never throws: a missing git, a shallow clone without the base
 * commit, or a manifest that is not a file there give `unavailable` with the reason; a manifest the
 * base commit does not have gives `absent` (the PR adds it).
 */
export function readBaseManifest(manifestPath: string, refs: PullRequestRefs): BaseManifest {
  const abs = resolve(manifestPath);
  let root: string;
  try {
    root = git(dirname(abs), ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return { kind: 'unavailable', why: 'the manifest is not in a git checkout' };
  }
  const rel = relative(root, abs).split(sep).join('/');
  const inside = !rel.startsWith('../');
  // A line break would end a name of the batch early (the path comes from the workflow).
  if (/[\r\n]/.test(rel)) return { kind: 'unavailable', why: 'the manifest path holds a line break' };
  const lookup = (names: string[]) => catFiles(root, names, MAX_BASE_BYTES + BATCH_SLACK);
  let commit: string | undefined = refs.baseSha;
  let entry: GitObject | undefined;
  try {
    const [base, file] = lookup(inside ? [refs.baseSha, `${refs.baseSha}:${rel}`] : [refs.baseSha]);
    if (base?.type === 'commit') entry = file;
    else {
      commit = mergeBase(root, refs);
      if (commit && inside) [entry] = lookup([`${commit}:${rel}`]);
    }
  } catch {
    return { kind: 'unavailable', why: TOO_LARGE };
  }
  if (!commit) {
    return {
      kind: 'unavailable',
      why: `the base commit ${refs.baseSha.slice(0, 12)} is not in the checkout (shallow clone); use actions/checkout with fetch-depth: 2`,
    };
  }
  if (!inside) return { kind: 'unavailable', why: 'the manifest is outside the repository' };
  if (!entry) return { kind: 'absent', commit };
  if (entry.type !== 'blob')
    return { kind: 'unavailable', why: `the manifest path is a ${entry.type} in the base commit` };
  // A symlink is a blob holding the target path; it then fails to parse as a manifest (reported as such).
  if (entry.content.length > MAX_BASE_BYTES) return { kind: 'unavailable', why: TOO_LARGE };
  return { kind: 'found', text: entry.content.toString('utf8'), commit };
}
