/**
 * Credential variable names come from a fixed convention (the org name), never from the manifest;
 * org names are restricted so they make valid, unambiguous names; only secrets are masked.
 */
import { describe, it, expect } from '@jest/globals';
import {
  credentialKey,
  credentialNameProblems,
  credentialNames,
  describeMissing,
  orphanCredentialVariables,
  readCredentials,
  selectsOneOrg,
  wantsLive,
} from '../../src/grants/credentials.js';
import { loadManifest } from '../../src/manifest/load.js';
import { PreflightError } from '../../src/util/errors.js';
import type { ManifestV1 } from '../../src/manifest/types.js';
import { readInputs, InputError } from '../../src/action/inputs.js';
import { writeManifest } from './support.js';

const manifest = (...names: string[]): ManifestV1 => ({
  version: 1,
  orgs: names.map((name) => ({ name, region: 'us-east-1' })),
});

describe('the convention', () => {
  it.each([
    ['prod-us', 'PROD_US'],
    ['Prod_EU', 'PROD_EU'],
    ['a-b_c-1', 'A_B_C_1'],
  ])('%s → GENESYS_%s_*', (org, key) => {
    expect(credentialKey(org)).toBe(key);
    expect(credentialNames(org)).toEqual({
      clientId: `GENESYS_${key}_CLIENT_ID`,
      clientSecret: `GENESYS_${key}_CLIENT_SECRET`,
      accessToken: `GENESYS_${key}_ACCESS_TOKEN`,
    });
  });
});

describe('readCredentials', () => {
  const read = (env: NodeJS.ProcessEnv, single = false) => {
    const masked: string[] = [];
    return { c: readCredentials({ name: 'prod-us' }, env, single, (s) => masked.push(s)), masked };
  };

  it('client credentials; only the secret is masked', () => {
    const { c, masked } = read({ GENESYS_PROD_US_CLIENT_ID: 'id-1', GENESYS_PROD_US_CLIENT_SECRET: 'secret-value-1' });
    expect(c).toEqual({
      kind: 'client-credentials',
      clientId: 'id-1',
      clientSecret: 'secret-value-1',
      source: 'GENESYS_PROD_US_CLIENT_ID/GENESYS_PROD_US_CLIENT_SECRET',
    });
    expect(masked).toEqual(['secret-value-1']);
  });

  it('an access token; masked', () => {
    const { c, masked } = read({ GENESYS_PROD_US_ACCESS_TOKEN: 'tok-123456789' });
    expect(c).toEqual({ kind: 'access-token', accessToken: 'tok-123456789', source: 'GENESYS_PROD_US_ACCESS_TOKEN' });
    expect(masked).toEqual(['tok-123456789']);
  });

  it('complete client credentials win over a token', () => {
    const { c } = read({
      GENESYS_PROD_US_CLIENT_ID: 'id',
      GENESYS_PROD_US_CLIENT_SECRET: 'sec',
      GENESYS_PROD_US_ACCESS_TOKEN: 'tok',
    });
    expect(c).toMatchObject({ kind: 'client-credentials' });
  });

  it('half set: live is meant, the missing one is named', () => {
    const { c } = read({ GENESYS_PROD_US_CLIENT_ID: 'id' });
    expect(c).toEqual({
      missing: ['GENESYS_PROD_US_CLIENT_SECRET'],
      alternatives: ['GENESYS_PROD_US_ACCESS_TOKEN'],
      partial: true,
    });
    expect(wantsLive(c)).toBe(true);
  });

  it('nothing set, several orgs: offline in auto, and the message says what to set', () => {
    const { c } = read({ GENESYSCLOUD_OAUTHCLIENT_ID: 'cx', GENESYSCLOUD_OAUTHCLIENT_SECRET: 'cxs' });
    expect(wantsLive(c)).toBe(false);
    expect(describeMissing(c as never)).toBe(
      'GENESYS_PROD_US_CLIENT_ID and GENESYS_PROD_US_CLIENT_SECRET are not set (or set GENESYS_PROD_US_ACCESS_TOKEN)',
    );
  });

  it('one org selected: the CX-as-Code variables apply when the convention ones are unset, with the region', () => {
    const { c, masked } = read(
      {
        GENESYSCLOUD_OAUTHCLIENT_ID: 'cx-id',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'cx-secret-1',
        GENESYSCLOUD_REGION: 'eu-west-1',
      },
      true,
    );
    expect(c).toEqual({
      kind: 'client-credentials',
      clientId: 'cx-id',
      clientSecret: 'cx-secret-1',
      source: 'GENESYSCLOUD_OAUTHCLIENT_ID/GENESYSCLOUD_OAUTHCLIENT_SECRET',
      region: 'eu-west-1',
    });
    expect(masked).toEqual(['cx-secret-1']);
  });

  it('one org selected: the convention variables win over the CX-as-Code ones', () => {
    const { c } = read(
      {
        GENESYS_PROD_US_CLIENT_ID: 'own',
        GENESYS_PROD_US_CLIENT_SECRET: 'own-s',
        GENESYSCLOUD_OAUTHCLIENT_ID: 'cx',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'cxs',
      },
      true,
    );
    expect(c).toMatchObject({ clientId: 'own' });
  });

  it('the runner’s own variables are never read, whatever the name (defence in depth)', () => {
    const masked: string[] = [];
    const c = readCredentials({ name: 'x' }, { GITHUB_TOKEN: 'ghs_x', CI: 'true' }, true, (s) => masked.push(s));
    expect('missing' in c).toBe(true);
    expect(masked).toEqual([]);
  });
});

describe('the manifest may state the convention names, nothing else', () => {
  const locate = () => ({ file: 'm.yml', line: 1, column: 1 });
  it('convention names, or none: no problem', () => {
    const m = manifest('prod-us', 'prod-eu');
    m.orgs[0]!.credentials = {
      clientId: 'GENESYS_PROD_US_CLIENT_ID',
      clientSecret: 'GENESYS_PROD_US_CLIENT_SECRET',
      accessToken: 'GENESYS_PROD_US_ACCESS_TOKEN',
    };
    m.orgs[1]!.credentials = { apiBase: 'https://api.mypurecloud.ie' };
    expect(credentialNameProblems(m, locate)).toEqual([]);
  });

  it('a one-org manifest may state the CX-as-Code names; a two-org one may not', () => {
    const one = manifest('prod-us');
    one.orgs[0]!.credentials = {
      clientId: 'GENESYSCLOUD_OAUTHCLIENT_ID',
      clientSecret: 'GENESYSCLOUD_OAUTHCLIENT_SECRET',
    };
    expect(credentialNameProblems(one, locate)).toEqual([]);
    const two = manifest('prod-us', 'b');
    two.orgs[0]!.credentials = one.orgs[0]!.credentials;
    expect(credentialNameProblems(two, locate).map((p) => p.orgIndex)).toEqual([0, 0]);
  });

  it.each(['GC_PROD_US_CLIENT_ID', 'CI', 'GH_TOKEN', 'NPM_TOKEN', 'GENESYS_PROD_EU_CLIENT_ID'])(
    'clientId: %s is a located manifest-invalid error that does not quote it',
    async (name) => {
      const file = writeManifest(
        'version: 1\norgs:\n  - name: prod-us\n    region: us-east-1\n    credentials:\n' +
          `      clientId: ${name}\n      clientSecret: GENESYS_PROD_US_CLIENT_SECRET\n`,
      );
      const loaded = loadManifest(file);
      const problems = credentialNameProblems(loaded.manifest, loaded.locate);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.finding).toMatchObject({
        code: 'manifest-invalid',
        fatal: true,
        location: { line: 6, column: 17 },
      });
      expect(problems[0]!.finding.message).not.toContain(name);
      expect(problems[0]!.finding.message).toMatch(/org prod-us reads GENESYS_PROD_US_CLIENT_ID/);
    },
  );

  it('org names sharing a KEY are ambiguous', () => {
    const m = manifest('prod-us', 'other', 'prod_us');
    const problems = credentialNameProblems(m, () => ({ file: 'm.yml', line: 3, column: 11 }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.orgIndex).toBe(2);
    expect(problems[0]!.finding.message).toMatch(
      /org prod_us: its credential variables \(GENESYS_PROD_US_\*\) are also those of org prod-us/,
    );
  });
});

describe('org names', () => {
  it.each(['prod us', 'a$(id)', 'a;b', 'x\ny', 'é', 'a.b', 'a'.repeat(65), '"q"'])(
    '%j is refused by the schema (manifest-invalid, located)',
    (name) => {
      const file = writeManifest(`version: 1\norgs:\n  - name: ${JSON.stringify(name)}\n    region: us-east-1\n`);
      let err: unknown;
      try {
        loadManifest(file);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PreflightError);
      const f = (err as PreflightError).findings[0]!;
      expect(f).toMatchObject({ code: 'manifest-invalid', location: { line: 3, column: 11 } });
      expect(f.message).toMatch(/orgs\[0\]\.name/);
    },
  );

  it.each(['prod-us', 'PROD_EU', 'a', 'a'.repeat(64), '0-9_x'])('%s is accepted', (name) => {
    const file = writeManifest(`version: 1\norgs:\n  - name: ${name}\n    region: us-east-1\n`);
    expect(loadManifest(file).manifest.orgs[0]!.name).toBe(name);
  });
});

describe('credentials for an org the manifest does not declare', () => {
  it('are listed; empty values and the Genesys SDK variables (GENESYS_CLOUD_*) are not', () => {
    const env = {
      GENESYS_PROD_US_CLIENT_ID: 'a',
      GENESYS_OLD_NAME_CLIENT_SECRET: 's',
      GENESYS_OLD_NAME_CLIENT_ID: 'i',
      GENESYS_GONE_ACCESS_TOKEN: '',
      GENESYS_CLOUD_CLIENT_ID: 'sdk',
      GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1',
      GENESYSCLOUD_OAUTHCLIENT_ID: 'cx',
    };
    expect(orphanCredentialVariables(manifest('prod-us'), env)).toEqual([
      'GENESYS_OLD_NAME_CLIENT_ID',
      'GENESYS_OLD_NAME_CLIENT_SECRET',
    ]);
    expect(orphanCredentialVariables(manifest('prod-us', 'old-name'), env)).toEqual([]);
  });
});

describe('selection', () => {
  it('one org selected: a one-org manifest, or a selection naming one org (any case)', () => {
    expect(selectsOneOrg(manifest('a'), [])).toBe(true);
    expect(selectsOneOrg(manifest('a', 'b'), [])).toBe(false);
    expect(selectsOneOrg(manifest('a', 'b'), ['B'])).toBe(true);
    expect(selectsOneOrg(manifest('a', 'b'), ['a', 'b'])).toBe(false);
  });
});

describe('action input live-orgs', () => {
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';
  it('a comma or newline separated list of org names or *', () => {
    expect(readInputs(inputs({ 'live-orgs': 'prod-us, prod_eu\n*' })).liveOrgs).toEqual(['prod-us', 'prod_eu', '*']);
    expect(readInputs(inputs({})).liveOrgs).toEqual([]);
  });
  it.each(['$(id)', 'a;b', 'a.b'])('%s is refused', (bad) => {
    expect(() => readInputs(inputs({ 'live-orgs': bad }))).toThrow(InputError);
  });
  it('is refused with mode offline', () => {
    expect(() => readInputs(inputs({ 'live-orgs': 'prod-us', mode: 'offline' }))).toThrow(/needs mode auto or live/);
  });
});
