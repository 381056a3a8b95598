/**
 * `genesys-preflight diagnose`, the reading half (issue 14, item 1): the permission failures a
 * failed deploy printed, as typed records.
 */
import type { Catalog } from '../catalog/catalog.js';
import { parseDeployLog } from './parse.js';
import type { LogFailure } from './model.js';

export { parseDeployLog } from './parse.js';
export type { LogFailure, LogFailureKind, ParseLogOptions } from './model.js';

/** The failures in `text`, each path matched to its operation in `catalog` (`operation`). */
export function diagnose(text: string, catalog: Pick<Catalog, 'lookup'>): LogFailure[] {
  return parseDeployLog(text, { catalog });
}
