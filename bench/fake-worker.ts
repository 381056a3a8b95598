/**
 * The fake Genesys Cloud (test-support/fake-genesys) in a worker thread, for bench/live.ts: the
 * server answers on its own thread, as Genesys Cloud answers on its own machines, so the live
 * figures time the checker rather than the fake's own work in the checker's event loop.
 *
 * Messages: in `{ orgs, latencyMs }` (workerData) → out `{ apiBase }`; in `'stats'` → out
 * `{ tokenRequests, tokenTimes }` (per issued token, its API requests' arrival times); in `'close'`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeGenesys, type FakeOrg } from '../test-support/fake-genesys/index.js';
import { catalogRequirements } from '../__tests__/support/scenario.js';

/** What the worker reports at the end of a run. */
export interface FakeStats {
  tokenRequests: number;
  tokenTimes: number[][];
}

const { orgs, latencyMs } = workerData as { orgs: FakeOrg[]; latencyMs: number };
const fake = await startFakeGenesys({ orgs, requirements: catalogRequirements, latencyMs });
parentPort!.postMessage({ apiBase: fake.apiBase });
parentPort!.on('message', (m: unknown) => {
  if (m === 'stats') {
    const stats: FakeStats = {
      tokenRequests: fake.calls.filter((c) => c.method === 'POST' && c.path === '/oauth/token').length,
      tokenTimes: fake.issuedTokens().map((t) => fake.requestTimesForToken(t)),
    };
    parentPort!.postMessage(stats);
  } else if (m === 'close') {
    void fake.close().then(() => parentPort!.close());
  }
});
