import { describe, expect, it } from '@jest/globals';
import { REGIONS, resolveRegion, suggestRegion } from '../../src/genesys/regions.js';

const EXPECTED: Record<string, string> = {
  'us-east-1': 'mypurecloud.com',
  'eu-west-1': 'mypurecloud.ie',
  'ap-southeast-2': 'mypurecloud.com.au',
  'ap-northeast-1': 'mypurecloud.jp',
  'eu-central-1': 'mypurecloud.de',
  'us-west-2': 'usw2.pure.cloud',
  'ca-central-1': 'cac1.pure.cloud',
  'ap-northeast-2': 'apne2.pure.cloud',
  'eu-west-2': 'euw2.pure.cloud',
  'ap-south-1': 'aps1.pure.cloud',
  'us-east-2': 'use2.us-gov-pure.cloud',
  'sa-east-1': 'sae1.pure.cloud',
  'me-central-1': 'mec1.pure.cloud',
  'ap-northeast-3': 'apne3.pure.cloud',
  'eu-central-2': 'euc2.pure.cloud',
  'mx-central-1': 'mxc1.pure.cloud',
  'ap-southeast-1': 'apse1.pure.cloud',
};

describe('REGIONS', () => {
  it('lists exactly the 17 known regions', () => {
    expect(Object.fromEntries(REGIONS.map((r) => [r.id, r.host]))).toEqual(EXPECTED);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(REGIONS)).toBe(true);
    expect(Object.isFrozen(REGIONS[0])).toBe(true);
  });
});

describe('resolveRegion', () => {
  it.each(Object.entries(EXPECTED))('resolves %s in every accepted form', (id, host) => {
    const want = { id, host, loginBase: `https://login.${host}`, apiBase: `https://api.${host}` };
    for (const form of [
      id,
      id.toUpperCase(),
      ` ${id} `,
      host,
      `api.${host}`,
      `login.${host}`,
      `https://api.${host}`,
      `https://login.${host}/oauth/token`,
      `https://api.${host}/api/v2/tokens/me?x=1`,
      `HTTPS://API.${host.toUpperCase()}/`,
      `https://apps.${host}`,
      `${host}.`,
      `https://api.${host}:443`,
    ]) {
      expect(resolveRegion(form)).toEqual(want);
    }
  });

  it.each([
    '',
    '   ',
    'us-east-9',
    'mypurecloud.co',
    'example.com',
    'api.example.com',
    'https://evil.mypurecloud.com.attacker.io',
    'mypurecloud',
    'pure.cloud',
  ])('returns undefined for %j', (input) => {
    expect(resolveRegion(input)).toBeUndefined();
  });

  it('does not accept a subdomain of a host that is not api/login/apps', () => {
    expect(resolveRegion('foo.mypurecloud.com')).toBeUndefined();
  });
});

describe('suggestRegion', () => {
  it.each([
    ['us-east1', 'us-east-1'],
    ['useast-1', 'us-east-1'],
    ['eu-west1', 'eu-west-1'],
    ['mypurecloud.co', 'mypurecloud.com'],
    ['mypurecloud.ei', 'mypurecloud.ie'],
    ['api.mypurecloud.i', 'mypurecloud.ie'],
    ['https://login.usw2.pure.clod', 'usw2.pure.cloud'],
    ['apne2.purecloud', 'apne2.pure.cloud'],
  ])('suggests %s → %s', (input, want) => {
    expect(resolveRegion(input)).toBeUndefined();
    expect(suggestRegion(input)).toBe(want);
  });

  it('suggests nothing for far-off input or for valid input', () => {
    expect(suggestRegion('banana')).toBeUndefined();
    expect(suggestRegion('example.org')).toBeUndefined();
    expect(suggestRegion('us-east-1')).toBeUndefined();
    expect(suggestRegion('')).toBeUndefined();
  });
});
