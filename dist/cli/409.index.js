export const id = 409;
export const ids = [409];
export const modules = {

/***/ 3409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   liveCatalog: () => (/* binding */ liveCatalog)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4371);
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7008);
/* harmony import */ var _bundled_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6910);
/* harmony import */ var _swagger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(759);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);
/**
 * `catalog: live`: the operation catalog read from the org's own region, `GET
 * https://api.{host}/api/v2/docs/swagger` (the public Platform API swagger: no token, read-only).
 */





/** Reads and converts the live swagger. Throws PreflightError (exit 2) with the reason when it cannot. */
async function liveCatalog(apiBase, at, timeoutMs = 30_000) {
    const url = `${apiBase.replace(/\/+$/, '')}/api/v2/docs/swagger`;
    const host = new URL(url).host;
    let text;
    try {
        const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs, headers: { accept: 'application/json' } });
        text = await res.body.text();
        if (res.statusCode !== 200)
            throw new Error(`HTTP ${res.statusCode}`);
    }
    catch (e) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .w([
            (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fatal */ .h)('unverifiable', `catalog live: could not read the Platform API swagger from ${host} (${e.message})`, at, 'retry, or use catalog: bundled'),
        ]);
    }
    try {
        return new _catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .Catalog */ .W((0,_swagger_js__WEBPACK_IMPORTED_MODULE_3__/* .operationsFromSwagger */ .jr)(JSON.parse(text)), (0,_bundled_js__WEBPACK_IMPORTED_MODULE_2__/* .extraVocabulary */ .j9)(), (0,_bundled_js__WEBPACK_IMPORTED_MODULE_2__/* .extraScopes */ .aE)());
    }
    catch (e) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .w([(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fatal */ .h)('unverifiable', `catalog live: ${host} did not answer with a swagger document (${e.message})`, at, 'use catalog: bundled')]);
    }
}


/***/ })

};
