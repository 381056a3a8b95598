export const id = 770;
export const ids = [770];
export const modules = {

/***/ 5770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   diagnosisMarkdown: () => (/* binding */ diagnosisMarkdown)
/* harmony export */ });
/* unused harmony exports scopesText, causeHeadline, diagnosisText */
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4031);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2771);
/**
 * The diagnosis in words: terminal lines and a markdown section (the PR comment and job summary).
 * Log text is hostile: only the parsed fields are shown, each escaped for its medium; the excerpt is
 * shown in the terminal only, as plain escaped text.
 */


/** What each cause of an unpredicted 403 asks of the reader (the markdown note under the table). */
const CAUSE_NOTE = {
    'no-plan': 'no plan of the manifest makes the call: if the deploy only deploys what the manifest lists, ' +
        "a gap in the check's plans. Please report it with the log excerpt.",
    'not-in-manifest': 'the log names an object the manifest does not have: add it, and run the check again.',
    'other-grants': 'the principal the check evaluated holds what the platform asked for: the deploy ran with other grants. ' +
        "Run the check in live mode with the deploy's own credentials.",
    'other-division': 'refused in another division than the manifest places the call in.',
    'catalog-differs': 'the platform named other permissions than the check evaluated the call against. ' +
        'Please report the difference with the log excerpt.',
    unverified: 'the check reported that it could not verify the call.',
    'no-permission-named': 'the platform named no permission: see the OAuth scopes the catalog admits the call with.',
    'org-unknown': 'the log names no org of the manifest: give the org.',
    unexplained: 'nothing in the log, the plans or the principal explains it. Please report it with the log excerpt.',
};
/** Every name of the markdown table is in a cell (a `|` in it must not split the cell). */
const CELL = { table: true };
const needOf = (d) => d.failure.permissions?.values.length
    ? `${d.failure.permissions.mode === 'ANY' ? 'one of' : 'all of'} ${d.failure.permissions.values.join(', ')}`
    : `no permission named${d.failure.code === 'not.authorized' ? ' (not.authorized)' : ''}`;
/**
 * The OAuth scopes of a refusal naming no permission, in a few words: what the catalog (swagger
 * `security`) admits the call with, and what the org's principal has of them.
 */
function scopesText(d) {
    const s = d.scopes;
    if (!s)
        return undefined;
    if (s.unknown)
        return 'the catalog does not publish the OAuth scopes of this call';
    if (!s.admit.length)
        return 'the catalog (swagger security) names no OAuth scope for this call';
    const oneOf = s.admit.length === 1 ? '' : 'one of ';
    const admit = `the catalog (swagger security) admits it with ${oneOf}${s.admit.join(', ')}`;
    if (s.grant === 'client-credentials')
        return `${admit}; the principal is a client-credentials client (no scopes apply)`;
    if (s.grant === 'user') {
        const has = s.source === 'declared' ? 'declares' : 'has';
        if (s.admitting?.length)
            return `${admit}; the principal ${has} ${s.admitting.join(', ')}`;
        return `${admit}; the principal ${has} ${s.scopes?.length ? `${s.scopes.join(', ')}: none admits it` : 'no scope'}`;
    }
    return admit;
}
/** Why check did not predict a 403, in a few words (the diagnosis's `reason` says it in full). */
function causeHeadline(d) {
    switch (d.cause) {
        case 'no-plan':
            return 'please report this gap (no plan of the manifest makes this call)';
        case 'not-in-manifest': {
            const name = d.failure.resource;
            const what = name === undefined ? 'the object' : (0,_resolve_js__WEBPACK_IMPORTED_MODULE_1__/* .isTerraformAddress */ .Xf)(name) ? name : `the flow '${name}'`;
            return `${what} is not in the manifest`;
        }
        case 'other-grants':
            return 'the deploy ran with other grants than the ones checked';
        case 'other-division':
            return `refused in division ${d.division?.name ?? '?'}, where the manifest does not place the call`;
        case 'catalog-differs':
            return 'the platform named other permissions than check evaluated';
        case 'unverified':
            return 'check could not verify this call';
        case 'no-permission-named':
            return 'the platform named no permission';
        case 'org-unknown':
            return 'the org is not known (give --org)';
        default:
            return 'please report this (the log, the plans and the principal do not explain it)';
    }
}
/** Where the division comes from, in words: the log, or the manifest resource and the line that places it. */
function divisionSource(division, resource) {
    if (division.from === 'log')
        return `${division.name}, named in the log`;
    const where = division.location ? ` (${division.location.file}:${division.location.line})` : '';
    return `${division.name}, from the manifest: ${resource ?? 'the resource'} is placed there${where}`;
}
/** Whether check predicted the failure, in words. */
function verdictText(d) {
    if (d.predicted)
        return 'predicted by check';
    if (d.findings[0]?.code === 'unpredicted-403')
        return `NOT predicted by check: ${causeHeadline(d)}`;
    return 'no manifest given: not compared with check';
}
/** Terminal text: one block per failure, then the count of predicted and unpredicted ones. */
function diagnosisText(diagnoses, logName) {
    if (!diagnoses.length)
        return termLines(`${termText(logName)}: no permission failure (403) found in the log\n` +
            '  (read: Platform API error bodies, terraform-provider-genesyscloud diagnostics, HTTP 403 lines,\n' +
            '  Archy errors; docs/DIAGNOSE.md lists the formats. A 403 printed another way: please report it)\n');
    const lines = [];
    for (const d of diagnoses) {
        const f = d.failure;
        const what = f.operation ?? (f.method && f.path ? `${f.method} ${f.path}` : 'a call');
        lines.push(`403 ${what}  ${logName}:${f.line}${d.org ? `  (org ${d.org})` : ''}`);
        const named = d.resource ?? f.resource;
        const needs = f.permissions?.values.length ? `needs ${needOf(d)}` : needOf(d);
        lines.push(`  ${needs}${d.division ? ` in division ${d.division.name}` : ''}${named ? `  (${named})` : ''}`);
        if (d.division)
            lines.push(`  division: ${divisionSource(d.division, d.resource)}`);
        const scopes = scopesText(d);
        if (scopes)
            lines.push(`  scopes: ${scopes}`);
        lines.push(`  ${verdictText(d)}`);
        if (d.reason)
            lines.push(`  why: ${d.reason}`);
        for (const x of d.findings)
            if (x.fix)
                lines.push(`  fix: ${x.fix}`);
    }
    const unpredicted = diagnoses.filter((d) => d.findings.some((x) => x.code === 'unpredicted-403')).length;
    const count = `${diagnoses.length} permission failure${diagnoses.length === 1 ? '' : 's'}`;
    lines.push('', `${count} in ${logName}${unpredicted ? `; ${unpredicted} not predicted by check` : ''}`);
    return termLines(`${lines.map((l) => termText(l)).join('\n')}\n`);
}
/** Markdown section for the sticky comment and the job summary (empty string: nothing found). */
function diagnosisMarkdown(diagnoses, logName) {
    if (!diagnoses.length)
        return '';
    const unpredicted = diagnoses.filter((d) => d.findings.some((x) => x.code === 'unpredicted-403')).length;
    const out = [
        `### Deploy log: ${diagnoses.length} permission failure${diagnoses.length === 1 ? '' : 's'} (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(logName)})`,
        '',
        '| line | call | needs | check | fix |',
        '| ---: | --- | --- | --- | --- |',
    ];
    for (const d of diagnoses) {
        const f = d.failure;
        const what = f.operation ?? (f.method && f.path ? `${f.method} ${f.path}` : 'a call');
        const verdict = d.predicted
            ? 'predicted'
            : d.findings[0]?.code === 'unpredicted-403'
                ? `**not predicted**: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdMessage */ .be)(causeHeadline(d), CELL)}`
                : '—';
        const fix = d.findings
            .map((x) => x.fix)
            .filter(Boolean)
            .map((x) => (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdMessage */ .be)(x, CELL))
            .join('; ');
        const source = d.division?.from === 'log' ? 'named in the log' : `manifest: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(d.resource ?? 'resource', CELL)}`;
        const division = d.division ? ` in division ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(d.division.name, CELL)} (${source})` : '';
        const scopes = scopesText(d);
        const scopeNote = scopes ? `; scopes: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdMessage */ .be)(scopes, CELL)}` : '';
        out.push(`| ${f.line} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(what, CELL)} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdMessage */ .be)(needOf(d), CELL)}${division}${scopeNote} ` +
            `| ${verdict} | ${fix || '—'} |`);
    }
    if (unpredicted) {
        const byCause = new Map();
        for (const d of diagnoses)
            if (d.findings.some((x) => x.code === 'unpredicted-403')) {
                const key = d.cause ?? 'unexplained';
                byCause.set(key, (byCause.get(key) ?? 0) + 1);
            }
        const were = unpredicted === 1 ? 'was' : 'were';
        out.push('', '> [!IMPORTANT]', `> ${unpredicted} of these 403s ${were} not predicted by the check:`);
        for (const [cause, n] of byCause)
            out.push(`> - ${n}: ${CAUSE_NOTE[cause]}`);
    }
    return `${out.join('\n')}\n\n`;
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
