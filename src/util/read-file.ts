/**
 * Reading a user's text file safely: confined to the workspace (src/util/paths.ts), bounded in
 * size, a regular file re-checked on its descriptor, UTF-8 without NUL bytes. Refusals are located
 * findings that name the file and never quote its content.
 */
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Finding, SourceLocation } from '../types.js';
import { fatal } from './errors.js';
import { confinePath, showPath, workspaceRoot } from './paths.js';
import { bytePositionIn } from './positions.js';

/** Largest input file read, in bytes. Larger files are rejected before reading. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** How `readTextFile` confines and names a file. */
export interface ReadOptions {
  /**
   * Workspace root the file must resolve inside (see src/util/paths.ts). `null`: an operator's
   * path outside the workspace (only the regular-file check applies). Default: workspaceRoot(path).
   */
  root?: string | null;
  /** Directory a relative path resolves against (default: the working directory). */
  base?: string;
  /** How the path is named in messages (default: the path as given). */
  shown?: string;
  /** The file name of locations inside the file (NUL byte, bad UTF-8); default: `shown`. */
  file?: string;
}

/**
 * Reads a user's text file: UTF-8 (BOM dropped), at most MAX_FILE_BYTES, no NUL bytes.
 * The path is confined first (confinePath: inside the workspace root, not under .git, a regular
 * file), then opened non-blocking and re-checked on the descriptor (same file, still regular), so a
 * FIFO or device swapped in after the check cannot block the read.
 * Returns the text, or a located `file-not-found` / `manifest-invalid` finding that names the path
 * and never quotes the file's content.
 * @param what how the file is referred to in messages ("manifest", "flow file")
 * @param from where the file is referenced (the finding points there when the file cannot be read)
 */
export function readTextFile(
  path: string,
  what: string,
  from?: SourceLocation,
  options: ReadOptions = {},
): { text: string } | { error: Finding } {
  const shownName = options.shown ?? path;
  const shown = showPath(shownName);
  const at = from ?? { file: shownName, line: 1, column: 1 };
  const root = options.root === undefined ? workspaceRoot(resolve(options.base ?? process.cwd(), path)) : options.root;
  const checked = confinePath(path, what, from, root, {
    ...(options.base ? { base: options.base } : {}),
    shown: shownName,
  });
  if ('error' in checked) return checked;
  const limit = `${MAX_FILE_BYTES / 1048576} MB`;
  const tooBig = (size?: number) =>
    fatal(
      'manifest-invalid',
      `${what} ${shown} is ${size === undefined ? `larger than ${limit}` : `${(size / 1048576).toFixed(1)} MB`}; the limit is ${limit}`,
      at,
    );
  const notRegular = () =>
    fatal(
      'manifest-invalid',
      `${what} ${shown} is not a regular file (a device, pipe or socket)`,
      at,
      'name a file committed in the repository',
    );
  if (checked.stat.size > MAX_FILE_BYTES) return { error: tooBig(checked.stat.size) };
  const cannotRead = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot be read (permission denied)'
          : code === 'EISDIR'
            ? 'is a directory, not a file'
            : `cannot be read (${typeof code === 'string' ? code.replace(/[^A-Z0-9_]/g, '') : 'error'})`;
    return fatal(
      code === 'ELOOP' ? 'manifest-invalid' : 'file-not-found',
      code === 'ELOOP' ? `${what} ${shown} changed while it was being checked` : `${what} ${shown} ${why}`,
      at,
    );
  };
  let fd: number;
  try {
    // Non-blocking: opening a FIFO swapped in after the check returns at once (then refused below).
    // No symlink followed: the checked real path has none in its last component.
    fd = openSync(checked.real, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | (fsConstants.O_NOFOLLOW ?? 0));
  } catch (e) {
    return { error: cannotRead(e) };
  }
  let bytes: Buffer;
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      return {
        error: st.isDirectory()
          ? fatal('manifest-invalid', `${what} ${shown} is a directory, not a file`, at)
          : notRegular(),
      };
    if (st.dev !== checked.stat.dev || st.ino !== checked.stat.ino) {
      return { error: fatal('manifest-invalid', `${what} ${shown} changed while it was being checked`, at) };
    }
    if (st.size > MAX_FILE_BYTES) return { error: tooBig(st.size) };
    // Read at most one byte more than the limit: the size may lie (a file growing).
    const buf = Buffer.allocUnsafe(Math.min(st.size + 1, MAX_FILE_BYTES + 1));
    let chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      total += n;
      if (total > MAX_FILE_BYTES) return { error: tooBig() };
    }
    bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    chunks = [];
  } catch (e) {
    return { error: cannotRead(e) };
  } finally {
    closeSync(fd);
  }
  const bomLength = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const nul = bytes.indexOf(0);
  const inFile = options.file ?? shownName;
  if (nul >= 0)
    return {
      error: fatal(
        'manifest-invalid',
        `${what} ${shown} is not a text file (NUL byte at offset ${nul})`,
        bytePositionIn(bytes, nul, inFile, bomLength),
      ),
    };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return {
      error: fatal(
        'manifest-invalid',
        `${what} ${shown} is not valid UTF-8 (a byte that is not UTF-8 at offset ${bad})`,
        bytePositionIn(bytes, bad, inFile, bomLength),
        'save the file as UTF-8 (it looks like Latin-1 / Windows-1252)',
      ),
    };
  }
  return { text: bytes.toString('utf8', bomLength) };
}

/** Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}
