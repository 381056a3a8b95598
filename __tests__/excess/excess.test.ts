/**
 * Excess privilege (src/evaluate/excess.ts): what a deploy principal holds that no planned call needs.
 */
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { excessFor, describeSizes } from '../../src/evaluate/excess.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { leastPrivilegePolicy } from '../../src/policy/least-privilege.js';
import type { Principal, Requirement } from '../../src/types.js';
import { grant, principal, requirement } from '../support/build.js';

const flowDeploy: Requirement[] = [
  requirement('GET /api/v2/flows', 'ALL', ['architect:flow:view'], 'Support'),
  requirement('POST /api/v2/flows', 'ALL', ['architect:flow:add'], 'Support'),
  requirement(
    'POST /api/v2/flows/actions/publish',
    'ANY',
    ['architect:flow:publish', 'architect:flow:edit'],
    'Support',
  ),
  requirement('GET /api/v2/routing/queues', 'ALL', ['routing:queue:view'], null),
];

const codes = (p: Principal, reqs = flowDeploy) =>
  excessFor('prod', p, reqs).findings.map((f) => [f.code, f.resource, f.missing ?? f.division]);

describe('excessFor', () => {
  it('exactly what is needed, where it is needed: nothing to report', () => {
    const p = principal([
      grant(
        'Deploy',
        ['architect:flow:view', 'architect:flow:add', 'architect:flow:publish', 'routing:queue:view'],
        ['Support'],
      ),
    ]);
    expect(excessFor('prod', p, flowDeploy).findings).toEqual([]);
    expect(evaluate(flowDeploy, p, 'prod').filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('*:*:* in every division: a wildcard-grant narrowed to the needed permissions, and the divisions named', () => {
    const p = principal([grant('God', ['*:*:*'], ['*'])]);
    const r = excessFor('prod', p, flowDeploy);
    expect(r.findings.map((f) => f.code)).toEqual(['wildcard-grant', 'wildcard-grant']);
    expect(r.findings[0]!.missing).toEqual([
      'architect:flow:add',
      'architect:flow:publish',
      'architect:flow:view',
      'routing:queue:view',
    ]);
    expect(r.findings[0]!.fix).toBe(
      'replace `*:*:*` in role God with `architect:flow:add`, `architect:flow:publish`, `architect:flow:view`, `routing:queue:view`',
    );
    expect(r.findings[1]!.fix).toBe('grant role God in Support instead of *');
    expect(r.findings.every((f) => f.severity === 'notice')).toBe(true);
  });

  it('an ANY set needs its least-privileged covered member only', () => {
    const p = principal([grant('Flows', ['architect:flow:*', 'routing:queue:view'], ['Support'])]);
    const w = excessFor('prod', p, flowDeploy).findings.find((f) => f.code === 'wildcard-grant')!;
    // architect:flow:* covers publish and edit, both in the publish call's ANY set: one is enough (the
    // least-privileged, first listed on a tie), never both.
    expect(w.missing).toEqual(['architect:flow:add', 'architect:flow:publish', 'architect:flow:view']);
  });

  it('an unneeded entry, an unneeded role, an unneeded division', () => {
    const p = principal([
      grant(
        'Deploy',
        [
          'architect:flow:view',
          'architect:flow:add',
          'architect:flow:publish',
          'routing:queue:view',
          'routing:queue:delete',
        ],
        ['Support', 'Sales'],
      ),
      grant('Reporting', ['analytics:conversationDetail:view'], ['Home']),
    ]);
    expect(codes(p)).toEqual([
      ['excess-permission', 'role:Deploy', ['routing:queue:delete']],
      ['excess-division', 'role:Deploy', 'Sales'],
      ['excess-permission', 'role:Reporting', ['analytics:conversationDetail:view']],
    ]);
  });

  it('org-wide needs alone are served by one division: the first granted one is kept', () => {
    const reqs = [requirement('GET /api/v2/routing/queues', 'ALL', ['routing:queue:view'], null)];
    const p = principal([grant('Q', ['routing:queue:view'], ['Home', 'Sales'])]);
    expect(codes(p, reqs)).toEqual([['excess-division', 'role:Q', 'Sales']]);
  });

  it('default administrator roles are named; severity can be raised to warning', () => {
    const p = principal([grant('Master Admin', ['*'], ['*'])]);
    const r = excessFor('prod', p, flowDeploy, { severity: 'warning' });
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([
      ['admin-role', 'warning'],
      ['wildcard-grant', 'warning'],
      ['wildcard-grant', 'warning'],
    ]);
  });

  it('sizes: wildcards counted against the vocabulary', () => {
    const vocab = new Set([
      'architect:flow:view',
      'architect:flow:add',
      'architect:flow:edit',
      'architect:flow:publish',
      'routing:queue:view',
      'routing:queue:add',
    ]);
    const r = excessFor(
      'prod',
      principal([grant('Flows', ['architect:*:*', 'routing:queue:view'], ['Home', 'Support', 'Sales'])]),
      flowDeploy,
      { vocabulary: vocab },
    );
    expect(r.sizes).toEqual({ held: { permissions: 5, divisions: 3 }, needed: { permissions: 4, divisions: 1 } });
    expect(describeSizes(r.sizes)).toBe('holds 5 permissions in 3 divisions; this manifest needs 4 in 1 division');
    expect(
      describeSizes({ held: { permissions: 1412, divisions: 'all' }, needed: { permissions: 23, divisions: 2 } }),
    ).toBe('holds 1,412 permissions in all divisions; this manifest needs 23 in 2 divisions');
  });

  it('property: the least-privilege roles of any deploy pass the check and have no excess', () => {
    const perms = [
      'architect:flow:view',
      'architect:flow:add',
      'architect:flow:edit',
      'architect:flow:publish',
      'routing:queue:view',
      'scripter:script:add',
      'scripter:script:edit',
    ];
    const divs = [null, 'Home', 'Support', 'Sales'];
    const arbReq = fc.record({
      mode: fc.constantFrom('ANY' as const, 'ALL' as const),
      values: fc.uniqueArray(fc.constantFrom(...perms), { minLength: 1, maxLength: 3 }),
      division: fc.constantFrom(...divs),
    });
    fc.assert(
      fc.property(fc.array(arbReq, { minLength: 1, maxLength: 10 }), (list) => {
        const reqs = list.map((x, i) => requirement(`GET /api/v2/op${i}`, x.mode, x.values, x.division));
        const policy = leastPrivilegePolicy('prod', reqs);
        const p = principal(policy.roles.map((r) => grant(r.name, r.permissions, r.divisions)));
        expect(evaluate(reqs, p, 'prod').filter((f) => f.severity === 'error')).toEqual([]);
        expect(excessFor('prod', p, reqs).findings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
