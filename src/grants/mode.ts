/**
 * Chooses how grants are read: `offline` (declared principal), `live` (Genesys Cloud, read-only),
 * or `auto` (live where the org's credentials are present in the environment, else offline).
 */
import type { GrantsReader } from '../engine.js';
import type { Mode } from '../report/model.js';

/** The resolved mode and, for live, the grants reader. */
export interface ResolvedMode {
  mode: Mode;
  grants?: GrantsReader;
}

/** Resolves the requested mode. Live mode is added by the live grants reader (src/grants/live.ts). */
export function resolveMode(requested: 'auto' | 'offline' | 'live', _manifestPath: string, _env: NodeJS.ProcessEnv, _hooks: { setSecret?: (s: string) => void } = {}): ResolvedMode {
  if (requested === 'live') throw new Error('live mode is not available yet');
  return { mode: 'offline' };
}
