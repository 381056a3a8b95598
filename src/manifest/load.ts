/**
 * Loads a manifest: read → parse with positions → schema → cross-references.
 * Every problem is a located `manifest-invalid` / `file-not-found` finding; all are collected
 * before failing so one run shows them all.
 */
import { dirname, resolve } from 'node:path';
import type { Finding, SourceLocation } from '../types.js';
import { PreflightError, fatal } from '../util/errors.js';
import { parseYamlSource, readTextFile, type NodePath, type SourceDocument } from '../util/source.js';
import { didYouMean } from '../util/suggest.js';
import { resolveRegion, suggestRegion } from '../genesys/regions.js';
import type { ManifestV1 } from './types.js';
import { validateManifest } from './validate.js';

/** A validated manifest with the means to locate any of its nodes. */
export interface LoadedManifest {
  manifest: ManifestV1;
  /** The manifest path as given (used in locations). */
  file: string;
  /** Directory relative file paths in the manifest resolve against. */
  baseDir: string;
  locate(path: NodePath, key?: boolean): SourceLocation;
}

/** Reads and validates a manifest file. Throws PreflightError (exit 2) with every located problem. */
export function loadManifest(file: string): LoadedManifest {
  const read = readTextFile(file, 'manifest');
  if ('error' in read) throw new PreflightError([read.error]);
  return parseManifest(read.text, file, dirname(resolve(file)));
}

/** Validates manifest text. Throws PreflightError with every located problem. */
export function parseManifest(text: string, file: string, baseDir: string): LoadedManifest {
  if (text.trim() === '') throw new PreflightError([fatal('manifest-invalid', `manifest ${file} is empty`, { file, line: 1, column: 1 }, 'start from examples/genesys-preflight.yml')]);
  const parsed = parseYamlSource(text, file);
  if ('errors' in parsed) throw new PreflightError(parsed.errors);
  const doc = parsed.doc;
  if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    throw new PreflightError([fatal('manifest-invalid', `manifest ${file} must be a map with "version" and "orgs"`, doc.locate([]))]);
  }
  const schemaErrors = validateManifest(doc);
  const manifest = doc.value as ManifestV1;
  if (schemaErrors.length) {
    // Report the reference problems (unknown region, role, org...) in the same run where the
    // structure allows checking them, so a user fixes everything in one round.
    let more: Finding[] = [];
    try {
      more = Array.isArray(manifest.orgs) ? checkReferences(manifest, doc) : [];
    } catch {
      more = [];
    }
    // Credential pairs are left out: a misspelt key (clientSecert) would also read as a missing one.
    const seen = new Set(schemaErrors.map((f) => `${f.location?.line}:${f.location?.column}`));
    const independent = more.filter((f) => !seen.has(`${f.location?.line}:${f.location?.column}`) && !/: credentials\./.test(f.message));
    throw new PreflightError(capFindings(sortByLocation([...schemaErrors, ...independent])));
  }
  const crossErrors = checkReferences(manifest, doc);
  if (crossErrors.length) throw new PreflightError(capFindings(sortByLocation(crossErrors)));
  return { manifest, file, baseDir, locate: doc.locate };
}

/** Resource lists and the key that names each entry, for duplicate detection. */
const RESOURCE_LISTS: Array<{ path: NodePath; kind: string; key: (r: Record<string, unknown>) => string | undefined }> = [
  // One Archy file can be a template deployed several times with different substitutions: the
  // same file is a duplicate only with the same options; flows that resolve to the same name and
  // type are caught after expansion (expand/resources.ts).
  { path: ['flows'], kind: 'flow', key: (r) => (r.file ? `file:${String(r.file)}${r.optionsFile || r.substitutions ? ` with ${String(r.optionsFile ?? '')} ${stableJson(r.substitutions)}` : ''}` : r.name ? `${String(r.type ?? '').toLowerCase()}:${String(r.name)}` : undefined) },
  { path: ['scripts'], kind: 'script', key: (r) => String(r.name) },
  { path: ['scheduleGroups'], kind: 'schedule group', key: (r) => String(r.name) },
  { path: ['wfm', 'agentAssignments'], kind: 'agent assignment', key: (r) => `${String(r.businessUnit)}/${String(r.managementUnit)}` },
  { path: ['wfm', 'schedules'], kind: 'WFM schedule', key: (r) => `${String(r.businessUnit)}/${String(r.weekDate ?? '')}` },
  { path: ['premiumApps'], kind: 'premium app', key: (r) => String(r.name ?? r.integrationType) },
];

function stableJson(v: unknown): string {
  if (!v || typeof v !== 'object') return JSON.stringify(v ?? null);
  return JSON.stringify(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
}

function listAt(m: ManifestV1, path: NodePath): Array<Record<string, unknown>> {
  let v: unknown = m;
  for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p];
  return Array.isArray(v) ? (v as Array<Record<string, unknown>>) : [];
}

function checkReferences(m: ManifestV1, doc: SourceDocument): Finding[] {
  const out: Finding[] = [];
  const orgNames = new Map<string, number>();
  const roleNames = Object.keys(m.roles ?? {});
  m.orgs.forEach((org, i) => {
    const prev = orgNames.get(org.name.toLowerCase());
    if (prev !== undefined) {
      out.push(fatal('manifest-invalid', `duplicate org "${org.name}" (first declared at line ${doc.locate(['orgs', prev, 'name']).line})`, doc.locate(['orgs', i, 'name'])));
    } else orgNames.set(org.name.toLowerCase(), i);
    if (typeof org.region === "string" && !resolveRegion(org.region)) {
      const hint = suggestRegion(org.region);
      out.push(fatal('manifest-invalid', `unknown region "${org.region}" for org ${org.name}${hint ? ` (did you mean "${hint}"?)` : ''}`, doc.locate(['orgs', i, 'region']),
        'use a Genesys Cloud region id (us-east-1, eu-west-1, us-west-2, ...) or its host (mypurecloud.com, usw2.pure.cloud, ...)'));
    }
    const creds = org.credentials;
    if (creds?.clientId && !creds.clientSecret) out.push(fatal('manifest-invalid', `org ${org.name}: credentials.clientId needs credentials.clientSecret`, doc.locate(['orgs', i, 'credentials'])));
    if (creds?.clientSecret && !creds.clientId) out.push(fatal('manifest-invalid', `org ${org.name}: credentials.clientSecret needs credentials.clientId`, doc.locate(['orgs', i, 'credentials'])));
    const seenRoles = new Set<string>();
    (org.principal?.roles ?? []).forEach((r, j) => {
      // Own keys only: "toString" or "constructor" are not roles because every object inherits them.
      if (!m.roles || !Object.prototype.hasOwnProperty.call(m.roles, r.role)) {
        out.push(fatal('manifest-invalid', `org ${org.name}: role "${r.role}" is not defined under "roles"${didYouMean(r.role, roleNames)}`, doc.locate(['orgs', i, 'principal', 'roles', j, 'role'])));
      }
      if (seenRoles.has(r.role)) out.push(fatal('manifest-invalid', `org ${org.name}: role "${r.role}" is listed twice; list its divisions once`, doc.locate(['orgs', i, 'principal', 'roles', j, 'role'])));
      seenRoles.add(r.role);
    });
  });
  const checkOrgRefs = (orgs: unknown, path: NodePath) => {
    if (!Array.isArray(orgs)) return;
    orgs.forEach((name: string, k) => {
      if (!orgNames.has(String(name).toLowerCase())) {
        out.push(fatal('manifest-invalid', `unknown org "${name}"${didYouMean(String(name), m.orgs.map((o) => o.name))}`, doc.locate([...path, 'orgs', k])));
      }
    });
  };
  for (const list of RESOURCE_LISTS) {
    const seen = new Map<string, number>();
    listAt(m, list.path).forEach((r, i) => {
      checkOrgRefs(r.orgs, [...list.path, i]);
      const key = list.key(r);
      if (key === undefined) return;
      const scope = Array.isArray(r.orgs) ? [...(r.orgs as string[])].sort().join(',') : '*';
      const k = `${key.toLowerCase()}@${scope}`;
      const prev = seen.get(k);
      if (prev !== undefined) {
        out.push(fatal('manifest-invalid', `duplicate ${list.kind} "${key.replace(/^[a-z]*:/, '').replace(/ with [\s\S]*$/, '')}" (first declared at line ${doc.locate([...list.path, prev]).line})`, doc.locate([...list.path, i])));
      } else seen.set(k, i);
    });
  }
  if (m.terraform) checkOrgRefs(m.terraform.orgs, ['terraform']);
  return out;
}

/** Most problems reported from one stage: a generated manifest can hold 100,000 of the same mistake. */
export const MAX_REPORTED_PROBLEMS = 100;

/** The first MAX_REPORTED_PROBLEMS findings, and one more saying how many were left out. */
export function capFindings(findings: Finding[], limit = MAX_REPORTED_PROBLEMS): Finding[] {
  if (findings.length <= limit) return findings;
  const rest = findings.length - limit;
  const next = findings[limit]!;
  return [
    ...findings.slice(0, limit),
    fatal(next.code, `... and ${rest} more problem${rest === 1 ? '' : 's'} like these (only the first ${limit} are listed; fix them and run again)`, next.location),
  ];
}

/** Orders findings by file, line, column. */
export function sortByLocation(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const x = a.location;
    const y = b.location;
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x.file.localeCompare(y.file) || x.line - y.line || x.column - y.column;
  });
}
