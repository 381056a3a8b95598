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

/**
 * The parse events as a tree of frames (one per node js-yaml opens: 161,000 for a manifest of
 * 10,000 resources), kept in typed arrays rather than as objects: frame i opened at `open[i]`,
 * closed at `close[i]` with `result[i]`, and has `count[i]` children, from `first[i]` along `next`.
 */
class Frames {
  size = 0;
  open = new Int32Array(1024);
  close = new Int32Array(1024);
  first = new Int32Array(1024);
  last = new Int32Array(1024);
  next = new Int32Array(1024);
  count = new Int32Array(1024);
  result: unknown[] = [];

  /** A new frame opened at `open`, without children yet. */
  add(open: number): number {
    if (this.size === this.open.length) this.grow();
    const i = this.size++;
    this.open[i] = open;
    this.close[i] = -1;
    this.first[i] = -1;
    this.last[i] = -1;
    this.next[i] = -1;
    this.count[i] = 0;
    this.result.push(undefined);
    return i;
  }

  /** Makes `child` the last child of `parent`. */
  append(parent: number, child: number): void {
    if (this.last[parent] === -1) this.first[parent] = child;
    else this.next[this.last[parent]!] = child;
    this.last[parent] = child;
    this.count[parent]!++;
  }

  private grow(): void {
    const more = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.open = more(this.open);
    this.close = more(this.close);
    this.first = more(this.first);
    this.last = more(this.last);
    this.next = more(this.next);
    this.count = more(this.count);
  }
}

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
  const frames = new Frames();
  const root = frames.add(0);
  frames.close[root] = text.length;
  const stack: number[] = [root];
  let tooDeep = false;
  let value: unknown;
  try {
    value = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      json: false,
      listener(event, state) {
        if (event === 'open') {
          stack.push(frames.add(state.position));
          if (stack.length > maxDepth * 2 + 4) tooDeep = true;
        } else {
          const f = stack.pop()!;
          frames.close[f] = state.position;
          frames.result[f] = state.result;
          frames.append(stack[stack.length - 1]!, f);
        }
      },
    });
  } catch {
    return undefined;
  }
  if (tooDeep || stack.length !== 1 || value === null || value === undefined || typeof value !== 'object')
    return undefined;
  const top = unwrap(frames, root, value);
  if (top === undefined) return undefined;
  const tree = build(text, frames, top, undefined);
  return tree ? { value, tree } : undefined;
}

/** The innermost of the wrapper frames js-yaml puts around a collection (same result, one child). */
function innermost(frames: Frames, frame: number): number {
  const { count, first, result } = frames;
  let f = frame;
  while (count[f] === 1 && result[first[f]!] === result[f] && typeof result[f] === 'object' && result[f] !== null)
    f = first[f]!;
  return f;
}

/** js-yaml wraps some nodes in an outer open/close pair with the same result: keep the innermost. */
function unwrap(frames: Frames, root: number, result: unknown): number | undefined {
  if (frames.count[root] !== 1) return undefined;
  const f = innermost(frames, frames.first[root]!);
  const r = frames.result[f];
  return r === result || (typeof result !== 'object' && r === result) ? f : undefined;
}

/**
 * The position node of frame `f` and its descendants; undefined when the events do not match the
 * value (the direct children of a collection, wrapper frames removed, must be one per item or two
 * per key).
 */
function build(text: string, frames: Frames, f: number, keyStart: number | undefined): PosNode | undefined {
  const close = frames.close[f]!;
  const r = frames.result[f];
  let start = skipBlank(text, frames.open[f]!, text.length);
  if (keyStart !== undefined && (start >= close || (r === null && start >= close))) start = keyStart;
  const node: PosNode = { start, keyStart, children: undefined };
  if (Array.isArray(r)) {
    if (frames.count[f] !== r.length) return undefined;
    const children: PosNode[] = new Array(r.length);
    let raw = frames.first[f]!;
    for (let i = 0; i < r.length; i++, raw = frames.next[raw]!) {
      const item = innermost(frames, raw);
      if (frames.result[item] !== r[i] && !(typeof r[i] !== 'object' || r[i] === null)) return undefined;
      const child = build(text, frames, item, undefined);
      if (!child) return undefined;
      children[i] = child;
    }
    node.children = children;
  } else if (r !== null && typeof r === 'object') {
    const keys = Object.keys(r);
    if (frames.count[f] !== keys.length * 2) return undefined;
    const children = new Map<string, PosNode>();
    let raw = frames.first[f]!;
    for (let k = 0; k < keys.length; k++) {
      const keyFrame = innermost(frames, raw);
      raw = frames.next[raw]!;
      const valueFrame = innermost(frames, raw);
      raw = frames.next[raw]!;
      if (String(frames.result[keyFrame]) !== keys[k]) return undefined;
      const child = build(text, frames, valueFrame, skipBlank(text, frames.open[keyFrame]!, text.length));
      if (!child) return undefined;
      children.set(keys[k]!, child);
    }
    node.children = children;
  }
  return node;
}
