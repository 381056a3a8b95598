/**
 * The manifest JSON schema as editors use it: a stable `$id` (the raw file at the action's major
 * tag), a title, a description on every property and definition (hover text), the SchemaStore
 * catalog entry, and committed files equal to a fresh `npm run schema`.
 */
import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { MANIFEST_SCHEMA, MANIFEST_SCHEMA_ID } from '../../src/manifest/schema.js';
import { catalogEntry, generatedFiles, MANIFEST_FILE_MATCH } from '../../scripts/write-schema.js';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every property schema (the values of every `properties` object, at any depth) with its JSON pointer. */
function properties(node: unknown, path = '#'): Array<{ path: string; schema: Node }> {
  if (Array.isArray(node)) return node.flatMap((n, i) => properties(n, `${path}/${i}`));
  if (!isObject(node)) return [];
  const out: Array<{ path: string; schema: Node }> = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isObject(value)) {
      for (const [name, schema] of Object.entries(value)) {
        out.push({ path: `${path}/properties/${name}`, schema: schema as Node });
        out.push(...properties(schema, `${path}/properties/${name}`));
      }
    } else out.push(...properties(value, `${path}/${key}`));
  }
  return out;
}

const schemaOnDisk = () => JSON.parse(read('schema/manifest.schema.json')) as Node;
const hasDescription = (s: Node) => typeof s.description === 'string' && s.description.trim().length > 0;

describe('manifest schema for editors', () => {
  it('every property, at any depth (definitions, items, oneOf, anyOf included), has a description', () => {
    const all = properties(schemaOnDisk());
    expect(all.length).toBeGreaterThanOrEqual(96);
    expect(all.filter((p) => !hasDescription(p.schema)).map((p) => p.path)).toEqual([]);
  });

  it('every definition ($defs / definitions) has a description too (what a $ref shows)', () => {
    const s = schemaOnDisk();
    const defs = { ...((s.definitions as Node) ?? {}), ...((s.$defs as Node) ?? {}) };
    expect(Object.keys(defs).length).toBeGreaterThan(0);
    expect(
      Object.entries(defs)
        .filter(([, d]) => !hasDescription(d as Node))
        .map(([name]) => name),
    ).toEqual([]);
  });

  it('has a stable $id (the raw file at the v0 tag of the action repository), a title and a description', () => {
    const s = schemaOnDisk();
    expect(s.$id).toBe(MANIFEST_SCHEMA_ID);
    expect(s.$id).toBe(
      'https://raw.githubusercontent.com/genesys-preflight/genesys-preflight/v0/schema/manifest.schema.json',
    );
    expect(s.title).toBe('genesys-preflight manifest v1');
    expect(hasDescription(s)).toBe(true);
  });

  it('the $id names the repository the README tells workflows to use (uses: OWNER/genesys-preflight@v0)', () => {
    const uses = [...read('README.md').matchAll(/uses: ([\w.-]+\/genesys-preflight)@(v\d+)/g)].map(
      (m) => `${m[1]}/${m[2]}`,
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const u of new Set(uses)) {
      expect(MANIFEST_SCHEMA_ID).toBe(`https://raw.githubusercontent.com/${u}/schema/manifest.schema.json`);
    }
  });

  it('schema/catalog-entry.json is a SchemaStore catalog entry pointing at the $id', () => {
    const entry = JSON.parse(read('schema/catalog-entry.json')) as Node;
    expect(Object.keys(entry).sort()).toEqual(['description', 'fileMatch', 'name', 'url']);
    expect(entry).toEqual(catalogEntry());
    expect(entry.url).toBe(MANIFEST_SCHEMA.$id);
    expect(entry.fileMatch).toEqual(['genesys-preflight.yml', 'genesys-preflight.yaml', '.genesys-preflight.yml']);
    expect(MANIFEST_FILE_MATCH).toContain('genesys-preflight.yml');
  });

  it('the README shows the modeline with the published URL, not a path into the repository', () => {
    const readme = read('README.md');
    expect(readme).toContain(`# yaml-language-server: $schema=${MANIFEST_SCHEMA_ID}`);
    expect(readme).not.toMatch(/yaml-language-server: \$schema=\.{1,2}\//);
  });
});

describe('generated files are current (npm run schema)', () => {
  const ours = generatedFiles().filter((f) => f.path !== 'schema/report.schema.json');

  it.each(ours.map((f) => [f.path, f] as const))('%s equals a fresh generation', (_path, f) => {
    expect(read(f.path)).toBe(f.text);
  });

  it('the precompiled validator embeds the schema with its $id and descriptions (it derives from the schema)', () => {
    const validator = read('src/manifest/validator.generated.ts');
    expect(validator).toContain(JSON.stringify(MANIFEST_SCHEMA_ID));
    expect(validator).toContain('The schema editors validate this file with');
  });
});
