/**
 * The SARIF output under Microsoft's SARIF Multitool (`@microsoft/sarif-multitool`, a devDependency:
 * one self-contained binary per platform): `validate --rule-kind Sarif;Gh` runs its SARIF rules and
 * its GitHub rule set (GH1001-GH2012: what GitHub Advanced Security needs of rules, results,
 * locations and regions). Every log the check writes has no result at level error or warning: the
 * bundled examples (failing, Terraform, with --excess), the report of plain and hostile names, an
 * accepted finding, a fatal manifest error, an empty run.
 *
 * SARIF2006 (every URI in the log must answer an HTTP GET) is disabled by a configuration file:
 * tests never touch the internet, and with the rule disabled the tool opens no network socket. The
 * Multitool reports the disabled rule as a configuration warning (WRN999), the only one expected.
 * A broken log shows the rule set is really applied (it must raise GitHub errors).
 *
 * The suite is skipped, saying why, only when the platform's binary is not installed or cannot run
 * (e.g. an architecture the package has no binary for).
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../src/engine.js';
import { renderSarif } from '../../src/report/sarif.js';
import { summarize, type Report } from '../../src/report/model.js';
import type { Finding } from '../../src/types.js';
import { hostile, plain, reportWith } from './hostile-report.js';

const require = createRequire(import.meta.url);

/** The Multitool binary and whether it runs here (the reason when not). */
function multitool(): { bin: string } | { why: string } {
  let bin: string;
  try {
    bin = require('@microsoft/sarif-multitool') as string;
  } catch (e) {
    return { why: `@microsoft/sarif-multitool has no binary for ${process.platform}: ${(e as Error).message}` };
  }
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  // It prints its name and version on standard error.
  if (r.error || r.status !== 0 || !/SARIF Multitool/.test(`${r.stdout}${r.stderr}`)) {
    const why = r.error?.message ?? `exit ${r.status}: ${r.stderr.slice(0, 200)}`;
    return { why: `the SARIF Multitool binary ${bin} does not run on ${process.platform}-${process.arch} (${why})` };
  }
  return { bin };
}

const tool = multitool();
const suite = 'bin' in tool ? describe : describe.skip;
const title = 'bin' in tool ? 'SARIF Multitool' : `SARIF Multitool (skipped: ${tool.why})`;

/** Validation config: SARIF2006 (HTTP GET of every URI in the log) off, the rest as shipped. */
const CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
  </Properties>
</Properties>
`;

interface ValidationResult {
  ruleId: string;
  level?: string;
  message: { text?: string; arguments?: string[] };
  locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }>;
}
interface Validation {
  status: number | null;
  results: ValidationResult[];
  configurationNotifications: string[];
  executionSuccessful: boolean;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sarif-multitool-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `validate --rule-kind Sarif;Gh` (no shell: the `;` is one argument) on the named logs. */
function validate(logs: Record<string, string>): Validation {
  const bin = (tool as { bin: string }).bin;
  const config = join(dir, 'config.xml');
  writeFileSync(config, CONFIG);
  const files = Object.entries(logs).map(([name, text]) => {
    const file = join(dir, `${name}.sarif`);
    writeFileSync(file, text);
    return file;
  });
  const out = join(dir, 'validation.sarif');
  const args = ['validate', ...files, '--config', config, '--rule-kind', 'Sarif;Gh', '-o', out];
  const r = spawnSync(bin, [...args, '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 120_000 });
  const log = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: Array<{
      results?: ValidationResult[];
      invocations?: Array<{
        executionSuccessful: boolean;
        toolConfigurationNotifications?: Array<{ descriptor?: { id?: string }; message: { text: string } }>;
      }>;
    }>;
  };
  const run = log.runs[0]!;
  const inv = run.invocations?.[0];
  return {
    status: r.status,
    results: run.results ?? [],
    configurationNotifications: (inv?.toolConfigurationNotifications ?? []).map((n) => n.descriptor?.id ?? '?'),
    executionSuccessful: inv?.executionSuccessful ?? false,
  };
}

/** Results at level error or warning (SARIF's default level is warning), as `RULE file: text` for messages. */
const problems = (v: Validation) =>
  v.results
    .filter((r) => ['error', 'warning'].includes(r.level ?? 'warning'))
    .map((r) => {
      const file = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.replace(/^.*\//, '') ?? '';
      return `${r.ruleId} ${file}: ${r.message.text ?? (r.message.arguments ?? []).join(' | ')}`;
    });

function report(findings: Finding[], orgFindings: Finding[] = []): Report {
  const org = {
    name: 'prod-us',
    orgId: null,
    region: 'us-east-1',
    principal: 'declared' as const,
    passed: orgFindings.length === 0,
    requirements: [],
    findings: orgFindings,
  };
  return {
    version: 2,
    mode: 'offline',
    passed: false,
    manifest: 'genesys-preflight.yml',
    summary: summarize([...findings, ...orgFindings]),
    orgs: orgFindings.length ? [org] : [],
    findings,
  };
}

const MISSING: Finding = {
  severity: 'error',
  code: 'missing-permission',
  message: 'flow:Main: POST /api/v2/flows needs `architect:flow:add`',
  fix: 'add `architect:flow:add` to role Deployer',
  resource: 'flow:Main',
  operation: 'POST /api/v2/flows',
  location: { file: 'flows/main.yaml', line: 7, column: 3 },
  related: { file: 'genesys-preflight.yml', line: 12, column: 5 },
};

/** The file a validation result is about (its log's name + `.sarif`). */
const fileOf = (r: ValidationResult) =>
  r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.replace(/^.*\//, '') ?? '';

/**
 * A log GitHub's rules must reject: the report of one finding with its rule's fullDescription
 * removed and a result message without text.
 */
function brokenLog(): string {
  const sarif = JSON.parse(renderSarif(report([], [MISSING]), '1.2.3'));
  const run = sarif.runs[0];
  delete run.tool.driver.rules[0].fullDescription;
  run.results[0].message = { id: 'no-text' };
  return JSON.stringify(sarif);
}

suite(title, () => {
  // One Multitool run validates every log (each run starts .NET and loads the rules): the logs the
  // check writes and the broken one, told apart by file.
  let v: Validation;
  let exampleResults = 0;
  beforeAll(async () => {
    const example = (manifestPath: string, extra: Partial<Parameters<typeof runCheck>[0]> = {}) =>
      runCheck({ manifestPath, mode: 'offline', ...extra });
    const logs: Record<string, string> = {
      example: renderSarif(await example('examples/genesys-preflight.yml'), '0.1.0'),
      'example-excess': renderSarif(
        await example('examples/genesys-preflight.yml', { orgs: ['prod-eu'], excess: { severity: 'warning' } }),
        '0.1.0',
        { orgs: ['prod-eu'] },
      ),
      terraform: renderSarif(await example('examples/terraform/genesys-preflight.yml'), '0.1.0'),
      'missing-manifest': renderSarif(await example('no-such-manifest.yml'), '0.1.0'),
      plain: renderSarif(reportWith(plain), '1.2.3'),
      hostile: renderSarif(reportWith(hostile), '1.2.3'),
      empty: renderSarif(report([]), '1.2.3'),
      accepted: renderSarif(
        report([], [{ ...MISSING, severity: 'notice', accepted: { reason: 'OPS-1', severity: 'error', entry: 0 } }]),
        '1.2.3',
      ),
      fatal: renderSarif(
        report([
          { severity: 'error', code: 'manifest-invalid', message: 'bad', fatal: true, location: MISSING.location },
        ]),
        '1.2.3',
      ),
      broken: brokenLog(),
    };
    exampleResults = JSON.parse(logs.example!).runs[0].results.length;
    v = validate(logs);
  }, 120_000);

  it('every log the check writes: no error or warning under the SARIF and GitHub rules', () => {
    // The examples do produce findings (a log with no result would prove little).
    expect(exampleResults).toBeGreaterThan(5);
    expect(v.executionSuccessful).toBe(true);
    const ours = { ...v, results: v.results.filter((r) => fileOf(r) !== 'broken.sarif') };
    expect(problems(ours)).toEqual([]);
    expect(v.configurationNotifications).toEqual(['WRN999.RuleExplicitlyDisabled']);
  });

  it('the GitHub rules are applied: a broken log raises their errors', () => {
    const broken = v.results.filter((r) => fileOf(r) === 'broken.sarif' && r.level === 'error');
    const ids = new Set(broken.map((r) => r.ruleId));
    // GH2012: a rule without fullDescription; GH1015: a result message without text.
    expect([...ids].sort()).toEqual(expect.arrayContaining(['GH1015', 'GH2012']));
  });
});
