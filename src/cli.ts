#!/usr/bin/env node
/**
 * CLI entry point: `genesys-preflight check|explain|policy|orgs` (contract: docs/DESIGN.md §4).
 * Thin: parses arguments, runs the engine, prints, exits 0/1/2.
 */
import { parseArgs } from 'node:util';
import { runCheck, runPolicy } from './engine.js';
import { exitCode, type FailOn } from './report/model.js';
import { renderText } from './report/text.js';
import { renderMarkdown } from './report/markdown.js';
import { renderSarif } from './report/sarif.js';
import { writeJsonReport } from './report/json.js';
import { bundledCatalog } from './catalog/bundled.js';
import { explainOperation } from './explain.js';
import { VERSION } from './version.js';
import { resolveMode } from './grants/mode.js';
import { ORG_NAME_PATTERN } from './grants/credentials.js';
import { loadCatalogOption } from './catalog/option.js';
import { PreflightError } from './util/errors.js';
import { loadManifest, tryLoadManifest } from './manifest/load.js';
import { renderPolicyMarkdown, renderPolicyText, renderTerraform, roleBodies } from './policy/render.js';

const USAGE = `Usage:
  genesys-preflight check [--manifest PATH] [--format text|json|markdown|sarif]
                          [--mode auto|offline|live] [--org NAME]... [--live-org NAME|*]...
                          [--fail-on error|warning|never] [--output FILE]
                          [--catalog bundled|live|PATH] [--terraform-plan PLAN.json]
  genesys-preflight explain "METHOD /api/v2/path"
  genesys-preflight policy [--manifest PATH] [--org NAME]... [--format text|markdown|terraform|json]
                          [--terraform-plan PLAN.json]   (least-privilege roles per org)
  genesys-preflight orgs [--manifest PATH]     (org names as JSON, for a strategy.matrix)
  genesys-preflight --version

Live mode reads each org's credentials from GENESYS_<ORG>_CLIENT_ID and GENESYS_<ORG>_CLIENT_SECRET
(or GENESYS_<ORG>_ACCESS_TOKEN), <ORG> being the org name in upper case with - as _; with one org
selected, GENESYSCLOUD_OAUTHCLIENT_ID/_SECRET/GENESYSCLOUD_REGION too. --mode auto checks live every
org whose variables are set; --live-org NAME (or * for every selected org) makes unset ones an error.

Exit codes: 0 nothing at or above --fail-on; 1 blocking findings; 2 the check could not be done.`;

class UsageError extends Error {}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], dflt: T): T {
  if (value === undefined) return dflt;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === 'explain') {
    const query = rest.join(' ');
    const text = explainOperation(bundledCatalog(), query);
    if (!text) {
      process.stderr.write(`genesys-preflight: no operation "${query}" in the catalog (expected "METHOD /api/v2/path")\n`);
      return 2;
    }
    process.stdout.write(`${text}\n`);
    return 0;
  }
  if (command === 'orgs') {
    const { values } = parseArgs({ args: rest, options: { manifest: { type: 'string', short: 'm', default: 'genesys-preflight.yml' } }, strict: true });
    process.stdout.write(`${JSON.stringify(loadManifest(values.manifest!).manifest.orgs.map((o) => o.name))}\n`);
    return 0;
  }
  if (command === 'policy') {
    const { values } = parseArgs({
      args: rest,
      options: {
        manifest: { type: 'string', short: 'm', default: 'genesys-preflight.yml' },
        org: { type: 'string', multiple: true },
        format: { type: 'string', short: 'f' },
        catalog: { type: 'string' },
        'terraform-plan': { type: 'string' },
      },
      strict: true,
    });
    const format = oneOf('format', values.format, ['text', 'markdown', 'terraform', 'json'] as const, 'text');
    const loaded = loadManifest(values.manifest!);
    const policies = runPolicy({
      manifestPath: values.manifest!,
      loaded,
      catalog: await loadCatalogOption(values.catalog ?? 'bundled', loaded),
      orgs: values.org ?? [],
      ...(values['terraform-plan'] ? { terraformPlan: values['terraform-plan'] } : {}),
    });
    const text =
      format === 'terraform' ? renderTerraform(policies) : format === 'markdown' ? renderPolicyMarkdown(policies) : format === 'json' ? JSON.stringify({ policies, roleBodies: roleBodies(policies) }, null, 2) + '\n' : renderPolicyText(policies);
    process.stdout.write(text);
    return 0;
  }
  if (command !== 'check') throw new UsageError(`unknown command "${command}"`);
  const { values } = parseArgs({
    args: rest,
    options: {
      manifest: { type: 'string', short: 'm', default: 'genesys-preflight.yml' },
      format: { type: 'string', short: 'f' },
      mode: { type: 'string' },
      org: { type: 'string', multiple: true },
      'live-org': { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      output: { type: 'string', short: 'o' },
      catalog: { type: 'string' },
      'terraform-plan': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = oneOf('format', values.format, ['text', 'json', 'markdown', 'sarif'] as const, 'text');
  const failOn = oneOf<FailOn>('fail-on', values['fail-on'], ['error', 'warning', 'never'], 'error');
  const requestedMode = oneOf('mode', values.mode, ['auto', 'offline', 'live'] as const, 'auto');
  const liveOrgs = values['live-org'] ?? [];
  for (const name of liveOrgs) {
    if (name !== '*' && !ORG_NAME_PATTERN.test(name)) {
      throw new UsageError('--live-org takes an org name (letters, digits, _ and -, at most 64) or *');
    }
  }
  if (requestedMode === 'offline' && liveOrgs.length) {
    throw new UsageError('--live-org needs --mode auto or live (offline checks no org live)');
  }
  // Loaded once for the run: the mode, the catalog and the check all read this one.
  const loaded = tryLoadManifest(values.manifest!);
  const mode = resolveMode(requestedMode, loaded, process.env, { orgs: values.org ?? [], liveOrgs });
  const report = await runCheck({
    manifestPath: values.manifest!,
    ...(loaded ? { loaded } : {}),
    mode: mode.mode,
    orgs: values.org ?? [],
    catalogOption: values.catalog ?? 'bundled',
    ...(mode.grants ? { grants: mode.grants } : {}),
    ...(values['terraform-plan'] ? { terraformPlan: values['terraform-plan'] } : {}),
  });
  const exit = exitCode(report, failOn);
  if (format === 'json') writeJsonReport(report, 1);
  else process.stdout.write(format === 'markdown' ? renderMarkdown(report, exit) : format === 'sarif' ? renderSarif(report, VERSION) + '\n' : renderText(report, exit));
  if (values.output) writeJsonReport(report, values.output);
  return exit;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof PreflightError) {
      for (const f of e.findings) {
        const at = f.location ? `${f.location.file}:${f.location.line}:${f.location.column}: ` : '';
        process.stderr.write(`${at}error ${f.code}: ${f.message}${f.fix ? `\n  fix: ${f.fix}` : ''}\n`);
      }
    } else if (e instanceof UsageError || (e as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`genesys-preflight: ${(e as Error).message}\n\n${USAGE}\n`);
    } else {
      process.stderr.write(`genesys-preflight: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      if (process.env.GENESYS_PREFLIGHT_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
    }
    process.exitCode = 2;
  },
);
