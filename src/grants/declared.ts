/**
 * Offline grants: the principal an org declares in the manifest (`orgs[].principal`), with the
 * roles it names resolved against `roles:`. Divisions default to Home (Genesys grants a role in
 * the home division unless told otherwise); `*` means all divisions, present and future.
 */
import type { LoadedManifest } from '../manifest/load.js';
import type { PermissionDecl } from '../manifest/types.js';
import type { Principal, PolicyPermission, RoleGrant } from '../types.js';
import { HOME as HOME_DIVISION } from '../domain/divisions.js';
import { fatal } from '../util/errors.js';
import type { GrantsReader } from './types.js';

/** The declared principal of org `orgIndex`, or undefined when the org declares none. */
export function declaredPrincipal(loaded: LoadedManifest, orgIndex: number): Principal | undefined {
  const org = loaded.manifest.orgs[orgIndex]!;
  const decl = org.principal;
  if (!decl) return undefined;
  const roles: RoleGrant[] = (decl.roles ?? []).map((r, j) => {
    const def = loaded.manifest.roles?.[r.role];
    const grant: RoleGrant = {
      role: r.role,
      permissions: rolePermissions(loaded, r.role, def?.permissions ?? []),
      divisions: (r.divisions ?? [HOME_DIVISION]).map((name) => ({ name })),
      location: loaded.locate(['orgs', orgIndex, 'principal', 'roles', j]),
    };
    if (def) grant.roleLocation = loaded.locate(['roles', r.role], true);
    return grant;
  });
  const p: Principal = { grant: decl.grant, scopes: decl.scopes ?? [], roles, source: 'declared' };
  if (decl.scopes) p.scopesLocation = loaded.locate(['orgs', orgIndex, 'principal', 'scopes']);
  return p;
}

function rolePermissions(loaded: LoadedManifest, role: string, decls: PermissionDecl[]): PolicyPermission[] {
  return decls.map((d, k) => {
    const location = loaded.locate(['roles', role, 'permissions', k]);
    return typeof d === 'string'
      ? { permission: d, location }
      : { permission: d.permission, conditional: d.condition !== undefined, location };
  });
}

/** Offline grants: the declared principal, or a fatal finding when the org declares none. */
export const declaredGrants: GrantsReader = async (org, i, { loaded }) => {
  const principal = declaredPrincipal(loaded, i);
  if (principal) return { principal, findings: [], orgId: org.orgId ?? null };
  return {
    findings: [
      fatal(
        'manifest-invalid',
        `org ${org.name} declares no principal: offline mode checks orgs[].principal (grant, roles, divisions)`,
        loaded.locate(['orgs', i]),
        'declare the principal, or run with --mode live and credentials',
      ),
    ],
    orgId: org.orgId ?? null,
  };
};
