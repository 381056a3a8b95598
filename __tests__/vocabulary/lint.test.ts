/**
 * Lint of declared permission and scope names against the cited vocabulary (src/evaluate/lint.ts):
 * warnings that say "not in the bundled vocabulary", never "does not exist"; live mode settled against
 * the org's permission catalog (GET /api/v2/authorization/permissions); spelling-only did-you-mean.
 */
import { describe, it, expect } from '@jest/globals';
import { lintDeclaredNames, lintPermission, lintPrincipal, lintScope } from '../../src/evaluate/lint.js';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { bundledVocabulary } from '../../src/catalog/vocabulary.js';
import { Catalog } from '../../src/catalog/catalog.js';
import type { DeclaredName, Finding } from '../../src/types.js';
import { LOC, grant, principal, resource } from '../support/build.js';

const catalog = bundledCatalog();
const count = bundledVocabulary().permissionCount.toLocaleString('en-US');
const NEVER = /does not exist|not a Genesys Cloud permission|not a real/i;

function only(f: Finding | undefined): Finding {
  expect(f).toBeDefined();
  expect(f!.message).not.toMatch(NEVER);
  return f!;
}

describe('offline: the bundled vocabulary', () => {
  it('architect:ui:view (Architect Scripting index.html l.104), scripter:script:add/edit (JS SDK @b5cbcf33)', () => {
    const names = ['architect:ui:view', 'scripter:script:add', 'scripter:script:edit', 'architect:flow:*'];
    const p = principal([grant('Archy', names)]);
    expect(lintPrincipal(p, catalog, 'o')).toEqual([]);
  });

  it('wfm:schedule:publish (in no reliable source) is a warning without a destructive suggestion', () => {
    const f = only(lintPermission('wfm:schedule:publish', catalog, 'role R', LOC));
    expect(f.severity).toBe('warning');
    expect(f.code).toBe('unknown-permission');
    expect(f.message).toBe(
      `role R: \`wfm:schedule:publish\` is not in the bundled vocabulary (${count} names from: swagger, provider ` +
        'resource_permissions, CX-as-Code docs, wizard, Architect Scripting docs, JS SDK docs, Resource Center); ' +
        "a live check settles it against the org's permission catalog",
    );
    expect(f.message).not.toMatch(/did you mean/);
    expect(f.fix).toBeUndefined();
    expect(f.missing).toEqual(['wfm:schedule:publish']);
    expect(f.location).toEqual(LOC);
  });

  it('a misspelt action gets the spelling fix only', () => {
    const f = only(lintPermission('architect:flow:publsh', catalog, 'role R'));
    expect(f.message).toMatch(/^role R: `architect:flow:publsh` is not in the bundled vocabulary /);
    expect(f.message).toMatch(/\) \(did you mean "architect:flow:publish"\?\); a live check/);
    expect(f.fix).toBe('if it is a typo, replace "architect:flow:publsh" with "architect:flow:publish"');
    expect(only(lintPermission('archtect:flow:view', catalog, 'role R')).fix).toMatch(/"architect:flow:view"/);
  });

  it('an invented action (architect:flow:write) gets a warning and no other action in its place', () => {
    const f = only(lintPermission('architect:flow:write', catalog, 'role R'));
    expect(f.fix).toBeUndefined();
    expect(f.message).not.toMatch(/did you mean/);
  });

  it('a string that is not domain:entity:action says so', () => {
    const f = only(lintPermission('apps:manage', catalog, 'role R'));
    expect(f.message).toBe('role R: "apps:manage" is not a permission (expected domain:entity:action)');
  });

  it('another operation catalog is named in the message', () => {
    const other = new Catalog({ swaggerVersion: 'custom-1', rows: [] });
    const f = only(lintPermission('x:y:z', other, 'role R'));
    expect(f.message).toMatch(/ nor in the operation catalog \(custom-1\); a live check/);
  });
});

describe('live: the org permission catalog settles it', () => {
  const org = new Set(['wfm:schedule:publish', 'architect:flow:view', 'architect:flow:publish']);
  const prod = { org: 'prod', orgPermissions: org };
  it('a name the org has passes even when the bundled vocabulary lacks it', () => {
    expect(lintPermission('wfm:schedule:publish', catalog, 'role R', LOC, prod)).toBeUndefined();
    expect(lintPermission('architect:flow:*', catalog, 'role R', LOC, prod)).toBeUndefined();
  });

  it('a name the org lacks is a warning naming the org and the endpoint', () => {
    const f = only(lintPermission('architect:ui:view', catalog, 'role R', LOC, prod));
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      "role R: `architect:ui:view` is not in org prod's permission catalog (GET /api/v2/authorization/permissions), " +
        "though the bundled vocabulary knows it: the org's products do not include it, so it grants nothing there",
    );
    const g = only(lintPermission('architect:flow:publsh', catalog, 'role R', LOC, prod));
    expect(g.message).toMatch(/not in org prod's permission catalog .* nor in the bundled vocabulary \(.*\) /);
    expect(g.message).toMatch(/ \(did you mean "architect:flow:publish"\?\); it grants nothing there$/);
    const w = only(lintPermission('routing:*:*', catalog, 'role R', LOC, { orgPermissions: org }));
    expect(w.message).toMatch(/the org's permission catalog/);
  });

  it('lintPrincipal and lintDeclaredNames pass the org catalog on', () => {
    const p = principal([grant('R', ['wfm:schedule:publish', 'architect:ui:view'])]);
    const fs = lintPrincipal(p, catalog, 'prod', { orgPermissions: org });
    expect(fs.map((f) => f.missing![0])).toEqual(['architect:ui:view']);
    const names: DeclaredName[] = [
      { kind: 'permission', value: 'wfm:schedule:publish', where: 'wizard role A', location: LOC },
      { kind: 'permission', value: 'architect:flow:view', where: 'wizard role A', location: { ...LOC, line: 2 } },
    ];
    const r = resource('premiumApp', 'deploy', 'api', { details: { declaredNames: names } });
    expect(lintDeclaredNames([r], catalog).map((f) => f.missing![0])).toEqual(['wfm:schedule:publish']);
    expect(lintDeclaredNames([r], catalog, { org: 'prod', orgPermissions: org })).toEqual([]);
  });
});

describe('scopes', () => {
  it('an invented scope (architect:flow:write) points at its family (RC, Introduction to scopes)', () => {
    const f = only(lintScope('architect:flow:write', catalog, 'org o scopes', LOC));
    expect(f.severity).toBe('warning');
    expect(f.code).toBe('unknown-scope');
    expect(f.message).toMatch(/^org o scopes: "architect:flow:write" is not an OAuth scope in the bundled vocabulary /);
    expect(f.message).toMatch(/ \(132 names from: swagger, /);
    const use = '"architect" (read-write) or "architect:readonly" (read-only)';
    expect(f.message.endsWith(`use ${use}`)).toBe(true);
    expect(f.fix).toBe(`replace "architect:flow:write" with ${use}`);
  });

  it('a misspelt family gets a did-you-mean; known scopes (swagger, provider data) pass', () => {
    expect(only(lintScope('architekt', catalog, 'x')).message).toMatch(/"architekt".*did you mean "architect"/);
    expect(lintScope('architect:readonly', catalog, 'x')).toBeUndefined();
    expect(lintScope('ai-studio', catalog, 'x')).toBeUndefined();
  });
});

describe('bounded work', () => {
  it('thousands of distinct unknown names: each is reported, suggestions stop after the first ones', () => {
    const perms = Array.from({ length: 3000 }, (_, i) => `architect:flow:publsh${i}`);
    const fs = lintPrincipal(principal([grant('R', perms)]), catalog, 'o');
    expect(fs).toHaveLength(3000);
    expect(fs.filter((f) => f.fix).length).toBeLessThanOrEqual(100);
  });
});
