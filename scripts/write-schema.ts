/**
 * Writes the files generated from the schemas' TypeScript sources (npm run schema):
 * schema/manifest.schema.json and schema/report.schema.json, schema/catalog-entry.json (the
 * manifest schema's SchemaStore catalog entry) and src/manifest/validator.generated.ts (the
 * manifest validator, precompiled by ajv). Tests compare the committed files with
 * {@link generatedFiles}.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MANIFEST_SCHEMA } from '../src/manifest/schema.js';
import { REPORT_SCHEMA } from '../src/report/schema.js';
import { precompiledValidatorSource } from '../src/manifest/precompile.js';

/** Names editors (and SchemaStore) associate with the manifest schema. */
export const MANIFEST_FILE_MATCH = ['genesys-preflight.yml', 'genesys-preflight.yaml', '.genesys-preflight.yml'];

/**
 * The manifest schema's entry for SchemaStore's catalog (src/api/json/catalog.json in
 * SchemaStore/schemastore: name, description, fileMatch, url), so editors that read the catalog
 * (the YAML language server, JetBrains IDEs) apply the schema without a modeline.
 */
export function catalogEntry(): { name: string; description: string; fileMatch: string[]; url: string } {
  return {
    name: 'genesys-preflight',
    description: 'genesys-preflight manifest: what a Genesys Cloud deployment deploys, to which orgs, as whom',
    fileMatch: MANIFEST_FILE_MATCH,
    url: MANIFEST_SCHEMA.$id,
  };
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** Every generated file: path relative to the repository root → its content. */
export function generatedFiles(): Array<{ path: string; text: string }> {
  return [
    { path: 'schema/manifest.schema.json', text: json(MANIFEST_SCHEMA) },
    { path: 'schema/report.schema.json', text: json(REPORT_SCHEMA) },
    { path: 'schema/catalog-entry.json', text: json(catalogEntry()) },
    { path: 'src/manifest/validator.generated.ts', text: precompiledValidatorSource() },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of generatedFiles()) {
    writeFileSync(fileURLToPath(new URL(`../${f.path}`, import.meta.url)), f.text);
    console.log(`wrote ${f.path}`);
  }
}
