import { describe, it, expect } from '@jest/globals';
import { evaluate, divisionCovered } from '../src/evaluate/evaluate.js';
import { policyCovers, leastPrivileged, isKnownPermission } from '../src/evaluate/permissions.js';
import { lintPrincipal } from '../src/evaluate/lint.js';
import { bundledCatalog } from '../src/catalog/bundled.js';
import { grant, principal, requirement } from './support/build.js';

const publish = requirement(
  'POST /api/v2/flows/actions/publish',
  'ANY',
  ['architect:flow:unlock', 'architect:flow:publish'],
  'Support',
);
const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

describe('permission wildcards', () => {
  it.each([
    ['architect:flow:*', 'architect:flow:publish', true],
    ['architect:*:*', 'architect:job:create', true],
    ['architect:*:view', 'architect:flow:view', true],
    ['architect:*:view', 'architect:flow:edit', false],
    ['*', 'routing:queue:view', true],
    ['*:*:*', 'routing:queue:view', true],
    ['architect:flow:publish', 'architect:flow:publish', true],
    ['architect:flow', 'architect:flow:publish', false],
    ['routing:*:*', 'architect:flow:view', false],
  ])('%s covers %s: %s', (policy, perm, expected) => {
    expect(policyCovers(policy, perm)).toBe(expected);
  });

  it('least privilege prefers publish over unlock, view over delete', () => {
    expect(leastPrivileged(['architect:flow:unlock', 'architect:flow:publish'])).toBe('architect:flow:publish');
    expect(leastPrivileged(['x:y:delete', 'x:y:view'])).toBe('x:y:view');
  });

  it('divisions: * covers all, names compare case-insensitively', () => {
    expect(divisionCovered([{ name: '*' }], 'Anything')).toBe(true);
    expect(divisionCovered([{ name: 'support' }], 'Support')).toBe(true);
    expect(divisionCovered([{ name: 'Home' }], 'Support')).toBe(false);
    expect(divisionCovered([{ name: 'Sup', id: 'abc' }], 'abc')).toBe(true);
  });
});

describe('evaluate', () => {
  it('ANY: one permission in the division suffices', () => {
    expect(evaluate([publish], principal([grant('Deployer', ['architect:flow:publish'], ['Support'])]), 'o')).toEqual(
      [],
    );
    expect(evaluate([publish], principal([grant('Deployer', ['architect:flow:unlock'], ['Support'])]), 'o')).toEqual(
      [],
    );
  });

  it('missing permission: fix names the role granted in the division and the least-privileged choice', () => {
    const fs = evaluate(
      [publish],
      principal([grant('Flow Deployer', ['architect:flow:view'], ['Home', 'Support'])]),
      'o',
    );
    expect(codes(fs)).toEqual(['missing-permission']);
    expect(fs[0]!.missing).toEqual(['architect:flow:publish']);
    expect(fs[0]!.fix).toBe(
      'add `architect:flow:publish` (least-privileged of `architect:flow:unlock`, `architect:flow:publish`) to role Flow Deployer, granted in division Support',
    );
    expect(fs[0]!.remedy).toEqual({
      kind: 'add-permission',
      role: 'Flow Deployer',
      permissions: ['architect:flow:publish'],
      division: 'Support',
    });
  });

  it('missing division grant: the role holds it, but not in that division', () => {
    const fs = evaluate([publish], principal([grant('Flow Deployer', ['architect:flow:*'], ['Home'])]), 'o');
    expect(codes(fs)).toEqual(['missing-division-grant']);
    expect(fs[0]!.fix).toBe('grant role Flow Deployer in division Support too (it holds `architect:flow:publish`)');
  });

  it('* division covers every division', () => {
    expect(evaluate([publish], principal([grant('R', ['architect:flow:publish'], ['*'])]), 'o')).toEqual([]);
  });

  it('ALL: every permission is needed; only the missing ones are reported', () => {
    const req = requirement(
      'POST /api/v2/authorization/divisions',
      'ALL',
      ['authorization:division:add', 'authorization:grant:add'],
      null,
    );
    const fs = evaluate([req], principal([grant('Admin', ['authorization:division:add'])]), 'o');
    expect(codes(fs)).toEqual(['missing-permission']);
    expect(fs[0]!.missing).toEqual(['authorization:grant:add']);
    expect(evaluate([req], principal([grant('Admin', ['authorization:*:add'])]), 'o')).toEqual([]);
  });

  it('org-wide requirements accept a grant in any division', () => {
    const req = requirement('POST /api/v2/users/search', 'ANY', ['directory:user:view'], null);
    expect(evaluate([req], principal([grant('R', ['directory:user:view'], ['Sales'])]), 'o')).toEqual([]);
  });

  it('no role at all: suggests a new role', () => {
    const fs = evaluate([publish], principal([]), 'o');
    expect(fs[0]!.remedy?.kind).toBe('new-role');
    expect(fs[0]!.fix).toMatch(/^create a role with `architect:flow:publish`/);
  });

  it('conditional policy: warning, not a pass and not an error', () => {
    const fs = evaluate(
      [publish],
      principal([grant('R', [{ permission: 'architect:flow:publish', conditional: true }], ['Support'])]),
      'o',
    );
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['conditional-permission', 'warning']]);
  });

  it('client credentials: scopes are ignored (and a notice says so when declared)', () => {
    const p = principal([grant('R', ['architect:flow:publish'], ['Support'])], {
      scopes: ['architect'],
      scopesLocation: { file: 'm.yml', line: 3, column: 5 },
    });
    const fs = evaluate([publish], p, 'o');
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['scopes-ignored', 'notice']]);
    expect(fs[0]!.location).toEqual({ file: 'm.yml', line: 3, column: 5 });
  });

  it('user grants need a listed scope AND the permission', () => {
    const roles = [grant('R', ['architect:flow:publish'], ['Support'])];
    expect(evaluate([publish], principal(roles, { grant: 'user', scopes: ['architect'] }), 'o')).toEqual([]);
    const noScope = evaluate([publish], principal(roles, { grant: 'user', scopes: ['users'] }), 'o');
    expect(codes(noScope)).toEqual(['missing-scope']);
    expect(noScope[0]!.missing).toEqual(['architect']);
    const neither = evaluate([publish], principal([], { grant: 'user', scopes: [] }), 'o');
    expect(codes(neither).sort()).toEqual(['missing-permission', 'missing-scope']);
  });

  it('readonly scope suffices for a GET and is the suggested scope', () => {
    const get = requirement('GET /api/v2/flows', 'ANY', ['architect:flow:view'], 'Home', {
      scopes: ['architect', 'architect:readonly'],
    });
    const roles = [grant('R', ['architect:flow:view'])];
    expect(evaluate([get], principal(roles, { grant: 'user', scopes: ['architect:readonly'] }), 'o')).toEqual([]);
    expect(evaluate([get], principal(roles, { grant: 'user', scopes: [] }), 'o')[0]!.missing).toEqual([
      'architect:readonly',
    ]);
  });

  it('unknown scopes for a user token: unverifiable warning; unverifiable operations: warning', () => {
    const req = requirement('GET /api/v2/x', 'ANY', ['a:b:view'], null, { scopesUnknown: true, scopes: [] });
    expect(codes(evaluate([req], principal([grant('R', ['a:b:view'])], { grant: 'user' }), 'o'))).toEqual([
      'unverifiable',
    ]);
    const upload = requirement('POST /uploads/v2/scripter', null, [], null, { unverifiable: 'outside /api/v2' });
    const fs = evaluate([upload], principal([]), 'o');
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['unverifiable', 'warning']]);
  });

  it('operations with no permission need nothing', () => {
    expect(evaluate([requirement('GET /api/v2/authorization/divisions', null, [], null)], principal([]), 'o')).toEqual(
      [],
    );
  });
});

describe('lint of declared permissions and scopes', () => {
  const catalog = bundledCatalog();
  it('names outside the bundled vocabulary are warnings; did-you-mean only fixes spelling', () => {
    const perms = [
      'architect:flow:write',
      'wfm:schedule:write',
      'apps:manage',
      'architect:flow:*',
      'architect:flow:publish',
      'architect:flow:publsh',
    ];
    const p = principal([grant('R', perms)], { grant: 'user', scopes: ['architect', 'architekt'] });
    const fs = lintPrincipal(p, catalog, 'o');
    const unknown = fs.filter((f) => f.code === 'unknown-permission');
    expect(unknown.map((f) => f.missing![0])).toEqual([
      'architect:flow:write',
      'wfm:schedule:write',
      'apps:manage',
      'architect:flow:publsh',
    ]);
    expect(
      unknown.every(
        (f) => f.severity === 'warning' && !/not a Genesys Cloud permission|does not exist/.test(f.message),
      ),
    ).toBe(true);
    // "write" is not a typo of a real action: no other action is proposed in its place.
    expect(fs.find((f) => f.missing![0] === 'architect:flow:write')!.message).toMatch(
      /^role R: `architect:flow:write` is not in the bundled vocabulary \(/,
    );
    expect(fs.find((f) => f.missing![0] === 'architect:flow:write')!.fix).toBeUndefined();
    expect(fs.find((f) => f.missing![0] === 'architect:flow:publsh')!.message).toMatch(
      /did you mean "architect:flow:publish"/,
    );
    expect(fs.find((f) => f.code === 'unknown-scope')!.message).toMatch(/"architekt".*did you mean "architect"/);
  });

  it('a wildcard is known when it covers a known permission', () => {
    expect(isKnownPermission('architect:*:*', catalog.permissions)).toBe(true);
    expect(isKnownPermission('nosuchdomain:*:*', catalog.permissions)).toBe(false);
  });
});
