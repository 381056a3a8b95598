/**
 * Markdown report: the job summary and the PR comment body (GitHub-flavoured markdown).
 */
import type { Finding, Requirement } from '../types.js';
import { groupRemedies, remedySentence } from './remedies.js';
import type { OrgReport, Report } from './model.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

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
  return `${q.permissions.mode}: ${q.permissions.values.map(code).join(', ')}`;
}

/** Options: `runUrl` links the workflow run; `title` heads the report. */
export interface MarkdownOptions {
  runUrl?: string;
  title?: string;
  /** Include the full requirement list per org (collapsed). Default true. */
  requirements?: boolean;
}

/** Renders the markdown report. */
export function renderMarkdown(r: Report, exit: number, opts: MarkdownOptions = {}): string {
  const out: string[] = [];
  const result = exit === 2 ? '⚠️ **could not check**' : exit === 1 ? '❌ **blocked**' : '✅ **allowed**';
  out.push(`## ${opts.title ?? 'Genesys Cloud preflight'}`);
  out.push('');
  out.push(`Deploy ${result}: ${r.summary.errors} error${r.summary.errors === 1 ? '' : 's'}, ${r.summary.warnings} warning${r.summary.warnings === 1 ? '' : 's'} · ${r.mode} check of ${code(r.manifest)}${opts.runUrl ? ` · [workflow run](${opts.runUrl})` : ''}`);
  out.push('');
  if (r.findings.length) {
    out.push('### The check could not be done');
    out.push('');
    for (const f of r.findings) out.push(`- ${f.location ? `${code(`${f.location.file}:${f.location.line}:${f.location.column}`)} ` : ''}${esc(f.message)}${f.fix ? ` — fix: ${esc(f.fix)}` : ''}`);
    out.push('');
  }
  if (r.orgs.length) {
    out.push('| Org | Region | Principal | Verdict | Errors | Warnings | Requirements |');
    out.push('| --- | --- | --- | --- | ---: | ---: | ---: |');
    for (const o of r.orgs) {
      out.push(`| ${esc(o.name)} | ${esc(o.region)} | ${o.principal} | ${verdict(o)} | ${count(o.findings, 'error')} | ${count(o.findings, 'warning')} | ${o.requirements.length} |`);
    }
    out.push('');
  }
  for (const o of r.orgs) {
    if (o.findings.length === 0 && opts.requirements === false) continue;
    out.push(`### ${esc(o.name)}: ${verdict(o)}`);
    out.push('');
    const fixes = groupRemedies(o.findings);
    if (fixes.length) {
      out.push('**Fix**');
      out.push('');
      for (const g of fixes) {
        out.push(`- ${esc(remedySentence(g, code))} — needed by ${g.resources.slice(0, 5).map(esc).join(', ')}${g.resources.length > 5 ? ` and ${g.resources.length - 5} more` : ''}`);
      }
      out.push('');
    }
    const other = o.findings.filter((f) => !f.remedy);
    if (other.length) {
      const seen = new Set<string>();
      out.push('**Findings**');
      out.push('');
      for (const f of other) {
        const key = `${f.code}${f.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const icon = f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️' : 'ℹ️';
        out.push(`- ${icon} ${code(f.code)} ${esc(f.message)}${f.location ? ` (${code(`${f.location.file}:${f.location.line}`)})` : ''}${f.fix ? ` — ${esc(f.fix)}` : ''}`);
      }
      out.push('');
    }
    const errs = o.findings.filter((f) => f.remedy);
    if (errs.length) {
      out.push(`<details><summary>${errs.length} blocked call${errs.length === 1 ? '' : 's'}</summary>`);
      out.push('');
      out.push('| Resource | Operation | Division | Missing | Where |');
      out.push('| --- | --- | --- | --- | --- |');
      for (const f of errs) {
        out.push(`| ${esc(f.resource ?? '')} | ${code(f.operation ?? '')} | ${esc(f.division ?? '—')} | ${(f.missing ?? []).map(code).join(', ')} | ${f.location ? code(`${f.location.file}:${f.location.line}`) : ''} |`);
      }
      out.push('');
      out.push('</details>');
      out.push('');
    }
    if (opts.requirements !== false && o.requirements.length) {
      out.push(`<details><summary>All ${o.requirements.length} requirements of ${esc(o.name)}</summary>`);
      out.push('');
      out.push('| Resource | Action | Operation | Permissions | Scopes | Division |');
      out.push('| --- | --- | --- | --- | --- | --- |');
      for (const q of o.requirements) {
        out.push(`| ${esc(q.resource)} | ${q.action} | ${code(q.operation)}${q.when ? ` _(${esc(q.when)})_` : ''} | ${permissionsCell(q)} | ${q.scopes.map(code).join(', ') || (q.scopesUnknown ? '_unknown_' : '—')} | ${esc(q.division ?? '—')} |`);
      }
      out.push('');
      out.push('</details>');
      out.push('');
    }
  }
  return out.join('\n');
}
