/**
 * Chooses how grants are read: `offline` (declared principal), `live` (Genesys Cloud, read-only),
 * or `auto` (per org: live where its credentials are present in the environment, else offline).
 */
import type { GrantsReader } from '../engine.js';
import { declaredGrants } from '../engine.js';
import type { Mode } from '../report/model.js';
import type { GenesysClientOptions } from '../genesys/client.js';
import { loadManifest } from '../manifest/load.js';
import { PreflightError } from '../util/errors.js';
import { readCredentials } from './credentials.js';
import type { LiveOptions } from './live.js';

/** Whether an org's credentials call for a live read: all set, or some set (a half-configured secret). */
function wantsLive(c: ReturnType<typeof readCredentials>): boolean {
  return c !== undefined && (!('missing' in c) || c.partial);
}

/** The resolved mode and its grants reader. */
export interface ResolvedMode {
  mode: Mode;
  grants?: GrantsReader;
}

/** Hooks the entry points pass: secret masking, client options, per-org client callback. */
export interface ModeHooks {
  setSecret?: (s: string) => void;
  client?: GenesysClientOptions;
  onClient?: LiveOptions['onClient'];
  /** Benchmark baseline: the naive per-resource strategy (see LiveOptions.naive). */
  naive?: boolean;
}

/**
 * Resolves the requested mode. `auto` reads the manifest's credential names to decide; when the
 * manifest cannot be read, it falls back to offline and the check reports the manifest error.
 */
export function resolveMode(requested: 'auto' | 'offline' | 'live', manifestPath: string, env: NodeJS.ProcessEnv, hooks: ModeHooks = {}): ResolvedMode {
  if (requested === 'offline') return { mode: 'offline' };
  const options: LiveOptions = { env, setSecret: hooks.setSecret ?? (() => {}), ...(hooks.client ? { client: hooks.client } : {}), ...(hooks.onClient ? { onClient: hooks.onClient } : {}), ...(hooks.naive ? { naive: true } : {}) };
  // The HTTP client (undici) loads only when an org is read live: offline runs start faster.
  let reader: GrantsReader | undefined;
  const live: GrantsReader = async (org, index, ctx) => {
    reader ??= (await import('./live.js')).liveGrantsReader(options);
    return reader(org, index, ctx);
  };
  if (requested === 'live') return { mode: 'live', grants: live };
  let anyLive = false;
  try {
    const loaded = loadManifest(manifestPath);
    const single = loaded.manifest.orgs.length === 1;
    anyLive = loaded.manifest.orgs.some((o) => wantsLive(readCredentials(o, env, single, () => {})));
  } catch (e) {
    if (!(e instanceof PreflightError)) throw e;
  }
  const auto: GrantsReader = async (org, index, ctx) => {
    // Live when the org's credentials are set, or half set (then live says which variable is missing).
    const c = readCredentials(org, env, ctx.loaded.manifest.orgs.length === 1, () => {});
    if (wantsLive(c)) return live(org, index, ctx);
    const offline = await declaredGrants(org, index, ctx);
    if (c && 'missing' in c) {
      // A secret that is not set (a fork PR, a renamed secret) must not pass unnoticed as offline.
      offline.findings.push({
        severity: 'warning',
        code: 'unverifiable',
        message: `org ${org.name}: ${c.missing.join(', ')} ${c.missing.length > 1 ? 'are' : 'is'} not set, so only the declared principal was checked (offline), not what Genesys Cloud grants`,
        fix: 'set the credentials from your CI secrets, or use mode: live to make missing credentials an error',
        location: ctx.loaded.locate(['orgs', index, 'credentials']),
      });
    }
    return offline;
  };
  // Offline when no org has credentials set (the auto reader still warns about unset secrets).
  return { mode: anyLive ? 'live' : 'offline', grants: auto };
}
