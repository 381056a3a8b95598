/**
 * Accepted findings (src/manifest/accept.ts reads them, src/evaluate/accept.ts applies them): match,
 * expiry, stale entries, the side file, located errors.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../src/engine.js';
import { applyAcceptances } from '../../src/evaluate/accept.js';
import type { Finding } from '../../src/types.js';

let dir: string;
let saved: string | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gp-accept-'));
  saved = process.env.GITHUB_WORKSPACE;
  process.env.GITHUB_WORKSPACE = dir;
});
afterAll(() => {
  if (saved === undefined) delete process.env.GITHUB_WORKSPACE;
  else process.env.GITHUB_WORKSPACE = saved;
  rmSync(dir, { recursive: true, force: true });
});

/** Two orgs deploying one schedule group; prod-eu's role lacks routing:scheduleGroup:*. */
function manifest(accept: string[] = [], name = 'm.yml'): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    [
      'version: 1',
      'orgs:',
      '  - {name: prod-us, region: us-east-1, principal: {grant: client-credentials, roles: [{role: Ops, divisions: [Home]}]}}',
      '  - {name: prod-eu, region: eu-west-1, principal: {grant: client-credentials, roles: [{role: Empty, divisions: [Home]}]}}',
      'roles:',
      '  Ops: {permissions: ["routing:scheduleGroup:*"]}',
      '  Empty: {permissions: [routing:queue:view]}',
      'scheduleGroups:',
      '  - {name: Holidays, deployer: api}',
      ...(accept.length ? ['accept:', ...accept] : []),
      '',
    ].join('\n'),
  );
  return file;
}
const NOW = new Date('2026-12-02T12:00:00Z');
const errors = (r: Awaited<ReturnType<typeof runCheck>>, org: string) =>
  r.orgs.find((o) => o.name === org)!.findings.filter((f) => f.severity === 'error');

describe('accepted findings', () => {
  it('without acceptances prod-eu fails on missing-permission', async () => {
    const r = await runCheck({ manifestPath: manifest(), mode: 'offline', now: NOW });
    expect(errors(r, 'prod-eu').map((f) => f.code)).toContain('missing-permission');
    expect(r.passed).toBe(false);
  });

  it('an entry by org and code turns the findings into notices with the reason; the run passes', async () => {
    const r = await runCheck({
      manifestPath: manifest([
        '  - {org: prod-eu, code: missing-permission, reason: "EU ops role is granted at deploy time by the platform team", owner: "@platform", expires: 2027-01-31}',
      ]),
      mode: 'offline',
      now: NOW,
    });
    expect(errors(r, 'prod-eu')).toEqual([]);
    const accepted = r.orgs.find((o) => o.name === 'prod-eu')!.findings.filter((f) => f.accepted);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted[0]!.severity).toBe('notice');
    expect(accepted[0]!.accepted).toEqual({
      reason: 'EU ops role is granted at deploy time by the platform team',
      owner: '@platform',
      expires: '2027-01-31',
      severity: 'error',
      entry: 0,
    });
    expect(r.findings).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it('an expired entry accepts nothing: the error stands, and a warning names the entry at its line', async () => {
    const r = await runCheck({
      manifestPath: manifest(['  - {org: prod-eu, code: missing-permission, reason: temporary, expires: 2026-11-30}']),
      mode: 'offline',
      now: NOW,
    });
    expect(errors(r, 'prod-eu').map((f) => f.code)).toContain('missing-permission');
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        'accepted finding #1 (code missing-permission, org prod-eu) expired on 2026-11-30: the findings it matched count again (reason was: temporary)',
      ],
    ]);
    expect(r.findings[0]!.location).toMatchObject({ line: 11 });
    // The day itself still counts.
    const sameDay = await runCheck({
      manifestPath: manifest(['  - {org: prod-eu, code: missing-permission, reason: temporary, expires: 2026-12-02}']),
      mode: 'offline',
      now: NOW,
    });
    expect(errors(sameDay, 'prod-eu')).toEqual([]);
  });

  it('an entry matching nothing is stale (a warning); an entry for an org not checked is left alone', async () => {
    const file = manifest([
      '  - {permission: "wfm:schedule:publish", reason: "no longer needed"}',
      '  - {org: prod-eu, code: missing-permission, reason: "known"}',
    ]);
    const r = await runCheck({ manifestPath: file, mode: 'offline', now: NOW });
    expect(r.findings.map((f) => f.message)).toEqual([
      'accepted finding #1 (permission wfm:schedule:publish) matches no finding: it is stale',
    ]);
    const usOnly = await runCheck({ manifestPath: file, mode: 'offline', now: NOW, orgs: ['prod-us'] });
    expect(usOnly.findings.map((f) => f.message)).toEqual([
      'accepted finding #1 (permission wfm:schedule:publish) matches no finding: it is stale',
    ]);
  });

  it('the side file .genesys-preflight-accept.yml is read beside the manifest', async () => {
    const sub = mkdtempSync(join(dir, 'side-'));
    const file = join(sub, 'm.yml');
    writeFileSync(
      file,
      [
        'version: 1',
        'orgs:',
        '  - {name: prod-eu, region: eu-west-1, principal: {grant: client-credentials, roles: [{role: Empty, divisions: [Home]}]}}',
        'roles:',
        '  Empty: {permissions: [routing:queue:view]}',
        'scheduleGroups:',
        '  - {name: Holidays, deployer: api}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(sub, '.genesys-preflight-accept.yml'),
      'accept:\n  - code: missing-permission\n    reason: side file\n',
    );
    const r = await runCheck({ manifestPath: file, mode: 'offline', now: NOW });
    expect(r.passed).toBe(true);
    expect(r.orgs[0]!.findings.filter((f) => f.accepted).every((f) => f.accepted!.reason === 'side file')).toBe(true);
  });

  it('entries without a matcher, a reason, or with a bad date are located errors (exit 2), never quoting the text', async () => {
    for (const [entry, message] of [
      ['  - {reason: "everything"}', /must name what it accepts/],
      ['  - {code: missing-permission}', /needs a reason|required key "reason"/],
      ['  - {code: missing-permission, reason: r, expires: 2027-02-30}', /expires must be a date/],
      ['  - {code: made-up-code, reason: r}', /code is not a finding code/],
      ['  - {code: missing-permission, reason: r, sneaky: "<script>"}', /./],
    ] as const) {
      const r = await runCheck({ manifestPath: manifest([entry]), mode: 'offline', now: NOW });
      expect(r.findings.length).toBeGreaterThan(0);
      expect(r.findings[0]!.code).toBe('manifest-invalid');
      expect(r.findings[0]!.message).toMatch(message);
      expect(r.findings[0]!.message).not.toContain('<script>');
      expect(r.passed).toBe(false);
    }
  });

  it('applyAcceptances: notices and fatal findings are never touched; the first matching entry wins', () => {
    const f = (over: Partial<Finding>): Finding => ({
      severity: 'error',
      code: 'missing-permission',
      message: 'm',
      resource: 'flow:F',
      operation: 'GET /x',
      missing: ['a:b:c'],
      ...over,
    });
    const org = { name: 'o', findings: [f({}), f({ severity: 'notice' }), f({ fatal: true, code: 'auth-failed' })] };
    const warnings = applyAcceptances(
      [org],
      [
        { permission: 'a:b:c', reason: 'first' },
        { resource: 'flow:F', reason: 'second' },
      ],
      NOW,
    );
    expect(org.findings.map((x) => [x.severity, x.accepted?.reason])).toEqual([
      ['notice', 'first'],
      ['notice', undefined],
      ['error', undefined],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'accepted finding #2 (resource flow:F) matches no finding: it is stale',
    ]);
  });
});

describe('accepted findings in the reports', () => {
  it('markdown lists them apart with the reason and drops their fixes; text shows the reason', async () => {
    const { renderMarkdown } = await import('../../src/report/markdown.js');
    const { renderText } = await import('../../src/report/text.js');
    const r = await runCheck({
      manifestPath: manifest(
        ['  - {org: prod-eu, code: missing-permission, reason: "granted by *platform* at deploy", owner: "@platform"}'],
        'rep.yml',
      ),
      mode: 'offline',
      now: NOW,
    });
    const md = renderMarkdown(r, 0);
    expect(md).toMatch(/\*\*Accepted findings\*\* \(\d+, reported as notices\)/);
    expect(md).toContain('owner `@platform`');
    expect(md).toContain('granted by \\*platform\\* at deploy');
    expect(md).not.toMatch(/blocked call/);
    const text = renderText(r, 0);
    expect(text).toMatch(/accepted \(was error, entry #1\): granted by \*platform\* at deploy/);
    expect(text).not.toMatch(/To fix prod-eu/);
  });
});
