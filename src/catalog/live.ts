/**
 * `catalog: live`: the operation catalog read from the org's own region, `GET
 * https://api.{host}/api/v2/docs/swagger` (the public Platform API swagger: no token, read-only).
 * The request goes through the run's network (genesys/transport.ts `runNetwork`: the proxy
 * variables of the environment, one dispatcher shared with the live grants reader).
 */
import { request } from 'undici';
import { Catalog } from './catalog.js';
import { extraScopes, extraVocabulary } from './bundled.js';
import { operationsFromSwagger, type Swagger } from './swagger.js';
import { PreflightError, fatal } from '../util/errors.js';
import type { SourceLocation } from '../types.js';
import { ProxyConfigError, proxyRefusalStatus, readOnlyGuard, runNetwork, type Network } from '../genesys/transport.js';

/** Options of {@link liveCatalog}. */
export interface LiveCatalogOptions {
  /** The run's environment (proxy variables); default `process.env`, as for the live grants of a CLI or action run. */
  env?: NodeJS.ProcessEnv;
  /** The run's network; default `runNetwork(env)`. */
  network?: Network;
}

/** `text` with every proxy secret of `network` replaced (defence in depth: undici's messages carry none). */
function scrub(text: string, network: Network): string {
  let out = text;
  for (const s of network.secrets) out = out.split(s).join('***');
  return out;
}

/** Reads and converts the live swagger. Throws PreflightError (exit 2) with the reason when it cannot. */
export async function liveCatalog(
  apiBase: string,
  at: SourceLocation,
  timeoutMs = 30_000,
  options: LiveCatalogOptions = {},
): Promise<Catalog> {
  const url = `${apiBase.replace(/\/+$/, '')}/api/v2/docs/swagger`;
  const host = new URL(url).host;
  let network: Network;
  try {
    network = options.network ?? runNetwork(options.env ?? process.env);
  } catch (e) {
    if (!(e instanceof ProxyConfigError)) throw e;
    const fix = `set ${e.variable} to http://host:port (or http://user:password@host:port), or unset it`;
    throw new PreflightError([fatal('unverifiable', `catalog live: ${e.message}`, at, fix)]);
  }
  const route = network.routeFor(new URL(url));
  let text: string;
  try {
    const dispatcher = network.dispatcher.compose(readOnlyGuard(undefined));
    const headers = { accept: 'application/json' };
    const timeouts = { headersTimeout: timeoutMs, bodyTimeout: timeoutMs };
    const res = await request(url, { method: 'GET', dispatcher, ...timeouts, headers });
    text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
  } catch (e) {
    const status = route ? proxyRefusalStatus(e) : undefined;
    // The proxy by host:port and variable only (its URL may carry user:password).
    const via = route && `the proxy ${route.host} (${route.variable})`;
    const why = !via
      ? (e as Error).message
      : status !== undefined
        ? `${via} answered ${status}${status === 407 ? ' (proxy authentication required)' : ''} instead of connecting`
        : `through ${via}: ${scrub((e as Error).message, network)}`;
    const code = status === 407 ? 'auth-failed' : 'unverifiable';
    const fix = route
      ? `check ${route.variable} and the proxy, or name ${host} in NO_PROXY; or use catalog: bundled`
      : 'retry, or use catalog: bundled';
    const message = `catalog live: could not read the Platform API swagger from ${host} (${why})`;
    throw new PreflightError([fatal(code, message, at, fix)]);
  }
  try {
    return new Catalog(operationsFromSwagger(JSON.parse(text) as Swagger), extraVocabulary(), extraScopes());
  } catch (e) {
    throw new PreflightError([
      fatal(
        'unverifiable',
        `catalog live: ${host} did not answer with a swagger document (${(e as Error).message})`,
        at,
        'use catalog: bundled',
      ),
    ]);
  }
}
