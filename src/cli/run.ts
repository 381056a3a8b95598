/**
 * The CLI: `genesys-preflight check|audit|diagnose|explain|policy|orgs` (contract: docs/DESIGN.md §4).
 * Parses arguments, runs the engine, prints to standard output and error, returns the exit code
 * 0/1/2. The entry point `src/cli.ts` only calls {@link runCli} with the process's arguments.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCheck, runPolicy } from '../engine.js';
import { compareFindings, exitCode, REPORT_VERSION, summarize, type FailOn, type Report } from '../report/model.js';
import { renderText } from '../report/text.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { renderJunit } from '../report/junit.js';
import { renderGitlab } from '../report/gitlab.js';
import { writeJsonReport } from '../report/json.js';
import { bundledCatalog } from '../catalog/bundled.js';
import { explainOperation, explainPermission, explainScope } from '../explain.js';
import { VERSION } from '../version.js';
import { resolveMode } from '../grants/mode.js';
import { ORG_NAME_PATTERN } from '../grants/credentials.js';
import { loadCatalogOption } from '../catalog/option.js';
import { PreflightError, fatal } from '../util/errors.js';
import { MAX_FILE_BYTES } from '../util/read-file.js';
import { workspaceRoot } from '../util/paths.js';
import { loadManifest, parseManifest, tryLoadManifest, type LoadedManifest } from '../manifest/load.js';
import type { Finding, Principal, Resource } from '../types.js';
import type { GrantsReader } from '../grants/types.js';
import { diagnose } from '../diagnose/index.js';
import { explainFailures } from '../diagnose/explain.js';
import { diagnosisMarkdown, diagnosisText } from '../diagnose/render.js';
import { readTextFile } from '../util/read-file.js';
import { renderPolicyMarkdown, renderPolicyText, renderTerraform, roleBodies } from '../policy/render.js';

const DOCS = 'https://github.com/genesys-preflight/genesys-preflight#cli';

const MANIFEST_OPTION = `  -m, --manifest PATH    the deployment manifest, YAML or JSON (default genesys-preflight.yml);
                         - reads it from standard input: the files it names then resolve against the
                         current directory, as for a manifest file there, and messages call it <stdin>`;

/** Live credentials (src/grants/credentials.ts). */
const CREDENTIALS_ENV = `  GENESYS_<ORG>_CLIENT_ID, GENESYS_<ORG>_CLIENT_SECRET
      client credentials for a live check of org <ORG>: the org name in upper case with - as _
      (org prod-us: GENESYS_PROD_US_CLIENT_ID, GENESYS_PROD_US_CLIENT_SECRET)
  GENESYS_<ORG>_ACCESS_TOKEN
      a pre-issued token instead (e.g. a user token: then scopes are checked too)
  GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_ACCESS_TOKEN
      the CX-as-Code provider's variables, for the org checked when exactly one is (a one-org
      manifest, or one --org) and its own are all unset; GENESYSCLOUD_ACCESS_TOKEN wins over the
      pair; never used when several orgs are checked
  GENESYSCLOUD_REGION
      with them, the org's region (it must agree with the manifest's region for the org)`;

/** Where requests go (src/genesys/transport.ts, src/genesys/hosts.ts). */
const HOSTS_ENV = `  HTTPS_PROXY, HTTP_PROXY, NO_PROXY (each also in lower case, which is read first)
      the proxy for the requests to Genesys Cloud (login, Platform API, live catalog), through
      CONNECT tunnels: TLS runs end to end with the Genesys host. HTTPS_PROXY serves https hosts
      (HTTP_PROXY when it is unset); hosts in NO_PROXY go direct. http://user:password@host:port
      authenticates to the proxy; the password is masked and never printed
  GENESYS_PREFLIGHT_ALLOW_HOSTS
      hosts (comma separated) besides Genesys Cloud's api./login. hosts that may receive
      credentials or serve the live catalog; https required except for loopback`;

/** Every command that reads a manifest (src/util/paths.ts), and the error handler. */
const RUN_ENV = `  GITHUB_WORKSPACE
      the directory the manifest and every file it names must be inside (default: the manifest's
      git repository, else its directory)
  GENESYS_PREFLIGHT_DEBUG
      when set, an internal error also prints its stack trace`;

const USAGE = `Usage:
  genesys-preflight check [--manifest PATH|-] [--format text|json|markdown|sarif|junit|gitlab]
                          [--mode auto|offline|live] [--org NAME]... [--live-org NAME|*]...
                          [--fail-on error|warning|never] [--output FILE] [--report FILE]
                          [--catalog bundled|live|PATH] [--terraform-plan PLAN.json]
                          [--excess] [--excess-level notice|warning] [--also-needed MANIFEST]...
  genesys-preflight audit [--manifest PATH]... [--org NAME]... [--mode auto|offline|live]
                          [--format text|markdown|json]   (what the deploy principal holds that
                          no manifest needs, and the roles to grant instead)
  genesys-preflight diagnose [LOG|-] [--manifest PATH] [--org NAME] [--format text|markdown|json]
                          (a failed deploy's permission failures, in the manifest's terms)
  genesys-preflight explain "METHOD /api/v2/path" | PERMISSION | SCOPE
  genesys-preflight policy [--manifest PATH|-] [--org NAME]...
                          [--format text|markdown|terraform|json] [--terraform-plan PLAN.json]
                          (least-privilege roles per org)
  genesys-preflight orgs [--manifest PATH|-]     (org names as JSON, for a strategy.matrix)
  genesys-preflight --version
  genesys-preflight COMMAND --help               (options, examples and environment of a command)

--mode auto checks live every org whose credential variables are set; --live-org NAME (or * for
every selected org) makes unset ones an error.

Environment (COMMAND --help names those the command reads):
${CREDENTIALS_ENV}
${HOSTS_ENV}
${RUN_ENV}
  GENESYS_PREFLIGHT_COMMENT_AUTHOR
      the GitHub Action only: the login its pull-request comment is written as (e.g. my-app[bot]
      for a GitHub App token); only a comment by that login is ever edited

Exit codes: 0 nothing at or above --fail-on; 1 blocking findings; 2 the check could not be done.
Docs: ${DOCS}`;

/** Per-command help (`genesys-preflight COMMAND --help`, `help COMMAND`). */
const HELP: Record<string, string> = {
  check: `Usage: genesys-preflight check [options]

Checks, per org of the manifest, that the deploy principal holds every OAuth scope, role permission
and division grant the deploy needs: declared in the manifest (offline) or read from Genesys Cloud
(live, read-only).

Options:
${MANIFEST_OPTION}
  -f, --format FORMAT    text (default), json (the JSON report), markdown, sarif (GitHub code
                         scanning), junit (JUnit XML), gitlab (GitLab Code Quality JSON)
  -o, --output FILE      write the --format output to FILE; standard output then shows the text report
      --report FILE      also write the JSON report to FILE
      --mode MODE        auto (default: live for each org whose credential variables are set),
                         offline (the declared principal), live (every selected org)
      --org NAME         check only this org (repeatable; default every org)
      --live-org NAME|*  in auto mode, this org must be checked live: unset credentials are an error
                         (repeatable; * = every selected org)
      --fail-on LEVEL    lowest severity that fails the run: error (default), warning, never
      --catalog SOURCE   operation catalog: bundled (default), live, or PATH to a Platform API swagger
      --terraform-plan PLAN.json   \`terraform show -json\` output to check besides the manifest
      --excess           also report what the principal holds that no planned call needs
                         (excess-permission, excess-division, wildcard-grant, admin-role)
      --excess-level L   severity of those findings: notice (default) or warning
      --also-needed M    another manifest deployed with the same principal: its needs count as
                         needed (repeatable)
  -h, --help             this help

Examples:
  genesys-preflight check --manifest genesys-preflight.yml --mode offline
  genesys-preflight check --format sarif --output preflight.sarif --report preflight.json
  genesys-preflight check --format junit --output preflight-junit.xml --fail-on warning
  genesys-preflight check --org prod-us --live-org prod-us --mode auto
  generate-manifest | genesys-preflight check --manifest - --format gitlab --output gl-code-quality.json

Exit codes: 0 nothing at or above --fail-on; 1 blocking findings; 2 the check could not be done.

Environment:
${CREDENTIALS_ENV}
${HOSTS_ENV}
${RUN_ENV}

Docs: ${DOCS}`,
  audit: `Usage: genesys-preflight audit [options]

Prints, per org, what the deploy principal holds that none of the manifests needs (the removal
plan), and the least-privilege roles of their union to grant instead. The first manifest's orgs and
principals are checked (declared, or read live); the other manifests' needs count as needed too.

Options:
  -m, --manifest PATH    a manifest deployed with this principal (repeatable; default
                         genesys-preflight.yml); the first names the orgs and principals
      --org NAME         only this org (repeatable; default every org)
      --mode MODE        auto (default), offline or live, as for check
  -f, --format FORMAT    text (default), markdown, json
      --catalog SOURCE   operation catalog: bundled (default), live, or PATH to a Platform API swagger
  -h, --help             this help

Examples:
  genesys-preflight audit --manifest flows.yml --manifest scripts.yml --mode offline
  genesys-preflight audit --org prod-us --mode live --format markdown >> "$GITHUB_STEP_SUMMARY"

Exit codes: 0 nothing in excess; 1 excess privilege found; 2 the audit could not be done.

Environment (credentials with --mode auto or live):
${CREDENTIALS_ENV}
${HOSTS_ENV}
${RUN_ENV}

Docs: ${DOCS}`,
  diagnose: `Usage: genesys-preflight diagnose [LOG|-] [options]

Reads a failed deploy's log (a file, or - / nothing for standard input), finds its permission
failures (403 Forbidden) and, with a manifest, says for each whether check predicted it and what
fixes it; a refusal check did not predict is an unpredicted-403.

Options:
  -m, --manifest PATH    the deployment manifest (default genesys-preflight.yml when it exists)
      --org NAME         the org the deploy ran against
      --mode MODE        offline (default: the declared principal), auto or live, as for check
  -f, --format FORMAT    text (default), markdown, json
  -h, --help             this help

Examples:
  genesys-preflight diagnose deploy.log --manifest genesys-preflight.yml --org prod-us
  archy publish --file flow.yaml 2>&1 | genesys-preflight diagnose - --format markdown

Exit codes: 0 every refusal was predicted (or none found); 1 an unpredicted-403.

Environment (credentials with --mode auto or live):
${CREDENTIALS_ENV}
${HOSTS_ENV}
${RUN_ENV}

Docs: ${DOCS}`,
  policy: `Usage: genesys-preflight policy [options]

Prints, per org, the least-privilege roles the deploy needs: every permission the deploy's calls
need, in the divisions they need it, and nothing else.

Options:
${MANIFEST_OPTION}
      --org NAME         only this org (repeatable; default every org)
  -f, --format FORMAT    text (default), markdown, terraform (genesyscloud_auth_role resources),
                         json (the POST /api/v2/authorization/roles bodies)
      --catalog SOURCE   operation catalog: bundled (default), live, or PATH to a Platform API swagger
      --terraform-plan PLAN.json   \`terraform show -json\` output to plan besides the manifest
  -h, --help             this help

Examples:
  genesys-preflight policy --manifest genesys-preflight.yml --format markdown
  genesys-preflight policy --org prod-eu --format terraform > roles.tf

Environment (no credentials are read; the proxy and hosts for --catalog live only):
${HOSTS_ENV}
${RUN_ENV}

Docs: ${DOCS}`,
  explain: `Usage: genesys-preflight explain "METHOD /api/v2/path" | PERMISSION | SCOPE

Prints what the bundled catalog says. For an operation: its role permissions (any one of, or all
of), its OAuth scopes (user tokens), and which deployers call it, why, and the source. For a
permission (domain:entity:action): the operations that need it and the deploy plans that use it.
For an OAuth scope: what it admits for user tokens.

Options:
  -h, --help             this help

Examples:
  genesys-preflight explain "POST /api/v2/flows/actions/publish"
  genesys-preflight explain "GET /api/v2/routing/queues"
  genesys-preflight explain architect:flow:publish
  genesys-preflight explain scripts:readonly

Environment: GENESYS_PREFLIGHT_DEBUG only (no credentials, no manifest; nothing is sent anywhere).

Docs: ${DOCS}`,
  orgs: `Usage: genesys-preflight orgs [options]

Prints the org names of the manifest as a JSON list, e.g. for a GitHub Actions strategy.matrix.

Options:
${MANIFEST_OPTION}
  -h, --help             this help

Examples:
  genesys-preflight orgs --manifest genesys-preflight.yml      # ["prod-us","prod-eu"]
  echo "orgs=$(genesys-preflight orgs)" >> "$GITHUB_OUTPUT"

Environment (no credentials are read):
${RUN_ENV}

Docs: ${DOCS}`,
};

/** True when `args` (before a \`--\`) ask for help. */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

class UsageError extends Error {}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], dflt: T): T {
  if (value === undefined) return dflt;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Thrown when an output file cannot be written (exit 2, no usage text). */
class OutputError extends Error {}

/** The manifest name `--manifest -` gets in messages and reports. */
const STDIN_NAME = '<stdin>';

/**
 * Reads the manifest text from standard input with the limits of a manifest file (at most
 * MAX_FILE_BYTES, UTF-8, no NUL byte; a BOM is dropped). Throws PreflightError.
 */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    total += chunk.length;
    if (total > MAX_FILE_BYTES) {
      process.stdin.destroy();
      const at = { file: STDIN_NAME, line: 1, column: 1 };
      throw new PreflightError([
        fatal(
          'manifest-invalid',
          `the manifest on standard input is larger than ${MAX_FILE_BYTES / 1048576} MB, the limit`,
          at,
        ),
      ]);
    }
  }
  const bytes = Buffer.concat(chunks, total);
  const at = { file: STDIN_NAME, line: 1, column: 1 };
  if (bytes.includes(0))
    throw new PreflightError([
      fatal('manifest-invalid', 'the manifest on standard input is not text (it has a NUL byte)', at),
    ]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new PreflightError([fatal('manifest-invalid', 'the manifest on standard input is not UTF-8 text', at)]);
  }
  return text;
}

/**
 * The manifest of `--manifest PATH` (`-`: standard input, whose files resolve against the current
 * directory with the workspace root a manifest file there would have). Throws PreflightError.
 */
async function readManifest(path: string): Promise<LoadedManifest> {
  if (path !== '-') return loadManifest(path);
  const cwd = process.cwd();
  return parseManifest(await readStdin(), STDIN_NAME, cwd, workspaceRoot(resolve(cwd, STDIN_NAME)));
}

/** Writes an output file, or throws OutputError naming it. */
function writeOutput(flag: string, path: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OutputError(`${flag} ${path}: cannot write the file${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}

const CHECK_FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit', 'gitlab'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The report in a text format (json is streamed by writeJsonReport instead). */
function renderCheck(
  format: Exclude<CheckFormat, 'json'>,
  report: Report,
  exit: 0 | 1 | 2,
  failOn: FailOn,
  orgs: string[],
): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(report, exit);
    case 'sarif':
      return `${renderSarif(report, VERSION, { orgs })}\n`;
    case 'junit':
      return renderJunit(report, failOn);
    case 'gitlab':
      return renderGitlab(report);
    case 'text':
      return renderText(report, exit);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'help' && rest[0] !== undefined && HELP[rest[0]]) {
    process.stdout.write(`${HELP[rest[0]]}\n`);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (Object.hasOwn(HELP, command) && wantsHelp(rest)) {
    process.stdout.write(`${HELP[command]}\n`);
    return 0;
  }
  if (command === 'explain') {
    const query = rest.join(' ').trim();
    const catalog = bundledCatalog();
    const text = /\s/.test(query)
      ? explainOperation(catalog, query)
      : query.includes(':') && query.split(':').length === 3
        ? explainPermission(catalog, query)
        : explainScope(catalog, query);
    if (!text) {
      // Not quoted: the query is the user's text; say what was expected.
      process.stderr.write(
        'genesys-preflight: nothing to explain: expected "METHOD /api/v2/path", a permission (domain:entity:action) or an OAuth scope the catalog knows\n',
      );
      return 2;
    }
    process.stdout.write(`${text}\n`);
    return 0;
  }
  if (command === 'orgs') {
    const { values } = parseArgs({
      args: rest,
      options: { manifest: { type: 'string', short: 'm', default: 'genesys-preflight.yml' } },
      strict: true,
    });
    process.stdout.write(
      `${JSON.stringify((await readManifest(values.manifest!)).manifest.orgs.map((o) => o.name))}\n`,
    );
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
    const loaded = await readManifest(values.manifest!);
    const policies = runPolicy({
      manifestPath: loaded.file,
      loaded,
      catalog: await loadCatalogOption(values.catalog ?? 'bundled', loaded),
      orgs: values.org ?? [],
      ...(values['terraform-plan'] ? { terraformPlan: values['terraform-plan'] } : {}),
    });
    const text =
      format === 'terraform'
        ? renderTerraform(policies)
        : format === 'markdown'
          ? renderPolicyMarkdown(policies)
          : format === 'json'
            ? JSON.stringify({ policies, roleBodies: roleBodies(policies) }, null, 2) + '\n'
            : renderPolicyText(policies);
    process.stdout.write(text);
    return 0;
  }
  if (command === 'audit') return audit(rest);
  if (command === 'diagnose') return diagnoseCommand(rest);
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
      report: { type: 'string' },
      catalog: { type: 'string' },
      'terraform-plan': { type: 'string' },
      excess: { type: 'boolean' },
      'excess-level': { type: 'string' },
      'also-needed': { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = oneOf('format', values.format, CHECK_FORMATS, 'text');
  const excessLevel = oneOf('excess-level', values['excess-level'], ['notice', 'warning'] as const, 'notice');
  const excess =
    values.excess || values['excess-level'] !== undefined || (values['also-needed'] ?? []).length > 0
      ? { severity: excessLevel, alsoNeeded: values['also-needed'] ?? [] }
      : undefined;
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
  for (const flag of ['output', 'report'] as const) {
    if (values[flag] === '') throw new UsageError(`--${flag} needs a file name`);
  }
  const orgs = values.org ?? [];
  const fromStdin = values.manifest === '-';
  // Loaded once for the run: the mode, the catalog and the check all read this one.
  let loaded: LoadedManifest | undefined;
  let stdinErrors: Finding[] | undefined;
  if (fromStdin) {
    try {
      loaded = await readManifest('-');
    } catch (e) {
      if (!(e instanceof PreflightError)) throw e;
      stdinErrors = e.findings;
    }
  } else {
    loaded = tryLoadManifest(values.manifest!);
  }
  const mode = resolveMode(requestedMode, loaded, process.env, { orgs, liveOrgs });
  const report = stdinErrors
    ? unusableManifestReport(STDIN_NAME, mode.mode, stdinErrors)
    : await runCheck({
        manifestPath: fromStdin ? STDIN_NAME : values.manifest!,
        ...(loaded ? { loaded } : {}),
        mode: mode.mode,
        orgs,
        catalogOption: values.catalog ?? 'bundled',
        ...(mode.grants ? { grants: mode.grants } : {}),
        ...(values['terraform-plan'] ? { terraformPlan: values['terraform-plan'] } : {}),
        ...(excess ? { excess } : {}),
      });
  const exit = exitCode(report, failOn);
  const output = values.output;
  if (output) {
    writeOutput('--output', output, () =>
      format === 'json'
        ? writeJsonReport(report, output)
        : writeFileSync(output, renderCheck(format, report, exit, failOn, orgs)),
    );
    process.stdout.write(renderText(report, exit));
  } else if (format === 'json') {
    writeJsonReport(report, process.stdout);
  } else {
    process.stdout.write(renderCheck(format, report, exit, failOn, orgs));
  }
  const reportFile = values.report;
  if (reportFile) writeOutput('--report', reportFile, () => writeJsonReport(report, reportFile));
  return exit;
}

/**
 * `audit`: the excess-privilege view. The first manifest is checked (with --excess at warning level,
 * its orgs' principals declared or read live); the others' needs count as needed too. Prints, per
 * org, the sizes, the removal plan, and the least-privilege roles of the union.
 */
async function audit(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      manifest: { type: 'string', short: 'm', multiple: true },
      org: { type: 'string', multiple: true },
      mode: { type: 'string' },
      format: { type: 'string', short: 'f' },
      catalog: { type: 'string' },
    },
    strict: true,
  });
  const manifests = values.manifest?.length ? values.manifest : ['genesys-preflight.yml'];
  const format = oneOf('format', values.format, ['text', 'markdown', 'json'] as const, 'text');
  const requestedMode = oneOf('mode', values.mode, ['auto', 'offline', 'live'] as const, 'auto');
  const orgs = values.org ?? [];
  const loaded = tryLoadManifest(manifests[0]!);
  const mode = resolveMode(requestedMode, loaded, process.env, { orgs });
  const report = await runCheck({
    manifestPath: manifests[0]!,
    ...(loaded ? { loaded } : {}),
    mode: mode.mode,
    orgs,
    catalogOption: values.catalog ?? 'bundled',
    ...(mode.grants ? { grants: mode.grants } : {}),
    excess: { severity: 'warning', alsoNeeded: manifests.slice(1) },
  });
  const excessCodes = new Set(['excess-permission', 'excess-division', 'wildcard-grant', 'admin-role']);
  const catalog = await loadCatalogOption(values.catalog ?? 'bundled', loaded ?? manifests[0]!);
  const policies =
    loaded && report.orgs.length
      ? runPolicy({
          manifestPath: manifests[0]!,
          loaded,
          catalog,
          orgs: report.orgs.map((o) => o.name),
          alsoNeeded: manifests.slice(1),
        })
      : [];
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        {
          orgs: report.orgs.map((o) => ({
            name: o.name,
            excess: o.excess ?? null,
            findings: o.findings.filter((f) => excessCodes.has(f.code)),
          })),
          findings: report.findings,
          policies,
          roleBodies: roleBodies(policies),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const trimmed: Report = {
      ...report,
      orgs: report.orgs.map((o) => ({
        ...o,
        findings: o.findings.filter((f) => excessCodes.has(f.code) || f.severity === 'error'),
      })),
    };
    process.stdout.write(
      format === 'markdown' ? renderMarkdown(trimmed, 0, { requirements: false }) : renderText(trimmed, 0),
    );
    process.stdout.write(
      format === 'markdown'
        ? `\n## Least-privilege roles\n\n${renderPolicyMarkdown(policies)}`
        : `\nLeast-privilege roles to grant instead:\n${renderPolicyText(policies)}`,
    );
  }
  const fatal = report.findings.some((f) => f.fatal) || report.orgs.some((o) => o.findings.some((f) => f.fatal));
  if (fatal || report.orgs.length === 0) return 2;
  return report.orgs.some((o) => o.findings.some((f) => excessCodes.has(f.code))) ? 1 : 0;
}

/**
 * `diagnose [LOG|-]`: the permission failures of a failed deploy's log. With a manifest (default
 * genesys-preflight.yml when it exists), each is compared with what check predicts for the org and
 * worded as check words it; a 403 check did not predict is `unpredicted-403` (exit 1).
 */
async function diagnoseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      manifest: { type: 'string', short: 'm' },
      org: { type: 'string' },
      mode: { type: 'string' },
      format: { type: 'string', short: 'f' },
    },
    strict: true,
    allowPositionals: true,
  });
  const format = oneOf('format', values.format, ['text', 'markdown', 'json'] as const, 'text');
  const source = positionals[0] ?? '-';
  const logName = source === '-' ? '<stdin>' : source;
  const text = source === '-' ? await readStdin() : readLog(source);
  const catalog = bundledCatalog();
  const failures = diagnose(text, catalog);
  const manifestPath = values.manifest ?? (existsSync('genesys-preflight.yml') ? 'genesys-preflight.yml' : undefined);
  let report: Report | undefined;
  const principals = new Map<string, Principal>();
  // The expanded manifest: a Terraform address in the log names a flow or script of the plan.
  let resources: readonly Resource[] = [];
  if (manifestPath) {
    const loaded = loadManifest(manifestPath);
    const mode = resolveMode(
      oneOf('mode', values.mode, ['auto', 'offline', 'live'] as const, 'offline'),
      loaded,
      process.env,
      { orgs: values.org ? [values.org] : [] },
    );
    const grants = mode.grants!;
    const recording: GrantsReader = async (org, index, ctx) => {
      resources = ctx.resources;
      const g = await grants(org, index, ctx);
      if (g.principal) principals.set(org.name, g.principal);
      return g;
    };
    report = await runCheck({
      manifestPath,
      loaded,
      mode: mode.mode,
      orgs: values.org ? [values.org] : [],
      grants: recording,
    });
  }
  const diagnoses = explainFailures(failures, logName, report, principals, values.org, resources);
  if (format === 'json') process.stdout.write(`${JSON.stringify({ log: logName, diagnoses }, null, 2)}\n`);
  else
    process.stdout.write(
      format === 'markdown'
        ? diagnosisMarkdown(diagnoses, logName) || `No permission failure (403) found in ${logName}.\n`
        : diagnosisText(diagnoses, logName),
    );
  return diagnoses.some((d) => d.findings.some((f) => f.code === 'unpredicted-403')) ? 1 : 0;
}

/** A deploy log file (any size up to MAX_FILE_BYTES; the log is the operator's, not the PR's). */
function readLog(path: string): string {
  const read = readTextFile(path, 'deploy log', undefined, { root: null });
  if ('error' in read) throw new PreflightError([read.error]);
  return read.text;
}

/** The report of a run whose manifest could not be used (what runCheck reports for a manifest file). */
function unusableManifestReport(manifest: string, mode: Report['mode'], findings: Finding[]): Report {
  const sorted = [...findings].sort(compareFindings);
  const summary = summarize(sorted);
  return { version: REPORT_VERSION, mode, passed: false, manifest, summary, orgs: [], findings: sorted };
}

/**
 * Runs the CLI with `argv` (the arguments after the script), writing to process.stdout and
 * process.stderr in the current process environment and directory. Never throws: a user's error
 * is printed (file:line:column for manifest problems, the usage for a bad flag) and gives 2.
 * @returns the exit code: 0 passed, 1 findings at or above --fail-on, 2 unusable input or internal error
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    if (e instanceof PreflightError) {
      for (const f of e.findings) {
        const at = f.location ? `${f.location.file}:${f.location.line}:${f.location.column}: ` : '';
        process.stderr.write(`${at}error ${f.code}: ${f.message}${f.fix ? `\n  fix: ${f.fix}` : ''}\n`);
      }
    } else if (e instanceof OutputError) {
      process.stderr.write(`genesys-preflight: ${e.message}\n`);
    } else if (e instanceof UsageError || (e as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`genesys-preflight: ${(e as Error).message}\n\n${USAGE}\n`);
    } else {
      process.stderr.write(`genesys-preflight: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      if (process.env.GENESYS_PREFLIGHT_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
    }
    return 2;
  }
}
