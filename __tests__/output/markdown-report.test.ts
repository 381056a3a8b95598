/**
 * The markdown report (job summary, PR comment, `--format markdown`) and the policy markdown
 * of hostile names keep exactly the structure they have with plain names: the only headings,
 * tables, lists, links and `<details>` are the report's own; names add no element, no line, no
 * HTML comment, no mention and no issue reference.
 */
import { describe, it, expect } from '@jest/globals';
import { marked, type Token, type Tokens } from 'marked';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderPolicyMarkdown } from '../../src/policy/render.js';
import { stickyMarker, fitComment, MARKER_PATTERN } from '../../src/github/comment.js';
import { runCheck } from '../../src/engine.js';
import type { OrgPolicy } from '../../src/policy/least-privilege.js';
import { HOSTILE, hostile, plain, reportWith, type NameFn } from './hostile-report.js';
import { LINKY, render, tags, textOf, textOutsideCode } from './support.js';

/** What the markdown is made of, as a GFM parser sees it. */
interface Shape {
  headings: Array<{ depth: number; text: string }>;
  tables: number;
  html: string[];
  links: string[];
  images: number;
  lists: number;
  blocks: string[];
}

function shape(md: string): Shape {
  const s: Shape = { headings: [], tables: 0, html: [], links: [], images: 0, lists: 0, blocks: [] };
  const walk = (tokens: Token[] | undefined, top: boolean) => {
    for (const t of tokens ?? []) {
      if (top) s.blocks.push(t.type);
      if (t.type === 'heading')
        s.headings.push({ depth: (t as Tokens.Heading).depth, text: (t as Tokens.Heading).text });
      if (t.type === 'table') {
        s.tables++;
        const table = t as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens, false);
      }
      if (t.type === 'html') s.html.push(t.raw.trim());
      if (t.type === 'link') s.links.push((t as Tokens.Link).href);
      if (t.type === 'image') s.images++;
      if (t.type === 'list') {
        s.lists++;
        for (const item of (t as Tokens.List).items) walk(item.tokens, false);
      }
      if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'list') walk(t.tokens as Token[], false);
    }
  };
  walk(marked.lexer(md, { gfm: true }), true);
  return s;
}

/** The structure with names blanked out (heading texts differ by name; their count and depth may not). */
function skeleton(s: Shape) {
  return {
    ...s,
    headings: s.headings.map((h) => h.depth),
    html: s.html.map((h) => h.replace(/ of [\s\S]*<\/summary>$/, ' of NAME</summary>')),
  };
}

function expectInert(md: string, allowedLinks: number): void {
  const html = render(md);
  const allowed = new Set([
    'h2',
    'h3',
    'p',
    'strong',
    'em',
    'code',
    'ul',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'details',
    'summary',
    'a',
    'blockquote',
  ]);
  const found = tags(html);
  // expect() only for a tag that is not allowed (a call per tag of every report cost more than the rest)
  for (const t of found) if (!allowed.has(t)) expect({ tag: t, allowed: false }).toEqual({ tag: t, allowed: true });
  expect(found.filter((t) => t === 'a')).toHaveLength(allowedLinks);
  expect(found).not.toContain('img');
  expect(html).not.toContain('<!--');
  expect(md).not.toMatch(/<!--/);
  const text = textOutsideCode(html);
  for (const [what, re] of LINKY) expect({ what, found: text.match(re)?.[0] ?? null }).toEqual({ what, found: null });
}

describe('markdown report of hostile names', () => {
  const runUrl = 'https://github.com/acme/ivr/actions/runs/7';

  it.each([
    ['blocked', 1],
    ['could not check', 2],
    ['allowed', 0],
  ] as const)('has the structure of the same report with plain names (%s)', (_, exit) => {
    const bad = renderMarkdown(reportWith(hostile), exit, { runUrl });
    const good = renderMarkdown(reportWith(plain), exit, { runUrl });
    expect(bad.split('\n').length).toBe(good.split('\n').length);
    expect(skeleton(shape(bad))).toEqual(skeleton(shape(good)));
    expectInert(bad, 1);
  });

  it('the only headings are ours, naming the orgs; the only HTML is our <details>', () => {
    const r = reportWith(hostile);
    const s = shape(renderMarkdown(r, 1));
    expect(s.headings.map((h) => h.depth)).toEqual([2, 3, 3, 3]);
    expect(s.headings[0]!.text).toBe('Genesys Cloud preflight');
    expect(s.headings[1]!.text).toBe('The check could not be done');
    expect(s.headings.slice(2).map((h) => h.text.replace(/:[^:]*$/, ''))).toHaveLength(2);
    expect(s.tables).toBe(1 + 1 + 2);
    expect(s.links).toEqual([]);
    expect(s.images).toBe(0);
    for (const h of s.html) expect(h).toMatch(/^(<details><summary>[^<>]*<\/summary>|<\/details>)$/);
    expect(s.html.filter((h) => h === '</details>')).toHaveLength(s.html.length / 2);
  });

  it('every hostile name is shown (escaped), not dropped', () => {
    const html = render(renderMarkdown(reportWith(hostile), 1));
    const text = textOf(html).replace(/\u200b/g, '');
    expect(text).toContain('@octocat @acme/security-team');
    expect(text).toContain('\\n## ✅ allowed');
    expect(text).toContain('::error file=a,line=1::forged');
    expect(text).toContain('\\u{202E}evil');
    expect(text).toContain('See #1, GH-2 and acme/repo#3 <!-- genesys-preflight:Deploy:genesys-preflight.yml -->');
  });

  it('survives truncation for the PR comment: one marker, at the start, balanced <details>', () => {
    const marker = stickyMarker('Deploy', 'genesys-preflight.yml');
    const md = renderMarkdown(reportWith(hostile), 1);
    for (const limit of [2_000, 4_000, 8_000]) {
      const body = fitComment(`${marker}\n${md}`, limit, '_Truncated._');
      expect(body.startsWith(marker)).toBe(true);
      expect(body.match(MARKER_PATTERN)).toEqual([marker]);
      expect(body.split('<details>').length).toBe(body.split('</details>').length);
      expectInert(body.slice(marker.length), 0);
    }
  });
});

describe('policy markdown of hostile names', () => {
  const policy = (name: NameFn): OrgPolicy[] => [
    {
      org: name(0),
      roles: [{ name: `Deploy (${name(1)})`, permissions: [name(2), `a:b:${name(3)}`], divisions: [name(4), '*'] }],
      scopes: [name(5)],
      choices: [
        {
          operation: `GET /x/${name(6)}`,
          among: [name(7), name(8)],
          chosen: name(7),
          why: `least privileged of the set (${name(7)} < ${name(8)})`,
        },
      ],
      notCovered: [`GET /${name(9)}`],
      size: 2,
      union: 3,
    },
  ];

  it('has the structure of the same policy with plain names, and is inert', () => {
    const bad = renderPolicyMarkdown(policy(hostile));
    const good = renderPolicyMarkdown(policy(plain));
    expect(bad.split('\n').length).toBe(good.split('\n').length);
    expect(skeleton(shape(bad))).toEqual(skeleton(shape(good)));
    expectInert(bad, 0);
  });
});

describe('markdown of a real check of a hostile manifest', () => {
  it('names from the manifest reach the report escaped, with our structure only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-md-'));
    const q = (s: string) => JSON.stringify(s);
    const manifest = [
      'version: 1',
      'defaults: {deployer: api}',
      'orgs:',
      '  - name: prod-eu',
      '    region: eu-west-1',
      '    principal:',
      '      grant: client-credentials',
      '      roles:',
      `        - role: ${q(HOSTILE[1]!)}`,
      `          divisions: [${q(HOSTILE[4]!)}]`,
      'roles:',
      `  ${q(HOSTILE[1]!)}:`,
      '    permissions: [architect:flow:view]',
      'flows:',
      ...HOSTILE.slice(0, 8).map(
        (n, i) => `  - {name: ${q(n)}, type: inboundcall, division: ${q(HOSTILE[(i + 2) % HOSTILE.length]!)}}`,
      ),
      'scheduleGroups:',
      ...HOSTILE.slice(8).map((n) => `  - {name: ${q(n)}, division: ${q(HOSTILE[0]!)}}`),
    ].join('\n');
    writeFileSync(join(dir, 'genesys-preflight.yml'), manifest);
    const report = await runCheck({ manifestPath: join(dir, 'genesys-preflight.yml'), mode: 'offline' });
    expect(report.orgs.map((o) => o.name)).toEqual(['prod-eu']);
    expect(report.orgs[0]!.findings.length).toBeGreaterThan(5);
    const md = renderMarkdown(report, 1);
    const s = shape(md);
    expect(s.headings.map((h) => h.text)).toEqual(['Genesys Cloud preflight', 'prod-eu: ❌ fail']);
    expect(s.links).toEqual([]);
    for (const h of s.html) expect(h).toMatch(/^(<details><summary>[^<>]*<\/summary>|<\/details>)$/);
    expectInert(md, 0);
  });
});
