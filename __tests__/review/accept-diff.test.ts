/** A pull request that adds or widens an accepted finding is called out like a widened grant. */
import { describe, it, expect } from '@jest/globals';
import { diffPrincipals } from '../../src/review/principal-diff.js';
import { describeChange } from '../../src/review/index.js';
import type { ManifestV1 } from '../../src/manifest/types.js';

const m = (accept: unknown[]): ManifestV1 =>
  ({ version: 1, orgs: [{ name: 'prod', region: 'us-east-1' }], accept }) as ManifestV1;
const code = (s: string) => `\`${s}\``;

describe('accept: changes in the PR review', () => {
  it('added, widened (a matcher dropped, a later or no expiry), removed, unchanged', () => {
    const base = m([
      {
        code: 'missing-permission',
        org: 'prod',
        permission: 'routing:queue:view',
        reason: 'known',
        expires: '2027-01-01',
      },
      { code: 'missing-scope', reason: 'user grant soon' },
      { resource: 'flow:Old', reason: 'gone' },
    ]);
    const head = m([
      { code: 'missing-permission', org: 'prod', reason: 'known', expires: '2027-01-01' },
      { code: 'missing-scope', reason: 'user grant soon' },
      { operation: 'GET /api/v2/flows', reason: 'new one' },
    ]);
    const d = diffPrincipals(base, head);
    expect(d.widens).toBe(true);
    expect(d.changes.map((c) => [c.kind, c.org, c.widens])).toEqual([
      ['accept-added', '*', true],
      ['accept-widened', 'prod', true],
      ['accept-removed', '*', false],
    ]);
    expect(describeChange(d.changes[1]!, code)).toBe(
      'widens an accepted finding to `code missing-permission, org prod, until 2027-01-01`: known',
    );
    expect(describeChange(d.changes[0]!, code)).toBe('accepts findings (`operation GET /api/v2/flows`): new one');
  });

  it('a later expiry widens; the same entry is no change; an org outside the selection is ignored', () => {
    const e = { code: 'missing-permission', reason: 'r', expires: '2027-01-01' };
    expect(diffPrincipals(m([e]), m([e])).changes).toEqual([]);
    expect(diffPrincipals(m([e]), m([{ ...e, expires: '2027-06-01' }])).changes.map((c) => c.kind)).toEqual([
      'accept-widened',
    ]);
    expect(
      diffPrincipals(m([]), m([{ org: 'other', code: 'missing-permission', reason: 'r' }]), ['prod']).changes,
    ).toEqual([]);
  });
});
