/**
 * Markdown report: the job summary and the PR comment body (GitHub-flavoured markdown).
 * Every name and message goes through ./escape.ts: the only headings, tables, lists, links and
 * `<details>` in the output are this file's own.
 */
import type { Finding, Requirement } from '../types.js';
import { type GroupedRemedy, groupRemedies, remedySentence } from './remedies.js';
import { perList } from '../util/memo.js';
import type { OrgReport, Report } from './model.js';
import { htmlText, mdCode, mdMessage, mdText, mdUrl } from './escape.js';

const esc = mdText;
const code = (s: string) => mdCode(s);
/** Inline code inside a table cell. */
const cellCode = (s: string) => mdCode(s, { table: true });

const basename = (f: string) => f.slice(Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\')) + 1);

/** Sections show failing orgs first, then those not checked, then passing ones. */
function sectionRank(o: OrgReport): number {
  if (o.findings.some((f) => f.fatal)) return 1;
  return o.passed ? 2 : 0;
}

function principalLabel(o: OrgReport): string {
  return o.principal === 'declared' ? 'declared (offline)' : o.principal === 'live' ? 'live' : '—';
}

function verdict(o: OrgReport): string {
  if (o.findings.some((f) => f.fatal)) return '⚠️ not checked';
  return o.passed ? '✅ pass' : '❌ fail';
}

function count(findings: readonly Finding[], sev: Finding['severity']): number {
  return findings.filter((f) => f.severity === sev).length;
}

function permissionsCell(q: Requirement): string {
  if (q.unverifiable) return `_unverifiable: ${esc(q.unverifiable)}_`;
  if (!q.permissions) return '_none_';
  return `${esc(q.permissions.mode)}: ${q.permissions.values.map(cellCode).join(', ')}`;
}

/** Rows of a per-org table shown at most; the JSON report has them all. */
export const MAX_TABLE_ROWS = 500;

/** Options: `runUrl` links the workflow run; `title` heads the report. */
export interface MarkdownOptions {
  runUrl?: string;
  title?: string;
  /** Markdown placed right after the verdict line (already escaped by its producer, e.g. the principal review). */
  preface?: string;
  /** Include the full requirement list per org (collapsed). Default true. */
  requirements?: boolean;
}

/**
 * Renders the markdown report. `opts.runUrl` is linked only when it is an http(s) URL.
 */
export function renderMarkdown(r: Report, exit: number, opts: MarkdownOptions = {}): string {
  const out: string[] = [];
  const result =
    exit === 2
      ? '⚠️ **could not check**'
      : exit === 1
        ? '❌ **blocked**'
        : r.summary.errors > 0
          ? '⚠️ **not enforced** (errors below fail-on)'
          : '✅ **allowed**';
  out.push(`## ${opts.title === undefined ? 'Genesys Cloud preflight' : esc(opts.title)}`);
  out.push('');
  // Orgs evaluated together hold the same finding and requirement objects: each distinct list is
  // counted and rendered once (perList), then placed under each org's own heading.
  const remediesOf = perList(groupRemedies);
  const countsOf = perList((fs: readonly Finding[]) => ({
    blocked: fs.filter((f) => f.remedy && !f.accepted).length,
    errors: count(fs, 'error'),
    warnings: count(fs, 'warning'),
  }));
  const findingsPartOf = perList((fs: readonly Finding[]) =>
    perList((reqs: readonly Requirement[]) => findingsPart(fs, reqs, remediesOf(fs))),
  );
  const requirementRowsOf = perList(requirementRows);
  const blocked = r.orgs.reduce((n, o) => n + countsOf(o.findings).blocked, 0);
  const fixes = r.orgs.reduce((n, o) => n + remediesOf(o.findings).length, 0);
  const counts = [
    `${r.summary.errors} error${r.summary.errors === 1 ? '' : 's'}`,
    ...(blocked
      ? [`${blocked} blocked call${blocked === 1 ? '' : 's'}`, `${fixes} fix${fixes === 1 ? '' : 'es'}`]
      : []),
    `${r.summary.warnings} warning${r.summary.warnings === 1 ? '' : 's'}`,
  ];
  const runUrl = opts.runUrl === undefined ? undefined : mdUrl(opts.runUrl);
  const link = runUrl ? ` · [workflow run](${runUrl})` : '';
  out.push(`Deploy ${result}: ${counts.join(' · ')} · ${esc(r.mode)} check of ${code(r.manifest)}${link}`);
  out.push('');
  if (opts.preface) out.push(opts.preface.trimEnd(), '');
  if (r.findings.length) {
    out.push('### The check could not be done');
    out.push('');
    for (const f of r.findings) {
      const at = f.location ? `${code(`${f.location.file}:${f.location.line}:${f.location.column}`)} ` : '';
      out.push(`- ${at}${mdMessage(f.message)}${f.fix ? ` — fix: ${mdMessage(f.fix)}` : ''}`);
    }
    out.push('');
  }
  if (r.orgs.length) {
    out.push('| Org | Region | Principal | Verdict | Errors | Warnings | Requirements |');
    out.push('| --- | --- | --- | --- | ---: | ---: | ---: |');
    for (const o of r.orgs) {
      out.push(
        `| ${esc(o.name)} | ${esc(o.region)} | ${principalLabel(o)} | ${verdict(o)} | ${countsOf(o.findings).errors} | ${countsOf(o.findings).warnings} | ${o.requirements.length} |`,
      );
    }
    out.push('');
  }
  for (const o of [...r.orgs].sort((a, b) => sectionRank(a) - sectionRank(b))) {
    if (o.findings.length === 0 && opts.requirements === false) continue;
    out.push(`### ${esc(o.name)}: ${verdict(o)}`);
    out.push('');
    if (o.excess) out.push(`_Excess privilege: the deploy principal ${esc(o.excess.summary)}._`, '');
    for (const line of findingsPartOf(o.findings)(o.requirements)) out.push(line);
    if (opts.requirements !== false && o.requirements.length) {
      out.push(`<details><summary>All ${o.requirements.length} requirements of ${htmlText(o.name)}</summary>`);
      out.push('');
      for (const line of requirementRowsOf(o.requirements)) out.push(line);
      out.push('');
      out.push('</details>');
      out.push('');
    }
  }
  return out.join('\n');
}

/** An org section's fixes, other findings, accepted findings and blocked calls (markdown lines). */
function findingsPart(
  findings: readonly Finding[],
  requirements: readonly Requirement[],
  fixes: GroupedRemedy[],
): string[] {
  const out: string[] = [];
  if (fixes.length) {
    out.push('**Fix**');
    out.push('');
    for (const g of fixes) {
      const more = g.resources.length > 5 ? ` and ${g.resources.length - 5} more` : '';
      out.push(`- ${remedySentence(g, code, esc)} — needed by ${g.resources.slice(0, 5).map(esc).join(', ')}${more}`);
    }
    out.push('');
  }
  const other = findings.filter((f) => !f.remedy && !f.accepted);
  if (other.length) {
    const seen = new Set<string>();
    out.push('**Findings**');
    out.push('');
    for (const f of other) {
      const key = `${f.code}${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const icon = f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️' : 'ℹ️';
      const at = f.location ? ` (${code(`${f.location.file}:${f.location.line}`)})` : '';
      out.push(`- ${icon} ${code(f.code)} ${mdMessage(f.message)}${at}${f.fix ? ` — ${mdMessage(f.fix)}` : ''}`);
    }
    out.push('');
  }
  const accepted = findings.filter((f) => f.accepted);
  if (accepted.length) {
    // Accepted findings stay visible (with their reason) so nobody mistakes them for fixed ones.
    const byEntry = new Map<number, Finding[]>();
    for (const f of accepted) byEntry.set(f.accepted!.entry, [...(byEntry.get(f.accepted!.entry) ?? []), f]);
    out.push(`**Accepted findings** (${accepted.length}, reported as notices)`);
    out.push('');
    for (const [entry, fs] of byEntry) {
      const a = fs[0]!.accepted!;
      const who = a.owner ? `, owner ${code(a.owner)}` : '';
      const until = a.expires ? `, until ${a.expires}` : '';
      const codes = [...new Set(fs.map((f) => f.code))].map(code).join(', ');
      out.push(
        `- entry #${entry + 1} accepts ${fs.length} finding${fs.length === 1 ? '' : 's'} (${codes})${who}${until}: ${mdMessage(a.reason)}`,
      );
    }
    out.push('');
  }
  const errs = findings.filter((f) => f.remedy && !f.accepted);
  if (errs.length) {
    out.push(`<details><summary>${errs.length} blocked call${errs.length === 1 ? '' : 's'}</summary>`);
    out.push('');
    out.push('| Resource | Operation | Division | Missing |');
    out.push('| --- | --- | --- | --- |');
    const when = new Map(requirements.filter((q) => q.when).map((q) => [`${q.resource}\u0000${q.operation}`, q.when!]));
    let last = '';
    for (const f of errs.slice(0, MAX_TABLE_ROWS)) {
      const first = f.resource !== last;
      last = f.resource ?? '';
      const res = first
        ? `${esc(f.resource ?? '')}${f.location ? ` (${esc(basename(f.location.file))}:${f.location.line})` : ''}`
        : '';
      const w = when.get(`${f.resource}\u0000${f.operation}`);
      const op = `${cellCode(f.operation ?? '')}${w ? ` _(${esc(w)})_` : ''}`;
      out.push(`| ${res} | ${op} | ${esc(f.division ?? '—')} | ${(f.missing ?? []).map(cellCode).join(', ')} |`);
    }
    if (errs.length > MAX_TABLE_ROWS)
      out.push('', `_… and ${errs.length - MAX_TABLE_ROWS} more blocked calls in the JSON report._`);
    out.push('');
    out.push('</details>');
    out.push('');
  }
  return out;
}

/** The rows of an org's requirements table (header included, at most MAX_TABLE_ROWS rows). */
function requirementRows(requirements: readonly Requirement[]): string[] {
  const out: string[] = [];
  out.push('| Resource | Action | Operation | Permissions | Scopes | Division |');
  out.push('| --- | --- | --- | --- | --- | --- |');
  for (const q of requirements.slice(0, MAX_TABLE_ROWS)) {
    const op = `${cellCode(q.operation)}${q.when ? ` _(${esc(q.when)})_` : ''}`;
    const scopes = q.scopes.map(cellCode).join(', ') || (q.scopesUnknown ? '_unknown_' : '—');
    out.push(
      `| ${esc(q.resource)} | ${esc(q.action)} | ${op} | ${permissionsCell(q)} | ${scopes} | ${esc(q.division ?? '—')} |`,
    );
  }
  if (requirements.length > MAX_TABLE_ROWS)
    out.push('', `_… and ${requirements.length - MAX_TABLE_ROWS} more requirements in the JSON report._`);
  return out;
}
