/**
 * `catalog: live`: the operation catalog read from the org's own region, `GET
 * https://api.{host}/api/v2/docs/swagger` (the public Platform API swagger: no token, read-only).
 */
import { request } from 'undici';
import { Catalog } from './catalog.js';
import { extraScopes, extraVocabulary } from './bundled.js';
import { operationsFromSwagger, type Swagger } from './swagger.js';
import { PreflightError, fatal } from '../util/errors.js';
import type { SourceLocation } from '../types.js';

/** Reads and converts the live swagger. Throws PreflightError (exit 2) with the reason when it cannot. */
export async function liveCatalog(apiBase: string, at: SourceLocation, timeoutMs = 30_000): Promise<Catalog> {
  const url = `${apiBase.replace(/\/+$/, '')}/api/v2/docs/swagger`;
  const host = new URL(url).host;
  let text: string;
  try {
    const res = await request(url, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs, headers: { accept: 'application/json' } });
    text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
  } catch (e) {
    throw new PreflightError([
      fatal('unverifiable', `catalog live: could not read the Platform API swagger from ${host} (${(e as Error).message})`, at, 'retry, or use catalog: bundled'),
    ]);
  }
  try {
    return new Catalog(operationsFromSwagger(JSON.parse(text) as Swagger), extraVocabulary(), extraScopes());
  } catch (e) {
    throw new PreflightError([fatal('unverifiable', `catalog live: ${host} did not answer with a swagger document (${(e as Error).message})`, at, 'use catalog: bundled')]);
  }
}
