import { describe, it, expect } from '@jest/globals';
import {
  DEFAULT_TRUNCATION_POINTER,
  GITHUB_COMMENT_LIMIT,
  fitComment,
  stickyMarker,
} from '../../src/github/comment.js';

const MARKER = stickyMarker('Deploy', 'genesys-preflight.yml');
const POINTER = 'Truncated: the full report is in the job summary of https://github.com/acme/ivr/actions/runs/1';

/** A report-like body: marker, heading, a <details> with a long table. */
function bigReport(chars: number): string {
  const lines = [
    MARKER,
    '## Genesys preflight: 3 errors',
    '',
    '<details>',
    '<summary>Findings</summary>',
    '',
    '| Resource | Missing |',
    '|---|---|',
  ];
  // the joined length, kept as lines are added (joining on every row took ~2 s for 200,000 characters)
  let length = lines.join('\n').length;
  for (let i = 0; length < chars; i++) {
    const row = `| flow:Main IVR ${i} | architect:flow:publish |`;
    lines.push(row);
    length += 1 + row.length;
  }
  lines.push('', '</details>');
  return lines.join('\n');
}

describe('fitComment', () => {
  it('returns a body within the limit unchanged', () => {
    const body = `${MARKER}\nshort`;
    expect(fitComment(body, GITHUB_COMMENT_LIMIT, POINTER)).toBe(body);
  });

  it('fits a 200,000-character report under 65,536, keeping the marker and closing <details>', () => {
    const body = bigReport(200_000);
    expect(body.length).toBeGreaterThanOrEqual(200_000);
    const out = fitComment(body, undefined, POINTER);
    expect(out.length).toBeLessThanOrEqual(65_536);
    expect(out.length).toBeGreaterThan(60_000);
    expect(out.startsWith(MARKER)).toBe(true);
    expect(out.endsWith(POINTER)).toBe(true);
    expect(out.match(/<details>/g)).toHaveLength(1);
    expect(out.match(/<\/details>/g)).toHaveLength(1);
    expect(out.indexOf('</details>')).toBeLessThan(out.indexOf(POINTER));
    // cut on a line boundary: every table row before the closers is whole
    const rows = out.split('\n').filter((line) => line.startsWith('| flow:'));
    expect(rows.every((row) => row.endsWith('|'))).toBe(true);
    expect(body.startsWith(out.slice(0, out.indexOf('\n\n</details>')))).toBe(true);
  });

  it('uses the default limit and pointer', () => {
    const out = fitComment(bigReport(100_000));
    expect(out.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(out.endsWith(DEFAULT_TRUNCATION_POINTER)).toBe(true);
  });

  it('closes an open code fence before the details and the pointer', () => {
    const body = [
      '<details><summary>Log</summary>',
      '',
      '~~~~text',
      ...Array.from({ length: 500 }, (_, i) => `line ${i}`),
      '~~~~',
      '</details>',
    ].join('\n');
    const out = fitComment(body, 2_000, POINTER);
    expect(out.length).toBeLessThanOrEqual(2_000);
    expect(out).toMatch(/line \d+\n~~~~\n\n<\/details>\n\nTruncated/);
  });

  it('does not count <details> inside a code fence, and closes nested ones innermost first', () => {
    const body = [
      '<details>',
      '```html',
      '<details>',
      '```',
      '<details open>',
      '<summary>inner',
      ...Array.from({ length: 300 }, (_, i) => `row ${i}`),
    ].join('\n');
    const out = fitComment(body, 1_000, POINTER);
    expect(out.length).toBeLessThanOrEqual(1_000);
    expect(out).toMatch(/row \d+<\/summary>\n\n<\/details>\n\n<\/details>\n\nTruncated/);
  });

  it('closes an HTML comment left open by the cut', () => {
    const body = ['intro', '<!--', ...Array.from({ length: 300 }, (_, i) => `hidden ${i}`), '-->'].join('\n');
    const out = fitComment(body, 800, POINTER);
    expect(out).toMatch(/hidden \d+ -->\n\nTruncated/);
  });

  it('re-appends a marker that sat in the cut-off part', () => {
    const body = `${'x'.repeat(50)}\n`.repeat(200) + MARKER;
    const out = fitComment(body, 1_000, POINTER);
    expect(out.length).toBeLessThanOrEqual(1_000);
    expect(out.endsWith(`${POINTER}\n${MARKER}`)).toBe(true);
  });

  it('hard-cuts a single huge line without splitting a surrogate pair', () => {
    const body = `${MARKER}${'🚀'.repeat(5_000)}`;
    const out = fitComment(body, 1_001, POINTER);
    expect(out.length).toBeLessThanOrEqual(1_001);
    expect(out.startsWith(MARKER)).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('throws RangeError when the limit cannot hold the pointer', () => {
    expect(() => fitComment('x'.repeat(100), 10, POINTER)).toThrow(RangeError);
  });
});
