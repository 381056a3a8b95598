/**
 * Accepted findings (issue 14): an `accept:` list in the manifest (or `.genesys-preflight-accept.yml`
 * beside it) lets a team accept a known, reviewed finding without turning the gate off, the way
 * checkov baselines or trivy's `.trivyignore` with `exp:` do.
 *
 * - An entry matches a finding by every matcher it gives (finding `code`, `org`, `resource`,
 *   `operation`, `permission` — one of the finding's `missing` names); it must give at least one.
 * - A matched finding becomes a notice, still listed, marked `accepted` with the reason.
 * - An entry whose `expires` date has passed accepts nothing: the finding keeps its severity and one
 *   warning names the expired entry.
 * - An entry that matches no finding of the checked orgs is stale: one warning (an entry naming an
 *   org the run does not check is left alone).
 * Dates compare as calendar days in UTC; an entry expiring today still applies today.
 */
import type { Acceptance, Finding } from '../types.js';

export type { Acceptance } from '../types.js';

/** What an accepted finding carries (`Finding.accepted`). */
export type AcceptedMark = NonNullable<Finding['accepted']>;

/** The matchers of an entry, for messages: `code missing-permission, org prod-eu`. */
export function describeAcceptance(a: Acceptance): string {
  const parts = (['code', 'org', 'resource', 'operation', 'permission'] as const)
    .filter((k) => a[k] !== undefined)
    .map((k) => `${k} ${a[k]}`);
  return parts.join(', ');
}

function matches(a: Acceptance, f: Finding, org: string | undefined): boolean {
  if (a.code !== undefined && a.code !== f.code) return false;
  if (a.org !== undefined && (org === undefined || a.org.toLowerCase() !== org.toLowerCase())) return false;
  if (a.resource !== undefined && a.resource !== f.resource) return false;
  if (a.operation !== undefined && a.operation !== f.operation) return false;
  if (a.permission !== undefined && !(f.missing ?? []).includes(a.permission)) return false;
  return true;
}

/** `YYYY-MM-DD` of `now` in UTC. */
const day = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Applies `acceptances` to the findings of each org (in place: matched findings become notices with
 * `accepted`), and returns the warnings about the list itself (expired, stale), located at the entry.
 * Findings that are already notices are left alone (nothing to accept).
 */
export function applyAcceptances(
  orgs: ReadonlyArray<{ name: string; findings: Finding[] }>,
  acceptances: readonly Acceptance[],
  now: Date = new Date(),
): Finding[] {
  const today = day(now);
  const used = new Array<boolean>(acceptances.length).fill(false);
  const expiredHit = new Array<boolean>(acceptances.length).fill(false);
  for (const o of orgs) {
    for (const f of o.findings) {
      if (f.severity === 'notice' || f.fatal) continue;
      const i = acceptances.findIndex((a) => matches(a, f, o.name));
      if (i < 0) continue;
      const a = acceptances[i]!;
      if (a.expires !== undefined && a.expires < today) {
        expiredHit[i] = true;
        continue;
      }
      used[i] = true;
      const mark: AcceptedMark = { reason: a.reason, severity: f.severity, entry: i };
      if (a.owner) mark.owner = a.owner;
      if (a.expires) mark.expires = a.expires;
      f.accepted = mark;
      f.severity = 'notice';
    }
  }
  const out: Finding[] = [];
  const checked = new Set(orgs.map((o) => o.name.toLowerCase()));
  acceptances.forEach((a, i) => {
    const at = a.location ? { location: a.location } : {};
    // An entry for an org this run does not check is neither used nor stale.
    if (a.org !== undefined && !checked.has(a.org.toLowerCase())) return;
    if (expiredHit[i]) {
      out.push({
        severity: 'warning',
        code: 'unverifiable',
        ...at,
        message: `accepted finding #${i + 1} (${describeAcceptance(a)}) expired on ${a.expires}: the findings it matched count again (reason was: ${a.reason})`,
        fix: 'fix the finding, or review the acceptance and set a new expires date',
      });
    } else if (!used[i]) {
      out.push({
        severity: 'warning',
        code: 'unverifiable',
        ...at,
        message: `accepted finding #${i + 1} (${describeAcceptance(a)}) matches no finding: it is stale`,
        fix: 'remove the entry from accept:',
      });
    }
  });
  return out;
}
