/** Small builders for tests: resources, principals, requirements. */
import type {
  Deployer,
  Principal,
  Requirement,
  Resource,
  ResourceAction,
  ResourceBase,
  ResourceKind,
  RoleGrant,
} from '../../src/types.js';

export const LOC = { file: 'genesys-preflight.yml', line: 1, column: 1 };

/** The details a resource of each kind has when a test says nothing of them. */
const DEFAULT_DETAILS: Record<ResourceKind, Record<string, unknown>> = {
  flow: { forceUnlock: false },
  script: { publish: true },
  scheduleGroup: {},
  wfmAgentAssignment: { businessUnit: 'BU', managementUnit: 'MU', agents: [] },
  wfmSchedule: { businessUnit: 'BU', publish: false },
  premiumApp: { integrationType: 'x', provision: [] },
  terraform: { type: 'genesyscloud_routing_queue', address: 'genesyscloud_routing_queue.q', change: {} },
};

/** What a test may set on a resource: base fields, and details merged over the kind's defaults. */
export type ResourceOverrides = Partial<Omit<ResourceBase, 'action'>> & { details?: Record<string, unknown> };

/** A resource of `kind` (details: the kind's defaults, then `extra.details`); tests only, hence the cast. */
export function resource(
  kind: ResourceKind,
  action: ResourceAction = 'deploy',
  deployer: Deployer = 'api',
  extra: ResourceOverrides = {},
): Resource {
  return {
    kind,
    name: `${kind}-1`,
    action,
    deployer,
    division: 'Home',
    orgs: ['org'],
    location: LOC,
    ...extra,
    details: { ...DEFAULT_DETAILS[kind], ...extra.details },
  } as Resource;
}

export function grant(
  role: string,
  permissions: Array<string | { permission: string; conditional?: boolean }>,
  divisions: string[] = ['Home'],
): RoleGrant {
  return {
    role,
    permissions: permissions.map((p) => (typeof p === 'string' ? { permission: p } : p)),
    divisions: divisions.map((name) => ({ name })),
  };
}

export function principal(roles: RoleGrant[], extra: Partial<Principal> = {}): Principal {
  return { grant: 'client-credentials', scopes: [], roles, source: 'declared', ...extra };
}

export function requirement(
  operation: string,
  mode: 'ANY' | 'ALL' | null,
  values: string[],
  division: string | null = 'Home',
  extra: Partial<Requirement> = {},
): Requirement {
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
