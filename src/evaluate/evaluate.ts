/**
 * Evaluate stage: requirements × principal → findings (pure).
 *
 * Genesys rules applied (design card §1):
 * - an operation's permissions are ANY (one suffices) or ALL (each needed);
 * - a role's policy may use `*` for entity or action;
 * - a division-bound requirement needs the permission from a role granted in that division,
 *   or in `*` (all divisions); other requirements accept a grant in any division;
 * - client-credentials tokens act with the client's roles; scopes do not apply to them
 *   (SDK `OAuthClient`: "Scopes only apply to clients not using the client_credential grant");
 * - user tokens need one of the operation's scopes AND the user's permission.
 */
import type {
  DivisionRef,
  Finding,
  PermissionSet,
  PolicyPermission,
  Principal,
  Requirement,
  RoleGrant,
  SourceLocation,
} from '../types.js';
import { leastPrivileged, policyCovers } from './permissions.js';
import { cached } from '../util/memo.js';

/** How a permission is held in a division. */
type Coverage = 'held' | 'conditional' | 'elsewhere' | 'none';

/** Per principal, the holders of each permission: requirements repeat the same few permissions. */
const holderCache = new WeakMap<Principal, Map<string, Array<{ grant: RoleGrant; conditional: boolean }>>>();

/** Roles whose policies cover `permission`, with whether only conditional policies do (memoised per principal). */
function holders(principal: Principal, permission: string): Array<{ grant: RoleGrant; conditional: boolean }> {
  const cache = cached(holderCache, principal, () => new Map());
  return cached(cache, permission, () => computeHolders(principal, permission));
}

function computeHolders(principal: Principal, permission: string): Array<{ grant: RoleGrant; conditional: boolean }> {
  const out: Array<{ grant: RoleGrant; conditional: boolean }> = [];
  for (const g of principal.roles) {
    let hit: PolicyPermission | undefined;
    for (const p of g.permissions) {
      if (policyCovers(p.permission, permission)) {
        if (!p.conditional) {
          hit = p;
          break;
        }
        hit ??= p;
      }
    }
    if (hit) out.push({ grant: g, conditional: hit.conditional === true });
  }
  return out;
}

/** True when a grant's divisions cover division `name` (`*` covers all; names compare case-insensitively). */
export function divisionCovered(divisions: readonly DivisionRef[], name: string): boolean {
  const n = name.toLowerCase();
  return divisions.some(
    (d) => d.name === '*' || d.id === '*' || d.name.toLowerCase() === n || (d.id !== undefined && d.id === name),
  );
}

const coverageCache = new WeakMap<Principal, Map<string, Coverage>>();

/** How `permission` is held in `division` (memoised per principal: requirements repeat). */
function coverage(principal: Principal, permission: string, division: string | null): Coverage {
  const cache = cached(coverageCache, principal, () => new Map<string, Coverage>());
  return cached(cache, `${permission}\u0000${division ?? ''}`, () => computeCoverage(principal, permission, division));
}

function computeCoverage(principal: Principal, permission: string, division: string | null): Coverage {
  const server = principal.permitted?.[permission];
  if (server) {
    // Genesys' own answer decides; the role policies only tell whether a condition applies.
    const inDiv =
      server.all || (division === null ? server.divisions.length > 0 : divisionCovered(server.divisions, division));
    if (!inDiv) return server.divisions.length > 0 ? 'elsewhere' : 'none';
    const hs = holders(principal, permission).filter(
      (h) => division === null || divisionCovered(h.grant.divisions, division),
    );
    return hs.length > 0 && hs.every((h) => h.conditional) ? 'conditional' : 'held';
  }
  const hs = holders(principal, permission);
  if (hs.length === 0) return 'none';
  const inDiv = division === null ? hs : hs.filter((h) => divisionCovered(h.grant.divisions, division));
  if (inDiv.length === 0) return 'elsewhere';
  return inDiv.some((h) => !h.conditional) ? 'held' : 'conditional';
}

/** The role to extend with a missing permission: a role granted in the division, sharing the permission's domain if possible. */
function roleToExtend(principal: Principal, permission: string, division: string | null): RoleGrant | undefined {
  const candidates =
    division === null ? principal.roles : principal.roles.filter((r) => divisionCovered(r.divisions, division));
  const domain = permission.split(':')[0];
  const score = (r: RoleGrant) =>
    r.permissions.filter((p) => p.permission.split(':')[0] === domain || p.permission === '*').length;
  return [...candidates].sort((a, b) => score(b) - score(a))[0];
}

const code = (s: string) => `\`${s}\``;
const inDivision = (d: string | null) => (d === null ? '' : ` in division ${d}`);

/** Evaluates one org's requirements against its principal. */
export function evaluate(requirements: readonly Requirement[], principal: Principal, orgName: string): Finding[] {
  const findings: Finding[] = [];
  if (principal.grant === 'client-credentials' && principal.scopes.length > 0) {
    const f: Finding = {
      severity: 'notice',
      code: 'scopes-ignored',
      message: `org ${orgName}: scopes are declared for a client-credentials principal; Genesys ignores scopes for the client_credentials grant (roles and divisions decide)`,
      fix: 'remove "scopes" or set grant: user if the deploy uses a user token',
    };
    if (principal.scopesLocation) f.location = principal.scopesLocation;
    findings.push(f);
  }
  const scopeSet = new Set(principal.scopes);
  for (let i = 0; i < requirements.length; i++) {
    const req = requirements[i]!;
    if (req.unverifiable) {
      findings.push({
        severity: 'warning',
        code: 'unverifiable',
        ...about(req),
        message: `${callText(req)} cannot be verified: ${req.unverifiable}`,
        fix: 'confirm by hand that the deploy principal may make this call',
      });
      continue;
    }
    if (principal.grant === 'user') {
      if (req.scopesUnknown) {
        findings.push({
          severity: 'warning',
          code: 'unverifiable',
          ...about(req),
          message: `${req.resource}: the OAuth scopes of ${req.operation} are not published; the scope side cannot be checked`,
        });
      } else if (req.scopes.length > 0 && !req.scopes.some((s) => scopeSet.has(s))) {
        const best = req.operation.startsWith('GET ')
          ? (req.scopes.find((s) => s.endsWith(':readonly')) ?? req.scopes[0]!)
          : (req.scopes.find((s) => !s.endsWith(':readonly')) ?? req.scopes[0]!);
        const f: Finding = {
          severity: 'error',
          code: 'missing-scope',
          ...about(req),
          missing: [best],
          message: `${callText(req)} needs one of the OAuth scopes ${req.scopes.map(code).join(', ')}; the token's client is not authorized for any`,
          fix: `add scope ${code(best)} to the OAuth client the deploy token is issued to`,
          remedy: { kind: 'add-scope', permissions: [best], division: null },
        };
        if (principal.scopesLocation) f.related = principal.scopesLocation;
        findings.push(f);
      }
    }
    if (!req.permissions) continue;
    permissionFindings(req, principal, findings);
  }
  return findings;
}

/** The fields a finding about one requirement starts with, in this order. */
const about = (req: Requirement) => ({
  resource: req.resource,
  operation: req.operation,
  division: req.division,
  location: req.location,
});

/**
 * The outcome of one permission set in one division for a principal, without the resource:
 * requirements repeat the same few (set, division) pairs, so verdicts are computed once per
 * principal and turned into findings per requirement.
 */
interface Verdict {
  severity: Finding['severity'];
  code: Finding['code'];
  missing: string[];
  /** Message text after "<resource>: <operation> (<purpose>) ". */
  text: string;
  fix: string;
  remedy?: NonNullable<Finding['remedy']>;
  alsoRemedy?: NonNullable<Finding['remedy']>;
  related?: SourceLocation;
  /** Point at the division's declaration when the requirement has one (a division grant is missing). */
  atDivision?: boolean;
}

const verdictCache = new WeakMap<Principal, WeakMap<PermissionSet, Map<string, Verdict[]>>>();

function verdicts(principal: Principal, set: PermissionSet, requested: string | null): Verdict[] {
  // Permissions that are not division-aware are granted org-wide by a grant in any division.
  const unaware = principal.divisionUnaware;
  const division = requested !== null && unaware && set.values.every((p) => unaware.has(p)) ? null : requested;
  // Asked once per requirement: plain lookups, no closures (70,500 requirements per principal).
  let bySet = verdictCache.get(principal);
  if (bySet === undefined) verdictCache.set(principal, (bySet = new WeakMap()));
  let byDivision = bySet.get(set);
  if (byDivision === undefined) bySet.set(set, (byDivision = new Map()));
  let out = byDivision.get(division ?? '\u0000');
  if (out === undefined) byDivision.set(division ?? '\u0000', (out = computeVerdicts(principal, set, division)));
  return out;
}

/**
 * `<resource>: <operation> (<purpose>)`, the subject of a finding about one call. A call planned from
 * the provider's docs table rather than its code says so (issue 11: "from the provider docs, not its code").
 */
function callText(req: Requirement): string {
  const docs = req.source?.kind === 'provider-docs' ? '; from the provider docs, not its code' : '';
  return `${req.resource}: ${req.operation} (${req.purpose}${docs})`;
}

/** Appends the findings of a requirement's permission set (its verdicts, shared per set and division). */
function permissionFindings(req: Requirement, principal: Principal, findings: Finding[]): void {
  const vs = verdicts(principal, req.permissions!, req.division);
  if (vs.length === 0) return;
  const what = callText(req);
  for (const v of vs) {
    const f: Finding = {
      severity: v.severity,
      code: v.code,
      resource: req.resource,
      operation: req.operation,
      division: req.division,
      location: req.location,
      missing: v.missing,
      message: `${what} ${v.text}`,
      fix: v.fix,
    };
    if (v.remedy) f.remedy = v.remedy;
    if (v.alsoRemedy) f.alsoRemedy = v.alsoRemedy;
    if (v.atDivision && req.divisionLocation) {
      f.location = req.divisionLocation;
      f.related = req.location;
    } else if (v.related) f.related = v.related;
    findings.push(f);
  }
}

function computeVerdicts(principal: Principal, set: PermissionSet, division: string | null): Verdict[] {
  const { mode } = set;
  // Permissions the org's products do not provide cannot be granted: the entitlement finding
  // reports them; the choice and the fix are made among the others.
  const unavailable = principal.unavailable;
  const values = unavailable ? set.values.filter((p) => !unavailable.has(p)) : set.values;
  if (
    values.length === 0 ||
    (mode === 'ALL' &&
      values.length < set.values.length &&
      values.every((p) => coverage(principal, p, division) === 'held'))
  )
    return [];
  const cov = new Map(values.map((p) => [p, coverage(principal, p, division)] as const));
  const need =
    mode === 'ANY' && values.length > 1 ? `one of ${values.map(code).join(', ')}` : values.map(code).join(' and ');
  const out: Verdict[] = [];

  const satisfied =
    mode === 'ANY' ? values.some((p) => cov.get(p) === 'held') : values.every((p) => cov.get(p) === 'held');
  if (satisfied) return out;
  const satisfiedConditionally =
    mode === 'ANY'
      ? values.some((p) => cov.get(p) === 'held' || cov.get(p) === 'conditional')
      : values.every((p) => cov.get(p) === 'held' || cov.get(p) === 'conditional');
  if (satisfiedConditionally) {
    const conditional = values.filter((p) => cov.get(p) === 'conditional');
    out.push({
      severity: 'warning',
      code: 'conditional-permission',
      missing: conditional,
      text: `relies on ${conditional.map(code).join(', ')} from a conditional permission policy${inDivision(division)}; its condition cannot be verified before the deploy`,
      fix: `grant ${conditional.map(code).join(', ')} without a condition, or confirm the condition matches the deployed objects`,
    });
    return out;
  }

  // Which permissions to ask for: ANY → the least-privileged choice (preferring one already held
  // in another division, which only needs a division grant); ALL → each one not held.
  const wanted =
    mode === 'ANY'
      ? [pickAny(values, cov)]
      : values.filter((p) => cov.get(p) !== 'held' && cov.get(p) !== 'conditional');
  const elsewhere = wanted.filter((p) => cov.get(p) === 'elsewhere');
  const none = wanted.filter((p) => cov.get(p) === 'none');

  // One finding per requirement: a missing permission (with, for ALL sets, any division grant also
  // missing), else a missing division grant. Adding a permission or a grant never adds a finding.
  const grantRole = (perms: string[]) => {
    const roles = new Map<string, RoleGrant>();
    for (const p of perms) for (const h of holders(principal, p)) if (!h.conditional) roles.set(h.grant.role, h.grant);
    return [...roles.values()][0];
  };
  const grantRemedy = (perms: string[], role: RoleGrant | undefined): NonNullable<Finding['remedy']> =>
    role
      ? { kind: 'grant-division', role: role.role, permissions: perms, division }
      : { kind: 'new-role', permissions: perms, division };
  const grantFix = (perms: string[], role: RoleGrant | undefined) =>
    role
      ? `grant role ${role.role} in division ${division} too (it holds ${perms.map(code).join(', ')})`
      : `grant a role holding ${perms.map(code).join(', ')} in division ${division}`;
  const needsGrant = elsewhere.length > 0 && division !== null;

  if (none.length) {
    const role = roleToExtend(principal, none[0]!, division);
    const v: Verdict = {
      severity: 'error',
      code: 'missing-permission',
      missing: needsGrant ? [...none, ...elsewhere] : none,
      text: `needs ${need}${inDivision(division)}; the principal holds ${mode === 'ANY' && values.length > 1 ? 'none of them' : `no ${none.map(code).join(', ')}`}${needsGrant ? `, and ${elsewhere.map(code).join(', ')} only outside division ${division}` : ''}`,
      fix:
        fixText(none, role, division, mode === 'ANY' && values.length > 1 ? values : undefined) +
        (needsGrant ? `; and ${grantFix(elsewhere, grantRole(elsewhere))}` : ''),
      remedy: role
        ? { kind: 'add-permission', role: role.role, permissions: none, division }
        : { kind: 'new-role', permissions: none, division },
    };
    if (needsGrant) v.alsoRemedy = grantRemedy(elsewhere, grantRole(elsewhere));
    const rel = role?.roleLocation ?? role?.location;
    if (rel) v.related = rel;
    out.push(v);
  } else if (needsGrant) {
    const role = grantRole(elsewhere);
    const v: Verdict = {
      severity: 'error',
      code: 'missing-division-grant',
      missing: elsewhere,
      text: `needs ${mode === 'ANY' ? need : elsewhere.map(code).join(' and ')} in division ${division}; the principal holds ${elsewhere.map(code).join(', ')} only in ${describeDivisions(role?.divisions ?? [])}`,
      fix: grantFix(elsewhere, role),
      remedy: grantRemedy(elsewhere, role),
      atDivision: true,
    };
    if (role?.location) v.related = role.location;
    out.push(v);
  }
  return out;
}

function pickAny(values: readonly string[], cov: Map<string, Coverage>): string {
  const elsewhere = values.filter((p) => cov.get(p) === 'elsewhere');
  return leastPrivileged(elsewhere.length ? elsewhere : values);
}

function describeDivisions(divs: readonly DivisionRef[]): string {
  if (divs.length === 0) return 'no division';
  return `division${divs.length === 1 ? '' : 's'} ${divs.map((d) => d.name).join(', ')}`;
}

function fixText(
  perms: string[],
  role: RoleGrant | undefined,
  division: string | null,
  anyOf?: readonly string[],
): string {
  const list = perms.map(code).join(', ');
  const choice = anyOf ? ` (least-privileged of ${anyOf.map(code).join(', ')})` : '';
  if (role)
    return `add ${list}${choice} to role ${role.role}${division === null ? '' : `, granted in division ${division}`}`;
  return `create a role with ${list}${choice} and grant it to the deploy principal${division === null ? '' : ` in division ${division}`}`;
}
