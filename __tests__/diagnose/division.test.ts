/**
 * The division of a diagnosed 403 "when the log or the manifest tells it" (issue 14): the manifest
 * resource the log names (Terraform address, Archy flow name) or the only one whose plan makes the
 * failed call, and the division the manifest places it in. The corpus cases
 * (__tests__/fixtures/logs/manifest-cases.json) run the real check of the bundled examples; the
 * unit cases show what is never guessed.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { runCheck } from '../../src/engine.js';
import { declaredGrants } from '../../src/grants/declared.js';
import type { GrantsReader } from '../../src/grants/types.js';
import { diagnose, type LogFailure } from '../../src/diagnose/index.js';
import { explainFailures, type Diagnosis } from '../../src/diagnose/explain.js';
import { diagnosisMarkdown, diagnosisText } from '../../src/diagnose/render.js';
import { isTerraformAddress, matchResource } from '../../src/diagnose/resolve.js';
import type { Report } from '../../src/report/model.js';
import type { Finding, Principal, Requirement, Resource, SourceLocation } from '../../src/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOGS = join(ROOT, '__tests__', 'fixtures', 'logs');
const catalog = bundledCatalog();

interface Expected {
  line: number;
  org?: string;
  resource?: string;
  division?: { name: string; from: 'log' | 'manifest'; at?: string };
  predicted: boolean;
  cause?: string;
}
interface Case {
  log: string;
  manifest: string;
  org?: string;
  diagnoses: Expected[];
}
const cases = (JSON.parse(readFileSync(join(LOGS, 'manifest-cases.json'), 'utf8')) as { cases: Case[] }).cases;

/** check as `diagnose --manifest` runs it (offline, declared principals), with the expanded resources. */
async function checkOf(manifest: string, org?: string) {
  let resources: readonly Resource[] = [];
  const principals = new Map<string, Principal>();
  const grants: GrantsReader = async (o, i, ctx) => {
    resources = ctx.resources;
    const g = await declaredGrants(o, i, ctx);
    if (g.principal) principals.set(o.name, g.principal);
    return g;
  };
  const report = await runCheck({
    manifestPath: join(ROOT, manifest),
    mode: 'offline',
    orgs: org ? [org] : [],
    grants,
  });
  return { report, resources, principals };
}

const at = (l?: SourceLocation) => (l ? `${l.file.replace(`${ROOT}/`, '')}:${l.line}` : undefined);

const shape = (d: Diagnosis): Expected => ({
  line: d.failure.line,
  ...(d.org ? { org: d.org } : {}),
  ...(d.resource ? { resource: d.resource } : {}),
  ...(d.division
    ? {
        division: {
          name: d.division.name,
          from: d.division.from,
          ...(d.division.location ? { at: at(d.division.location) } : {}),
        },
      }
    : {}),
  predicted: d.predicted,
  ...(d.cause ? { cause: d.cause } : {}),
});

describe('corpus logs against the bundled examples (manifest-cases.json)', () => {
  it.each(cases.map((c) => [c.log, c] as const))('%s', async (_name, c) => {
    const { report, resources, principals } = await checkOf(c.manifest, c.org);
    const failures = diagnose(readFileSync(join(LOGS, c.log), 'utf8'), catalog);
    const got = explainFailures(failures, c.log, report, principals, c.org, resources);
    expect(got.map(shape)).toEqual(c.diagnoses);
    for (const d of got) {
      // The fix and the finding carry the division the diagnosis gives (check's own, when predicted).
      if (d.division && !d.predicted) expect(d.findings[0]!.division).toBe(d.division.name);
      if (d.resource && !d.predicted) expect(d.findings[0]!.resource).toBe(d.resource);
    }
  });

  it('a Terraform flow is matched through its address only with the expanded resources', async () => {
    const { report, principals } = await checkOf('examples/terraform/genesys-preflight.yml');
    const failures = diagnose(readFileSync(join(LOGS, '34-tf-plan-addresses.log'), 'utf8'), catalog);
    const got = explainFailures(failures, 'deploy.log', report, principals);
    const flow = got.find((d) => d.failure.resource === 'genesyscloud_flow.billing_ivr')!;
    expect(flow.resource).toBeUndefined();
    expect(flow.division).toBeUndefined();
    // Nor is it said to be missing from the manifest: the plan's flows are matched only with the expanded manifest.
    expect(flow.cause).toBe('other-grants');
    // A `terraform:` resource is labelled by its address: the report alone matches it.
    const queue = got.find((d) => d.failure.resource === 'genesyscloud_routing_queue.billing')!;
    expect(queue.resource).toBe('terraform:genesyscloud_routing_queue.billing');
    expect(queue.division).toMatchObject({ name: 'Support', from: 'manifest' });
  });

  it('a call no resource of the manifest makes, naming no resource: no division (nothing guessed)', async () => {
    const { report, principals, resources } = await checkOf('examples/genesys-preflight.yml', 'prod-eu');
    const body = JSON.stringify({
      message: 'You are missing the following permission(s): routing:scheduleGroup:delete',
      code: 'missing.permissions',
      status: 403,
      messageParams: { permissions: 'routing:scheduleGroup:delete' },
    });
    // Holiday Hours is the only resource of prod-eu that calls the schedule-group API; DELETE is not in its plan.
    const url = 'https://api.mypurecloud.ie/api/v2/architect/schedulegroups/x';
    const log = `"Holiday Hours": DELETE ${url} -> HTTP 403\n${body}\n`;
    const failures = diagnose(log, catalog);
    expect(failures[0]!.operation).toBe('DELETE /api/v2/architect/schedulegroups/{scheduleGroupId}');
    const [d] = explainFailures(failures, 'deploy.log', report, principals, 'prod-eu', resources);
    // No resource is named and no requirement of the manifest makes this call: no division.
    expect(d!.resource).toBeUndefined();
    expect(d!.division).toBeUndefined();
    expect(d!.findings[0]).toMatchObject({ code: 'unpredicted-403', operation: failures[0]!.operation });
    expect(d!.findings[0]!.division).toBeUndefined();
    expect(d!.cause).toBe('no-plan');
  });
});

/** A requirement of a synthetic report. */
function req(resource: string, operation: string, division: string | null, perms: string[], line = 1): Requirement {
  return {
    resource,
    action: 'deploy',
    operation,
    purpose: 'test',
    scopes: [],
    scopesUnknown: false,
    permissions: perms.length ? { mode: 'ANY', values: perms } : null,
    division,
    ...(division ? { divisionLocation: { file: 'm.yml', line, column: 1 } } : {}),
    location: { file: 'm.yml', line, column: 1 },
  };
}

function failure(extra: Partial<LogFailure>): LogFailure {
  return { kind: 'provider', line: 3, status: 403, excerpt: 'x', ...extra };
}

const flowResource = (name: string, address: string, division: string): Resource => ({
  kind: 'flow',
  name,
  action: 'deploy',
  deployer: 'cx-as-code',
  orgs: ['prod'],
  division,
  location: { file: 'plan.json', line: 1, column: 1 },
  details: { flowType: 'inboundCall', forceUnlock: false, address },
});

const JOBS = 'POST /api/v2/flows/jobs';
const QUEUES = 'POST /api/v2/routing/queues';

describe('matchResource: never guessed', () => {
  const org = {
    name: 'prod',
    requirements: [
      req('flow:Main IVR', JOBS, 'Home', ['architect:job:create'], 3),
      req('flow:Main IVR', 'GET /api/v2/routing/queues', null, ['routing:queue:view']),
      req('flow:Sales IVR', JOBS, 'Sales', ['architect:job:create'], 4),
      req('terraform:genesyscloud_routing_queue.moved', 'PUT /api/v2/routing/queues/{queueId}', 'Sales', ['q:e:x']),
      req('terraform:genesyscloud_routing_queue.moved', 'PUT /api/v2/routing/queues/{queueId}', 'Home', ['q:e:x']),
      req('scheduleGroup:Main IVR', 'POST /api/v2/architect/schedulegroups', 'Home', ['routing:scheduleGroup:add']),
      req('terraform:genesyscloud_routing_queue.a', QUEUES, 'Home', ['routing:queue:add']),
      req('terraform:genesyscloud_routing_queue.b', QUEUES, 'Home', ['routing:queue:add']),
    ],
  };
  const resources = [
    flowResource('Main IVR', 'genesyscloud_flow.main', 'Home'),
    flowResource('Sales IVR', 'genesyscloud_flow.sales', 'Sales'),
    // Two flows of one address (a module instance written twice would be a broken plan): ambiguous.
    flowResource('Main IVR', 'genesyscloud_flow.twice', 'Home'),
    flowResource('Sales IVR', 'genesyscloud_flow.twice', 'Sales'),
  ];

  it('a Terraform address of a flow: its label and division', () => {
    const got = matchResource(failure({ resource: 'genesyscloud_flow.sales', operation: JOBS }), org, resources);
    expect(got).toEqual({
      resource: 'flow:Sales IVR',
      division: { name: 'Sales', location: { file: 'm.yml', line: 4, column: 1 } },
    });
  });

  it('an address of two resources, or of none, or a resource of another org: nothing', () => {
    expect(matchResource(failure({ resource: 'genesyscloud_flow.twice', operation: JOBS }), org, resources)).toEqual(
      {},
    );
    expect(matchResource(failure({ resource: 'genesyscloud_flow.other', operation: JOBS }), org, resources)).toEqual(
      {},
    );
    const elsewhere = [{ ...flowResource('Sales IVR', 'genesyscloud_flow.eu', 'Sales'), orgs: ['prod-eu'] }];
    expect(matchResource(failure({ resource: 'genesyscloud_flow.eu', operation: JOBS }), org, elsewhere)).toEqual({});
  });

  it('a resource moved between divisions by the plan: the resource, no division', () => {
    const moved = failure({
      resource: 'genesyscloud_routing_queue.moved',
      operation: 'PUT /api/v2/routing/queues/{queueId}',
    });
    expect(matchResource(moved, org)).toEqual({ resource: 'terraform:genesyscloud_routing_queue.moved' });
  });

  it('an Archy flow name matches flows only, exactly', () => {
    const named = (resource: string) => failure({ kind: 'archy-step', resource, permissions: ANY_JOB });
    expect(matchResource(named('Main IVR'), org)).toMatchObject({
      resource: 'flow:Main IVR',
      division: { name: 'Home' },
    });
    expect(matchResource(named('main ivr'), org)).toEqual({});
    expect(matchResource(named('Holiday Hours'), org)).toEqual({});
  });

  it('a call that is not division-bound gives the resource and no division', () => {
    const q = failure({ resource: 'Main IVR', kind: 'archy-step', operation: 'GET /api/v2/routing/queues' });
    expect(matchResource(q, org)).toEqual({ resource: 'flow:Main IVR' });
  });

  it('no name: the only resource whose plan makes the call, else nothing', () => {
    const sched = failure({ kind: 'error-body', operation: 'POST /api/v2/architect/schedulegroups' });
    expect(matchResource(sched, org)).toMatchObject({ resource: 'scheduleGroup:Main IVR', division: { name: 'Home' } });
    // Two queues (same division) and two flows (two divisions) make these calls: no resource, no division.
    expect(matchResource(failure({ kind: 'error-body', operation: QUEUES }), org)).toEqual({});
    expect(matchResource(failure({ kind: 'error-body', operation: JOBS }), org)).toEqual({});
    expect(matchResource(failure({ kind: 'error-body' }), org)).toEqual({});
  });

  it('recognises Terraform addresses of the Genesys provider', () => {
    expect(isTerraformAddress('genesyscloud_flow.main')).toBe(true);
    expect(isTerraformAddress('module.ivr.genesyscloud_routing_queue.x["a"]')).toBe(true);
    expect(isTerraformAddress('data.genesyscloud_auth_division.home')).toBe(true);
    expect(isTerraformAddress('aws_lambda_function.hook')).toBe(false);
    expect(isTerraformAddress('Main IVR')).toBe(false);
  });
});

const ANY_JOB = { mode: 'ALL' as const, values: ['architect:job:create'] };

describe('explainFailures: the division in the diagnosis', () => {
  const orgReport = (name: string, orgId: string | null, findings: Finding[] = []) => ({
    name,
    orgId,
    region: 'us-east-1',
    principal: 'declared' as const,
    passed: findings.length === 0,
    requirements: [req('flow:Main IVR', JOBS, 'Home', ['architect:job:create'], 3)],
    findings,
  });
  const report = (orgs: ReturnType<typeof orgReport>[]): Report => ({
    version: 2,
    mode: 'offline',
    passed: true,
    manifest: 'm.yml',
    summary: { errors: 0, warnings: 0, notices: 0 },
    orgs,
    findings: [],
  });
  const principal: Principal = {
    source: 'declared',
    grant: 'client-credentials',
    scopes: [],
    roles: [
      { role: 'Deployer', permissions: [{ permission: 'architect:job:create' }], divisions: [{ name: 'Sales' }] },
    ],
  };

  it('from the manifest: worded by evaluate in that division (a missing division grant)', () => {
    const f = failure({ resource: 'genesyscloud_flow.main', operation: JOBS, permissions: ANY_JOB });
    const resources = [flowResource('Main IVR', 'genesyscloud_flow.main', 'Home')];
    const r = report([orgReport('prod', null)]);
    const [d] = explainFailures([f], 'deploy.log', r, new Map([['prod', principal]]), undefined, resources);
    expect(d).toMatchObject({
      org: 'prod',
      resource: 'flow:Main IVR',
      division: { name: 'Home', from: 'manifest', location: { file: 'm.yml', line: 3 } },
      predicted: false,
    });
    expect(d!.findings[0]).toMatchObject({ code: 'unpredicted-403', division: 'Home', resource: 'flow:Main IVR' });
    expect(d!.findings[0]!.fix).toMatch(/grant role Deployer in division Home/);
    expect(diagnosisText([d!], 'deploy.log')).toContain(
      '  division: Home, from the manifest: flow:Main IVR is placed there (m.yml:3)',
    );
    expect(diagnosisMarkdown([d!], 'deploy.log')).toContain(
      'all of architect:job:create in division `Home` (manifest: `flow:Main IVR`)',
    );
  });

  it('the log names a division: it wins, and says so', () => {
    const f = failure({ resource: 'genesyscloud_flow.main', operation: JOBS, permissions: ANY_JOB, division: 'Sales' });
    const resources = [flowResource('Main IVR', 'genesyscloud_flow.main', 'Home')];
    const [d] = explainFailures([f], 'deploy.log', report([orgReport('prod', null)]), new Map(), undefined, resources);
    expect(d!.division).toEqual({ name: 'Sales', from: 'log' });
    expect(d!.resource).toBe('flow:Main IVR');
    expect(diagnosisText([d!], 'deploy.log')).toContain('  division: Sales, named in the log');
  });

  it('the org whose org id the log names, among several; else none is assumed', () => {
    const a = '11111111-2222-4333-8444-555555555555';
    const r = report([orgReport('us', a), orgReport('eu', null)]);
    const f = failure({ resource: 'genesyscloud_flow.main', operation: JOBS, permissions: ANY_JOB, orgId: a });
    const resources = [{ ...flowResource('Main IVR', 'genesyscloud_flow.main', 'Home'), orgs: ['us', 'eu'] }];
    expect(explainFailures([f], 'deploy.log', r, new Map(), undefined, resources)[0]).toMatchObject({
      org: 'us',
      division: { name: 'Home' },
    });
    const [none] = explainFailures([{ ...f, orgId: undefined }], 'deploy.log', r, new Map(), undefined, resources);
    expect(none!.org).toBeUndefined();
    expect(none!.division).toBeUndefined();
  });

  it("predicted by the resource's finding when the log names the flow but no call (Archy)", () => {
    const finding: Finding = {
      severity: 'error',
      code: 'missing-division-grant',
      message: 'flow:Main IVR: POST /api/v2/flows/jobs needs architect:job:create in division Home',
      resource: 'flow:Main IVR',
      operation: JOBS,
      division: 'Home',
      missing: ['architect:job:create'],
      fix: 'grant role Deployer in division Home too',
    };
    const other: Finding = { ...finding, resource: 'flow:Other', division: 'Sales', fix: 'grant in Sales' };
    const r = report([orgReport('prod', null, [finding, other])]);
    const archy = failure({ kind: 'archy-step', resource: 'Main IVR', permissions: ANY_JOB });
    const [d] = explainFailures([archy], 'deploy.log', r, new Map());
    expect(d).toMatchObject({ predicted: true, resource: 'flow:Main IVR', division: { name: 'Home' } });
    expect(d!.findings.map((x) => x.fix)).toEqual(['grant role Deployer in division Home too']);
    // A call the log does name is narrowed to the resource's finding too.
    const call = failure({ kind: 'error-body', resource: 'Main IVR', operation: JOBS, permissions: ANY_JOB });
    expect(explainFailures([call], 'deploy.log', r, new Map())[0]!.findings).toHaveLength(1);
  });
});
