/**
 * The pull request review of trust-relevant manifest changes: on a PR, the declared principals
 * of the base branch's manifest compared with the PR's (see principal-diff.ts), for the PR
 * comment, the job summary and the terminal.
 */
import { parseManifest } from '../manifest/load.js';
import type { ManifestV1 } from '../manifest/types.js';
import { PreflightError } from '../util/errors.js';
import { readBaseManifest, type PullRequestRefs } from './base.js';
import { diffPrincipals, type PrincipalChange, type PrincipalDiff } from './principal-diff.js';

export { pullRequestRefs, readBaseManifest, type PullRequestRefs, type BaseManifest } from './base.js';
export { diffPrincipals, type PrincipalChange, type PrincipalDiff } from './principal-diff.js';

/** The outcome of the principal review: a diff against the base, or why there is none. */
export type PrincipalReview =
  | { kind: 'compared'; baseCommit: string; baseRef?: string; diff: PrincipalDiff; baseHadManifest: boolean }
  | { kind: 'skipped'; why: string };

/**
 * Compares the PR's manifest (`head`, already loaded and validated) with the base branch's.
 * Never throws: an unreadable or invalid base manifest gives `skipped` with the reason.
 * @param orgs the run's org selection (empty: every org)
 */
export function reviewPrincipals(
  manifestPath: string,
  head: ManifestV1,
  refs: PullRequestRefs,
  orgs: readonly string[] = [],
): PrincipalReview {
  const base = readBaseManifest(manifestPath, refs);
  if (base.kind === 'unavailable') return { kind: 'skipped', why: base.why };
  const extra = refs.baseRef ? { baseRef: refs.baseRef } : {};
  if (base.kind === 'absent') {
    // The PR adds the manifest: every declared grant is new.
    return {
      kind: 'compared',
      baseCommit: base.commit,
      ...extra,
      diff: diffPrincipals({ version: 1, orgs: [] }, head, orgs),
      baseHadManifest: false,
    };
  }
  let before: ManifestV1;
  try {
    before = parseManifest(base.text, manifestPath, '.').manifest;
  } catch (e) {
    if (!(e instanceof PreflightError)) throw e;
    return {
      kind: 'skipped',
      why: `the base branch's manifest is not valid under this version of the tool (${e.findings.length} problem(s))`,
    };
  }
  return {
    kind: 'compared',
    baseCommit: base.commit,
    ...extra,
    diff: diffPrincipals(before, head, orgs),
    baseHadManifest: true,
  };
}

/** One change in words, with names passed through `code` (inline code escaper of the medium). */
export function describeChange(c: PrincipalChange, code: (s: string) => string): string {
  const list = (xs: string[]) => xs.map(code).join(', ');
  const divisions = (ds: string[]) =>
    ds.length === 1 && ds[0] === '*' ? 'in all divisions (`*`)' : `in division${ds.length > 1 ? 's' : ''} ${list(ds)}`;
  switch (c.kind) {
    case 'org-added':
      return `adds org ${code(c.org)} with a declared ${c.grant} principal`;
    case 'org-removed':
      return `removes org ${code(c.org)}`;
    case 'principal-added':
      return `declares a ${c.grant} principal for org ${code(c.org)} (none before)`;
    case 'principal-removed':
      return `removes the declared principal of org ${code(c.org)}`;
    case 'grant-type':
      return `changes the grant type from ${code(c.from)} to ${code(c.to)}`;
    case 'scopes-added':
      return `adds OAuth scope${c.scopes.length > 1 ? 's' : ''} ${list(c.scopes)}`;
    case 'scopes-removed':
      return `removes OAuth scope${c.scopes.length > 1 ? 's' : ''} ${list(c.scopes)}`;
    case 'permissions-added':
      return `grants role ${code(c.role)} ${list(c.permissions)} ${divisions(c.divisions)}`;
    case 'permissions-removed':
      return `takes ${list(c.permissions)} from role ${code(c.role)} ${divisions(c.divisions)}`;
    case 'conditions-removed':
      return `drops the conditions on ${list(c.permissions)} of role ${code(c.role)} ${divisions(c.divisions)}`;
    case 'conditions-added':
      return `adds conditions to ${list(c.permissions)} of role ${code(c.role)} ${divisions(c.divisions)}`;
    case 'accept-added':
      return `accepts findings (${code(c.entry)}): ${c.reason}`;
    case 'accept-widened':
      return `widens an accepted finding to ${code(c.entry)}: ${c.reason}`;
    case 'accept-removed':
      return `removes the accepted finding ${code(c.entry)}`;
  }
}
