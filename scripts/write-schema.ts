/** Writes schema/*.schema.json from their TypeScript sources (npm run schema). */
import { writeFileSync } from 'node:fs';
import { MANIFEST_SCHEMA } from '../src/manifest/schema.js';
import { REPORT_SCHEMA } from '../src/report/schema.js';
import { precompiledValidatorSource } from '../src/manifest/precompile.js';

for (const [name, schema] of [['manifest', MANIFEST_SCHEMA], ['report', REPORT_SCHEMA]] as const) {
  writeFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schema/${name}.schema.json`);
}
writeFileSync(new URL('../src/manifest/validator.generated.ts', import.meta.url), precompiledValidatorSource());
console.log('wrote src/manifest/validator.generated.ts');
