/**
 * GitLab Code Quality output (`--format gitlab`, for `artifacts:reports:codequality`): a JSON array
 * of issues in the subset of the Code Climate format GitLab reads (GitLab docs, "Code Quality",
 * "Code Quality report format"): `description`, `check_name`, `fingerprint`, `severity`
 * (info | minor | major | critical | blocker) and `location` (`path` relative to the repository,
 * `lines.begin`). One issue per finding:
 *
 * - `check_name` is the finding code; `description` the org (`org NAME: `), the message and the fix
 *   (an accepted finding: the reason instead), as plain text (control characters shown as escapes);
 * - `severity`: a fatal finding (the check could not be done) is `blocker`, an error `critical`,
 *   a warning `minor`, a notice `info`;
 * - `fingerprint`: the same stable hash as SARIF's (src/report/fingerprint.ts), unique in the
 *   report (GitLab shows only the first issue of a fingerprint);
 * - a finding without a place points at the manifest's first line.
 */
import { isAbsolute, relative } from 'node:path';
import type { Finding } from '../types.js';
import type { Report } from './model.js';
import { visibleControls } from './escape.js';
import { fingerprints, orgFindings } from './fingerprint.js';
import { orgPrefix } from './sarif.js';

/** GitLab's severities, lowest first. */
export const GITLAB_SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'] as const;

/** One Code Quality issue. */
export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: (typeof GITLAB_SEVERITIES)[number];
  location: { path: string; lines: { begin: number } };
}

function severity(f: Finding): CodeQualityIssue['severity'] {
  if (f.fatal) return 'blocker';
  return f.severity === 'error' ? 'critical' : f.severity === 'warning' ? 'minor' : 'info';
}

/** A path relative to `root` with forward slashes (an absolute path outside it is kept as is). */
function repoPath(file: string, root: string): string {
  let p = file;
  if (isAbsolute(p)) {
    const rel = relative(root, p);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) p = rel;
  }
  return visibleControls(p.replace(/\\/g, '/').replace(/^(\.\/)+/, ''));
}

/** The issues of a report (`root`: directory absolute paths are made relative to; default the current one). */
export function gitlabIssues(r: Report, root = process.cwd()): CodeQualityIssue[] {
  const list = orgFindings(r);
  const prints = fingerprints(list);
  return list.map(({ finding: f, org }, i) => {
    const loc = f.location ?? { file: r.manifest, line: 1 };
    const tail = f.accepted
      ? `. Accepted (was ${f.accepted.severity}): ${f.accepted.reason}`
      : f.fix
        ? `. Fix: ${f.fix}`
        : '';
    const text = `${orgPrefix(f.message, org)}${f.message}${tail}`;
    return {
      type: 'issue',
      description: visibleControls(text),
      check_name: f.code,
      fingerprint: prints[i]!,
      severity: severity(f),
      location: { path: repoPath(loc.file, root), lines: { begin: Math.max(1, loc.line) } },
    };
  });
}

/** Renders the GitLab Code Quality report as a JSON string. */
export function renderGitlab(r: Report, root?: string): string {
  return `${JSON.stringify(gitlabIssues(r, root), null, 2)}\n`;
}
