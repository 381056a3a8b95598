/**
 * Live-mode figures against the fake Genesys Cloud with a fixed latency per request:
 * API calls per org, wall time, requests per minute per token, batched vs naive strategy.
 *
 *   npx tsx bench/live.ts [--orgs 1,10,50] [--flows 10] [--latency 50] [--naive]
 */
import { performance } from 'node:perf_hooks';
import { startFakeGenesys } from '../src/genesys/fake/index.js';
import { runCheck } from '../src/engine.js';
import { resolveMode } from '../src/grants/mode.js';
import { catalogRequirements, fakeOrgs, scenarioEnv, writeScenarioManifest, type ScenarioOrg, type ScenarioRole } from '../__tests__/support/scenario.js';

const ROLES: ScenarioRole[] = [
  { name: 'Flow Deployer', permissions: ['architect:flow:*', 'architect:job:*'] },
  { name: 'Ops', permissions: ['routing:scheduleGroup:*', 'scripter:*:*'] },
];

/** Result of one live run. */
export interface LiveFigures {
  orgs: number;
  flows: number;
  latencyMs: number;
  naive: boolean;
  wallMs: number;
  callsPerOrg: number;
  /** Highest number of requests one token sent in any 60 s window (extrapolated from the run). */
  maxPerTokenPerMinute: number;
  verdictOk: boolean;
}

/** Runs the live check of `orgCount` orgs × `flows` flows on a fresh fake. */
export async function liveRun(orgCount: number, flows: number, latencyMs: number, naive = false): Promise<LiveFigures> {
  const orgs: ScenarioOrg[] = Array.from({ length: orgCount }, (_, i) => ({
    name: `org${i}`,
    orgId: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
    roles: [{ role: 'Flow Deployer', divisions: ['*'] }, { role: 'Ops', divisions: ['Home'] }],
  }));
  const fakes = fakeOrgs(orgs, ROLES);
  const fake = await startFakeGenesys({ orgs: fakes, requirements: catalogRequirements, latencyMs });
  try {
    const schedule = Array.from({ length: Math.max(1, Math.floor(flows / 5)) }, (_, i) => `  - {name: Group ${i}}`).join('\n');
    const manifest = writeScenarioManifest(fake.apiBase, orgs, ROLES, { flows, declare: false, extra: `scheduleGroups:\n${schedule}` });
    const counts: number[] = [];
    // The naive baseline would stall on the per-token budget (280/min); lift it to measure its calls and speed.
    const mode = resolveMode('live', manifest, scenarioEnv(fakes, orgs), { onClient: (_o, c) => counts.push(c.requestCount), naive, ...(naive ? { client: { requestsPerWindow: 1_000_000 } } : {}) });
    const t0 = performance.now();
    const report = await runCheck({ manifestPath: manifest, mode: mode.mode, grants: mode.grants!, concurrency: 32 });
    const wallMs = performance.now() - t0;
    let maxPerMinute = 0;
    for (const t of fake.issuedTokens()) {
      const times = fake.requestTimesForToken(t).sort((a, b) => a - b);
      // requests inside any 60 s window; a run shorter than 60 s puts them all in one window
      let j = 0;
      for (let i = 0; i < times.length; i++) {
        while (times[i]! - times[j]! > 60_000) j++;
        maxPerMinute = Math.max(maxPerMinute, i - j + 1);
      }
    }
    return {
      orgs: orgCount,
      flows,
      latencyMs,
      naive,
      wallMs,
      callsPerOrg: counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length),
      maxPerTokenPerMinute: maxPerMinute,
      verdictOk: report.orgs.length === orgCount && report.orgs.every((o) => o.passed),
    };
  } finally {
    await fake.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
  const orgCounts = arg('orgs', '1,10,50').split(',').map(Number);
  const flows = Number(arg('flows', '10'));
  const latency = Number(arg('latency', '50'));
  console.log('| orgs | flows/org | strategy | calls/org | wall (s) | max req/min/token | all passed |');
  console.log('| ---: | ---: | --- | ---: | ---: | ---: | --- |');
  for (const n of orgCounts) {
    for (const naive of process.argv.includes('--naive') ? [false, true] : [false]) {
      const f = await liveRun(n, flows, latency, naive);
      console.log(`| ${f.orgs} | ${f.flows} | ${naive ? 'naive' : 'batched'} | ${f.callsPerOrg.toFixed(0)} | ${(f.wallMs / 1000).toFixed(2)} | ${f.maxPerTokenPerMinute} | ${f.verdictOk} |`);
    }
  }
}
