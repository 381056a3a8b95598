/**
 * The JSON report v3 (src/report/json.ts): each distinct requirement once and each distinct call
 * once, resources grouping requirements, each distinct org finding once (linked to its
 * requirement), per org only resource and finding ranges and counts; the report's size grows with
 * resources + orgs + distinct findings. And the resource × org cap (src/limits.ts).
 */
import { describe, it, expect, beforeAll } from '@jest/globals';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { orgResourceSets, ownFindings, principalFingerprint, requirementsByResource, runCheck } from '../src/engine.js';
import {
  indexRequirements,
  JSON_REPORT_VERSION,
  reportJsonChunks,
  requirementLinker,
  writeJsonReport,
} from '../src/report/json.js';
import { REPORT_SCHEMA } from '../src/report/schema.js';
import { compareFindings, REPORT_VERSION, summarize, type OrgReport, type Report } from '../src/report/model.js';
import { bundledCatalog } from '../src/catalog/bundled.js';
import { declaredPrincipal } from '../src/grants/declared.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { checkResourceOrgPairs, MAX_RESOURCE_ORG_PAIRS, resourceOrgPairs } from '../src/limits.js';
import { loadManifest } from '../src/manifest/load.js';
import { expandResources } from '../src/resources/expand.js';
import { PreflightError } from '../src/util/errors.js';
import type { Finding, Requirement, Resource } from '../src/types.js';
import { bag, expandOrgs, requirementOf, type ReportV3 } from './support/report-v3.js';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const validate = new Ajv({ allErrors: true, strict: false }).compile(REPORT_SCHEMA as object);
const toJson = (r: Report) => [...reportJsonChunks(r)].join('');
const parse = (r: Report) => JSON.parse(toJson(r)) as ReportV3;
const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const tmp = () => mkdtempSync(join(tmpdir(), 'gp-json-'));

/**
 * The canonical JSON text (`bag`, support/report-v3.ts) of each of `xs`, memoised in `memo` under `key`: the
 * big reports share requirement objects (the model's orgs) and requirement ids (the JSON's orgs) across 30
 * orgs, so each distinct one is written once instead of once per org.
 */
function texts<T>(xs: readonly T[], memo: Map<unknown, string>, key: (x: T, i: number) => unknown): string[] {
  return xs.map((x, i) => {
    const k = key(x, i);
    let text = memo.get(k);
    if (text === undefined) {
      text = bag([x])[0]!;
      memo.set(k, text);
    }
    return text;
  });
}

/** True when `a` and `b` hold the same strings, each as often (multisets), without sorting them. */
function sameBag(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const count = new Map<string, number>();
  for (const x of a) count.set(x, (count.get(x) ?? 0) + 1);
  for (const x of b) {
    const n = count.get(x);
    if (!n) return false;
    count.set(x, n - 1);
  }
  return true;
}

/**
 * The v3 report holds exactly what the in-memory report holds: per org, its requirements and findings.
 * Speed (the 30-org reports hold ~36,000 org requirements): the checks over every item compare with plain
 * code first and call expect() (~50 µs a call here) only on a mismatch, for its diff; lists are compared as
 * the canonical JSON texts of their items (`bag`, written once per object and per requirement id within a call).
 */
function expectFaithful(model: Report, json: ReportV3): void {
  if (!validate(json)) throw new Error(JSON.stringify(validate.errors));
  expect(json.version).toBe(3);
  for (const table of [json.calls, json.requirements, json.resources, json.orgFindings]) {
    const bad = table.findIndex((x, i) => x.id !== i);
    if (bad >= 0) expect(table[bad]!.id).toBe(bad);
  }
  // each call and each org finding (with its requirement) once
  expect(new Set(bag(json.calls.map(({ id: _id, ...c }) => c))).size).toBe(json.calls.length);
  expect(new Set(bag(json.orgFindings.map(({ id: _id, ...f }) => f))).size).toBe(json.orgFindings.length);
  const distinct = new Set(model.orgs.flatMap((o) => o.requirements));
  expect(json.requirements).toHaveLength(distinct.size);
  const orgs = expandOrgs(json);
  const byObject = new Map<unknown, string>();
  const byId = new Map<unknown, string>();
  model.orgs.forEach((o, i) => {
    const got = orgs[i]!;
    expect(got.name).toBe(o.name);
    expect(json.orgs[i]!.requirementCount).toBe(new Set(o.requirements).size);
    expect(got.requirementIds).toHaveLength(json.orgs[i]!.requirementCount);
    // got.requirements[k] is requirement got.requirementIds[k] of the JSON, expanded
    const gotBag = texts(got.requirements, byId, (_, k) => got.requirementIds[k]);
    const wantBag = texts([...new Set(o.requirements)], byObject, (q) => q);
    if (!sameBag(gotBag, wantBag)) expect(gotBag.sort()).toEqual(wantBag.sort());
    // in order; equal canonical texts of JSON data <=> toEqual after a JSON round trip
    const gotFindings = got.findings.map((f) => f.finding);
    const gotTexts = gotFindings.map((f) => bag([f])[0]!);
    const wantTexts = texts(o.findings, byObject, (f) => f);
    // (canonical JSON texts hold no raw newline)
    if (gotTexts.join('\n') !== wantTexts.join('\n')) expect(gotFindings).toEqual(roundTrip(o.findings));
    expect(json.orgs[i]!.summary).toEqual(summarize(o.findings));
    for (const f of got.findings) {
      if (!f.requirement) continue;
      const { resource, operation, division } = f.requirement;
      const { finding } = f;
      if (f.inOrg !== true) expect(f.inOrg).toBe(true);
      if (resource !== finding.resource || operation !== finding.operation || division !== finding.division)
        expect({ resource, operation, division }).toEqual({
          resource: finding.resource,
          operation: finding.operation,
          division: finding.division,
        });
    }
  });
  expect(json.findings).toEqual(roundTrip(model.findings));
}

describe('JSON report v3 on the example manifest', () => {
  let model: Report;
  let json: ReportV3;
  beforeAll(async () => {
    model = await runCheck({ manifestPath: 'examples/genesys-preflight.yml', mode: 'offline' });
    json = parse(model);
  });

  it('validates, says version 3, and holds every org requirement and finding of the model', () => {
    expect(JSON_REPORT_VERSION).toBe(3);
    expectFaithful(model, json);
  });

  it('lists each requirement once, though both orgs get most of them', () => {
    const perOrg = model.orgs.reduce((n, o) => n + o.requirements.length, 0);
    expect(perOrg).toBe(31 + 23);
    expect(json.requirements).toHaveLength(31);
    expect(json.resources.map((g) => [g.resource, g.requirements])).toEqual([
      ['flow:Main IVR', [0, 9]],
      ['flow:Support Email', [10, 19]],
      ['script:Sales Script', [20, 23]],
      ['scheduleGroup:Holiday Hours', [24, 26]],
      ['wfmAgentAssignment:Sales MU (2 agents)', [27, 30]],
    ]);
    expect(json.orgs.map((o) => [o.name, o.requirementCount, o.resources])).toEqual([
      ['prod-us', 31, [[0, 4]]],
      [
        'prod-eu',
        23,
        [
          [0, 1],
          [3, 3],
        ],
      ],
    ]);
  });

  it('links every finding about a planned call to its requirement, division grants included', () => {
    const [us, eu] = expandOrgs(json).map((o) =>
      o.findings.map(({ finding, requirement }) => ({ ...finding, requirement: requirement?.id })),
    );
    expect(json.orgs[1]!.summary).toEqual({ errors: 12, warnings: 0, notices: 0 });
    expect(eu!.every((f) => typeof f.requirement === 'number')).toBe(true);
    const queue = eu!.find((f) => f.location?.file.endsWith('main-ivr.yaml') && f.location.line === 33)!;
    expect(requirementOf(json, queue.requirement!)).toMatchObject({
      operation: 'GET /api/v2/routing/queues',
      location: queue.location,
    });
    const grants = eu!.filter((f) => f.code === 'missing-division-grant');
    expect(grants).toHaveLength(7); // with the same-name DELETE before publishing
    for (const g of grants) {
      const q = requirementOf(json, g.requirement!);
      const same = { operation: g.operation, divisionLocation: g.location, location: g.related };
      expect(q).toMatchObject({ resource: 'flow:Support Email', ...same });
    }
    expect(new Set(grants.map((g) => g.requirement)).size).toBe(7);
    const script = us!.find((f) => f.code === 'unverifiable')!;
    expect(requirementOf(json, script.requirement!)).toMatchObject({ operation: 'POST /uploads/v2/scripter' });
  });

  it('writes the same text to a path and to a file descriptor', () => {
    const dir = tmp();
    writeJsonReport(model, join(dir, 'r.json'));
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(toJson(model));
  });

  it('schema/report.schema.json is REPORT_SCHEMA as written by npm run schema', () => {
    const onDisk = readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8');
    expect(onDisk).toBe(JSON.stringify(REPORT_SCHEMA, null, 2) + '\n');
  });
});

/** A manifest of `resources` schedule groups and flows across `orgs` orgs whose principal holds everything. */
function manifest(dir: string, resources: number, orgs: number, extra: string[] = []): string {
  const lines = ['version: 1', 'defaults: {deployer: api}', 'orgs:'];
  for (let o = 0; o < orgs; o++) {
    lines.push(`  - name: org${o}`, '    region: us-east-1');
    lines.push("    principal: {grant: client-credentials, roles: [{role: All, divisions: ['*']}]}");
  }
  lines.push('roles:', "  All: {permissions: ['*']}", 'scheduleGroups:');
  for (let i = 0; i < resources; i++) lines.push(`  - {name: G${i}}`);
  lines.push(...extra);
  const file = join(dir, `m-${resources}-${orgs}.yml`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('size grows with resources + orgs + findings, not resources × orgs', () => {
  it('30 orgs add only their own entries to a 400-resource report', async () => {
    const dir = tmp();
    const one = await runCheck({ manifestPath: manifest(dir, 400, 1), mode: 'offline' });
    const many = await runCheck({ manifestPath: manifest(dir, 400, 30), mode: 'offline' });
    expect(many.passed).toBe(true);
    expect(many.orgs.reduce((n, o) => n + o.requirements.length, 0)).toBe(30 * one.orgs[0]!.requirements.length);
    const [a, b] = [toJson(one), toJson(many)];
    const parsed = JSON.parse(b) as ReportV3;
    expectFaithful(many, parsed);
    expect(parsed.requirements).toHaveLength(one.orgs[0]!.requirements.length);
    // each further org: its name, verdict, counts and one resource range (10 → 30 orgs: names of one length)
    const ten = toJson(await runCheck({ manifestPath: manifest(dir, 400, 10), mode: 'offline' }));
    expect((b.length - ten.length) / 20).toBeLessThan(250);
    expect(a.length).toBeGreaterThan(400 * 300);
  });

  it('resources deployed to some orgs: each org lists the ranges of its own', async () => {
    const dir = tmp();
    const extra = [
      'flows:',
      '  - {name: F1, type: inboundcall, orgs: [org1]}',
      '  - {name: F2, type: inboundcall, orgs: [org0, org2]}',
    ];
    const model = await runCheck({ manifestPath: manifest(dir, 3, 3, extra), mode: 'offline' });
    const json = parse(model);
    expectFaithful(model, json);
    const groups = ['scheduleGroup:G0', 'scheduleGroup:G1', 'scheduleGroup:G2'];
    expect(json.resources.map((g) => g.resource)).toEqual(['flow:F2', ...groups, 'flow:F1']);
    expect(json.orgs.map((o) => o.resources)).toEqual([[[0, 3]], [[1, 4]], [[0, 3]]]);
  });
});

/**
 * `orgs` orgs over `resources` flows: org i gets principal kind i % 3 (0 holds all, 1 lacks the Ops
 * division, 2 is kind 1 with user-grant scopes), every org declared at its own lines.
 */
function partners(dir: string, resources: number, orgs: number): string {
  const lines = ['version: 1', 'defaults: {deployer: archy}', 'orgs:'];
  for (let o = 0; o < orgs; o++) {
    lines.push(`  - name: org${o}`, '    region: us-east-1', '    principal:');
    if (o % 3 === 2) lines.push('      grant: user', '      scopes: [architect]');
    else lines.push('      grant: client-credentials');
    lines.push('      roles:', `        - {role: Deployer, divisions: [${o % 3 === 0 ? "'*'" : 'Home'}]}`);
  }
  lines.push('roles:', '  Deployer: {permissions: [architect:ui:view, architect:flow:*, architect:job:*]}', 'flows:');
  for (let i = 0; i < resources; i++)
    lines.push(`  - {name: F${i}, type: inboundcall, division: ${i % 2 ? 'Ops' : 'Home'}}`);
  const file = join(dir, `p-${resources}-${orgs}.yml`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('partner scale: orgs with the same principal are evaluated once and their findings written once', () => {
  it('the shared evaluation gives each org what evaluating it alone gives, at its own places', async () => {
    const dir = tmp();
    const file = partners(dir, 12, 9);
    const model = await runCheck({ manifestPath: file, mode: 'offline' });
    const loaded = loadManifest(file);
    const { resources: rs } = expandResources(loaded);
    const byResource = requirementsByResource(rs, bundledCatalog());
    model.orgs.forEach((o, i) => {
      const principal = declaredPrincipal(loaded, i)!;
      const alone = evaluate(
        rs.flatMap((r) => byResource.get(r) ?? []),
        principal,
        o.name,
      ).sort(compareFindings);
      expect(roundTrip(o.findings)).toEqual(roundTrip(alone));
    });
    // kind 2 (user grant) points at its own scopes: org5's findings are not org2's
    const related = (o: OrgReport) =>
      new Set(o.findings.flatMap((f) => (f.code === 'missing-scope' ? [f.related?.line] : [])));
    expect([...related(model.orgs[2]!)]).toHaveLength(1);
    expect(related(model.orgs[2]!)).not.toEqual(related(model.orgs[5]!));
    // kinds 0 and 1 share the finding objects of their first org
    expect(model.orgs[4]!.findings.every((f, k) => f === model.orgs[1]!.findings[k])).toBe(true);
    // ... in a list of its own (stages after the check add to an org's list in place)
    expect(new Set(model.orgs.map((o) => o.findings)).size).toBe(model.orgs.length);
    expectFaithful(model, parse(model));
  });

  it('orgs of three kinds: each distinct finding once; an org adds its counts and ranges only', async () => {
    const dir = tmp();
    const small = await runCheck({ manifestPath: partners(dir, 20, 3), mode: 'offline' });
    const big = await runCheck({ manifestPath: partners(dir, 20, 30), mode: 'offline' });
    const [a, b] = [parse(small), parse(big)];
    expectFaithful(big, b);
    const perOrg = big.orgs.reduce((n, o) => n + o.findings.length, 0);
    expect(perOrg).toBeGreaterThan(20 * 30);
    // the missing-scope findings of kind 2 point at each org's own scopes; the rest are shared
    const kind2 = big.orgs[2]!.findings.filter((f) => f.code === 'missing-scope').length;
    expect(kind2).toBeGreaterThan(0);
    expect(b.orgFindings.length).toBe(a.orgFindings.length + 9 * kind2);
    expect(b.orgs.filter((_, i) => i % 3 !== 2).every((o) => o.findings.length <= 1)).toBe(true);
  });

  it('ownFindings gives every org its own objects (before findings are changed in place)', async () => {
    const dir = tmp();
    const model = await runCheck({ manifestPath: partners(dir, 4, 6), mode: 'offline' });
    const before = roundTrip(model.orgs.map((o) => o.findings));
    expect(ownFindings(model.orgs)).toBeGreaterThan(0);
    const all = model.orgs.flatMap((o) => o.findings);
    expect(new Set(all).size).toBe(all.length);
    expect(roundTrip(model.orgs.map((o) => o.findings))).toEqual(before);
    expect(ownFindings(model.orgs)).toBe(0);
  });

  it('orgResourceSets: one list per distinct set of orgs, exact names, a name twice counts once', () => {
    const all = ['a', 'b', 'c'];
    const rs = [...resources(2, all), ...resources(1, ['b', 'b', 'x']), ...resources(1, ['A'])];
    const { sets, setOf } = orgResourceSets(rs, ['a', 'b', 'c', 'b']);
    expect(setOf).toEqual([0, 1, 0, 1]);
    expect(sets).toEqual([
      [rs[0], rs[1]],
      [rs[0], rs[1], rs[2]],
    ]);
    expect(principalFingerprint(declaredPrincipal(loadManifest(partners(tmp(), 1, 2)), 0)!)).toBe(
      principalFingerprint(declaredPrincipal(loadManifest(partners(tmp(), 1, 4)), 3)!),
    );
  });

  it('the same report written again is copied from the first file, to a path or a descriptor', async () => {
    const dir = tmp();
    const model = await runCheck({ manifestPath: partners(dir, 6, 6), mode: 'offline' });
    writeJsonReport(model, join(dir, 'a.json'));
    writeJsonReport(model, join(dir, 'b.json'));
    const fd = openSync(join(dir, 'c.json'), 'w');
    writeJsonReport(model, fd);
    closeSync(fd);
    writeJsonReport(model, join(dir, 'a.json')); // the same file again
    for (const f of ['a', 'b', 'c']) expect(readFileSync(join(dir, `${f}.json`), 'utf8')).toBe(toJson(model));
    // a report changed after it was written is serialised again
    model.orgs[0]!.findings.pop();
    writeJsonReport(model, join(dir, 'd.json'));
    expect(readFileSync(join(dir, 'd.json'), 'utf8')).toBe(toJson(model));
  });
});

const loc = (line: number, file = 'm.yml') => ({ file, line, column: 3 });
const req = (resource: string, operation: string, extra: Partial<Requirement> = {}): Requirement => ({
  resource,
  action: 'deploy',
  operation,
  purpose: `do ${operation}`,
  scopes: [],
  scopesUnknown: false,
  permissions: { mode: 'ANY', values: ['architect:flow:view'] },
  division: 'Home',
  location: loc(1),
  ...extra,
});
const org = (name: string, requirements: Requirement[], findings: Finding[] = []): OrgReport => ({
  name,
  orgId: null,
  region: 'us-east-1',
  principal: 'declared',
  passed: !findings.some((f) => f.severity === 'error'),
  requirements,
  findings,
});
const report = (orgs: OrgReport[], findings: Finding[] = []): Report => ({
  version: 1,
  mode: 'offline',
  passed: false,
  manifest: 'm.yml',
  summary: summarize([...findings, ...orgs.flatMap((o) => o.findings)]),
  orgs,
  findings,
});
const missing = (q: Requirement, extra: Partial<Finding> = {}): Finding => ({
  severity: 'error',
  code: 'missing-permission',
  resource: q.resource,
  operation: q.operation,
  division: q.division,
  location: q.location,
  message: `${q.resource}: ${q.operation} (${q.purpose}) needs more`,
  ...extra,
});

describe('indexRequirements: identity, resource groups, org ranges', () => {
  const a = [req('flow:A', 'GET /a'), req('flow:A', 'POST /a')];
  const b = [req('flow:B', 'GET /b')];
  const c = [req('flow:C', 'GET /c'), req('flow:C', 'PUT /c')];

  it('groups consecutive requirements of one resource with the same orgs; ranges per org', () => {
    const r = report([org('x', [...a, ...b, ...c]), org('y', [...a, ...c]), org('z', []), org('w', [...c, ...b])]);
    const ix = indexRequirements(r);
    expect(ix.requirements).toEqual([...a, ...b, ...c]);
    expect(ix.resources).toEqual([
      { resource: 'flow:A', requirements: [0, 1] },
      { resource: 'flow:B', requirements: [2, 2] },
      { resource: 'flow:C', requirements: [3, 4] },
    ]);
    expect(ix.orgResources).toEqual([
      [[0, 2]],
      [
        [0, 0],
        [2, 2],
      ],
      [],
      [[1, 2]],
    ]);
    expectFaithful(r, parse(r));
  });

  it('equal copies stay distinct; one object twice in an org counts once', () => {
    const copy = a.map((q) => ({ ...q }));
    const r = report([org('x', [...a, a[0]!]), org('y', copy)]);
    const json = parse(r);
    expect(json.requirements).toHaveLength(4);
    expect(json.orgs.map((o) => [o.requirementCount, o.resources])).toEqual([
      [2, [[0, 0]]],
      [2, [[1, 1]]],
    ]);
    expect(json.resources.map((g) => g.requirements)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expectFaithful(r, json);
  });

  it('splits a resource when orgs get different parts of it (never merges what orgs tell apart)', () => {
    const r = report([org('x', a), org('y', [a[1]!])]);
    expect(indexRequirements(r).resources).toEqual([
      { resource: 'flow:A', requirements: [0, 0] },
      { resource: 'flow:A', requirements: [1, 1] },
    ]);
    expectFaithful(r, parse(r));
  });

  it('a report without orgs (fatal manifest error): empty tables, global findings kept', () => {
    const fatal: Finding = { severity: 'error', code: 'manifest-invalid', message: 'bad', fatal: true };
    const json = parse(report([], [fatal]));
    expect(validate(json)).toBe(true);
    expect([json.calls, json.requirements, json.resources, json.orgFindings, json.orgs, json.findings]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [fatal],
    ]);
  });
});

describe('calls and requirement rows', () => {
  it('one call per distinct call part: equal copies of nested objects are one call, any other field apart', () => {
    const base = req('flow:A', 'GET /a');
    const same = req('flow:B', 'GET /a', { permissions: { mode: 'ANY', values: ['architect:flow:view'] } });
    const variants = [
      req('flow:C', 'GET /a', { when: 'the flow exists' }),
      req('flow:D', 'GET /a', { permissions: { mode: 'ALL', values: ['architect:flow:view'] } }),
      req('flow:E', 'GET /a', { scopesUnknown: true }),
      req('flow:F', 'GET /a', { action: 'delete' }),
      req('flow:G', 'GET /a', { unverifiable: 'not in the catalog' }),
      req('flow:H', 'GET /a', { source: { kind: 'docs', url: 'https://example.com/a' } }),
      { ...req('flow:I', 'GET /a'), extra: 1 } as Requirement,
      { ...req('flow:J', 'GET /a'), extra: 1 } as Requirement,
    ];
    const r = report([org('x', [base, same, ...variants])]);
    const json = parse(r);
    expect(json.requirements.map((q) => q.call)).toEqual([0, 0, 1, 2, 3, 4, 5, 6, 7, 7]);
    // (a field the contract does not have: kept in the call, so the schema check is left out here)
    expect(json.calls[7]).toMatchObject({ id: 7, extra: 1 });
    expect(json.calls.slice(0, 7).map(({ id: _id, ...c }) => c)).toEqual(
      roundTrip([base, ...variants.slice(0, 6)].map(({ resource: _r, division: _d, location: _l, ...c }) => c)),
    );
  });

  it('a requirement row leaves out what is undefined and keeps the places it has', () => {
    const q = req('flow:A', 'GET /a', { divisionLocation: loc(7, 'f.yaml') });
    const bare = { ...req('flow:A', 'PUT /a'), division: undefined, location: undefined } as unknown as Requirement;
    const text = toJson(report([org('x', [q, bare])]));
    expect(text).toContain(
      '{"id":0,"resource":"flow:A","call":0,"division":"Home","location":{"file":"m.yml","line":1,"column":3},' +
        '"divisionLocation":{"file":"f.yaml","line":7,"column":3}}',
    );
    expect(text).toContain('{"id":1,"resource":"flow:A","call":1}');
  });
});

/** Per org, the requirement id of each of its findings. */
const linked = (json: ReportV3) => expandOrgs(json).map((o) => o.findings.map((f) => f.requirement?.id));

describe('requirementLinker: a finding refers to the requirement it is about', () => {
  it('same operation and place, different purposes: the message names the purpose', () => {
    const find = req('flow:A', 'GET /api/v2/flows', { purpose: 'find the flow' });
    const check = req('flow:A', 'GET /api/v2/flows', { purpose: 'check the version' });
    const r = report([org('x', [find, check], [missing(check)])]);
    expect(linked(parse(r))[0]![0]).toBe(1);
  });

  it('a missing division grant, located at the division, links through its related location', () => {
    const q = req('flow:A', 'POST /a', { divisionLocation: loc(9, 'flow.yaml') });
    const other = req('flow:A', 'POST /a', { location: loc(5) });
    const f = missing(q, { code: 'missing-division-grant', location: loc(9, 'flow.yaml'), related: loc(1) });
    expect(linked(parse(report([org('x', [other, q], [f])])))[0]![0]).toBe(1);
  });

  it('only requirements of the finding own org are candidates', () => {
    const mine = req('flow:A', 'POST /a');
    const theirs = { ...mine };
    const r = report([org('x', [theirs]), org('y', [mine], [missing(mine)])]);
    const json = parse(r);
    expect(linked(json)[1]![0]).toBe(1);
    expectFaithful(r, json);
  });

  it('findings not about one call (lint, scopes-ignored) and unmatched ones get no requirement', () => {
    const q = req('flow:A', 'POST /a');
    const lint: Finding = { severity: 'warning', code: 'unknown-permission', message: 'x', location: loc(4) };
    const elsewhere = missing(q, { location: loc(40) });
    const link = requirementLinker(indexRequirements(report([org('x', [q], [lint, elsewhere])])));
    expect([link(lint, 0), link(elsewhere, 0), link(missing(q), 0)]).toEqual([undefined, undefined, 0]);
  });
});

/** `n` resources deployed to `orgs` (the same array object, as the expansion shares it). */
const resources = (n: number, orgs: string[]): Resource[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'scheduleGroup',
    name: `G${i}`,
    action: 'deploy',
    deployer: 'api',
    division: 'Home',
    orgs,
    location: loc(i + 1),
    details: {},
  }));

describe('resource × org cap', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `org${i}`);

  it('counts each resource once per checked org it goes to', () => {
    const all = names(4);
    const rs = [...resources(3, all), ...resources(2, ['org1', 'org9', 'org1'])];
    expect(resourceOrgPairs(rs, all)).toBe(3 * 4 + 2 * 1);
    expect(resourceOrgPairs(rs, ['org1'])).toBe(3 + 2);
    expect(resourceOrgPairs([], all)).toBe(0);
  });

  it('1,000 orgs × 10,000 resources (the 11 GB report of issue 10) is refused with counts only', () => {
    const all = names(1000);
    const at = { file: 'm.yml', line: 3, column: 1 };
    let error: unknown;
    try {
      checkResourceOrgPairs(resources(10_000, all), all, at);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PreflightError);
    const [f, ...more] = (error as PreflightError).findings;
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', code: 'manifest-invalid', fatal: true, location: at });
    expect(f!.message).toBe(
      'the manifest deploys 10,000 resources to 1,000 orgs: 10,000,000 resource-org pairs to check, ' +
        'more than the limit of 2,000,000',
    );
    expect(f!.fix).toMatch(/--org NAME/);
    expect(MAX_RESOURCE_ORG_PAIRS).toBe(2_000_000);
    expect(checkResourceOrgPairs(resources(10_000, names(200)), names(200), at)).toBe(2_000_000);
  });

  it('from a manifest: located at its orgs node; a smaller --org selection passes', () => {
    const dir = tmp();
    const loaded = loadManifest(manifest(dir, 30, 4));
    const { resources: rs } = expandResources(loaded);
    const at = loaded.locate(['orgs']);
    expect(at).toMatchObject({ file: expect.stringContaining('m-30-4.yml'), line: 4, column: 3 });
    expect(() => checkResourceOrgPairs(rs, ['org0', 'org1', 'org2', 'org3'], at, 100)).toThrow(PreflightError);
    try {
      checkResourceOrgPairs(rs, ['org0', 'org1', 'org2', 'org3'], at, 100);
    } catch (e) {
      expect((e as PreflightError).findings[0]!.location).toEqual(at);
    }
    expect(checkResourceOrgPairs(rs, ['org0', 'org1', 'org2'], at, 100)).toBe(90);
  });

  // Enable once src/engine.ts calls checkResourceOrgPairs after the expansion (see the H4 report).
  it('runCheck: a manifest over the cap ends in one located fatal finding and no org report', async () => {
    const dir = tmp();
    const file = manifest(dir, 2001, 1000);
    const r = await runCheck({ manifestPath: file, mode: 'offline' });
    expect(r.orgs).toEqual([]);
    const at = expect.objectContaining({ line: 4, column: 3 });
    expect(r.findings).toEqual([expect.objectContaining({ code: 'manifest-invalid', fatal: true, location: at })]);
    expect(r.findings[0]!.message).toMatch(/2,001,000 resource-org pairs/);
  });
});

describe('hidden characters in names', () => {
  it('C1 controls, line separators and bidi controls are written as \\u escapes and read back unchanged', () => {
    const name = 'flow\u0085x\u2028y\u202ez\u200b';
    const r = {
      version: REPORT_VERSION,
      mode: 'offline',
      passed: true,
      manifest: name,
      summary: summarize([]),
      orgs: [],
      findings: [],
    } as unknown as Report;
    const text = [...reportJsonChunks(r)].join('');
    expect(text).not.toMatch(/[\u0085\u2028\u202e\u200b]/);
    expect(text).toContain('"flow\\u0085x\\u2028y\\u202ez\\u200b"');
    expect((JSON.parse(text) as { manifest: string }).manifest).toBe(name);
  });
});
