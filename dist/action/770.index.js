export const id = 770;
export const ids = [770];
export const modules = {

/***/ 5770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   diagnosisMarkdown: () => (/* binding */ diagnosisMarkdown)
/* harmony export */ });
/* unused harmony export diagnosisText */
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4031);
/**
 * The diagnosis in words: terminal lines and a markdown section (the PR comment and job summary).
 * Log text is hostile: only the parsed fields are shown, each escaped for its medium; the excerpt is
 * shown in the terminal only, as plain escaped text.
 */

const needOf = (d) => d.failure.permissions
    ? `${d.failure.permissions.mode === 'ANY' ? 'one of' : 'all of'} ${d.failure.permissions.values.join(', ')}`
    : 'no permission named';
/** Terminal text: one block per failure, then the count of predicted and unpredicted ones. */
function diagnosisText(diagnoses, logName) {
    if (!diagnoses.length)
        return termLines(`${logName}: no permission failure (403) found in the log\n`);
    const lines = [];
    for (const d of diagnoses) {
        const f = d.failure;
        const what = f.operation ?? (f.method && f.path ? `${f.method} ${f.path}` : 'a call');
        lines.push(`403 ${what}  ${logName}:${f.line}${d.org ? `  (org ${d.org})` : ''}`);
        lines.push(`  needs ${needOf(d)}${f.division ? ` in division ${f.division}` : ''}${f.resource ? `  (${f.resource})` : ''}`);
        lines.push(`  ${d.predicted ? 'predicted by check' : d.findings[0]?.code === 'unpredicted-403' ? 'NOT predicted by check: please report this gap' : 'no manifest given: not compared with check'}`);
        for (const x of d.findings)
            if (x.fix)
                lines.push(`  fix: ${x.fix}`);
    }
    const unpredicted = diagnoses.filter((d) => d.findings.some((x) => x.code === 'unpredicted-403')).length;
    lines.push('', `${diagnoses.length} permission failure${diagnoses.length === 1 ? '' : 's'} in ${logName}${unpredicted ? `; ${unpredicted} not predicted by check` : ''}`);
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
        const verdict = d.predicted ? 'predicted' : d.findings[0]?.code === 'unpredicted-403' ? '**not predicted**' : '—';
        const fix = d.findings
            .map((x) => x.fix)
            .filter(Boolean)
            .map((x) => (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdMessage */ .be)(x))
            .join('; ');
        out.push(`| ${f.line} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(what)} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mdMessage */ .be)(needOf(d))} | ${verdict} | ${fix || '—'} |`);
    }
    if (unpredicted) {
        out.push('', `> [!IMPORTANT]\n> ${unpredicted} of these 403s were not predicted by the check: a gap in its plans. Please report them with the log excerpt.`);
    }
    return `${out.join('\n')}\n\n`;
}


/***/ })

};
