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
import { cached } from '../util/memo.js';

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
  // Per org, keyed by what makes two findings one annotation; the key text is made once per finding
  // object (orgs evaluated together share their finding objects, src/engine.ts).
  const foldedByOrg = new Map<string, Map<string, Folded>>();
  const keys = new Map<Finding, string>();
  const several = r.orgs.length > 1;
  const keyOf = (f: Finding) =>
    cached(
      keys,
      f,
      () =>
        `${f.severity}\u0000${f.code}\u0000${f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : ''}\u0000${f.fix ?? f.message}`,
    );
  const addAll = (findings: readonly Finding[], org?: string) => {
    if (findings.length === 0) return;
    const folded = cached(foldedByOrg, org === undefined ? '' : `\u0000${org}`, () => new Map<string, Folded>());
    for (const f of findings) {
      const key = keyOf(f);
      const e = folded.get(key);
      if (e) e.n++;
      else folded.set(key, org !== undefined && several ? { f, n: 1, org } : { f, n: 1 });
    }
  };
  addAll(r.findings);
  for (const o of r.orgs) addAll(o.findings, o.name);
  const best: Record<Finding['severity'], Folded[]> = { error: [], warning: [], notice: [] };
  const limit = (sev: Finding['severity']) => ANNOTATIONS_PER_TYPE - (sev === 'notice' ? 1 : 0);
  let total = 0;
  for (const folded of foldedByOrg.values()) total += folded.size;
  for (const folded of foldedByOrg.values())
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
  const hidden = total - shownCount;
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
