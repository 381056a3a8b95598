/**
 * GitHub annotations. The runner shows at most 10 annotations of each type per step, so the
 * worst findings go first (errors, fatal first), identical ones are folded, and one notice says
 * where the rest are.
 */
import type { Finding } from '../types.js';
import { allFindings, compareFindings, type Report } from './model.js';

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

/** The annotations to emit, worst first, at most ANNOTATIONS_PER_TYPE per level plus one overflow notice. */
export function annotationsFor(r: Report, whereIsTheRest: string): Annotation[] {
  const folded = new Map<string, { f: Finding; n: number }>();
  for (const f of [...allFindings(r)].sort(compareFindings)) {
    const key = `${f.severity}\u0000${f.code}\u0000${f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : ''}\u0000${f.fix ?? f.message}`;
    const e = folded.get(key);
    if (e) e.n++;
    else folded.set(key, { f, n: 1 });
  }
  const out: Annotation[] = [];
  const shown = { error: 0, warning: 0, notice: 0 };
  let hidden = 0;
  for (const { f, n } of folded.values()) {
    if (shown[f.severity] >= ANNOTATIONS_PER_TYPE - (f.severity === 'notice' ? 1 : 0)) {
      hidden++;
      continue;
    }
    shown[f.severity]++;
    const a: Annotation = {
      level: f.severity,
      title: `genesys-preflight: ${f.code}`,
      message: `${f.message}${n > 1 ? ` (and ${n - 1} more like it)` : ''}${f.fix ? `\nFix: ${f.fix}` : ''}`,
    };
    if (f.location) {
      a.file = f.location.file;
      a.startLine = f.location.line;
      a.startColumn = f.location.column;
    }
    out.push(a);
  }
  if (hidden > 0) {
    out.push({ level: 'notice', title: 'genesys-preflight: more findings', message: `${hidden} more finding${hidden === 1 ? '' : 's'} not shown as annotations: ${whereIsTheRest}` });
  }
  return out;
}
