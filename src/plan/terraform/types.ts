/**
 * The shape of the CX-as-Code call tables: per `genesyscloud_*` resource type and Terraform action,
 * the Platform API calls terraform-provider-genesyscloud makes, read from its Go code at v1.84.1
 * (commit in src/plan/sources.ts `PROVIDER`), each with the file and lines of the SDK call and the
 * condition under which the provider makes it.
 *
 * The tables are facts written by hand from reading the provider's code (one file per family of
 * types in this folder); `scripts/verify-provider-calls.ts` re-reads a mirror of the provider and
 * checks that every cited line calls the SDK method of the cited operation.
 */

/**
 * When the provider makes a call, as a test on the planned resource change. Attribute names are
 * the resource's schema attributes; a dotted path (`media_settings_call.alerting_timeout_sec`)
 * reaches into nested blocks (any element of a list). The values tested are `change.after` for
 * create and update, `change.before` for delete.
 *
 * - `set`: the attribute is present and not empty (not null, `""`, `[]`, `{}` or `false`);
 * - `unset`: the opposite of `set`;
 * - `changed`: on update, the attribute differs between before and after (on create: `set`);
 * - `equals`: the attribute equals the value (strings compare case-insensitively);
 * - `not` / `any` / `all`: combinations;
 * - `server`: depends on what the org holds, which a plan cannot see (`"the role is a default
 *   role"`): the call is always kept (fail closed) and the condition is shown.
 *
 * A value Terraform knows only after apply satisfies every test (fail closed).
 */
export type CallCondition =
  | { set: string }
  | { unset: string }
  | { changed: string }
  | { equals: [attribute: string, value: string | number | boolean] }
  | { not: CallCondition }
  | { any: CallCondition[] }
  | { all: CallCondition[] }
  | { server: string };

/** One Platform API call of a provider resource's create, update or delete. */
export interface ProviderCall {
  /** `'METHOD /api/v2/path/{param}'`, the operation's path template as in the swagger. */
  call: string;
  /** Why the provider makes it, in a few words ("add the queue's members"). */
  purpose: string;
  /**
   * Where the SDK call is: path under `genesyscloud/` and lines, `routing_queue/genesyscloud_routing_queue_proxy.go#L213`
   * (or `#L210-L215`).
   */
  at: string;
  /** Where the resource's create/update/delete function reaches it, same form (optional). */
  via?: string;
  /** When the call is made; absent = always for this action. */
  if?: CallCondition;
  /** The condition in words, shown in findings and docs/FIDELITY.md ("if members is set"). Required with `if`. */
  when?: string;
  /** The call acts outside the resource's division (org-wide object, another object). */
  org?: true;
}

/** What the provider does for one resource type. */
export interface ProviderType {
  /** The resource's main file under `genesyscloud/` (its create/read/update/delete functions). */
  file: string;
  create: ProviderCall[];
  update: ProviderCall[];
  delete: ProviderCall[];
  /**
   * How an update that changes `division_id` moves the object: through the division-move operation
   * when the update lists it, else with its first PUT/PATCH on the object (the division in the body);
   * `none` when the update does not send the division (the object stays where it is).
   */
  divisionChange?: 'none';
  /** What the code leaves open (calls made through helpers not read, behaviour depending on the org). */
  notes?: string;
}

/** A family's table: resource type → what the provider does. */
export type ProviderTable = Readonly<Record<string, ProviderType>>;
