import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { request } from 'undici';
import type {
  AuthzSubject,
  DivsPermittedEntityListing,
  DomainOrganizationRole,
  ErrorBody,
  PermissionCollectionEntityListing,
  TokenInfo,
} from '../../src/genesys/models.js';
import {
  policyGrants,
  startFakeGenesys,
  type FakeGenesys,
  type FakeGenesysConfig,
} from '../../test-support/fake-genesys/index.js';
import { orgA, orgB, requirements, SECRET_A, SECRET_B, USER_TOKEN } from './fixtures.js';

const fakes: FakeGenesys[] = [];
afterEach(async () => {
  while (fakes.length) await fakes.pop()!.close();
});

async function fake(extra: Partial<FakeGenesysConfig> = {}): Promise<FakeGenesys> {
  const f = await startFakeGenesys({ orgs: [orgA(), orgB()], requirements, ...extra });
  fakes.push(f);
  return f;
}

interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

async function call<T = unknown>(
  f: FakeGenesys,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const res = await request(f.apiBase + path, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

async function login(f: FakeGenesys, clientId = 'cid-a', secret = SECRET_A): Promise<Answer<Record<string, unknown>>> {
  const res = await request(`${f.loginBase}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown>, headers: res.headers };
}

async function tokenOf(f: FakeGenesys, clientId = 'cid-a', secret = SECRET_A): Promise<string> {
  const r = await login(f, clientId, secret);
  expect(r.status).toBe(200);
  return r.body.access_token as string;
}

describe('fake: OAuth token endpoint', () => {
  it('issues opaque bearer tokens for client credentials', async () => {
    const f = await fake();
    const r = await login(f);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 86400 });
    expect(String(r.body.access_token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(f.issuedTokens()).toEqual([r.body.access_token]);
  });

  it('rejects a wrong secret and an unknown client with 401 invalid_client', async () => {
    const f = await fake();
    for (const [id, secret] of [
      ['cid-a', 'nope'],
      ['cid-zzz', SECRET_A],
      ['cid-a', SECRET_B],
    ] as const) {
      const r = await login(f, id, secret);
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error: 'invalid_client', description: expect.any(String) });
    }
  });

  it('rejects other grant types', async () => {
    const f = await fake();
    const res = await request(`${f.loginBase}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`cid-a:${SECRET_A}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=password',
    });
    expect(res.statusCode).toBe(400);
    expect(await res.body.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('answers 401 ErrorBodies without or with a bad bearer token', async () => {
    const f = await fake();
    const none = await call<ErrorBody>(f, 'GET', '/api/v2/tokens/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('authentication.required');
    const bad = await call<ErrorBody>(f, 'GET', '/api/v2/tokens/me', { token: 'not-a-token' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'bad.credentials', status: 401, contextId: expect.any(String) });
  });

  it('binds 127.0.0.1 only', async () => {
    const f = await fake();
    expect(f.apiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(f.loginBase).toBe(f.apiBase);
  });

  it('refuses configs with dangling references', async () => {
    const bad = orgA();
    bad.clients[0]!.roleDivisions.push({ roleId: 'role-missing', divisionId: 'div-home' });
    await expect(startFakeGenesys({ orgs: [bad] })).rejects.toThrow(/unknown role role-missing/);
    const bad2 = orgA();
    bad2.clients[0]!.roleDivisions.push({ roleId: 'role-flow', divisionId: 'div-nowhere' });
    await expect(startFakeGenesys({ orgs: [bad2] })).rejects.toThrow(/unknown division div-nowhere/);
  });
});

describe('fake: inspection endpoints (SDK shapes)', () => {
  it('GET /api/v2/tokens/me → TokenInfo with OAuthClient.roleDivisions', async () => {
    const f = await fake();
    const t = await tokenOf(f);
    const r = await call<TokenInfo>(f, 'GET', '/api/v2/tokens/me', { token: t });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      organization: { id: 'org-a', name: 'Org A' },
      homeOrganization: { id: 'org-a', name: 'Org A' },
      authorizedScope: [],
      OAuthClient: {
        id: 'cid-a',
        name: 'Deployer A',
        authorizedGrantType: 'CLIENT_CREDENTIALS',
        roleDivisions: [
          { roleId: 'role-flow', divisionId: 'div-support' },
          { roleId: 'role-view', divisionId: '*' },
          { roleId: 'role-groups', divisionId: 'div-home' },
        ],
        state: 'active',
        organization: { id: 'org-a', name: 'Org A' },
      },
    });
  });

  it('user tokens report their scopes and a CODE client', async () => {
    const f = await fake();
    const r = await call<TokenInfo>(f, 'GET', '/api/v2/tokens/me', { token: USER_TOKEN });
    expect(r.body.authorizedScope).toEqual(['architect']);
    expect(r.body.OAuthClient).toMatchObject({ authorizedGrantType: 'CODE', scope: ['architect'] });
    expect(r.body.OAuthClient?.roleDivisions).toBeUndefined();
  });

  it('GET /api/v2/authorization/subjects/me → one AuthzGrant per role × division, with policies', async () => {
    const f = await fake();
    const r = await call<AuthzSubject>(f, 'GET', '/api/v2/authorization/subjects/me', { token: USER_TOKEN });
    expect(r.body.id).toBe('user-1');
    expect(r.body.grants.map((g) => `${g.role.name}@${g.division.name}`)).toEqual([
      'Flow Deployer@Home',
      'Scheduler@Sales',
    ]);
    const sched = r.body.grants[1]!;
    expect(sched).toMatchObject({
      subjectId: 'user-1',
      division: { id: 'div-sales', name: 'Sales', homeDivision: false },
      role: {
        id: 'role-sched',
        policies: [
          { domain: 'routing', entityName: 'scheduleGroup', actions: ['view', 'add'], condition: 'queue in [q1]' },
        ],
      },
      grantMadeAt: expect.any(String),
    });
    const t = await tokenOf(f);
    const c = await call<AuthzSubject>(f, 'GET', '/api/v2/authorization/subjects/me', { token: t });
    expect(c.body.grants.find((g) => g.role.id === 'role-view')!.division.id).toBe('*');
  });

  it('GET /api/v2/authorization/roles/{roleId} → DomainOrganizationRole; 404 ErrorBody when unknown', async () => {
    const f = await fake();
    const r = await call<DomainOrganizationRole>(f, 'GET', '/api/v2/authorization/roles/role-flow', {
      token: USER_TOKEN,
    });
    expect(r.body).toMatchObject({
      id: 'role-flow',
      name: 'Flow Deployer',
      permissionPolicies: [
        { domain: 'architect', entityName: 'flow', actionSet: ['*'], allowConditions: false },
        { domain: 'architect', entityName: 'job', actionSet: ['create', 'view'] },
      ],
      permissions: ['architect:flow:*', 'architect:job:create', 'architect:job:view'],
    });
    const missing = await call<ErrorBody>(f, 'GET', '/api/v2/authorization/roles/nope', { token: USER_TOKEN });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'not.found' });
  });

  it('GET /api/v2/authorization/divisions pages and filters by name', async () => {
    const f = await fake();
    const p2 = await call<{
      entities: { name: string }[];
      pageCount: number;
      pageNumber: number;
      total: number;
      nextUri?: string;
    }>(f, 'GET', '/api/v2/authorization/divisions?pageSize=2&pageNumber=2', { token: USER_TOKEN });
    expect(p2.body).toMatchObject({ pageNumber: 2, pageCount: 2, total: 3, entities: [{ name: 'Sales' }] });
    expect(p2.body.nextUri).toBeUndefined();
    const byName = await call<{ entities: { id: string }[] }>(
      f,
      'GET',
      '/api/v2/authorization/divisions?name=support',
      { token: USER_TOKEN },
    );
    expect(byName.body.entities.map((d) => d.id)).toEqual(['div-support']);
  });

  it('GET /api/v2/authorization/permissions → PermissionCollectionEntityListing of the org catalog', async () => {
    const f = await fake({
      orgs: [
        {
          ...orgA(),
          permissionCatalog: [
            'architect:flow:view',
            'architect:flow:publish',
            { permission: 'directory:group:add', divisionAware: false },
          ],
        },
      ],
    });
    const r = await call<PermissionCollectionEntityListing>(f, 'GET', '/api/v2/authorization/permissions', {
      token: USER_TOKEN,
    });
    expect(r.body.entities.map((e) => e.id)).toEqual(['architect', 'directory']);
    expect(r.body.entities[0]!.permissionMap.flow!.map((p) => p.action)).toEqual(['view', 'publish']);
    expect(r.body.entities[1]!.permissionMap.group![0]).toEqual({
      domain: 'directory',
      entityType: 'group',
      action: 'add',
      label: 'add',
      allowsConditions: false,
      divisionAware: false,
    });
    const q = await call<PermissionCollectionEntityListing>(
      f,
      'GET',
      '/api/v2/authorization/permissions?queryType=domain&query=dir',
      { token: USER_TOKEN },
    );
    expect(q.body.entities.map((e) => e.id)).toEqual(['directory']);
  });

  it('GET /api/v2/authorization/products and /integrations/types/{typeId}', async () => {
    const f = await fake();
    const p = await call<{ entities: { id: string }[] }>(f, 'GET', '/api/v2/authorization/products', {
      token: USER_TOKEN,
    });
    expect(p.body.entities).toEqual([{ id: 'purecloud' }, { id: 'wem' }]);
    const b = await tokenOf(f, 'cid-b', SECRET_B); // org B admin, but org B has no integration types
    const missing = await call<ErrorBody>(f, 'GET', '/api/v2/integrations/types/premium-app-example', { token: b });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not.found', status: 404, contextId: expect.any(String) });
  });
});

describe('fake: divisionspermitted with wildcard policies', () => {
  async function permitted(f: FakeGenesys, token: string, permission: string) {
    const r = await call<DivsPermittedEntityListing>(
      f,
      'GET',
      `/api/v2/authorization/divisionspermitted/paged/me?permission=${encodeURIComponent(permission)}`,
      {
        token,
      },
    );
    expect(r.status).toBe(200);
    return { ids: r.body.entities.map((d) => d.id), all: r.body.allDivsPermitted };
  }

  it('honours entity/action wildcards and `*` divisions', async () => {
    const f = await fake();
    const t = await tokenOf(f);
    // architect:flow:* in Support only
    expect(await permitted(f, t, 'architect:flow:publish')).toEqual({ ids: ['div-support'], all: false });
    // architect:*:view granted in all divisions
    expect(await permitted(f, t, 'architect:flow:view')).toEqual({
      ids: ['div-home', 'div-support', 'div-sales'],
      all: true,
    });
    expect(await permitted(f, t, 'architect:datatable:view')).toMatchObject({ all: true });
    // job:create is explicit in Support
    expect(await permitted(f, t, 'architect:job:create')).toEqual({ ids: ['div-support'], all: false });
    expect(await permitted(f, t, 'architect:job:delete')).toEqual({ ids: [], all: false });
    expect(await permitted(f, t, 'routing:queue:view')).toEqual({ ids: [], all: false });
  });

  it('honours a domain wildcard (`*:*:*`) role', async () => {
    const f = await fake();
    const b = await tokenOf(f, 'cid-b', SECRET_B);
    expect(await permitted(f, b, 'anything:at:all')).toEqual({ ids: ['b-home'], all: true });
  });

  it('requires the permission parameter', async () => {
    const f = await fake();
    const r = await call<ErrorBody>(f, 'GET', '/api/v2/authorization/divisionspermitted/paged/me', {
      token: USER_TOKEN,
    });
    expect(r.status).toBe(400);
  });

  it('policyGrants matches exactly, with wildcards per segment', () => {
    const p = { domain: 'architect', entityName: 'flow', actionSet: ['view', 'edit'] };
    expect(policyGrants(p, 'architect:flow:view')).toBe(true);
    expect(policyGrants(p, 'architect:flow:publish')).toBe(false);
    expect(policyGrants(p, 'architect:flows:view')).toBe(false);
    expect(policyGrants({ ...p, entityName: '*' }, 'architect:job:view')).toBe(true);
    expect(policyGrants({ ...p, actionSet: ['*'] }, 'architect:flow:publish')).toBe(true);
    expect(policyGrants({ domain: '*', entityName: '*', actionSet: ['*'] }, 'wfm:agent:edit')).toBe(true);
    expect(policyGrants(p, 'architect:flow')).toBe(false);
  });
});

describe('fake: permission enforcement (403 ErrorBodies)', () => {
  it('ANY → missing.any.permissions listing every alternative', async () => {
    const f = await fake();
    // the user holds architect:flow:* in Home only; flow-support lives in Support
    const r = await call<ErrorBody>(f, 'POST', '/api/v2/flows/actions/publish?flow=flow-support', {
      token: USER_TOKEN,
    });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({
      message:
        'You must have at least one of the following permissions assigned: architect:flow:unlock, architect:flow:publish',
      code: 'missing.any.permissions',
      status: 403,
      messageWithParams: 'You must have at least one of the following permissions assigned: {permissions}',
      messageParams: { permissions: 'architect:flow:unlock, architect:flow:publish' },
      contextId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      details: [],
      errors: [],
    });
  });

  it('ALL → missing.permissions listing only what is missing', async () => {
    const lookup: FakeGenesysConfig['requirements'] = (m, t) =>
      m === 'POST' && t === '/api/v2/groups'
        ? { mode: 'ALL', permissions: ['directory:group:add', 'directory:group:edit', 'groups:team:assign'] }
        : requirements(m, t);
    const f = await fake({ requirements: lookup });
    const t = await tokenOf(f);
    const r = await call<ErrorBody>(f, 'POST', '/api/v2/groups', { token: t, body: { name: 'G' } });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({
      code: 'missing.permissions',
      status: 403,
      message: 'You are missing the following permission(s): directory:group:edit, groups:team:assign',
      messageParams: { permissions: 'directory:group:edit, groups:team:assign' },
    });
  });

  it('ALL with a single permission (POST /api/v2/flows/jobs)', async () => {
    const f = await fake();
    const b = await tokenOf(f, 'cid-b', SECRET_B);
    expect((await call(f, 'POST', '/api/v2/flows/jobs', { token: b })).status).toBe(200);
    // the user has architect:job:create in Home: allowed there (the default division of a POST)
    expect((await call(f, 'POST', '/api/v2/flows/jobs', { token: USER_TOKEN })).status).toBe(200);
    const r = await call<ErrorBody>(f, 'POST', '/api/v2/flows/jobs', {
      token: USER_TOKEN,
      headers: { 'x-fake-division': 'Sales' },
    });
    expect(r.body).toMatchObject({
      code: 'missing.permissions',
      message: 'You are missing the following permission(s): architect:job:create',
    });
  });

  it('checks the target division: body division, x-fake-division header, addressed object, Home default', async () => {
    const f = await fake();
    const t = await tokenOf(f); // architect:flow:* in Support only
    const create = (division?: unknown, headers?: Record<string, string>) =>
      call<{ id: string; division: { id: string; name: string } } & ErrorBody>(f, 'POST', '/api/v2/flows', {
        token: t,
        body: { name: 'New', type: 'inboundcall', ...(division !== undefined ? { division } : {}) },
        headers,
      });
    const ok = await create({ id: 'div-support' });
    expect(ok.status).toBe(200);
    expect(ok.body.division).toMatchObject({ id: 'div-support', name: 'Support' });
    expect((await create({ name: 'Support' })).status).toBe(200);
    expect((await create({ id: 'div-sales' })).status).toBe(403);
    expect((await create(undefined)).status).toBe(403); // Home
    expect((await create(undefined, { 'x-fake-division': 'Support' })).status).toBe(200);
    expect((await create(undefined, { 'x-fake-division': 'div-sales' })).status).toBe(403);
    // divisionId form
    expect(
      (
        await call(f, 'POST', '/api/v2/flows', {
          token: t,
          body: { name: 'X', type: 'inboundcall', divisionId: 'div-support' },
        })
      ).status,
    ).toBe(200);
    // addressed objects carry their division
    expect(
      (await call(f, 'PUT', '/api/v2/flows/flow-support', { token: t, body: { name: 'Main IVR 2' } })).status,
    ).toBe(200);
    expect((await call(f, 'PUT', '/api/v2/flows/flow-sales', { token: t, body: { name: 'x' } })).status).toBe(403);
    expect((await call(f, 'POST', '/api/v2/flows/actions/checkout?flow=flow-support', { token: t })).status).toBe(200);
    expect((await call(f, 'POST', '/api/v2/flows/actions/checkout?flow=flow-sales', { token: t })).status).toBe(403);
  });

  it('checks division-unaware requirements in any division', async () => {
    const lookup: FakeGenesysConfig['requirements'] = (m, t) =>
      m === 'POST' && t === '/api/v2/flows'
        ? { mode: 'ANY', permissions: ['architect:flow:add'], divisionAware: false }
        : null;
    const f = await fake({ requirements: lookup });
    const t = await tokenOf(f);
    expect(
      (
        await call(f, 'POST', '/api/v2/flows', {
          token: t,
          body: { name: 'N', type: 'inboundcall', division: { id: 'div-sales' } },
        })
      ).status,
    ).toBe(200);
  });

  it('reads division-awareness from the org catalog', async () => {
    const f = await fake({
      orgs: [{ ...orgA(), permissionCatalog: [{ permission: 'architect:flow:add', divisionAware: false }] }],
    });
    const t = await tokenOf(f);
    expect(
      (await call(f, 'POST', '/api/v2/flows', { token: t, body: { name: 'N', type: 'inboundcall' } })).status,
    ).toBe(200);
  });

  it('GETs without a stated division check any division, and list only permitted objects', async () => {
    const f = await fake();
    const r = await call<{ entities: { name: string }[] }>(f, 'GET', '/api/v2/flows', { token: USER_TOKEN });
    expect(r.status).toBe(200);
    expect(r.body.entities).toEqual([]); // the user views flows in Home only
    const t = await tokenOf(f);
    const all = await call<{ entities: { name: string; division: { name: string } }[] }>(
      f,
      'GET',
      '/api/v2/flows?name=*IVR',
      { token: t },
    );
    expect(all.body.entities.map((e) => `${e.name}@${e.division.name}`)).toEqual([
      'Main IVR@Support',
      'Sales IVR@Sales',
    ]);
  });

  it('enforces OAuth scopes for user tokens only', async () => {
    const f = await fake();
    const r = await call<ErrorBody>(f, 'GET', '/api/v2/scripts', { token: USER_TOKEN }); // user scopes: [architect]
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: 'not.authorized', status: 403 });
    // architect admits architect:readonly
    expect((await call(f, 'GET', '/api/v2/flows', { token: USER_TOKEN })).status).toBe(200);
    // client credentials ignore scopes (org B admin has every permission)
    const b = await tokenOf(f, 'cid-b', SECRET_B);
    expect((await call(f, 'GET', '/api/v2/scripts', { token: b })).status).toBe(200);
  });

  it('treats conditional policies as granted', async () => {
    const f = await fake();
    const r = await call(f, 'POST', '/api/v2/architect/schedulegroups', {
      token: USER_TOKEN,
      body: { name: 'S', division: { id: 'div-sales' } },
    });
    expect(r.status).toBe(200);
  });
});

describe('fake: deploy endpoints', () => {
  it('replays an Archy-style flow deploy', async () => {
    const f = await fake();
    const b = await tokenOf(f, 'cid-b', SECRET_B);
    const job = await call<{ id: string; uploadUrl: string }>(f, 'POST', '/api/v2/flows/jobs', { token: b });
    expect(job.body.uploadUrl).toContain(job.body.id);
    expect(
      (await call<{ status: string }>(f, 'GET', `/api/v2/flows/jobs/${job.body.id}`, { token: b })).body.status,
    ).toBe('Success');
    const flow = await call<{ id: string; type: string }>(f, 'POST', '/api/v2/flows', {
      token: b,
      body: { name: 'IVR', type: 'inboundcall' },
    });
    expect(flow.body.type).toBe('INBOUNDCALL');
    const id = flow.body.id;
    expect((await call(f, 'POST', `/api/v2/flows/actions/checkout?flow=${id}`, { token: b })).status).toBe(200);
    expect(
      (await call<{ id: string }>(f, 'POST', `/api/v2/flows/${id}/versions`, { token: b, body: {} })).body.id,
    ).toBe('1.0');
    expect((await call(f, 'POST', `/api/v2/flows/actions/checkin?flow=${id}`, { token: b })).status).toBe(200);
    expect(
      (await call<{ actionName: string }>(f, 'POST', `/api/v2/flows/actions/publish?flow=${id}`, { token: b })).body
        .actionName,
    ).toBe('PUBLISH');
    const got = await call<{ entities: { publishedVersion?: { id: string } }[] }>(f, 'GET', '/api/v2/flows?name=IVR', {
      token: b,
    });
    expect(got.body.entities[0]!.publishedVersion).toEqual({ id: '1.0' });
    expect((await call(f, 'DELETE', `/api/v2/flows/${id}`, { token: b })).status).toBe(200);
    expect((await call(f, 'DELETE', `/api/v2/flows/${id}`, { token: b })).status).toBe(404);
  });

  it('serves scripts, schedule groups, WFM and premium-app endpoints', async () => {
    const g = await fake({ requirements: () => null });
    const tg = await tokenOf(g); // org A client: no scripter permission, so listings hide Sales Script
    expect(
      (await call<{ entities: unknown[] }>(g, 'GET', '/api/v2/scripts?name=Sales*', { token: tg })).body.entities,
    ).toEqual([]);
    const pub = await call<{ publishedDate?: string }>(g, 'POST', '/api/v2/scripts/published', {
      token: tg,
      body: { scriptId: 'script-1' },
    });
    expect(pub.body.publishedDate).toBeDefined();
    const sg = await call<{ id: string; name: string }>(g, 'POST', '/api/v2/architect/schedulegroups', {
      token: tg,
      body: { name: 'Holidays' },
    });
    expect(
      (
        await call(g, 'PUT', `/api/v2/architect/schedulegroups/${sg.body.id}`, {
          token: tg,
          body: { name: 'Holidays 2' },
        })
      ).status,
    ).toBe(200);
    expect((await call(g, 'DELETE', `/api/v2/architect/schedulegroups/${sg.body.id}`, { token: tg })).status).toBe(200);
    const moved = await call<{ results: unknown[] }>(g, 'POST', '/api/v2/workforcemanagement/agents', {
      token: tg,
      body: { managementUnitId: 'mu', userIds: ['u1', 'u2'] },
    });
    expect(moved.body.results).toHaveLength(2);
    expect((await call(g, 'GET', '/api/v2/workforcemanagement/businessunits', { token: tg })).status).toBe(200);
    expect(
      (
        await call(g, 'POST', '/api/v2/integrations', {
          token: tg,
          body: { integrationType: { id: 'premium-app-example' } },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(g, 'POST', '/api/v2/integrations', { token: tg, body: { integrationType: { id: 'other' } } })).status,
    ).toBe(400);
    const role = await call<{ id: string }>(g, 'POST', '/api/v2/authorization/roles', {
      token: tg,
      body: {
        name: 'App Role',
        permissionPolicies: [{ domain: 'integrations', entityName: 'integration', actionSet: ['view'] }],
      },
    });
    expect((await call(g, 'GET', `/api/v2/authorization/roles/${role.body.id}`, { token: tg })).status).toBe(200);
    expect((await call(g, 'POST', '/api/v2/groups', { token: tg, body: { name: 'App Group' } })).status).toBe(200);
    const oc = await call<{ secret: string }>(g, 'POST', '/api/v2/oauth/clients', {
      token: tg,
      body: { name: 'App Client' },
    });
    expect(oc.body.secret).toEqual(expect.any(String));
  });

  it('answers 404 for unknown paths and 405 for unknown methods on known paths', async () => {
    const f = await fake();
    expect((await call<ErrorBody>(f, 'GET', '/api/v2/nothing/here', { token: USER_TOKEN })).body.code).toBe(
      'not.found',
    );
    expect((await call(f, 'DELETE', '/api/v2/tokens/me', { token: USER_TOKEN })).status).toBe(405);
  });
});

describe('fake: faults, latency and bookkeeping', () => {
  it('applies faults per org, n times, and logs them', async () => {
    const f = await fake();
    const a = await tokenOf(f);
    const b = await tokenOf(f, 'cid-b', SECRET_B);
    f.setFault({ kind: 'server-error', status: 500, org: 'org-b', times: 2 });
    expect((await call(f, 'GET', '/api/v2/tokens/me', { token: a })).status).toBe(200);
    expect((await call(f, 'GET', '/api/v2/tokens/me', { token: b })).status).toBe(500);
    expect((await call(f, 'GET', '/api/v2/tokens/me', { token: b })).status).toBe(500);
    expect((await call(f, 'GET', '/api/v2/tokens/me', { token: b })).status).toBe(200);
    const faulted = f.calls.filter((c) => c.fault);
    expect(faulted.map((c) => [c.org, c.status, c.fault])).toEqual([
      ['org-b', 500, 'server-error'],
      ['org-b', 500, 'server-error'],
    ]);
    expect(f.requestsForToken(b)).toBe(3);
    expect(f.calls.at(-1)).toMatchObject({
      method: 'GET',
      path: '/api/v2/tokens/me',
      status: 200,
      org: 'org-b',
      template: '/api/v2/tokens/me',
    });
  });

  it('answers 429 with Retry-After and the real code', async () => {
    const f = await fake({ faults: [{ kind: 'rate-limit', retryAfterSeconds: 7, times: 1 }] });
    const r = await call<ErrorBody>(f, 'GET', '/api/v2/tokens/me', { token: USER_TOKEN });
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('7');
    expect(r.body).toMatchObject({ code: 'too.many.requests.retry.after', status: 429 });
  });

  it('enforces an optional per-token rate limit', async () => {
    const f = await fake({ rateLimit: { requests: 2, windowMs: 10_000 } });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call(f, 'GET', '/api/v2/tokens/me', { token: USER_TOKEN })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('rejects tokens on demand, at the token endpoint and on API calls', async () => {
    const f = await fake();
    const remove = f.setFault({ kind: 'reject-token' });
    expect((await login(f)).status).toBe(401);
    expect((await call<ErrorBody>(f, 'GET', '/api/v2/tokens/me', { token: USER_TOKEN })).body.code).toBe(
      'bad.credentials',
    );
    remove();
    expect((await login(f)).status).toBe(200);
  });

  it('serves malformed JSON, resets connections, and hangs until closed', async () => {
    const f = await fake();
    f.setFault({ kind: 'malformed-json', times: 1 });
    const res = await request(`${f.apiBase}/api/v2/tokens/me`, { headers: { authorization: `Bearer ${USER_TOKEN}` } });
    expect(res.statusCode).toBe(200);
    await expect(res.body.json()).rejects.toThrow();

    f.setFault({ kind: 'reset', times: 1 });
    await expect(
      request(`${f.apiBase}/api/v2/tokens/me`, { headers: { authorization: `Bearer ${USER_TOKEN}` } }),
    ).rejects.toThrow();

    f.setFault({ kind: 'hang', times: 1 });
    const hung = request(`${f.apiBase}/api/v2/tokens/me`, { headers: { authorization: `Bearer ${USER_TOKEN}` } });
    const winner = await Promise.race([
      hung.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((r) => setTimeout(() => r('still hanging'), 200)),
    ]);
    expect(winner).toBe('still hanging');
    f.clearFaults();
    await f.close();
    fakes.splice(fakes.indexOf(f), 1);
    await expect(hung).rejects.toThrow();
  });

  it('adds fixed latency (global and per fault; virtual clock, no wall-clock time measured)', async () => {
    const f = await fake({ latencyMs: 40 });
    // Only setTimeout/setInterval are virtual: I/O, microtasks and setImmediate stay real.
    jest.useFakeTimers({
      doNotFake: ['Date', 'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate'],
    });
    const timers = jest.spyOn(globalThis, 'setTimeout');
    const asked = (ms: number) => timers.mock.calls.filter((c) => c[1] === ms).length;
    const turn = () => new Promise((r) => setImmediate(r));
    /**
     * Sends a GET and waits for the fake to set a `ms` delay timer; answers whether the GET is still
     * unanswered `ms - 1` virtual ms later, then lets the last ms pass.
     */
    const delayedBy = async (path: string, ms: number) => {
      let settled = false;
      const before = asked(ms);
      const answer = call(f, 'GET', path, { token: USER_TOKEN }).finally(() => void (settled = true));
      while (asked(ms) === before) await turn(); // the fake's delay timer is set
      jest.advanceTimersByTime(ms - 1);
      for (let i = 0; i < 25; i++) await turn();
      const early = settled;
      jest.advanceTimersByTime(1);
      return { early, status: (await answer).status };
    };
    try {
      expect(await delayedBy('/api/v2/tokens/me', 40)).toEqual({ early: false, status: 200 });
      f.setLatency(0);
      f.setFault({ kind: 'latency', ms: 80, path: /subjects/ });
      // no latency left on this path: answered while virtual time stands still
      expect((await call(f, 'GET', '/api/v2/tokens/me', { token: USER_TOKEN })).status).toBe(200);
      expect(await delayedBy('/api/v2/authorization/subjects/me', 80)).toEqual({ early: false, status: 200 });
    } finally {
      timers.mockRestore();
      jest.useRealTimers();
    }
  }, 10_000);
});
