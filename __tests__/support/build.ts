/** Small builders for tests: resources, principals, requirements. */
import type { Deployer, Principal, Requirement, Resource, ResourceAction, ResourceKind, RoleGrant } from '../../src/types.js';

export const LOC = { file: 'genesys-preflight.yml', line: 1, column: 1 };

export function resource(kind: ResourceKind, action: ResourceAction = 'deploy', deployer: Deployer = 'api', extra: Partial<Resource> = {}): Resource {
  return { kind, name: `${kind}-1`, action, deployer, division: 'Home', orgs: ['org'], location: LOC, details: {}, ...extra };
}

export function grant(role: string, permissions: Array<string | { permission: string; conditional?: boolean }>, divisions: string[] = ['Home']): RoleGrant {
  return {
    role,
    permissions: permissions.map((p) => (typeof p === 'string' ? { permission: p } : p)),
    divisions: divisions.map((name) => ({ name })),
  };
}

export function principal(roles: RoleGrant[], extra: Partial<Principal> = {}): Principal {
  return { grant: 'client-credentials', scopes: [], roles, source: 'declared', ...extra };
}

export function requirement(operation: string, mode: 'ANY' | 'ALL' | null, values: string[], division: string | null = 'Home', extra: Partial<Requirement> = {}): Requirement {
  return {
    resource: 'flow:Main',
    action: 'deploy',
    operation,
    purpose: 'test',
    scopes: ['architect'],
    scopesUnknown: false,
    permissions: mode ? { mode, values } : null,
    division,
    location: LOC,
    ...extra,
  };
}
