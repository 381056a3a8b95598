/**
 * `npm run bench`: offline scale, cold start and live figures, each with its target and a
 * pass/fail, printed as tables and written to bench/RESULTS.md with the machine, Node version and
 * commands. Uses only the repo's own dependencies (ncc to bundle the offline runner, the fake
 * Genesys Cloud on 127.0.0.1 for live figures).
 *
 *   npm run bench [-- --quick]      (--quick: smaller matrix, for a smoke run)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { liveRun, type LiveFigures } from './live.js';
import { generateManifest } from './generate.js';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const quick = process.argv.includes('--quick');
const work = mkdtempSync(join(tmpdir(), 'gp-bench-'));
const lines: string[] = [];
const out = (s = '') => {
  console.log(s);
  lines.push(s);
};
const ok = (pass: boolean) => (pass ? 'pass' : '**FAIL**');
/** A markdown table row. */
const row = (cells: Array<string | number | boolean>) => `| ${cells.join(' | ')} |`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const started = performance.now();
const loadStart = loadavg()[0]!;

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
execFileSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    join(ROOT, 'bench/offline-child.ts'),
    '-o',
    runner,
    '-q',
  ],
  { stdio: 'inherit' },
);

const sizes = quick ? [100, 1000] : [100, 1000, 10000];
const orgCounts = quick ? [1, 10] : [1, 10, 100];
const runs: OfflineRun[] = [];
for (const r of sizes) {
  for (const o of orgCounts) {
    const res = spawnSync(
      process.execPath,
      ['--max-old-space-size=4096', join(runner, 'index.js'), String(r), String(o), join(work, 'data')],
      { encoding: 'utf8' },
    );
    if (res.status !== 0) throw new Error(`offline run ${r}×${o} failed: ${res.stderr}`);
    const run = JSON.parse(res.stdout.trim().split('\n').pop()!) as OfflineRun;
    runs.push(run);
    rmSync(join(work, 'data'), { recursive: true, force: true });
    console.error(`offline ${r} resources × ${o} orgs: ${run.totalMs.toFixed(0)} ms`);
  }
}
const stage = (run: OfflineRun, name: string) => run.stages.find((s) => s.stage === name)!;
/** The check: load + check (resources, plan, evaluate) + the reports a run shows (text, job summary, annotations). */
const checkMs = (run: OfflineRun) =>
  stage(run, 'load').ms +
  stage(run, 'check').ms +
  run.reportMs.textMs +
  run.reportMs.markdownMs +
  run.reportMs.annotationsMs;
const peakBeforeJson = (run: OfflineRun) =>
  Math.max(...run.stages.filter((s) => s.stage !== 'report').map((s) => s.peakRssMb));

out('## Offline scale');
out('');
out(
  'Generated manifests (60% flows, 15% schedule groups, 10% scripts, 15% WFM), every resource deployed to every ' +
    'org; one org in three lacks a division grant and a role (findings to report). Each run in its own process, ' +
    'stages timed inside it (diagnostics; the targets below are whole processes); time in ms, peak RSS in MB ' +
    'after each stage. The check stage is `runCheck` (resources, plan, evaluation: orgs with the same principal ' +
    'and resources are evaluated once).',
);
out('');
out(
  row([
    'resources',
    'orgs',
    'requirements',
    'findings',
    'load',
    'check',
    'report (text+summary+annotations)',
    'check total',
    'µs per resource×org',
    'peak RSS',
    'JSON report v3 (without org findings)',
    'JSON write',
  ]),
);
out(row(Array(12).fill('---:')));
for (const run of runs) {
  const rep = run.reportMs.textMs + run.reportMs.markdownMs + run.reportMs.annotationsMs;
  out(
    row([
      run.resources,
      run.orgs,
      run.requirements,
      run.findings,
      stage(run, 'load').ms.toFixed(0),
      stage(run, 'check').ms.toFixed(0),
      rep.toFixed(0),
      checkMs(run).toFixed(0),
      ((checkMs(run) * 1000) / (run.resources * run.orgs)).toFixed(1),
      peakBeforeJson(run).toFixed(0),
      `${mb(run.json)} (${mb(run.jsonTables)})`,
      `${run.reportMs.jsonMs.toFixed(0)} ms, peak ${run.peakRssMb.toFixed(0)} MB`,
    ]),
  );
}
out('');
const target =
  runs.find((r) => r.resources === 10000 && r.orgs === 10) ?? runs.find((r) => r.resources === 1000 && r.orgs === 10)!;
const t1 = checkMs(target) < 1000;
const t2 = peakBeforeJson(target) < 200;
out(
  `Target: ${target.resources} resources × ${target.orgs} orgs under 1 s: ${checkMs(target).toFixed(0)} ms, ${ok(t1)}; under 200 MB: ${peakBeforeJson(target).toFixed(0)} MB, ${ok(t2)}.`,
);
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
out(
  `Growth no worse than linear (10× more resources or orgs may cost at most 15× the time): ${steps.join('; ')}: ${ok(linear)}.`,
);
out('');
// JSON report v3 lists each requirement, call and distinct org finding once: it grows with resources + orgs +
// distinct findings.
const big = runs.find((r) => r.resources === 10000 && r.orgs === 100) ?? runs[runs.length - 1]!;
// Per further org: from the second largest org count (both have orgs of every kind) to the largest.
const small = runs.find((r) => r.resources === big.resources && r.orgs === orgCounts[orgCounts.length - 2]) ?? big;
const perOrg = big.orgs > small.orgs ? (big.json - small.json) / (big.orgs - small.orgs) : 0;
out(
  `JSON report v3 at ${big.resources} resources × ${big.orgs} orgs: ${mb(big.json)} in all ` +
    `(target < 50 MB: ${ok(big.json < 50 * 1048576)}), of which ${mb(big.jsonTables)} for the calls, ` +
    `requirements, resources and orgs and ${mb(big.json - big.jsonTables)} for the distinct findings of its ` +
    `${big.findings} org findings; each org adds ${perOrg.toFixed(0)} bytes. The JSON report v1 listed every ` +
    'requirement per org (3061.8 MB at 10000 × 100, bench run of 2026-11-22); v2 listed every org finding per org ' +
    '(599 MB at 10000 × 100). It is written in pieces (no single string) and measured apart from the check.',
);
out('');

// ---------- whole process ----------
// The targets at partner scale are met by the whole process as a user runs it: the CLI bundle,
// start to exit, the report written.
console.error('bundling the CLI with ncc...');
const cliDir = join(work, 'cli');
execFileSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    join(ROOT, 'src/cli.ts'),
    '-o',
    cliDir,
    '--minify',
    '--no-source-map-register',
    '-q',
  ],
  { stdio: 'inherit' },
);
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
interface WholeRun {
  resources: number;
  orgs: number;
  command: string;
  ms: number;
  peakRssMb: number | undefined;
  /** CPU time (user + system, all threads, GC included), from GNU time. */
  cpuMs: number | undefined;
  json: number;
  exit: number | null;
  /** The wall times of every run of the command (the row shows the median run's figures). */
  walls: number[];
  /** Load average (1 min) when the runs ended. */
  load: number;
}
/** Runs of each whole-process command: the row gives the median one (the machine may be busy). */
const WHOLE_RUNS = 3;
/** Runs the CLI bundle WHOLE_RUNS times on a generated manifest and returns the run of median wall time. */
function whole(resources: number, orgs: number, toStdout: boolean): WholeRun {
  const dir = mkdtempSync(join(work, 'whole-'));
  const manifest = join(dir, 'big.yml');
  writeFileSync(manifest, generateManifest(resources, orgs));
  const runs = Array.from({ length: WHOLE_RUNS }, () => wholeOnce(dir, manifest, resources, orgs, toStdout));
  rmSync(dir, { recursive: true, force: true });
  const walls = runs.map((r) => r.ms);
  const run = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
  return { ...run, walls, load: loadavg()[0]! };
}
/** One run: wall time from spawn to exit, CPU time and peak RSS from GNU time (-f %U %S %M). */
function wholeOnce(
  dir: string,
  manifest: string,
  resources: number,
  orgs: number,
  toStdout: boolean,
): Omit<WholeRun, 'walls' | 'load'> {
  const report = join(dir, 'r.json');
  const args = ['check', '--manifest', manifest, '--mode', 'offline', '--format', 'json'];
  if (!toStdout) args.push('--output', report);
  const node = [process.execPath, join(cliDir, 'index.js'), ...args];
  const stdout = toStdout ? openSync(report, 'w') : 'ignore';
  const stdio: ['ignore', number | 'ignore', 'pipe'] = ['ignore', stdout, 'pipe'];
  const t0 = performance.now();
  const res = gnuTime
    ? spawnSync(gnuTime, ['-f', '%U %S %M', '-o', join(dir, 'time'), ...node], { stdio })
    : spawnSync(node[0]!, node.slice(1), { stdio });
  const ms = performance.now() - t0;
  if (typeof stdout === 'number') closeSync(stdout);
  // GNU time's last line (a line before it says when the command exited non-zero)
  const times = gnuTime ? readFileSync(join(dir, 'time'), 'utf8').trim().split('\n').pop()! : '';
  const [user, sys, maxKb] = gnuTime ? times.split(' ').map(Number) : [];
  const shown = args.join(' ').replace(manifest, 'big.yml').replace(report, 'r.json');
  const run: Omit<WholeRun, 'walls' | 'load'> = {
    resources,
    orgs,
    ms,
    peakRssMb: maxKb === undefined ? undefined : maxKb / 1024,
    cpuMs: user === undefined ? undefined : (user + sys!) * 1000,
    json: statSync(report).size,
    exit: res.status,
    command: `node <ncc bundle of src/cli.ts> ${shown}${toStdout ? ' > r.json' : ''}`,
  };
  rmSync(report, { force: true });
  console.error(`whole process ${resources} × ${orgs}${toStdout ? ' (stdout)' : ''}: ${ms.toFixed(0)} ms`);
  return run;
}
const wholeRuns: WholeRun[] = [];
const wholeSizes = quick
  ? [
      [1000, 10],
      [1000, 100],
    ]
  : [
      [10000, 10],
      [10000, 100],
    ];
for (const [r, o] of wholeSizes) wholeRuns.push(whole(r!, o!, false), whole(r!, o!, true));
out('## Whole process (the CLI as a user runs it)');
out('');
out(
  `Generated manifests as above; \`${wholeRuns[0]!.command}\`, start to exit (Node's start, loading, the check, ` +
    'the text report on standard output, the JSON report written), and the same with the JSON report on standard ' +
    `output. Each command runs ${WHOLE_RUNS} times: the row is the run of median wall time (all the wall times ` +
    'in brackets), with its CPU time (user + system, every thread) and peak RSS from GNU time, and the load ' +
    'average (1 min) after the runs. Exit 1: the generated orgs lack grants, as intended.',
);
out('');
out(row(['resources', 'orgs', 'command', 'wall (median)', 'CPU', 'peak RSS', 'JSON report', 'exit', 'load']));
out(row(['---:', '---:', '---', '---:', '---:', '---:', '---:', '---:', '---:']));
const seconds2 = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (m: number | undefined) => (m === undefined ? 'n/a' : `${m.toFixed(0)} MB`);
for (const w of wholeRuns) {
  const command = `\`${w.command.replace(/^node <ncc bundle of src\/cli.ts> /, '')}\``;
  const rss = megabytes(w.peakRssMb);
  const wall = `${seconds2(w.ms)} (${w.walls.map((x) => (x / 1000).toFixed(2)).join(', ')})`;
  out(row([w.resources, w.orgs, command, wall, seconds2(w.cpuMs), rss, mb(w.json), `${w.exit}`, w.load.toFixed(1)]));
}
out('');
const target100 =
  wholeRuns.find((w) => w.orgs === 100 && !w.command.endsWith('> r.json')) ?? wholeRuns[wholeRuns.length - 2]!;
const rssOk = target100.peakRssMb === undefined ? 'not measured' : ok(target100.peakRssMb < 600);
out(
  `Targets at ${target100.resources} resources × ${target100.orgs} orgs (\`--output r.json\`): ` +
    `under 3 s: ${seconds2(target100.ms)}, ${ok(target100.ms < 3000)}; ` +
    `under 600 MB: ${megabytes(target100.peakRssMb)}, ${rssOk}; ` +
    `JSON report under 50 MB: ${mb(target100.json)}, ${ok(target100.json < 50 * 1048576)}.`,
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
const cli = timeCommand(
  [join(ROOT, 'dist/cli/index.js'), 'check', '--manifest', 'examples/genesys-preflight.yml'],
  baseEnv,
  N,
);
const actionDir = mkdtempSync(join(work, 'runner-'));
writeFileSync(join(actionDir, 'out'), '');
writeFileSync(join(actionDir, 'summary'), '');
const action = timeCommand(
  [join(ROOT, 'dist/action/index.js')],
  {
    ...baseEnv,
    INPUT_MANIFEST: 'examples/genesys-preflight.yml',
    INPUT_MODE: 'offline',
    INPUT_COMMENT: 'never',
    GITHUB_OUTPUT: join(actionDir, 'out'),
    GITHUB_STEP_SUMMARY: join(actionDir, 'summary'),
    RUNNER_TEMP: actionDir,
  },
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
out(
  `| CLI \`dist/cli/index.js check\` | ${cli.toFixed(0)} ms | ${(cli - floor).toFixed(0)} ms | < 300 ms: ${ok(cli < 300)} | ${(dirSize(join(ROOT, 'dist/cli')) / 1048576).toFixed(2)} MB |`,
);
out(
  `| action \`dist/action/index.js\` | ${action.toFixed(0)} ms | ${(action - floor).toFixed(0)} ms | < 300 ms: ${ok(action < 300)} | ${(dirSize(join(ROOT, 'dist/action')) / 1048576).toFixed(2)} MB |`,
);
out('');

// ---------- live ----------
console.error('live runs against the fake Genesys Cloud (50 ms latency)...');
const flat10 = await liveRun(1, 10, 50);
const flat100 = await liveRun(1, 100, 50);
const liveRuns: LiveFigures[] = [];
for (const n of quick ? [1, 10] : [1, 10, 100]) liveRuns.push(await liveRun(n, 50, 50));
const naive = await liveRun(quick ? 1 : 10, 50, 50, true);
const batched = liveRuns.find((r) => r.orgs === naive.orgs)!;
// Partner scale: 300 orgs with their own OAuth clients, and 300 orgs 10 to a client (one token per client).
const partnerOrgs = quick ? 30 : 300;
const partner = [await liveRun(partnerOrgs, 10, 50), await liveRun(partnerOrgs, 10, 50, false, false, 10)];
out('## Live (fake Genesys Cloud on 127.0.0.1 in a worker thread, 50 ms per request)');
out('');
out(
  'Runs `runCheck` with 32 orgs at a time (the CLI and the action default to 16) against ' +
    '`test-support/fake-genesys`, answering from its own thread (bench/fake-worker.ts).',
);
out('');
out(
  row([
    'orgs',
    'resources/org',
    'strategy',
    'OAuth clients (token requests)',
    'calls/org',
    'wall',
    'max requests/min/token',
    'all orgs passed',
  ]),
);
out(row(['---:', '---:', '---', '---', '---:', '---:', '---:', '---']));
for (const f of [flat10, flat100, ...liveRuns, naive, ...partner]) {
  const clients =
    f.orgsPerClient > 1
      ? `${f.orgs / f.orgsPerClient}, ${f.orgsPerClient} orgs each (${f.tokenRequests})`
      : `one per org (${f.tokenRequests})`;
  const strategy = f.naive ? 'naive (one divisionspermitted per resource × permission)' : 'batched';
  const resources = f.flows + Math.max(1, Math.floor(f.flows / 5));
  out(
    row([
      f.orgs,
      resources,
      strategy,
      clients,
      f.callsPerOrg.toFixed(0),
      `${(f.wallMs / 1000).toFixed(2)} s`,
      f.maxPerTokenPerMinute,
      f.verdictOk,
    ]),
  );
}
out('');
const hundred = liveRuns.find((r) => r.orgs === 100) ?? liveRuns[liveRuns.length - 1]!;
const ratio = naive.callsPerOrg / batched.callsPerOrg;
const batchedMax = Math.max(...[...liveRuns, ...partner].map((r) => r.maxPerTokenPerMinute));
out(
  `Targets: calls per org flat as resources grow 10× (${flat10.callsPerOrg} → ${flat100.callsPerOrg}): ` +
    `${ok(flat10.callsPerOrg === flat100.callsPerOrg)}; ${hundred.orgs} orgs under 3 s ` +
    `(${(hundred.wallMs / 1000).toFixed(2)} s): ${ok(hundred.wallMs < 3000)}; at least 20× fewer calls than naive ` +
    `(${ratio.toFixed(1)}×): ${ok(ratio >= 20)}; never over 300 requests/minute per token (max ${batchedMax}): ` +
    `${ok(batchedMax <= 300)}.`,
);
out('');
const partnerText = (f: LiveFigures) =>
  `${f.orgsPerClient > 1 ? `${f.orgsPerClient} orgs per client` : 'a client per org'} ` +
  `${(f.wallMs / 1000).toFixed(2)} s, max ${f.maxPerTokenPerMinute}/min/token: ` +
  ok(f.wallMs < 10_000 && f.verdictOk && f.maxPerTokenPerMinute <= 280);
out(
  `Partner scale: ${partnerOrgs} orgs under 10 s, verdicts right, and under the per-token budget the client ` +
    `enforces (280 requests/min): ${partner.map(partnerText).join('; ')}. Command: ` +
    `\`npx tsx bench/live.ts --orgs ${partnerOrgs} --flows 10 --latency 50 [--orgs-per-client 10]\`.`,
);
out('');

const seconds = (performance.now() - started) / 1000;
const header = [
  '# Benchmark results',
  '',
  `Run ${new Date().toISOString()} with \`npm run bench${quick ? ' -- --quick' : ''}\` (${seconds.toFixed(0)} s in all).`,
  '',
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1073741824).toFixed(0)} GiB, ${osType()} ${release()}; Node ${process.version}.`,
  '',
  `Load average (1 min) at the start and the end: ${loadStart.toFixed(1)} and ${loadavg()[0]!.toFixed(1)} on ` +
    `${cpus().length} cores (other work on the machine slows every figure; \`node -e 0\` below shows by how much).`,
  '',
  'Commands: offline stages run `node <ncc bundle of bench/offline-child.ts> RESOURCES ORGS DIR` (one process ' +
    'each); the whole-process rows run `node <ncc bundle of src/cli.ts> check --manifest big.yml --mode offline ' +
    '--format json --output r.json` on a manifest from `npx tsx bench/make-manifest.ts RESOURCES ORGS big.yml`; ' +
    'cold start spawns the committed `dist/` bundles; live runs `bench/live.ts` against `test-support/fake-genesys` ' +
    '(`npx tsx bench/live.ts --orgs 300 --flows 10 --latency 50`).',
  '',
];
writeFileSync(join(ROOT, 'bench/RESULTS.md'), [...header, ...lines].join('\n') + '\n');
console.error(`wrote bench/RESULTS.md (${seconds.toFixed(0)} s)`);
rmSync(work, { recursive: true, force: true });
