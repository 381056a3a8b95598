/**
 * Lists the objects each Archy flow in a corpus folder (default ../shared/corpus) references by
 * name, by kind, with line:column, then totals per kind. `{{placeholders}}` are filled textually
 * with `corpus-<key>` before parsing, as an optionsFile would. Run-time (dynamic) references are
 * listed apart. Files that cannot be read as an Archy flow are listed with the reason.
 *
 *   npx tsx scripts/corpus-references.ts [--dir PATH]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ARCHY_FLOW_TYPES, readArchyFlow } from '../src/resources/archy.js';
import { scanFlowReferences } from '../src/resources/references.js';
import { REFERENCE_KINDS, type FlowReference, type ReferenceKind } from '../src/types.js';

const argDir = process.argv.indexOf('--dir');
const dir = resolve(argDir >= 0 ? process.argv[argDir + 1]! : new URL('../../shared/corpus', import.meta.url).pathname);
if (!existsSync(dir)) {
  console.error(`corpus folder ${dir} not found`);
  process.exit(2);
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}/g;
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/i.test(f))
  .sort();
const totals = new Map<ReferenceKind, { literal: number; dynamic: number; files: Set<string> }>();
let flows = 0;
let unreadable = 0;
let withoutRefs = 0;

const show = (r: FlowReference) =>
  `${r.integration !== undefined ? `${JSON.stringify(r.integration)} / ` : ''}${JSON.stringify(r.name.length > 90 ? `${r.name.slice(0, 87)}...` : r.name)} (${r.location.line}:${r.location.column})`;

for (const file of files) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const substitutions: Record<string, string> = {};
  for (const m of text.matchAll(PLACEHOLDER)) substitutions[m[1]!] = `corpus-${m[1]}`;
  const read = readArchyFlow(path, file, substitutions, { file, line: 1, column: 1 });
  console.log(`\n${file}`);
  if ('errors' in read) {
    unreadable++;
    for (const e of read.errors) console.log(`  (not read: ${e.message})`);
    continue;
  }
  flows++;
  const { doc } = read.flow;
  const typeKey = Object.keys(doc.value as object).find((k) =>
    Object.prototype.hasOwnProperty.call(ARCHY_FLOW_TYPES, k),
  )!;
  const refs = scanFlowReferences(doc, typeKey);
  console.log(
    `  ${typeKey} "${read.flow.name}": ${refs.filter((r) => !r.dynamic).length} literal, ${refs.filter((r) => r.dynamic).length} dynamic`,
  );
  if (!refs.length) withoutRefs++;
  for (const kind of REFERENCE_KINDS) {
    const literal = refs.filter((r) => r.kind === kind && !r.dynamic);
    const dynamic = refs.filter((r) => r.kind === kind && r.dynamic);
    if (literal.length) console.log(`  ${kind}: ${literal.map(show).join(', ')}`);
    if (dynamic.length) console.log(`  ${kind} (dynamic): ${dynamic.map(show).join(', ')}`);
    if (literal.length || dynamic.length) {
      const t = totals.get(kind) ?? { literal: 0, dynamic: 0, files: new Set<string>() };
      t.literal += literal.length;
      t.dynamic += dynamic.length;
      t.files.add(file);
      totals.set(kind, t);
    }
  }
}

console.log(`\nTotals over ${flows} flow files (${unreadable} not readable, ${withoutRefs} without references):`);
console.log(`  ${'kind'.padEnd(16)} ${'literal'.padStart(7)} ${'dynamic'.padStart(7)} ${'files'.padStart(5)}`);
let allLiteral = 0;
let allDynamic = 0;
for (const kind of REFERENCE_KINDS) {
  const t = totals.get(kind);
  if (!t) continue;
  allLiteral += t.literal;
  allDynamic += t.dynamic;
  console.log(
    `  ${kind.padEnd(16)} ${String(t.literal).padStart(7)} ${String(t.dynamic).padStart(7)} ${String(t.files.size).padStart(5)}`,
  );
}
console.log(`  ${'all'.padEnd(16)} ${String(allLiteral).padStart(7)} ${String(allDynamic).padStart(7)}`);
