/**
 * support/in-process.ts, which most end-to-end cases run on: each run sees exactly its own
 * environment, directory and standard input, its output is collected (not the worker's), its exit
 * code is returned, and the worker's environment, directory and exit code come back unchanged.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from './support/in-process.js';
import { VERSION } from '../src/version.js';

const dir = mkdtempSync(join(tmpdir(), 'gp-inproc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MANIFEST = `version: 1
orgs:
  - name: prod
    region: us-east-1
    principal: {grant: client-credentials, roles: [{role: Deployer, divisions: ['*']}]}
roles:
  Deployer: {permissions: [routing:scheduleGroup:view]}
scheduleGroups:
  - name: Hours
`;

describe('runInProcess', () => {
  it('collects what the CLI writes and returns its exit code; the worker is left as it was', async () => {
    const env = { ...process.env };
    const cwd = process.cwd();
    const r = await runInProcess('cli', ['--version'], {}, dir);
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(process.env).toEqual(env);
    expect(process.cwd()).toBe(cwd);
    expect(process.exitCode).toBeUndefined();
  });

  it('runs in the given directory with only the given variables', async () => {
    writeFileSync(join(dir, 'genesys-preflight.yml'), MANIFEST);
    // The manifest's default path resolves against the run's directory; with GITHUB_WORKSPACE set to
    // another directory, the manifest is outside the workspace (exit 2): the variable reached the run.
    const here = await runInProcess('cli', ['check', '--mode', 'offline', '--format', 'json'], {}, dir);
    expect(here.code).toBe(1);
    expect(JSON.parse(here.stdout)).toMatchObject({ manifest: 'genesys-preflight.yml', passed: false });
    const other = mkdtempSync(join(dir, 'ws-'));
    const outside = await runInProcess('cli', ['check', '--mode', 'offline'], { GITHUB_WORKSPACE: other }, dir);
    expect(outside.code).toBe(2);
    expect(outside.stderr + outside.stdout).toMatch(/outside the workspace/);
  });

  it('gives the run its standard input (`--manifest -`), empty by default', async () => {
    const fed = await runInProcess('cli', ['orgs', '--manifest', '-'], {}, dir, { stdin: MANIFEST });
    expect(fed).toMatchObject({ code: 0 });
    expect(fed.stdout).toContain('prod');
    const empty = await runInProcess('cli', ['orgs', '--manifest', '-'], {}, dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('<stdin>');
  });

  it('returns the action exit code from process.exitCode and restores the worker’s', async () => {
    const before = process.exitCode;
    const r = await runInProcess('action', [], { INPUT_MANIFEST: 'no-such.yml', INPUT_MODE: 'offline' }, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error /m);
    expect(process.exitCode).toBe(before);
  });

  it('runs one at a time: two runs started together each see only their own variables', async () => {
    const [a, b] = await Promise.all([
      runInProcess('cli', ['check', '--mode', 'offline'], { GITHUB_WORKSPACE: mkdtempSync(join(dir, 'a-')) }, dir),
      runInProcess('cli', ['check', '--mode', 'offline', '--format', 'json'], {}, dir),
    ]);
    expect(a.code).toBe(2);
    expect(b.code).toBe(1);
    expect(JSON.parse(b.stdout).passed).toBe(false);
  });
});
