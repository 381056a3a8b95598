/**
 * Plans as sourced data (issue 11): every planned call cites where the fact "the deployer makes
 * this call" comes from, docs/FIDELITY.md is what `npm run fidelity` writes, requirements and the
 * JSON report carry the source, and `explain` shows which plans make a call.
 */
import { describe, it, expect } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { planMatrix, referenceLookups } from '../../src/plan/matrix.js';
import { renderFidelity, NOT_PLANNED } from '../../src/plan/fidelity.js';
import { planResource } from '../../src/plan/index.js';
import { requirementsFor } from '../../src/plan/require.js';
import { loadManifest } from '../../src/manifest/load.js';
import { expandResources } from '../../src/resources/expand.js';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { explainOperation } from '../../src/explain.js';
import { runCheck } from '../../src/engine.js';
import { reportJsonChunks } from '../../src/report/json.js';
import { REPORT_SCHEMA } from '../../src/report/schema.js';
import { DEPLOYERS, type CallSource, type PlannedCall, type Resource } from '../../src/types.js';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const catalog = bundledCatalog();
const label = (c: PlannedCall) => `${c.method} ${c.path}`;

/** A source is pinned: code at a 40-hex commit with a path, or an https documentation URL. */
function expectPinned(s: CallSource | undefined, what: string): void {
  if (!s) throw new Error(`${what}: no source`);
  if (s.kind === 'code') {
    expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(s.repo).toMatch(/^[^/]+\/[^/]+$/);
    expect(s.path.length).toBeGreaterThan(0);
  } else expect(s.url).toMatch(/^https:\/\//);
}

/** Every manifest in examples/ (recursively). */
function exampleManifests(dir = join(ROOT, 'examples')): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return exampleManifests(p);
    return n === 'genesys-preflight.yml' ? [p] : [];
  });
}

describe('every planned call has a source', () => {
  const matrix = planMatrix();

  it('covers every deployer and every manifest kind it deploys', () => {
    expect(new Set(matrix.map((e) => e.deployer))).toEqual(new Set(DEPLOYERS));
    expect(matrix.length).toBe(46);
  });

  it.each(matrix.map((e) => [e.deployer, e.kind, e.action, e] as const))('%s %s %s', (_d, _k, _a, e) => {
    expect(e.calls.length).toBeGreaterThan(0);
    for (const c of e.calls) expectPinned(c.source, `${e.deployer} ${e.kind} ${e.action} ${label(c)}`);
  });

  it.each(DEPLOYERS)('flow reference lookups via %s', (d) => {
    const calls = referenceLookups(d);
    expect(calls.length).toBeGreaterThan(10);
    for (const c of calls) expectPinned(c.source, `${d} ${label(c)}`);
  });

  it('calls that are not planned cite their source too', () => {
    for (const n of NOT_PLANNED) expectPinned(n.source, n.call);
  });

  it.each(exampleManifests().map((p) => [p.slice(ROOT.length + 1)]))(
    '%s: every call of the plan tables has a source',
    (file) => {
      const loaded = loadManifest(join(ROOT, file));
      const { resources } = expandResources(loaded);
      expect(resources.length).toBeGreaterThan(0);
      const missing: string[] = [];
      for (const r of resources) {
        const p = planResource(r);
        if ('errors' in p) throw new Error(p.errors[0]!.message);
        // Every call, Terraform and wizard-config resources included (PlannedCall.source is required).
        for (const c of p.calls) if (!c.source) missing.push(`${r.kind}:${r.name} ${label(c)}`);
      }
      expect(missing).toEqual([]);
    },
  );

  it("requirements carry their call's source", () => {
    const r: Resource = {
      kind: 'flow',
      name: 'F',
      action: 'deploy',
      deployer: 'archy',
      division: 'Home',
      orgs: ['o'],
      location: { file: 'm', line: 1, column: 1 },
      details: { forceUnlock: false },
    };
    const p = planResource(r);
    if ('errors' in p) throw new Error('plan failed');
    const reqs = requirementsFor(r, p.calls, catalog);
    expect(reqs.length).toBeGreaterThan(0);
    for (const q of reqs) expectPinned(q.source, q.operation);
  });
});

describe('docs/FIDELITY.md', () => {
  it('is what `npm run fidelity` writes from the plan tables', () => {
    expect(readFileSync(join(ROOT, 'docs/FIDELITY.md'), 'utf8')).toBe(renderFidelity());
  });

  it('lists a source for every planned row and says what is not confirmed', () => {
    const text = renderFidelity();
    expect(text).not.toContain('**none**');
    expect(text).toMatch(/## Not confirmed/);
    expect(text).toMatch(/\| archy \| \d+ \| 0 \| \d+ \| 0 \| 0 \| \d+ \|/);
    // every call row has its six cells (no stray | in a purpose or condition)
    const rows = text.split('\n').filter((l) => /^\| \d+ \| `/.test(l));
    expect(rows.length).toBeGreaterThan(300);
    for (const l of rows) expect(l.replace(/\\\|/g, '').split('|')).toHaveLength(8);
  });
});

describe('the JSON report', () => {
  it('writes every requirement of the example with its source, valid against the schema', async () => {
    const model = await runCheck({ manifestPath: join(ROOT, 'examples/genesys-preflight.yml'), mode: 'offline' });
    // JSON report v3: a requirement's operation and source are its call's
    type Calls = { calls: Array<{ operation: string; source?: CallSource }> };
    const json = JSON.parse([...reportJsonChunks(model)].join('')) as Calls;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(REPORT_SCHEMA as object);
    if (!validate(json)) throw new Error(JSON.stringify(validate.errors));
    expect(json.calls.length).toBeGreaterThan(0);
    for (const c of json.calls) expectPinned(c.source, c.operation);
  });

  it('the schema refuses a source that is not pinned', () => {
    const calls = (REPORT_SCHEMA as { properties: { calls: { items: object } } }).properties.calls.items;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(calls);
    const q = {
      id: 0,
      action: 'deploy',
      operation: 'GET /api/v2/flows',
      purpose: 'p',
      scopes: [],
      scopesUnknown: false,
      permissions: null,
    };
    expect(
      validate({
        ...q,
        source: { kind: 'code', repo: 'a/b', commit: 'f955430e6bd4c0b56708d3abc06fb25a1e9031b7', path: 'x.go' },
      }),
    ).toBe(true);
    expect(validate({ ...q, source: { kind: 'code', repo: 'a/b', commit: 'main', path: 'x.go' } })).toBe(false);
    expect(validate({ ...q, source: { kind: 'docs', url: 'http://example.com' } })).toBe(false);
  });
});

describe('explain', () => {
  it('names the plans that make a catalog operation, with condition and source', () => {
    const text = explainOperation(catalog, 'POST /api/v2/flows/actions/unlock')!;
    expect(text).toMatch(/permissions: architect:flow:unlock/);
    expect(text).toMatch(/cx-as-code flow delete: unlock the flow before deleting it/);
    expect(text).toMatch(/when: with force_unlock/);
    expect(text).toContain(
      'terraform-provider-genesyscloud@f955430 genesyscloud/architect_flow/resource_genesyscloud_flow.go L269-L275',
    );
    expect(text).toMatch(/api flow deploy, create, update, publish: force-unlock/);
    expect(text).toContain('https://developer.genesys.cloud/devapps/api-explorer#post-api-v2-flows-actions-unlock');
  });

  it('matches a concrete path to the template the plans use', () => {
    expect(explainOperation(catalog, 'DELETE /api/v2/flows/abc-123')).toMatch(/archy flow delete: delete the flow/);
  });

  it('explains a planned step the catalog does not describe: the Archy session', () => {
    const text = explainOperation(catalog, 'SESSION /architect-scripting')!;
    expect(text.split('\n')[0]).toBe(
      'SESSION /architect-scripting  (not in the catalog: no published permission requirement)',
    );
    expect(text).toMatch(/archy flow deploy, create, update, delete, publish: start the Architect Scripting session/);
    expect(text).toMatch(/needs: architect:ui:view/);
    expect(text).toContain(
      'purecloud-flow-scripting-api-sdk-javascript/blob/a8d8a5d7dd5fbc1795a571c7a0cc87863b8be2ab/docs/index.html#L98-L105',
    );
  });

  it('prints nothing more for an operation no plan makes, and nothing for one neither knows', () => {
    expect(explainOperation(catalog, 'GET /api/v2/analytics/reporting/exports')!).not.toMatch(/planned by/);
    expect(explainOperation(catalog, 'GET /api/v2/nothing/here')).toBeUndefined();
    expect(explainOperation(catalog, 'SESSION /nothing')).toBeUndefined();
  });
});
