/**
 * Genesys permission strings and permission-policy wildcards.
 *
 * A permission is `domain:entity:action` (e.g. `architect:flow:publish`). A role's permission
 * policy names a domain, an entity (`*` = every entity of the domain) and an action set
 * (`*` = every action): SDK model `DomainPermissionPolicy` {domain, entityName, actionSet}.
 * `*` alone (or `*:*:*`) stands for every permission.
 */

/** True when `policy` (possibly with wildcards) grants `permission` (concrete). */
export function policyCovers(policy: string, permission: string): boolean {
  if (policy === permission) return true;
  if (policy === '*' || policy === '*:*:*') return true;
  const p = policy.split(':');
  const q = permission.split(':');
  if (p.length !== 3 || q.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    if (p[i] !== '*' && p[i] !== q[i]) return false;
  }
  return true;
}

/** True when the string has the `domain:entity:action` shape (wildcards allowed in entity and action). */
export function isPermissionShape(value: string): boolean {
  return value === '*' || /^[A-Za-z0-9_\-*]+:[A-Za-z0-9_\-*]+:[A-Za-z0-9_\-*]+$/.test(value);
}

/**
 * A premium app's own permission, `integration:<appName>:view`: each AppFoundry premium app defines
 * one (premium-app wizard config `premiumAppViewPermission`, e.g. `integration:examplePremiumApp:view`),
 * so no catalog lists them all.
 */
export const PREMIUM_APP_PERMISSION = /^integration:[A-Za-z0-9]+:view$/;

/**
 * Whether a declared permission (or wildcard policy) names something the catalog knows:
 * a concrete permission must be known; a wildcard must cover at least one known permission.
 */
export function isKnownPermission(value: string, known: ReadonlySet<string>): boolean {
  if (known.has(value)) return true;
  if (PREMIUM_APP_PERMISSION.test(value)) return true;
  if (!value.includes('*')) return false;
  // A wildcard scans the whole set: its answer is kept per set (each org's principal lints the same roles).
  let memo = wildcardsKnown.get(known);
  if (!memo || memo.size !== known.size) wildcardsKnown.set(known, (memo = { size: known.size, answers: new Map() }));
  let answer = memo.answers.get(value);
  if (answer === undefined) {
    answer = false;
    for (const k of known) {
      if (policyCovers(value, k)) {
        answer = true;
        break;
      }
    }
    memo.answers.set(value, answer);
  }
  return answer;
}

/** Per set of known permissions (and its size then): whether each wildcard asked about covers one. */
const wildcardsKnown = new WeakMap<ReadonlySet<string>, { size: number; answers: Map<string, boolean> }>();

/**
 * Relative privilege of an action verb, used to pick the least-privileged member of an ANY set.
 * Lower is less privileged. Read-only verbs first, then additive, then editing, then destructive
 * and administrative verbs. This is a ranking heuristic, not a Genesys fact.
 */
const ACTION_RANK: Record<string, number> = {
  view: 0,
  search: 0,
  read: 0,
  readonly: 0,
  get: 0,
  add: 2,
  create: 2,
  upload: 2,
  execute: 2,
  join: 2,
  edit: 3,
  update: 3,
  publish: 3,
  assign: 3,
  move: 3,
  unlock: 5,
  delete: 5,
  remove: 5,
  all: 8,
  admin: 9,
  manage: 9,
  '*': 10,
};

/** Sort key for least privilege: action rank, then wildcards last, then alphabetical. */
export function privilegeRank(permission: string): number {
  const action = permission.split(':')[2] ?? '*';
  return ACTION_RANK[action] ?? 4;
}

/** The least-privileged permission of a non-empty list (stable for ties: first listed wins). */
export function leastPrivileged(values: readonly string[]): string {
  let best = values[0]!;
  for (const v of values) if (privilegeRank(v) < privilegeRank(best)) best = v;
  return best;
}
