/**
 * Runs the preflight over every Archy flow and script export in a corpus folder (default
 * ../shared/corpus), reading the files in place: for each file a manifest is generated in a temp
 * directory (placeholders filled with generated substitutions, as a user's optionsFile would),
 * and the engine runs on it with three deployers. Fails when a file crashes the tool, ends in a
 * fatal finding, or yields no requirements. Prints figures: files, requirements, findings by code.
 *
 *   npm run corpus [-- --dir PATH]
 */
import { mkdtempSync, realpathSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { runCheck } from '../src/engine.js';
import { allFindings, exitCode } from '../src/report/model.js';
import { leastPrivilegePolicy } from '../src/policy/least-privilege.js';
import { verifyPolicy } from '../src/policy/verify.js';
import { locateDifferences } from '../test-support/locate-diff.js';
import { fastParse } from '../src/util/fast-yaml.js';

const argDir = process.argv.indexOf('--dir');
const dir = resolve(argDir >= 0 ? process.argv[argDir + 1]! : new URL('../../shared/corpus', import.meta.url).pathname);
if (!existsSync(dir)) {
  console.error(`corpus folder ${dir} not found`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'gp-corpus-'));
// The generated manifests (in `work`) name the corpus files where they are: the workspace these
// trusted runs are confined to is the deepest folder holding both.
process.env.GITHUB_WORKSPACE = commonAncestor(realpathSync(dir), realpathSync(work));

function commonAncestor(a: string, b: string): string {
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join('/') || '/';
}
const files = readdirSync(dir)
  .filter((f) => /\.(ya?ml|json)$/i.test(f))
  .sort();

/** Generated substitution value for a placeholder key (division keys get a division name). */
const valueFor = (key: string) => (/division/i.test(key) ? 'Corpus Division' : `corpus-${key}`);

const principals = `
orgs:
  - name: full
    region: us-east-1
    principal:
      grant: client-credentials
      roles: [{role: Deploy All, divisions: ['*']}]
  - name: partial
    region: eu-west-1
    principal:
      grant: user
      scopes: [architect]
      roles: [{role: Flow Editor, divisions: [Home]}]
  - name: api
    region: us-west-2
    principal:
      grant: client-credentials
      roles: [{role: Flow Editor, divisions: ['*']}]
roles:
  Deploy All:
    permissions: ['architect:*:*', 'scripter:*:*', 'authorization:*:*']
  Flow Editor:
    permissions: [architect:flow:view, architect:flow:add, architect:flow:edit, architect:job:create]
`;

const totals = {
  files: 0,
  flows: 0,
  scripts: 0,
  skipped: 0,
  requirements: 0,
  failures: 0,
  policySize: 0,
  policyUnion: 0,
  policies: 0,
};
const byCode = new Map<string, number>();
let fastPath = 0;
const failures: string[] = [];

for (const name of files) {
  const path = join(dir, name);
  const text = readFileSync(path, 'utf8');
  let kind: 'flow' | 'script' | undefined;
  let scriptName = '';
  if (/\.json$/i.test(name)) {
    try {
      const doc = JSON.parse(text) as { pages?: unknown; name?: string };
      if (doc && Array.isArray(doc.pages) && typeof doc.name === 'string') {
        kind = 'script';
        scriptName = doc.name.replace(/\{\{[^}]*\}\}/g, 'corpus').replace(/["\\]/g, '') || 'Corpus Script';
      }
    } catch {
      /* not JSON we read */
    }
  } else kind = 'flow';
  if (!kind) {
    totals.skipped++;
    continue;
  }
  totals.files++;
  // The fast YAML path must place every node exactly where the yaml library does.
  const filled = text.replace(/\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}/g, (_m, k: string) => valueFor(k));
  if (fastParse(filled, 200)) fastPath++;
  const diff = locateDifferences(filled, name);
  if (diff.length) failures.push(`${name}: fast YAML path disagrees: ${diff.slice(0, 3).join('; ')}`);
  const keys = [...new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}/g)].map((m) => m[1]!))];
  const subs = keys.map((k) => `      ${JSON.stringify(k)}: ${JSON.stringify(valueFor(k))}`).join('\n');
  const manifest =
    `version: 1\n${principals}\n` +
    (kind === 'flow'
      ? `flows:\n` +
        ['archy', 'cx-as-code', 'api']
          .map(
            (d) =>
              `  - file: ${JSON.stringify(path)}\n    deployer: ${d}\n    orgs: [${d === 'archy' ? 'full' : d === 'api' ? 'api' : 'partial'}]\n${keys.length ? `    substitutions:\n${subs}\n` : ''}`,
          )
          .join('')
      : `scripts:\n  - name: ${JSON.stringify(scriptName)}\n    file: ${JSON.stringify(path)}\n    division: Sales\n    orgs: [full, partial]\n`);
  const mf = join(work, `${totals.files}.yml`);
  writeFileSync(mf, manifest);
  try {
    const report = await runCheck({ manifestPath: mf, mode: 'offline' });
    const reqs = report.orgs.reduce((n, o) => n + o.requirements.length, 0);
    const fatal = allFindings(report).filter((f) => f.fatal);
    if (fatal.length || exitCode(report, 'never') === 2) {
      failures.push(
        `${name}: ${fatal.map((f) => `${f.location ? `${f.location.line}:${f.location.column} ` : ''}${f.message}`).join('; ')}`,
      );
      continue;
    }
    if (reqs === 0) {
      failures.push(`${name}: no requirements derived`);
      continue;
    }
    totals.requirements += reqs;
    if (kind === 'flow') totals.flows++;
    else totals.scripts++;
    for (const f of allFindings(report)) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    // Least-privilege role per org: it must suffice and be irredundant.
    for (const o of report.orgs) {
      const policy = leastPrivilegePolicy(o.name, o.requirements);
      const check = verifyPolicy(policy, o.requirements);
      if (!check.sufficient || check.redundant.length)
        failures.push(
          `${name}: policy for ${o.name} is ${check.sufficient ? `redundant (${check.redundant.join(', ')})` : `insufficient (${check.missing} findings left)`}`,
        );
      totals.policySize += policy.size;
      totals.policyUnion += policy.union;
      totals.policies++;
    }
  } catch (e) {
    failures.push(`${name}: CRASH ${(e as Error).stack ?? String(e)}`);
  }
}

totals.failures = failures.length;
console.log(`corpus: ${dir}`);
console.log(
  `files read: ${totals.files} (${totals.flows} flows, ${totals.scripts} scripts ok); other files skipped: ${totals.skipped}`,
);
console.log(`requirements derived: ${totals.requirements}`);
console.log(
  `fast YAML path: ${fastPath} of ${totals.files} files parsed by it, every node located as the yaml library does`,
);
console.log(
  `least-privilege roles: ${totals.policies} org policies, ${totals.policySize} permissions in all vs ${totals.policyUnion} named by the operations (${totals.policyUnion ? Math.round((1 - totals.policySize / totals.policyUnion) * 100) : 0}% fewer); each sufficient and irredundant`,
);
console.log(
  `findings by code: ${
    [...byCode.entries()]
      .sort()
      .map(([c, n]) => `${c} ${n}`)
      .join(', ') || 'none'
  }`,
);
if (failures.length) {
  console.error(`\n${failures.length} file(s) failed:`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log('corpus: every file processed');
