/** `catalog: live`: the swagger read (GET, no token) from the org's region, here the fake on 127.0.0.1. */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { startFakeGenesys, type FakeGenesys } from '../src/genesys/fake/index.js';
import { loadCatalogOption } from '../src/catalog/option.js';
import { runCheck } from '../src/engine.js';
import { PreflightError } from '../src/util/errors.js';
import { fakeOrgs, writeScenarioManifest, type ScenarioOrg, type ScenarioRole } from './support/scenario.js';

const ROLES: ScenarioRole[] = [{ name: 'Publisher', permissions: ['architect:flow:publish', 'architect:flow:view'] }];
const ORGS: ScenarioOrg[] = [{ name: 'only', orgId: '11111111-1111-4111-8111-111111111111', roles: [{ role: 'Publisher', divisions: ['*'] }] }];
const swagger = {
  swagger: '2.0',
  info: { version: 'live-test' },
  paths: {
    '/api/v2/flows': { get: { operationId: 'getFlows', security: [{ 'PureCloud OAuth': ['architect:readonly'] }], 'x-inin-requires-permissions': { type: 'ANY', permissions: ['architect:flow:view'] } } },
    '/api/v2/flows/actions/publish': { post: { operationId: 'postFlowsActionsPublish', security: [{ 'PureCloud OAuth': ['architect'] }], 'x-inin-requires-permissions': { type: 'ALL', permissions: ['architect:flow:publish'] } } },
  },
};

let fake: FakeGenesys;
beforeAll(async () => {
  fake = await startFakeGenesys({ orgs: fakeOrgs(ORGS, ROLES), swagger });
});
afterAll(async () => {
  await fake.close();
});

describe('catalog live', () => {
  it('reads the region swagger with one GET and checks against it', async () => {
    const manifest = writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 1 });
    fake.calls.length = 0;
    const catalog = await loadCatalogOption('live', manifest);
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/v2/docs/swagger']);
    expect(catalog.size).toBe(2);
    expect(catalog.version).toBe('live-test');
    expect(catalog.lookup('POST', '/api/v2/flows/actions/publish')!.permissions).toEqual({ mode: 'ALL', values: ['architect:flow:publish'] });
    const report = await runCheck({ manifestPath: manifest, mode: 'offline', catalog });
    const o = report.orgs[0]!;
    // publish is ALL(publish) in this swagger and the principal holds it; calls the swagger lacks are unverifiable, never passed silently
    expect(o.findings.some((f) => f.code === 'missing-permission')).toBe(false);
    expect(o.findings.filter((f) => f.code === 'unverifiable').length).toBeGreaterThan(0);
  });

  it('an unreachable region fails closed (exit 2 finding), naming the host', async () => {
    const manifest = writeScenarioManifest('http://127.0.0.1:9', ORGS, ROLES, { flows: 1 });
    await expect(loadCatalogOption('live', manifest)).rejects.toBeInstanceOf(PreflightError);
    const err = await loadCatalogOption('live', manifest).catch((e: PreflightError) => e);
    expect((err as PreflightError).findings[0]).toMatchObject({ code: 'unverifiable', fatal: true, message: expect.stringMatching(/could not read the Platform API swagger from 127\.0\.0\.1:9/) });
  });
});
