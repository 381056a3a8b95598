export const id = 334;
export const ids = [334];
export const modules = {

/***/ 8334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  explainFailures: () => (/* binding */ explainFailures)
});

// EXTERNAL MODULE: ./src/catalog/bundled.ts + 2 modules
var bundled = __webpack_require__(6910);
// EXTERNAL MODULE: ./src/evaluate/evaluate.ts
var evaluate = __webpack_require__(1632);
// EXTERNAL MODULE: ./src/evaluate/permissions.ts
var permissions = __webpack_require__(8931);
// EXTERNAL MODULE: ./src/grants/credentials.ts
var credentials = __webpack_require__(5189);
// EXTERNAL MODULE: ./src/diagnose/resolve.ts
var resolve = __webpack_require__(2771);
;// CONCATENATED MODULE: ./src/diagnose/cause.ts




const code = (s) => `\`${s}\``;
/** `one of `a`, `b`` (ANY) or `all of `a`, `b`` (ALL); a single permission by itself. */
function needText(perms) {
    if (perms.values.length === 1)
        return code(perms.values[0]);
    return `${perms.mode === 'ANY' ? 'one of' : 'all of'} ${perms.values.map(code).join(', ')}`;
}
const list = (xs) => xs.map(code).join(', ');
const unique = (xs) => [...new Set(xs)];
/** " in division D" / " in divisions D, E" / "" (not division-bound). */
function inDivisions(divisions) {
    const named = unique(divisions.filter((d) => d !== null));
    if (!named.length)
        return '';
    return ` in division${named.length === 1 ? '' : 's'} ${named.join(', ')}`;
}
/** The roles of the principal that hold one of `perms` in `division`, by their policies. */
function holdingRoles(principal, perms, division) {
    const roles = principal.roles.filter((r) => (division === null || (0,evaluate/* divisionCovered */.s)(r.divisions, division)) &&
        r.permissions.some((p) => !p.conditional && perms.values.some((v) => (0,permissions/* policyCovers */.P2)(p.permission, v))));
    return unique(roles.map((r) => r.role));
}
/** The requirements of the org's plans that make the failed call (or need the permissions named). */
function plannedCalls(input, orgReport) {
    const { failure, named } = input;
    let reqs = orgReport.requirements;
    if (named.conclusive)
        reqs = reqs.filter((q) => named.labels.has(q.resource));
    else if (input.resource)
        reqs = reqs.filter((q) => q.resource === input.resource);
    if (failure.operation)
        return reqs.filter((q) => q.operation === failure.operation);
    const perms = failure.permissions?.values ?? [];
    if (!perms.length)
        return [];
    return reqs.filter((q) => q.permissions?.values.some((p) => perms.includes(p)) ?? false);
}
/** Sets compared as sets: the body's values all among the requirement's (an ALL body names the missing ones only). */
function within(body, req) {
    return req !== null && body.values.every((v) => req.values.includes(v));
}
const sameSet = (a, b) => a === b ||
    (a !== null &&
        b !== null &&
        a.mode === b.mode &&
        a.values.length === b.values.length &&
        a.values.every((v) => b.values.includes(v)));
/** What to do when the deploy ran with other grants than the checked ones (a user principal: its token). */
function recheckFix(org, principal, grant) {
    const names = (0,credentials/* credentialNames */.MR)(org);
    const vars = grant === 'user'
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
function planMakes(reqs) {
    const labels = unique(reqs.map((q) => q.resource));
    return labels.length === 1 ? `The plan of ${labels[0]} makes` : `The plans of ${labels.join(', ')} make`;
}
/** "does not hold `a`" / "holds none of `a`, `b`" (ANY) / "does not hold all of `a`, `b`" (ALL). */
function lacksText(perms) {
    if (perms.mode === 'ANY' && perms.values.length > 1)
        return `holds none of ${list(perms.values)}`;
    return `does not hold ${needText(perms)}`;
}
/** The scope facts of a call, for a refusal naming no permission. */
function scopeFacts(entry, principal) {
    const admit = entry && !entry.scopesUnknown ? [...entry.scopes] : [];
    const facts = { admit, unknown: !entry || entry.scopesUnknown };
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
function scopeAdvice(operation, facts, entry, org, principalKind = 'none') {
    if (!entry)
        return { reason: `${operation} is not in the catalog: the OAuth scopes that admit it are not known` };
    if (entry.scopesUnknown)
        return {
            reason: `The catalog does not publish the OAuth scopes of ${operation} (swagger x-derived-security-unknown)`,
        };
    if (!facts.admit.length)
        return { reason: `The catalog (swagger security) names no OAuth scope for ${operation}` };
    const needs = entry.permissions
        ? `; it also needs ${needText(entry.permissions)} (x-inin-requires-permissions)`
        : '; it needs no permission beyond the token (no x-inin-requires-permissions)';
    const admits = `The catalog (swagger security) admits ${operation} with ${facts.admit.length === 1 ? 'the OAuth scope' : 'one of the OAuth scopes'} ${list(facts.admit)}${needs}`;
    const best = operation.startsWith('GET ')
        ? (facts.admit.find((s) => s.endsWith(':readonly')) ?? facts.admit[0])
        : (facts.admit.find((s) => !s.endsWith(':readonly')) ?? facts.admit[0]);
    const addScope = `add ${facts.admit.length === 1 ? 'scope' : 'one of the scopes'} ${list(facts.admit)} ` +
        'to the OAuth client the deploy token is issued to';
    const remedy = { kind: 'add-scope', permissions: [best], division: null };
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
            reason: `${admits}. ${who} (a user token) ${where} ${list(held)}, which admits it: the deploy's token was refused ` +
                'all the same (a token without that scope, or another OAuth client)',
            fix: org ? recheckFix(org, principalKind, 'user') : 'check the scopes of the token the deploy uses',
        };
    }
    if (facts.grant === 'client-credentials') {
        return {
            reason: `${admits}. ${who} is a client-credentials OAuth client: Genesys applies no scopes to its tokens ` +
                '(roles and divisions decide), so a refusal of such a token is not about scopes: the call may need ' +
                "a user's token (an API a client cannot call), or the deploy used other credentials",
            fix: `if the deploy uses a user token: ${addScope}; if it uses the client-credentials client: ${recheckFix(org ?? 'ORG', principalKind)}`,
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
function unpredictedCause(input) {
    const result = causeOf(input);
    const { failure, orgReport } = input;
    if (result.cause === 'no-permission-named' || failure.permissions?.values.length || !failure.operation)
        return result;
    const advice = scopeAdvice(failure.operation, scopeFacts(input.entry, input.principal), input.entry, orgReport?.name, orgReport?.principal);
    const remedy = result.fix ? result.remedy : advice.remedy;
    return {
        ...result,
        reason: `${result.reason}. ${advice.reason}`,
        ...(result.fix || advice.fix ? { fix: result.fix ?? advice.fix } : {}),
        ...(remedy ? { remedy } : {}),
    };
}
function causeOf(input) {
    const { failure, orgReport, principal, division, entry } = input;
    const operation = failure.operation;
    const perms = failure.permissions;
    if (!orgReport) {
        const names = input.orgNames.join(', ');
        return {
            cause: 'org-unknown',
            reason: `The log names no org id of the manifest's orgs (${names}) and no org was selected: ` +
                "the failure cannot be put in an org's terms",
            fix: `run diagnose with --org ORG (one of ${names})`,
        };
    }
    const org = orgReport.name;
    const evaluated = principal ? (principal.source === 'live' ? 'read live' : 'declared in the manifest') : undefined;
    const kind = orgReport.principal;
    // 1. The log names an object the manifest does not have.
    if (input.named.conclusive && input.named.labels.size === 0) {
        const name = failure.resource;
        const tf = (0,resolve/* isTerraformAddress */.Xf)(name);
        const what = tf ? name : `the flow '${name}'`;
        const reason = `The log names ${what}, which is no ${tf ? 'resource' : 'flow'} of the manifest for org ${org}` +
            `${tf ? ' (nor of its Terraform plan)' : ''}: check did not evaluate what the deploy did to it`;
        const add = tf
            ? "export the plan the deploy applied (terraform show -json) as the manifest's terraform plan, " +
                `so that check reads ${name}`
            : `add the flow '${name}' to the manifest's flows (its file, or its name, type and division)`;
        const nowhere = perms ? input.evaluateIn(perms, null).find((f) => f.severity === 'error') : undefined;
        if (nowhere?.fix)
            return {
                cause: 'not-in-manifest',
                reason: `${reason}. The principal check evaluated holds ${needText(perms)} in no division`,
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
                reason: 'The log names neither the call nor a permission: no plan of the manifest can be matched to it. ' +
                    'Please report this with the log excerpt',
            };
        const action = operation ? 'this call' : `a call needing ${needText(perms)}`;
        const labels = input.named.conclusive ? [...input.named.labels] : input.resource ? [input.resource] : [];
        const subject = labels.length
            ? `The ${labels.length === 1 ? 'plan' : 'plans'} of ${labels.join(', ')} (org ${org}) ` +
                `do${labels.length === 1 ? 'es' : ''} not make ${action}`
            : `No plan of the manifest makes ${action} for org ${org}`;
        const gap = `${subject}: if the deploy only deploys what the manifest lists, this is a gap in check's plans. ` +
            'Please report this gap with the log excerpt';
        // The principal may hold what the body names all the same: then no grant is the fix.
        if (principal && perms?.values.length && input.evaluateIn(perms, division?.name ?? null).length === 0) {
            if (division)
                return {
                    cause: 'no-plan',
                    reason: `${gap}. The principal check evaluated (${evaluated}) holds ${needText(perms)} in division ` +
                        `${division.name}: the deploy also ran with other grants than the ones checked`,
                    fix: recheckFix(org, kind, principal.grant),
                };
            return {
                cause: 'no-plan',
                reason: `${gap}. The principal check evaluated (${evaluated}) holds ${needText(perms)} in some division; ` +
                    "the log does not say the call's",
            };
        }
        return { cause: 'no-plan', reason: gap };
    }
    const plannedDivisions = unique(planned.map((q) => q.division));
    const plan = planMakes(planned);
    const callText = operation ? 'this call' : `a call needing ${needText(perms)}`;
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
    const errorsIn = (d) => input.evaluateIn(perms, d);
    const holds = principal
        ? divisions.every((d) => errorsIn(d).length === 0)
        : planned.every((q) => within(perms, q.permissions)) &&
            divisions.every((d) => plannedDivisions.includes(d)) &&
            !orgReport.findings.some((f) => (f.severity === 'error' || f.code === 'conditional-permission' || f.code === 'unverifiable') &&
                f.operation !== undefined &&
                planned.some((q) => q.operation === f.operation && q.resource === f.resource));
    if (holds) {
        const roles = principal ? unique(divisions.flatMap((d) => holdingRoles(principal, perms, d))) : [];
        const byRoles = roles.length ? ` (role${roles.length === 1 ? '' : 's'} ${roles.join(', ')})` : '';
        const who = evaluated
            ? `the principal check evaluated (${evaluated}) holds ${needText(perms)}${inDivisions(divisions)}${byRoles}`
            : `check found the principal (${kind}) holding ${needText(perms)}${inDivisions(divisions)}`;
        const ways = kind === 'live'
            ? 'another OAuth client than the one check read, or roles changed since check ran'
            : 'the OAuth client the deploy used is not the one the manifest declares, ' +
                'or its roles differ from the declared ones';
        return {
            cause: 'other-grants',
            reason: `${plan} ${callText}${inDivisions(plannedDivisions)}, and ${who}: ` +
                `the deploy ran with other grants than the ones checked (${ways})`,
            fix: recheckFix(org, kind, principal?.grant),
        };
    }
    const lacking = principal ? divisions.flatMap((d) => errorsIn(d)).find((f) => f.severity === 'error') : undefined;
    const evaluatedFix = lacking?.fix;
    const withFix = (r, fix = evaluatedFix) => ({
        ...r,
        ...(fix ? { fix } : {}),
        ...(lacking?.remedy ? { remedy: lacking.remedy } : {}),
    });
    // 5. Refused in a division the plans do not place the call in.
    if (division?.from === 'log' && !plannedDivisions.includes(division.name)) {
        const lacks = principal ? ` and the principal it evaluated ${lacksText(perms)} there` : '';
        const placed = unique(plannedDivisions.filter((d) => d !== null));
        const back = placed.length === 1 && evaluatedFix ? ` (or move the object to division ${placed[0]})` : '';
        return withFix({
            cause: 'other-division',
            reason: `${plan} ${callText}${inDivisions(plannedDivisions) || ' (not division-bound)'}; the platform ` +
                `refused it in division ${division.name} (named in the log), where check did not evaluate it${lacks}: ` +
                'the object is in another division than the manifest places it in',
        }, evaluatedFix ? `${evaluatedFix}${back}` : undefined);
    }
    // 6. check said it could not verify the call.
    const unverified = orgReport.findings.filter((f) => (f.code === 'unverifiable' || f.code === 'conditional-permission') &&
        planned.some((q) => q.operation === f.operation && q.resource === f.resource));
    const unverifiable = planned.filter((q) => q.unverifiable);
    if (unverified.length || unverifiable.length) {
        const codes = unique(unverified.map((f) => f.code));
        const why = unverifiable.length
            ? `check could not verify it: ${unverifiable[0].unverifiable}`
            : `check reported that it could not verify it (${codes.join(', ')})`;
        return withFix({ cause: 'unverified', reason: `${plan} ${callText}, but ${why}` }, evaluatedFix ?? unverified.find((f) => f.fix)?.fix);
    }
    // 7. The platform named other permissions than those check evaluated the call against.
    if (!planned.some((q) => within(perms, q.permissions))) {
        const sets = unique(planned.map((q) => q.permissions).filter((p) => p !== null));
        const evaluatedSets = sets.length ? sets.map(needText).join('; ') : 'no permission';
        const fromCatalog = entry && sets.every((s) => sameSet(s, entry.permissions));
        const source = fromCatalog
            ? "the catalog's requirement, swagger x-inin-requires-permissions"
            : entry
                ? `the plan's rule; the catalog says ${entry.permissions ? needText(entry.permissions) : 'no permission'}`
                : 'the call is not in the catalog';
        const which = perms.mode === 'ANY' && perms.values.length > 1 ? 'none of which the principal' : 'which the principal';
        const lacks = principal
            ? `, ${which} check evaluated ${which.startsWith('none') ? 'holds' : 'does not hold'}${inDivisions(divisions)}`
            : '';
        return withFix({
            cause: 'catalog-differs',
            reason: `${plan} ${callText}; check evaluated it against ${evaluatedSets} (${source}), and the platform ` +
                `named ${needText(perms)}${lacks}: what the platform enforced differs from what check evaluated. ` +
                'Please report the difference with the log excerpt',
        }, evaluatedFix);
    }
    // 8. Nothing in the data explains it.
    const lacks = principal ? ` and the principal it evaluated ${lacksText(perms)} there` : '';
    return withFix({
        cause: 'unexplained',
        reason: `${plan} ${callText}${inDivisions(divisions)}${lacks}, yet check reported nothing for it. ` +
            'Please report this with the log excerpt',
    });
}

;// CONCATENATED MODULE: ./src/diagnose/explain.ts




const ERRORS = new Set(['missing-permission', 'missing-division-grant', 'missing-scope', 'entitlement-missing']);
/**
 * Explains `failures` against a check `report` of the manifest. `principals` are the orgs' principals
 * the check used (declared, or read live), by org name; `logFile` names the log in locations;
 * `resources` (the expanded manifest, when the caller has it) lets a Terraform address name a flow or
 * script imported from a plan; `catalog` gives each call's entry (default: the bundled one).
 */
function explainFailures(failures, logFile, report, principals = new Map(), selectedOrg, resources = [], catalog = (0,bundled.bundledCatalog)()) {
    const fallback = report ? pickOrg(report, selectedOrg) : undefined;
    return failures.map((failure) => {
        const orgReport = report
            ? (orgOfId(report, failure.orgId) ?? report.orgs.find((o) => o.name === fallback))
            : undefined;
        const org = orgReport?.name;
        const at = { file: logFile, line: failure.line, column: 1 };
        const what = failure.operation ?? (failure.method && failure.path ? `${failure.method} ${failure.path}` : 'a call');
        const perms = failure.permissions;
        const match = orgReport ? (0,resolve/* matchResource */.UY)(failure, orgReport, resources) : {};
        const division = failure.division
            ? { name: failure.division, from: 'log' }
            : match.division
                ? { ...match.division, from: 'manifest' }
                : undefined;
        const predictedBy = orgReport ? predictors(orgReport, failure, match.resource, division?.name) : [];
        const predicted = predictedBy.length > 0;
        const op = failure.operation ? entryOf(catalog, failure.operation) : undefined;
        const entry = op ? catalogEntry(op) : undefined;
        const principal = org ? principals.get(org) : undefined;
        const scopes = !perms?.values.length && failure.operation ? scopeFacts(op, principal) : undefined;
        let findings = [];
        let why;
        if (predicted) {
            findings = predictedBy.map((f) => ({
                ...f,
                location: at,
                message: `${f.message} (the deploy log, line ${failure.line}, shows this 403; check predicted it)`,
            }));
        }
        else {
            const resource = match.resource ?? failure.resource;
            const evaluateIn = (set, inDivision) => {
                if (!principal || !org)
                    return [];
                const requirement = {
                    resource: resource ?? 'deploy',
                    action: 'deploy',
                    operation: what,
                    purpose: 'the call that failed in the deploy log',
                    scopes: [],
                    scopesUnknown: true,
                    permissions: set,
                    division: inDivision,
                    location: at,
                };
                return (0,evaluate/* evaluate */._)([requirement], principal, org).filter((f) => f.severity === 'error' || f.code === 'conditional-permission');
            };
            const need = perms?.values.length
                ? `${perms.mode === 'ANY' ? 'one of' : 'all of'} ${perms.values.map((v) => `\`${v}\``).join(', ')}`
                : undefined;
            const base = {
                severity: 'error',
                code: report ? 'unpredicted-403' : 'missing-permission',
                message: '',
                operation: what,
                location: at,
                ...(perms?.values.length ? { missing: perms.values } : {}),
                ...(division ? { division: division.name } : {}),
                ...(resource ? { resource } : {}),
            };
            const wording = perms?.values.length ? evaluateIn(perms, division?.name ?? null) : [];
            const refused = `${what} was refused (403, deploy log line ${failure.line})`;
            if (report) {
                const result = unpredictedCause({
                    failure,
                    ...(orgReport ? { orgReport } : {}),
                    orgNames: report.orgs.map((o) => o.name),
                    ...(principal ? { principal } : {}),
                    named: orgReport ? (0,resolve/* namedResources */.xv)(failure, orgReport, resources) : { labels: new Set(), conclusive: false },
                    ...(match.resource ? { resource: match.resource } : {}),
                    ...(division ? { division } : {}),
                    ...(op ? { entry: op } : {}),
                    evaluateIn,
                });
                why = { cause: result.cause, reason: result.reason };
                const needs = need ? `it needs ${need}` : noPermission(failure);
                base.message = `${refused} and check did not predict it: ${needs}. ${result.reason}`;
                // With the principal known, a grant is the fix only where evaluating it says one is missing.
                const fix = result.fix ??
                    wording.find((f) => f.severity === 'error')?.fix ??
                    (principal ? undefined : addFix(perms, division?.name));
                if (fix)
                    base.fix = fix;
                const remedy = result.fix ? result.remedy : wording.find((f) => f.severity === 'error')?.remedy;
                if (remedy)
                    base.remedy = remedy;
            }
            else {
                const advice = scopes ? scopeAdvice(what, scopes, op) : undefined;
                base.message = need
                    ? `${refused}: it needs ${need}`
                    : `${refused}: ${noPermission(failure)}${advice ? `. ${advice.reason}` : ''}`;
                const fix = wording.find((f) => f.severity === 'error')?.fix ?? addFix(perms, division?.name) ?? advice?.fix;
                if (fix)
                    base.fix = fix;
                const remedy = wording.find((f) => f.severity === 'error')?.remedy ?? advice?.remedy;
                if (remedy)
                    base.remedy = remedy;
            }
            findings = [base];
        }
        return {
            failure,
            ...(org ? { org } : {}),
            ...(match.resource ? { resource: match.resource } : {}),
            ...(division ? { division } : {}),
            predicted,
            findings,
            ...(why ? why : {}),
            ...(entry ? { catalog: entry } : {}),
            ...(scopes ? { scopes } : {}),
        };
    });
}
/** The words for a refusal that names no permission. */
function noPermission(failure) {
    return failure.code === 'not.authorized'
        ? 'the platform names no permission (not.authorized)'
        : 'the log names no permission';
}
/** The fix when the principal is not known: add the permissions to a role of the deploy principal. */
function addFix(perms, division) {
    if (!perms?.values.length)
        return undefined;
    const add = perms.mode === 'ANY' && perms.values.length > 1 ? `one of ${perms.values.join(', ')}` : perms.values.join(', ');
    return `add ${add} to a role the deploy principal holds${division ? `, granted in division ${division}` : ''}`;
}
/** The catalog operation of `operation` (`METHOD /template`). */
function entryOf(catalog, operation) {
    const space = operation.indexOf(' ');
    if (space < 0)
        return undefined;
    return catalog.lookup(operation.slice(0, space), operation.slice(space + 1));
}
/** The catalog's entry of an operation, as the diagnosis shows it. */
function catalogEntry(op) {
    return {
        permissions: op.permissions ? { mode: op.permissions.mode, values: [...op.permissions.values] } : null,
        scopes: [...op.scopes],
        scopesUnknown: op.scopesUnknown,
    };
}
/**
 * The check's error findings that predicted `failure`: same operation (or, when the log names no
 * call, same resource) and a missing permission the log names; narrowed to the failure's resource
 * and division when some of them are about it.
 */
function predictors(orgReport, failure, resource, division) {
    const perms = failure.permissions;
    const overlaps = (f) => !perms || !f.missing || perms.values.length === 0 || f.missing.some((m) => perms.values.includes(m));
    let found = orgReport.findings.filter((f) => ERRORS.has(f.code) &&
        f.operation !== undefined &&
        (failure.operation !== undefined
            ? f.operation === failure.operation && overlaps(f)
            : resource !== undefined && f.resource === resource && !!perms?.values.length && overlaps(f)));
    const narrow = (keep) => {
        const some = found.filter(keep);
        if (some.length)
            found = some;
    };
    if (resource)
        narrow((f) => f.resource === resource);
    if (division)
        narrow((f) => f.division === division);
    return found;
}
/** The org of the report whose org id the log names. */
function orgOfId(report, orgId) {
    if (!orgId)
        return undefined;
    return report.orgs.find((o) => o.orgId?.toLowerCase() === orgId.toLowerCase());
}
function pickOrg(report, selected) {
    if (selected)
        return report.orgs.find((o) => o.name.toLowerCase() === selected.toLowerCase())?.name;
    return report.orgs.length === 1 ? report.orgs[0].name : undefined;
}


/***/ }),

/***/ 2771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UY: () => (/* binding */ matchResource),
/* harmony export */   Xf: () => (/* binding */ isTerraformAddress),
/* harmony export */   xv: () => (/* binding */ namedResources)
/* harmony export */ });
/** A Terraform resource address of the Genesys provider (any module path and instance key). */
const TERRAFORM_ADDRESS = /(?:^|\.)genesyscloud_[a-z0-9_]+\.[A-Za-z_]/;
/** True when `name` is a Terraform address of a `genesyscloud_*` resource. */
function isTerraformAddress(name) {
    return TERRAFORM_ADDRESS.test(name);
}
const nameOf = (label) => label.slice(label.indexOf(':') + 1);
/**
 * Address → resource labels of the org's resources that carry a Terraform address (flows and
 * scripts imported from a plan are labelled by their own name, not by their address).
 */
function addressLabels(resources, org) {
    const out = new Map();
    for (const r of resources) {
        if (!r.orgs.includes(org))
            continue;
        const address = 'address' in r.details ? r.details.address : undefined;
        if (typeof address !== 'string' || address === '')
            continue;
        const set = out.get(address) ?? new Set();
        set.add(`${r.kind}:${r.name}`);
        out.set(address, set);
    }
    return out;
}
/** The labels of `orgReport`'s resources the failure names (or whose plan alone makes its call). */
function candidates(failure, byLabel, addresses) {
    const out = new Set();
    const named = failure.resource;
    if (named !== undefined && isTerraformAddress(named)) {
        for (const label of addresses.get(named) ?? [])
            if (byLabel.has(label))
                out.add(label);
        for (const label of byLabel.keys())
            if (nameOf(label) === named)
                out.add(label);
    }
    else if (named !== undefined) {
        // Archy names the flow it failed on.
        if (byLabel.has(`flow:${named}`))
            out.add(`flow:${named}`);
    }
    else if (failure.operation !== undefined) {
        for (const [label, reqs] of byLabel)
            if (reqs.some((q) => q.operation === failure.operation))
                out.add(label);
    }
    return out;
}
/** The division of the failed call among `reqs` (one resource's requirements), when there is exactly one. */
function divisionOf(failure, reqs) {
    const perms = failure.permissions?.values ?? [];
    const byOperation = failure.operation ? reqs.filter((q) => q.operation === failure.operation) : [];
    const byPermission = perms.length
        ? reqs.filter((q) => q.permissions?.values.some((p) => perms.includes(p)) ?? false)
        : [];
    const bound = byOperation.length ? byOperation : byPermission;
    if (bound.length) {
        // The requirements of this very call: all in one division, or it is not known (or not division-bound).
        const names = new Set(bound.map((q) => q.division));
        const only = names.size === 1 ? bound[0] : undefined;
        if (!only?.division)
            return undefined;
        return { name: only.division, ...(only.divisionLocation ? { location: only.divisionLocation } : {}) };
    }
    // Not a call of its plan: the division the resource lives in, when its bound requirements agree.
    const placed = reqs.filter((q) => q.division !== null);
    const names = new Set(placed.map((q) => q.division));
    if (names.size !== 1)
        return undefined;
    const first = placed.find((q) => q.divisionLocation) ?? placed[0];
    return { name: first.division, ...(first.divisionLocation ? { location: first.divisionLocation } : {}) };
}
function requirementsByLabel(orgReport) {
    const byLabel = new Map();
    for (const q of orgReport.requirements) {
        const list = byLabel.get(q.resource) ?? [];
        list.push(q);
        byLabel.set(q.resource, list);
    }
    return byLabel;
}
/**
 * The labels of the org's resources the log's name for the object (`failure.resource`: a Terraform
 * address or an Archy flow name) designates: none when it is no resource of the org. `conclusive` is
 * false when the caller could not tell: a Terraform address of a flow or script is only matched
 * through the expanded manifest (`resources`), and none was given.
 */
function namedResources(failure, orgReport, resources = []) {
    const labels = failure.resource === undefined
        ? new Set()
        : candidates(failure, requirementsByLabel(orgReport), addressLabels(resources, orgReport.name));
    const conclusive = failure.resource !== undefined &&
        (labels.size > 0 || !isTerraformAddress(failure.resource) || resources.length > 0);
    return { labels, conclusive };
}
/**
 * The manifest resource `failure` is about, in `orgReport` (its requirements, labelled `kind:name`),
 * and the division the manifest places the failed call in. `resources` (the expanded manifest, when
 * the caller has it) maps Terraform addresses of flows and scripts to their labels.
 */
function matchResource(failure, orgReport, resources = []) {
    const byLabel = requirementsByLabel(orgReport);
    const found = candidates(failure, byLabel, addressLabels(resources, orgReport.name));
    if (found.size !== 1)
        return {};
    const [resource] = [...found];
    const division = divisionOf(failure, byLabel.get(resource));
    return { resource, ...(division ? { division } : {}) };
}


/***/ })

};
