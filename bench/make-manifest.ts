/**
 * Writes the benchmark's generated manifest (bench/generate.ts) to a file, e.g. to run the CLI on it:
 *
 *   npx tsx bench/make-manifest.ts 10000 10 /tmp/big.yml
 *   npx tsx src/cli.ts check --manifest /tmp/big.yml --mode offline --format json --output /tmp/r.json
 */
import { writeFileSync } from 'node:fs';
import { generateManifest } from './generate.js';

const [resources, orgs, out] = process.argv.slice(2);
if (!resources || !orgs || !out || !(Number(resources) >= 0) || !(Number(orgs) >= 1)) {
  process.stderr.write('usage: npx tsx bench/make-manifest.ts RESOURCES ORGS OUT.yml\n');
  process.exit(2);
}
writeFileSync(out, generateManifest(Number(resources), Number(orgs)));
