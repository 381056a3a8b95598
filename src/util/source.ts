/**
 * Reading user files safely and parsing YAML/JSON with a source position for every node.
 * Library: `yaml` (eemeli/yaml) with a LineCounter; JSON is parsed as YAML 1.2 (a superset),
 * after a strict JSON syntax check for `.json` files (YAML accepts trailing commas, JSON does not).
 */
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { Composer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, visit, type CST, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Finding, SourceLocation } from '../types.js';
import { fastParse, type PosNode } from './fast-yaml.js';
import { fatal } from './errors.js';
import { confinePath, showPath, workspaceRoot } from './paths.js';

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

/**
 * Nesting the pre-scan (nestingBeyond) must see before the `yaml` library is skipped: deeper input
 * would make its syntax tree take gigabytes (a 10 MB file of `[` is 5 million levels). Up to this
 * many levels the library parses with modest memory and the exact token scan locates the error.
 */
const PRE_SCAN_DEPTH = 10_000;

/** Path segments into a parsed document (`['orgs', 0, 'name']`). */
export type NodePath = ReadonlyArray<string | number>;

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
export function readTextFile(path: string, what: string, from?: SourceLocation, options: ReadOptions = {}): { text: string } | { error: Finding } {
  const shownName = options.shown ?? path;
  const shown = showPath(shownName);
  const at = from ?? { file: shownName, line: 1, column: 1 };
  const root = options.root === undefined ? workspaceRoot(resolve(options.base ?? process.cwd(), path)) : options.root;
  const checked = confinePath(path, what, from, root, { ...(options.base ? { base: options.base } : {}), shown: shownName });
  if ('error' in checked) return checked;
  const limit = `${MAX_FILE_BYTES / 1048576} MB`;
  const tooBig = (size?: number) =>
    fatal('manifest-invalid', `${what} ${shown} is ${size === undefined ? `larger than ${limit}` : `${(size / 1048576).toFixed(1)} MB`}; the limit is ${limit}`, at);
  const notRegular = () => fatal('manifest-invalid', `${what} ${shown} is not a regular file (a device, pipe or socket)`, at, 'name a file committed in the repository');
  if (checked.stat.size > MAX_FILE_BYTES) return { error: tooBig(checked.stat.size) };
  const cannotRead = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${typeof code === 'string' ? code.replace(/[^A-Z0-9_]/g, '') : 'error'})`;
    return fatal(code === 'ELOOP' ? 'manifest-invalid' : 'file-not-found', code === 'ELOOP' ? `${what} ${shown} changed while it was being checked` : `${what} ${shown} ${why}`, at);
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
    if (!st.isFile()) return { error: st.isDirectory() ? fatal('manifest-invalid', `${what} ${shown} is a directory, not a file`, at) : notRegular() };
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
  if (nul >= 0) return { error: fatal('manifest-invalid', `${what} ${shown} is not a text file (NUL byte at offset ${nul})`, offsetLocation(inFile, bytes, nul, bomLength)) };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return {
      error: fatal('manifest-invalid', `${what} ${shown} is not valid UTF-8 (a byte that is not UTF-8 at offset ${bad})`, offsetLocation(inFile, bytes, bad, bomLength),
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

  const beyond = nestingBeyond(text, PRE_SCAN_DEPTH, MAX_NESTING_DEPTH);
  if (beyond !== undefined) return { errors: [error(`collections are nested more than ${MAX_NESTING_DEPTH} levels deep`, beyond)] };

  let tokens: CST.Token[];
  try {
    tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  } catch (e) {
    return { errors: [error(unparsable(e), 0)] };
  }
  const shape = scanTokens(tokens);
  if (shape.tooDeep !== undefined) {
    return { errors: [error(`collections are nested more than ${MAX_NESTING_DEPTH} levels deep`, shape.tooDeep)] };
  }

  let document: Document.Parsed | undefined;
  try {
    // Duplicate keys are found below with one hash set per map: the library's own check compares
    // each key with every earlier one (quadratic on a map with 40,000 keys).
    const composer = new Composer({ uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error' });
    for (const d of composer.compose(tokens, true, text.length)) {
      if (!document) document = d;
      else {
        return { errors: [error('YAML syntax: the file holds more than one YAML document (a second "---"); put everything in one document', d.range[0])] };
      }
    }
  } catch (e) {
    return { errors: [error(unparsable(e), 0)] };
  }
  if (!document) return { errors: [error('YAML syntax: the file holds no YAML document', 0)] };
  if (document.errors.length > 0) {
    return {
      errors: document.errors.slice(0, 10).map((e) => {
        const { message, offset } = explainYamlError(e.code, cleanYamlMessage(e.message), e.pos[0], text, shape);
        return error(`YAML syntax: ${message}`, offset);
      }),
    };
  }
  const duplicates = duplicateKeys(document, 10);
  if (duplicates.length) {
    return {
      errors: duplicates.map(({ offset, first }) =>
        error(`YAML syntax: duplicate key: each key may appear once in a map (the first is at line ${at(first).line}, column ${at(first).column})`, offset)),
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
  if (unresolved) return { errors: [error('YAML: this alias (*name) has no anchor (&name) before it', unresolved.offset)] };

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
    return { errors: [error('YAML: the document cannot be converted to values (check its aliases and tags)', aliases[0]?.offset ?? 0)] };
  }
  // Per-map key index, built on first use: locating N nodes of one big map stays linear.
  const indexes = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();
  const pairOf = (map: YAMLMap<unknown, unknown>, seg: string | number): Pair<unknown, unknown> | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        const k = String(p.key.value);
        if (!index.has(k)) index.set(k, p);
      }
      indexes.set(map, index);
    }
    return index.get(String(seg));
  };
  const locate = (path: NodePath, key = false): SourceLocation => {
    let node: unknown = document!.contents;
    let last: unknown = node;
    let lastKey: unknown;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (isMap(node)) {
        const pair = pairOf(node, seg);
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

/**
 * A linear pre-scan for pathological nesting, without building anything. It counts a lower bound
 * of the nesting depth: flow collections (`[`, `{` where a node can start, outside quotes, comments
 * and block scalars) plus compact block sequences and explicit keys (`- - - x`, `? ? x`) at the
 * start of a line. When that bound passes `limit`, returns the offset where it first passed
 * `report` (the error is located there); otherwise undefined. Undercounting is safe (the exact
 * token scan runs next); it never counts what is not a collection.
 */
export function nestingBeyond(text: string, limit: number, report: number): number | undefined {
  const n = text.length;
  let flow = 0;
  let compact = 0; // `- ` / `? ` indicators opening the current line (block context)
  let lineIndent = 0;
  let atLineStart = true;
  let nodeStart = true; // a node (and so a collection or a quoted scalar) may start here
  let first: number | undefined;
  const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
  const deeper = (at: number): boolean => {
    const depth = compact + flow;
    if (depth > report && first === undefined) first = at;
    return depth > limit;
  };
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n') {
      atLineStart = true;
      nodeStart = true;
      lineIndent = 0;
      if (flow === 0) compact = 0;
      continue;
    }
    if (atLineStart && flow === 0 && c === ' ') {
      lineIndent++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '#' && (i === 0 || isBlank(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      i = (eol < 0 ? n : eol) - 1;
      continue;
    }
    if (flow === 0 && (c === '-' || c === '?') && nodeStart && isBlank(text[i + 1]) && (atLineStart || compact > 0)) {
      compact++;
      atLineStart = false;
      if (deeper(i)) return first;
      continue;
    }
    atLineStart = false;
    if (nodeStart && (c === '"' || c === "'")) {
      // A quoted scalar: skip to its end (backslash escapes in double quotes, '' in single quotes).
      let j = i + 1;
      for (; j < n; j++) {
        const d = text[j];
        if (c === '"' && d === '\\') j++;
        else if (d === c) {
          if (c === "'" && text[j + 1] === "'") j++;
          else break;
        }
      }
      i = j;
      nodeStart = false;
      continue;
    }
    if (flow === 0 && nodeStart && (c === '|' || c === '>')) {
      // A block scalar: its content is the following lines indented deeper than this one.
      const indent = lineIndent;
      let eol = text.indexOf('\n', i);
      while (eol >= 0) {
        let k = eol + 1;
        let spaces = 0;
        while (text[k] === ' ') {
          k++;
          spaces++;
        }
        if (k < n && text[k] !== '\n' && text[k] !== '\r' && spaces <= indent) break;
        eol = text.indexOf('\n', k);
      }
      i = (eol < 0 ? n : eol) - 1;
      continue;
    }
    if (c === '[' || c === '{') {
      if (flow > 0 || nodeStart) {
        flow++;
        nodeStart = true;
        if (deeper(i)) return first;
      } else nodeStart = false;
      continue;
    }
    if (flow > 0 && (c === ']' || c === '}')) {
      flow--;
      nodeStart = false;
      continue;
    }
    if (c === ':' && isBlank(text[i + 1])) {
      nodeStart = true;
      continue;
    }
    if (flow > 0 && (c === ',' || c === ':')) {
      nodeStart = true;
      continue;
    }
    nodeStart = false;
  }
  return undefined;
}

/** A parser that gave up (it recursed too deep): a message without the library's text. */
function unparsable(e: unknown): string {
  return e instanceof RangeError ? 'YAML syntax: collections are nested too deeply' : 'YAML syntax: the file cannot be parsed';
}

/**
 * Keys that repeat an earlier key of the same map (scalar keys equal in type and value, as the
 * library's own uniqueKeys check compares them), in document order: the offset of the repeat and
 * of the first. Linear: one hash set per map. At most `limit` are returned.
 */
function duplicateKeys(document: Document.Parsed, limit: number): Array<{ offset: number; first: number }> {
  const out: Array<{ offset: number; first: number }> = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Map<string, number>();
      for (const p of map.items) {
        if (!isScalar(p.key)) continue;
        const v = p.key.value;
        const id = `${v === null ? 'null' : typeof v}:${String(v)}`;
        const offset = p.key.range?.[0] ?? 0;
        const first = seen.get(id);
        if (first === undefined) seen.set(id, offset);
        else out.push({ offset, first });
      }
      return out.length >= limit ? visit.BREAK : undefined;
    },
  });
  return out.sort((a, b) => a.offset - b.offset).slice(0, limit);
}

/**
 * YAML library messages that hold no text of the file (fixed sentences, or fixed words filled in
 * from the library's own vocabulary: token types, "flow map"/"flow sequence"). Anything else is
 * replaced by a message per error code: library messages can quote the file (`Unexpected ${source}`,
 * `Invalid escape sequence ${raw}`, tags, directives), and the file may hold secrets.
 */
const SAFE_YAML_MESSAGES: readonly RegExp[] = [
  /^Implicit keys need to be on a single line$/,
  /^Implicit keys of flow sequence pairs need to be on a single line$/,
  /^Implicit map keys need to be followed by map values$/,
  /^All (sequence|mapping) items must start at the same column$/,
  /^Nested mappings are not allowed in compact mappings$/,
  /^A block sequence may not be used as an implicit map key$/,
  /^Block collections are not allowed within flow collections$/,
  /^Block scalars with more-indented leading empty lines must use an explicit indentation indicator$/,
  /^Block scalar values in collections must be indented$/,
  /^Block scalar lines must not be less indented than their (explicit indentation indicator|first line)$/,
  /^Comments must be separated from other tokens by white space characters$/,
  /^Tags and anchors must be separated from the next token by white space$/,
  /^An alias node must not specify any properties$/,
  /^A node can have at most one (anchor|tag)$/,
  /^(Alias|Anchor) cannot be an empty string$/,
  /^(Alias|Anchor) ending in : is ambiguous$/,
  /^The : indicator must be at most 1024 chars after the start of an implicit (block mapping|flow sequence) key$/,
  /^Block collection cannot start on same line with directives-end marker$/,
  /^Missing directives-end(\/doc-start)? indicator line$/,
  /^Missing newline after block sequence props$/,
  /^Flow end indicator should be more indented than parent$/,
  /^Insufficient indentation in flow collection$/,
  /^Missing (,|, or :) between flow (map|sequence) items$/,
  /^Missing space after : in flow (map|sequence)$/,
  /^Unexpected (empty item|,) in flow (map|sequence)$/,
  /^Unexpected [a-z-]{1,30} (token|at node end)$/,
  /^Expected a flow scalar value, but found: [a-z-]{1,30}$/,
  /^Each pair must have its own sequence indicator$/,
  /^Expected a (mapping|sequence) for this tag$/,
  /^Unexpected doc-end without preceding document$/,
];

/** What each YAML error code means, for messages the library words with the file's text. */
const YAML_CODE_MESSAGES: Record<string, string> = {
  BAD_DQ_ESCAPE: 'invalid escape sequence in a double-quoted string (write \\\\ for a backslash, or use single quotes)',
  BAD_SCALAR_START: 'a plain value cannot start with this character; quote the value',
  BAD_INDENT: 'bad indentation',
  BAD_DIRECTIVE: 'bad % directive line',
  BAD_ALIAS: 'bad alias or anchor name',
  BAD_PROP_ORDER: 'anchors (&) and tags (!) must come after the - or ? indicator',
  BAD_COLLECTION_TYPE: 'this tag (!) does not fit the collection it is on',
  TAG_RESOLVE_FAILED: 'unknown or unsupported tag (!); remove it',
  NON_STRING_KEY: 'keys must be plain text',
  MULTILINE_IMPLICIT_KEY: 'a key must be on a single line',
  MISSING_CHAR: 'something is missing here (a closing quote or bracket, a ":" after a key, or a "," between items)',
  UNEXPECTED_TOKEN: 'unexpected text here (check quotes, brackets, ":" and indentation)',
  BLOCK_AS_IMPLICIT_KEY: 'a block collection cannot be used as a key',
  BLOCK_IN_FLOW: 'block collections are not allowed inside [ ] or { }',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters must be written as an explicit key (? key)',
  MULTIPLE_ANCHORS: 'a node can have at most one anchor',
  MULTIPLE_TAGS: 'a node can have at most one tag',
  MULTIPLE_DOCS: 'the file holds more than one YAML document',
  ALIAS_PROPS: 'an alias must not have an anchor or a tag',
  RESOURCE_EXHAUSTION: 'the document expands to too many nodes',
};

/** The library's message when it quotes nothing of the file, else the message for its error code. */
function safeYamlMessage(code: string, message: string): string {
  if (SAFE_YAML_MESSAGES.some((re) => re.test(message))) return message;
  return Object.hasOwn(YAML_CODE_MESSAGES, code) ? YAML_CODE_MESSAGES[code]! : 'the YAML is not well formed here';
}

/**
 * Rewords a YAML error and moves it to its cause where the library reports the symptom.
 * The message never quotes the file (see SAFE_YAML_MESSAGES).
 */
function explainYamlError(code: string, message: string, offset: number, text: string, shape: TokenShape): { message: string; offset: number } {
  if (/^Missing closing .quote/.test(message)) {
    const q = shape.quoted.filter((s) => s.end === offset || (s.start <= offset && offset <= s.end)).sort((a, b) => b.start - a.start)[0];
    if (q) return { message: `the ${q.quote === '"' ? 'double' : 'single'} quote opened here is never closed`, offset: q.start };
    return { message: 'a quoted value is never closed', offset };
  }
  if (/^Flow (sequence|mapping) .*end with a/.test(message)) {
    const open = shape.unclosed.filter((u) => u.start < offset).sort((a, b) => b.start - a.start)[0];
    if (open) return { message: `the "${open.bracket}" opened here is never closed with "${open.bracket === '[' ? ']' : '}'}"`, offset: open.start };
    return { message: 'a [ or { is never closed', offset };
  }
  if (code === 'DUPLICATE_KEY') return { message: 'duplicate key: each key may appear once in a map', offset };
  if (code === 'TAB_AS_INDENT') return { message: 'tabs are not allowed for indentation in YAML; indent with spaces', offset };
  if (/Maximum call stack/i.test(message)) return { message: `collections are nested too deeply`, offset };
  // Point at the line's content, not at the indentation before it.
  let at = offset;
  while (text[at] === ' ') at++;
  if (text[at] === '\n' || text[at] === '\r' || at >= text.length) at = offset;
  if (/^Sequence item without - indicator/.test(message)) {
    return { message: 'this line is indented as an item of the list above but does not start with "- " (check its indentation)', offset: at };
  }
  return { message: lowerFirst(safeYamlMessage(code, message)), offset: at };
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
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
 * the first error, or undefined when the text is JSON. Collections nested more than
 * MAX_NESTING_DEPTH levels are an error (nothing downstream has to hold a deeper tree). Messages
 * never quote the file's content: a character is named by its class ("a letter") unless it is JSON
 * punctuation (the file may hold secrets).
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
  const show = (at: number) => (at >= n ? 'the end of the file' : describeChar(text[at]!));
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
        else return err('bad escape sequence in a string (after \\ only " \\ / b f n r t u may follow)');
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
      if ((c === '{' || c === '[') && stack.length >= MAX_NESTING_DEPTH) {
        return err(`collections are nested more than ${MAX_NESTING_DEPTH} levels deep`);
      }
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
        if (i < n) return comment(i) ? unexpected('') : err(`found ${show(i)} after the end of the JSON value (a file holds one value)`);
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

/** A character named without showing it, unless it is JSON punctuation or quoting it is harmless. */
function describeChar(c: string): string {
  if ('{}[],:"'.includes(c)) return `"${c}"`;
  if (c === "'") return 'a single quote (JSON strings use double quotes)';
  if (/[A-Za-z]/.test(c)) return 'a letter';
  if (/[0-9]/.test(c)) return 'a digit';
  if (/\s/.test(c)) return 'a space character';
  return 'a character that cannot start a JSON value';
}
