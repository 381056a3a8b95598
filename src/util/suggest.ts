/** "Did you mean" suggestions for misspelt names (keys, roles, regions, permissions). */
import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate to `input`, or undefined when none is close enough.
 * Close = edit distance at most max(2, 40% of the longer string); case-insensitive.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(needle, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(needle.length, best.length) * 0.4));
  return bestDistance <= limit && bestDistance > 0 ? best : bestDistance === 0 ? best : undefined;
}

/** `" (did you mean \"x\"?)"` or an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const c = closest(input, candidates);
  return c !== undefined && c !== input ? ` (did you mean "${c}"?)` : '';
}
