/**
 * Property tests of the markdown escapers (src/report/escape.ts) against a real GFM renderer
 * (marked): for arbitrary names, the escaped name renders as exactly its text (hidden
 * characters as visible escapes) and nothing else: no link, image, HTML, heading, list,
 * quote, table cell, comment, mention or issue reference, in every place the reports put names.
 */
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { htmlText, mdCode, mdMessage, mdText, mdUrl, visibleControls } from '../../src/report/escape.js';
import { LINKY, hostileName, render, tags, textOf, textOutsideCode } from './support.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
/** Names are non-empty (the schema's minLength); an empty one would only test the wrappers' spacing. */
const name1 = hostileName.filter((n) => n !== '');
const ZWSP = /\u200b/g;

/** A place in a document where a name goes: how it is wrapped, which elements that adds, and where its text lands. */
interface Context {
  name: string;
  wrap: (escaped: string) => string;
  /** Elements the wrapper itself produces. */
  elements: string[];
  /** The HTML inside the element that holds the name. */
  inner: (html: string) => string;
  /** The text that element must show, given the name's visible form. */
  text: (visible: string) => string;
  table?: boolean;
}

const only = (re: RegExp) => (html: string) => {
  const m = re.exec(html);
  if (!m) throw new Error(`structure lost: ${html}`);
  return m[1]!;
};

const CONTEXTS: Context[] = [
  {
    name: 'paragraph',
    wrap: (t) => `Before ${t} after`,
    elements: ['p'],
    inner: only(/^<p>([\s\S]*)<\/p>\n$/),
    text: (v) => `Before ${v} after`,
  },
  {
    name: 'start of a document',
    wrap: (t) => `${t} x`,
    elements: ['p'],
    inner: only(/^<p>([\s\S]*)<\/p>\n$/),
    text: (v) => `${v} x`,
  },
  {
    name: 'list item start',
    wrap: (t) => `- ${t} x`,
    elements: ['ul', 'li'],
    inner: only(/^<ul>\n<li>([\s\S]*)<\/li>\n<\/ul>\n$/),
    text: (v) => `${v} x`,
  },
  {
    name: 'heading',
    wrap: (t) => `### ${t}: ✅ pass`,
    elements: ['h3'],
    inner: only(/^<h3>([\s\S]*)<\/h3>\n$/),
    text: (v) => `${v}: ✅ pass`,
  },
  {
    name: 'table cell',
    wrap: (t) => `| a | b |\n| --- | --- |\n| ${t} x | y |`,
    elements: ['table', 'thead', 'tr', 'th', 'tbody', 'td'],
    inner: only(/<tbody>\s*<tr>\s*<td>([\s\S]*?)<\/td>\s*<td>y<\/td>\s*<\/tr>\s*<\/tbody>/),
    text: (v) => `${v} x`,
    table: true,
  },
  {
    name: 'emphasis',
    wrap: (t) => `x _(${t})_ y`,
    elements: ['p', 'em'],
    inner: only(/^<p>x <em>\(([\s\S]*)\)<\/em> y<\/p>\n$/),
    text: (v) => v,
  },
];

/*
 * Speed: a jest expect() call costs ~50 µs here (it builds its matcher object each time) and a render
 * ~0.05 ms; the properties below make ~10 checks on each of ~6,000 renders. So each check is first made
 * with plain code, and expect() runs (and fails, with its usual diff) only when the check does not hold:
 * every check still runs on every generated name and still fails the property on broken output.
 */

/** Fails (through expect, for its diff) when `actual !== expected`. */
function same<T>(actual: T, expected: T): void {
  if (actual !== expected) expect(actual).toBe(expected);
}

/** The sorted elements the wrapper of `ctx` makes around a plain name, rendered once per context. */
const plainTags = new Map<Context, string[]>();
function plainTagsOf(ctx: Context): string[] {
  let t = plainTags.get(ctx);
  if (!t) {
    t = tags(render(ctx.wrap('x'))).sort();
    plainTags.set(ctx, t);
  }
  return t;
}

function checkInert(html: string, ctx: Context, allowCode: boolean): void {
  // Exactly the elements the wrapper makes around a plain name, plus (for code) code spans.
  const found = tags(html)
    .filter((t) => !(allowCode && t === 'code'))
    .sort();
  const want = plainTagsOf(ctx);
  if (found.join() !== want.join()) expect({ html, elements: found }).toEqual({ html, elements: want });
  if (html.includes('<!--')) expect(html).not.toContain('<!--');
}

function checkNoLinks(innerHtml: string): void {
  const text = textOutsideCode(innerHtml);
  for (const [what, re] of LINKY) {
    const found = re.test(text);
    if (found) expect({ what, text, found }).toEqual({ what, text, found: false });
  }
}

/** Fails when `escaped` holds what could end its line or open HTML: `<`, LF or CR. */
function checkOneLine(escaped: string): void {
  if (/[<\n\r]/.test(escaped)) expect(escaped).not.toMatch(/[<\n\r]/);
}

describe('mdText', () => {
  it.each(CONTEXTS.map((c) => [c.name, c] as const))(
    'renders as exactly the text, and nothing else, in a %s',
    (_, ctx) => {
      fc.assert(
        fc.property(name1, (name) => {
          const escaped = mdText(name);
          checkOneLine(escaped);
          const html = render(ctx.wrap(escaped));
          checkInert(html, ctx, false);
          const inner = ctx.inner(html);
          same(textOf(inner).replace(ZWSP, ''), ctx.text(visibleControls(name)));
          checkNoLinks(inner);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('examples', () => {
    expect(mdText('@octocat')).toBe('@&#8203;octocat');
    expect(mdText('- [x] `a` <b>|')).toBe('\\- \\[x\\] \\`a\\` &lt;b&gt;\\|');
    expect(mdText('prod-eu flow:Main IVR')).toBe('prod-eu flow:Main IVR');
    expect(mdText('a\nb\u001b[0m')).toBe('a\\nb\\x1B\\[0m');
    expect(mdText('<!-- genesys-preflight:x -->')).not.toContain('<');
  });
});

describe('mdCode', () => {
  it.each(CONTEXTS.map((c) => [c.name, c] as const))(
    'is one code span showing exactly the text in a %s (or inert text)',
    (_, ctx) => {
      fc.assert(
        fc.property(name1, (name) => {
          const escaped = mdCode(name, { table: ctx.table === true });
          checkOneLine(escaped);
          const html = render(ctx.wrap(escaped));
          checkInert(html, ctx, true);
          const inner = ctx.inner(html);
          const codeSpans = tags(inner).filter((t) => t === 'code').length;
          if (codeSpans > 1) expect(codeSpans).toBeLessThanOrEqual(1);
          same(textOf(inner).replace(ZWSP, ''), ctx.text(visibleControls(name)));
          checkNoLinks(inner);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('keeps names with backticks in one span; a pipe in a table cell falls back to escaped text', () => {
    expect(mdCode('a`b``c')).toBe('```a`b``c```');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('architect:flow:view')).toBe('`architect:flow:view`');
    expect(mdCode('a|b')).toBe('`a|b`');
    expect(mdCode('a|b', { table: true })).toBe('a\\|b');
    expect(mdCode('a\nb')).toBe('`a\\nb`');
    expect(mdCode('')).toBe('');
  });
});

describe('mdMessage', () => {
  it('tool messages with `code` parts render as text and code only, whatever the names hold', () => {
    const message = fc.tuple(name1, name1, name1).map(([a, b, c]) => `${a}: GET /x needs \`${b}\`; fix: add \`${c}\``);
    for (const ctx of CONTEXTS) {
      fc.assert(
        fc.property(message, (m) => {
          const html = render(ctx.wrap(mdMessage(m, { table: ctx.table === true })));
          checkInert(html, ctx, true);
          const inner = ctx.inner(html);
          same(textOf(inner).replace(ZWSP, ''), ctx.text(visibleControls(m.replace(/`([^`]+)`/g, '$1'))));
          checkNoLinks(inner);
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    }
  });
});

describe('htmlText', () => {
  it('inside <details><summary> shows exactly the text and adds no element', () => {
    fc.assert(
      fc.property(name1, (name) => {
        const html = render(`<details><summary>All 3 requirements of ${htmlText(name)}</summary>\n\n</details>\n`);
        const found = tags(html);
        if (found.join() !== 'details,summary') expect(found).toEqual(['details', 'summary']);
        if (html.includes('<!--')) expect(html).not.toContain('<!--');
        const inner = only(/<summary>([\s\S]*)<\/summary>/)(html);
        same(textOf(inner).replace(ZWSP, ''), `All 3 requirements of ${visibleControls(name)}`);
        checkNoLinks(inner);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('mdUrl', () => {
  it('links only http(s) URLs and keeps them one link target', () => {
    expect(mdUrl('javascript:alert(1)')).toBeUndefined();
    expect(mdUrl('https://github.com/o/r/actions/runs/1')).toBe('https://github.com/o/r/actions/runs/1');
    const odd = mdUrl('https://x.io/a b)(c"<d>\n')!;
    expect(odd).toBe('https://x.io/a%20b%29%28c%22%3Cd%3E%0A');
    expect(tags(render(`[run](${odd})`))).toEqual(['p', 'a']);
  });
});
