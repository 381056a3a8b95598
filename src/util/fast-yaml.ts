/**
 * Fast path for valid YAML/JSON: js-yaml (about 10× faster than the `yaml` library on large
 * manifests) with node positions rebuilt from its parse events. It only accepts what it can place
 * exactly; anything else (a syntax error, anchors and aliases, tags, nesting deeper than the
 * limit, an event sequence it does not recognise) returns undefined, and the caller falls back
 * to the `yaml` library, which explains errors precisely.
 */
import jsyaml from 'js-yaml';

/** Position tree: where each node starts, and where its key starts when it is a map value. */
export interface PosNode {
  /** Offset of the node's first character (the key's offset for an empty value). */
  start: number;
  /** Offset of the key, for map values. */
  keyStart: number | undefined;
  /** Children by index (sequences) or by key (maps). */
  children: PosNode[] | Map<string, PosNode> | undefined;
}

/** The child of `node` at a path segment, if any. */
export function childAt(node: PosNode, segment: string | number): PosNode | undefined {
  const c = node.children;
  if (c === undefined) return undefined;
  if (Array.isArray(c)) return typeof segment === 'number' ? c[segment] : undefined;
  return typeof segment === 'string' ? c.get(segment) : undefined;
}

interface Frame {
  open: number;
  close: number;
  result: unknown;
  /** Created with the first child (most frames are scalars, without any). */
  children: Frame[] | undefined;
}

const NO_FRAMES: Frame[] = [];

/** Anchors (&a), aliases (*a) and tags (!t) are left to the slow path (alias bombs, exact positions). */
const NEEDS_SLOW_PATH = /(^|[\s,[{])[&*!][^\s,\]}]/m;

/** Skips blanks, line breaks and comments from `i`; returns the offset of the next token. */
function skipBlank(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      while (i < end && text.charCodeAt(i) !== 10) i++;
    } else break;
  }
  return i;
}

/**
 * Parses `text` with js-yaml (core schema, as the `yaml` library's default) and returns the value
 * and a position tree, or undefined when the slow path must decide.
 */
export function fastParse(text: string, maxDepth: number): { value: unknown; tree: PosNode } | undefined {
  if (NEEDS_SLOW_PATH.test(text)) return undefined;
  const stack: Frame[] = [{ open: 0, close: text.length, result: undefined, children: undefined }];
  let tooDeep = false;
  let value: unknown;
  try {
    value = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      json: false,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ open: state.position, close: -1, result: undefined, children: undefined });
          if (stack.length > maxDepth * 2 + 4) tooDeep = true;
        } else {
          const f = stack.pop()!;
          f.close = state.position;
          f.result = state.result;
          const parent = stack[stack.length - 1]!;
          if (parent.children) parent.children.push(f);
          else parent.children = [f];
        }
      },
    });
  } catch {
    return undefined;
  }
  if (tooDeep || stack.length !== 1 || value === null || value === undefined || typeof value !== 'object')
    return undefined;
  const root = unwrap(stack[0]!.children ?? NO_FRAMES, value);
  if (!root) return undefined;
  const tree = build(text, root, undefined);
  return tree ? { value, tree } : undefined;
}

/** The innermost of the wrapper frames js-yaml puts around a collection (same result, one child). */
function innermost(frame: Frame): Frame {
  let f = frame;
  while (
    f.children?.length === 1 &&
    f.children[0]!.result === f.result &&
    typeof f.result === 'object' &&
    f.result !== null
  )
    f = f.children[0]!;
  return f;
}

/** js-yaml wraps some nodes in an outer open/close pair with the same result: keep the innermost. */
function unwrap(list: Frame[], result: unknown): Frame | undefined {
  if (list.length !== 1) return undefined;
  const f = innermost(list[0]!);
  return f.result === result || (typeof result !== 'object' && f.result === result) ? f : undefined;
}

function build(text: string, f: Frame, keyStart: number | undefined): PosNode | undefined {
  let start = skipBlank(text, f.open, text.length);
  if (keyStart !== undefined && (start >= f.close || (f.result === null && start >= f.close))) start = keyStart;
  const node: PosNode = { start, keyStart, children: undefined };
  const r = f.result;
  if (Array.isArray(r)) {
    const items = flatten(f.children ?? NO_FRAMES, r.length);
    if (!items) return undefined;
    const children: PosNode[] = new Array(r.length);
    for (let i = 0; i < r.length; i++) {
      if (items[i]!.result !== r[i] && !(typeof r[i] !== 'object' || r[i] === null)) return undefined;
      const child = build(text, items[i]!, undefined);
      if (!child) return undefined;
      children[i] = child;
    }
    node.children = children;
  } else if (r !== null && typeof r === 'object') {
    const keys = Object.keys(r);
    const items = flatten(f.children ?? NO_FRAMES, keys.length * 2);
    if (!items) return undefined;
    const children = new Map<string, PosNode>();
    for (let k = 0; k < keys.length; k++) {
      const keyFrame = items[2 * k]!;
      const valueFrame = items[2 * k + 1]!;
      if (String(keyFrame.result) !== keys[k]) return undefined;
      const child = build(text, valueFrame, skipBlank(text, keyFrame.open, text.length));
      if (!child) return undefined;
      children.set(keys[k]!, child);
    }
    node.children = children;
  }
  return node;
}

/**
 * The direct children of a collection, with wrapper frames removed (in place: the frames are this
 * parse's own); undefined when the count is off.
 */
function flatten(children: Frame[], expected: number): Frame[] | undefined {
  if (children.length !== expected) return undefined;
  for (let i = 0; i < children.length; i++) children[i] = innermost(children[i]!);
  return children;
}
