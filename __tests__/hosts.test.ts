import { describe, it, expect } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowedHost } from '../src/genesys/hosts.js';
import { runCheck } from '../src/engine.js';
import { resolveMode } from '../src/grants/mode.js';
import { exitCode } from '../src/report/model.js';

describe('where credentials may go', () => {
  it.each([
    ['https://api.mypurecloud.com', {}, true],
    ['https://login.usw2.pure.cloud', {}, true],
    ['http://api.mypurecloud.com', {}, false],
    ['https://api.mypurecloud.com.evil.example', {}, false],
    ['http://127.0.0.1:8787', {}, false],
    ['http://127.0.0.1:8787', { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' }, true],
    ['http://proxy.corp.example', { GENESYS_PREFLIGHT_ALLOW_HOSTS: 'proxy.corp.example' }, false],
    ['https://proxy.corp.example', { GENESYS_PREFLIGHT_ALLOW_HOSTS: 'proxy.corp.example' }, true],
    ['ftp://127.0.0.1', { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' }, false],
    ['not a url', {}, false],
  ] as Array<[string, NodeJS.ProcessEnv, boolean]>)('%s with %j: %s', (base, env, expected) => {
    expect(allowedHost(base, env)).toBe(expected);
  });
});

describe('credential variables', () => {
  const write = (creds: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-cred-'));
    const file = join(dir, 'm.yml');
    writeFileSync(
      file,
      `version: 1\norgs:\n  - name: o\n    region: us-east-1\n    credentials: ${creds}\n    principal: {grant: client-credentials, roles: [{role: R}]}\nroles:\n  R: {permissions: [architect:flow:view]}\nflows:\n  - {name: F, type: inboundcall, action: publish}\n`,
    );
    return file;
  };

  it("the runner's own variables are refused as credential names", async () => {
    const report = await runCheck({ manifestPath: write('{accessToken: GITHUB_TOKEN}'), mode: 'offline' });
    expect(report.findings[0]).toMatchObject({
      code: 'manifest-invalid',
      fatal: true,
      message: expect.stringMatching(/not a GITHUB_, ACTIONS_, RUNNER_ or INPUT_ variable/),
    });
  });

  it('auto mode with the named secrets unset checks the declared principal and says so', async () => {
    const file = write('{clientId: GENESYS_O_CLIENT_ID, clientSecret: GENESYS_O_CLIENT_SECRET}');
    const mode = resolveMode('auto', file, { GENESYS_O_CLIENT_ID: '', GENESYS_O_CLIENT_SECRET: '' });
    const report = await runCheck({
      manifestPath: file,
      mode: mode.mode,
      ...(mode.grants ? { grants: mode.grants } : {}),
    });
    const w = report.orgs[0]!.findings.find((f) => f.code === 'unverifiable' && /not set/.test(f.message));
    expect(w).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(
        /GENESYS_O_CLIENT_ID\/GENESYS_O_CLIENT_SECRET \(or GENESYS_O_ACCESS_TOKEN\) are not set, so only the declared/,
      ),
    });
    expect(report.orgs[0]!.principal).toBe('declared');
    expect(exitCode(report, 'warning')).toBe(1);
  });
});
