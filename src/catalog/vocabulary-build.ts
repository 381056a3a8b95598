/**
 * Builds the vocabulary table (data/vocabulary.generated.ts) from the Genesys reference documents and the
 * curated list (vocabulary-extra.json). Used by scripts/build-catalog.ts only, never at run time.
 *
 * Read from each document (Genesys facts, each with its source):
 * - swagger: `x-inin-requires-permissions.permissions` per operation, `x-derived-previous-permissions` (the
 *   2026-02-12 official value where the reference subset took a newer one), the scopes of
 *   `securityDefinitions."PureCloud OAuth".scopes` and of every operation's `security`;
 * - provider data (terraform-provider-genesyscloud `resource_permissions-latest.json`):
 *   `resources[].permissions` and `resources[].scopes`;
 * - CX-as-Code docs (cx-as-code-resources.json): `permissions` and `scopes` per resource type;
 * - premium-app wizard config: `installPermissions`, `uninstallPermissions`, `premiumAppViewPermission`,
 *   `installScopes`, `uninstallScopes`;
 * - curated list: its own sources and entries (see vocabulary-extra.json).
 */
import type { VocabularySource, VocabularyTable } from './vocabulary-table.js';

/** A name the vocabulary may hold: 1 to 3 `:`-separated word segments (no spaces, no wildcards). */
export const VOCABULARY_NAME = /^[A-Za-z0-9_-]+(?::[A-Za-z0-9_-]+){0,2}$/;

/** One input document with the citation the script computed for it (file name and sha256). */
export interface VocabularyInput {
  doc: unknown;
  cite: string;
}

/** The curated file's shape. */
export interface CuratedVocabulary {
  sources: Record<string, { label: string; cite: string; url?: string }>;
  permissions: Array<{ name: string; sources: string[]; evidence: string }>;
  scopes: Array<{ name: string; sources: string[]; evidence: string }>;
  excluded?: Array<{ name: string; why: string }>;
}

/** What the build keeps, and what it dropped (reported by the script). */
export interface VocabularyBuild {
  table: VocabularyTable;
  /** Strings a source listed as a permission or scope that are not names (e.g. a sentence). */
  dropped: Array<{ source: string; value: string }>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const own = (o: Obj, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/**
 * Merges the sources. `swagger` is required; the others are optional. Throws when a document has the wrong
 * shape, when a curated entry cites no source or an unknown one, or when a source names an excluded name.
 */
export function buildVocabulary(inputs: {
  swagger: VocabularyInput;
  provider?: VocabularyInput;
  cxAsCode?: VocabularyInput;
  wizard?: VocabularyInput;
  curated?: CuratedVocabulary;
}): VocabularyBuild {
  const sources: VocabularySource[] = [];
  const perms = new Map<string, Set<number>>();
  const scopes = new Map<string, Set<number>>();
  const dropped: VocabularyBuild['dropped'] = [];
  const addSource = (s: VocabularySource): number => sources.push(s) - 1;
  const add = (map: Map<string, Set<number>>, src: number, value: string) => {
    if (!VOCABULARY_NAME.test(value)) {
      dropped.push({ source: sources[src]!.id, value });
      return;
    }
    let set = map.get(value);
    if (!set) map.set(value, (set = new Set()));
    set.add(src);
  };

  // Swagger.
  const sw = inputs.swagger.doc;
  if (!isObj(sw) || !isObj(own(sw, 'paths'))) throw new Error('vocabulary: the swagger has no "paths" object');
  const swagger = addSource({ id: 'swagger', label: 'swagger', cite: inputs.swagger.cite });
  let previous: number | undefined;
  const defs = own(sw, 'securityDefinitions');
  const oauth = isObj(defs) ? own(defs, 'PureCloud OAuth') : undefined;
  const defScopes = isObj(oauth) ? own(oauth, 'scopes') : undefined;
  if (isObj(defScopes)) for (const s of Object.keys(defScopes)) add(scopes, swagger, s);
  for (const item of Object.values(own(sw, 'paths') as Obj)) {
    if (!isObj(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObj(op)) continue;
      const req = own(op, 'x-inin-requires-permissions');
      if (isObj(req)) for (const p of strings(own(req, 'permissions'))) add(perms, swagger, p);
      const prev = own(op, 'x-derived-previous-permissions');
      if (isObj(prev)) {
        previous ??= addSource({
          id: 'swagger-previous',
          label: 'swagger',
          cite: `${inputs.swagger.cite}: x-derived-previous-permissions (the official 2026-02-12 swagger's value)`,
        });
        for (const p of strings(own(prev, 'permissions'))) add(perms, previous, p);
      }
      for (const sec of Array.isArray(own(op, 'security')) ? (own(op, 'security') as unknown[]) : []) {
        if (isObj(sec)) for (const list of Object.values(sec)) for (const s of strings(list)) add(scopes, swagger, s);
      }
    }
  }

  // Provider resource_permissions data.
  if (inputs.provider) {
    const d = inputs.provider.doc;
    if (!isObj(d) || !Array.isArray(own(d, 'resources'))) {
      throw new Error('vocabulary: the provider resource_permissions data has no "resources" list');
    }
    const src = addSource({
      id: 'provider-resource-permissions',
      label: 'provider resource_permissions',
      cite: inputs.provider.cite,
    });
    for (const r of own(d, 'resources') as unknown[]) {
      if (!isObj(r)) continue;
      for (const p of strings(own(r, 'permissions'))) add(perms, src, p);
      for (const s of strings(own(r, 'scopes'))) add(scopes, src, s);
    }
  }

  // CX-as-Code provider docs.
  if (inputs.cxAsCode) {
    const d = inputs.cxAsCode.doc;
    if (!isObj(d)) throw new Error('vocabulary: the CX-as-Code reference is not an object of resources');
    const src = addSource({ id: 'cx-as-code-docs', label: 'CX-as-Code docs', cite: inputs.cxAsCode.cite });
    for (const [type, r] of Object.entries(d)) {
      if (!type.startsWith('genesyscloud_') || !isObj(r)) continue;
      for (const p of strings(own(r, 'permissions'))) add(perms, src, p);
      for (const s of strings(own(r, 'scopes'))) add(scopes, src, s);
    }
  }

  // Premium-app wizard config.
  if (inputs.wizard) {
    const d = inputs.wizard.doc;
    if (!isObj(d) || !isObj(own(d, 'installPermissions'))) {
      throw new Error('vocabulary: the wizard config has no installPermissions');
    }
    const src = addSource({ id: 'wizard-config', label: 'wizard', cite: inputs.wizard.cite });
    for (const key of ['installPermissions', 'uninstallPermissions']) {
      const m = own(d, key);
      if (isObj(m)) for (const list of Object.values(m)) for (const p of strings(list)) add(perms, src, p);
    }
    const view = own(d, 'premiumAppViewPermission');
    if (typeof view === 'string') add(perms, src, view);
    for (const key of ['installScopes', 'uninstallScopes']) {
      const m = own(d, key);
      if (isObj(m)) for (const list of Object.values(m)) for (const s of strings(list)) add(scopes, src, s);
    }
  }

  // Curated list.
  const excluded = new Map<string, string>();
  if (inputs.curated) {
    const c = inputs.curated;
    if (!isObj(c) || !isObj(c.sources) || !Array.isArray(c.permissions) || !Array.isArray(c.scopes)) {
      throw new Error('vocabulary: the curated list needs "sources", "permissions" and "scopes"');
    }
    const ids = new Map<string, number>();
    for (const [id, s] of Object.entries(c.sources)) {
      if (!s.label || !s.cite) throw new Error(`vocabulary: curated source ${id} needs a label and a cite`);
      if (sources.some((x) => x.id === id)) throw new Error(`vocabulary: curated source id ${id} is taken`);
      ids.set(id, addSource({ id, label: s.label, cite: s.cite, ...(s.url ? { url: s.url } : {}) }));
    }
    for (const [kind, list, map] of [
      ['permission', c.permissions, perms],
      ['scope', c.scopes, scopes],
    ] as const) {
      for (const e of list) {
        const what = `vocabulary: curated ${kind} ${JSON.stringify(e.name)}`;
        if (!VOCABULARY_NAME.test(e.name)) throw new Error(`${what} is not a name`);
        if (!e.evidence) throw new Error(`${what} gives no evidence`);
        if (!Array.isArray(e.sources) || e.sources.length === 0) throw new Error(`${what} cites no source`);
        for (const id of e.sources) {
          const i = ids.get(id);
          if (i === undefined) throw new Error(`${what} cites unknown source ${id}`);
          add(map, i, e.name);
        }
      }
    }
    for (const e of c.excluded ?? []) excluded.set(e.name, e.why);
  }
  for (const [name, set] of [...perms, ...scopes]) {
    if (excluded.has(name)) {
      const by = [...set].map((i) => sources[i]!.id).join(', ');
      throw new Error(`vocabulary: ${name} is excluded by the curated list, but ${by} names it: review the exclusion`);
    }
  }

  const rows = (map: Map<string, Set<number>>): Array<[string, number[]]> =>
    [...map]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, set]) => [name, [...set].sort((x, y) => x - y)]);
  return { table: { sources, permissions: rows(perms), scopes: rows(scopes) }, dropped };
}

/** The table as TypeScript source text, one name per line (reviewable diffs). */
export function vocabularySource(table: VocabularyTable, header: string): string {
  const line = (v: unknown) => JSON.stringify(v);
  return (
    '// GENERATED by scripts/build-catalog.ts (npm run catalog) — do not edit by hand.\n' +
    header
      .split('\n')
      .map((h) => `// ${h}\n`)
      .join('') +
    "import type { VocabularyTable } from '../vocabulary-table.js';\n" +
    'export const VOCABULARY: VocabularyTable = {\n' +
    `  sources: [\n${table.sources.map((s) => `    ${line(s)},\n`).join('')}  ],\n` +
    `  permissions: [\n${table.permissions.map((r) => `    ${line(r)},\n`).join('')}  ],\n` +
    `  scopes: [\n${table.scopes.map((r) => `    ${line(r)},\n`).join('')}  ],\n` +
    '};\n'
  );
}
