/** The catalog bundled with the tool, built from the committed generated tables. */
import { Catalog } from './catalog.js';
import { OPERATIONS } from './data/operations.generated.js';
import { CX_AS_CODE } from './data/cx-as-code.generated.js';
import { PREMIUM_APP_WIZARD } from './data/premium-app.generated.js';
import { bundledVocabulary } from './vocabulary.js';

let cached: Catalog | undefined;

/**
 * Permissions known besides the operation table: the bundled vocabulary (swagger, provider
 * resource_permissions, CX-as-Code docs, wizard config, curated sources; see vocabulary.ts) and the
 * CX-as-Code and wizard tables.
 */
export function extraVocabulary(): string[] {
  const out: string[] = [...bundledVocabulary().permissionNames()];
  for (const r of Object.values(CX_AS_CODE)) out.push(...r.permissions);
  for (const list of Object.values(PREMIUM_APP_WIZARD.install)) out.push(...list);
  for (const list of Object.values(PREMIUM_APP_WIZARD.uninstall)) out.push(...list);
  return out;
}

/** OAuth scopes known besides the operation table: the bundled vocabulary's. */
export function extraScopes(): string[] {
  return [...bundledVocabulary().scopeNames()];
}

/** The bundled catalog (built once, then cached). */
export function bundledCatalog(): Catalog {
  cached ??= new Catalog(OPERATIONS, extraVocabulary(), extraScopes());
  return cached;
}
