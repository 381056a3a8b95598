/**
 * Genesys Cloud regions: region id → base host, and resolution of what users type
 * (a region id, a host, `api.HOST` / `login.HOST`, or an https URL).
 *
 * Source: Genesys Cloud Developer Center, "Platform API → Regions/URLs"
 * (https://developer.genesys.cloud/platform/api/), the AWS region id of each
 * deployment and its login/API hosts `login.{host}` / `api.{host}`.
 */

/** One Genesys Cloud region: AWS-style id and the base host the login/API hosts hang off. */
export interface GenesysRegion {
  /** AWS-style region id, e.g. `us-east-1`. */
  id: string;
  /** Base host, e.g. `mypurecloud.com` (API at `api.{host}`, login at `login.{host}`). */
  host: string;
}

/** A region resolved to concrete base URLs (no trailing slash). */
export interface ResolvedRegion extends GenesysRegion {
  /** `https://login.{host}` — where `POST /oauth/token` lives. */
  loginBase: string;
  /** `https://api.{host}` — where `/api/v2/...` lives. */
  apiBase: string;
}

/** Every public Genesys Cloud region (id → host), in the order Genesys lists them. */
export const REGIONS: readonly GenesysRegion[] = Object.freeze(
  [
    { id: 'us-east-1', host: 'mypurecloud.com' },
    { id: 'eu-west-1', host: 'mypurecloud.ie' },
    { id: 'ap-southeast-2', host: 'mypurecloud.com.au' },
    { id: 'ap-northeast-1', host: 'mypurecloud.jp' },
    { id: 'eu-central-1', host: 'mypurecloud.de' },
    { id: 'us-west-2', host: 'usw2.pure.cloud' },
    { id: 'ca-central-1', host: 'cac1.pure.cloud' },
    { id: 'ap-northeast-2', host: 'apne2.pure.cloud' },
    { id: 'eu-west-2', host: 'euw2.pure.cloud' },
    { id: 'ap-south-1', host: 'aps1.pure.cloud' },
    { id: 'us-east-2', host: 'use2.us-gov-pure.cloud' },
    { id: 'sa-east-1', host: 'sae1.pure.cloud' },
    { id: 'me-central-1', host: 'mec1.pure.cloud' },
    { id: 'ap-northeast-3', host: 'apne3.pure.cloud' },
    { id: 'eu-central-2', host: 'euc2.pure.cloud' },
    { id: 'mx-central-1', host: 'mxc1.pure.cloud' },
    { id: 'ap-southeast-1', host: 'apse1.pure.cloud' },
  ].map((r) => Object.freeze(r)),
);

function toResolved(region: GenesysRegion): ResolvedRegion {
  return {
    id: region.id,
    host: region.host,
    loginBase: `https://login.${region.host}`,
    apiBase: `https://api.${region.host}`,
  };
}

/** Lower-cases, trims, strips a scheme, path, port and trailing dot: `https://api.X/path` → `api.x`. */
function normalizeHostInput(input: string): string {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/[/?#].*$/, '');
  s = s.replace(/:\d+$/, '');
  s = s.replace(/\.$/, '');
  return s;
}

/**
 * Resolves what a user wrote to a region.
 *
 * Accepts a region id (`us-east-1`), a base host (`mypurecloud.com`), `api.HOST` or
 * `login.HOST`, or an URL (`https://api.mypurecloud.ie/api/v2`). Case and surrounding
 * spaces are ignored. Returns `undefined` for anything else (see {@link suggestRegion}).
 */
export function resolveRegion(input: string): ResolvedRegion | undefined {
  if (typeof input !== 'string') return undefined;
  const raw = input.trim().toLowerCase();
  if (!raw) return undefined;
  const byId = REGIONS.find((r) => r.id === raw);
  if (byId) return toResolved(byId);
  let host = normalizeHostInput(raw);
  host = host.replace(/^(api|login|apps)\./, '');
  const byHost = REGIONS.find((r) => r.host === host);
  return byHost ? toResolved(byHost) : undefined;
}

/** Levenshtein distance (small inputs only). */
function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * Did-you-mean for an unresolvable region: the closest region id or host (whichever
 * form the input looks like), or `undefined` when nothing is reasonably close.
 * Examples: `us-east1` → `us-east-1`; `mypurecloud.co` → `mypurecloud.com`;
 * `api.mypurecloud.i` → `mypurecloud.ie`.
 */
export function suggestRegion(input: string): string | undefined {
  if (typeof input !== 'string' || !input.trim()) return undefined;
  if (resolveRegion(input)) return undefined;
  const raw = input.trim().toLowerCase();
  const host = normalizeHostInput(raw).replace(/^(api|login|apps)\./, '');
  const looksLikeHost = host.includes('.');
  let best: { value: string; d: number } | undefined;
  for (const r of REGIONS) {
    const candidates: Array<[string, string]> = looksLikeHost
      ? [[r.host, host]]
      : [
          [r.id, raw],
          [r.host, host],
        ];
    for (const [value, probe] of candidates) {
      const d = editDistance(probe, value);
      if (!best || d < best.d) best = { value, d };
    }
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.floor(best.value.length / 4));
  return best.d <= limit ? best.value : undefined;
}
