/**
 * The action's `sarif` input (src/action/run.ts, in process): the SARIF report is written to the
 * path (parent folders created) and named by the `sarif` output, beside the JSON report of output
 * `report`; when the check stops before it starts (a live check without credentials), the SARIF
 * file is still written with the reason, so an upload-sarif step after it has a file to upload.
 * Without the input, no SARIF file and no `sarif` output.
 */
import { describe, it, expect, afterEach, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/action/run.js';
import { readInputs } from '../../src/action/inputs.js';
import { parseOutputFile } from '../support/runner.js';

const saved = { ...process.env };
const savedExit = process.exitCode;

afterEach(() => {
  jest.restoreAllMocks();
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  process.exitCode = savedExit;
});

/** Runs the action with `inputs`; returns its outputs and exit code. */
async function action(
  inputs: Record<string, string>,
): Promise<{ outputs: Record<string, string>; exit: number | string | undefined; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gp-sarif-'));
  const outputFile = join(dir, 'output');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = { GITHUB_OUTPUT: outputFile, RUNNER_TEMP: dir, INPUT_COMMENT: 'never' };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v.replace('$DIR', dir);
  for (const k of Object.keys(process.env)) if (/^(INPUT_|GENESYS|GITHUB_)/.test(k)) delete process.env[k];
  Object.assign(process.env, env);
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  await run({ ...env, PATH: process.env.PATH ?? '' });
  jest.restoreAllMocks();
  return { outputs: parseOutputFile(readFileSync(outputFile, 'utf8')), exit: process.exitCode, dir };
}

describe('action input sarif', () => {
  it('reads the input (trimmed; empty = none)', () => {
    const get = (v: string) => (name: string) => (name === 'sarif' ? v : '');
    expect(readInputs(get(' out/preflight.sarif ')).sarif).toBe('out/preflight.sarif');
    expect(readInputs(get('')).sarif).toBe('');
  });

  it('writes the SARIF report where it says and sets the sarif and report outputs', async () => {
    const r = await action({
      manifest: 'examples/genesys-preflight.yml',
      mode: 'offline',
      sarif: '$DIR/reports/preflight.sarif',
      orgs: 'prod-eu',
    });
    expect(r.exit).toBe(1);
    expect(r.outputs.sarif).toBe(join(r.dir, 'reports/preflight.sarif'));
    const sarif = JSON.parse(readFileSync(r.outputs.sarif!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].automationDetails.id).toBe('genesys-preflight/prod-eu/');
    expect(sarif.runs[0].results.length).toBe(12);
    expect(sarif.runs[0].results.every((x: { properties: { org: string } }) => x.properties.org === 'prod-eu')).toBe(
      true,
    );
    expect(JSON.parse(readFileSync(r.outputs.report!, 'utf8')).orgs.map((o: { name: string }) => o.name)).toEqual([
      'prod-eu',
    ]);
  });

  it('still writes it, with the reason, when the check stops before it starts', async () => {
    const r = await action({ manifest: 'examples/genesys-preflight.yml', mode: 'live', sarif: '$DIR/preflight.sarif' });
    expect(r.exit).toBe(2);
    const sarif = JSON.parse(readFileSync(r.outputs.sarif!, 'utf8'));
    const results = sarif.runs[0].results as Array<{ ruleId: string; level: string; properties: { fatal?: boolean } }>;
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((x) => x.level === 'error' && x.properties.fatal === true)).toBe(true);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  it('without the input: no SARIF file, no sarif output', async () => {
    const r = await action({ manifest: 'examples/genesys-preflight.yml', mode: 'offline' });
    expect(r.exit).toBe(1);
    expect(r.outputs.sarif).toBeUndefined();
    expect(existsSync(join(r.dir, 'preflight.sarif'))).toBe(false);
    expect(r.outputs.report).toBeDefined();
  });
});
