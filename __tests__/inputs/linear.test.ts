/**
 * Bounded work on small hostile inputs. Each scenario runs in a child process (plain `node` on the
 * functions under test, bundled from the TypeScript sources by esbuild as the global setup bundles
 * the entry points) with a kill timeout and, for the deep ones, a small heap: a quadratic or
 * exponential path would be killed and fail the test. No elapsed time is asserted; what is asserted
 * is that the scenario finished, with the documented result or error.
 *
 * Before these bounds: a 2 MB manifest with two long, different role names took 268 s
 * (did-you-mean); a flow file whose 40,000 references sit in one map took 110 s when it went to
 * the `yaml` library (quadratic duplicate-key check and node lookup); a deeply nested 10 MB plan
 * or manifest ran out of memory.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../support/node-bundle.mjs';
import { closest, didYouMean, MAX_SUGGEST_LENGTH, suggester } from '../../src/util/suggest.js';
import { MAX_NESTING_DEPTH, nestingBeyond } from '../../src/util/nesting.js';
import { parseYamlSource } from '../../src/util/yaml-source.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What the scenarios call, exported by the bundle `lib.mjs` the children import: `[name, source under src/]`. */
const LIB: Array<[string, string]> = [
  ['loadManifest', 'manifest/load.ts'],
  ['parseYamlSource', 'util/yaml-source.ts'],
  ['scanFlowReferences', 'resources/references.ts'],
  ['groupReferencesByLookup', 'plan/references.ts'],
  ['importTerraformPlan', 'resources/terraform.ts'],
];

let tmp: string;
beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'genesys-preflight-linear-')));
  // One bundle of the functions under test for every child (a plain `node` start, no TypeScript loader).
  const entry = LIB.map(([name, file]) => `export { ${name} } from ${JSON.stringify(join(ROOT, 'src', file))};`);
  writeFileSync(join(tmp, 'lib.ts'), `${entry.join('\n')}\n`);
  await bundleForNode(ROOT, join(tmp, 'lib.ts'), join(tmp, 'lib.mjs'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `body` (an ES module, top-level await allowed) in a child; resolves with its stdout parsed as JSON. */
function child(name: string, body: string, opts: { timeoutMs?: number; heapMb?: number } = {}): Promise<unknown> {
  const script = join(tmp, `${name}.mjs`);
  writeFileSync(script, body);
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.GITHUB_WORKSPACE;
  const args = [...(opts.heapMb ? [`--max-old-space-size=${opts.heapMb}`] : []), script];
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      args,
      { cwd: tmp, env, timeout: opts.timeoutMs ?? 40_000, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error)
          fail(
            new Error(
              `${name} did not finish (${error.signal ?? `exit ${String(error.code)}`}): ${stderr.slice(-2000)}`,
            ),
          );
        else done(JSON.parse(stdout));
      },
    );
  });
}

const HEAD = 'version: 1\norgs:\n  - name: a\n    region: us-east-1\n    principal:\n      grant: client-credentials\n';

describe('hostile sizes finish with the documented result', () => {
  test('a 2 MB manifest with two long, different role names: "not defined", no did-you-mean', async () => {
    writeFileSync(
      join(tmp, 'roles.yml'),
      `${HEAD}      roles: [{role: "${'A'.repeat(1_000_000)}", divisions: ['*']}]\nroles:\n  "${'B'.repeat(1_000_000)}": {permissions: [architect:flow:view]}\n`,
    );
    const out = await child(
      'roles',
      `
      import { loadManifest } from './lib.mjs';
      try { loadManifest('roles.yml'); console.log('null'); }
      catch (e) { console.log(JSON.stringify(e.findings.map((f) => f.message))); }
    `,
    );
    expect(out).toEqual(['org a: the role of principal.roles[0] is not defined under "roles"']);
  }, 60_000);

  test('a 1 MB flow file with 40,000 references (fast path and yaml-library path): every reference, one lookup call', async () => {
    const list =
      [
        'inboundCall:',
        '  name: Big',
        '  tasks:',
        ...Array.from({ length: 40_000 }, (_, i) => `  - targetQueue: Q${i}`),
      ].join('\n') + '\n';
    writeFileSync(join(tmp, 'refs-list.yaml'), list);
    // 40,000 data tables as keys of one map, plus an anchor: the file goes to the yaml library.
    const map =
      [
        'inboundCall:',
        '  name: Big',
        '  x: &a 1',
        '  y: *a',
        '  dataTableLookup:',
        '    dataTable:',
        ...Array.from({ length: 40_000 }, (_, i) => `      T${i}: {}`),
      ].join('\n') + '\n';
    writeFileSync(join(tmp, 'refs-map.yaml'), map);
    const out = await child(
      'refs',
      `
      import { readFileSync } from 'node:fs';
      import { groupReferencesByLookup, parseYamlSource, scanFlowReferences } from './lib.mjs';
      const result = [];
      for (const f of ['refs-list.yaml', 'refs-map.yaml']) {
        const p = parseYamlSource(readFileSync(f, 'utf8'), f);
        const refs = scanFlowReferences(p.doc, 'inboundCall');
        const groups = groupReferencesByLookup(refs);
        result.push([refs.length, [...groups].map(([call, l]) => [call, l.length]), refs[39_999].location.line]);
      }
      console.log(JSON.stringify(result));
    `,
    );
    expect(out).toEqual([
      [40_000, [['GET /api/v2/routing/queues', 40_000]], 40_003],
      [40_000, [['GET /api/v2/flows/datatables', 40_000]], 40_006],
    ]);
  }, 60_000);

  test('a deeply nested 10 MB Terraform plan is a located error in a small heap', async () => {
    const levels = 5 * 1024 * 1024 - 100;
    writeFileSync(
      join(tmp, 'deep-plan.json'),
      `{"format_version":"1.2","resource_changes":${'['.repeat(levels)}${']'.repeat(levels)}}`,
    );
    writeFileSync(
      join(tmp, 'deep-obj.json'),
      `{"format_version":"1.2","a":${'{"a":'.repeat(1_500_000)}1${'}'.repeat(1_500_000)}}`,
    );
    const out = await child(
      'deep-plan',
      `
      import { importTerraformPlan } from './lib.mjs';
      const from = { file: 'm.yml', line: 1, column: 1 };
      console.log(JSON.stringify(['deep-plan.json', 'deep-obj.json'].map((f) =>
        importTerraformPlan(f, { displayPath: f, orgs: ['o'], from }).errors.map((e) => [e.message, e.location]))));
    `,
      { heapMb: 256 },
    );
    expect(out).toEqual([
      [
        [
          `Terraform plan deep-plan.json is not JSON: collections are nested more than ${MAX_NESTING_DEPTH} levels deep`,
          { file: 'deep-plan.json', line: 1, column: 43 + MAX_NESTING_DEPTH },
        ],
      ],
      [
        [
          `Terraform plan deep-obj.json is not JSON: collections are nested more than ${MAX_NESTING_DEPTH} levels deep`,
          { file: 'deep-obj.json', line: 1, column: 29 + 5 * (MAX_NESTING_DEPTH - 1) },
        ],
      ],
    ]);
  }, 60_000);

  test('deeply nested 10 MB YAML manifests (flow brackets, compact lists, unclosed) are located errors in a small heap', async () => {
    const levels = 5 * 1024 * 1024 - 100;
    writeFileSync(join(tmp, 'deep-flow.yml'), `version: 1\norgs: ${'['.repeat(levels)}${']'.repeat(levels)}\n`);
    writeFileSync(join(tmp, 'deep-block.yml'), `version: 1\norgs:\n  ${'- '.repeat(4 * 1024 * 1024)}x\n`);
    writeFileSync(join(tmp, 'deep-open.yml'), `version: 1\norgs: ${'{a: '.repeat(2 * 1024 * 1024)}\n`);
    const out = await child(
      'deep-yaml',
      `
      import { loadManifest } from './lib.mjs';
      console.log(JSON.stringify(['deep-flow.yml', 'deep-block.yml', 'deep-open.yml'].map((f) => {
        try { loadManifest(f); return null; } catch (e) { return e.findings.map((x) => [x.message, x.location.line]); }
      })));
    `,
      { heapMb: 256 },
    );
    const tooDeep = `collections are nested more than ${MAX_NESTING_DEPTH} levels deep`;
    expect(out).toEqual([[[tooDeep, 2]], [[tooDeep, 3]], [[tooDeep, 2]]]);
  }, 60_000);
});

describe('did-you-mean is bounded', () => {
  test('long inputs and long candidates are not compared; close short ones still are', () => {
    expect(closest('Deployr', ['Deployer', 'Viewer'])).toBe('Deployer');
    expect(didYouMean('princple', ['principal', 'region'])).toBe(' (did you mean "principal"?)');
    expect(closest('x'.repeat(MAX_SUGGEST_LENGTH + 1), ['x'.repeat(MAX_SUGGEST_LENGTH)])).toBeUndefined();
    expect(closest('abc', ['abd'.padEnd(MAX_SUGGEST_LENGTH + 1, 'z')])).toBeUndefined();
    // A length gap beyond the allowed distance is never close.
    expect(closest('ab', ['abcdefgh'])).toBeUndefined();
    // Exact (case-insensitive) matches win at once.
    expect(closest('ORGS', ['orgz', 'orgs'])).toBe('orgs');
  });

  test('a suggester looks up at most its limit of distinct inputs, memoised', () => {
    let looked = 0;
    const candidates = {
      *[Symbol.iterator]() {
        looked++;
        yield 'Deployer';
        yield 'Viewer';
      },
    };
    const hint = suggester(candidates, 3);
    expect(looked).toBe(1); // the candidates are read once
    expect(['Deployr', 'Deployr', 'Viewr', 'Deplyer', 'Deployerr'].map(hint)).toEqual([
      ' (did you mean "Deployer"?)',
      ' (did you mean "Deployer"?)',
      ' (did you mean "Viewer"?)',
      ' (did you mean "Deployer"?)',
      '',
    ]);
  });
});

describe('the nesting pre-scan', () => {
  const beyond = (text: string) => nestingBeyond(text, 300, MAX_NESTING_DEPTH);

  test('counts only real collections: brackets in quotes, comments, plain scalars and block scalars are text', () => {
    const b = '['.repeat(1000);
    const texts = [
      `a: "${b}"\n`,
      `a: '${b}'' ${b}'\n`,
      `a: x${b}\n`,
      `a: 1 # ${b}\n`,
      `a: |\n  ${b}\n  ${b}\nb: 1\n`,
      `- >\n    ${b}\n`,
      `a: "\\"${b}"\n`,
      `a: [x${b}]\n`.replace(`x${b}`, 'x'),
      `${'- '.repeat(250)}x\n`.replace(/- /g, '-x '),
    ];
    for (const t of texts) expect(beyond(t)).toBeUndefined();
    // Real YAML stays parseable: the scan does not stop what the library parses.
    expect(parseYamlSource(`a: x${b}\nb: "${b}"\n`, 'x.yml')).toHaveProperty('doc');
  });

  test('finds deep flow collections, compact lists and explicit keys, located where the limit is passed', () => {
    expect(beyond(`a: ${'['.repeat(400)}`)).toBe(3 + MAX_NESTING_DEPTH);
    expect(beyond(`a: ${'{b: '.repeat(400)}`)).toBe(3 + 4 * MAX_NESTING_DEPTH);
    expect(beyond(`${'- '.repeat(400)}x`)).toBe(2 * MAX_NESTING_DEPTH);
    expect(beyond(`${'? '.repeat(400)}x`)).toBe(2 * MAX_NESTING_DEPTH);
    expect(beyond(`${'- '.repeat(100)}${'['.repeat(300)}`)).toBe(200 + (MAX_NESTING_DEPTH - 100));
    expect(beyond(`a: ${'['.repeat(250)}`)).toBeUndefined(); // below the scan limit: the exact token scan decides
  });
});
