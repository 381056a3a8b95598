/**
 * Converts the other Genesys reference documents into committed tables.
 *
 * - CX-as-Code: the "API Usage" section of each `docs/resources/*.md` page of the
 *   MyPureCloud/terraform-provider-genesyscloud provider (as collected in shared/genesys/cx-as-code-resources.json).
 * - Premium-app wizard: `installPermissions` / `uninstallPermissions` / `installScopes` of
 *   MyPureCloud/purecloud-premium-app `docs/wizard/config/config.js`.
 */

/** Terraform resource type → the API operations the provider documents for it (`METHOD /path`). */
export type CxAsCodeTable = Record<string, { apis: string[]; permissions: string[] }>;

/** Builds the CX-as-Code table. Throws on a document that is not a resource map. */
export function cxAsCodeFromProviderDocs(doc: unknown): CxAsCodeTable {
  if (!doc || typeof doc !== 'object') throw new Error('CX-as-Code reference: expected an object of resources');
  const out: CxAsCodeTable = {};
  for (const [type, value] of Object.entries(doc as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) {
    if (!type.startsWith('genesyscloud_')) continue;
    const v = value as { apis?: Array<{ method: string; path: string }>; permissions?: string[] };
    out[type] = {
      apis: (v.apis ?? []).map((a) => `${a.method.toUpperCase()} ${a.path}`),
      permissions: [...(v.permissions ?? [])].sort(),
    };
  }
  return out;
}

/** Premium-app wizard modules: the permissions and scopes the wizard's config lists per module. */
export interface WizardTable {
  modules: string[];
  install: Record<string, string[]>;
  uninstall: Record<string, string[]>;
  installScopes: Record<string, string[]>;
  uninstallScopes: Record<string, string[]>;
}

/** Builds the wizard table. Throws when `installPermissions` is absent. */
export function wizardFromConfig(doc: unknown): WizardTable {
  const d = doc as Record<string, unknown>;
  if (!d || typeof d !== 'object' || typeof d.installPermissions !== 'object') {
    throw new Error('premium-app wizard reference: expected installPermissions');
  }
  const modules = new Set<string>([
    ...((d.sampleProvisioningInfoModules as string[]) ?? []),
    ...((d.provisioningInfoModules as string[]) ?? []),
  ]);
  const pick = (key: string) => (d[key] ?? {}) as Record<string, string[]>;
  return {
    modules: [...modules].sort(),
    install: pick('installPermissions'),
    uninstall: pick('uninstallPermissions'),
    installScopes: pick('installScopes'),
    uninstallScopes: pick('uninstallScopes'),
  };
}
