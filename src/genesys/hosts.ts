/**
 * Where the tool may send credentials or fetch the catalog from: the https `api.` and `login.`
 * hosts of the Genesys Cloud regions, and hosts the operator names in GENESYS_PREFLIGHT_ALLOW_HOSTS
 * (comma separated; loopback too must be named, e.g. `127.0.0.1` for the fake in tests). Named
 * hosts need https, except loopback. A manifest edited in a pull request can therefore not send
 * a secret anywhere else.
 */
import { REGIONS } from './regions.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** True when `base` (a URL) may receive credentials. */
export function allowedHost(base: string, env: NodeJS.ProcessEnv): boolean {
  let u: URL;
  try {
    u = new URL(base);
  } catch {
    return false;
  }
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (u.protocol === 'https:' && REGIONS.some((r) => host === `api.${r.host}` || host === `login.${r.host}`))
    return true;
  const named = (env.GENESYS_PREFLIGHT_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (!named.includes(host)) return false;
  return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(host));
}
