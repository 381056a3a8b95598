/**
 * The GitHub Action: inputs → engine → annotations, job summary, outputs, sticky PR comment,
 * exit code (0 pass, 1 blocked, 2 could not check).
 */
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runCheck } from '../engine.js';
import { compareFindings, exitCode, REPORT_VERSION, summarize, type Report } from '../report/model.js';
import { renderMarkdown } from '../report/markdown.js';
import { writeJsonReport } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { VERSION } from '../version.js';
import { annotationsFor } from '../report/annotations.js';
import { loadCatalogOption } from '../catalog/option.js';
import { resolveMode } from '../grants/mode.js';
import { PreflightError } from '../util/errors.js';
import { InputError, readInputs } from './inputs.js';
import { missingPermissions } from './outputs.js';
import { postComment, syncIssue } from './comment.js';
import { fitComment } from '../github/fit.js';
import { MARKDOWN_TABLE, mdText, termText } from '../report/escape.js';
import { tryLoadManifest, type LoadedManifest } from '../manifest/load.js';
import { pullRequestRefs, reviewPrincipals, type PrincipalReview } from '../review/index.js';
import { reviewMarkdown } from '../review/render.js';
import { describeChange } from '../review/index.js';
import type { GitHubContext, RunContext } from '../github/context.js';
import type { Principal, Resource } from '../types.js';

/** Characters of job summary written at most (GitHub's limit is 1 MiB per step). */
const SUMMARY_LIMIT = 900_000;

/**
 * Runs the action in the current process environment. Sets process.exitCode; never throws.
 * @param github the run's GitHub context (default: `@actions/github`'s, read from process.env)
 */
export async function run(env: NodeJS.ProcessEnv = process.env, github?: GitHubContext): Promise<void> {
  let exit: 0 | 1 | 2 = 2;
  let sarif: SarifTarget | undefined;
  try {
    const inputs = readInputs((name) => core.getInput(name));
    if (inputs.sarif)
      sarif = { path: inputs.sarif, orgs: inputs.orgs, manifest: inputs.manifest, live: inputs.mode === 'live' };
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    await maskProxySecrets(env);
    // Loaded once for the run: the mode, the catalog, the check and the principal review read this one.
    const loaded = tryLoadManifest(inputs.manifest);
    const mode = resolveMode(inputs.mode, loaded, env, {
      setSecret: (s) => core.setSecret(s),
      orgs: inputs.orgs,
      liveOrgs: inputs.liveOrgs,
    });
    const report = await runCheck({
      manifestPath: inputs.manifest,
      ...(loaded ? { loaded } : {}),
      mode: mode.mode,
      orgs: inputs.orgs,
      catalogOption: inputs.catalog,
      ...(mode.grants ? { grants: mode.grants } : {}),
      ...(inputs.terraformPlan ? { terraformPlan: inputs.terraformPlan } : {}),
      ...(inputs.excess && inputs.excess !== 'false'
        ? { excess: { severity: inputs.excess === 'warning' ? ('warning' as const) : ('notice' as const) } }
        : {}),
    });
    exit = exitCode(report, inputs.failOn);
    const where = await runContext(github);
    const runUrl = where?.runUrl;

    for (const a of annotationsFor(report, `see the job summary${runUrl ? ` of ${runUrl}` : ''} or the JSON report`)) {
      const props: core.AnnotationProperties = { title: a.title };
      if (a.file) props.file = a.file;
      if (a.startLine) props.startLine = a.startLine;
      if (a.startColumn) props.startColumn = a.startColumn;
      core[a.level](a.message, props);
    }
    const review = loaded && where ? principalReview(inputs.manifest, loaded, inputs.orgs, where.github) : undefined;
    const liveOrgs = report.orgs.filter((o) => o.principal === 'live').map((o) => o.name);
    annotateReview(review, inputs.manifest);
    const diagnosis = inputs.diagnoseLog
      ? await diagnoseLogSection(inputs.diagnoseLog, report, loaded, inputs, env)
      : '';
    const preface = `${diagnosis}${reviewMarkdown(review, MARKDOWN_TABLE, liveOrgs)}`;
    const markdown = renderMarkdown(report, exit, { ...(runUrl ? { runUrl } : {}), ...(preface ? { preface } : {}) });
    if (env.GITHUB_STEP_SUMMARY) {
      // GitHub rejects a step summary over 1 MiB; keep well under it and point at the JSON report.
      await core.summary
        .addRaw(
          fitComment(markdown, SUMMARY_LIMIT, '_Truncated: the full report is the JSON report (output `report`)._'),
          true,
        )
        .write();
    }
    const reportPath = writeReport(report, env);
    core.setOutput('passed', String(exit === 0));
    core.setOutput('errors', String(report.summary.errors));
    core.setOutput('warnings', String(report.summary.warnings));
    core.setOutput('report', reportPath);
    core.setOutput('missing-permissions', JSON.stringify(missingPermissions(report)));
    core.setOutput('orgs', JSON.stringify(report.orgs.map((o) => o.name)));
    if (sarif) core.setOutput('sarif', writeSarif(report, sarif));
    await postComment(
      inputs,
      report,
      exit,
      markdown,
      runUrl,
      env,
      review?.kind === 'compared' && review.diff.widens,
      github,
    );
    await syncIssue(inputs, exit, markdown, runUrl, env, github);
    const verdict = exit === 0 ? 'deploy allowed' : exit === 1 ? 'deploy blocked' : 'the check could not be done';
    core.info(
      `genesys-preflight: ${verdict}: ${report.summary.errors} error(s), ${report.summary.warnings} warning(s) across ${report.orgs.length} org(s)`,
    );
    if (exit !== 0)
      core.setFailed(
        `genesys-preflight: ${verdict} (${report.summary.errors} error${report.summary.errors === 1 ? '' : 's'})`,
      );
  } catch (e) {
    exit = 2;
    if (e instanceof PreflightError) {
      for (const f of e.findings) {
        const props: core.AnnotationProperties = { title: `genesys-preflight: ${f.code}` };
        if (f.location)
          Object.assign(props, {
            file: termText(f.location.file),
            startLine: f.location.line,
            startColumn: f.location.column,
          });
        core.error(termText(f.message), props);
      }
      // The SARIF file still says why, so an upload-sarif step after this one has a file to upload.
      if (sarif) {
        try {
          core.setOutput('sarif', writeSarif(unusableReport(sarif, e.findings), sarif));
        } catch (w) {
          core.warning(`genesys-preflight: ${(w as Error).message}`);
        }
      }
      core.setFailed('genesys-preflight: the check could not be done');
    } else if (e instanceof InputError) {
      core.setFailed(`genesys-preflight: ${e.message}`);
    } else {
      core.setFailed(`genesys-preflight: internal error: ${(e as Error)?.message ?? String(e)}`);
    }
    core.setOutput('passed', 'false');
  }
  process.exitCode = exit;
}

/**
 * On a pull request, the PR's declared principals compared with the base branch's manifest.
 * Undefined when the run is not on a pull request or the PR's manifest is not valid (the check
 * reports that).
 */
function principalReview(
  manifest: string,
  loaded: LoadedManifest,
  orgs: readonly string[],
  github: GitHubContext,
): PrincipalReview | undefined {
  const refs = pullRequestRefs(github);
  if (!refs) return undefined;
  return reviewPrincipals(manifest, loaded.manifest, refs, orgs);
}

/** A notice annotation on the manifest for each change that widens a declared principal (10 at most). */
function annotateReview(review: PrincipalReview | undefined, manifest: string): void {
  if (review?.kind !== 'compared') return;
  const widening = review.diff.changes.filter((c) => c.widens);
  for (const c of widening.slice(0, 10)) {
    core.notice(
      termText(`org ${c.org}: this pull request ${describeChange(c, (s) => `\`${s}\``)} (offline verdicts rest on it)`),
      {
        title: 'genesys-preflight: declared principal widened',
        file: termText(manifest),
      },
    );
  }
  if (widening.length > 10) core.notice(`${widening.length - 10} more principal changes: see the job summary`);
}

/**
 * The run as `@actions/github`'s context reads it (src/github/context.ts), loaded on first use;
 * undefined when it names no repository or its payload file is broken (postComment warns then).
 */
async function runContext(github: GitHubContext | undefined): Promise<RunContext | undefined> {
  try {
    const { readRunContext } = await import('../github/context.js');
    return readRunContext(github);
  } catch {
    return undefined;
  }
}

function writeReport(report: Report, env: NodeJS.ProcessEnv): string {
  const dir = env.RUNNER_TEMP || join(process.cwd(), '.preflight-out');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'genesys-preflight-report.json');
  writeJsonReport(report, path);
  return path;
}

/** Where input `sarif` sends the SARIF report, with what names the run. */
interface SarifTarget {
  path: string;
  orgs: string[];
  manifest: string;
  live: boolean;
}

/**
 * Writes the SARIF report to input `sarif`'s path (parent folders created); returns the path.
 * Throws InputError when the file cannot be written.
 */
function writeSarif(report: Report, target: SarifTarget): string {
  try {
    mkdirSync(dirname(target.path), { recursive: true });
    writeFileSync(target.path, `${renderSarif(report, VERSION, { orgs: target.orgs })}\n`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`input "sarif": cannot write ${target.path}${typeof code === 'string' ? ` (${code})` : ''}`);
  }
  return target.path;
}

/** The report of a run stopped before the check (its findings say why), for the SARIF file. */
function unusableReport(target: SarifTarget, findings: Report['findings']): Report {
  const sorted = [...findings].sort(compareFindings);
  return {
    version: REPORT_VERSION,
    mode: target.live ? 'live' : 'offline',
    passed: false,
    manifest: target.manifest,
    summary: summarize(sorted),
    orgs: [],
    findings: sorted,
  };
}

/**
 * The diagnosis of a failed deploy's log (input `diagnose-log`, a path the workflow names) as a
 * markdown section: each 403 compared with what this run's check predicts (src/diagnose), put in the
 * manifest's resources and divisions. The log must be inside the workspace (the manifest's root,
 * src/util/paths.ts): a path outside it, or one that cannot be read, is a warning naming the path,
 * never quoting the file, and a line saying so in the summary and comment.
 */
async function diagnoseLogSection(
  path: string,
  report: Report,
  loaded: LoadedManifest | undefined,
  inputs: { manifest: string; terraformPlan: string },
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const { readTextFile } = await import('../util/read-file.js');
  const { workspaceRoot } = await import('../util/paths.js');
  const root = workspaceRoot(resolve(inputs.manifest), env);
  const read = readTextFile(path, 'deploy log', undefined, { root });
  if ('error' in read) {
    const { message, fix } = read.error;
    core.warning(`genesys-preflight: diagnose-log: ${termText(message)}${fix ? ` (${termText(fix)})` : ''}`);
    return `_The deploy log was not diagnosed: ${mdText(message)}._\n\n`;
  }
  const { diagnose } = await import('../diagnose/index.js');
  const { explainFailures } = await import('../diagnose/explain.js');
  const { diagnosisMarkdown } = await import('../diagnose/render.js');
  const { bundledCatalog } = await import('../catalog/bundled.js');
  const failures = diagnose(read.text, bundledCatalog());
  // The declared principals word an unpredicted 403's fix as check would; the expanded manifest lets a
  // Terraform address name a flow or script of the plan.
  const principals = new Map<string, Principal>();
  let resources: Resource[] = [];
  if (loaded && failures.length) {
    const { declaredPrincipal } = await import('../grants/declared.js');
    for (const o of report.orgs) {
      const index = loaded.manifest.orgs.findIndex((m) => m.name === o.name);
      const p = o.principal === 'declared' && index >= 0 ? declaredPrincipal(loaded, index) : undefined;
      if (p) principals.set(o.name, p);
    }
    if (failures.some((f) => f.resource?.includes('genesyscloud_'))) {
      const { expandResources } = await import('../resources/expand.js');
      try {
        resources = expandResources(loaded, {
          ...(inputs.terraformPlan ? { terraformPlan: inputs.terraformPlan } : {}),
          selectedOrgs: report.orgs.map((o) => o.name),
        }).resources;
      } catch (e) {
        // The check reported the manifest's problems already; the addresses then stay unmatched.
        if (!(e instanceof PreflightError)) throw e;
      }
    }
  }
  const org = report.orgs.length === 1 ? report.orgs[0]!.name : undefined;
  const diagnoses = explainFailures(failures, 'deploy log', report, principals, org, resources);
  for (const d of diagnoses) {
    for (const f of d.findings)
      core[d.predicted ? 'warning' : 'error'](termText(f.message), { title: `genesys-preflight: ${f.code}` });
  }
  return diagnosisMarkdown(diagnoses, 'deploy log') || '_The deploy log shows no permission failure (403)._\n\n';
}

/**
 * Masks the proxy passwords of the runner's environment before anything can print (live orgs mask
 * them when they build the network; `catalog: live` alone, or an early error, would not). An invalid
 * proxy variable is left for the run to report (it names the variable, never the value).
 */
async function maskProxySecrets(env: NodeJS.ProcessEnv): Promise<void> {
  if (!['http_proxy', 'https_proxy'].some((v) => env[v] || env[v.toUpperCase()])) return;
  const { readProxySettings } = await import('../genesys/transport.js');
  try {
    const settings = readProxySettings(env);
    for (const s of new Set([...(settings.http?.secrets ?? []), ...(settings.https?.secrets ?? [])])) core.setSecret(s);
  } catch {
    // reported where the network is built
  }
}
