/**
 * Reading user files safely and parsing YAML/JSON with a source position for every node.
 * Library: `yaml` (eemeli/yaml) with a LineCounter; JSON is parsed as YAML 1.2 (a superset),
 * after a strict JSON syntax check for `.json` files (YAML accepts trailing commas, JSON does not).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Composer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, visit, type CST, type Document, type Node } from 'yaml';
import type { Finding, SourceLocation } from '../types.js';
import { fastParse, type PosNode } from './fast-yaml.js';
import { fatal } from './errors.js';

/** Largest input file read, in bytes. Larger files are rejected before reading. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Deepest nesting of YAML/JSON collections accepted. Deeper documents are rejected before they are
 * composed (composition is recursive and would exhaust the stack); real manifests and Archy flows
 * stay far below it.
 */
export const MAX_NESTING_DEPTH = 200;

/** Most alias expansions accepted when a document is converted to plain values (YAML alias bombs). */
export const MAX_ALIAS_COUNT = 100;

/** Path segments into a parsed document (`['orgs', 0, 'name']`). */
export type NodePath = ReadonlyArray<string | number>;

/**
 * Reads a user's text file: UTF-8 (BOM dropped), at most MAX_FILE_BYTES, no NUL bytes.
 * Returns the text, or a located `file-not-found` / `manifest-invalid` finding.
 * Never reads more than MAX_FILE_BYTES + 1 bytes, also from pipes and devices (/dev/stdin, /dev/zero).
 * @param what how the file is referred to in messages ("manifest", "flow file")
 * @param from where the file is referenced (the finding points there when the file cannot be read)
 */
export function readTextFile(path: string, what: string, from?: SourceLocation): { text: string } | { error: Finding } {
  const at = from ?? { file: path, line: 1, column: 1 };
  const limit = `${MAX_FILE_BYTES / 1048576} MB`;
  const tooBig = (size?: number) =>
    fatal('manifest-invalid', `${what} ${path} is ${size === undefined ? `larger than ${limit}` : `${(size / 1048576).toFixed(1)} MB`}; the limit is ${limit}`, at);
  const cannotRead = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? 'error'})`;
    return fatal('file-not-found', `${what} ${path} ${why}`, at);
  };
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { error: cannotRead(e) };
  }
  let bytes: Buffer;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { error: fatal('file-not-found', `${what} ${path} is a directory, not a file`, at) };
    if (st.isFile() && st.size > MAX_FILE_BYTES) return { error: tooBig(st.size) };
    // Read at most one byte more than the limit: the size may lie (pipes, devices, a file growing).
    const buf = Buffer.allocUnsafe(st.isFile() ? Math.min(st.size + 1, MAX_FILE_BYTES + 1) : 64 * 1024);
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
  if (nul >= 0) return { error: fatal('manifest-invalid', `${what} ${path} is not a text file (NUL byte at offset ${nul})`, offsetLocation(path, bytes, nul, bomLength)) };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return {
      error: fatal('manifest-invalid', `${what} ${path} is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16)} at offset ${bad})`, offsetLocation(path, bytes, bad, bomLength),
        'save the file as UTF-8 (it looks like Latin-1 / Windows-1252)'),
    };
  }
  return { text: bytes.toString('utf8', bomLength) };
}

/** Line and column (in characters, as editors count them) of a byte offset. */
function offsetLocation(file: string, bytes: Buffer, offset: number, bomLength: number): SourceLocation {
  let line = 1;
  let lineStart = bomLength;
  for (let i = bomLength; i < offset; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  // The prefix of the line up to the offset is valid UTF-8 (the offset is the first bad byte).
  return { file, line, column: bytes.toString('utf8', lineStart, offset).length + 1 };
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

/** When the parsed text is not the file's text (placeholders filled in): how to point into the file. */
export interface SourceMapping {
  /** The file's own text (positions are reported in it). */
  originalText: string;
  /** Maps an offset in the parsed text to the offset in `originalText`. */
  toOriginal(offset: number): number;
  /** Says what was substituted at a parsed-text offset, for messages ("in the value of {{queue}}"). */
  describe?(offset: number): string | undefined;
}

/**
 * Parses YAML (or JSON) text keeping positions. Duplicate keys, syntax errors, tabs used for
 * indentation, nesting deeper than MAX_NESTING_DEPTH, unresolved aliases and alias bombs (more than
 * MAX_ALIAS_COUNT alias expansions) are errors, returned located. Files named `*.json` must be
 * strict JSON (no comments, no trailing commas).
 * @param mapping when `text` was derived from the file's text (substitutions): positions are mapped back
 */
export function parseYamlSource(text: string, file: string, mapping?: SourceMapping, options: { fast?: boolean } = {}): { doc: SourceDocument } | { errors: Finding[] } {
  const lineCounter = new LineCounter();
  const original = mapping ? lineStartsOf(mapping.originalText) : undefined;
  const lines = lineStartsOf(text);
  const at = (offset: number): SourceLocation => {
    if (mapping && original) return positionIn(original, mapping.toOriginal(offset), file);
    return positionIn(lines, offset, file);
  };
  const suffix = (offset: number) => {
    const what = mapping?.describe?.(offset);
    return what ? ` (${what})` : '';
  };
  const error = (message: string, offset: number) => fatal('manifest-invalid', message + suffix(offset), at(offset));

  if (/\.json$/i.test(file)) {
    const bad = jsonSyntaxError(text);
    if (bad) return { errors: [error(`JSON syntax: ${bad.message}`, bad.offset)] };
  }
  // Valid input takes the fast path; errors (and anchors, aliases, tags) go to the `yaml` library.
  const fast = options.fast === false ? undefined : fastParse(text, MAX_NESTING_DEPTH);
  if (fast) return { doc: fastDocument(text, file, fast, mapping) };

  let tokens: CST.Token[];
  try {
    tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  } catch (e) {
    return { errors: [error(`${file} cannot be parsed: ${(e as Error).message}`, 0)] };
  }
  const shape = scanTokens(tokens);
  if (shape.tooDeep !== undefined) {
    return { errors: [error(`collections are nested more than ${MAX_NESTING_DEPTH} levels deep`, shape.tooDeep)] };
  }

  let document: Document.Parsed | undefined;
  try {
    const composer = new Composer({ uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
    for (const d of composer.compose(tokens, true, text.length)) {
      if (!document) document = d;
      else {
        return { errors: [error('YAML syntax: the file holds more than one YAML document (a second "---"); put everything in one document', d.range[0])] };
      }
    }
  } catch (e) {
    return { errors: [error(`${file} cannot be parsed: ${(e as Error).message}`, 0)] };
  }
  if (!document) return { errors: [error(`${file} cannot be parsed`, 0)] };
  if (document.errors.length > 0) {
    return {
      errors: document.errors.slice(0, 10).map((e) => {
        const { message, offset } = explainYamlError(e.code, cleanYamlMessage(e.message), e.pos[0], text, shape);
        return error(`YAML syntax: ${message}`, offset);
      }),
    };
  }

  // Aliases: each must follow its anchor; their expansion is bounded (billion laughs).
  const aliases: Array<{ source: string; offset: number; resolved: boolean }> = [];
  visit(document, {
    Alias(_key, node) {
      aliases.push({ source: node.source, offset: node.range?.[0] ?? 0, resolved: node.resolve(document!) !== undefined });
    },
  });
  const unresolved = aliases.find((a) => !a.resolved);
  if (unresolved) return { errors: [error(`YAML: alias *${unresolved.source} has no anchor &${unresolved.source} before it`, unresolved.offset)] };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = (e as Error).message;
    if (/excessive alias count/i.test(msg) || e instanceof RangeError) {
      return {
        errors: [error(`YAML aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} alias expansions; an "alias bomb"); write the values out instead`, aliases[0]?.offset ?? 0)],
      };
    }
    return { errors: [error(`YAML: ${msg}`, aliases[0]?.offset ?? 0)] };
  }
  const locate = (path: NodePath, key = false): SourceLocation => {
    let node: unknown = document!.contents;
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
    // An empty value (`orgs:` with nothing after it) has a zero-length range: point at its key.
    if (isScalar(last) && last.range && last.range[0] === last.range[1] && lastKey) last = lastKey;
    const range = (last as Node | undefined)?.range;
    return at(range ? range[0] : 0);
  };
  return { doc: { file, value, locate, at } };
}

/** A SourceDocument over the fast parser's value and position tree. */
function fastDocument(text: string, file: string, fast: { value: unknown; tree: PosNode }, mapping?: SourceMapping): SourceDocument {
  const lines = lineStartsOf(mapping ? mapping.originalText : text);
  const at = (offset: number): SourceLocation => positionIn(lines, mapping ? mapping.toOriginal(offset) : offset, file);
  const locate = (path: NodePath, key = false): SourceLocation => {
    let node = fast.tree;
    for (let i = 0; i < path.length; i++) {
      const next = node.children?.get(path[i]!);
      if (!next) break;
      node = next;
      if (i === path.length - 1 && key && next.keyStart !== undefined) return at(next.keyStart);
    }
    return at(node.start);
  };
  return { file, value: fast.value, locate, at };
}

/** What the token scan learns: too deep, unclosed quotes and brackets (for better error positions). */
interface TokenShape {
  /** Offset of the first collection nested deeper than MAX_NESTING_DEPTH. */
  tooDeep?: number;
  /** Quoted scalars: start and end offsets. */
  quoted: Array<{ start: number; end: number; quote: string }>;
  /** Flow collections without their closing bracket: offset of the opening bracket. */
  unclosed: Array<{ start: number; bracket: string }>;
}

/** Walks the CST without recursion (it can be arbitrarily deep). */
function scanTokens(tokens: CST.Token[]): TokenShape {
  const shape: TokenShape = { quoted: [], unclosed: [] };
  const stack: Array<{ token: CST.Token | null | undefined; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > MAX_NESTING_DEPTH) {
          if (shape.tooDeep === undefined || token.offset < shape.tooDeep) shape.tooDeep = token.offset;
          break;
        }
        if (token.type === 'flow-collection') {
          const close = token.start.source === '{' ? '}' : ']';
          if (token.end[0]?.source !== close) shape.unclosed.push({ start: token.start.offset, bracket: token.start.source });
        }
        for (const item of token.items as CST.CollectionItem[]) {
          stack.push({ token: item.key, depth: depth + 1 });
          stack.push({ token: item.value, depth: depth + 1 });
        }
        break;
      }
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        shape.quoted.push({ start: token.offset, end: token.offset + token.source.length, quote: token.source[0]! });
        break;
      default:
        break;
    }
  }
  return shape;
}

/** Rewords a YAML error and moves it to its cause where the library reports the symptom. */
function explainYamlError(code: string, message: string, offset: number, text: string, shape: TokenShape): { message: string; offset: number } {
  if (/^Missing closing .quote/.test(message)) {
    const q = shape.quoted.filter((s) => s.end === offset || (s.start <= offset && offset <= s.end)).sort((a, b) => b.start - a.start)[0];
    if (q) return { message: `the ${q.quote === '"' ? 'double' : 'single'} quote opened here is never closed`, offset: q.start };
  }
  if (/^Flow (sequence|mapping) .*end with a/.test(message)) {
    const open = shape.unclosed.filter((u) => u.start < offset).sort((a, b) => b.start - a.start)[0];
    if (open) return { message: `the "${open.bracket}" opened here is never closed with "${open.bracket === '[' ? ']' : '}'}"`, offset: open.start };
  }
  if (code === 'DUPLICATE_KEY') {
    const key = /^[^\n]{1,80}/.exec(text.slice(offset))?.[0]?.replace(/\s*:.*$/, '') ?? '';
    if (key) return { message: `duplicate key ${key.startsWith('"') || key.startsWith("'") ? key : `"${key}"`}: each key may appear once in a map`, offset };
  }
  if (code === 'TAB_AS_INDENT') return { message: 'tabs are not allowed for indentation in YAML; indent with spaces', offset };
  if (/Maximum call stack/i.test(message)) return { message: `collections are nested too deeply`, offset };
  // Point at the line's content, not at the indentation before it.
  let at = offset;
  while (text[at] === ' ') at++;
  if (text[at] === '\n' || text[at] === '\r' || at >= text.length) at = offset;
  if (/^Sequence item without - indicator/.test(message)) {
    return { message: 'this line is indented as an item of the list above but does not start with "- " (check its indentation)', offset: at };
  }
  return { message, offset: at };
}

function cleanYamlMessage(msg: string): string {
  return msg.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

/** Offsets at which each line of `text` starts (line 1 at offset 0). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of a character offset, given `lineStartsOf(text)`. */
export function positionIn(lineStarts: number[], offset: number, file: string): SourceLocation {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { file, line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

/**
 * Strict JSON syntax check (RFC 8259) without recursion. Returns the offset and a plain message of
 * the first error, or undefined when the text is JSON. Messages never quote the file's content
 * beyond one character (it may hold secrets).
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  const n = text.length;
  let i = 0;
  const stack: string[] = [];
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const show = (at: number) => (at >= n ? 'the end of the file' : `"${text[at]}"`);
  const comment = (at: number) => text[at] === '/' && (text[at + 1] === '/' || text[at + 1] === '*');
  const err = (message: string, at = i) => ({ offset: Math.min(at, n), message });
  const unexpected = (expected: string) => (comment(i) ? err('comments are not allowed in JSON (remove the // or /* */ comment, or use a YAML manifest)') : err(`expected ${expected}, found ${show(i)}`));
  const string = (): { offset: number; message: string } | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return err('bad \\u escape in a string (4 hex digits expected)');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return err(`bad escape \\${e ?? ''} in a string`);
        continue;
      }
      if (c < 0x20) return err(c === 10 ? 'a string is not closed before the end of the line' : 'control characters (tabs, newlines) in strings must be escaped');
      i++;
    }
    return err('a string is never closed', start);
  };
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  // expect: 'value' | 'key' | 'after'
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    ws();
    if (expect === 'value') {
      if (i >= n) return err('unexpected end of the file (a value is missing)');
      const c = text[i]!;
      if (c === '{') {
        stack.push('{');
        i++;
        ws();
        if (text[i] === '}') {
          i++;
          stack.pop();
          expect = 'after';
        } else expect = 'key';
      } else if (c === '[') {
        stack.push('[');
        i++;
        ws();
        if (text[i] === ']') {
          i++;
          stack.pop();
        } else continue;
        expect = 'after';
      } else if (c === '"') {
        const e = string();
        if (e) return e;
        expect = 'after';
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
        expect = 'after';
      } else if (text.startsWith('false', i)) {
        i += 5;
        expect = 'after';
      } else {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (!m) return unexpected('a value ("string", number, true, false, null, { or [)');
        i += m[0].length;
        expect = 'after';
      }
    } else if (expect === 'key') {
      if (text[i] !== '"') return unexpected('a "quoted" key');
      const e = string();
      if (e) return e;
      ws();
      if (text[i] !== ':') return unexpected('":" after the key');
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (i < n) return comment(i) ? unexpected('') : err(`unexpected ${show(i)} after the end of the JSON value`);
        return undefined;
      }
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        i++;
        stack.pop();
        continue;
      }
      if (text[i] === ',') {
        const comma = i;
        i++;
        ws();
        if (text[i] === '}' || text[i] === ']') return err(`trailing comma before "${text[i]}" (JSON does not allow it)`, comma);
        expect = top === '{' ? 'key' : 'value';
        continue;
      }
      return unexpected(`"," or "${close}"`);
    }
  }
}
