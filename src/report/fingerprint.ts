/**
 * Stable finding fingerprints for the formats whose consumers track findings across runs (SARIF
 * `partialFingerprints` for GitHub code scanning, the GitLab Code Quality `fingerprint`). A
 * fingerprint hashes what the finding is about, never where it is: the org, the code, the
 * resource, the operation, the division and the missing permissions (and, for a finding about no
 * operation, its file and message). So an edit above the line keeps the alert, and two orgs
 * failing at the same line stay two alerts.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';
import type { Report } from './model.js';

/** The SARIF `partialFingerprints` key; the version changes only if the hashed fields change. */
export const FINGERPRINT_KEY = 'genesysPreflight/v1';

/** One finding with the org it belongs to (none for the report's global findings). */
export interface OrgFinding {
  finding: Finding;
  org?: string;
}

/** Every finding of the report with its org, in report order (global first, then per org). */
export function orgFindings(r: Report): OrgFinding[] {
  const out: OrgFinding[] = r.findings.map((finding) => ({ finding }));
  for (const o of r.orgs) for (const finding of o.findings) out.push({ finding, org: o.name });
  return out;
}

/** The hashed fields of one finding (exported for tests). */
export function fingerprintFields({ finding: f, org }: OrgFinding): unknown[] {
  const about = [
    FINGERPRINT_KEY,
    org ?? null,
    f.code,
    f.resource ?? null,
    f.operation ?? null,
    f.division ?? null,
    [...(f.missing ?? [])].sort(),
  ];
  // A finding about no operation (lint, grants, manifest errors) is told apart by its file and text.
  return f.operation ? about : [...about, f.location?.file.replace(/\\/g, '/') ?? null, f.message];
}

/**
 * The fingerprints of `list`, in order: the SHA-256 (hex) of each finding's fields; the n-th
 * repeat of the same fields within the list gets `:n` appended, so every fingerprint is unique.
 */
export function fingerprints(list: readonly OrgFinding[]): string[] {
  const seen = new Map<string, number>();
  return list.map((e) => {
    const hash = createHash('sha256')
      .update(JSON.stringify(fingerprintFields(e)))
      .digest('hex');
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return n === 1 ? hash : `${hash}:${n}`;
  });
}
