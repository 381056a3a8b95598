/** `catalog: live`: the swagger read (GET, no token) from the org's region, here the fake on 127.0.0.1. */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { startFakeGenesys, type FakeGenesys } from '../test-support/fake-genesys/index.js';
import { loadCatalogOption } from '../src/catalog/option.js';
import { runCheck } from '../src/engine.js';
import { PreflightError } from '../src/util/errors.js';
import { fakeOrgs, writeScenarioManifest, type ScenarioOrg, type ScenarioRole } from './support/scenario.js';

const ROLES: ScenarioRole[] = [{ name: 'Publisher', permissions: ['architect:flow:publish', 'architect:flow:view'] }];
const ORGS: ScenarioOrg[] = [
  { name: 'only', orgId: '11111111-1111-4111-8111-111111111111', roles: [{ role: 'Publisher', divisions: ['*'] }] },
];
const swagger = {
  swagger: '2.0',
  info: { version: 'live-test' },
  paths: {
    '/api/v2/flows': {
      get: {
        operationId: 'getFlows',
        security: [{ 'PureCloud OAuth': ['architect:readonly'] }],
        'x-inin-requires-permissions': { type: 'ANY', permissions: ['architect:flow:view'] },
      },
    },
    '/api/v2/flows/actions/publish': {
      post: {
        operationId: 'postFlowsActionsPublish',
        security: [{ 'PureCloud OAuth': ['architect'] }],
        'x-inin-requires-permissions': { type: 'ALL', permissions: ['architect:flow:publish'] },
      },
    },
  },
};

const ALLOW = { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' };
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
    const catalog = await loadCatalogOption('live', manifest, { env: ALLOW });
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/v2/docs/swagger']);
    expect(catalog.size).toBe(2);
    expect(catalog.version).toBe('live-test');
    expect(catalog.lookup('POST', '/api/v2/flows/actions/publish')!.permissions).toEqual({
      mode: 'ALL',
      values: ['architect:flow:publish'],
    });
    // This swagger lacks most of the calls the deploy makes: the check stops rather than pass on warnings.
    const thin = await runCheck({ manifestPath: manifest, mode: 'offline', catalog });
    expect(thin.findings[0]).toMatchObject({
      code: 'unverifiable',
      fatal: true,
      message: expect.stringMatching(/does not describe \d+ of the \d+ calls/),
    });
    expect(thin.passed).toBe(false);
  });

  it('a full live swagger decides the requirements (here publish needs only architect:flow:publish)', async () => {
    const { OPERATIONS } = await import('../src/catalog/data/operations.generated.js');
    const paths: Record<string, Record<string, unknown>> = {};
    for (const [method, path, operationId, scopes, mode, perms] of OPERATIONS.rows) {
      const live =
        path === '/api/v2/flows/actions/publish'
          ? { type: 'ALL', permissions: ['architect:flow:publish'] }
          : mode
            ? { type: mode, permissions: perms }
            : undefined;
      (paths[path] ??= {})[method.toLowerCase()] = {
        operationId,
        security: [{ 'PureCloud OAuth': scopes }],
        ...(live ? { 'x-inin-requires-permissions': live } : {}),
      };
    }
    const full = await startFakeGenesys({
      orgs: fakeOrgs(ORGS, ROLES),
      swagger: { swagger: '2.0', info: { version: 'live-full' }, paths },
    });
    try {
      const manifest = writeScenarioManifest(
        full.apiBase,
        ORGS,
        [{ name: 'Publisher', permissions: ['architect:ui:view', 'architect:flow:*', 'routing:queue:view'] }],
        { flows: 1 },
      );
      const report = await runCheck({ manifestPath: manifest, mode: 'offline', catalogOption: 'live', env: ALLOW });
      expect(report.catalog?.source).toBe('live-full');
      const pub = report.orgs[0]!.requirements.find((q) => q.operation === 'POST /api/v2/flows/actions/publish')!;
      expect(pub.permissions).toEqual({ mode: 'ALL', values: ['architect:flow:publish'] });
      expect(report.orgs[0]!.passed).toBe(true);
    } finally {
      await full.close();
    }
  });

  it('an unreachable region fails closed (exit 2 finding), naming the host', async () => {
    const manifest = writeScenarioManifest('http://127.0.0.1:9', ORGS, ROLES, { flows: 1 });
    await expect(loadCatalogOption('live', manifest, { env: ALLOW })).rejects.toBeInstanceOf(PreflightError);
    const err = await loadCatalogOption('live', manifest, { env: ALLOW }).catch((e: PreflightError) => e);
    expect((err as PreflightError).findings[0]).toMatchObject({
      code: 'unverifiable',
      fatal: true,
      message: expect.stringMatching(/could not read the Platform API swagger from 127\.0\.0\.1:9/),
    });
  });
});

describe('catalog live never reads from a host that is not Genesys Cloud', () => {
  it('an apiBase override that is not allowed is refused before any request', async () => {
    const manifest = writeScenarioManifest('http://127.0.0.2:8800', ORGS, ROLES, { flows: 1 });
    const err = await loadCatalogOption('live', manifest, { env: {} }).catch((e: PreflightError) => e);
    expect((err as PreflightError).findings[0]).toMatchObject({
      code: 'manifest-invalid',
      fatal: true,
      message: expect.stringMatching(/is not a Genesys Cloud host/),
    });
  });
});
