import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import { reviewMarkdown, reviewText } from '../../src/review/render.js';
import { MARKDOWN_TABLE, TERMINAL } from '../../src/report/escape.js';
import type { PrincipalReview } from '../../src/review/index.js';

const hostile = 'x|y\n## ✅ allowed <details> @mallory [a](https://evil.example) `';
const review: PrincipalReview = {
  kind: 'compared',
  baseCommit: 'a'.repeat(40),
  baseRef: 'main',
  baseHadManifest: true,
  diff: {
    widens: true,
    changes: [
      {
        org: 'prod',
        kind: 'permissions-added',
        widens: true,
        role: hostile,
        permissions: ['architect:flow:*'],
        divisions: [hostile],
      },
      { org: 'dev', kind: 'scopes-removed', widens: false, scopes: ['routing'] },
    ],
  },
};

describe('reviewMarkdown', () => {
  it('puts each change in one table row, hostile names inert', () => {
    const md = reviewMarkdown(review, MARKDOWN_TABLE, ['dev']);
    const html = marked.parse(md, { async: false }) as string;
    expect(html).not.toMatch(/<h2|<details|<a |href=|<img/);
    expect((html.match(/<tr>/g) ?? []).length).toBe(3); // header + 2 changes
    expect(md).toMatch(/\[!WARNING\]/);
    expect(md).toContain('checked live in this run');
  });

  it('says when nothing changed, and why a comparison was skipped', () => {
    expect(reviewMarkdown({ ...review, diff: { widens: false, changes: [] } }, MARKDOWN_TABLE)).toMatch(
      /unchanged from the base branch/,
    );
    expect(reviewMarkdown({ kind: 'skipped', why: 'shallow <b>' }, MARKDOWN_TABLE)).toMatch(/not compared/);
    expect(reviewMarkdown(undefined, MARKDOWN_TABLE)).toBe('');
  });
});

describe('reviewText', () => {
  it('one line per change, widening first, no raw newline from a name', () => {
    const lines = reviewText(review, TERMINAL);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^ {2}widens {2}prod: grants role/);
    for (const l of lines) expect(l).not.toContain('\n');
  });
});
