/**
 * In-memory state of the fake: orgs with their divisions, roles, principals, objects, and
 * the token table. Pure data + lookups; no HTTP here.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FakeDivision, FakeOrg, FakePolicy, FakeRole, FakeRoleDivision } from './types.js';

/** `*` as a division id: all divisions. */
export const ALL_DIVISIONS = '*';

/** Who a token acts as. */
export interface FakePrincipal {
  kind: 'client' | 'user';
  id: string;
  name: string;
  grants: FakeRoleDivision[];
  /** User tokens: authorized scopes. Client credentials: reported scopes (not enforced). */
  scopes: string[];
  clientName: string;
}

/** A stored object of a deploy endpoint. */
export interface FakeObject {
  id: string;
  name: string;
  divisionId: string;
  [k: string]: unknown;
}

/** One org's live state. */
export interface OrgState {
  config: FakeOrg;
  divisions: FakeDivision[];
  home: FakeDivision;
  roles: Map<string, FakeRole>;
  /** Object stores by collection name (`flows`, `scripts`, `scheduleGroups`, ...). */
  objects: Map<string, Map<string, FakeObject>>;
}

/** What an issued or configured token means. */
export interface TokenRecord {
  org: OrgState;
  principal: FakePrincipal;
  expiresAt: number;
}

/** Builds the state of one org; throws on dangling role or division references. */
export function buildOrgState(org: FakeOrg): OrgState {
  if (!org.id || !org.name) throw new Error('fake org needs id and name');
  const divisions = (org.divisions ?? []).map((d) => ({ ...d }));
  let home = divisions.find((d) => d.homeDivision) ?? divisions.find((d) => d.name === 'Home');
  if (!home) {
    home = { id: `${org.id}-home`, name: 'Home', homeDivision: true };
    divisions.unshift(home);
  }
  for (const d of divisions) d.homeDivision = d === home;
  const roles = new Map((org.roles ?? []).map((r) => [r.id, r] as const));
  const state: OrgState = { config: org, divisions, home, roles, objects: new Map() };
  const checkGrants = (who: string, grants: FakeRoleDivision[]) => {
    for (const g of grants) {
      if (!roles.has(g.roleId)) throw new Error(`fake org ${org.id}: ${who} grants unknown role ${g.roleId}`);
      if (g.divisionId !== ALL_DIVISIONS && !findDivision(state, g.divisionId))
        throw new Error(`fake org ${org.id}: ${who} grants role ${g.roleId} in unknown division ${g.divisionId}`);
    }
  };
  for (const c of org.clients ?? []) checkGrants(`client ${c.name}`, c.roleDivisions ?? []);
  for (const u of org.users ?? []) checkGrants(`user ${u.name}`, u.grants ?? []);
  const objs = org.objects ?? {};
  for (const [collection, list] of Object.entries(objs) as Array<[string, Array<Record<string, unknown>>]>) {
    const store = collectionOf(state, collection);
    for (const o of list ?? []) {
      const id = typeof o.id === 'string' ? o.id : randomUUID();
      const div = typeof o.division === 'string' ? findDivision(state, o.division) : undefined;
      const { division: _ignored, ...rest } = o;
      store.set(id, { ...rest, id, name: String(o.name), divisionId: div?.id ?? home.id });
    }
  }
  return state;
}

/** The object store `name` of an org, created on first use. */
export function collectionOf(org: OrgState, name: string): Map<string, FakeObject> {
  let m = org.objects.get(name);
  if (!m) {
    m = new Map();
    org.objects.set(name, m);
  }
  return m;
}

/** A division by id, else by name (case-insensitive). */
export function findDivision(org: OrgState, idOrName: string): FakeDivision | undefined {
  return (
    org.divisions.find((d) => d.id === idOrName) ??
    org.divisions.find((d) => d.name.toLowerCase() === idOrName.toLowerCase())
  );
}

/** Random opaque access token (base64url, 43 chars). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Principal of a client-credentials client. */
export function clientPrincipal(c: FakeOrg['clients'][number]): FakePrincipal {
  return {
    kind: 'client',
    id: c.clientId,
    name: c.name,
    grants: c.roleDivisions ?? [],
    scopes: c.scopes ?? [],
    clientName: c.name,
  };
}

/** Principal of a user token. */
export function userPrincipal(u: NonNullable<FakeOrg['users']>[number]): FakePrincipal {
  return {
    kind: 'user',
    id: u.id,
    name: u.name,
    grants: u.grants ?? [],
    scopes: u.scopes ?? [],
    clientName: u.clientName ?? 'Fake user-grant client',
  };
}

/** Concrete permissions (`domain:entity:action`) a policy lists; wildcards kept as `*`. */
export function policyPermissions(p: FakePolicy): string[] {
  return p.actionSet.map((a) => `${p.domain}:${p.entityName}:${a}`);
}
