/**
 * The diagnosis in words: terminal lines and a markdown section (the PR comment and job summary).
 * Log text is hostile: only the parsed fields are shown, each escaped for its medium; the excerpt is
 * shown in the terminal only, as plain escaped text.
 */
import { mdCode, mdMessage, termLines, termText } from '../report/escape.js';
import type { Diagnosis } from './explain.js';

const needOf = (d: Diagnosis) =>
  d.failure.permissions
    ? `${d.failure.permissions.mode === 'ANY' ? 'one of' : 'all of'} ${d.failure.permissions.values.join(', ')}`
    : 'no permission named';

/** Terminal text: one block per failure, then the count of predicted and unpredicted ones. */
export function diagnosisText(diagnoses: readonly Diagnosis[], logName: string): string {
  if (!diagnoses.length) return termLines(`${logName}: no permission failure (403) found in the log\n`);
  const lines: string[] = [];
  for (const d of diagnoses) {
    const f = d.failure;
    const what = f.operation ?? (f.method && f.path ? `${f.method} ${f.path}` : 'a call');
    lines.push(`403 ${what}  ${logName}:${f.line}${d.org ? `  (org ${d.org})` : ''}`);
    lines.push(
      `  needs ${needOf(d)}${f.division ? ` in division ${f.division}` : ''}${f.resource ? `  (${f.resource})` : ''}`,
    );
    lines.push(
      `  ${d.predicted ? 'predicted by check' : d.findings[0]?.code === 'unpredicted-403' ? 'NOT predicted by check: please report this gap' : 'no manifest given: not compared with check'}`,
    );
    for (const x of d.findings) if (x.fix) lines.push(`  fix: ${x.fix}`);
  }
  const unpredicted = diagnoses.filter((d) => d.findings.some((x) => x.code === 'unpredicted-403')).length;
  lines.push(
    '',
    `${diagnoses.length} permission failure${diagnoses.length === 1 ? '' : 's'} in ${logName}${unpredicted ? `; ${unpredicted} not predicted by check` : ''}`,
  );
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
      .map((x) => mdMessage(x!))
      .join('; ');
    out.push(`| ${f.line} | ${mdCode(what)} | ${mdMessage(needOf(d))} | ${verdict} | ${fix || '—'} |`);
  }
  if (unpredicted) {
    out.push(
      '',
      `> [!IMPORTANT]\n> ${unpredicted} of these 403s were not predicted by the check: a gap in its plans. Please report them with the log excerpt.`,
    );
  }
  return `${out.join('\n')}\n\n`;
}
