/**
 * `npm run bench`: offline scale, cold start and live figures, each with its target and a
 * pass/fail, printed as tables and written to bench/RESULTS.md with the machine, Node version and
 * commands. Uses only the repo's own dependencies (ncc to bundle the offline runner, the fake
 * Genesys Cloud on 127.0.0.1 for live figures).
 *
 *   npm run bench [-- --quick]      (--quick: smaller matrix, for a smoke run)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { liveRun, type LiveFigures } from './live.js';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const quick = process.argv.includes('--quick');
const work = mkdtempSync(join(tmpdir(), 'gp-bench-'));
const lines: string[] = [];
const out = (s = '') => {
  console.log(s);
  lines.push(s);
};
const ok = (pass: boolean) => (pass ? 'pass' : '**FAIL**');
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const started = performance.now();

interface OfflineRun {
  resources: number;
  orgs: number;
  requirements: number;
  findings: number;
  json: number;
  /** The JSON report's size without its findings (requirements, resources, orgs). */
  jsonTables: number;
  stages: Array<{ stage: string; ms: number; peakRssMb: number }>;
  reportMs: { textMs: number; markdownMs: number; annotationsMs: number; jsonMs: number };
  totalMs: number;
  peakRssMb: number;
}

// ---------- offline scale ----------
console.error('bundling the offline runner with ncc...');
const runner = join(work, 'offline');
execFileSync(process.execPath, [join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', join(ROOT, 'bench/offline-child.ts'), '-o', runner, '-q'], { stdio: 'inherit' });

const sizes = quick ? [100, 1000] : [100, 1000, 10000];
const orgCounts = quick ? [1, 10] : [1, 10, 100];
const runs: OfflineRun[] = [];
for (const r of sizes) {
  for (const o of orgCounts) {
    const res = spawnSync(process.execPath, ['--max-old-space-size=4096', join(runner, 'index.js'), String(r), String(o), join(work, 'data')], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`offline run ${r}×${o} failed: ${res.stderr}`);
    const run = JSON.parse(res.stdout.trim().split('\n').pop()!) as OfflineRun;
    runs.push(run);
    rmSync(join(work, 'data'), { recursive: true, force: true });
    console.error(`offline ${r} resources × ${o} orgs: ${run.totalMs.toFixed(0)} ms`);
  }
}
const stage = (run: OfflineRun, name: string) => run.stages.find((s) => s.stage === name)!;
/** The check: load + plan + evaluate + the reports a run shows (text, job summary, annotations). */
const checkMs = (run: OfflineRun) => stage(run, 'load').ms + stage(run, 'plan').ms + stage(run, 'evaluate').ms + run.reportMs.textMs + run.reportMs.markdownMs + run.reportMs.annotationsMs;
const peakBeforeJson = (run: OfflineRun) => Math.max(...run.stages.filter((s) => s.stage !== 'report').map((s) => s.peakRssMb));

out('## Offline scale');
out('');
out('Generated manifests (60% flows, 15% schedule groups, 10% scripts, 15% WFM), every resource deployed to every org; one org in three lacks a division grant and a role (findings to report). Each run in its own process; time in ms, peak RSS in MB after each stage.');
out('');
out('| resources | orgs | requirements | findings | load | plan | evaluate | report (text+summary+annotations) | check total | µs per resource×org | peak RSS | JSON report v2 (without findings) | JSON write |');
out('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const run of runs) {
  const rep = run.reportMs.textMs + run.reportMs.markdownMs + run.reportMs.annotationsMs;
  out(
    `| ${run.resources} | ${run.orgs} | ${run.requirements} | ${run.findings} | ${stage(run, 'load').ms.toFixed(0)} | ${stage(run, 'plan').ms.toFixed(0)} | ${stage(run, 'evaluate').ms.toFixed(0)} | ${rep.toFixed(0)} | ${checkMs(run).toFixed(0)} | ${((checkMs(run) * 1000) / (run.resources * run.orgs)).toFixed(1)} | ${peakBeforeJson(run).toFixed(0)} | ${mb(run.json)} (${mb(run.jsonTables)}) | ${run.reportMs.jsonMs.toFixed(0)} ms, peak ${run.peakRssMb.toFixed(0)} MB |`,
  );
}
out('');
const target = runs.find((r) => r.resources === 10000 && r.orgs === 10) ?? runs.find((r) => r.resources === 1000 && r.orgs === 10)!;
const t1 = checkMs(target) < 1000;
const t2 = peakBeforeJson(target) < 200;
out(`Target: ${target.resources} resources × ${target.orgs} orgs under 1 s: ${checkMs(target).toFixed(0)} ms, ${ok(t1)}; under 200 MB: ${peakBeforeJson(target).toFixed(0)} MB, ${ok(t2)}.`);
// Linearity: when one dimension grows k× (the other fixed), the check's time may grow at most 1.5 × k×.
const steps: string[] = [];
let linear = true;
for (const a of runs) {
  for (const b of runs) {
    const sameOrgs = a.orgs === b.orgs && b.resources === a.resources * 10;
    const sameRes = a.resources === b.resources && b.orgs === a.orgs * 10;
    if (!sameOrgs && !sameRes) continue;
    const growth = checkMs(b) / checkMs(a);
    if (growth > 15) linear = false;
    steps.push(`${a.resources}×${a.orgs} → ${b.resources}×${b.orgs}: ${growth.toFixed(1)}×`);
  }
}
out(`Growth no worse than linear (10× more resources or orgs may cost at most 15× the time): ${steps.join('; ')}: ${ok(linear)}.`);
out('');
// JSON report v2 lists each requirement once: its size grows with resources + orgs + findings.
const big = runs.find((r) => r.resources === 10000 && r.orgs === 100) ?? runs[runs.length - 1]!;
const small = runs.find((r) => r.resources === big.resources && r.orgs === orgCounts[0]) ?? big;
const t3 = big.jsonTables < 50 * 1048576;
const perOrg = big.orgs > small.orgs ? (big.jsonTables - small.jsonTables) / (big.orgs - small.orgs) : 0;
const perFinding = big.findings ? (big.json - big.jsonTables) / big.findings : 0;
out(
  `JSON report v2 at ${big.resources} resources × ${big.orgs} orgs: ${mb(big.json)} in all, of which ${mb(big.jsonTables)} for the ` +
    `requirements, resources and orgs (target < 50 MB: ${ok(t3)}; each org adds ${perOrg.toFixed(0)} bytes) and ` +
    `${mb(big.json - big.jsonTables)} for its ${big.findings} findings (${perFinding.toFixed(0)} bytes each). The JSON report ` +
    'v1 listed every requirement per org: 3061.8 MB at 10000 × 100 (bench run of 2026-11-22). It is written in pieces (no ' +
    'single string) and measured apart from the check.',
);
out('');

// ---------- cold start ----------
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function timeCommand(args: string[], env: NodeJS.ProcessEnv, n: number): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return median(times);
}
const N = quick ? 5 : 15;
const baseEnv = { PATH: process.env.PATH ?? '' };
const floor = timeCommand(['-e', '0'], baseEnv, N);
const cli = timeCommand([join(ROOT, 'dist/cli/index.js'), 'check', '--manifest', 'examples/genesys-preflight.yml'], baseEnv, N);
const actionDir = mkdtempSync(join(work, 'runner-'));
writeFileSync(join(actionDir, 'out'), '');
writeFileSync(join(actionDir, 'summary'), '');
const action = timeCommand(
  [join(ROOT, 'dist/action/index.js')],
  { ...baseEnv, INPUT_MANIFEST: 'examples/genesys-preflight.yml', INPUT_MODE: 'offline', INPUT_COMMENT: 'never', GITHUB_OUTPUT: join(actionDir, 'out'), GITHUB_STEP_SUMMARY: join(actionDir, 'summary'), RUNNER_TEMP: actionDir },
  N,
);
const dirSize = (d: string) => readdirSync(d).reduce((n, f) => n + statSync(join(d, f)).size, 0);
out('## Cold start');
out('');
out(`Median of ${N} runs on the example manifest (two orgs), wall time including Node's own start.`);
out('');
out('| command | median | over `node -e 0` | target | bundle |');
out('| --- | ---: | ---: | --- | ---: |');
out(`| \`node -e 0\` (floor) | ${floor.toFixed(0)} ms | — | — | — |`);
out(`| CLI \`dist/cli/index.js check\` | ${cli.toFixed(0)} ms | ${(cli - floor).toFixed(0)} ms | < 300 ms: ${ok(cli < 300)} | ${(dirSize(join(ROOT, 'dist/cli')) / 1048576).toFixed(2)} MB |`);
out(`| action \`dist/action/index.js\` | ${action.toFixed(0)} ms | ${(action - floor).toFixed(0)} ms | < 300 ms: ${ok(action < 300)} | ${(dirSize(join(ROOT, 'dist/action')) / 1048576).toFixed(2)} MB |`);
out('');

// ---------- live ----------
console.error('live runs against the fake Genesys Cloud (50 ms latency)...');
const flat10 = await liveRun(1, 10, 50);
const flat100 = await liveRun(1, 100, 50);
const liveRuns: LiveFigures[] = [];
for (const n of quick ? [1, 10] : [1, 10, 100]) liveRuns.push(await liveRun(n, 50, 50));
const naive = await liveRun(quick ? 1 : 10, 50, 50, true);
const batched = liveRuns.find((r) => r.orgs === naive.orgs)!;
out('## Live (fake Genesys Cloud on 127.0.0.1, 50 ms per request)');
out('');
out('| orgs | resources/org | strategy | calls/org | wall | max requests/min/token | all orgs passed |');
out('| ---: | ---: | --- | ---: | ---: | ---: | --- |');
for (const f of [flat10, flat100, ...liveRuns, naive]) {
  out(`| ${f.orgs} | ${f.flows + Math.max(1, Math.floor(f.flows / 5))} | ${f.naive ? 'naive (one divisionspermitted per resource × permission)' : 'batched'} | ${f.callsPerOrg.toFixed(0)} | ${(f.wallMs / 1000).toFixed(2)} s | ${f.maxPerTokenPerMinute} | ${f.verdictOk} |`);
}
out('');
const hundred = liveRuns.find((r) => r.orgs === 100) ?? liveRuns[liveRuns.length - 1]!;
const ratio = naive.callsPerOrg / batched.callsPerOrg;
out(`Targets: calls per org flat as resources grow 10× (${flat10.callsPerOrg} → ${flat100.callsPerOrg}): ${ok(flat10.callsPerOrg === flat100.callsPerOrg)}; ${hundred.orgs} orgs under 3 s (${(hundred.wallMs / 1000).toFixed(2)} s): ${ok(hundred.wallMs < 3000)}; at least 20× fewer calls than naive (${ratio.toFixed(1)}×): ${ok(ratio >= 20)}; never over 300 requests/minute per token (max ${Math.max(...liveRuns.map((r) => r.maxPerTokenPerMinute))}): ${ok(Math.max(...liveRuns.map((r) => r.maxPerTokenPerMinute)) <= 300)}.`);
out('');

const seconds = (performance.now() - started) / 1000;
const header = [
  '# Benchmark results',
  '',
  `Run ${new Date().toISOString()} with \`npm run bench${quick ? ' -- --quick' : ''}\` (${seconds.toFixed(0)} s in all).`,
  '',
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1073741824).toFixed(0)} GiB, ${osType()} ${release()}; Node ${process.version}.`,
  '',
  'Commands: offline runs `node <ncc bundle of bench/offline-child.ts> RESOURCES ORGS DIR` (one process each); cold start spawns the committed `dist/` bundles; live runs `bench/live.ts` against `test-support/fake-genesys` (see `npx tsx bench/live.ts --help`).',
  '',
];
writeFileSync(join(ROOT, 'bench/RESULTS.md'), [...header, ...lines].join('\n') + '\n');
console.error(`wrote bench/RESULTS.md (${seconds.toFixed(0)} s)`);
rmSync(work, { recursive: true, force: true });
