/** The `catalog` option: `bundled`, or a PATH to a Genesys swagger (official full one or the subset shape). */
import { Catalog } from './catalog.js';
import { bundledCatalog, extraVocabulary } from './bundled.js';
import { operationsFromSwagger, type Swagger } from './swagger.js';
import { readTextFile } from '../util/source.js';
import { PreflightError, fatal } from '../util/errors.js';

/**
 * Loads the catalog named by the option. Throws PreflightError (exit 2) when the file cannot be
 * read or is not a swagger.
 */
export async function loadCatalogOption(option: string): Promise<Catalog> {
  if (option === 'bundled' || option === '') return bundledCatalog();
  const read = readTextFile(option, 'catalog swagger');
  if ('error' in read) throw new PreflightError([read.error]);
  try {
    return new Catalog(operationsFromSwagger(JSON.parse(read.text) as Swagger), extraVocabulary());
  } catch (e) {
    throw new PreflightError([fatal('manifest-invalid', `catalog ${option} is not a Genesys swagger JSON: ${(e as Error).message}`, { file: option, line: 1, column: 1 })]);
  }
}
