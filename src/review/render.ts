/**
 * The principal review in words: a markdown section for the PR comment and job summary, and
 * plain lines for the terminal. Names go through the caller's escaper for the medium.
 */
import { describeChange, type PrincipalReview } from './index.js';

/** Escapers of one medium: `code` wraps a name as one inline code span, `text` escapes running text. */
export interface Escapers {
  code: (s: string) => string;
  text: (s: string) => string;
}

/** Rows shown at most in the markdown table; the rest are counted. */
const MAX_ROWS = 50;

/**
 * The markdown section, or an empty string when there is nothing to say.
 * @param liveOrgs orgs checked live in this run: their verdict does not rest on the declarations
 */
export function reviewMarkdown(
  review: PrincipalReview | undefined,
  esc: Escapers,
  liveOrgs: readonly string[] = [],
): string {
  if (!review) return '';
  if (review.kind === 'skipped') {
    return `> [!NOTE]\n> Declared principals were not compared with the base branch: ${esc.text(review.why)}.\n\n`;
  }
  const base = `${review.baseRef ? `${esc.code(review.baseRef)} ` : ''}(${review.baseCommit.slice(0, 7)})`;
  const { changes } = review.diff;
  if (changes.length === 0) return `_Declared principals are unchanged from the base branch ${base}._\n\n`;
  const live = new Set(liveOrgs);
  const lines: string[] = [];
  lines.push(
    review.diff.widens
      ? `> [!WARNING]\n> **This pull request changes what the deploy principal is declared to hold.** Offline verdicts rest on these declarations: review them as you would a permission grant.`
      : `> [!NOTE]\n> This pull request changes the declared principals (nothing is widened).`,
  );
  lines.push('', `| org | change against the base branch ${base} |`, '| --- | --- |');
  for (const c of changes.slice(0, MAX_ROWS)) {
    const mark = c.widens ? '⚠️ ' : '';
    const note = live.has(c.org) ? ' _(checked live in this run: the verdict does not rest on it)_' : '';
    lines.push(`| ${esc.code(c.org)} | ${mark}${describeChange(c, esc.code)}${note} |`);
  }
  if (changes.length > MAX_ROWS)
    lines.push(`| … | ${changes.length - MAX_ROWS} more changes (the JSON report lists them all) |`);
  return `${lines.join('\n')}\n\n`;
}

/** Terminal lines (already escaped by `esc`), one per change, widening ones first. */
export function reviewText(review: PrincipalReview | undefined, esc: Escapers): string[] {
  if (!review) return [];
  if (review.kind === 'skipped')
    return [`Declared principals not compared with the base branch: ${esc.text(review.why)}`];
  if (review.diff.changes.length === 0) return [];
  return [
    `Declared principal changes against the base branch (${review.baseCommit.slice(0, 7)}):`,
    ...review.diff.changes.map(
      (c) => `  ${c.widens ? 'widens' : 'narrows'}  ${esc.text(c.org)}: ${describeChange(c, esc.code)}`,
    ),
  ];
}
