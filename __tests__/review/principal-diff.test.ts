import { describe, expect, it } from '@jest/globals';
import { diffPrincipals, describeChange } from '../../src/review/index.js';
import type { ManifestV1 } from '../../src/manifest/types.js';

const base: ManifestV1 = {
  version: 1,
  orgs: [
    {
      name: 'prod-eu',
      region: 'eu-west-1',
      principal: { grant: 'client-credentials', roles: [{ role: 'Flow Deployer', divisions: ['Home'] }] },
    },
    {
      name: 'prod-us',
      region: 'us-east-1',
      principal: { grant: 'user', scopes: ['architect'], roles: [{ role: 'Flow Deployer' }] },
    },
  ],
  roles: {
    'Flow Deployer': { permissions: ['architect:flow:view', { permission: 'routing:queue:view', condition: 'queue' }] },
  },
};

const clone = (m: ManifestV1): ManifestV1 => JSON.parse(JSON.stringify(m)) as ManifestV1;
const plain = (s: string) => s;

describe('diffPrincipals', () => {
  it('finds nothing when the principals are the same', () => {
    expect(diffPrincipals(base, clone(base))).toEqual({ changes: [], widens: false });
  });

  it('a wider role definition shows in every org and division that holds the role', () => {
    const head = clone(base);
    head.roles!['Flow Deployer']!.permissions.push('architect:flow:*');
    const d = diffPrincipals(base, head);
    expect(d.widens).toBe(true);
    expect(d.changes).toEqual([
      {
        org: 'prod-eu',
        kind: 'permissions-added',
        widens: true,
        role: 'Flow Deployer',
        permissions: ['architect:flow:*'],
        divisions: ['Home'],
      },
      {
        org: 'prod-us',
        kind: 'permissions-added',
        widens: true,
        role: 'Flow Deployer',
        permissions: ['architect:flow:*'],
        divisions: ['Home'],
      },
    ]);
    expect(describeChange(d.changes[0]!, (s) => `\`${s}\``)).toBe(
      'grants role `Flow Deployer` `architect:flow:*` in division `Home`',
    );
  });

  it('a grant in one more division, or in *, widens', () => {
    const head = clone(base);
    head.orgs[0]!.principal!.roles![0]!.divisions = ['Home', 'Support', '*'];
    const d = diffPrincipals(base, head);
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ org: 'prod-eu', kind: 'permissions-added', divisions: ['*', 'Support'] });
    expect(describeChange(d.changes[0]!, plain)).toContain('in divisions *, Support');
  });

  it('dropping a condition widens; adding one narrows', () => {
    const head = clone(base);
    head.roles!['Flow Deployer']!.permissions[1] = 'routing:queue:view';
    expect(diffPrincipals(base, head).changes.map((c) => [c.kind, c.widens])).toEqual([
      ['conditions-removed', true],
      ['conditions-removed', true],
    ]);
    expect(diffPrincipals(head, base).changes.map((c) => [c.kind, c.widens])).toEqual([
      ['conditions-added', false],
      ['conditions-added', false],
    ]);
  });

  it('scopes, grant type, principals and orgs', () => {
    const head = clone(base);
    head.orgs[1]!.principal!.scopes = ['architect', 'routing'];
    head.orgs[0]!.principal!.grant = 'user';
    head.orgs.push({
      name: 'new-org',
      region: 'us-east-1',
      principal: { grant: 'client-credentials', roles: [{ role: 'Flow Deployer', divisions: ['*'] }] },
    });
    const d = diffPrincipals(base, head);
    const kinds = d.changes.map((c) => `${c.org}:${c.kind}:${c.widens}`);
    expect(kinds).toEqual([
      'new-org:org-added:true',
      'new-org:permissions-added:true',
      'prod-us:scopes-added:true',
      'prod-eu:grant-type:false',
    ]);
    expect(diffPrincipals(head, base).changes.map((c) => `${c.org}:${c.kind}`)).toEqual([
      'prod-eu:grant-type',
      'new-org:org-removed',
      'prod-us:scopes-removed',
    ]);
  });

  it('removing a role grant is a narrowing change', () => {
    const head = clone(base);
    head.orgs[0]!.principal!.roles = [];
    const d = diffPrincipals(base, head);
    expect(d.widens).toBe(false);
    expect(d.changes[0]).toMatchObject({
      kind: 'permissions-removed',
      role: 'Flow Deployer',
      permissions: ['architect:flow:view', 'routing:queue:view'],
    });
  });

  it('a principal declared where there was none widens', () => {
    const b = clone(base);
    delete b.orgs[0]!.principal;
    const d = diffPrincipals(b, base);
    expect(d.changes.map((c) => c.kind)).toEqual(['principal-added', 'permissions-added']);
  });

  it('only the selected orgs are compared, case-insensitively', () => {
    const head = clone(base);
    head.roles!['Flow Deployer']!.permissions.push('*');
    expect(diffPrincipals(base, head, ['PROD-US']).changes.map((c) => c.org)).toEqual(['prod-us']);
  });

  it('role names that are Object.prototype keys are ordinary names', () => {
    const head: ManifestV1 = {
      version: 1,
      orgs: [
        {
          name: 'o',
          region: 'us-east-1',
          principal: { grant: 'client-credentials', roles: [{ role: 'constructor' }, { role: '__proto__' }] },
        },
      ],
    };
    expect(
      diffPrincipals({ version: 1, orgs: [{ name: 'o', region: 'us-east-1' }] }, head).changes.map((c) => c.kind),
    ).toEqual(['principal-added']);
  });
});
