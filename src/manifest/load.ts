/**
 * Loads a manifest: read → parse with positions → schema → cross-references.
 * Every problem is a located `manifest-invalid` / `file-not-found` finding; all are collected
 * before failing so one run shows them all.
 */
import { dirname, resolve } from 'node:path';
import type { Finding, SourceLocation } from '../types.js';
import { PreflightError, fatal } from '../util/errors.js';
import { readTextFile } from '../util/read-file.js';
import { parseYamlSource, type NodePath, type SourceDocument } from '../util/yaml-source.js';
import { workspaceRoot } from '../util/paths.js';
import { MAX_SUGGESTIONS, MAX_SUGGEST_LENGTH, suggester } from '../util/suggest.js';
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
  /**
   * Workspace root every file the manifest names must resolve inside (src/util/paths.ts):
   * GITHUB_WORKSPACE, else the manifest's git repository, else its directory.
   */
  root: string;
  locate(path: NodePath, key?: boolean): SourceLocation;
}

/** Where the manifest's workspace is (tests inject a temporary directory). */
export interface LoadOptions {
  /** Workspace root (default: workspaceRoot(file, env)). */
  root?: string;
  /** Environment read for GITHUB_WORKSPACE (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Reads and validates a manifest file. The manifest itself is confined like every input file
 * (inside the workspace root, not under .git, a regular file). Throws PreflightError (exit 2)
 * with every located problem.
 */
export function loadManifest(file: string, options: LoadOptions = {}): LoadedManifest {
  const root = options.root ?? workspaceRoot(file, options.env ?? process.env);
  const read = readTextFile(file, 'manifest', undefined, { root });
  if ('error' in read) throw new PreflightError([read.error]);
  return parseManifest(read.text, file, dirname(resolve(file)), root);
}

/**
 * Validates manifest text. Throws PreflightError with every located problem.
 * @param root workspace root for the files it names (default: workspaceRoot of `baseDir`)
 */
export function parseManifest(text: string, file: string, baseDir: string, root?: string): LoadedManifest {
  if (text.trim() === '')
    throw new PreflightError([
      fatal(
        'manifest-invalid',
        `manifest ${file} is empty`,
        { file, line: 1, column: 1 },
        'start from examples/genesys-preflight.yml',
      ),
    ]);
  const parsed = parseYamlSource(text, file);
  if ('errors' in parsed) throw new PreflightError(parsed.errors);
  const doc = parsed.doc;
  if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    throw new PreflightError([
      fatal('manifest-invalid', `manifest ${file} must be a map with "version" and "orgs"`, doc.locate([])),
    ]);
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
    const independent = more.filter(
      (f) => !seen.has(`${f.location?.line}:${f.location?.column}`) && !/: credentials\./.test(f.message),
    );
    throw new PreflightError(capFindings(sortByLocation([...schemaErrors, ...independent])));
  }
  const crossErrors = checkReferences(manifest, doc);
  if (crossErrors.length) throw new PreflightError(capFindings(sortByLocation(crossErrors)));
  return { manifest, file, baseDir, root: root ?? workspaceRoot(resolve(baseDir, 'manifest')), locate: doc.locate };
}

/** Resource lists and the key that names each entry, for duplicate detection. */
const RESOURCE_LISTS: Array<{ path: NodePath; kind: string; key: (r: Record<string, unknown>) => string | undefined }> =
  [
    // One Archy file can be a template deployed several times with different substitutions: the
    // same file is a duplicate only with the same options; flows that resolve to the same name and
    // type are caught after expansion (src/resources/expand.ts).
    {
      path: ['flows'],
      kind: 'flow',
      key: (r) =>
        r.file
          ? `file:${String(r.file)}${r.optionsFile || r.substitutions ? ` with ${String(r.optionsFile ?? '')} ${stableJson(r.substitutions)}` : ''}`
          : r.name
            ? `${String(r.type ?? '').toLowerCase()}:${String(r.name)}`
            : undefined,
    },
    { path: ['scripts'], kind: 'script', key: (r) => String(r.name) },
    { path: ['scheduleGroups'], kind: 'schedule group', key: (r) => String(r.name) },
    {
      path: ['wfm', 'agentAssignments'],
      kind: 'agent assignment',
      key: (r) => `${String(r.businessUnit)}/${String(r.managementUnit)}`,
    },
    {
      path: ['wfm', 'schedules'],
      kind: 'WFM schedule',
      key: (r) => `${String(r.businessUnit)}/${String(r.weekDate ?? '')}`,
    },
    { path: ['premiumApps'], kind: 'premium app', key: (r) => String(r.name ?? r.integrationType) },
  ];

function stableJson(v: unknown): string {
  if (!v || typeof v !== 'object') return JSON.stringify(v ?? null);
  return JSON.stringify(
    Object.keys(v as object)
      .sort()
      .map((k) => [k, (v as Record<string, unknown>)[k]]),
  );
}

function listAt(m: ManifestV1, path: NodePath): Array<Record<string, unknown>> {
  let v: unknown = m;
  for (const p of path)
    v =
      v !== null && typeof v === 'object' && Object.hasOwn(v, p)
        ? (v as Record<string | number, unknown>)[p]
        : undefined;
  return Array.isArray(v) ? (v as Array<Record<string, unknown>>) : [];
}

function checkReferences(m: ManifestV1, doc: SourceDocument): Finding[] {
  const out: Finding[] = [];
  const orgNames = new Map<string, number>();
  const roleHint = suggester(Object.keys(m.roles ?? {}));
  const orgHint = suggester(m.orgs.map((o) => o.name));
  let regionHints = 0;
  m.orgs.forEach((org, i) => {
    const prev = orgNames.get(org.name.toLowerCase());
    if (prev !== undefined) {
      out.push(
        fatal(
          'manifest-invalid',
          `duplicate org "${org.name}" (first declared at line ${doc.locate(['orgs', prev, 'name']).line})`,
          doc.locate(['orgs', i, 'name']),
        ),
      );
    } else orgNames.set(org.name.toLowerCase(), i);
    if (typeof org.region === 'string' && !resolveRegion(org.region)) {
      // The region failed the check: it is not quoted (it may be anything); the hint is a known region.
      const hint =
        org.region.length <= MAX_SUGGEST_LENGTH && ++regionHints <= MAX_SUGGESTIONS
          ? suggestRegion(org.region)
          : undefined;
      out.push(
        fatal(
          'manifest-invalid',
          `unknown region for org ${org.name}${hint ? ` (did you mean "${hint}"?)` : ''}`,
          doc.locate(['orgs', i, 'region']),
          'use a Genesys Cloud region id (us-east-1, eu-west-1, us-west-2, ...) or its host (mypurecloud.com, usw2.pure.cloud, ...)',
        ),
      );
    }
    const creds = org.credentials;
    if (creds?.clientId && !creds.clientSecret)
      out.push(
        fatal(
          'manifest-invalid',
          `org ${org.name}: credentials.clientId needs credentials.clientSecret`,
          doc.locate(['orgs', i, 'credentials']),
        ),
      );
    if (creds?.clientSecret && !creds.clientId)
      out.push(
        fatal(
          'manifest-invalid',
          `org ${org.name}: credentials.clientSecret needs credentials.clientId`,
          doc.locate(['orgs', i, 'credentials']),
        ),
      );
    const seenRoles = new Set<string>();
    (org.principal?.roles ?? []).forEach((r, j) => {
      // Own keys only: "toString" or "constructor" are not roles because every object inherits them.
      // A role that is not defined is not quoted (it failed the check); a defined one is a name.
      const defined = !!m.roles && Object.hasOwn(m.roles, r.role);
      if (!defined) {
        out.push(
          fatal(
            'manifest-invalid',
            `org ${org.name}: the role of principal.roles[${j}] is not defined under "roles"${roleHint(r.role)}`,
            doc.locate(['orgs', i, 'principal', 'roles', j, 'role']),
          ),
        );
      }
      if (seenRoles.has(r.role)) {
        out.push(
          fatal(
            'manifest-invalid',
            `org ${org.name}: ${defined ? `role "${r.role}"` : `the role of principal.roles[${j}]`} is listed twice; list its divisions once`,
            doc.locate(['orgs', i, 'principal', 'roles', j, 'role']),
          ),
        );
      }
      seenRoles.add(r.role);
    });
  });
  const checkOrgRefs = (orgs: unknown, path: NodePath) => {
    if (!Array.isArray(orgs)) return;
    orgs.forEach((name: string, k) => {
      if (!orgNames.has(String(name).toLowerCase())) {
        // Not quoted: it names no org. The hint is a declared org.
        out.push(
          fatal(
            'manifest-invalid',
            `unknown org: not one of the orgs declared under "orgs"${orgHint(String(name))}`,
            doc.locate([...path, 'orgs', k]),
          ),
        );
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
        out.push(
          fatal(
            'manifest-invalid',
            `duplicate ${list.kind} "${key.replace(/^[a-z]*:/, '').replace(/ with [\s\S]*$/, '')}" (first declared at line ${doc.locate([...list.path, prev]).line})`,
            doc.locate([...list.path, i]),
          ),
        );
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
    fatal(
      next.code,
      `... and ${rest} more problem${rest === 1 ? '' : 's'} like these (only the first ${limit} are listed; fix them and run again)`,
      next.location,
    ),
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

/**
 * Loads the manifest once for an entry point: undefined when it is invalid (the check then reports
 * the located errors; a second read happens only in that case). Other errors are thrown.
 */
export function tryLoadManifest(file: string): LoadedManifest | undefined {
  try {
    return loadManifest(file);
  } catch (e) {
    if (e instanceof PreflightError) return undefined;
    throw e;
  }
}
