/**
 * The sticky PR comment: one per workflow + manifest, found by a hidden marker and updated in
 * place. `comment: auto` creates it only when the run fails (exit 1 or 2) but always updates an
 * existing one (so it turns green when fixed); `always` creates it on every pull-request run; `never` skips.
 *
 * Only a comment written by the token's own identity is ever edited: `github-actions[bot]` for
 * the workflow's GITHUB_TOKEN, the token's user for a personal token (asked from GitHub), or
 * the login named by the workflow in `GENESYS_PREFLIGHT_COMMENT_AUTHOR` (needed for a GitHub
 * App installation token, which writes as `<app-slug>[bot]` and cannot ask who it is).
 */
import * as core from '@actions/core';
import type { Report } from '../report/model.js';
import type { ActionInputs } from './inputs.js';
import { mdUrl } from '../report/escape.js';
import type { GitHubContext, RunContext } from '../github/context.js';

/** Environment variable (set by the workflow, never by a PR's files) naming the comment author login. */
export const COMMENT_AUTHOR_ENV = 'GENESYS_PREFLIGHT_COMMENT_AUTHOR';

/** A GitHub login (user or organization: letters, digits, inner hyphens, at most 39) or an App bot login `<slug>[bot]`. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/**
 * The comment author login from `GENESYS_PREFLIGHT_COMMENT_AUTHOR`, or undefined when unset
 * (then the identity is asked from GitHub). A value that is not a login is ignored with a warning.
 */
export function commentAuthor(env: NodeJS.ProcessEnv): string | undefined {
  const value = env[COMMENT_AUTHOR_ENV]?.trim();
  if (!value) return undefined;
  if (LOGIN.test(value)) return value;
  core.warning(`genesys-preflight: ${COMMENT_AUTHOR_ENV} is not a GitHub login (such as my-app[bot]); ignored`);
  return undefined;
}

/**
 * Posts or updates the comment when the event has a pull request. Problems become warnings, never failures.
 * @param widens the PR widens a declared principal: `auto` creates the comment even when the run passes
 * @param github the run's context (default: `@actions/github`'s, read from the runner's environment)
 */
export async function postComment(
  inputs: ActionInputs,
  report: Report,
  exit: number,
  markdown: string,
  runUrl: string | undefined,
  env: NodeJS.ProcessEnv,
  widens = false,
  github?: GitHubContext,
): Promise<void> {
  if (inputs.comment === 'never') return;
  let ctx: RunContext;
  try {
    const { readRunContext } = await import('../github/context.js');
    ctx = readRunContext(github);
  } catch (e) {
    // Our own message only: the toolkit's JSON.parse error would quote the payload file.
    const why =
      (e as Error).name === 'GitHubContextError'
        ? (e as Error).message
        : 'the event payload file (GITHUB_EVENT_PATH) is not JSON';
    core.warning(`genesys-preflight: no PR comment: ${why}`);
    return;
  }
  if (ctx.pullNumber === undefined) {
    core.info('genesys-preflight: no pull request for this event; no PR comment');
    return;
  }
  if (!inputs.githubToken) {
    core.warning('genesys-preflight: no github-token; no PR comment');
    return;
  }
  const { upsertStickyComment, stickyMarker, fitComment } = await import('../github/comment.js');
  // One comment per workflow + manifest (+ org selection, so matrix jobs do not overwrite each other).
  const manifest = inputs.orgs.length ? `${inputs.manifest}#${[...inputs.orgs].sort().join(',')}` : inputs.manifest;
  const marker = stickyMarker((ctx.github.workflow ?? '').trim(), manifest);
  const link = runUrl === undefined ? undefined : mdUrl(runUrl);
  const pointer = `_Truncated: the full report is in the job summary${link ? ` of [this run](${link})` : ''}._`;
  const author = commentAuthor(env);
  const body = fitComment(`${marker}\n${markdown}`, undefined, pointer);
  // auto: a new comment only when the deploy is blocked or could not be checked, or when the PR
  // widens a declared principal (a PR that makes its own offline check pass must be seen).
  const hasFindings = exit !== 0 || widens;
  try {
    const result = await upsertStickyComment({
      token: inputs.githubToken,
      apiUrl: ctx.apiUrl,
      owner: ctx.owner,
      repo: ctx.repo,
      issueNumber: ctx.pullNumber,
      marker,
      body,
      onlyUpdate: inputs.comment === 'auto' && !hasFindings,
      ...(author ? { author } : {}),
    });
    if (result.action === 'skipped') core.warning(result.warning);
    else if (result.action === 'not-needed')
      core.info('genesys-preflight: no findings and no earlier comment; no PR comment');
    else core.info(`genesys-preflight: PR comment ${result.action}: ${result.url}`);
  } catch (e) {
    core.warning(`genesys-preflight: could not write the PR comment: ${(e as Error).message}`);
  }
}

/**
 * The drift issue (input `issue`): on `schedule` and `workflow_dispatch` runs with `issue: auto`,
 * one open issue per workflow + manifest (+ org selection) is created when the check fails,
 * updated in place, and closed when it passes (src/github/issue.ts). Never changes the verdict:
 * problems are warnings.
 */
export async function syncIssue(
  inputs: ActionInputs,
  exit: number,
  markdown: string,
  runUrl: string | undefined,
  env: NodeJS.ProcessEnv,
  github?: GitHubContext,
): Promise<void> {
  if (inputs.issue !== 'auto') return;
  let ctx: RunContext;
  try {
    const { readRunContext } = await import('../github/context.js');
    ctx = readRunContext(github);
  } catch (e) {
    core.warning(
      `genesys-preflight: no drift issue: ${(e as Error).name === 'GitHubContextError' ? (e as Error).message : 'the event payload is not JSON'}`,
    );
    return;
  }
  const event = ctx.github.eventName;
  if (event !== 'schedule' && event !== 'workflow_dispatch') {
    core.info(
      `genesys-preflight: no drift issue for a ${event || 'local'} run (schedule and workflow_dispatch runs keep it)`,
    );
    return;
  }
  if (!inputs.githubToken) {
    core.warning('genesys-preflight: no github-token; no drift issue');
    return;
  }
  const { syncDriftIssue } = await import('../github/issue.js');
  const { stickyMarker, fitComment } = await import('../github/comment.js');
  const manifest = inputs.orgs.length ? `${inputs.manifest}#${[...inputs.orgs].sort().join(',')}` : inputs.manifest;
  const marker = stickyMarker((ctx.github.workflow ?? '').trim(), manifest);
  const link = runUrl === undefined ? undefined : mdUrl(runUrl);
  const author = commentAuthor(env);
  try {
    const result = await syncDriftIssue({
      token: inputs.githubToken,
      apiUrl: ctx.apiUrl,
      owner: ctx.owner,
      repo: ctx.repo,
      marker,
      title: `genesys-preflight: the deploy principal no longer passes (${manifest})`,
      body: fitComment(
        `${marker}\n${markdown}`,
        undefined,
        `_Truncated: the full report is in the job summary${link ? ` of [this run](${link})` : ''}._`,
      ),
      failing: exit !== 0,
      closingComment: `genesys-preflight: the check passes again${link ? ` ([run](${link}))` : ''}; closing.`,
      ...(author ? { author } : {}),
    });
    if (result.action === 'skipped') core.warning(result.warning);
    else if (result.action !== 'none') core.info(`genesys-preflight: drift issue ${result.action}: ${result.url}`);
  } catch (e) {
    core.warning(`genesys-preflight: could not update the drift issue: ${(e as Error).message}`);
  }
}
