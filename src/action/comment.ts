/**
 * The sticky PR comment: one per workflow + manifest, found by a hidden marker and updated in
 * place. `comment: auto` creates it only when the run fails (exit 1 or 2) but always updates an
 * existing one (so it turns green when fixed); `always` creates it on every pull-request run; `never` skips.
 */
import * as core from '@actions/core';
import type { Report } from '../report/model.js';
import type { ActionInputs } from './inputs.js';

/** Posts or updates the comment when the event has a pull request. Problems become warnings, never failures. */
export async function postComment(inputs: ActionInputs, report: Report, exit: number, markdown: string, runUrl: string | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  if (inputs.comment === 'never') return;
  const { readRunContext } = await import('../github/context.js');
  let ctx;
  try {
    ctx = readRunContext(env);
  } catch (e) {
    core.warning(`genesys-preflight: no PR comment: ${(e as Error).message}`);
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
  const marker = stickyMarker(ctx.workflow, inputs.orgs.length ? `${inputs.manifest}#${[...inputs.orgs].sort().join(',')}` : inputs.manifest);
  const pointer = `_Truncated: the full report is in the job summary${runUrl ? ` of [this run](${runUrl})` : ''}._`;
  const body = fitComment(`${marker}\n${markdown}`, undefined, pointer);
  // auto: a new comment only when the deploy is blocked or could not be checked.
  const hasFindings = exit !== 0;
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
    });
    if (result.action === 'skipped') core.warning(result.warning);
    else if (result.action === 'not-needed') core.info('genesys-preflight: no findings and no earlier comment; no PR comment');
    else core.info(`genesys-preflight: PR comment ${result.action}: ${result.url}`);
  } catch (e) {
    core.warning(`genesys-preflight: could not write the PR comment: ${(e as Error).message}`);
  }
}
