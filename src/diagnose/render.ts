/**
 * The diagnosis in words: terminal lines and a markdown section (the PR comment and job summary).
 * Log text is hostile: only the parsed fields are shown, each escaped for its medium; the excerpt is
 * shown in the terminal only, as plain escaped text.
 */
import { mdCode, mdMessage, termLines, termText } from '../report/escape.js';
import type { Diagnosis } from './explain.js';

/** Every name of the markdown table is in a cell (a `|` in it must not split the cell). */
const CELL = { table: true } as const;

const needOf = (d: Diagnosis) =>
  d.failure.permissions
    ? `${d.failure.permissions.mode === 'ANY' ? 'one of' : 'all of'} ${d.failure.permissions.values.join(', ')}`
    : 'no permission named';

/** Where the division comes from, in words: the log, or the manifest resource and the line that places it. */
function divisionSource(division: NonNullable<Diagnosis['division']>, resource: string | undefined): string {
  if (division.from === 'log') return `${division.name}, named in the log`;
  const where = division.location ? ` (${division.location.file}:${division.location.line})` : '';
  return `${division.name}, from the manifest: ${resource ?? 'the resource'} is placed there${where}`;
}

/** Whether check predicted the failure, in words. */
function verdictText(d: Diagnosis): string {
  if (d.predicted) return 'predicted by check';
  if (d.findings[0]?.code === 'unpredicted-403') return 'NOT predicted by check: please report this gap';
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
    lines.push(
      `  needs ${needOf(d)}${d.division ? ` in division ${d.division.name}` : ''}${named ? `  (${named})` : ''}`,
    );
    if (d.division) lines.push(`  division: ${divisionSource(d.division, d.resource)}`);
    lines.push(`  ${verdictText(d)}`);
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
    const verdict = d.predicted ? 'predicted' : d.findings[0]?.code === 'unpredicted-403' ? '**not predicted**' : '—';
    const fix = d.findings
      .map((x) => x.fix)
      .filter(Boolean)
      .map((x) => mdMessage(x!, CELL))
      .join('; ');
    const source =
      d.division?.from === 'log' ? 'named in the log' : `manifest: ${mdCode(d.resource ?? 'resource', CELL)}`;
    const division = d.division ? ` in division ${mdCode(d.division.name, CELL)} (${source})` : '';
    out.push(
      `| ${f.line} | ${mdCode(what, CELL)} | ${mdMessage(needOf(d), CELL)}${division} | ${verdict} | ${fix || '—'} |`,
    );
  }
  if (unpredicted) {
    out.push(
      '',
      '> [!IMPORTANT]',
      `> ${unpredicted} of these 403s were not predicted by the check: a gap in its plans. ` +
        'Please report them with the log excerpt.',
    );
  }
  return `${out.join('\n')}\n\n`;
}
