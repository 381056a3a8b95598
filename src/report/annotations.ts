/**
 * GitHub annotations. The runner shows at most 10 annotations of each type per step, so the
 * worst findings go first (errors, fatal first), identical ones are folded, and one notice says
 * where the rest are.
 *
 * Names inside messages, titles and file paths have their control characters shown as escapes
 * (`termText`), so a name cannot add lines to an annotation; the only line break in a message
 * is the one before "Fix:". Writing them as workflow commands is @actions/core's job
 * (`core.error(message, {title, file, ...})` percent-encodes `%`, CR and LF in the message and
 * also `:` and `,` in properties), so nothing here can end the command early.
 */
import type { Finding } from '../types.js';
import { compareFindings, type Report } from './model.js';
import { termText } from './escape.js';

/** GitHub's per-step display limit for each annotation type (errors, warnings, notices). */
export const ANNOTATIONS_PER_TYPE = 10;

/** One annotation: `level` maps to `core.error` / `core.warning` / `core.notice`. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/**
 * The annotations to emit, worst first, at most ANNOTATIONS_PER_TYPE per level plus one overflow
 * notice. `whereIsTheRest` is trusted text (written by the workflow's side, e.g. the run URL).
 */
export function annotationsFor(r: Report, whereIsTheRest: string): Annotation[] {
  // Fold identical findings at one place, then keep the worst few per level without sorting them all.
  type Folded = { f: Finding; n: number; org?: string };
  const folded = new Map<string, Folded>();
  const several = r.orgs.length > 1;
  const add = (f: Finding, org?: string) => {
    const key = `${org ?? ''}\u0000${f.severity}\u0000${f.code}\u0000${f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : ''}\u0000${f.fix ?? f.message}`;
    const e = folded.get(key);
    if (e) e.n++;
    else folded.set(key, org !== undefined && several ? { f, n: 1, org } : { f, n: 1 });
  };
  for (const f of r.findings) add(f);
  for (const o of r.orgs) for (const f of o.findings) add(f, o.name);
  const best: Record<Finding['severity'], Folded[]> = { error: [], warning: [], notice: [] };
  const limit = (sev: Finding['severity']) => ANNOTATIONS_PER_TYPE - (sev === 'notice' ? 1 : 0);
  for (const e of folded.values()) {
    const list = best[e.f.severity];
    const max = limit(e.f.severity);
    if (list.length === max && compareFindings(e.f, list[max - 1]!.f) >= 0) continue;
    let i = list.length;
    while (i > 0 && compareFindings(e.f, list[i - 1]!.f) < 0) i--;
    list.splice(i, 0, e);
    if (list.length > max) list.pop();
  }
  const shownCount = best.error.length + best.warning.length + best.notice.length;
  const hidden = folded.size - shownCount;
  const out: Annotation[] = [];
  for (const { f, n, org } of [...best.error, ...best.warning, ...best.notice]) {
    const fix = f.fix ? `\nFix: ${termText(f.fix)}` : '';
    const a: Annotation = {
      level: f.severity,
      title: `genesys-preflight${org ? ` [${termText(org)}]` : ''}: ${f.code}`,
      message: `${termText(f.message)}${n > 1 ? ` (and ${n - 1} more like it)` : ''}${fix}`,
    };
    if (f.location) {
      a.file = termText(f.location.file);
      a.startLine = f.location.line;
      a.startColumn = f.location.column;
    }
    out.push(a);
  }
  if (hidden > 0) {
    out.push({
      level: 'notice',
      title: 'genesys-preflight: more findings',
      message: `${hidden} more finding${hidden === 1 ? '' : 's'} not shown as annotations: ${whereIsTheRest}`,
    });
  }
  return out;
}
