/**
 * Turns a CX-as-Code call table entry into the planned calls of one resource change: each
 * condition is tested against the plan's `change` (before / after / after_unknown), and a call is
 * dropped only when its condition is certainly false (a value known only after apply, or org state
 * the plan cannot see, keeps it: fail closed).
 */
import type { PlannedCall, TerraformAction, TerraformChange } from '../../types.js';
import { equalsIgnoringCase } from '../../util/redact.js';
import { providerCode } from '../sources.js';
import { step } from '../step.js';
import type { CallCondition, ProviderCall, ProviderType } from './types.js';

type Tri = true | false | 'unknown';
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Values at a dotted path (lists are walked element by element), and whether any part is unknown. */
function at(root: unknown, unknown: unknown, path: string): { values: unknown[]; unknown: boolean } {
  let here: { v: unknown; u: unknown }[] = [{ v: root, u: unknown }];
  let anyUnknown = false;
  for (const key of path.split('.')) {
    const next: { v: unknown; u: unknown }[] = [];
    for (const { v, u } of here) {
      if (u === true) {
        anyUnknown = true;
        continue;
      }
      const vs = Array.isArray(v) ? v : [v];
      const us = Array.isArray(u) ? u : vs.map(() => u);
      vs.forEach((item, i) => {
        const ui = us[i];
        if (ui === true) anyUnknown = true;
        else if (isObj(item)) next.push({ v: item[key], u: isObj(ui) ? ui[key] : undefined });
      });
    }
    here = next;
  }
  for (const { u } of here) if (u === true || (Array.isArray(u) && u.some((x) => x === true))) anyUnknown = true;
  return { values: here.map((h) => h.v), unknown: anyUnknown };
}

/** Not null, `""`, `[]`, `{}` or `false`. */
export function isSet(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObj(v)) return Object.keys(v).length > 0;
  return true;
}

/** Three-valued test of a condition on a change; `unknown` keeps the call. */
export function test(cond: CallCondition, action: TerraformAction, change: TerraformChange): Tri {
  const side = action === 'delete' ? change.before : change.after;
  const unknown = action === 'delete' ? undefined : change.after_unknown;
  if ('server' in cond) return 'unknown';
  if ('not' in cond) {
    const t = test(cond.not, action, change);
    return t === 'unknown' ? t : !t;
  }
  if ('any' in cond) {
    const ts = cond.any.map((c) => test(c, action, change));
    return ts.includes(true) ? true : ts.includes('unknown') ? 'unknown' : false;
  }
  if ('all' in cond) {
    const ts = cond.all.map((c) => test(c, action, change));
    return ts.includes(false) ? false : ts.includes('unknown') ? 'unknown' : true;
  }
  if ('set' in cond || 'unset' in cond) {
    const found = at(side, unknown, 'set' in cond ? cond.set : cond.unset);
    if (found.unknown) return 'unknown';
    const set = found.values.some(isSet);
    return 'set' in cond ? set : !set;
  }
  if ('changed' in cond) {
    if (action !== 'update') return test({ set: cond.changed }, action, change);
    const after = at(change.after, change.after_unknown, cond.changed);
    if (after.unknown) return 'unknown';
    const before = at(change.before, undefined, cond.changed);
    return JSON.stringify(after.values.map(norm)) !== JSON.stringify(before.values.map(norm));
  }
  const [attr, value] = cond.equals;
  const found = at(side, unknown, attr);
  if (found.unknown) return 'unknown';
  const same = (v: unknown) => (typeof value === 'string' ? equalsIgnoringCase(v, value) : v === value);
  return found.values.some(same);
}

/** Unset values compare equal whatever their spelling (null, "", [], {}). */
const norm = (v: unknown) => (isSet(v) ? v : null);

/** `dir/file.go#L10-L12` → the planned call's source (a file of the provider at its pinned commit). */
export function sourceOf(c: ProviderCall): PlannedCall['source'] {
  const i = c.at.indexOf('#');
  return providerCode(c.at.slice(0, i), c.at.slice(i + 1));
}

/**
 * The calls the provider makes for `action` on one resource, in its order, those whose condition
 * is certainly false left out. Conditional calls kept carry their condition in words (`when`).
 */
export function planFromTable(t: ProviderType, action: TerraformAction, change: TerraformChange): PlannedCall[] {
  const out: PlannedCall[] = [];
  for (const c of t[action]) {
    if (c.if && test(c.if, action, change) === false) continue;
    out.push(
      step(c.call, c.purpose, sourceOf(c)!, { ...(c.org ? { org: true } : {}), ...(c.when ? { when: c.when } : {}) }),
    );
  }
  return out;
}
