/**
 * The CX-as-Code call tables, merged: `genesyscloud_*` type → what terraform-provider-genesyscloud
 * v1.84.1 calls for create, update and delete, read from its code (one file per family; the
 * `genesyscloud_flow` and `genesyscloud_script` plans live with the manifest kinds in src/plan).
 * Re-check every citation with `npx tsx scripts/verify-provider-calls.ts --repo <provider clone>`.
 */
import type { PlannedCall, TerraformAction, TerraformChange } from '../../types.js';
import { ARCHITECT } from './architect.js';
import { INTEGRATIONS } from './integrations.js';
import { ROUTING } from './routing.js';
import { TASKS_KNOWLEDGE } from './tasks-knowledge.js';
import { TELEPHONY_OUTBOUND } from './telephony-outbound.js';
import { USERS } from './users.js';
import { planFromTable } from './conditions.js';
import { MOVE_PATH } from '../../domain/divisions.js';
import type { ProviderTable, ProviderType } from './types.js';

/** Every type read from the provider's code. */
export const PROVIDER_CALLS: ProviderTable = Object.freeze({
  ...ARCHITECT,
  ...INTEGRATIONS,
  ...ROUTING,
  ...TASKS_KNOWLEDGE,
  ...TELEPHONY_OUTBOUND,
  ...USERS,
});

/** The table entry of a type read from code, or undefined. */
export function providerType(type: string): ProviderType | undefined {
  return Object.prototype.hasOwnProperty.call(PROVIDER_CALLS, type) ? PROVIDER_CALLS[type] : undefined;
}

/**
 * The calls of one resource change for a type read from code (undefined for other types). A
 * division move (`POST .../divisions/{divisionId}/objects/{objectType}`) needs, per Genesys, the
 * object's edit permission (src/plan/sources.ts RC_MOVE_OBJECTS): it is checked with the permissions of
 * the type's own update call (`requiresOf`), the first PUT/PATCH on the object in its update.
 */
export function providerCalls(
  type: string,
  action: TerraformAction,
  change: TerraformChange,
): PlannedCall[] | undefined {
  const t = providerType(type);
  if (!t) return undefined;
  const calls = planFromTable(t, action, change);
  const edit = t.update.find((c) => !c.org && /^(PUT|PATCH) /.test(c.call));
  for (const c of calls) {
    if (c.method === 'POST' && c.path === MOVE_PATH && edit) c.requiresOf = edit.call;
  }
  return calls;
}

/** A division move (the provider's util.UpdateObjectDivision). */
export const isMove = (c: PlannedCall) => c.method === 'POST' && c.path === MOVE_PATH;

/**
 * The calls of an update (`calls`, from {@link providerCalls}) that move the object when `division_id`
 * changes, to be checked in the division it leaves too (a move needs edit rights in both divisions,
 * src/plan/sources.ts RC_MOVE_OBJECTS): the division-move operation, else the first PUT/PATCH on the
 * object (it carries the division), none for a type whose update does not send the division.
 */
export function divisionMoveCalls(type: string, calls: readonly PlannedCall[]): PlannedCall[] {
  const t = providerType(type);
  if (!t || t.divisionChange === 'none') return [];
  const moves = calls.filter(isMove);
  if (moves.length) return moves;
  const edit = calls.find((c) => c.divisionBound && (c.method === 'PUT' || c.method === 'PATCH'));
  return edit ? [edit] : [];
}
