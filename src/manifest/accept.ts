/**
 * Reads the accepted-findings list: the manifest's `accept:` and, beside the manifest, the file
 * `.genesys-preflight-accept.yml` (a list of entries, or `{accept: [...]}`), confined to the
 * workspace like every input. Each entry: at least one matcher (`code`, `org`, `resource`,
 * `operation`, `permission`), a `reason`, optionally `expires` (YYYY-MM-DD) and `owner`. Problems
 * are located `manifest-invalid` errors that never quote the file's text.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODES, type Acceptance, type Finding, type SourceLocation } from '../types.js';
import { fatal } from '../util/errors.js';
import { readTextFile } from '../util/read-file.js';
import { parseYamlSource, type NodePath } from '../util/yaml-source.js';
import type { LoadedManifest } from './load.js';

/** The side file's name, looked up in the manifest's folder. */
export const ACCEPT_FILE = '.genesys-preflight-accept.yml';

const MATCHERS = ['code', 'org', 'resource', 'operation', 'permission'] as const;
const KEYS = new Set<string>([...MATCHERS, 'reason', 'expires', 'owner']);
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The acceptances of a loaded manifest (manifest first, then the side file), or located errors. */
export function acceptancesOf(loaded: LoadedManifest): { acceptances: Acceptance[]; errors: Finding[] } {
  const out: { acceptances: Acceptance[]; errors: Finding[] } = { acceptances: [], errors: [] };
  const own = (loaded.manifest as { accept?: unknown }).accept;
  if (own !== undefined) readList(own, ['accept'], (p, key) => loaded.locate(p, key), out);
  const side = join(loaded.baseDir, ACCEPT_FILE);
  if (existsSync(side)) {
    const read = readTextFile(side, 'accept list', undefined, {
      root: loaded.root,
      shown: ACCEPT_FILE,
      file: ACCEPT_FILE,
    });
    if ('error' in read) {
      out.errors.push(read.error);
      return out;
    }
    const parsed = parseYamlSource(read.text, ACCEPT_FILE);
    if ('errors' in parsed) {
      out.errors.push(...parsed.errors);
      return out;
    }
    const root = parsed.doc.value;
    const list = isObj(root) && Object.hasOwn(root, 'accept') ? root.accept : root;
    readList(
      list,
      isObj(root) && Object.hasOwn(root, 'accept') ? ['accept'] : [],
      (p, key) => parsed.doc.locate(p, key),
      out,
    );
  }
  return out;
}

function readList(
  value: unknown,
  at: NodePath,
  locate: (p: NodePath, key?: boolean) => SourceLocation,
  out: { acceptances: Acceptance[]; errors: Finding[] },
): void {
  const bad = (p: NodePath, message: string, fix?: string): void => {
    out.errors.push(fatal('manifest-invalid', message, locate(p), fix));
  };
  if (!Array.isArray(value)) return bad(at, 'accept: expected a list of accepted findings');
  value.forEach((e, i) => {
    const p: NodePath = [...at, i];
    if (!isObj(e))
      return bad(p, 'accept: each entry is a map (code, org, resource, operation, permission, reason, expires, owner)');
    for (const k of Object.keys(e)) {
      // Not quoted: an unknown key is the file's text; the location says which.
      if (!KEYS.has(k)) return bad([...p, k], 'accept: unknown key in this entry', `keys: ${[...KEYS].join(', ')}`);
    }
    // A YAML reader may turn an unquoted 2027-01-31 into a date: read it back as the day it names.
    const str = (k: string) => {
      const v = e[k];
      if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
      return typeof v === 'string' && v.trim() !== '' ? v : undefined;
    };
    for (const k of Object.keys(e))
      if (str(k) === undefined) return bad([...p, k], `accept: ${k} must be a non-empty string`);
    if (!str('reason'))
      return bad(p, 'accept: every entry needs a reason', 'say why the finding is accepted (reason: ...)');
    if (!MATCHERS.some((k) => str(k))) {
      return bad(
        p,
        'accept: an entry must name what it accepts (code, org, resource, operation or permission)',
        'an entry with a reason only would accept every finding',
      );
    }
    const code = str('code');
    if (code && !(FINDING_CODES as readonly string[]).includes(code))
      return bad([...p, 'code'], 'accept: code is not a finding code', `codes: ${FINDING_CODES.join(', ')}`);
    const expires = str('expires');
    if (
      expires &&
      (!/^\d{4}-\d{2}-\d{2}$/.test(expires) ||
        Number.isNaN(Date.parse(`${expires}T00:00:00Z`)) ||
        new Date(`${expires}T00:00:00Z`).toISOString().slice(0, 10) !== expires)
    ) {
      return bad([...p, 'expires'], 'accept: expires must be a date, YYYY-MM-DD');
    }
    const a: Acceptance = { reason: str('reason')!, location: locate(p) };
    for (const k of [...MATCHERS, 'expires', 'owner'] as const) {
      const v = str(k);
      if (v !== undefined) a[k] = v;
    }
    out.acceptances.push(a);
  });
}
