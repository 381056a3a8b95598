/**
 * Crossed credentials: two manifest orgs that are, in fact, the same Genesys Cloud org. A deploy meant
 * for one would change the other, so both fail with an `org-mismatch` error naming both, whether or
 * not `orgs[].orgId` is declared.
 *
 * The org id a token belongs to is `organization.id` of GET /api/v2/tokens/me (SDK model `TokenInfo`),
 * which the live grants reader returns as `OrgGrants.orgId` (src/grants/live.ts). Two orgs whose ids
 * come only from the manifest (`orgs[].orgId`, offline) are not compared here: at least one of a pair
 * must have been resolved from a token. Orgs that all declare that same `orgId` are a deliberate
 * alias (one Genesys org checked as several manifest orgs, e.g. one per deploy client) and pass.
 */
import type { OrgGrants } from './types.js';
import type { OrgDecl } from '../manifest/types.js';
import type { OrgReport } from '../report/model.js';
import { compareFindings } from '../report/model.js';
import type { Finding, SourceLocation } from '../types.js';

/** Which Genesys org a manifest org is, and how that is known. */
export interface OrgIdentity {
  /** The manifest org's name. */
  name: string;
  /** The Genesys org id, or null/undefined when unknown (no token read, no orgId declared). */
  orgId: string | null | undefined;
  /** `token`: from GET /api/v2/tokens/me; `declared`: only from `orgs[].orgId`. */
  from: 'token' | 'declared';
  /** The `orgs[].orgId` the manifest declares, if any. */
  declared?: string;
  /** The org's node in the manifest. */
  location?: SourceLocation;
}

/** A finding for one manifest org. */
export interface CrossedFinding {
  org: string;
  finding: Finding;
}

/**
 * The identity of one org from what its grants reader returned: `from: 'token'` when the reader read a
 * token (a live principal, or an org id other than the declared one, as with org-mismatch).
 */
export function orgIdentity(org: OrgDecl, g: OrgGrants, location?: SourceLocation): OrgIdentity {
  const declared = org.orgId ?? null;
  const read = g.orgId ?? null;
  const other = read !== null && read.toLowerCase() !== (declared ?? '').toLowerCase();
  const fromToken = read !== null && (g.principal?.source === 'live' || other);
  const id: OrgIdentity = { name: org.name, orgId: read ?? declared, from: fromToken ? 'token' : 'declared' };
  if (declared) id.declared = declared;
  if (location) id.location = location;
  return id;
}

/**
 * One `org-mismatch` error per org that shares its Genesys org id (case-insensitive) with another manifest
 * org, when at least one of them was resolved from a token and not all of them declare that id. Each names every org of its group and how each
 * id is known; `related` points at the next org of the group. Orgs keep their input order. Pure.
 */
export function crossedOrgs(orgs: readonly OrgIdentity[]): CrossedFinding[] {
  const groups = new Map<string, OrgIdentity[]>();
  for (const o of orgs) {
    if (!o.orgId) continue;
    const key = o.orgId.toLowerCase();
    const list = groups.get(key) ?? [];
    list.push(o);
    groups.set(key, list);
  }
  const out: CrossedFinding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2 || !group.some((o) => o.from === 'token')) continue;
    const id = group.find((o) => o.from === 'token')!.orgId!;
    // Every org of the group states this very id: the manifest means them to be one org.
    if (group.every((o) => o.declared?.toLowerCase() === id.toLowerCase())) continue;
    const how = group.map((o) =>
      o.from === 'token' ? `the credentials of org ${o.name} belong to it` : `org ${o.name} declares it as orgId`,
    );
    const names = group.map((o) => o.name);
    const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    const message =
      `orgs ${list} are the same Genesys org ${id} (${how.join('; ')}): ` +
      'a deploy meant for one would change the other';
    group.forEach((o, i) => {
      const other = group[(i + 1) % group.length]!;
      const finding: Finding = {
        severity: 'error',
        code: 'org-mismatch',
        message,
        fix:
          'give each manifest org the credentials of its own Genesys org (GENESYS_<ORG>_CLIENT_ID/_CLIENT_SECRET), ' +
          'and declare orgs[].orgId so that credentials of another org are refused',
      };
      if (o.location) finding.location = o.location;
      if (other.location) finding.related = other.location;
      out.push({ org: o.name, finding });
    });
  }
  return out;
}

/**
 * Adds crossed findings to the org reports they name (kept sorted with compareFindings); such an org no
 * longer passes. Findings naming an org absent from `reports` are ignored.
 */
export function addCrossedFindings(reports: OrgReport[], crossed: readonly CrossedFinding[]): void {
  for (const { org, finding } of crossed) {
    const r = reports.find((x) => x.name === org);
    if (!r) continue;
    r.findings.push(finding);
    r.findings.sort(compareFindings);
    r.passed = false;
  }
}
