/**
 * Checks a generated policy: a principal holding exactly its roles passes every requirement, and
 * removing any single permission from any role makes some requirement fail (irredundancy).
 */
import { evaluate } from '../evaluate/evaluate.js';
import type { Principal, Requirement } from '../types.js';
import type { OrgPolicy } from './least-privilege.js';

const MISSING = new Set(['missing-permission', 'missing-division-grant']);

/** The client-credentials principal holding exactly the policy's roles. */
export function principalOf(policy: OrgPolicy, drop?: { role: number; permission: string }): Principal {
  return {
    grant: 'client-credentials',
    scopes: [],
    source: 'declared',
    roles: policy.roles.map((r, i) => ({
      role: r.name,
      permissions: r.permissions
        .filter((p) => !(drop && drop.role === i && drop.permission === p))
        .map((permission) => ({ permission })),
      divisions: r.divisions.map((name) => ({ name })),
    })),
  };
}

/** Result: whether the policy suffices, and the (role, permission) pairs that could be dropped. */
export interface PolicyCheck {
  sufficient: boolean;
  /** Findings left when holding the policy (should be none). */
  missing: number;
  /** Permissions whose removal still passes (should be none). */
  redundant: string[];
}

/** Verifies sufficiency and irredundancy of `policy` for `requirements`. */
export function verifyPolicy(policy: OrgPolicy, requirements: readonly Requirement[]): PolicyCheck {
  const count = (p: Principal) => evaluate(requirements, p, policy.org).filter((f) => MISSING.has(f.code)).length;
  const missing = count(principalOf(policy));
  const redundant: string[] = [];
  policy.roles.forEach((r, i) => {
    for (const permission of r.permissions) {
      if (count(principalOf(policy, { role: i, permission })) === 0) redundant.push(`${r.name}: ${permission}`);
    }
  });
  return { sufficient: missing === 0, missing, redundant };
}
