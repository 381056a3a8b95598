/**
 * "Did you mean" suggestions for misspelt names (keys, roles, regions, permissions).
 *
 * Bounded work on hostile input: an edit distance costs length × length, so inputs longer than
 * MAX_SUGGEST_LENGTH get no suggestion, candidates whose length differs from the input's by more
 * than the allowed distance are skipped without computing it (the distance is at least the length
 * difference), and at most MAX_SUGGEST_CANDIDATES candidates are looked at.
 */
import { distance } from 'fastest-levenshtein';

/** Longest input (in characters) that gets a suggestion; names people misspell are shorter. */
export const MAX_SUGGEST_LENGTH = 64;

/** Most candidates compared with one input (a manifest can define thousands of roles). */
export const MAX_SUGGEST_CANDIDATES = 2_000;

/** Most distinct inputs one `suggester` looks up (only the first problems of a run are listed). */
export const MAX_SUGGESTIONS = 100;

/** Largest edit distance still "close" for strings of these lengths: max(2, 40% of the longer). */
function limitFor(a: number, b: number): number {
  return Math.max(2, Math.floor(Math.max(a, b) * 0.4));
}

/**
 * The closest candidate to `input`, or undefined when none is close enough.
 * Close = edit distance at most max(2, 40% of the longer string); case-insensitive; an exact
 * (case-insensitive) match is returned as is. Inputs longer than MAX_SUGGEST_LENGTH characters,
 * and candidates longer than that, are never compared. Cost: at most
 * MAX_SUGGEST_CANDIDATES distance computations over strings of at most MAX_SUGGEST_LENGTH characters.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_SUGGEST_LENGTH) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let seen = 0;
  for (const c of candidates) {
    if (++seen > MAX_SUGGEST_CANDIDATES) break;
    if (c.length > MAX_SUGGEST_LENGTH) continue;
    // The distance is at least the length difference: skip what cannot be close (or beat the best).
    const gap = Math.abs(c.length - needle.length);
    if (gap > limitFor(needle.length, c.length) || gap >= bestDistance) continue;
    const d = distance(needle, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= limitFor(needle.length, best.length) ? best : undefined;
}

/** `" (did you mean \"x\"?)"` or an empty string. The suggestion is always a known candidate, never the input. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const c = closest(input, candidates);
  return c !== undefined && c !== input ? ` (did you mean "${c}"?)` : '';
}

/**
 * `didYouMean` over a fixed candidate list for a loop of problems: memoised per input, and after
 * `maxInputs` distinct inputs it returns '' (a run lists only the first problems), so N problems
 * cost at most `maxInputs` lookups whatever N is.
 */
export function suggester(candidates: Iterable<string>, maxInputs = MAX_SUGGESTIONS): (input: string) => string {
  const list = [...candidates];
  const memo = new Map<string, string>();
  return (input: string) => {
    const done = memo.get(input);
    if (done !== undefined) return done;
    if (memo.size >= maxInputs) return '';
    const hint = didYouMean(input, list);
    memo.set(input, hint);
    return hint;
  };
}
