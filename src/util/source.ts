/**
 * Reading user files safely and parsing YAML/JSON with a source position for every node.
 * Library: `yaml` (eemeli/yaml) with a LineCounter; JSON is parsed as YAML 1.2 (a superset).
 */
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { Finding, SourceLocation } from '../types.js';
import { fatal } from './errors.js';

/** Largest input file read, in bytes. Larger files are rejected before reading. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Path segments into a parsed document (`['orgs', 0, 'name']`). */
export type NodePath = ReadonlyArray<string | number>;

/**
 * Reads a user's text file: UTF-8 (BOM dropped), at most MAX_FILE_BYTES, no NUL bytes.
 * Returns the text, or a located `file-not-found` / `manifest-invalid` finding.
 * @param what how the file is referred to in messages ("manifest", "flow file")
 * @param from where the file is referenced (the finding points there when the file cannot be read)
 */
export function readTextFile(path: string, what: string, from?: SourceLocation): { text: string } | { error: Finding } {
  const at = from ?? { file: path, line: 1, column: 1 };
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { error: fatal('file-not-found', `${what} ${path} is a directory, not a file`, at) };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`;
    return { error: fatal('file-not-found', `${what} ${path} ${why}`, at) };
  }
  if (size > MAX_FILE_BYTES) {
    return { error: fatal('manifest-invalid', `${what} ${path} is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`, at) };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: fatal('file-not-found', `${what} ${path} cannot be read (${code === 'EACCES' ? 'permission denied' : code ?? 'error'})`, at) };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: fatal('manifest-invalid', `${what} ${path} is not a text file (NUL byte at offset ${nul})`, offsetLocation(path, bytes, nul)) };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { error: fatal('manifest-invalid', `${what} ${path} is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16)} at offset ${bad})`, offsetLocation(path, bytes, bad)) };
  }
}

function offsetLocation(file: string, bytes: Buffer, offset: number): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  return { file, line, column: offset - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Buffer): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // binary search the shortest invalid prefix (streaming decode would also do; prefixes are cheap here)
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      dec.decode(bytes.subarray(0, mid + 1), { stream: true });
      dec.decode();
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return Math.min(lo, bytes.length - 1);
}

/** A parsed YAML/JSON document that can say where any node is. */
export interface SourceDocument {
  file: string;
  /** The plain JS value (maps → objects). */
  value: unknown;
  /** Location of the node at `path` (its key when `key` is true); falls back to the nearest ancestor. */
  locate(path: NodePath, key?: boolean): SourceLocation;
  /** Location of a character offset in the text. */
  at(offset: number): SourceLocation;
}

/**
 * Parses YAML (or JSON) text keeping positions. Duplicate keys, syntax errors, tabs used for
 * indentation and alias bombs (more than 100 alias expansions) are errors, returned located.
 */
export function parseYamlSource(text: string, file: string): { doc: SourceDocument } | { errors: Finding[] } {
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    return { errors: [fatal('manifest-invalid', `${file} cannot be parsed: ${(e as Error).message}`, { file, line: 1, column: 1 })] };
  }
  const at = (offset: number): SourceLocation => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  if (document.errors.length > 0) {
    return {
      errors: document.errors.slice(0, 10).map((e) => fatal('manifest-invalid', `YAML syntax: ${cleanYamlMessage(e.message)}`, at(e.pos[0]))),
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const msg = (e as Error).message;
    return { errors: [fatal('manifest-invalid', /alias/i.test(msg) ? `too many YAML alias expansions (possible alias bomb): ${msg}` : `YAML: ${msg}`, at(0))] };
  }
  const locate = (path: NodePath, key = false): SourceLocation => {
    let node: unknown = document.contents;
    let last: unknown = node;
    let lastKey: unknown;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        lastKey = pair.key;
        node = pair.value;
        if (i === path.length - 1 && key) { last = pair.key; break; }
      } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items) && typeof seg === 'number') {
        node = (node as { items: unknown[] }).items[seg];
        lastKey = undefined;
      } else break;
      if (node) last = node;
      else if (lastKey) last = lastKey;
    }
    const range = (last as Node | undefined)?.range;
    return at(range ? range[0] : 0);
  };
  return { doc: { file, value, locate, at } };
}

function cleanYamlMessage(msg: string): string {
  return msg.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
}
