/** Manifest v1 as declared by the user (docs/DESIGN.md §3). Validated by schema.ts before use. */
import type { Deployer, GrantType, ResourceAction } from '../types.js';

export interface ManifestV1 {
  version: 1;
  defaults?: { deployer?: Deployer; division?: string };
  orgs: OrgDecl[];
  roles?: Record<string, RoleDecl>;
  flows?: FlowDecl[];
  scripts?: ScriptDecl[];
  scheduleGroups?: ScheduleGroupDecl[];
  wfm?: { agentAssignments?: AgentAssignmentDecl[]; schedules?: WfmScheduleDecl[] };
  premiumApps?: PremiumAppDecl[];
  terraform?: { plan: string; baseDir?: string; orgs?: string[] };
  /** Accepted findings (src/manifest/accept.ts reads and checks them). */
  accept?: unknown[];
}

export interface OrgDecl {
  name: string;
  /** Region id (`us-east-1`) or host (`mypurecloud.com`). */
  region: string;
  orgId?: string;
  /** NAMES of environment variables holding the credentials (live mode). */
  credentials?: {
    clientId?: string;
    clientSecret?: string;
    accessToken?: string;
    apiBase?: string;
    loginBase?: string;
  };
  principal?: PrincipalDecl;
}

export interface PrincipalDecl {
  grant: GrantType;
  scopes?: string[];
  roles?: Array<{ role: string; divisions?: string[] }>;
}

export type PermissionDecl = string | { permission: string; condition?: string };

export interface RoleDecl {
  description?: string;
  permissions: PermissionDecl[];
}

interface ResourceCommon {
  action?: ResourceAction;
  /** Whether the object already exists (settles a deploy's create-or-update branch); unknown = both. */
  exists?: boolean;
  deployer?: Deployer;
  orgs?: string[];
}

export interface FlowDecl extends ResourceCommon {
  file?: string;
  name?: string;
  type?: string;
  division?: string;
  optionsFile?: string;
  substitutions?: Record<string, string | number | boolean>;
  forceUnlock?: boolean;
}

export interface ScriptDecl extends ResourceCommon {
  name: string;
  file?: string;
  division?: string;
  publish?: boolean;
  substitutions?: Record<string, string | number | boolean>;
}

export interface ScheduleGroupDecl extends ResourceCommon {
  name: string;
  division?: string;
}

export interface AgentAssignmentDecl extends ResourceCommon {
  businessUnit: string;
  managementUnit: string;
  agents: string[];
  division?: string;
}

export interface WfmScheduleDecl extends ResourceCommon {
  businessUnit: string;
  weekDate?: string;
  publish?: boolean;
  division?: string;
}

export interface PremiumAppDecl extends ResourceCommon {
  integrationType: string;
  name?: string;
  provision?: string[];
  config?: string;
}
