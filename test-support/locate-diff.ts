/**
 * Compares the fast and the `yaml`-library parse of a text: same value, same location for every
 * node and key. Used by the tests and the corpus run to keep the fast path exact.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseYamlSource, type NodePath, type SourceDocument } from '../src/util/yaml-source.js';

/** Differences between the two parses (empty when they agree, or when the text has errors). */
export function locateDifferences(text: string, file: string): string[] {
  const fast = parseYamlSource(text, file);
  const slow = parseYamlSource(text, file, undefined, { fast: false });
  if ('errors' in fast || 'errors' in slow)
    return 'errors' in fast && 'errors' in slow ? [] : ['one parse failed, the other did not'];
  if (!isDeepStrictEqual(fast.doc.value, slow.doc.value)) return ['values differ'];
  const out: string[] = [];
  const walk = (doc: SourceDocument, other: SourceDocument, value: unknown, path: NodePath) => {
    const a = doc.locate(path);
    const b = other.locate(path);
    if (a.line !== b.line || a.column !== b.column)
      out.push(`${path.join('.') || '(root)'}: ${a.line}:${a.column} vs ${b.line}:${b.column}`);
    if (path.length && typeof path[path.length - 1] === 'string') {
      const ka = doc.locate(path, true);
      const kb = other.locate(path, true);
      if (ka.line !== kb.line || ka.column !== kb.column)
        out.push(`${path.join('.')} (key): ${ka.line}:${ka.column} vs ${kb.line}:${kb.column}`);
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(doc, other, v, [...path, i]));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(doc, other, v, [...path, k]);
  };
  walk(fast.doc, slow.doc, fast.doc.value, []);
  return out;
}
