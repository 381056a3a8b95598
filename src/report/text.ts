/**
 * Terminal report: per-org verdict, grouped findings, grouped fixes. Every name and message
 * is escaped first (`termText`: a newline, CR or ESC in a name shows as `\n`, `\r`, `\x1B`, so
 * a name adds no line and moves no cursor), and the finished text goes through `termLines`
 * (./escape.ts): no line starts with a workflow command (`::error`, `::add-mask::`, ...).
 */
import type { Finding, Remedy, SourceLocation } from '../types.js';
import { groupRemedies, remedySentence } from './remedies.js';
import type { Report } from './model.js';
import { termLines, termText } from './escape.js';
import { perList } from '../util/memo.js';

const escRemedy = (r: Remedy): Remedy => ({
  ...r,
  ...(r.role !== undefined ? { role: termText(r.role) } : {}),
  permissions: r.permissions.map(termText),
  division: r.division === null ? null : termText(r.division),
});

const changes = (s: string) => termText(s) !== s;
const remedyChanges = (r: Remedy | undefined) =>
  !!r &&
  ((r.role !== undefined && changes(r.role)) ||
    r.permissions.some(changes) ||
    (r.division !== null && changes(r.division)));

/** Whether escaping changes any string of a finding that escFinding escapes. */
function escapeChanges(f: Finding): boolean {
  return (
    changes(f.message) ||
    (f.fix !== undefined && changes(f.fix)) ||
    (f.resource !== undefined && changes(f.resource)) ||
    (f.operation !== undefined && changes(f.operation)) ||
    (typeof f.division === 'string' && changes(f.division)) ||
    (f.missing ? f.missing.some(changes) : false) ||
    (f.location ? changes(f.location.file) : false) ||
    remedyChanges(f.remedy) ||
    remedyChanges(f.alsoRemedy)
  );
}

/**
 * A finding with every string a name can reach escaped for a terminal: a copy, or the finding
 * itself when escaping changes nothing (the renderer only reads it).
 */
function escFinding(f: Finding): Finding {
  if (!escapeChanges(f)) return f;
  const e: Finding = { ...f, message: termText(f.message) };
  if (f.fix !== undefined) e.fix = termText(f.fix);
  if (f.resource !== undefined) e.resource = termText(f.resource);
  if (f.operation !== undefined) e.operation = termText(f.operation);
  if (typeof f.division === 'string') e.division = termText(f.division);
  if (f.missing) e.missing = f.missing.map(termText);
  if (f.location) e.location = { ...f.location, file: termText(f.location.file) };
  if (f.remedy) e.remedy = escRemedy(f.remedy);
  if (f.alsoRemedy) e.alsoRemedy = escRemedy(f.alsoRemedy);
  return e;
}

/**
 * Escaped copies of findings, one per finding object: orgs evaluated together share finding objects
 * (src/engine.ts), so each is escaped once per report rather than once per org.
 */
function escaper(): (f: Finding) => Finding {
  const memo = new Map<Finding, Finding>();
  return (f) => {
    let e = memo.get(f);
    if (e === undefined) {
      e = escFinding(f);
      memo.set(f, e);
    }
    return e;
  };
}

const loc = (l?: SourceLocation) => (l ? `${l.file}:${l.line}:${l.column}` : '');

/** One printed entry: a finding, or several folded into one. */
interface Entry {
  f: Finding;
  /** Resources the entry applies to (several when identical findings of different resources fold). */
  resources: string[];
  /** The text after the resource list. */
  body: string;
  fix?: string;
}

const code = (s: string) => `\`${s}\``;

/**
 * Folds findings for the terminal. First, the findings of one resource that one fix resolves
 * (same code, role and division) become one entry listing the calls; then identical entries of
 * different resources become one entry listing the resources.
 */
function entries(findings: readonly Finding[], cap = 50): { list: Entry[]; more: number } {
  const perResource = new Map<string, Finding[]>();
  for (const f of findings) {
    const r = f.remedy;
    const key =
      r && f.resource
        ? `${f.severity}\u0000${f.code}\u0000${f.resource}\u0000${r.kind}\u0000${r.role ?? ''}\u0000${r.division ?? ''}`
        : `\u0001${f.severity}\u0000${f.message}\u0000${f.fix ?? ''}`;
    const list = perResource.get(key);
    if (list) list.push(f);
    else perResource.set(key, [f]);
  }
  const folded = new Map<string, Entry & { seen: Set<string> }>();
  for (const group of perResource.values()) {
    const f = group[0]!;
    let body: string;
    let fix = f.fix;
    if (group.length === 1) {
      body = f.resource && f.message.startsWith(`${f.resource}: `) ? f.message.slice(f.resource.length + 2) : f.message;
    } else {
      const missing = [...new Set(group.flatMap((g) => g.missing ?? []))];
      const ops = group.map((g) => g.operation ?? '');
      const where = f.division && f.code !== 'missing-scope' ? ` in division ${f.division}` : '';
      body = `${group.length} calls need ${missing.map(code).join(', ')}${where}: ${ops.slice(0, 3).join(', ')}${ops.length > 3 ? `, and ${ops.length - 3} more` : ''}`;
      const r = f.remedy;
      if (r) {
        const permissions = [...new Set(group.flatMap((g) => g.remedy?.permissions ?? []))].sort();
        fix = remedySentence(
          {
            kind: r.kind,
            ...(r.role !== undefined ? { role: r.role } : {}),
            division: r.division,
            permissions,
            resources: [],
          },
          code,
        );
        const extra = group.filter((g) => g.alsoRemedy);
        if (extra.length)
          fix += `; and ${remedySentence({ ...extra[0]!.alsoRemedy!, permissions: [...new Set(extra.flatMap((g) => g.alsoRemedy!.permissions))].sort(), resources: [] }, code)}`;
      }
    }
    const key = `${f.severity}\u0000${f.code}\u0000${body}\u0000${fix ?? ''}`;
    const e = folded.get(key);
    if (e) {
      if (f.resource && !e.seen.has(f.resource)) {
        e.seen.add(f.resource);
        e.resources.push(f.resource);
      }
    } else
      folded.set(key, {
        f,
        resources: f.resource ? [f.resource] : [],
        seen: new Set(f.resource ? [f.resource] : []),
        body,
        ...(fix ? { fix } : {}),
      });
  }
  const list = [...folded.values()];
  return { list: list.slice(0, cap), more: Math.max(0, list.length - cap) };
}

function renderEntry(out: string[], e: Entry, indent: string): void {
  const f = e.f;
  out.push(`${indent}${f.severity} ${f.code}${f.location ? `  ${loc(f.location)}` : ''}`);
  const who =
    e.resources.length === 0
      ? ''
      : `${e.resources.slice(0, 3).join(', ')}${e.resources.length > 3 ? ` and ${e.resources.length - 3} more` : ''}: `;
  out.push(`${indent}  ${who}${e.body}`);
  if (e.fix && !f.accepted) out.push(`${indent}  fix: ${e.fix}`);
  if (f.accepted)
    out.push(
      `${indent}  accepted (was ${f.accepted.severity}, entry #${f.accepted.entry + 1}${f.accepted.expires ? `, until ${f.accepted.expires}` : ''}): ${termText(f.accepted.reason)}`,
    );
}

/** What an org's section prints that depends only on its findings (not on its name or verdict). */
interface Section {
  errors: number;
  warnings: number;
  fatal: boolean;
  /** The findings' entries (and the "… and N more" line), indented. */
  lines: string[];
  /** The grouped fixes, one line each, indented. */
  fixes: string[];
}

function section(findings: readonly Finding[], esc: (f: Finding) => Finding): Section {
  let errors = 0;
  let warnings = 0;
  let fatal = false;
  const escaped = findings.map((f) => {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    if (f.fatal) fatal = true;
    return esc(f);
  });
  const lines: string[] = [];
  const { list, more } = entries(escaped);
  for (const e of list) renderEntry(lines, e, '  ');
  if (more) lines.push(`  … and ${more} more (see --format json or markdown)`);
  const fixes = groupRemedies(escaped).map((g) => `    - ${remedySentence(g)}`);
  return { errors, warnings, fatal, lines, fixes };
}

/**
 * The sections of orgs, computed once per distinct list of findings: orgs evaluated together hold the
 * same finding objects in the same order (src/engine.ts), and the same objects print the same lines.
 */
function sections(esc: (f: Finding) => Finding): (findings: readonly Finding[]) => Section {
  return perList((findings: readonly Finding[]) => section(findings, esc));
}

/** Renders the report for a terminal (no colour codes; names escaped by `termLines`). */
export function renderText(report: Report, exit: number): string {
  const esc = escaper();
  const sectionOf = sections(esc);
  const r = { ...report, manifest: termText(report.manifest), findings: report.findings.map(esc) };
  const out: string[] = [];
  const reqs = r.orgs.reduce((n, o) => n + o.requirements.length, 0);
  out.push(
    `genesys-preflight: ${r.mode} check of ${r.manifest} (${r.orgs.length} org${r.orgs.length === 1 ? '' : 's'}, ${reqs} requirement${reqs === 1 ? '' : 's'})`,
  );
  out.push('');
  for (const f of r.findings)
    renderEntry(out, { f, resources: [], body: f.message, ...(f.fix ? { fix: f.fix } : {}) }, '');
  if (r.findings.length) out.push('');
  for (const org of r.orgs) {
    const name = termText(org.name);
    const region = termText(org.region);
    const orgId = org.orgId === null ? null : termText(org.orgId);
    const { errors: e, warnings: w, fatal, lines, fixes } = sectionOf(org.findings);
    const verdict = fatal ? 'NOT CHECKED' : org.passed ? 'PASS' : 'FAIL';
    const counts = `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
    const where = `${name} (${region}${orgId ? `, org ${orgId}` : ''})`;
    out.push(
      `${verdict === 'PASS' ? '✓' : '✗'} ${where}: ${verdict}, ${counts}, ${org.requirements.length} requirements`,
    );
    if (org.excess) out.push(`  excess privilege: the deploy principal ${termText(org.excess.summary)}`);
    for (const line of lines) out.push(line);
    if (fixes.length) {
      out.push(`  To fix ${name}:`);
      for (const line of fixes) out.push(line);
    }
    out.push('');
  }
  const blocked = r.orgs.filter((o) => !o.passed).length;
  const result =
    exit === 2
      ? 'COULD NOT CHECK'
      : exit === 1
        ? 'FAIL'
        : r.summary.errors > 0
          ? 'NOT ENFORCED (errors below --fail-on)'
          : 'PASS';
  const orgs = r.orgs.length ? `${blocked} of ${r.orgs.length} org${r.orgs.length === 1 ? '' : 's'} blocked; ` : '';
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  out.push(
    `Result: ${result} — ${orgs}${n(r.summary.errors, 'error')}, ${n(r.summary.warnings, 'warning')}, ${n(r.summary.notices, 'notice')} (exit ${exit})`,
  );
  return termLines(out.join('\n')) + '\n';
}
