/**
 * Helpers for the output tests: render markdown as GitHub-flavoured HTML with `marked`, list
 * its tags, read its text, and arbitrary hostile names for property tests.
 */
import { marked } from 'marked';
import fc from 'fast-check';

/** GFM markdown → HTML. */
export function render(md: string): string {
  return marked.parse(md, { gfm: true, async: false });
}

/** Lower-case names of the HTML elements (opening tags) in `html`. */
export function tags(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)].map((m) => m[1]!.toLowerCase());
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

/** Decodes the character references marked writes (and numeric ones). */
export function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+|#39);/gi, (whole, ref: string) => {
    if (NAMED[ref]) return NAMED[ref]!;
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return whole;
  });
}

/** The text of an HTML fragment: tags removed, references decoded. */
export function textOf(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''));
}

/** The text of an HTML fragment outside `<code>` elements. */
export function textOutsideCode(html: string): string {
  return textOf(html.replace(/<code>[\s\S]*?<\/code>/g, ' '));
}

/**
 * Things GitHub would turn into a link or a notification in text: a mention at a word start
 * (`@user`, `@org/team`), an issue reference (`#1`, `GH-1`), a URL or `www.` autolink, an e-mail.
 */
export const LINKY: Array<[string, RegExp]> = [
  ['mention', /(^|[^A-Za-z0-9_])@[A-Za-z0-9]/],
  ['issue reference', /#[0-9]/],
  ['GH- reference', /\bGH-[0-9]/i],
  ['URL autolink', /[a-z]:\/\//i],
  ['www autolink', /www\./i],
  ['e-mail autolink', /[A-Za-z0-9._+-]@[A-Za-z0-9]/],
];

/** Pieces of hostile names: markdown, HTML, mentions, references, controls, workflow commands. */
export const PIECES = [
  '@',
  '@octocat',
  '@org/team',
  '#1',
  '#',
  'GH-12',
  'gh-3',
  'o/r#9',
  'http://x.io',
  'https://a.b/c',
  'ftp://f.g',
  'www.x.com',
  'WWW.X.COM',
  'a@b.co',
  'mailto:a@b.co',
  '<!-- genesys-preflight:Deploy:a.yml -->',
  '<!--',
  '-->',
  '<details>',
  '</details>',
  '<summary>',
  '<img src=x onerror=alert(1)>',
  '<a href="http://e">',
  '<script>',
  '[x](http://e)',
  '![i](http://x/i.png)',
  '[^1]',
  '[x]: http://e',
  '[ ]',
  '`',
  '``',
  '```',
  '~~~',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '~',
  '|',
  '\\',
  '\\|',
  '\\`',
  '&',
  '&amp;',
  '&#64;',
  '&lt;',
  '&#8203;',
  '\n',
  '\n\n',
  '\r',
  '\r\n',
  '\t',
  '\u0000',
  '\u001b[31m',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u202e',
  '\u200b',
  '\u2066',
  '\ufeff',
  '# ',
  '## ',
  '### ✅ allowed',
  '> ',
  '> [!NOTE]',
  '- ',
  '+ ',
  '* ',
  '1. ',
  '1) ',
  '    ',
  ' ',
  '---',
  '===',
  ':',
  '::',
  '::error::x',
  '::add-mask::s',
  '::stop-commands::t',
  '##[error]',
  '$',
  '$$',
  '$x$',
  '${var.x}',
  '%{if true}',
  '$${',
  '%%{',
  '"',
  "'",
  '=',
  '(',
  ')',
  '!',
  'a',
  'b1',
  '9',
  '\ud800',
  '😀',
  'é',
  ' \u00a0',
];

/**
 * Any Unicode code point but the surrogate halves (U+D800-U+DFFF), as fast-check's `'binary'` unit
 * gives: built from an integer instead, since the `'binary'` unit's construction takes 1.4-2 s in
 * each test file that builds it (a table of every code point).
 */
const codePoint: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 0x10ffff - 0x800 })
  .map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800));

/** Arbitrary names: hostile pieces and random strings glued together, and random full-Unicode strings. */
export const hostileName: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 10 }).map((a) => a.join('')),
  fc.string({ unit: codePoint, maxLength: 24 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 24 }),
);
