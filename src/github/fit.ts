/**
 * Fits a markdown comment under GitHub's size limit without breaking its rendering.
 */
import { MARKER_PATTERN } from './marker.js';

/** GitHub's maximum comment body, in characters (the API answers 422 above it). */
export const GITHUB_COMMENT_LIMIT = 65536;

/** Pointer appended by {@link fitComment} when the caller gives none. */
export const DEFAULT_TRUNCATION_POINTER = 'Truncated: the full report is in the job summary of this run.';

/**
 * Returns `body` unchanged when it has at most `limit` characters (UTF-16 code units,
 * which never undercounts GitHub's count); otherwise a shortened copy of at most `limit`
 * characters that:
 * - is cut at the end of a line (a hard cut, never inside a surrogate pair, only when the
 *   first line alone is too long);
 * - closes what the cut left open: a code fence (same fence characters), an HTML comment,
 *   and `<summary>` / `<details>` elements, innermost first;
 * - ends with `pointer` as its own paragraph (e.g. "Truncated: the full report is in the
 *   job summary of https://github.com/o/r/actions/runs/1");
 * - still contains every sticky marker ({@link MARKER_PATTERN}) of the original body:
 *   markers cut away are re-appended at the very end.
 *
 * @throws RangeError when `limit` cannot even hold the pointer and the markers.
 */
export function fitComment(
  body: string,
  limit: number = GITHUB_COMMENT_LIMIT,
  pointer: string = DEFAULT_TRUNCATION_POINTER,
): string {
  if (body.length <= limit) return body;
  const markers = [...new Set(body.match(MARKER_PATTERN) ?? [])];
  const tail = `\n\n${pointer}`;
  let budget = limit - tail.length;
  while (budget > 0) {
    const kept = cutAtLine(body, budget);
    const lost = markers.filter((marker) => !kept.includes(marker));
    const out = kept + closersFor(kept) + tail + lost.map((marker) => `\n${marker}`).join('');
    if (out.length <= limit) return out;
    budget -= out.length - limit;
  }
  throw new RangeError(
    `A comment limit of ${limit} characters cannot hold the truncation pointer and the sticky marker.`,
  );
}

/** The longest prefix of at most `budget` characters ending at a line end, trailing blank lines dropped. */
function cutAtLine(body: string, budget: number): string {
  const newline = body.lastIndexOf('\n', budget);
  let end = newline;
  if (newline <= 0) {
    end = budget;
    const code = body.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  }
  return body.slice(0, end).replace(/\s+$/, '');
}

interface OpenState {
  fence?: { char: string; length: number };
  inComment: boolean;
  elements: string[];
}

/** Text that closes whatever `text` leaves open, in the order markdown needs. */
function closersFor(text: string): string {
  const state = scan(text);
  let out = '';
  if (state.fence) out += `\n${state.fence.char.repeat(state.fence.length)}`;
  if (state.inComment) out += ' -->';
  for (const element of [...state.elements].reverse()) out += element === 'summary' ? '</summary>' : '\n\n</details>';
  return out;
}

const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;
const TAG = /<!--|-->|<(\/?)(details|summary)\b[^>]*>/gi;

function scan(text: string): OpenState {
  const state: OpenState = { inComment: false, elements: [] };
  for (const line of text.split('\n')) {
    const fence = FENCE.exec(line);
    if (state.fence) {
      const closes =
        fence && fence[1]![0] === state.fence.char && fence[1]!.length >= state.fence.length && !fence[2]!.trim();
      if (closes) state.fence = undefined;
      continue;
    }
    if (fence && !state.inComment && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      state.fence = { char: fence[1]![0]!, length: fence[1]!.length };
      continue;
    }
    for (const match of line.matchAll(TAG)) {
      const token = match[0];
      if (token === '<!--') state.inComment = true;
      else if (token === '-->') state.inComment = false;
      else if (!state.inComment) track(state.elements, match[2]!.toLowerCase(), match[1] === '/');
    }
  }
  return state;
}

function track(elements: string[], name: string, closing: boolean): void {
  if (!closing) {
    elements.push(name);
    return;
  }
  const index = elements.lastIndexOf(name);
  if (index >= 0) elements.splice(index);
}
