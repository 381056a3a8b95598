/**
 * The diagnosis in words: terminal lines and a markdown section (the PR comment and job summary).
 * Log text is hostile: only the parsed fields are shown, each escaped for its medium; the excerpt is
 * shown in the terminal only, as plain escaped text.
 */
import { mdCode, mdMessage, termLines, termText } from '../report/escape.js';
import type { Diagnosis, UnpredictedCause } from './explain.js';
import { isTerraformAddress } from './resolve.js';

/** What each cause of an unpredicted 403 asks of the reader (the markdown note under the table). */
const CAUSE_NOTE: Record<UnpredictedCause, string> = {
  'no-plan':
    'no plan of the manifest makes the call: if the deploy only deploys what the manifest lists, ' +
    "a gap in the check's plans. Please report it with the log excerpt.",
  'not-in-manifest': 'the log names an object the manifest does not have: add it, and run the check again.',
  'other-grants':
    'the principal the check evaluated holds what the platform asked for: the deploy ran with other grants. ' +
    "Run the check in live mode with the deploy's own credentials.",
  'other-division': 'refused in another division than the manifest places the call in.',
  'catalog-differs':
    'the platform named other permissions than the check evaluated the call against. ' +
    'Please report the difference with the log excerpt.',
  unverified: 'the check reported that it could not verify the call.',
  'no-permission-named': 'the platform named no permission: see the OAuth scopes the catalog admits the call with.',
  'org-unknown': 'the log names no org of the manifest: give the org.',
  unexplained: 'nothing in the log, the plans or the principal explains it. Please report it with the log excerpt.',
};

/** Every name of the markdown table is in a cell (a `|` in it must not split the cell). */
const CELL = { table: true } as const;

const needOf = (d: Diagnosis) =>
  d.failure.permissions?.values.length
    ? `${d.failure.permissions.mode === 'ANY' ? 'one of' : 'all of'} ${d.failure.permissions.values.join(', ')}`
    : `no permission named${d.failure.code === 'not.authorized' ? ' (not.authorized)' : ''}`;

/**
 * The OAuth scopes of a refusal naming no permission, in a few words: what the catalog (swagger
 * `security`) admits the call with, and what the org's principal has of them.
 */
export function scopesText(d: Diagnosis): string | undefined {
  const s = d.scopes;
  if (!s) return undefined;
  if (s.unknown) return 'the catalog does not publish the OAuth scopes of this call';
  if (!s.admit.length) return 'the catalog (swagger security) names no OAuth scope for this call';
  const oneOf = s.admit.length === 1 ? '' : 'one of ';
  const admit = `the catalog (swagger security) admits it with ${oneOf}${s.admit.join(', ')}`;
  if (s.grant === 'client-credentials')
    return `${admit}; the principal is a client-credentials client (no scopes apply)`;
  if (s.grant === 'user') {
    const has = s.source === 'declared' ? 'declares' : 'has';
    if (s.admitting?.length) return `${admit}; the principal ${has} ${s.admitting.join(', ')}`;
    return `${admit}; the principal ${has} ${s.scopes?.length ? `${s.scopes.join(', ')}: none admits it` : 'no scope'}`;
  }
  return admit;
}

/** Why check did not predict a 403, in a few words (the diagnosis's `reason` says it in full). */
export function causeHeadline(d: Diagnosis): string {
  switch (d.cause) {
    case 'no-plan':
      return 'please report this gap (no plan of the manifest makes this call)';
    case 'not-in-manifest': {
      const name = d.failure.resource;
      const what = name === undefined ? 'the object' : isTerraformAddress(name) ? name : `the flow '${name}'`;
      return `${what} is not in the manifest`;
    }
    case 'other-grants':
      return 'the deploy ran with other grants than the ones checked';
    case 'other-division':
      return `refused in division ${d.division?.name ?? '?'}, where the manifest does not place the call`;
    case 'catalog-differs':
      return 'the platform named other permissions than check evaluated';
    case 'unverified':
      return 'check could not verify this call';
    case 'no-permission-named':
      return 'the platform named no permission';
    case 'org-unknown':
      return 'the org is not known (give --org)';
    default:
      return 'please report this (the log, the plans and the principal do not explain it)';
  }
}

/** Where the division comes from, in words: the log, or the manifest resource and the line that places it. */
function divisionSource(division: NonNullable<Diagnosis['division']>, resource: string | undefined): string {
  if (division.from === 'log') return `${division.name}, named in the log`;
  const where = division.location ? ` (${division.location.file}:${division.location.line})` : '';
  return `${division.name}, from the manifest: ${resource ?? 'the resource'} is placed there${where}`;
}

/** Whether check predicted the failure, in words. */
function verdictText(d: Diagnosis): string {
  if (d.predicted) return 'predicted by check';
  if (d.findings[0]?.code === 'unpredicted-403') return `NOT predicted by check: ${causeHeadline(d)}`;
  return 'no manifest given: not compared with check';
}

/** Terminal text: one block per failure, then the count of predicted and unpredicted ones. */
export function diagnosisText(diagnoses: readonly Diagnosis[], logName: string): string {
  if (!diagnoses.length)
    return termLines(
      `${termText(logName)}: no permission failure (403) found in the log\n` +
        '  (read: Platform API error bodies, terraform-provider-genesyscloud diagnostics, HTTP 403 lines,\n' +
        '  Archy errors; docs/DIAGNOSE.md lists the formats. A 403 printed another way: please report it)\n',
    );
  const lines: string[] = [];
  for (const d of diagnoses) {
    const f = d.failure;
    const what = f.operation ?? (f.method && f.path ? `${f.method} ${f.path}` : 'a call');
    lines.push(`403 ${what}  ${logName}:${f.line}${d.org ? `  (org ${d.org})` : ''}`);
    const named = d.resource ?? f.resource;
    const needs = f.permissions?.values.length ? `needs ${needOf(d)}` : needOf(d);
    lines.push(`  ${needs}${d.division ? ` in division ${d.division.name}` : ''}${named ? `  (${named})` : ''}`);
    if (d.division) lines.push(`  division: ${divisionSource(d.division, d.resource)}`);
    const scopes = scopesText(d);
    if (scopes) lines.push(`  scopes: ${scopes}`);
    lines.push(`  ${verdictText(d)}`);
    if (d.reason) lines.push(`  why: ${d.reason}`);
    for (const x of d.findings) if (x.fix) lines.push(`  fix: ${x.fix}`);
  }
  const unpredicted = diagnoses.filter((d) => d.findings.some((x) => x.code === 'unpredicted-403')).length;
  const count = `${diagnoses.length} permission failure${diagnoses.length === 1 ? '' : 's'}`;
  lines.push('', `${count} in ${logName}${unpredicted ? `; ${unpredicted} not predicted by check` : ''}`);
  return termLines(`${lines.map((l) => termText(l)).join('\n')}\n`);
}

/** Markdown section for the sticky comment and the job summary (empty string: nothing found). */
export function diagnosisMarkdown(diagnoses: readonly Diagnosis[], logName: string): string {
  if (!diagnoses.length) return '';
  const unpredicted = diagnoses.filter((d) => d.findings.some((x) => x.code === 'unpredicted-403')).length;
  const out = [
    `### Deploy log: ${diagnoses.length} permission failure${diagnoses.length === 1 ? '' : 's'} (${mdCode(logName)})`,
    '',
    '| line | call | needs | check | fix |',
    '| ---: | --- | --- | --- | --- |',
  ];
  for (const d of diagnoses) {
    const f = d.failure;
    const what = f.operation ?? (f.method && f.path ? `${f.method} ${f.path}` : 'a call');
    const verdict = d.predicted
      ? 'predicted'
      : d.findings[0]?.code === 'unpredicted-403'
        ? `**not predicted**: ${mdMessage(causeHeadline(d), CELL)}`
        : '—';
    const fix = d.findings
      .map((x) => x.fix)
      .filter(Boolean)
      .map((x) => mdMessage(x!, CELL))
      .join('; ');
    const source =
      d.division?.from === 'log' ? 'named in the log' : `manifest: ${mdCode(d.resource ?? 'resource', CELL)}`;
    const division = d.division ? ` in division ${mdCode(d.division.name, CELL)} (${source})` : '';
    const scopes = scopesText(d);
    const scopeNote = scopes ? `; scopes: ${mdMessage(scopes, CELL)}` : '';
    out.push(
      `| ${f.line} | ${mdCode(what, CELL)} | ${mdMessage(needOf(d), CELL)}${division}${scopeNote} ` +
        `| ${verdict} | ${fix || '—'} |`,
    );
  }
  if (unpredicted) {
    const byCause = new Map<string, number>();
    for (const d of diagnoses)
      if (d.findings.some((x) => x.code === 'unpredicted-403')) {
        const key = d.cause ?? 'unexplained';
        byCause.set(key, (byCause.get(key) ?? 0) + 1);
      }
    const were = unpredicted === 1 ? 'was' : 'were';
    out.push('', '> [!IMPORTANT]', `> ${unpredicted} of these 403s ${were} not predicted by the check:`);
    for (const [cause, n] of byCause) out.push(`> - ${n}: ${CAUSE_NOTE[cause as keyof typeof CAUSE_NOTE]}`);
  }
  return `${out.join('\n')}\n\n`;
}
