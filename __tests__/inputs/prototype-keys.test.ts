/**
 * Keys every JavaScript object inherits (`constructor`, `toString`, `__proto__`,
 * `hasOwnProperty`, `valueOf`) written in a flow file, an options file, a substitutions map, a
 * role map, a premium-app config or a Terraform plan are data: they neither crash the check (an
 * internal error) nor count as defined because an object inherits them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCheck } from '../../src/engine.js';
import { loadManifest } from '../../src/manifest/load.js';
import { expandResources } from '../../src/resources/expand.js';
import { planResource } from '../../src/plan/index.js';
import { allFindings } from '../../src/report/model.js';
import { PreflightError } from '../../src/util/errors.js';
import type { Finding, Resource } from '../../src/types.js';
import type { FlowReference } from '../../src/types.js';

const HEAD = [
  'version: 1',
  'orgs:',
  '  - name: prod',
  '    region: us-east-1',
  '    principal:',
  '      grant: client-credentials',
  '      roles: [{role: D, divisions: ["*"]}]',
  'roles:',
  '  D: {permissions: ["*:*:*"]}',
];
const m = (...more: string[]) => [...HEAD, ...more].join('\n') + '\n';

let tmp: string;
beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'genesys-preflight-proto-')));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function workspace(files: Record<string, string>): string {
  const dir = join(tmp, `case-${++n}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
/** Expands the workspace's m.yml: the resources, or the located problems. */
function expand(dir: string): { resources: Resource[]; findings: Finding[] } | { errors: Finding[] } {
  try {
    const loaded = loadManifest(join(dir, 'm.yml'), { root: dir });
    const { resources, findings } = expandResources(loaded);
    return { resources, findings };
  } catch (e) {
    if (e instanceof PreflightError) return { errors: e.findings };
    throw e; // an internal error fails the test
  }
}
const refsOf = (r: Resource) =>
  ((r.details as { references?: FlowReference[] }).references ?? []).map(
    (x) => `${x.kind}:${x.name}${x.integration ? `@${x.integration}` : ''}`,
  );

const FLOW = `constructor: 1
toString: {a: 1}
inboundCall:
  name: Proto
  __proto__:
    targetQueue: {lit: {name: QueueUnderProto}}
  hasOwnProperty:
    constructor: {name: NotAReference}
    constructorVariable: {name: Flow.x, initialValue: {lit: {name: NotAReference}}}
    toStringCollectionVariable: {name: Flow.y, initialValue: {lit: [NotAReference]}}
    valueOf: {variable: Flow.z, value: {lit: {name: NotAReference}}}
    toString: {findName: {lit: NotAReference}}
    __proto__: {variable: Flow.w, value: {lit: {name: NotAReference}}}
  tasks:
    - transferToAcd: {targetQueue: {lit: {name: RealQueue}}}
    - callData:
        category:
          constructor: {dataAction: {toString: {}}}
    - dataTableLookup: {dataTable: {constructor: {}, __proto__: {}}}
    - decision: {condition: {exp: 'FindConstructor("x") == FindToString("y")'}}
`;

describe('flow files', () => {
  test('inherited names as keys: no crash, no reference from them, names as data where names belong', () => {
    const dir = workspace({ 'm.yml': m('flows:', '  - file: f.yaml'), 'f.yaml': FLOW });
    const r = expand(dir);
    expect(r).toHaveProperty('resources');
    const flow = (r as { resources: Resource[] }).resources[0]!;
    expect(flow.name).toBe('Proto');
    expect((flow.details as { flowType?: string }).flowType).toBe('INBOUNDCALL');
    const refs = refsOf(flow);
    expect(refs).toEqual(
      expect.arrayContaining([
        'queue:QueueUnderProto',
        'queue:RealQueue',
        'dataAction:toString@constructor',
        'dataTable:constructor',
        'dataTable:__proto__',
      ]),
    );
    expect(refs.join()).not.toContain('NotAReference');
    expect(refs).toHaveLength(5);
  });

  test('a flow file whose only keys are inherited names is not an Archy flow', () => {
    const dir = workspace({
      'm.yml': m('flows:', '  - file: f.yaml'),
      'f.yaml': 'constructor:\n  name: X\n__proto__:\n  name: Y\n',
    });
    const r = expand(dir) as { errors: Finding[] };
    expect(r.errors[0]).toMatchObject({
      code: 'manifest-invalid',
      message: expect.stringContaining('its top-level key is not a flow type'),
    });
  });
});

describe('substitutions', () => {
  test('options file and manifest keys named like inherited properties fill their placeholders; others stay unfilled', () => {
    const dir = workspace({
      'm.yml': m(
        'flows:',
        '  - file: f.yaml',
        '    optionsFile: o.yaml',
        '    substitutions: {toString: Support, valueOf: V}',
      ),
      'o.yaml': 'substitutions:\n  constructor: Main\n  __proto__: IVR\n',
      'f.yaml': 'inboundCall:\n  name: "{{constructor}} {{__proto__}} {{valueOf}}"\n  division: "{{toString}}"\n',
    });
    const r = expand(dir) as { resources: Resource[] };
    expect(r.resources.map((x) => [x.name, x.division])).toEqual([['Main IVR V', 'Support']]);

    const missing = workspace({
      'm.yml': m('flows:', '  - file: f.yaml'),
      'f.yaml': 'inboundCall:\n  name: "{{hasOwnProperty}}{{constructor}}{{__proto__}}"\n',
    });
    const e = expand(missing) as { errors: Finding[] };
    expect(e.errors.map((f) => [f.message, f.location?.column])).toEqual([
      ['this {{placeholder}} is not filled', 10],
      ['this {{placeholder}} is not filled', 28],
      ['this {{placeholder}} is not filled', 43],
    ]);
  });
});

describe('roles and orgs', () => {
  test('a role defined as "constructor" is a role; "toString" and "hasOwnProperty" are not defined', async () => {
    const text =
      m()
        .replace(
          'roles: [{role: D, divisions: ["*"]}]',
          'roles: [{role: constructor, divisions: ["*"]}, {role: __proto__, divisions: [Home]}]',
        )
        .replace(
          '  D: {permissions: ["*:*:*"]}',
          '  constructor: {permissions: ["routing:scheduleGroup:*"]}\n  __proto__: {permissions: ["architect:flow:view"]}',
        ) + 'scheduleGroups:\n  - {name: G}\n';
    const ok = workspace({ 'm.yml': text });
    const report = await runCheck({ manifestPath: join(ok, 'm.yml'), mode: 'offline' });
    expect(report.findings.filter((f) => f.fatal)).toEqual([]);
    expect(report.orgs[0]!.passed).toBe(true);

    const bad = workspace({
      'm.yml': m().replace(
        'roles: [{role: D, divisions: ["*"]}]',
        'roles: [{role: toString, divisions: ["*"]}, {role: hasOwnProperty, divisions: ["*"]}]',
      ),
    });
    const r = expand(bad) as { errors: Finding[] };
    expect(r.errors.map((f) => f.message)).toEqual([
      'org prod: the role of principal.roles[0] is not defined under "roles"',
      'org prod: the role of principal.roles[1] is not defined under "roles"',
    ]);
  });

  test('orgs named __proto__ and constructor are checked like any org', async () => {
    const text =
      m()
        .replace('  - name: prod', '  - name: __proto__')
        .replace('roles:\n  D', '  - name: constructor\n    region: us-east-1\nroles:\n  D') +
      'scheduleGroups:\n  - {name: G, orgs: [__proto__, constructor]}\n';
    const dir = workspace({ 'm.yml': text });
    const report = await runCheck({ manifestPath: join(dir, 'm.yml'), mode: 'offline' });
    expect(report.orgs.map((o) => o.name)).toEqual(['__proto__', 'constructor']);
    expect(report.orgs.map((o) => o.requirements.length > 0)).toEqual([true, true]);
  });
});

describe('premium-app configs', () => {
  test('modules and roles named like inherited properties', () => {
    const config = {
      role: [
        { name: '__proto__', permissionPolicies: [{ domain: 'routing', entityName: 'queue', actionSet: ['view'] }] },
      ],
      'oauth-client': [{ name: 'constructor', roles: ['__proto__', 'hasOwnProperty', { name: 'toString' }] }],
      constructor: [],
      hasOwnProperty: [],
    };
    const dir = workspace({
      'm.yml': m('premiumApps:', '  - {integrationType: x, config: c.json}'),
      'c.json': JSON.stringify(config),
    });
    const r = expand(dir) as { resources: Resource[]; findings: Finding[] };
    expect(r).toHaveProperty('resources');
    // The role named __proto__ is linted like any other (its permission reaches the lint).
    const names = (r.resources[0]!.details as { declaredNames: Array<{ value: string; where: string }> }).declaredNames;
    expect(names.map((n) => [n.value, n.where])).toEqual([['routing:queue:view', 'wizard role __proto__']]);
    const messages = r.findings.map((f) => f.message);
    // The client's two undefined roles, and the two modules without an API plan (not quoted).
    expect(messages.filter((x) => x.includes('gets a role the config does not create'))).toHaveLength(2);
    expect(messages.filter((x) => x.includes('a wizard module has no known API plan'))).toHaveLength(2);
    expect(messages.join()).not.toMatch(/hasOwnProperty|toString/);

    const notList = workspace({
      'm.yml': m('premiumApps:', '  - {integrationType: x, config: c.json}'),
      'c.json': '{"toString": {"a": 1}, "__proto__": 7}',
    });
    const e = expand(notList) as { errors: Finding[] };
    expect(e.errors.map((f) => f.message)).toEqual([
      expect.stringContaining('a module must be a list of objects'),
      expect.stringContaining('a module must be a list of objects'),
    ]);
  });
});

describe('Terraform plans', () => {
  test('substitutions, unknown values, types and module calls named like inherited properties', () => {
    const plan: { format_version: string; resource_changes: unknown[]; configuration: unknown } = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'module.constructor.genesyscloud_flow.f',
          module_address: 'module.constructor',
          mode: 'managed',
          type: 'genesyscloud_flow',
          name: 'f',
          change: {
            actions: ['create'],
            before: null,
            after: {
              filepath: 'f.yaml',
              substitutions: { constructor: 'Main', ['__proto__']: 'IVR', toString: 'x' },
              division_id: 'constructor',
            },
            after_unknown: { substitutions: { valueOf: true, hasOwnProperty: false } },
          },
        },
        {
          address: 'constructor.x',
          mode: 'managed',
          type: 'constructor',
          name: 'x',
          change: { actions: ['create'], before: null, after: {} },
        },
        {
          address: 'genesyscloud_toString.x',
          mode: 'managed',
          type: 'genesyscloud_toString',
          name: 'x',
          change: { actions: ['create'], before: null, after: { ['__proto__']: 1 } },
        },
        {
          address: 'genesyscloud_routing_queue.q',
          mode: 'managed',
          type: 'genesyscloud_routing_queue',
          name: 'q',
          change: { actions: ['create'], before: null, after: { name: 'Q', constructor: 1 } },
        },
      ],
      configuration: { root_module: { module_calls: { constructor: { module: { resources: [] } } } } },
    };
    const dir = workspace({
      'm.yml': m('terraform:', '  plan: plan.json', '  orgs: [prod]'),
      'plan.json': JSON.stringify(plan),
      'f.yaml': 'inboundCall:\n  name: "{{constructor}} {{__proto__}} {{valueOf}}"\n',
    });
    const r = expand(dir) as { resources: Resource[]; findings: Finding[] };
    expect(r).toHaveProperty('resources');
    expect(r.resources.map((x) => x.name)).toEqual([
      'Main IVR KNOWN-AFTER-APPLY-valueOf',
      'genesyscloud_toString.x',
      'genesyscloud_routing_queue.q',
    ]);
    expect(r.findings).toEqual([]);
    // The plan stage names the type it does not know (an own-property lookup: toString is no table entry).
    const p = planResource(r.resources[1]!);
    expect('calls' in p && p.warnings!.map((f) => f.message)).toEqual([
      expect.stringContaining(
        'genesyscloud_toString.x: resource type genesyscloud_toString is not in the CX-as-Code table',
      ),
    ]);
  });
});

test('a whole run over all of it ends in a verdict, not an internal error', async () => {
  const dir = workspace({ 'm.yml': m('flows:', '  - file: f.yaml'), 'f.yaml': FLOW });
  const report = await runCheck({ manifestPath: join(dir, 'm.yml'), mode: 'offline' });
  expect(allFindings(report).filter((f) => f.fatal)).toEqual([]);
  expect(report.orgs).toHaveLength(1);
});
