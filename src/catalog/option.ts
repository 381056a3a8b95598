/** The `catalog` option: `bundled`, `live` (the org's region serves its swagger), or a PATH to a Genesys swagger. */
import { Catalog } from './catalog.js';
import { bundledCatalog, extraVocabulary } from './bundled.js';
import { operationsFromSwagger, type Swagger } from './swagger.js';
import { readTextFile } from '../util/source.js';
import { PreflightError, fatal } from '../util/errors.js';
import { loadManifest } from '../manifest/load.js';
import { resolveRegion } from '../genesys/regions.js';

/**
 * Loads the catalog named by the option. Throws PreflightError (exit 2) when the file cannot be
 * read or is not a swagger.
 */
export async function loadCatalogOption(option: string, manifestPath?: string): Promise<Catalog> {
  if (option === 'bundled' || option === '') return bundledCatalog();
  if (option === 'live') {
    if (!manifestPath) throw new PreflightError([fatal('manifest-invalid', 'catalog live needs a manifest (the first org names the region)')]);
    // Every region serves the same API; the first org's (or its apiBase override) is used.
    const loaded = loadManifest(manifestPath);
    const org = loaded.manifest.orgs[0]!;
    const apiBase = org.credentials?.apiBase ?? resolveRegion(org.region)!.apiBase;
    const { liveCatalog } = await import('./live.js');
    return liveCatalog(apiBase, loaded.locate(['orgs', 0, 'region']));
  }
  const read = readTextFile(option, 'catalog swagger');
  if ('error' in read) throw new PreflightError([read.error]);
  try {
    return new Catalog(operationsFromSwagger(JSON.parse(read.text) as Swagger), extraVocabulary());
  } catch (e) {
    throw new PreflightError([fatal('manifest-invalid', `catalog ${option} is not a Genesys swagger JSON: ${(e as Error).message}`, { file: option, line: 1, column: 1 })]);
  }
}
