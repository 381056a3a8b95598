/**
 * Why `check` did not predict a 403 of the deploy log (an `unpredicted-403`), from what the data
 * shows and nothing more: the log (the call, the permissions or the code it names, the division, the
 * resource), the manifest's plans (the org's requirements), the catalog's entry of the call (swagger
 * `x-inin-requires-permissions` and `security`) and the principal `check` evaluated (declared in the
 * manifest, or read live). Also the OAuth scopes a refusal without a permission (`not.authorized`)
 * points at. Pure.
 */
import type { CatalogOperation } from '../catalog/catalog.js';
import { divisionCovered } from '../evaluate/evaluate.js';
import { policyCovers } from '../evaluate/permissions.js';
import { credentialNames } from '../grants/credentials.js';
import type { OrgReport } from '../report/model.js';
import type { Finding, GrantType, PermissionSet, Principal, Requirement } from '../types.js';
import type { LogFailure } from './model.js';
import { isTerraformAddress } from './resolve.js';

/**
 * Why check did not predict a 403:
 * - `no-plan`: no plan of the manifest makes the call (with no call named: needs the permissions
 *   named): a gap in check's plans when the deploy only deploys what the manifest lists;
 * - `not-in-manifest`: the log names an object (Terraform address, Archy flow) the manifest does
 *   not have for the org: check never evaluated what the deploy did to it;
 * - `other-grants`: the plan makes the call and the principal check evaluated holds what the body
 *   names, in that division: the deploy ran with other grants than the ones checked;
 * - `other-division`: the plan makes the call in other divisions than the one the log names;
 * - `catalog-differs`: the platform named other permissions than those check evaluated the call
 *   against (the catalog's, or the plan's rule);
 * - `unverified`: check reported that it could not verify the call (not in the catalog, a
 *   conditional policy);
 * - `no-permission-named`: the refusal names no permission (`not.authorized`, or no error body):
 *   the scopes the catalog admits the call with say what to look at;
 * - `org-unknown`: the log names no org of a manifest of several, and none was selected;
 * - `unexplained`: the plan makes the call, the principal lacks what the body names there, yet
 *   check reported nothing (or the log names neither a call nor a permission): to be reported.
 */
export type UnpredictedCause =
  | 'no-plan'
  | 'not-in-manifest'
  | 'other-grants'
  | 'other-division'
  | 'catalog-differs'
  | 'unverified'
  | 'no-permission-named'
  | 'org-unknown'
  | 'unexplained';

/** The catalog's entry of the failed call: what it needs and the OAuth scopes that admit it. */
export interface CatalogEntry {
  /** `x-inin-requires-permissions`; null: no permission beyond a valid token. */
  permissions: PermissionSet | null;
  /** swagger `security`: the OAuth scopes that admit the call (any one suffices). */
  scopes: string[];
  /** True when the catalog does not know the call's scopes (`x-derived-security-unknown`). */
  scopesUnknown: boolean;
}

/**
 * A refusal that names no permission: the OAuth scopes the catalog admits the call with (swagger
 * `security`), and the org's principal's side of them when it is known.
 */
export interface ScopeFacts {
  /** Scopes that admit the call (any one suffices); empty when unknown or none published. */
  admit: string[];
  /** True when the call is not in the catalog or the catalog does not publish its scopes. */
  unknown: boolean;
  /** The grant of the org's principal (client credentials: scopes do not apply to its tokens). */
  grant?: GrantType;
  /** Where the principal comes from: declared in the manifest, or read live. */
  source?: 'declared' | 'live';
  /** A user principal's scopes: declared in the manifest, or of the live token. */
  scopes?: string[];
  /** Those of {@link scopes} that admit the call. */
  admitting?: string[];
}

/** What the cause analysis gives an unpredicted 403: the cause, why in words, and what to do. */
export interface CauseResult {
  cause: UnpredictedCause;
  /** Sentences (capitalised, no final full stop) saying what the data shows. */
  reason: string;
  fix?: string;
  remedy?: Finding['remedy'];
}

/** What the cause analysis reads. */
export interface CauseInput {
  failure: LogFailure;
  /** The org's report (absent: the org is not known). */
  orgReport?: OrgReport;
  /** Names of the report's orgs (for `org-unknown`). */
  orgNames: readonly string[];
  principal?: Principal;
  /** The labels of the org's resources the log's object name designates, and whether that is conclusive. */
  named: { labels: Set<string>; conclusive: boolean };
  /** The resource the failure is about (matched), if any. */
  resource?: string;
  /** The division of the failure (log or manifest). */
  division?: { name: string; from: 'log' | 'manifest' };
  entry?: CatalogOperation;
  /** The error and conditional findings of evaluating `perms` in `division` against the principal. */
  evaluateIn(perms: PermissionSet, division: string | null): Finding[];
}

const code = (s: string) => `\`${s}\``;

/** `one of `a`, `b`` (ANY) or `all of `a`, `b`` (ALL); a single permission by itself. */
export function needText(perms: PermissionSet): string {
  if (perms.values.length === 1) return code(perms.values[0]!);
  return `${perms.mode === 'ANY' ? 'one of' : 'all of'} ${perms.values.map(code).join(', ')}`;
}

const list = (xs: readonly string[]) => xs.map(code).join(', ');
const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/** " in division D" / " in divisions D, E" / "" (not division-bound). */
function inDivisions(divisions: readonly (string | null)[]): string {
  const named = unique(divisions.filter((d): d is string => d !== null));
  if (!named.length) return '';
  return ` in division${named.length === 1 ? '' : 's'} ${named.join(', ')}`;
}

/** The roles of the principal that hold one of `perms` in `division`, by their policies. */
function holdingRoles(principal: Principal, perms: PermissionSet, division: string | null): string[] {
  const roles = principal.roles.filter(
    (r) =>
      (division === null || divisionCovered(r.divisions, division)) &&
      r.permissions.some((p) => !p.conditional && perms.values.some((v) => policyCovers(p.permission, v))),
  );
  return unique(roles.map((r) => r.role));
}

/** The requirements of the org's plans that make the failed call (or need the permissions named). */
function plannedCalls(input: CauseInput, orgReport: OrgReport): Requirement[] {
  const { failure, named } = input;
  let reqs = orgReport.requirements;
  if (named.conclusive) reqs = reqs.filter((q) => named.labels.has(q.resource));
  else if (input.resource) reqs = reqs.filter((q) => q.resource === input.resource);
  if (failure.operation) return reqs.filter((q) => q.operation === failure.operation);
  const perms = failure.permissions?.values ?? [];
  if (!perms.length) return [];
  return reqs.filter((q) => q.permissions?.values.some((p) => perms.includes(p)) ?? false);
}

/** Sets compared as sets: the body's values all among the requirement's (an ALL body names the missing ones only). */
function within(body: PermissionSet, req: PermissionSet | null): boolean {
  return req !== null && body.values.every((v) => req.values.includes(v));
}

const sameSet = (a: PermissionSet | null, b: PermissionSet | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.mode === b.mode &&
    a.values.length === b.values.length &&
    a.values.every((v) => b.values.includes(v)));

/** What to do when the deploy ran with other grants than the checked ones (a user principal: its token). */
function recheckFix(org: string, principal: 'declared' | 'live' | 'none', grant?: GrantType): string {
  const names = credentialNames(org);
  const vars =
    grant === 'user'
      ? `${names.accessToken} set to the token the deploy uses`
      : `${names.clientId} and ${names.clientSecret} set to the OAuth client the deploy uses ` +
        `(or ${names.accessToken} to its token)`;
  const reads = grant === 'user' ? "the token's roles and scopes" : 'the roles that client holds';
  return principal === 'live'
    ? `re-run check (live) with ${vars}: it reads ${reads} now`
    : `run check in live mode with the deploy's own credentials: genesys-preflight check --mode live with ${vars}; ` +
        `it reads ${reads}`;
}

/** "The plan of X makes" / "The plans of X, Y make". */
function planMakes(reqs: readonly Requirement[]): string {
  const labels = unique(reqs.map((q) => q.resource));
  return labels.length === 1 ? `The plan of ${labels[0]} makes` : `The plans of ${labels.join(', ')} make`;
}

/** "does not hold `a`" / "holds none of `a`, `b`" (ANY) / "does not hold all of `a`, `b`" (ALL). */
function lacksText(perms: PermissionSet): string {
  if (perms.mode === 'ANY' && perms.values.length > 1) return `holds none of ${list(perms.values)}`;
  return `does not hold ${needText(perms)}`;
}

/** The scope facts of a call, for a refusal naming no permission. */
export function scopeFacts(entry: CatalogOperation | undefined, principal?: Principal): ScopeFacts {
  const admit = entry && !entry.scopesUnknown ? [...entry.scopes] : [];
  const facts: ScopeFacts = { admit, unknown: !entry || entry.scopesUnknown };
  if (principal) {
    facts.grant = principal.grant;
    facts.source = principal.source;
    if (principal.grant === 'user') {
      facts.scopes = [...principal.scopes];
      facts.admitting = principal.scopes.filter((s) => admit.includes(s));
    }
  }
  return facts;
}

/**
 * What the catalog says about the scopes of `operation`, and what the org's principal has of them:
 * the sentences and the fix. `org` and `principalKind` name the principal's origin. Scopes limit user
 * tokens only (SDK model `OAuthClient`: "Scopes only apply to clients not using the client_credential
 * grant"; "Roles and divisions only apply to clients using the client_credential grant"; see
 * src/genesys/models.ts).
 */
export function scopeAdvice(
  operation: string,
  facts: ScopeFacts,
  entry: CatalogOperation | undefined,
  org?: string,
  principalKind: 'declared' | 'live' | 'none' = 'none',
): { reason: string; fix?: string; remedy?: Finding['remedy'] } {
  if (!entry) return { reason: `${operation} is not in the catalog: the OAuth scopes that admit it are not known` };
  if (entry.scopesUnknown)
    return {
      reason: `The catalog does not publish the OAuth scopes of ${operation} (swagger x-derived-security-unknown)`,
    };
  if (!facts.admit.length) return { reason: `The catalog (swagger security) names no OAuth scope for ${operation}` };
  const needs = entry.permissions
    ? `; it also needs ${needText(entry.permissions)} (x-inin-requires-permissions)`
    : '; it needs no permission beyond the token (no x-inin-requires-permissions)';
  const admits = `The catalog (swagger security) admits ${operation} with ${
    facts.admit.length === 1 ? 'the OAuth scope' : 'one of the OAuth scopes'
  } ${list(facts.admit)}${needs}`;
  const best = operation.startsWith('GET ')
    ? (facts.admit.find((s) => s.endsWith(':readonly')) ?? facts.admit[0]!)
    : (facts.admit.find((s) => !s.endsWith(':readonly')) ?? facts.admit[0]!);
  const addScope =
    `add ${facts.admit.length === 1 ? 'scope' : 'one of the scopes'} ${list(facts.admit)} ` +
    'to the OAuth client the deploy token is issued to';
  const remedy: Finding['remedy'] = { kind: 'add-scope', permissions: [best], division: null };
  const who = org ? `The principal of org ${org}` : 'The principal';
  const where = principalKind === 'declared' ? 'declares' : 'has';
  if (facts.grant === 'user') {
    const held = facts.admitting ?? [];
    const scopes = facts.scopes ?? [];
    if (!held.length) {
      const has = scopes.length ? `the scopes ${list(scopes)}, none of which admits it` : 'no scope';
      return { reason: `${admits}. ${who} (a user token) ${where} ${has}`, fix: addScope, remedy };
    }
    return {
      reason:
        `${admits}. ${who} (a user token) ${where} ${list(held)}, which admits it: the deploy's token was refused ` +
        'all the same (a token without that scope, or another OAuth client)',
      fix: org ? recheckFix(org, principalKind, 'user') : 'check the scopes of the token the deploy uses',
    };
  }
  if (facts.grant === 'client-credentials') {
    return {
      reason:
        `${admits}. ${who} is a client-credentials OAuth client: Genesys applies no scopes to its tokens ` +
        '(roles and divisions decide), so a refusal of such a token is not about scopes: the call may need ' +
        "a user's token (an API a client cannot call), or the deploy used other credentials",
      fix: `if the deploy uses a user token: ${addScope}; if it uses the client-credentials client: ${recheckFix(
        org ?? 'ORG',
        principalKind,
      )}`,
    };
  }
  return {
    reason: `${admits}. Scopes limit user tokens only (client-credentials tokens are not limited by scopes)`,
    fix: `with a user token: ${addScope} (client-credentials tokens are not limited by scopes: their roles decide)`,
    remedy,
  };
}

/**
 * The cause of an unpredicted 403, in the order the data decides it. A refusal naming no permission
 * also gets the OAuth scopes the catalog admits the call with, whatever the cause.
 */
export function unpredictedCause(input: CauseInput): CauseResult {
  const result = causeOf(input);
  const { failure, orgReport } = input;
  if (result.cause === 'no-permission-named' || failure.permissions?.values.length || !failure.operation) return result;
  const advice = scopeAdvice(
    failure.operation,
    scopeFacts(input.entry, input.principal),
    input.entry,
    orgReport?.name,
    orgReport?.principal,
  );
  const remedy = result.fix ? result.remedy : advice.remedy;
  return {
    ...result,
    reason: `${result.reason}. ${advice.reason}`,
    ...(result.fix || advice.fix ? { fix: result.fix ?? advice.fix } : {}),
    ...(remedy ? { remedy } : {}),
  };
}

function causeOf(input: CauseInput): CauseResult {
  const { failure, orgReport, principal, division, entry } = input;
  const operation = failure.operation;
  const perms = failure.permissions;
  if (!orgReport) {
    const names = input.orgNames.join(', ');
    return {
      cause: 'org-unknown',
      reason:
        `The log names no org id of the manifest's orgs (${names}) and no org was selected: ` +
        "the failure cannot be put in an org's terms",
      fix: `run diagnose with --org ORG (one of ${names})`,
    };
  }
  const org = orgReport.name;
  const evaluated = principal ? (principal.source === 'live' ? 'read live' : 'declared in the manifest') : undefined;
  const kind = orgReport.principal;

  // 1. The log names an object the manifest does not have.
  if (input.named.conclusive && input.named.labels.size === 0) {
    const name = failure.resource!;
    const tf = isTerraformAddress(name);
    const what = tf ? name : `the flow '${name}'`;
    const reason =
      `The log names ${what}, which is no ${tf ? 'resource' : 'flow'} of the manifest for org ${org}` +
      `${tf ? ' (nor of its Terraform plan)' : ''}: check did not evaluate what the deploy did to it`;
    const add = tf
      ? "export the plan the deploy applied (terraform show -json) as the manifest's terraform plan, " +
        `so that check reads ${name}`
      : `add the flow '${name}' to the manifest's flows (its file, or its name, type and division)`;
    const nowhere = perms ? input.evaluateIn(perms, null).find((f) => f.severity === 'error') : undefined;
    if (nowhere?.fix)
      return {
        cause: 'not-in-manifest',
        reason: `${reason}. The principal check evaluated holds ${needText(perms!)} in no division`,
        fix: `${nowhere.fix}; and ${add}`,
        ...(nowhere.remedy ? { remedy: nowhere.remedy } : {}),
      };
    return {
      cause: 'not-in-manifest',
      reason,
      fix: `${add}, then run check again: it names the role and division the call needs`,
    };
  }

  // 2. No plan makes the call.
  const planned = plannedCalls(input, orgReport);
  if (!planned.length) {
    if (!operation && !perms?.values.length)
      return {
        cause: 'unexplained',
        reason:
          'The log names neither the call nor a permission: no plan of the manifest can be matched to it. ' +
          'Please report this with the log excerpt',
      };
    const action = operation ? 'this call' : `a call needing ${needText(perms!)}`;
    const labels = input.named.conclusive ? [...input.named.labels] : input.resource ? [input.resource] : [];
    const subject = labels.length
      ? `The ${labels.length === 1 ? 'plan' : 'plans'} of ${labels.join(', ')} (org ${org}) ` +
        `do${labels.length === 1 ? 'es' : ''} not make ${action}`
      : `No plan of the manifest makes ${action} for org ${org}`;
    const gap =
      `${subject}: if the deploy only deploys what the manifest lists, this is a gap in check's plans. ` +
      'Please report this gap with the log excerpt';
    // The principal may hold what the body names all the same: then no grant is the fix.
    if (principal && perms?.values.length && input.evaluateIn(perms, division?.name ?? null).length === 0) {
      if (division)
        return {
          cause: 'no-plan',
          reason:
            `${gap}. The principal check evaluated (${evaluated}) holds ${needText(perms)} in division ` +
            `${division.name}: the deploy also ran with other grants than the ones checked`,
          fix: recheckFix(org, kind, principal.grant),
        };
      return {
        cause: 'no-plan',
        reason:
          `${gap}. The principal check evaluated (${evaluated}) holds ${needText(perms)} in some division; ` +
          "the log does not say the call's",
      };
    }
    return { cause: 'no-plan', reason: gap };
  }
  const plannedDivisions = unique(planned.map((q) => q.division));
  const plan = planMakes(planned);
  const callText = operation ? 'this call' : `a call needing ${needText(perms!)}`;

  // 3. No permission named: the scopes.
  if (!perms?.values.length) {
    const checked = `${plan} ${callText}${inDivisions(plannedDivisions)} and check found nothing missing for it`;
    const advice = scopeAdvice(operation ?? 'the call', scopeFacts(entry, principal), entry, org, kind);
    return {
      cause: 'no-permission-named',
      reason: `${checked}. ${advice.reason}`,
      ...(advice.fix ? { fix: advice.fix } : {}),
      ...(advice.remedy ? { remedy: advice.remedy } : {}),
    };
  }

  // 4. The principal holds what the body names, wherever check looked (or where the log says).
  const divisions = division ? [division.name] : plannedDivisions;
  const errorsIn = (d: string | null) => input.evaluateIn(perms, d);
  const holds = principal
    ? divisions.every((d) => errorsIn(d).length === 0)
    : planned.every((q) => within(perms, q.permissions)) &&
      divisions.every((d) => plannedDivisions.includes(d)) &&
      !orgReport.findings.some(
        (f) =>
          (f.severity === 'error' || f.code === 'conditional-permission' || f.code === 'unverifiable') &&
          f.operation !== undefined &&
          planned.some((q) => q.operation === f.operation && q.resource === f.resource),
      );
  if (holds) {
    const roles = principal ? unique(divisions.flatMap((d) => holdingRoles(principal, perms, d))) : [];
    const byRoles = roles.length ? ` (role${roles.length === 1 ? '' : 's'} ${roles.join(', ')})` : '';
    const who = evaluated
      ? `the principal check evaluated (${evaluated}) holds ${needText(perms)}${inDivisions(divisions)}${byRoles}`
      : `check found the principal (${kind}) holding ${needText(perms)}${inDivisions(divisions)}`;
    const ways =
      kind === 'live'
        ? 'another OAuth client than the one check read, or roles changed since check ran'
        : 'the OAuth client the deploy used is not the one the manifest declares, ' +
          'or its roles differ from the declared ones';
    return {
      cause: 'other-grants',
      reason:
        `${plan} ${callText}${inDivisions(plannedDivisions)}, and ${who}: ` +
        `the deploy ran with other grants than the ones checked (${ways})`,
      fix: recheckFix(org, kind, principal?.grant),
    };
  }
  const lacking = principal ? divisions.flatMap((d) => errorsIn(d)).find((f) => f.severity === 'error') : undefined;
  const evaluatedFix = lacking?.fix;
  const withFix = (r: Omit<CauseResult, 'fix' | 'remedy'>, fix = evaluatedFix): CauseResult => ({
    ...r,
    ...(fix ? { fix } : {}),
    ...(lacking?.remedy ? { remedy: lacking.remedy } : {}),
  });

  // 5. Refused in a division the plans do not place the call in.
  if (division?.from === 'log' && !plannedDivisions.includes(division.name)) {
    const lacks = principal ? ` and the principal it evaluated ${lacksText(perms)} there` : '';
    const placed = unique(plannedDivisions.filter((d): d is string => d !== null));
    const back = placed.length === 1 && evaluatedFix ? ` (or move the object to division ${placed[0]})` : '';
    return withFix(
      {
        cause: 'other-division',
        reason:
          `${plan} ${callText}${inDivisions(plannedDivisions) || ' (not division-bound)'}; the platform ` +
          `refused it in division ${division.name} (named in the log), where check did not evaluate it${lacks}: ` +
          'the object is in another division than the manifest places it in',
      },
      evaluatedFix ? `${evaluatedFix}${back}` : undefined,
    );
  }

  // 6. check said it could not verify the call.
  const unverified = orgReport.findings.filter(
    (f) =>
      (f.code === 'unverifiable' || f.code === 'conditional-permission') &&
      planned.some((q) => q.operation === f.operation && q.resource === f.resource),
  );
  const unverifiable = planned.filter((q) => q.unverifiable);
  if (unverified.length || unverifiable.length) {
    const codes = unique(unverified.map((f) => f.code));
    const why = unverifiable.length
      ? `check could not verify it: ${unverifiable[0]!.unverifiable}`
      : `check reported that it could not verify it (${codes.join(', ')})`;
    return withFix(
      { cause: 'unverified', reason: `${plan} ${callText}, but ${why}` },
      evaluatedFix ?? unverified.find((f) => f.fix)?.fix,
    );
  }

  // 7. The platform named other permissions than those check evaluated the call against.
  if (!planned.some((q) => within(perms, q.permissions))) {
    const sets = unique(planned.map((q) => q.permissions).filter((p): p is PermissionSet => p !== null));
    const evaluatedSets = sets.length ? sets.map(needText).join('; ') : 'no permission';
    const fromCatalog = entry && sets.every((s) => sameSet(s, entry.permissions));
    const source = fromCatalog
      ? "the catalog's requirement, swagger x-inin-requires-permissions"
      : entry
        ? `the plan's rule; the catalog says ${entry.permissions ? needText(entry.permissions) : 'no permission'}`
        : 'the call is not in the catalog';
    const which =
      perms.mode === 'ANY' && perms.values.length > 1 ? 'none of which the principal' : 'which the principal';
    const lacks = principal
      ? `, ${which} check evaluated ${which.startsWith('none') ? 'holds' : 'does not hold'}${inDivisions(divisions)}`
      : '';
    return withFix(
      {
        cause: 'catalog-differs',
        reason:
          `${plan} ${callText}; check evaluated it against ${evaluatedSets} (${source}), and the platform ` +
          `named ${needText(perms)}${lacks}: what the platform enforced differs from what check evaluated. ` +
          'Please report the difference with the log excerpt',
      },
      evaluatedFix,
    );
  }

  // 8. Nothing in the data explains it.
  const lacks = principal ? ` and the principal it evaluated ${lacksText(perms)} there` : '';
  return withFix({
    cause: 'unexplained',
    reason:
      `${plan} ${callText}${inDivisions(divisions)}${lacks}, yet check reported nothing for it. ` +
      'Please report this with the log excerpt',
  });
}
