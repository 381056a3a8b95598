export const id = 719;
export const ids = [719];
export const modules = {

/***/ 719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   explainFailures: () => (/* binding */ explainFailures)
/* harmony export */ });
/* harmony import */ var _evaluate_evaluate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1632);

const ERRORS = new Set(['missing-permission', 'missing-division-grant', 'missing-scope', 'entitlement-missing']);
/**
 * Explains `failures` against a check `report` of the manifest. `principals` are the orgs' principals
 * the check used (declared, or read live), by org name; `logFile` names the log in locations.
 */
function explainFailures(failures, logFile, report, principals = new Map(), selectedOrg) {
    const org = report ? pickOrg(report, selectedOrg) : undefined;
    const orgReport = org ? report.orgs.find((o) => o.name === org) : undefined;
    return failures.map((failure) => {
        const at = { file: logFile, line: failure.line, column: 1 };
        const what = failure.operation ?? (failure.method && failure.path ? `${failure.method} ${failure.path}` : 'a call');
        const perms = failure.permissions;
        const predictedBy = orgReport?.findings.filter((f) => ERRORS.has(f.code) &&
            f.operation !== undefined &&
            f.operation === failure.operation &&
            (!perms || !f.missing || f.missing.some((m) => perms.values.includes(m)) || perms.values.length === 0)) ?? [];
        const predicted = predictedBy.length > 0;
        let findings = [];
        if (predicted) {
            findings = predictedBy.map((f) => ({
                ...f,
                location: at,
                message: `${f.message} (the deploy log, line ${failure.line}, shows this 403; check predicted it)`,
            }));
        }
        else {
            const principal = org ? principals.get(org) : undefined;
            const requirement = perms
                ? {
                    resource: failure.resource ?? 'deploy',
                    action: 'deploy',
                    operation: what,
                    purpose: 'the call that failed in the deploy log',
                    scopes: [],
                    scopesUnknown: true,
                    permissions: perms,
                    division: failure.division ?? null,
                    location: at,
                }
                : undefined;
            const wording = requirement && principal ? (0,_evaluate_evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .evaluate */ ._)([requirement], principal, org).filter((f) => f.severity === 'error') : [];
            const need = perms
                ? `${perms.mode === 'ANY' ? 'one of' : 'all of'} ${perms.values.map((v) => `\`${v}\``).join(', ')}`
                : 'a permission the log does not name';
            const base = {
                severity: 'error',
                code: report ? 'unpredicted-403' : 'missing-permission',
                message: report
                    ? `${what} was refused (403, deploy log line ${failure.line}) and check did not predict it: it needs ${need}. Please report this gap with the log excerpt`
                    : `${what} was refused (403, deploy log line ${failure.line}): it needs ${need}`,
                operation: what,
                location: at,
                ...(perms ? { missing: perms.values } : {}),
                ...(failure.division ? { division: failure.division } : {}),
                ...(failure.resource ? { resource: failure.resource } : {}),
            };
            if (wording[0]?.fix)
                base.fix = wording[0].fix;
            else if (perms)
                base.fix = `add ${perms.mode === 'ANY' ? `one of ${perms.values.join(', ')}` : perms.values.join(', ')} to a role the deploy principal holds${failure.division ? `, granted in division ${failure.division}` : ''}`;
            if (wording[0]?.remedy)
                base.remedy = wording[0].remedy;
            findings = [base];
        }
        return { failure, ...(org ? { org } : {}), predicted, findings };
    });
}
function pickOrg(report, selected) {
    if (selected)
        return report.orgs.find((o) => o.name.toLowerCase() === selected.toLowerCase())?.name;
    return report.orgs.length === 1 ? report.orgs[0].name : undefined;
}


/***/ })

};
