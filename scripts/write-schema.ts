/** Writes schema/manifest.schema.json from src/manifest/schema.ts (npm run schema). */
import { writeFileSync } from 'node:fs';
import { MANIFEST_SCHEMA } from '../src/manifest/schema.js';

writeFileSync(new URL('../schema/manifest.schema.json', import.meta.url), JSON.stringify(MANIFEST_SCHEMA, null, 2) + '\n');
console.log('wrote schema/manifest.schema.json');
