/** Terminal report: per-org verdict, grouped findings, grouped fixes. */
import type { Finding, SourceLocation } from '../types.js';
import { groupRemedies, remedySentence } from './remedies.js';
import type { Report } from './model.js';

const loc = (l?: SourceLocation) => (l ? `${l.file}:${l.line}:${l.column}` : '');

/** Findings with the same code, message shape and fix are shown once, with the resources listed. */
function groupFindings(findings: readonly Finding[]): Array<{ f: Finding; resources: string[]; count: number }> {
  const groups = new Map<string, { f: Finding; resources: Set<string>; count: number }>();
  for (const f of findings) {
    // The fix names the missing permissions and the division; the operation names the call.
    const key = f.fix === undefined ? f.message : `${f.code}\u0000${f.operation ?? ''}\u0000${f.fix}`;
    const g = groups.get(key);
    if (g) {
      g.count++;
      if (f.resource) g.resources.add(f.resource);
    } else groups.set(key, { f, resources: new Set(f.resource ? [f.resource] : []), count: 1 });
  }
  return [...groups.values()].map((g) => ({ f: g.f, resources: [...g.resources], count: g.count }));
}

function renderFinding(out: string[], f: Finding, resources: string[], count: number, indent: string): void {
  out.push(`${indent}${f.severity} ${f.code}${f.location ? `  ${loc(f.location)}` : ''}`);
  out.push(`${indent}  ${f.message}`);
  if (count > 1) {
    const shown = resources.slice(0, 3).join(', ');
    out.push(`${indent}  (also ${count - 1} more: ${shown}${resources.length > 3 ? `, and ${resources.length - 3} more` : ''})`);
  }
  if (f.fix) out.push(`${indent}  fix: ${f.fix}`);
}

/** Renders the report for a terminal (no colour codes). */
export function renderText(r: Report, exit: number): string {
  const out: string[] = [];
  const reqs = r.orgs.reduce((n, o) => n + o.requirements.length, 0);
  out.push(`genesys-preflight: ${r.mode} check of ${r.manifest} (${r.orgs.length} org${r.orgs.length === 1 ? '' : 's'}, ${reqs} requirement${reqs === 1 ? '' : 's'})`);
  out.push('');
  for (const f of r.findings) renderFinding(out, f, [], 1, '');
  if (r.findings.length) out.push('');
  for (const o of r.orgs) {
    const e = o.findings.filter((f) => f.severity === 'error').length;
    const w = o.findings.filter((f) => f.severity === 'warning').length;
    const fatal = o.findings.some((f) => f.fatal);
    const verdict = fatal ? 'NOT CHECKED' : o.passed ? 'PASS' : 'FAIL';
    out.push(`${verdict === 'PASS' ? '✓' : '✗'} ${o.name} (${o.region}${o.orgId ? `, org ${o.orgId}` : ''}): ${verdict}, ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${o.requirements.length} requirements`);
    for (const g of groupFindings(o.findings)) renderFinding(out, g.f, g.resources, g.count, '  ');
    const fixes = groupRemedies(o.findings);
    if (fixes.length) {
      out.push(`  To fix ${o.name}:`);
      for (const g of fixes) out.push(`    - ${remedySentence(g)}`);
    }
    out.push('');
  }
  const blocked = r.orgs.filter((o) => !o.passed).length;
  const result = exit === 2 ? 'COULD NOT CHECK' : exit === 1 ? 'FAIL' : 'PASS';
  const orgs = r.orgs.length ? `${blocked} of ${r.orgs.length} org${r.orgs.length === 1 ? '' : 's'} blocked; ` : '';
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  out.push(`Result: ${result} — ${orgs}${n(r.summary.errors, 'error')}, ${n(r.summary.warnings, 'warning')}, ${n(r.summary.notices, 'notice')} (exit ${exit})`);
  return out.join('\n') + '\n';
}
