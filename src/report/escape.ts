/**
 * Escapers for names that come from a pull request's files (flow, role, division, org, region,
 * permission and file names): every output medium gets its own, and every writer of that medium
 * uses it. Names are data: none of these lets a name add structure to the output.
 *
 * - markdown ({@link mdText}, {@link mdCode}, {@link mdMessage}, {@link htmlText}): the PR comment, the
 *   job summary and `--format markdown` (GitHub-flavoured markdown as GitHub renders it);
 * - terminals and the runner's log ({@link termText}, {@link termLines}): the CLI's text formats;
 * - SARIF plain-text messages ({@link sarifText}) and URIs ({@link sarifUri});
 * - HCL ({@link hclString}, {@link hclComment}, {@link hclLabel}): `policy --format terraform`.
 */

/** Zero-width space as a character reference: breaks GitHub's mention, issue-reference and autolink matching. */
const ZWSP = '&#8203;';

/**
 * True for characters that must never reach an output raw: C0 controls (tab, LF and CR
 * included), DEL, C1 controls, the Unicode line and paragraph separators, bidirectional
 * embedding/override/isolate controls and marks (they reorder the text around them: "Trojan
 * Source"), zero-width characters, interlinear annotation marks, and lone surrogates.
 */
function isHidden(cp: number): boolean {
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x061c ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    (cp >= 0xd800 && cp <= 0xdfff)
  );
}

const SHORT: Record<number, string> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

/** The visible escape of one hidden code point: `\n`, `\r`, `\t`, `\xNN` (below 0x100), else `\u{NNNN}`. */
function visibleEscape(cp: number): string {
  const short = SHORT[cp];
  if (short) return short;
  const hex = cp.toString(16).toUpperCase();
  return cp < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u{${hex.padStart(4, '0')}}`;
}

/** Code points of `s` (lone surrogates stay single units, so they can be escaped). */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/**
 * Every UTF-16 unit that can start a hidden character ({@link isHidden}; any surrogate, paired or
 * not): text without one (nearly all text) is returned as is, without a walk per character.
 */
const MAYBE_HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]/;

/**
 * Replaces every hidden character (see the list above: controls, LF/CR/tab, DEL, C1, line
 * separators, bidi controls, zero-width characters, lone surrogates) by a visible escape:
 * `\n`, `\r`, `\t`, `\xNN`, `\u{NNNN}`. Everything else is kept; backslashes are not doubled.
 */
export function visibleControls(s: string): string {
  if (!MAYBE_HIDDEN.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += isHidden(cp) ? visibleEscape(cp) : ch;
  }
  return out;
}

// ---------------------------------------------------------------- markdown

/** Characters a backslash turns into literal text (CommonMark: any ASCII punctuation may be escaped). */
const MD_BACKSLASHED = new Set([...'\\`*_~[]|$'].map((c) => c.charCodeAt(0)));
const MD_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const isDigit = (cp: number | undefined) => cp !== undefined && cp >= 0x30 && cp <= 0x39;
const lower = (cp: number | undefined) => (cp === undefined ? '' : String.fromCodePoint(cp).toLowerCase());

/**
 * Escapes a name (or a plain-text message holding names) for running markdown text: a
 * paragraph, a list item, a heading or a table cell, anywhere on the line. The result renders,
 * on GitHub and any CommonMark/GFM renderer, as exactly the input text, with hidden characters
 * shown as escapes (`\n`, `\x1B`, `\u{202E}`, see {@link visibleControls}), and as nothing else:
 *
 * - `\` `` ` `` `*` `_` `~` `[` `]` `|` `$` get a backslash: no emphasis, strikethrough, code
 *   span or fence, link or image (`](`, `![` need a bracket), footnote, table cell, or math;
 * - `&` `<` `>` become `&amp;` `&lt;` `&gt;`: no HTML, no HTML comment (so no sticky-comment
 *   marker `<!-- genesys-preflight…`), no `<details>`, no entity, no `<http://…>` autolink;
 * - a zero-width space (`&#8203;`) follows every `@` and `#`, the `-` of `GH-<digit>`, the `:` of
 *   `://` and precedes the `.` of `www.`: no `@user`/`@org/team` mention (they notify), no
 *   `#123`/`GH-123`/`owner/repo#123` reference, no bare URL or e-mail autolink, no ATX heading;
 * - at the start, a `-` `+` `=` or the `.`/`)` of `1.`/`1)` gets a backslash and a leading
 *   space becomes `&#32;`: even at the start of a list item the name starts no nested list,
 *   setext underline or indented code block (`>` and `#` are covered above); a trailing space
 *   becomes `&#32;` too, so it survives where markdown trims (end of line, table cell).
 *
 * Not covered: repository-configured autolink prefixes and bare commit SHAs (GitHub links a
 * SHA of a commit of this repository; a link, not an injection).
 */
export function mdText(s: string): string {
  const cps = codePoints(s);
  const leadingNumber = /^\d{1,9}[.)]/.exec(s)?.[0].length;
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    if (isHidden(cp)) {
      out += visibleEscape(cp);
      continue;
    }
    const ch = String.fromCodePoint(cp);
    if (i === 0 && (ch === '-' || ch === '+' || ch === '=')) out += `\\${ch}`;
    else if ((i === 0 || i === cps.length - 1) && ch === ' ') out += '&#32;';
    else if (leadingNumber !== undefined && i === leadingNumber - 1) out += `\\${ch}`;
    else if (MD_BACKSLASHED.has(cp)) out += `\\${ch}`;
    else if (MD_ENTITIES[ch]) out += MD_ENTITIES[ch];
    else if (ch === '@' || ch === '#') out += `${ch}${ZWSP}`;
    else if (ch === '-' && lower(cps[i - 2]) + lower(cps[i - 1]) === 'gh' && isDigit(cps[i + 1])) out += `-${ZWSP}`;
    else if (ch === ':' && cps[i + 1] === 0x2f && cps[i + 2] === 0x2f) out += `:${ZWSP}`;
    else if (ch === '.' && lower(cps[i - 3]) + lower(cps[i - 2]) + lower(cps[i - 1]) === 'www') out += `${ZWSP}.`;
    else out += ch;
  }
  return out;
}

/** Where an inline code span goes: a GFM table cell needs its `|` handled before inline parsing. */
export interface MdCodeOptions {
  /** The span is inside a table cell. Default false. */
  table?: boolean;
}

/**
 * One inline code span showing `s` literally, whatever backticks it holds: the fence is one
 * backtick longer than the longest backtick run inside, padded with a space when the content
 * starts or ends with a backtick or space (CommonMark strips one such space each side).
 * Hidden characters become visible escapes (a newline would otherwise end the paragraph
 * before the code span is parsed). Falls back to {@link mdText} (same text, not monospaced)
 * when the content holds `<` or `-->` (tag- or comment-like text stays out of the raw body,
 * so nothing scanning it, such as the comment truncation, mistakes it for markup), or a `|`
 * inside a table cell (GFM splits cells before it sees code spans). Empty input gives ''.
 */
export function mdCode(s: string, opts: MdCodeOptions = {}): string {
  if (s === '') return '';
  const t = visibleControls(s);
  if (t.includes('<') || t.includes('-->') || (opts.table && t.includes('|'))) return mdText(s);
  let longest = 0;
  for (const run of t.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(t) && !/^ +$/.test(t) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/**
 * A message written by this tool that quotes names in backticks (``needs `routing:queue:view` ``):
 * each backtick-delimited part becomes an {@link mdCode} span, the rest {@link mdText}. A name
 * holding backticks may shift which parts are code, but every part is escaped, so the result
 * is inert text and code spans in every case.
 */
export function mdMessage(s: string, opts: MdCodeOptions = {}): string {
  let out = '';
  let last = 0;
  let code = '';
  for (const m of s.matchAll(/`([^`]+)`/g)) {
    const text = s.slice(last, m.index);
    if (text) {
      out += mdCode(code, opts) + mdText(text);
      code = '';
    }
    // Adjacent code parts become one span: two spans side by side would merge their fences.
    code += m[1]!;
    last = m.index + m[0].length;
  }
  return out + mdCode(code, opts) + mdText(s.slice(last));
}

/** Escapers for GitHub markdown outside tables (running text, headings, list items). */
export const MARKDOWN = { text: mdText, code: (s: string) => mdCode(s) } as const;

/** Escapers for GitHub markdown table cells. */
export const MARKDOWN_TABLE = { text: mdText, code: (s: string) => mdCode(s, { table: true }) } as const;

/**
 * Escapes text inside a raw HTML block of a markdown document (such as
 * `<details><summary>…</summary>`, where markdown is not parsed): hidden characters become
 * visible escapes, `& < > " '` become character references, and a zero-width space follows
 * `@` and `#` (GitHub links mentions and issue references in HTML text too) and breaks
 * `GH-1`, `://` and `www.` as in {@link mdText}.
 */
export function htmlText(s: string): string {
  const cps = codePoints(s);
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    if (isHidden(cp)) {
      out += visibleEscape(cp);
      continue;
    }
    const ch = String.fromCodePoint(cp);
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&#39;';
    else if (ch === '@' || ch === '#') out += `${ch}${ZWSP}`;
    else if (ch === '-' && lower(cps[i - 2]) + lower(cps[i - 1]) === 'gh' && isDigit(cps[i + 1])) out += `-${ZWSP}`;
    else if (ch === ':' && cps[i + 1] === 0x2f && cps[i + 2] === 0x2f) out += `:${ZWSP}`;
    else if (ch === '.' && lower(cps[i - 3]) + lower(cps[i - 2]) + lower(cps[i - 1]) === 'www') out += `${ZWSP}.`;
    else out += ch;
  }
  return out;
}

/**
 * A link target for markdown `[text](url)`: only `http(s)` URLs (else undefined), with
 * spaces, parentheses, angle brackets, backslashes and hidden characters percent-encoded.
 */
export function mdUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  let out = '';
  for (const ch of url) out += isHidden(ch.codePointAt(0)!) || ' ()<>\\`"'.includes(ch) ? percentEncode(ch) : ch;
  return out;
}

/** `%XX` for each UTF-8 byte of `ch`. */
function percentEncode(ch: string): string {
  let out = '';
  for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

// ---------------------------------------------------------------- terminal

/** Same as {@link visibleControls}: a name for a terminal line shows no control character raw (no ESC sequence). */
export const termText = visibleControls;

/** Escapers for terminal text (names in backticks as the text report writes them); finish with {@link termLines}. */
export const TERMINAL = { text: termText, code: (s: string) => `\`${termText(s)}\`` } as const;

/**
 * What a GitHub Actions runner reads as a workflow command at the start of a line after
 * leading white space: `::cmd ...::` and the older `##[cmd]`.
 */
const WORKFLOW_COMMAND = /^([\s\u200b-\u200d\u2060\ufeff]*)(::|##\[)/;

/**
 * Makes text safe to print in a runner's log: each line (split at `\n`, which stays) gets its
 * hidden characters escaped ({@link visibleControls}: no CR, ESC or other control from input), and
 * a line that would start (after white space) with `::` or `##[` — a workflow command such as
 * `::error`, `::add-mask::` or `::stop-commands::` — gets a `\` before it, so the runner prints it
 * instead of running it. Apply it to whole rendered output, after names were put in.
 */
export function termLines(text: string): string {
  return text
    .split('\n')
    .map((line) => visibleControls(line).replace(WORKFLOW_COMMAND, '$1\\$2'))
    .join('\n');
}

// ---------------------------------------------------------------- SARIF

/**
 * A SARIF `message.text` part (plain text, SARIF 2.1.0 §3.11.3): hidden characters become
 * visible escapes, and `[` `]` (and a `\` before them) get a backslash, so no name forms an
 * embedded link `[text](target)` (§3.11.6).
 */
export function sarifText(s: string): string {
  return visibleControls(s)
    .replace(/\\(?=[[\]])/g, '\\\\')
    .replace(/[[\]]/g, (c) => `\\${c}`);
}

/**
 * A relative file path as a SARIF `artifactLocation.uri` (a URI reference): `\` → `/`, each
 * segment percent-encoded except RFC 3986 unreserved characters and `@`.
 */
export function sarifUri(path: string): string {
  const keep = /[A-Za-z0-9\-._~@]/;
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) => [...seg].map((ch) => (keep.test(ch) ? ch : percentEncode(ch))).join(''))
    .join('/');
}

// ---------------------------------------------------------------- HCL

const hex4 = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');

/**
 * An HCL quoted string literal (with its quotes) holding exactly `s`: `\` → `\\`, `"` → `\"`,
 * LF/CR/tab → `\n`/`\r`/`\t`, other hidden characters → `\uNNNN` (a lone surrogate → `\uFFFD`), the template
 * sequences `${` → `$${`, `%{` → `%%{` (HCL's escapes for a literal `${`/`%{`), so no name
 * becomes a Terraform interpolation or directive (hclsyntax spec, "Template Expressions").
 */
export function hclString(s: string): string {
  let out = '"';
  const cps = codePoints(s);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    const ch = String.fromCodePoint(cp);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (SHORT[cp]) out += SHORT[cp];
    else if (isHidden(cp)) out += `\\u${hex4(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp)}`;
    else if ((ch === '$' || ch === '%') && cps[i + 1] === 0x7b) out += `${ch}${ch}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Text for the rest of an HCL `#` comment line: hidden characters shown as escapes (a newline ends a comment). */
export const hclComment = visibleControls;

/**
 * A Terraform block label (resource or data source name) from free text: lower case, runs
 * of anything but `a-z0-9` → `_`, no leading/trailing `_`; prefixed with `_` when it would
 * start with a digit (Terraform names start with a letter or underscore); `x` when empty.
 * Not injective: callers that need distinct labels dedupe (see src/policy/render.ts).
 */
export function hclLabel(s: string): string {
  const base =
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'x';
  return /^[0-9]/.test(base) ? `_${base}` : base;
}
