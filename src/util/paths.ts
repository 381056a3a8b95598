/**
 * Path confinement for input files (the manifest and every file it names).
 *
 * On a pull request these paths are written by whoever opened it, while the job holds secrets
 * (the checkout's credential sits in `.git/config`). So every input path must resolve, with
 * symbolic links followed, inside the workspace root, must not lie under a `.git` directory, and
 * must be a regular file (not a directory, FIFO, socket or device, which could block a read
 * forever or never end). All of it is checked before the file is opened; `readTextFile`
 * (src/util/read-file.ts) re-checks the opened descriptor. A refusal is a located finding that
 * names the path, never the file's content.
 *
 * The workspace root is `GITHUB_WORKSPACE` when set, else the git repository containing the
 * manifest (the nearest directory with a `.git` entry), else the manifest's directory.
 */
import { existsSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, SourceLocation } from '../types.js';
import { fatal } from './errors.js';

/**
 * The workspace root input files must stay in: `env.GITHUB_WORKSPACE` when set (non-blank),
 * else the nearest ancestor directory of `manifestPath` holding a `.git` entry (directory or
 * file, as in worktrees and submodules), else the manifest's directory. Absolute path.
 */
export function workspaceRoot(manifestPath: string, env: NodeJS.ProcessEnv = process.env): string {
  const ws = env.GITHUB_WORKSPACE;
  if (ws !== undefined && ws.trim() !== '') return resolve(ws);
  const start = dirname(resolve(manifestPath));
  let dir = start;
  try {
    dir = realpathSync(start);
  } catch {
    dir = start;
  }
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(resolve(d, '.git'))) return d;
    if (dirname(d) === d) break;
  }
  return start;
}

/**
 * A path for a message: control characters, line/paragraph separators and bidirectional
 * overrides escaped as `\u{..}`, at most 200 characters (then `…`). The path is the user's own
 * text (a value that passed the schema), so it may appear; it must not break the line it is in.
 */
export function showPath(path: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = path.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped;
}

/** True when `p` is `root` or below it (both absolute and normalised). */
export function isInside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** True when a path relative to the root has a `.git` segment (any case: case-insensitive file systems). */
function underGit(rel: string): boolean {
  return rel.split(/[\\/]/).some((s) => s.toLowerCase() === '.git');
}

/** Where and how an input file is looked for. */
export interface ConfineOptions {
  /** Directory a relative path resolves against (default: the working directory). */
  base?: string;
  /** How the path is shown in messages (default: the path as given). */
  shown?: string;
}

/** A checked input file: its real path (symlinks resolved) and what stat said of it. */
export interface Confined {
  real: string;
  stat: Stats;
}

/**
 * Checks an input path before anything opens it: it resolves (symlinks followed) inside `root`,
 * has no `.git` segment below the root, and is a regular file.
 * @param path the path as written (relative to `options.base`, or absolute)
 * @param what how the file is named in messages ("flow file", "options file")
 * @param from where the path is written (the finding points there); default: the file itself, 1:1
 * @param root the workspace root (see workspaceRoot); `null` for an operator's path from the
 *   workflow that lies outside the workspace: only the regular-file check applies
 * @returns the real path and its stat, or a located `file-not-found` (it does not exist, or cannot
 *   be reached) / `manifest-invalid` (outside the workspace, under .git, not a regular file) finding
 */
export function confinePath(
  path: string,
  what: string,
  from: SourceLocation | undefined,
  root: string | null,
  options: ConfineOptions = {},
): Confined | { error: Finding } {
  const shown = showPath(options.shown ?? path);
  const at = from ?? { file: options.shown ?? path, line: 1, column: 1 };
  const invalid = (why: string, fix?: string) => ({
    error: fatal('manifest-invalid', `${what} ${shown} ${why}`, at, fix),
  });
  const missing = (why: string) => ({ error: fatal('file-not-found', `${what} ${shown} ${why}`, at) });
  if (path === '' || path.includes('\u0000')) return invalid('is not a usable path');
  const abs = resolve(options.base ?? process.cwd(), path);

  let realRoot: string | undefined;
  const KEEP_INSIDE = 'input files must be inside the repository checkout (the workspace), outside .git';
  if (root !== null) {
    const lexicalRoot = resolve(root);
    try {
      realRoot = realpathSync(lexicalRoot);
    } catch {
      realRoot = lexicalRoot;
    }
    // Refused on the path alone, before the file system is asked anything about it.
    const inRoot = isInside(lexicalRoot, abs) ? lexicalRoot : isInside(realRoot, abs) ? realRoot : undefined;
    if (inRoot === undefined) return invalid('is outside the workspace', KEEP_INSIDE);
    if (underGit(relative(inRoot, abs))) return invalid('is inside a .git directory', KEEP_INSIDE);
  }

  let real: string;
  try {
    real = realpathSync.native(abs);
  } catch (e) {
    return reachError(e, invalid, missing);
  }
  if (realRoot !== undefined) {
    if (!isInside(realRoot, real))
      return invalid('resolves (through a symbolic link) outside the workspace', KEEP_INSIDE);
    if (underGit(relative(realRoot, real)))
      return invalid('resolves (through a symbolic link) into a .git directory', KEEP_INSIDE);
  }
  let stat: Stats;
  try {
    stat = statSync(real);
  } catch (e) {
    return reachError(e, invalid, missing);
  }
  if (stat.isDirectory()) return invalid('is a directory, not a file');
  if (!stat.isFile())
    return invalid('is not a regular file (a device, pipe or socket)', 'name a file committed in the repository');
  return { real, stat };
}

function reachError(
  e: unknown,
  invalid: (why: string) => { error: Finding },
  missing: (why: string) => { error: Finding },
): { error: Finding } {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return missing('does not exist');
  if (code === 'EACCES' || code === 'EPERM') return missing('cannot be read (permission denied)');
  if (code === 'ELOOP') return invalid('is a loop of symbolic links');
  if (code === 'ENAMETOOLONG') return invalid('is too long a path');
  return missing(`cannot be read (${typeof code === 'string' ? code.replace(/[^A-Z0-9_]/g, '') : 'error'})`);
}

/**
 * The root an operator's path (a workflow input such as `catalog` or `terraform-plan`) is
 * confined to: `root` when the path lies inside the workspace (its content is then the pull
 * request's, and a committed symlink there must not lead out), else `null` (a path the workflow
 * chose outside the checkout, e.g. under `$RUNNER_TEMP`, is trusted; it must still be a regular file).
 */
export function operatorRoot(path: string, root: string, base = process.cwd()): string | null {
  const abs = resolve(base, path);
  const lexicalRoot = resolve(root);
  let realRoot = lexicalRoot;
  try {
    realRoot = realpathSync(lexicalRoot);
  } catch {
    realRoot = lexicalRoot;
  }
  return isInside(lexicalRoot, abs) || isInside(realRoot, abs) ? root : null;
}
