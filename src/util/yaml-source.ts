/**
 * Parsing YAML/JSON with a source position for every node.
 * Library: `yaml` (eemeli/yaml) with a LineCounter; JSON is parsed as YAML 1.2 (a superset),
 * after a strict JSON syntax check for `.json` files (YAML accepts trailing commas, JSON does not).
 * Valid input takes a fast path (js-yaml, src/util/fast-yaml.ts).
 */
import {
  Composer,
  LineCounter,
  Parser,
  isMap,
  isPair,
  isScalar,
  visit,
  type CST,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Finding, SourceLocation } from '../types.js';
import { fatal } from './errors.js';
import { childAt, fastParse, type PosNode } from './fast-yaml.js';
import { jsonSyntaxError } from './json-check.js';
import { MAX_NESTING_DEPTH, nestingBeyond } from './nesting.js';
import { lineStartsOf, positionIn } from './positions.js';
import { cleanYamlMessage, explainYamlError, unparsable } from './yaml-errors.js';
import { duplicateKeys, scanTokens } from './yaml-scan.js';

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
export function parseYamlSource(
  text: string,
  file: string,
  mapping?: SourceMapping,
  options: { fast?: boolean } = {},
): { doc: SourceDocument } | { errors: Finding[] } {
  const lineCounter = new LineCounter();
  // Line starts, worked out when a position is first asked for (the fast path has its own).
  let original: number[] | undefined;
  let lines: number[] | undefined;
  const at = (offset: number): SourceLocation => {
    if (mapping) return positionIn((original ??= lineStartsOf(mapping.originalText)), mapping.toOriginal(offset), file);
    return positionIn((lines ??= lineStartsOf(text)), offset, file);
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
  if (beyond !== undefined)
    return { errors: [error(`collections are nested more than ${MAX_NESTING_DEPTH} levels deep`, beyond)] };

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
        return {
          errors: [
            error(
              'YAML syntax: the file holds more than one YAML document (a second "---"); put everything in one document',
              d.range[0],
            ),
          ],
        };
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
        error(
          `YAML syntax: duplicate key: each key may appear once in a map (the first is at line ${at(first).line}, column ${at(first).column})`,
          offset,
        ),
      ),
    };
  }

  // Aliases: each must follow its anchor; their expansion is bounded (billion laughs).
  const aliases: Array<{ source: string; offset: number; resolved: boolean }> = [];
  visit(document, {
    Alias(_key, node) {
      aliases.push({
        source: node.source,
        offset: node.range?.[0] ?? 0,
        resolved: node.resolve(document!) !== undefined,
      });
    },
  });
  const unresolved = aliases.find((a) => !a.resolved);
  if (unresolved)
    return { errors: [error('YAML: this alias (*name) has no anchor (&name) before it', unresolved.offset)] };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = (e as Error).message;
    if (/excessive alias count/i.test(msg) || e instanceof RangeError) {
      return {
        errors: [
          error(
            `YAML aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} alias expansions; an "alias bomb"); write the values out instead`,
            aliases[0]?.offset ?? 0,
          ),
        ],
      };
    }
    return {
      errors: [
        error('YAML: the document cannot be converted to values (check its aliases and tags)', aliases[0]?.offset ?? 0),
      ],
    };
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
        if (i === path.length - 1 && key) {
          last = pair.key;
          break;
        }
      } else if (
        node &&
        typeof node === 'object' &&
        'items' in node &&
        Array.isArray((node as { items: unknown[] }).items) &&
        typeof seg === 'number'
      ) {
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
function fastDocument(
  text: string,
  file: string,
  fast: { value: unknown; tree: PosNode },
  mapping?: SourceMapping,
): SourceDocument {
  const lines = lineStartsOf(mapping ? mapping.originalText : text);
  const at = (offset: number): SourceLocation => positionIn(lines, mapping ? mapping.toOriginal(offset) : offset, file);
  const locate = (path: NodePath, key = false): SourceLocation => {
    let node = fast.tree;
    for (let i = 0; i < path.length; i++) {
      const next = childAt(node, path[i]!);
      if (!next) break;
      node = next;
      if (i === path.length - 1 && key && next.keyStart !== undefined) return at(next.keyStart);
    }
    return at(node.start);
  };
  return { file, value: fast.value, locate, at };
}
