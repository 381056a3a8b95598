/**
 * Linear, non-recursive walks of a YAML parse that serve error reporting: the token scan (nesting
 * too deep, unclosed quotes and brackets) and the duplicate-key check (one hash set per map).
 */
import { visit, isScalar, type CST, type Document } from 'yaml';
import { MAX_NESTING_DEPTH } from './nesting.js';

/** What the token scan learns: too deep, unclosed quotes and brackets (for better error positions). */
export interface TokenShape {
  /** Offset of the first collection nested deeper than MAX_NESTING_DEPTH. */
  tooDeep?: number;
  /** Quoted scalars: start and end offsets. */
  quoted: Array<{ start: number; end: number; quote: string }>;
  /** Flow collections without their closing bracket: offset of the opening bracket. */
  unclosed: Array<{ start: number; bracket: string }>;
}

/** Walks the CST without recursion (it can be arbitrarily deep). */
export function scanTokens(tokens: CST.Token[]): TokenShape {
  const shape: TokenShape = { quoted: [], unclosed: [] };
  const stack: Array<{ token: CST.Token | null | undefined; depth: number }> = tokens.map((token) => ({
    token,
    depth: 0,
  }));
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
          if (token.end[0]?.source !== close)
            shape.unclosed.push({ start: token.start.offset, bracket: token.start.source });
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
 * Keys that repeat an earlier key of the same map (scalar keys equal in type and value, as the
 * library's own uniqueKeys check compares them), in document order: the offset of the repeat and
 * of the first. Linear: one hash set per map. At most `limit` are returned.
 */
export function duplicateKeys(document: Document.Parsed, limit: number): Array<{ offset: number; first: number }> {
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
