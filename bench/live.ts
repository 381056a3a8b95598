/**
 * Live-mode figures against the fake Genesys Cloud with a fixed latency per request:
 * API calls per org, wall time, requests per minute per token, batched vs naive strategy.
 *
 *   npx tsx bench/live.ts [--orgs 1,10,50] [--flows 10] [--latency 50] [--naive] [--shared-client]
 *
 * `--shared-client`: every org uses the same OAuth client (one Genesys org declared N times), so
 * the orgs share one token request and one request budget.
 */
import { performance } from 'node:perf_hooks';
import { runCheck } from '../src/engine.js';
import { resolveMode } from '../src/grants/mode.js';
import { startFakeGenesys, type FakeOrg } from '../test-support/fake-genesys/index.js';
import {
  catalogRequirements,
  envNames,
  fakeOrgs,
  scenarioEnv,
  writeScenarioManifest,
  type ScenarioOrg,
  type ScenarioRole,
} from '../__tests__/support/scenario.js';

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
  /** `POST /oauth/token` requests the fake received. */
  tokenRequests: number;
  /** Every org used one OAuth client. */
  sharedClient: boolean;
}

/** Runs the live check of `orgCount` orgs × `flows` flows on a fresh fake. */
export async function liveRun(
  orgCount: number,
  flows: number,
  latencyMs: number,
  naive = false,
  sharedClient = false,
): Promise<LiveFigures> {
  const orgs: ScenarioOrg[] = Array.from({ length: orgCount }, (_, i) => ({
    name: `org${i}`,
    orgId: `${String(sharedClient ? 0 : i).padStart(8, '0')}-0000-4000-8000-000000000000`,
    roles: [{ role: 'Flow Deployer', divisions: ['*'] }, { role: 'Ops', divisions: ['Home'] }],
  }));
  // Shared: one fake org and client; every manifest org reads the same values under its own variable names.
  const fakes = fakeOrgs(sharedClient ? orgs.slice(0, 1) : orgs, ROLES);
  const env = sharedClient ? sharedEnv(fakes[0]!, orgs) : scenarioEnv(fakes, orgs);
  const fake = await startFakeGenesys({ orgs: fakes, requirements: catalogRequirements, latencyMs });
  try {
    const schedule = Array.from({ length: Math.max(1, Math.floor(flows / 5)) }, (_, i) => `  - {name: Group ${i}}`).join('\n');
    const manifest = writeScenarioManifest(fake.apiBase, orgs, ROLES, { flows, declare: false, extra: `scheduleGroups:\n${schedule}` });
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
      tokenRequests: fake.calls.filter((c) => c.method === 'POST' && c.path === '/oauth/token').length,
      sharedClient,
    };
  } finally {
    await fake.close();
  }
}

/** The environment giving every org in `orgs` the client of `fake` (GENESYS_<ORG>_CLIENT_ID/_SECRET). */
function sharedEnv(fake: FakeOrg, orgs: ScenarioOrg[]): Record<string, string> {
  const env: Record<string, string> = { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' };
  for (const o of orgs) {
    const n = envNames(o.name);
    env[n.id] = fake.clients[0]!.clientId;
    env[n.secret] = fake.clients[0]!.clientSecret;
  }
  return env;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
  const orgCounts = arg('orgs', '1,10,50').split(',').map(Number);
  const flows = Number(arg('flows', '10'));
  const latency = Number(arg('latency', '50'));
  const shared = process.argv.includes('--shared-client');
  const head = ['orgs', 'flows/org', 'strategy', 'client', 'calls/org', 'token requests', 'wall (s)'];
  head.push('max req/min/token', 'all passed');
  console.log(`| ${head.join(' | ')} |`);
  console.log('| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const n of orgCounts) {
    for (const naive of process.argv.includes('--naive') ? [false, true] : [false]) {
      const f = await liveRun(n, flows, latency, naive, shared);
      const strategy = naive ? 'naive' : 'batched';
      const cells: Array<string | number | boolean> = [f.orgs, f.flows, strategy, shared ? 'shared' : 'per org'];
      cells.push(f.callsPerOrg.toFixed(1));
      cells.push(f.tokenRequests, (f.wallMs / 1000).toFixed(2), f.maxPerTokenPerMinute, f.verdictOk);
      console.log(`| ${cells.join(' | ')} |`);
    }
  }
}
