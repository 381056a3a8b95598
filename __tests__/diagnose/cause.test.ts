/**
 * Why check did not predict a 403 (src/diagnose/cause.ts): each cause from what the data shows (the
 * log, the plans, the catalog, the principal), worded in the finding's message and fix, carried as
 * the diagnosis's `cause`, and rendered in the text, markdown and JSON outputs; the OAuth scopes of a
 * refusal that names no permission (`not.authorized`), from the catalog's swagger `security`.
 * The corpus cases (manifest-cases.json, division.test.ts) run the same on the bundled examples.
 */
import { describe, expect, it } from '@jest/globals';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { type Diagnosis, explainFailures } from '../../src/diagnose/explain.js';
import type { LogFailure } from '../../src/diagnose/index.js';
import { causeHeadline, diagnosisMarkdown, diagnosisText } from '../../src/diagnose/render.js';
import type { OrgReport, Report } from '../../src/report/model.js';
import type { Finding, PermissionSet, Principal, Requirement, Resource } from '../../src/types.js';

const catalog = bundledCatalog();
const QUEUES = 'POST /api/v2/routing/queues';
const SCHEDULE = 'PUT /api/v2/architect/schedulegroups/{scheduleGroupId}';
const FLOWS = 'POST /api/v2/flows';
const ANY = (...values: string[]): PermissionSet => ({ mode: 'ANY', values });
const ALL = (...values: string[]): PermissionSet => ({ mode: 'ALL', values });

/** A planned call of a synthetic report, with the catalog's permissions and scopes unless given. */
function req(resource: string, operation: string, division: string | null, perms?: PermissionSet): Requirement {
  const [method, path] = operation.split(' ') as [string, string];
  const op = catalog.lookup(method, path);
  return {
    resource,
    action: 'deploy',
    operation,
    purpose: 'test',
    scopes: op?.scopes ?? [],
    scopesUnknown: op?.scopesUnknown ?? true,
    permissions: perms ?? (op?.permissions ? { ...op.permissions, values: [...op.permissions.values] } : null),
    division,
    location: { file: 'm.yml', line: 1, column: 1 },
  };
}

function orgReport(requirements: Requirement[], extra: Partial<OrgReport> = {}): OrgReport {
  return {
    name: 'prod',
    orgId: null,
    region: 'us-east-1',
    principal: 'declared',
    passed: true,
    requirements,
    findings: [],
    ...extra,
  };
}

function report(...orgs: OrgReport[]): Report {
  return {
    version: 2,
    mode: 'offline',
    passed: true,
    manifest: 'm.yml',
    summary: { errors: 0, warnings: 0, notices: 0 },
    orgs,
    findings: [],
  };
}

function principal(roles: Array<[string, string[], string[]]>, extra: Partial<Principal> = {}): Principal {
  return {
    source: 'declared',
    grant: 'client-credentials',
    scopes: [],
    roles: roles.map(([role, permissions, divisions]) => ({
      role,
      permissions: permissions.map((permission) => ({ permission })),
      divisions: divisions.map((name) => ({ name })),
    })),
    ...extra,
  };
}

/** A failure as parse.ts gives it: `operation` is the catalog's template. */
function failure(extra: Partial<LogFailure>): LogFailure {
  return { kind: 'error-body', line: 3, status: 403, excerpt: 'x', ...extra };
}

const one = (f: LogFailure, r: Report, p?: Principal, resources: Resource[] = []): Diagnosis =>
  explainFailures([f], 'deploy.log', r, p ? new Map([[r.orgs[0]!.name, p]]) : new Map(), undefined, resources)[0]!;

const OPS = principal([['Queue Admin', ['routing:queue:add', 'routing:queue:view'], ['Home', 'Support']]]);

describe('the cause of an unpredicted 403', () => {
  it('no-plan: no plan of the manifest makes the call (a gap in the plans, to report)', () => {
    const r = report(orgReport([req('flow:Main IVR', FLOWS, 'Home')]));
    const flows = principal([['Flows', ['architect:flow:*'], ['Home']]]);
    const d = one(failure({ operation: QUEUES, permissions: ANY('routing:queue:add') }), r, flows);
    expect(d.cause).toBe('no-plan');
    expect(d.findings[0]!.code).toBe('unpredicted-403');
    expect(d.findings[0]!.fix).toBe('add `routing:queue:add` to role Flows');
    expect(d.reason).toBe(
      'No plan of the manifest makes this call for org prod: if the deploy only deploys what the manifest lists, ' +
        "this is a gap in check's plans. Please report this gap with the log excerpt",
    );
    expect(diagnosisText([d], 'deploy.log')).toContain(
      'NOT predicted by check: please report this gap (no plan of the manifest makes this call)',
    );
  });

  it('no-plan: a principal holding what the body names gets no grant as its fix', () => {
    const r = report(orgReport([req('flow:Main IVR', FLOWS, 'Home')]));
    const held = one(failure({ operation: QUEUES, permissions: ANY('routing:queue:add'), division: 'Home' }), r, OPS);
    expect(held.cause).toBe('no-plan');
    expect(held.reason).toContain(
      'excerpt. The principal check evaluated (declared in the manifest) holds `routing:queue:add` in division Home: ',
    );
    expect(held.reason).toMatch(/: the deploy also ran with other grants than the ones checked$/);
    expect(held.findings[0]!.fix).toMatch(/^run check in live mode with the deploy's own credentials/);
    // No division known: held somewhere, and no fix is made up.
    const somewhere = one(failure({ operation: QUEUES, permissions: ANY('routing:queue:add') }), r, OPS);
    expect(somewhere.reason).toMatch(/holds `routing:queue:add` in some division; the log does not say the call's$/);
    expect(somewhere.findings[0]!.fix).toBeUndefined();
  });

  it("no-plan: the named resource's plan does not make the call", () => {
    const r = report(orgReport([req('flow:Main IVR', FLOWS, 'Home'), req('flow:Other', QUEUES, 'Home')]));
    const archy = failure({ kind: 'archy-step', resource: 'Main IVR', permissions: ALL('routing:queue:add') });
    const d = one(archy, r, OPS);
    expect(d.cause).toBe('no-plan');
    expect(d.reason).toMatch(
      /^The plan of flow:Main IVR \(org prod\) does not make a call needing `routing:queue:add`/,
    );
  });

  it('not-in-manifest: a Terraform address or an Archy flow the manifest does not have', () => {
    const flows: Resource[] = [
      {
        kind: 'flow',
        name: 'Main IVR',
        action: 'deploy',
        deployer: 'cx-as-code',
        orgs: ['prod'],
        division: 'Home',
        location: { file: 'plan.json', line: 1, column: 1 },
        details: { flowType: 'inboundCall', forceUnlock: false, address: 'genesyscloud_flow.main' },
      },
    ];
    const r = report(
      orgReport([req('flow:Main IVR', FLOWS, 'Home'), req('terraform:genesyscloud_routing_queue.a', QUEUES, 'Home')]),
    );
    const tf = failure({
      kind: 'provider',
      resource: 'genesyscloud_routing_queue.b',
      operation: QUEUES,
      permissions: ANY('routing:queue:add'),
    });
    const d = one(tf, r, OPS, flows);
    expect(d.cause).toBe('not-in-manifest');
    expect(d.reason).toMatch(
      /^The log names genesyscloud_routing_queue.b, which is no resource of the manifest for org prod/,
    );
    expect(d.findings[0]!.fix).toMatch(
      /terraform show -json.*check reads genesyscloud_routing_queue.b, then run check again/,
    );
    expect(causeHeadline(d)).toBe('genesyscloud_routing_queue.b is not in the manifest');

    const archy = failure({ kind: 'archy-step', resource: 'After Hours', permissions: ALL('architect:flow:publish') });
    const a = one(archy, r, principal([['Flows', ['architect:flow:*'], ['Home']]]));
    expect(a.cause).toBe('not-in-manifest');
    expect(a.findings[0]!.fix).toMatch(/^add the flow 'After Hours' to the manifest's flows/);
    // Held in no division at all: the grant is part of the fix.
    const none = one(archy, r, principal([['Other', ['routing:queue:view'], ['Home']]]));
    expect(none.reason).toMatch(/holds `architect:flow:publish` in no division$/);
    expect(none.findings[0]!.fix).toMatch(/architect:flow:publish.*; and add the flow 'After Hours'/);
  });

  it('a Terraform address of a flow is not said to be missing without the expanded manifest', () => {
    const r = report(orgReport([req('flow:Main IVR', FLOWS, 'Home')]));
    const tf = failure({
      kind: 'provider',
      resource: 'genesyscloud_flow.main',
      operation: FLOWS,
      permissions: ALL('architect:flow:add'),
    });
    const d = one(tf, r, principal([['Flows', ['architect:flow:*'], ['Home']]]));
    expect(d.cause).toBe('other-grants');
  });

  it('other-grants: the principal check evaluated holds what the body names, in that division', () => {
    const r = report(orgReport([req('terraform:genesyscloud_routing_queue.a', QUEUES, 'Support')]));
    const f = failure({
      kind: 'provider',
      resource: 'genesyscloud_routing_queue.a',
      operation: QUEUES,
      permissions: ANY('routing:queue:add'),
    });
    const d = one(f, r, OPS);
    expect(d.cause).toBe('other-grants');
    expect(d.division).toMatchObject({ name: 'Support', from: 'manifest' });
    expect(d.reason).toBe(
      'The plan of terraform:genesyscloud_routing_queue.a makes this call in division Support, and the principal ' +
        'check ' +
        'evaluated (declared in the manifest) holds `routing:queue:add` in division Support (role Queue Admin): the ' +
        'deploy ran with other grants than the ones checked (the OAuth client the deploy used is not the one the ' +
        'manifest declares, or its roles differ from the declared ones)',
    );
    expect(d.findings[0]!.fix).toBe(
      "run check in live mode with the deploy's own credentials: genesys-preflight check --mode live with " +
        'GENESYS_PROD_CLIENT_ID and GENESYS_PROD_CLIENT_SECRET set to the OAuth client the deploy uses ' +
        '(or GENESYS_PROD_ACCESS_TOKEN to its token); it reads the roles that client holds',
    );
    expect(d.findings[0]!.remedy).toBeUndefined();
  });

  it('other-grants, live: re-run the check with the credentials the deploy uses', () => {
    const r = report(orgReport([req('queue', QUEUES, 'Support')], { principal: 'live' }));
    const d = one(failure({ operation: QUEUES, permissions: ANY('routing:queue:add') }), r, { ...OPS, source: 'live' });
    expect(d.cause).toBe('other-grants');
    expect(d.reason).toMatch(
      /\(read live\) holds .*\(another OAuth client than the one check read, or roles changed since check ran\)$/,
    );
    expect(d.findings[0]!.fix).toMatch(
      /^re-run check \(live\) with GENESYS_PROD_CLIENT_ID and GENESYS_PROD_CLIENT_SECRET/,
    );
  });

  it('other-grants without the principal (the action, live): from the check report itself', () => {
    const r = report(orgReport([req('queue', QUEUES, 'Support')], { principal: 'live' }));
    const d = one(failure({ operation: QUEUES, permissions: ANY('routing:queue:add') }), r);
    expect(d.cause).toBe('other-grants');
    expect(d.reason).toMatch(/check found the principal \(live\) holding `routing:queue:add` in division Support/);
  });

  it('other-division: the log names a division the plans do not place the call in', () => {
    const r = report(orgReport([req('flow:Main IVR', FLOWS, 'Home')]));
    const flows = principal([['Flows', ['architect:flow:*'], ['Home']]]);
    const f = failure({ operation: FLOWS, permissions: ALL('architect:flow:add'), division: 'Sales' });
    const d = one(f, r, flows);
    expect(d.cause).toBe('other-division');
    expect(d.reason).toBe(
      'The plan of flow:Main IVR makes this call in division Home; the platform refused it in division Sales (named ' +
        'in the log), where check did not evaluate it and the principal it evaluated does not hold ' +
        '`architect:flow:add` there: the object is in another division than the manifest places it in',
    );
    expect(d.findings[0]!.fix).toBe(
      'grant role Flows in division Sales too (it holds `architect:flow:add`) (or move the object to division Home)',
    );
    expect(causeHeadline(d)).toBe('refused in division Sales, where the manifest does not place the call');
  });

  it('catalog-differs: the platform named other permissions than check evaluated the call against', () => {
    const r = report(orgReport([req('queue', QUEUES, 'Home')]));
    const d = one(failure({ operation: QUEUES, permissions: ALL('routing:queue:edit') }), r, OPS);
    expect(d.cause).toBe('catalog-differs');
    expect(d.catalog).toEqual({ permissions: ANY('routing:queue:add'), scopes: ['routing'], scopesUnknown: false });
    expect(d.reason).toBe(
      "The plan of queue makes this call; check evaluated it against `routing:queue:add` (the catalog's requirement, " +
        'swagger x-inin-requires-permissions), and the platform named `routing:queue:edit`, which the principal ' +
        'check evaluated does not hold in division Home: what the platform enforced differs from what check ' +
        'evaluated. Please report the difference with the log excerpt',
    );
    expect(d.findings[0]!.fix).toMatch(/routing:queue:edit/);
    // The plan's own rule, not the catalog's: said so.
    const rule = report(orgReport([req('queue', QUEUES, 'Home', ANY('routing:queue:view'))]));
    const own = one(failure({ operation: QUEUES, permissions: ALL('routing:queue:edit') }), rule, OPS);
    expect(own.reason).toMatch(/\(the plan's rule; the catalog says `routing:queue:add`\)/);
  });

  it('an ALL body naming only the missing ones of the planned set is not a catalog difference', () => {
    const r = report(orgReport([req('flow:Main IVR', FLOWS, 'Home')]));
    const lacking = principal([['Flows', ['architect:flow:view'], ['Home']]]);
    const d = one(failure({ operation: FLOWS, permissions: ALL('architect:flow:add') }), r, lacking);
    expect(d.cause).toBe('unexplained');
    expect(d.reason).toMatch(/yet check reported nothing for it\. Please report this with the log excerpt$/);
  });

  it('unverified: check said it could not verify the call', () => {
    const unverifiable = { ...req('script:S', QUEUES, 'Home'), unverifiable: 'not in the catalog' };
    const r = report(orgReport([unverifiable]));
    const d = one(failure({ operation: QUEUES, permissions: ALL('routing:queue:edit') }), r, OPS);
    expect(d.cause).toBe('unverified');
    expect(d.reason).toBe('The plan of script:S makes this call, but check could not verify it: not in the catalog');
    const conditional = principal([['Q', [], ['Home']]]);
    conditional.roles[0]!.permissions.push({ permission: 'routing:queue:add', conditional: true });
    const finding: Finding = {
      severity: 'warning',
      code: 'conditional-permission',
      message: 'relies on a condition',
      resource: 'queue',
      operation: QUEUES,
      fix: 'confirm the condition',
    };
    const c = one(
      failure({ operation: QUEUES, permissions: ANY('routing:queue:add') }),
      report(orgReport([req('queue', QUEUES, 'Home')], { findings: [finding] })),
      conditional,
    );
    expect(c.cause).toBe('unverified');
    expect(c.reason).toMatch(/check reported that it could not verify it \(conditional-permission\)$/);
  });

  it('org-unknown: several orgs, no org id in the log, none selected', () => {
    const r = report(orgReport([]), orgReport([], { name: 'prod-eu' }));
    const d = explainFailures(
      [failure({ operation: QUEUES, permissions: ANY('routing:queue:add') })],
      'deploy.log',
      r,
    )[0]!;
    expect(d.cause).toBe('org-unknown');
    expect(d.findings[0]!.fix).toBe('run diagnose with --org ORG (one of prod, prod-eu)');
  });

  it('every cause keeps the finding code unpredicted-403 and exits as unpredicted', () => {
    const r = report(orgReport([req('queue', QUEUES, 'Home')]));
    for (const permissions of [ANY('routing:queue:add'), ALL('routing:queue:edit'), undefined]) {
      const d = one(failure({ operation: QUEUES, ...(permissions ? { permissions } : {}), code: 'x' }), r, OPS);
      expect(d.findings.map((f) => f.code)).toEqual(['unpredicted-403']);
      expect(d.cause).toBeDefined();
    }
  });
});

describe('a refusal naming no permission (not.authorized): the OAuth scopes from the catalog', () => {
  const notAuthorized = (operation: string) => failure({ operation, code: 'not.authorized' });
  const schedules = report(orgReport([req('scheduleGroup:Holiday Hours', SCHEDULE, 'Home')]));
  const editor = (scopes: string[]) =>
    principal([['Schedules', ['routing:scheduleGroup:*'], ['Home']]], { grant: 'user', scopes });

  it('without a manifest: the scopes that admit the call, cited from the catalog', () => {
    const [d] = explainFailures([notAuthorized(SCHEDULE)], 'deploy.log');
    expect(d!.scopes).toEqual({ admit: ['architect'], unknown: false });
    expect(d!.findings[0]!.code).toBe('missing-permission');
    expect(d!.findings[0]!.message).toBe(
      `${SCHEDULE} was refused (403, deploy log line 3): the platform names no permission (not.authorized). The ` +
        `catalog (swagger security) admits ${SCHEDULE} with the OAuth scope \`architect\`; it also needs ` +
        '`routing:scheduleGroup:edit` (x-inin-requires-permissions). Scopes limit user tokens only ' +
        '(client-credentials tokens are not limited by scopes)',
    );
    expect(d!.findings[0]!.fix).toBe(
      'with a user token: add scope `architect` to the OAuth client the deploy token is issued to ' +
        '(client-credentials tokens are not limited by scopes: their roles decide)',
    );
    expect(d!.findings[0]!.remedy).toEqual({ kind: 'add-scope', permissions: ['architect'], division: null });
    const text = diagnosisText([d!], 'deploy.log');
    expect(text).toContain('  no permission named (not.authorized)\n');
    expect(text).toContain('  scopes: the catalog (swagger security) admits it with architect\n');
    expect(text).toContain('  fix: with a user token: add scope `architect`');
  });

  it('a user token whose declared scopes admit none: which scope to add', () => {
    const d = one(notAuthorized(SCHEDULE), schedules, editor(['routing:readonly']));
    expect(d.cause).toBe('no-permission-named');
    expect(d.scopes).toEqual({
      admit: ['architect'],
      unknown: false,
      grant: 'user',
      source: 'declared',
      scopes: ['routing:readonly'],
      admitting: [],
    });
    expect(d.reason).toMatch(
      /The principal of org prod \(a user token\) declares the scopes `routing:readonly`, none of which admits it$/,
    );
    expect(d.findings[0]!.fix).toBe('add scope `architect` to the OAuth client the deploy token is issued to');
    expect(diagnosisText([d], 'deploy.log')).toContain(
      '  scopes: the catalog (swagger security) admits it with architect; ' +
        'the principal declares routing:readonly: none admits it',
    );
  });

  it('a user token whose declared scopes admit it: check the token the deploy used', () => {
    const d = one(notAuthorized(SCHEDULE), schedules, editor(['architect']));
    expect(d.cause).toBe('no-permission-named');
    expect(d.reason).toMatch(/declares `architect`, which admits it: the deploy's token was refused all the same/);
    expect(d.findings[0]!.fix).toBe(
      "run check in live mode with the deploy's own credentials: genesys-preflight check --mode live with " +
        "GENESYS_PROD_ACCESS_TOKEN set to the token the deploy uses; it reads the token's roles and scopes",
    );
  });

  it('a client-credentials principal: scopes do not apply to its tokens', () => {
    const d = one(
      notAuthorized(SCHEDULE),
      schedules,
      principal([['Schedules', ['routing:scheduleGroup:*'], ['Home']]]),
    );
    expect(d.cause).toBe('no-permission-named');
    expect(d.reason).toMatch(/is a client-credentials OAuth client: Genesys applies no scopes to its tokens/);
    expect(d.findings[0]!.fix).toMatch(
      /^if the deploy uses a user token: add scope `architect` .*; if it uses the client-credentials client: run check/,
    );
  });

  it('a call no plan makes: still the scopes, and the scope to add', () => {
    const d = one(notAuthorized(QUEUES), schedules, editor(['architect']));
    expect(d.cause).toBe('no-plan');
    expect(d.reason).toMatch(/Please report this gap with the log excerpt\. The catalog \(swagger security\) admits/);
    expect(d.findings[0]!.fix).toBe('add scope `routing` to the OAuth client the deploy token is issued to');
  });
});

describe('the cause in the outputs', () => {
  const r = report(
    orgReport([req('terraform:genesyscloud_routing_queue.a', QUEUES, 'Support'), req('flow:Main IVR', FLOWS, 'Home')]),
  );
  const diagnoses = explainFailures(
    [
      failure({ line: 2, operation: QUEUES, permissions: ANY('routing:queue:add') }),
      failure({
        line: 4,
        operation: 'DELETE /api/v2/routing/queues/{queueId}',
        permissions: ANY('routing:queue:delete'),
      }),
      failure({ line: 6, operation: QUEUES, code: 'not.authorized' }),
    ],
    'deploy.log',
    r,
    new Map([['prod', OPS]]),
  );

  it('text: the headline, why, and the scopes', () => {
    expect(diagnoses.map((d) => d.cause)).toEqual(['other-grants', 'no-plan', 'no-permission-named']);
    const text = diagnosisText(diagnoses, 'deploy.log');
    expect(text).toContain(
      '  NOT predicted by check: the deploy ran with other grants than the ones checked\n  why: The plan',
    );
    expect(text).toContain('  NOT predicted by check: the platform named no permission\n');
    expect(text).toContain(
      '  scopes: the catalog (swagger security) admits it with routing; the principal is a client-credentials',
    );
  });

  it('markdown: the cause in the check column, and a note per cause', () => {
    const md = diagnosisMarkdown(diagnoses, 'deploy.log');
    expect(md).toContain('| **not predicted**: the deploy ran with other grants than the ones checked |');
    expect(md).toContain(
      'no permission named (not.authorized) in division `Support` ' +
        '(manifest: `terraform:genesyscloud_routing_queue.a`); ' +
        'scopes: the catalog (swagger security) admits it with routing',
    );
    expect(md).toContain(
      '> 3 of these 403s were not predicted by the check:\n> - 1: the principal the check evaluated',
    );
    expect(md).toContain('> - 1: no plan of the manifest makes the call');
    expect(md).toContain('> - 1: the platform named no permission');
  });

  it('JSON: cause, reason, the catalog entry and the scopes are fields of the diagnosis', () => {
    const json = JSON.parse(JSON.stringify({ log: 'deploy.log', diagnoses })) as { diagnoses: Diagnosis[] };
    expect(json.diagnoses[0]).toMatchObject({
      cause: 'other-grants',
      reason: expect.stringMatching(/^The plan of terraform:genesyscloud_routing_queue.a makes this call/),
      catalog: { permissions: ANY('routing:queue:add'), scopes: ['routing'], scopesUnknown: false },
    });
    expect(json.diagnoses[2]!.scopes).toMatchObject({ admit: ['routing'], grant: 'client-credentials' });
  });

  it('a predicted failure has no cause', () => {
    const finding: Finding = {
      severity: 'error',
      code: 'missing-permission',
      message: 'm',
      operation: QUEUES,
      missing: ['routing:queue:add'],
    };
    const predicted = report(orgReport([req('q', QUEUES, 'Home')], { findings: [finding] }));
    const d = one(failure({ operation: QUEUES, permissions: ANY('routing:queue:add') }), predicted, OPS);
    expect(d.predicted).toBe(true);
    expect(d.cause).toBeUndefined();
    expect(d.reason).toBeUndefined();
  });
});
