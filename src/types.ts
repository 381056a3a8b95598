/**
 * Domain types shared by every pipeline stage (see docs/DESIGN.md, "Pipeline").
 *
 * manifest ─load→ Manifest ─expand→ Resource[] ─plan→ PlannedCall[] ─require→ Requirement[]
 *          ─grants→ Principal ─evaluate→ Finding[] ─report→ text · JSON · markdown · annotations
 */

/** A place in a user's file. `line` and `column` are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'notice';

import type { WizardModule } from './domain/wizard.js';

/** Stable finding codes (contract: docs/DESIGN.md §4). */
export const FINDING_CODES = [
  'manifest-invalid',
  'file-not-found',
  'missing-permission',
  'missing-division-grant',
  'missing-scope',
  'org-mismatch',
  'region-mismatch',
  'auth-failed',
  'entitlement-missing',
  'unknown-permission',
  'unknown-scope',
  'conditional-permission',
  'unverifiable',
  'scopes-ignored',
  'excess-permission',
  'excess-division',
  'wildcard-grant',
  'admin-role',
  'unpredicted-403',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** One result of the evaluation, as written in the JSON report. */
export interface Finding {
  severity: Severity;
  code: FindingCode;
  message: string;
  /** How to fix it, in Genesys terms (role, permission, division). */
  fix?: string;
  /** `kind:name`, e.g. `flow:Main IVR`. */
  resource?: string;
  /** `METHOD /api/v2/path`, the operation that would fail. */
  operation?: string;
  /** Division name the requirement applies to, or null when it is not division-bound. */
  division?: string | null;
  /** Permissions (or scopes, for `missing-scope`) that are missing. */
  missing?: string[];
  /** Where the cause is: the manifest node, or the line in a flow file. */
  location?: SourceLocation;
  /** A second place worth pointing at (e.g. the role definition to extend). */
  related?: SourceLocation;
  /** The fix as data: which role to change, how, with which permissions, in which division. */
  remedy?: Remedy;
  /** A second fix the same requirement needs (an ALL set missing a permission and a division grant). */
  alsoRemedy?: Remedy;
  /** When the finding stops the check (exit 2): `manifest-invalid`, `file-not-found`, `auth-failed`, or a live fault. */
  fatal?: boolean;
  /**
   * The finding matched an entry of the manifest's `accept:` list (src/evaluate/accept.ts): it is a
   * notice now; `severity` is what it was, `entry` the entry's 0-based index.
   */
  accepted?: { reason: string; owner?: string; expires?: string; severity: Severity; entry: number };
}

/** A structured fix, grouped by reports into "role X: add P1, P2 (division D)". */
export interface Remedy {
  /** add-permission: add to an existing role; new-role: no role fits; grant-division: grant an existing role in one more division; add-scope: OAuth client scope. */
  kind: 'add-permission' | 'new-role' | 'grant-division' | 'add-scope';
  role?: string;
  permissions: string[];
  division: string | null;
}

/** Permission requirement of one operation, from the swagger's `x-inin-requires-permissions`. */
export interface PermissionSet {
  mode: 'ANY' | 'ALL';
  values: string[];
}

/** Who performs the deploy: it decides which API calls are made. */
export type Deployer = 'archy' | 'cx-as-code' | 'api';
export const DEPLOYERS: readonly Deployer[] = ['archy', 'cx-as-code', 'api'];

/** What is done to a resource. `deploy` = create-or-update, then publish where the kind publishes. */
export type ResourceAction = 'deploy' | 'create' | 'update' | 'delete' | 'publish';
export const RESOURCE_ACTIONS: readonly ResourceAction[] = ['deploy', 'create', 'update', 'delete', 'publish'];

export type ResourceKind =
  | 'flow'
  | 'script'
  | 'scheduleGroup'
  | 'wfmAgentAssignment'
  | 'wfmSchedule'
  | 'premiumApp'
  | 'terraform';

/** What every resource has, whatever its kind. */
export interface ResourceBase {
  /** Display name, e.g. the flow name read from the Archy file. */
  name: string;
  action: ResourceAction;
  deployer: Deployer;
  /** Division name the object lives in (Genesys default: Home). Null when the kind is not division-bound. */
  division: string | null;
  /** Org names this resource is deployed to. */
  orgs: string[];
  /** Where the resource is declared in the manifest. */
  location: SourceLocation;
  /** Where the division is stated (flow file line, manifest node), when it is. */
  divisionLocation?: SourceLocation;
}

/**
 * `exists: true|false` in the manifest settles a create-or-update deploy's branch (absent: both
 * branches are planned).
 */
interface Exists {
  exists?: boolean;
}

/** An Architect flow (manifest `flows:`, or a `genesyscloud_flow` in a Terraform plan). */
export interface FlowResource extends ResourceBase {
  kind: 'flow';
  details: Exists & {
    /** Archy flow type key (`inboundCall`...); undefined when the file is known only after apply. */
    flowType?: string | undefined;
    file?: string | undefined;
    forceUnlock: boolean;
    /** Names the flow file references (resolved by lookups at publish). */
    references?: FlowReference[];
    /** The Terraform address, for a flow from a plan. */
    address?: string;
  };
}

/** An agent script (manifest `scripts:`, or a `genesyscloud_script`). */
export interface ScriptResource extends ResourceBase {
  kind: 'script';
  details: Exists & { publish: boolean; file?: string | undefined; address?: string };
}

/** An Architect schedule group. */
export interface ScheduleGroupResource extends ResourceBase {
  kind: 'scheduleGroup';
  details: Exists;
}

/** Agents moved into a WFM management unit. */
export interface WfmAgentAssignmentResource extends ResourceBase {
  kind: 'wfmAgentAssignment';
  details: { businessUnit: string; managementUnit: string; agents: string[] };
}

/** A WFM schedule imported or updated for one week. */
export interface WfmScheduleResource extends ResourceBase {
  kind: 'wfmSchedule';
  details: Exists & { businessUnit: string; publish: boolean; weekDate?: string | undefined };
}

/** An AppFoundry premium app installed by the wizard. */
export interface PremiumAppResource extends ResourceBase {
  kind: 'premiumApp';
  details: {
    integrationType: string;
    /** Wizard modules the install provisions (validated against src/domain/wizard.ts). */
    provision: WizardModule[];
    config?: string | undefined;
    /** Permission names the wizard config writes, for the lint. */
    declaredNames?: DeclaredName[];
  };
}

/**
 * A resource change of a `terraform show -json` plan: what the plan stage tests the provider's call
 * conditions on (`before` for delete, `after` and `after_unknown` for create and update).
 */
export interface TerraformChange {
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
}

/** The Terraform actions a plan's change becomes (replace = delete + create). */
export type TerraformAction = 'create' | 'update' | 'delete';

/** A `genesyscloud_*` change of a Terraform plan other than flows and scripts. */
export interface TerraformResource extends ResourceBase {
  kind: 'terraform';
  action: TerraformAction;
  details: {
    /** `genesyscloud_routing_queue`... */
    type: string;
    /** The resource address (`module.x.genesyscloud_routing_queue.support`). */
    address: string;
    change: TerraformChange;
    /** The plan's `division_id`, when it names one. */
    divisionId?: string;
    /** This resource is the division an update moves the object out of (checked there too). */
    movedFrom?: boolean;
    /** Permission and scope names the plan writes (roles, OAuth clients), for the lint. */
    declaredNames?: DeclaredName[];
  };
}

/** A deployable object after expansion, one type per kind (the plan stage switches on `kind`). */
export type Resource =
  | FlowResource
  | ScriptResource
  | ScheduleGroupResource
  | WfmAgentAssignmentResource
  | WfmScheduleResource
  | PremiumAppResource
  | TerraformResource;

/**
 * Where the fact "this deployer makes this call" comes from (issue: every planned call cites it).
 * - `code`: the deployer's source at a pinned commit (terraform-provider-genesyscloud, the
 *   premium-app wizard);
 * - `docs`: a documentation page (Architect Scripting docs, the Platform API reference for the
 *   `api` deployer, which is the user's own code calling the documented endpoint);
 * - `provider-docs`: the provider's "API Usage" docs list only, not yet read from its code
 *   (findings say "from the provider docs, not its code").
 */
export type CallSource =
  | { kind: 'code'; repo: string; commit: string; path: string; lines?: string }
  | { kind: 'docs'; url: string; quote?: string }
  | { kind: 'provider-docs'; type: string; url: string };

/**
 * One API call a deployer makes for a resource, or one check its runtime makes before any call
 * (method `SESSION`, e.g. `SESSION /architect-scripting`: Archy's Architect Scripting session).
 */
export interface PlannedCall {
  /**
   * Where the fact that the deployer makes this call comes from: every plan table and importer sets
   * it (tested in __tests__/fidelity and __tests__/importers).
   */
  source: CallSource;
  method: string;
  /** Path template as in the swagger, e.g. `/api/v2/flows/{flowId}`; or a non-/api/v2 path. */
  path: string;
  /** Why the deployer makes the call ("find the flow by name", "publish"). */
  purpose: string;
  /** Whether the call acts on the resource's division (true) or is org-wide (false). */
  divisionBound: boolean;
  /**
   * The division the call acts in whatever the resource's division, e.g. `Home` for an object
   * created without a division (Resource Center: "By default, all objects belong to the Home
   * division", https://help.mypurecloud.com/?p=169725). Wins over `divisionBound`.
   */
  division?: string;
  /** When the call happens only in some cases ("if the flow does not exist yet"). */
  when?: string;
  /** Create-or-update branch: made only when the object is absent, or only when it is present. */
  branch?: 'absent' | 'present';
  /** Override of the catalog: a curated fact with its source, for calls the swagger does not describe. */
  note?: string;
  /** Location of the cause, when more precise than the resource (e.g. a reference in a flow file). */
  location?: SourceLocation;
  /**
   * Permissions the call needs instead of the catalog's, with the Genesys rule that says so
   * (e.g. the Architect Scripting session needs `architect:ui:view`; a division move needs the
   * object's edit permission); the rule's source is `source`.
   */
  requires?: PermissionSet;
  /**
   * `'METHOD /api/v2/path'` of another operation whose catalog permissions this call needs instead
   * of its own: a division move (`POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}`,
   * which the swagger gives no permission) needs the object's edit permission, i.e. what the object's
   * own update needs (Resource Center, "Move objects from one division to another"). `requires` wins.
   */
  requiresOf?: string;
  /** The source of the `requires` rule when it is not `source` (e.g. the Resource Center page on division moves). */
  requiresSource?: CallSource;
  /**
   * Why the fact "the deployer makes this call" is not confirmed (e.g. Archy is closed source: the
   * call stands for a documented Architect Scripting step), or how it is inferred. Documentation only.
   */
  unconfirmed?: string;
  /**
   * OAuth scopes of a step the catalog does not describe (a `SESSION` step with `requires`):
   * `[]` = none of its own (the calls it makes carry theirs). Ignored for catalog operations.
   */
  scopes?: string[];
}

/** A permission or scope name written in an input (role, wizard config, plan), for the lint. */
export interface DeclaredName {
  kind: 'permission' | 'scope';
  value: string;
  /** Where it is used, for the message ("wizard role Example Agent"). */
  where: string;
  location: SourceLocation;
}

/** What one planned call needs, joined with the catalog. */
export interface Requirement {
  /** `kind:name` */
  resource: string;
  action: ResourceAction;
  /** `METHOD /path` */
  operation: string;
  purpose: string;
  /** OAuth scopes that admit the call (any one suffices). Empty: none published. */
  scopes: string[];
  /** True when the catalog does not know the call's scopes (swagger `x-derived-security-unknown`). */
  scopesUnknown: boolean;
  /** Null when the operation needs no permission beyond authentication. */
  permissions: PermissionSet | null;
  /** Division the permissions must be granted in, or null when not division-bound. */
  division: string | null;
  when?: string;
  /** Where the division is stated (flow file line or manifest node), when it is. */
  divisionLocation?: SourceLocation;
  /** Set when the operation is not in the catalog (no published requirement): why it cannot be verified. */
  unverifiable?: string;
  location: SourceLocation;
  /** Where the fact that the deployer makes the call comes from (the planned call's `source`). */
  source?: CallSource;
}

/** A division as named in the manifest or read from Genesys (`AuthzDivision`). `*` = all divisions. */
export interface DivisionRef {
  name: string;
  id?: string;
}

/** One permission of a role's permission policy. */
export interface PolicyPermission {
  /** `domain:entity:action`, `*` allowed for entity or action. */
  permission: string;
  /** True when the policy carries conditions (cannot be verified statically). */
  conditional?: boolean;
  location?: SourceLocation;
}

/** A role granted to the principal in a set of divisions (Genesys `AuthzGrant`s folded per role). */
export interface RoleGrant {
  role: string;
  roleId?: string;
  permissions: PolicyPermission[];
  divisions: DivisionRef[];
  /** Where the grant is declared (offline) — used to point fixes at it. */
  location?: SourceLocation;
  /** Where the role is defined (offline). */
  roleLocation?: SourceLocation;
}

export type GrantType = 'client-credentials' | 'user';

/** What the deploy principal holds in one org: declared (offline) or read (live). */
export interface Principal {
  grant: GrantType;
  /** Authorized OAuth scopes (user grants only; ignored for client credentials). */
  scopes: string[];
  scopesLocation?: SourceLocation;
  roles: RoleGrant[];
  source: 'declared' | 'live';
  /**
   * Live only: per permission, the divisions Genesys says the subject holds it in
   * (`GET /api/v2/authorization/divisionspermitted/paged/me?permission=P`, SDK
   * `DivsPermittedEntityListing`); authoritative over the role policies when present.
   */
  permitted?: Record<string, { all: boolean; divisions: DivisionRef[] }>;
  /**
   * Live only: permissions the org's permission catalog lacks (product not enabled). No role can
   * grant them: they are reported once as `entitlement-missing`, and never offered as a fix.
   */
  unavailable?: ReadonlySet<string>;
  /**
   * Live only: permissions the org's catalog marks `divisionAware: false` (SDK `DomainPermission`):
   * a grant in any division gives them, whatever the object's division.
   */
  divisionUnaware?: ReadonlySet<string>;
}

/** Kinds of object an Archy flow can reference by name. */
export type ReferenceKind =
  | 'queue'
  | 'dataAction'
  | 'dataTable'
  | 'userPrompt'
  | 'systemPrompt'
  | 'scheduleGroup'
  | 'schedule'
  | 'emergencyGroup'
  | 'botFlow'
  | 'digitalBotFlow'
  | 'commonModule'
  | 'inqueueFlow'
  | 'flow'
  | 'secureFlow'
  | 'skill'
  | 'language'
  | 'wrapupCode'
  | 'user'
  | 'group'
  | 'script'
  | 'contactList'
  | 'knowledgeBase'
  | 'worktype'
  | 'flowOutcome'
  | 'flowMilestone';

/**
 * One reference to another object, found in a flow file.
 *
 * For a literal reference, `name` is the object's name as Architect looks it up (user prompts
 * without their `Prompt.` prefix, system prompts without `PromptSystem.`). For a `dynamic`
 * reference, `name` is what the file says instead of a name: the expression (`exp:`), the variable
 * (`var:`), or the literal handed to a run-time lookup (`findQueue` with `findName: lit: X`).
 */
export interface FlowReference {
  kind: ReferenceKind;
  name: string;
  /** Where the name (or the expression) is written in the flow file. */
  location: SourceLocation;
  /** Data actions: the action's category (the integration it belongs to), e.g. `Genesys Cloud Data Actions`. */
  integration?: string;
  /** True when the object is chosen at run time: the name cannot be checked before the deploy. */
  dynamic?: boolean;
}

/** Every reference kind, in a stable order (reports, tests). */
export const REFERENCE_KINDS: readonly ReferenceKind[] = [
  'queue',
  'dataAction',
  'dataTable',
  'userPrompt',
  'systemPrompt',
  'scheduleGroup',
  'schedule',
  'emergencyGroup',
  'botFlow',
  'digitalBotFlow',
  'commonModule',
  'inqueueFlow',
  'flow',
  'secureFlow',
  'skill',
  'language',
  'wrapupCode',
  'user',
  'group',
  'script',
  'contactList',
  'knowledgeBase',
  'worktype',
  'flowOutcome',
  'flowMilestone',
];

/** One entry of the manifest's `accept:` list (src/evaluate/accept.ts applies them). */
export interface Acceptance {
  code?: string;
  org?: string;
  resource?: string;
  operation?: string;
  permission?: string;
  /** Why the finding is accepted (required). */
  reason: string;
  /** `YYYY-MM-DD`: the acceptance lapses after this day. */
  expires?: string;
  /** Who answers for it (a team or a person). */
  owner?: string;
  /** Where the entry is written. */
  location?: SourceLocation;
}
