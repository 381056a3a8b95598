/** The `catalog` option: `bundled`, `live` (the org's region serves its swagger), or a PATH to a Genesys swagger. */
import { Catalog } from './catalog.js';
import { bundledCatalog, extraVocabulary } from './bundled.js';
import { operationsFromSwagger, type Swagger } from './swagger.js';
import { readTextFile } from '../util/source.js';
import { PreflightError, fatal } from '../util/errors.js';
import { loadManifest } from '../manifest/load.js';
import { resolveRegion } from '../genesys/regions.js';
import { allowedHost } from '../genesys/hosts.js';

/**
 * Loads the catalog named by the option. Throws PreflightError (exit 2) when the file cannot be
 * read or is not a swagger.
 */
export async function loadCatalogOption(option: string, manifestPath?: string, ctx: { org?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Catalog> {
  if (option === 'bundled' || option === '') return bundledCatalog();
  if (option === 'live') {
    if (!manifestPath) throw new PreflightError([fatal('manifest-invalid', 'catalog live needs a manifest (the first org names the region)')]);
    // Every region serves the same API: read it from the first checked org's region (or its
    // apiBase override, when that host is allowed to receive requests at all).
    const loaded = loadManifest(manifestPath);
    const index = Math.max(0, ctx.org ? loaded.manifest.orgs.findIndex((o) => o.name.toLowerCase() === ctx.org!.toLowerCase()) : 0);
    const org = loaded.manifest.orgs[index]!;
    const apiBase = org.credentials?.apiBase ?? resolveRegion(org.region)!.apiBase;
    if (!allowedHost(apiBase, ctx.env ?? process.env)) {
      throw new PreflightError([
        fatal('manifest-invalid', `catalog live: ${JSON.stringify(apiBase)} is not a Genesys Cloud host`, loaded.locate(['orgs', index, 'credentials', 'apiBase']),
          'remove the apiBase override, or name the host in GENESYS_PREFLIGHT_ALLOW_HOSTS'),
      ]);
    }
    const { liveCatalog } = await import('./live.js');
    return liveCatalog(apiBase, loaded.locate(['orgs', index, 'region']));
  }
  const read = readTextFile(option, 'catalog swagger');
  if ('error' in read) throw new PreflightError([read.error]);
  try {
    return new Catalog(operationsFromSwagger(JSON.parse(read.text) as Swagger), extraVocabulary());
  } catch (e) {
    throw new PreflightError([fatal('manifest-invalid', `catalog ${option} is not a Genesys swagger JSON: ${(e as Error).message}`, { file: option, line: 1, column: 1 })]);
  }
}
