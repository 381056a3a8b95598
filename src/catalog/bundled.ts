/** The catalog bundled with the tool, built from the committed generated tables. */
import { Catalog } from './catalog.js';
import { OPERATIONS } from './data/operations.generated.js';
import { CX_AS_CODE } from './data/cx-as-code.generated.js';
import { PREMIUM_APP_WIZARD } from './data/premium-app.generated.js';

let cached: Catalog | undefined;

/** Permissions named by the CX-as-Code provider docs and the premium-app wizard config (vocabulary only). */
export function extraVocabulary(): string[] {
  const out: string[] = [];
  for (const r of Object.values(CX_AS_CODE)) out.push(...r.permissions);
  for (const list of Object.values(PREMIUM_APP_WIZARD.install)) out.push(...list);
  for (const list of Object.values(PREMIUM_APP_WIZARD.uninstall)) out.push(...list);
  return out;
}

/** The bundled catalog (built once, then cached). */
export function bundledCatalog(): Catalog {
  cached ??= new Catalog(OPERATIONS, extraVocabulary());
  return cached;
}
