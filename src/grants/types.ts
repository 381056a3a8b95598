/** The grants stage's contract: what reading one org's principal returns, and the reader's shape. */
import type { LoadedManifest } from '../manifest/load.js';
import type { OrgDecl } from '../manifest/types.js';
import type { Finding, Principal, Requirement, Resource } from '../types.js';

/** What the grants stage returns for one org: a principal, or findings explaining why there is none. */
export interface OrgGrants {
  principal?: Principal;
  /** Findings from reading the grants (org-mismatch, auth-failed, entitlement-missing...). */
  findings: Finding[];
  /** The Genesys org id the grants belong to (a token's `organization.id`, else the declared `orgId`). */
  orgId?: string | null;
}

/**
 * Reads one org's grants. `requiredPermissions` are the distinct permissions its requirements name
 * (the live reader asks Genesys about exactly those).
 */
export type GrantsReader = (
  org: OrgDecl,
  orgIndex: number,
  ctx: { loaded: LoadedManifest; requirements: Requirement[]; requiredPermissions: string[]; resources: Resource[] },
) => Promise<OrgGrants>;
