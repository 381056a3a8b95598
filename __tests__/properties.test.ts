/**
 * Properties of the evaluator (fast-check): more grants never add findings, wildcards and `*`
 * divisions mean what their expansions mean, ANY/ALL are monotone, reports follow their schema.
 */
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import { evaluate } from '../src/evaluate/evaluate.js';
import { REPORT_SCHEMA } from '../src/report/schema.js';
import { reportJsonChunks } from '../src/report/json.js';
import { compareFindings, summarize, type Report } from '../src/report/model.js';
import type { Finding, Principal, Requirement, RoleGrant } from '../src/types.js';
import { bag, expandOrgs, type ReportV3 } from './support/report-v3.js';

const DOMAINS = ['architect', 'routing'];
const ENTITIES = ['flow', 'queue'];
const ACTIONS = ['view', 'add', 'edit', 'publish', 'delete'];
const DIVISIONS = ['Home', 'Support', 'Sales'];
const CONCRETE = DOMAINS.flatMap((d) => ENTITIES.flatMap((e) => ACTIONS.map((a) => `${d}:${e}:${a}`)));
const LOC = { file: 'm.yml', line: 1, column: 1 };

const arbPermission = fc.constantFrom(...CONCRETE);
const arbPolicy = fc.oneof(
  { weight: 8, arbitrary: arbPermission },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ...DOMAINS.map((d) => `${d}:*:*`),
      ...DOMAINS.flatMap((d) => ENTITIES.map((e) => `${d}:${e}:*`)),
      '*',
    ),
  },
);
const arbRole = fc.record({
  role: fc.constantFrom('A', 'B', 'C'),
  permissions: fc.array(
    fc.record({ permission: arbPolicy, conditional: fc.boolean().map((b) => (b ? true : undefined)) }),
    { maxLength: 6 },
  ),
  divisions: fc.oneof(fc.subarray(DIVISIONS, { minLength: 1 }), fc.constant(['*'])),
});
const arbPrincipal = fc.array(arbRole, { maxLength: 3 }).map(
  (roles): Principal => ({
    grant: 'client-credentials',
    scopes: [],
    source: 'declared',
    roles: roles.map((r, i) => ({
      role: `${r.role}${i}`,
      permissions: r.permissions.map((p) =>
        p.conditional ? { permission: p.permission, conditional: true } : { permission: p.permission },
      ),
      divisions: (r.divisions as string[]).map((name) => ({ name })),
    })),
  }),
);
const arbRequirement = fc
  .record({
    mode: fc.constantFrom('ANY' as const, 'ALL' as const),
    values: fc.uniqueArray(arbPermission, { minLength: 1, maxLength: 3 }),
    division: fc.constantFrom(...DIVISIONS, null),
    i: fc.nat(1000),
  })
  .map(
    (r): Requirement => ({
      resource: `flow:F${r.i}`,
      action: 'deploy',
      operation: `POST /api/v2/x/${r.i}`,
      purpose: 'test',
      scopes: [],
      scopesUnknown: false,
      permissions: { mode: r.mode, values: r.values },
      division: r.division,
      location: LOC,
    }),
  );
const arbRequirements = fc.array(arbRequirement, { minLength: 1, maxLength: 10 });

const count = (fs: Finding[]) => fs.length;
const keys = (fs: Finding[]) => new Set(fs.map((f) => `${f.resource} ${f.operation}`));
const clone = (p: Principal): Principal => ({
  ...p,
  roles: p.roles.map((r) => ({ ...r, permissions: [...r.permissions], divisions: [...r.divisions] })),
});
const RUNS = { numRuns: 400 };

/*
 * Speed: a jest expect() call costs ~50 µs here, more than an evaluation of these small inputs, and the
 * properties below check every finding of every run. So each check is made with plain code first and
 * expect() runs (and fails, with its usual message) only when the check does not hold.
 */

/** Fails unless every finding of `after` is about a call that `before` has a finding about too. */
function expectNoNewFinding(before: Finding[], after: Finding[]): void {
  if (count(after) > count(before)) expect(count(after)).toBeLessThanOrEqual(count(before));
  const had = keys(before);
  for (const key of keys(after)) if (!had.has(key)) expect([...had]).toContain(key);
}

/** Fails unless the two lists of one-line strings are equal. */
function expectSameLines(got: string[], want: string[]): void {
  if (got.length !== want.length || got.some((x, i) => x !== want[i])) expect(got).toEqual(want);
}

describe('evaluator properties', () => {
  it('adding a permission to a role never adds a finding', () => {
    fc.assert(
      fc.property(
        arbPrincipal.filter((p) => p.roles.length > 0),
        arbRequirements,
        arbPolicy,
        fc.nat(),
        (p, reqs, perm, k) => {
          const before = evaluate(reqs, p, 'o');
          const q = clone(p);
          q.roles[k % q.roles.length]!.permissions.push({ permission: perm });
          const after = evaluate(reqs, q, 'o');
          expectNoNewFinding(before, after);
        },
      ),
      RUNS,
    );
  });

  it('granting a role in one more division (or in *) never adds a finding', () => {
    fc.assert(
      fc.property(
        arbPrincipal.filter((p) => p.roles.length > 0),
        arbRequirements,
        fc.constantFrom(...DIVISIONS, '*'),
        fc.nat(),
        (p, reqs, division, k) => {
          const before = evaluate(reqs, p, 'o');
          const q = clone(p);
          q.roles[k % q.roles.length]!.divisions.push({ name: division });
          const after = evaluate(reqs, q, 'o');
          expectNoNewFinding(before, after);
        },
      ),
      RUNS,
    );
  });

  it('a wildcard policy covers exactly what its expansion covers', () => {
    const expand = (policy: string) =>
      CONCRETE.filter(
        (c) => policy === '*' || policy.split(':').every((part, i) => part === '*' || part === c.split(':')[i]),
      );
    fc.assert(
      fc.property(arbPrincipal, arbRequirements, (p, reqs) => {
        const q = clone(p);
        q.roles = q.roles.map(
          (r): RoleGrant => ({
            ...r,
            permissions: r.permissions.flatMap((x) =>
              expand(x.permission).map((permission) =>
                x.conditional ? { permission, conditional: true } : { permission },
              ),
            ),
          }),
        );
        const a = evaluate(reqs, p, 'o')
          .map((f) => `${f.operation} ${f.code} ${f.missing?.join(',')}`)
          .sort();
        const b = evaluate(reqs, q, 'o')
          .map((f) => `${f.operation} ${f.code} ${f.missing?.join(',')}`)
          .sort();
        expectSameLines(b, a);
      }),
      RUNS,
    );
  });

  it('the * division covers every division: same findings as listing them all, and never a missing division grant', () => {
    fc.assert(
      fc.property(arbPrincipal, arbRequirements, (p, reqs) => {
        const star = clone(p);
        star.roles.forEach((r) => (r.divisions = [{ name: '*' }]));
        const all = clone(p);
        all.roles.forEach((r) => (r.divisions = DIVISIONS.map((name) => ({ name }))));
        const fs = evaluate(reqs, star, 'o');
        const grants = fs.filter((f) => f.code === 'missing-division-grant');
        if (grants.length > 0) expect(grants).toEqual([]);
        expectSameLines(
          fs.map((f) => `${f.operation} ${f.code}`).sort(),
          evaluate(reqs, all, 'o')
            .map((f) => `${f.operation} ${f.code}`)
            .sort(),
        );
      }),
      RUNS,
    );
  });

  it('ANY/ALL monotonicity: ALL satisfied ⇒ ANY satisfied; subsets of a satisfied ALL and supersets of a satisfied ANY are satisfied', () => {
    const ok = (p: Principal, r: Requirement) => evaluate([r], p, 'o').every((f) => f.severity !== 'error');
    fc.assert(
      fc.property(arbPrincipal, arbRequirement, arbPermission, (p, r, extra) => {
        const all = { ...r, permissions: { mode: 'ALL' as const, values: r.permissions!.values } };
        const any = { ...r, permissions: { mode: 'ANY' as const, values: r.permissions!.values } };
        if (ok(p, all)) {
          expect(ok(p, any)).toBe(true);
          expect(
            ok(p, {
              ...all,
              permissions: {
                mode: 'ALL',
                values: all.permissions.values.slice(1).length
                  ? all.permissions.values.slice(1)
                  : all.permissions.values,
              },
            }),
          ).toBe(true);
        }
        if (ok(p, any))
          expect(
            ok(p, { ...any, permissions: { mode: 'ANY', values: [...new Set([...any.permissions.values, extra])] } }),
          ).toBe(true);
      }),
      RUNS,
    );
  });
});

/**
 * Engine-shaped reports: each resource's requirements are planned once and shared (same objects)
 * by every org it is deployed to; orgs get different subsets; principals of both grants.
 */
const arbCall = fc.record({
  operation: fc.constantFrom('GET /api/v2/flows', 'POST /api/v2/flows', 'PUT /api/v2/flows/{flowId}'),
  mode: fc.constantFrom('ANY' as const, 'ALL' as const),
  values: fc.uniqueArray(arbPermission, { minLength: 1, maxLength: 3 }),
  scopes: fc.subarray(['architect', 'architect:readonly', 'routing']),
  unverifiable: fc.boolean(),
});
const arbResource = fc.record({
  division: fc.constantFrom(...DIVISIONS, null),
  calls: fc.array(arbCall, { minLength: 1, maxLength: 4 }),
  name: fc.constantFrom('A', 'B'),
});
const arbResources = fc.array(arbResource, { minLength: 1, maxLength: 5 }).map((rs) =>
  rs.map((r, i): Requirement[] =>
    r.calls.map((c, k) => {
      const q: Requirement = {
        resource: `flow:${r.name}`,
        action: 'deploy',
        operation: c.operation,
        purpose: `call ${k}`,
        scopes: c.scopes,
        scopesUnknown: false,
        permissions: { mode: c.mode, values: c.values },
        division: r.division,
        location: { file: 'm.yml', line: i + 1, column: 3 },
      };
      if (r.division) q.divisionLocation = { file: 'm.yml', line: i + 1, column: 20 };
      if (c.unverifiable && k === 0) q.unverifiable = 'not in the catalog';
      return q;
    }),
  ),
);
/** Per org: the principal (a user grant with one scope, or client credentials) and which resources it gets. */
const arbOrgs = fc.array(
  fc
    .tuple(arbPrincipal, fc.boolean(), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }))
    .map(([p, user, deployed]): { principal: Principal; deployed: boolean[] } => ({
      principal: user ? { ...p, grant: 'user', scopes: ['architect:readonly'] } : p,
      deployed,
    })),
  { minLength: 1, maxLength: 4 },
);

/** The canonical JSON texts (`bag`) of the two are equal: for JSON data, toEqual after a JSON round trip. */
const sameJson = (a: unknown, b: unknown) => bag([a])[0] === bag([b])[0];

describe('report schema property', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(REPORT_SCHEMA as object);
  it('every streamed JSON report (v3) validates against the schema and holds exactly what the report holds', () => {
    fc.assert(
      fc.property(arbResources, arbOrgs, (resources, orgs) => {
        const summary = { errors: 0, warnings: 0, notices: 0 };
        const report: Report = {
          version: 1,
          mode: 'offline',
          passed: false,
          manifest: 'm.yml',
          summary,
          findings: [],
          orgs: [],
        };
        orgs.forEach(({ principal, deployed }, i) => {
          const requirements = resources.filter((_, r) => deployed[r]).flat();
          const findings = evaluate(requirements, principal, `o${i}`).sort(compareFindings);
          const passed = !findings.some((f) => f.severity === 'error');
          const org = { name: `o${i}`, orgId: null, region: 'us-east-1' };
          report.orgs.push({ ...org, principal: 'declared', passed, requirements, findings });
        });
        report.summary = summarize(report.orgs.flatMap((o) => o.findings));
        report.passed = report.summary.errors === 0;
        const streamed = JSON.parse([...reportJsonChunks(report)].join('')) as ReportV3;
        if (!validate(streamed)) throw new Error(JSON.stringify(validate.errors));
        expect(streamed.version).toBe(3);
        if (streamed.requirements.some((q, i) => q.id !== i))
          expect(streamed.requirements.map((q) => q.id)).toEqual(streamed.requirements.map((_, i) => i));
        expect(streamed.requirements).toHaveLength(new Set(report.orgs.flatMap((o) => o.requirements)).size);
        const decoded = expandOrgs(streamed);
        report.orgs.forEach((o, i) => {
          expectSameLines(bag(decoded[i]!.requirements), bag(o.requirements));
          const summary = summarize(o.findings);
          const got = streamed.orgs[i]!.summary;
          if (!sameJson(got, summary)) expect(got).toEqual(summary);
          // in order; equal canonical JSON texts (`bag` items) <=> toEqual after a JSON round trip
          const gotFindings = decoded[i]!.findings.map((f) => f.finding);
          if (gotFindings.length !== o.findings.length || gotFindings.some((f, k) => !sameJson(f, o.findings[k])))
            expect(gotFindings).toEqual(JSON.parse(JSON.stringify(o.findings)));
          const { principal } = orgs[i]!;
          for (const { finding, requirement, inOrg } of decoded[i]!.findings) {
            if (finding.operation === undefined) {
              if (requirement !== undefined) expect(requirement).toBeUndefined();
              continue;
            }
            // the linked requirement, checked alone, yields this very finding
            if (inOrg !== true) expect(inOrg).toBe(true);
            const { id: _id, ...q } = requirement!;
            const alone = evaluate([q], principal, `o${i}`).filter((f) => f.operation);
            if (!alone.some((f) => sameJson(f, finding)))
              expect(JSON.parse(JSON.stringify(alone))).toContainEqual(finding);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
