/**
 * The hidden marker that identifies this tool's sticky PR comment: an HTML comment such as
 * `<!-- genesys-preflight:Deploy:genesys-preflight.yml -->`, invisible once rendered, always
 * the first line of the comment. Only the start of a comment counts ({@link startsWithMarker}):
 * names from a pull request appear further down, escaped so that they hold no `<!--` at all.
 */

/** Every marker starts with this text. */
export const MARKER_PREFIX = '<!-- genesys-preflight:';

/** Matches any marker built by {@link stickyMarker} (global: use with `match`/`matchAll`). */
export const MARKER_PATTERN = /<!-- genesys-preflight:[^\n<>]*? -->/g;

/**
 * Builds the marker for one workflow and manifest, so two workflows (or two manifests in
 * one workflow) keep separate comments on the same PR.
 *
 * Safe for any input: characters outside `A-Z a-z 0-9 . _ / @ + , = ( ) ~ space` are
 * percent-encoded (UTF-8), as are `-` following another `-`, `%` and `:`. So the marker is
 * one line, never contains `--` or `>` (no `-->` injection, no early comment end), and
 * distinct inputs give distinct markers. The manifest path is normalised first (`\` → `/`,
 * leading `./` dropped) so `./a.yml` and `a.yml` share a comment.
 *
 * @example stickyMarker('Deploy', './genesys-preflight.yml')
 *   // '<!-- genesys-preflight:Deploy:genesys-preflight.yml -->'
 */
export function stickyMarker(workflow: string, manifestPath: string): string {
  const manifest = manifestPath.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  return `${MARKER_PREFIX}${encodePart(workflow)}:${encodePart(manifest)} -->`;
}

const SAFE = /[A-Za-z0-9._/@+,=()~ ]/;

function encodePart(text: string): string {
  let out = '';
  let previous = '';
  for (const char of text) {
    if (SAFE.test(char) || (char === '-' && previous !== '-')) out += char;
    else out += percentEncode(char);
    previous = char;
  }
  return out;
}

function percentEncode(char: string): string {
  let out = '';
  for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/**
 * True when `body` starts with `marker` (after an optional byte-order mark and white space):
 * the sticky comment always starts with its marker, while text quoted inside a report (a
 * file or flow name holding another workflow's marker text) never starts a comment. A
 * marker is never a prefix of another (each ends with ` -->`, which its parts cannot hold).
 */
export function startsWithMarker(body: string, marker: string): boolean {
  return body
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith(marker);
}
