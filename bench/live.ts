/**
 * Live-mode figures against the fake Genesys Cloud with a fixed latency per request:
 * API calls per org, wall time, requests per minute per token, batched vs naive strategy.
 *
 *   npx tsx bench/live.ts [--orgs 1,10,50] [--flows 10] [--latency 50] [--naive]
 *                         [--shared-client | --orgs-per-client K]
 *
 * `--shared-client`: every org uses the same OAuth client (one Genesys org declared N times), so
 * the orgs share one token request and one request budget. `--orgs-per-client K`: each run of K
 * consecutive orgs shares one client (one Genesys org declared K times, all with its orgId, as the
 * crossed-credentials rule asks), so N orgs make ceil(N / K) token requests.
 */
import { performance } from 'node:perf_hooks';
import { runCheck } from '../src/engine.js';
import { resolveMode } from '../src/grants/mode.js';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { FakeOrg } from '../test-support/fake-genesys/index.js';
import type { FakeStats } from './fake-worker.js';
import {
  envNames,
  fakeOrgs,
  scenarioEnv,
  writeScenarioManifest,
  type ScenarioOrg,
  type ScenarioRole,
} from '../__tests__/support/scenario.js';

// Archy runs on the Architect Scripting session, which needs architect:ui:view (src/plan: the Archy plan).
const ROLES: ScenarioRole[] = [
  { name: 'Flow Deployer', permissions: ['architect:ui:view', 'architect:flow:*', 'architect:job:*'] },
  { name: 'Ops', permissions: ['routing:scheduleGroup:*', 'scripter:*:*'] },
];

/** Starts bench/fake-worker.ts in a worker thread, TypeScript loaded through tsx as in the bench itself. */
const FAKE_WORKER = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
  new URL('./fake-worker.ts', import.meta.url).href,
)}); });`;

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
  /** `POST /oauth/token` requests the fake received. */
  tokenRequests: number;
  /** Every org used one OAuth client. */
  sharedClient: boolean;
  /** Orgs per OAuth client (1: each its own; `orgs` when shared by all). */
  orgsPerClient: number;
}

/**
 * Runs the live check of `orgCount` orgs × `flows` flows on a fresh fake. `sharedClient`: every org
 * uses one OAuth client; `orgsPerClient` (when not shared): runs of that many orgs share one.
 */
export async function liveRun(
  orgCount: number,
  flows: number,
  latencyMs: number,
  naive = false,
  sharedClient = false,
  orgsPerClient = 1,
): Promise<LiveFigures> {
  const perClient = sharedClient ? Math.max(1, orgCount) : Math.max(1, Math.floor(orgsPerClient));
  const orgs: ScenarioOrg[] = Array.from({ length: orgCount }, (_, i) => ({
    name: `org${i}`,
    orgId: `${String(Math.floor(i / perClient)).padStart(8, '0')}-0000-4000-8000-000000000000`,
    roles: [
      { role: 'Flow Deployer', divisions: ['*'] },
      { role: 'Ops', divisions: ['Home'] },
    ],
  }));
  // One fake org and client per run of `perClient` orgs; each manifest org reads its client's values
  // under its own variable names.
  const fakes = fakeOrgs(
    orgs.filter((_, i) => i % perClient === 0),
    ROLES,
  );
  const env = perClient === 1 ? scenarioEnv(fakes, orgs) : clientEnv(fakes, orgs, perClient);
  // The fake answers from a worker thread (bench/fake-worker.ts), as Genesys Cloud answers from elsewhere.
  const worker = new Worker(FAKE_WORKER, { eval: true, workerData: { orgs: fakes, latencyMs } });
  const [{ apiBase }] = (await once(worker, 'message')) as [{ apiBase: string }];
  try {
    const schedule = Array.from(
      { length: Math.max(1, Math.floor(flows / 5)) },
      (_, i) => `  - {name: Group ${i}}`,
    ).join('\n');
    const manifest = writeScenarioManifest(apiBase, orgs, ROLES, {
      flows,
      declare: false,
      extra: `scheduleGroups:\n${schedule}`,
    });
    const counts: number[] = [];
    // The naive baseline would stall on the per-token budget (280/min); lift it to measure its calls and speed.
    const mode = resolveMode('live', manifest, env, {
      onClient: (_o, c) => counts.push(c.requestCount),
      naive,
      ...(naive ? { client: { requestsPerWindow: 1_000_000 } } : {}),
    });
    const t0 = performance.now();
    const report = await runCheck({ manifestPath: manifest, mode: mode.mode, grants: mode.grants!, concurrency: 32 });
    const wallMs = performance.now() - t0;
    worker.postMessage('stats');
    const [stats] = (await once(worker, 'message')) as [FakeStats];
    let maxPerMinute = 0;
    for (const unsorted of stats.tokenTimes) {
      const times = unsorted.sort((a, b) => a - b);
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
      tokenRequests: stats.tokenRequests,
      sharedClient,
      orgsPerClient: perClient,
    };
  } finally {
    worker.postMessage('close');
    await once(worker, 'exit');
  }
}

/** The environment giving org i of `orgs` the client of fake i / perClient (GENESYS_<ORG>_CLIENT_ID/_SECRET). */
function clientEnv(fakes: FakeOrg[], orgs: ScenarioOrg[], perClient: number): Record<string, string> {
  const env: Record<string, string> = { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' };
  orgs.forEach((o, i) => {
    const n = envNames(o.name);
    const client = fakes[Math.floor(i / perClient)]!.clients[0]!;
    env[n.id] = client.clientId;
    env[n.secret] = client.clientSecret;
  });
  return env;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (n: string, d: string) =>
    process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d;
  const orgCounts = arg('orgs', '1,10,50').split(',').map(Number);
  const flows = Number(arg('flows', '10'));
  const latency = Number(arg('latency', '50'));
  const shared = process.argv.includes('--shared-client');
  const perClient = Number(arg('orgs-per-client', '1'));
  const head = ['orgs', 'flows/org', 'strategy', 'client', 'calls/org', 'token requests', 'wall (s)'];
  head.push('max req/min/token', 'all passed');
  console.log(`| ${head.join(' | ')} |`);
  console.log('| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const n of orgCounts) {
    for (const naive of process.argv.includes('--naive') ? [false, true] : [false]) {
      const f = await liveRun(n, flows, latency, naive, shared, perClient);
      const strategy = naive ? 'naive' : 'batched';
      const client = shared ? 'shared' : f.orgsPerClient > 1 ? `${f.orgsPerClient} orgs each` : 'per org';
      const cells: Array<string | number | boolean> = [f.orgs, f.flows, strategy, client];
      cells.push(f.callsPerOrg.toFixed(1));
      cells.push(f.tokenRequests, (f.wallMs / 1000).toFixed(2), f.maxPerTokenPerMinute, f.verdictOk);
      console.log(`| ${cells.join(' | ')} |`);
    }
  }
}
