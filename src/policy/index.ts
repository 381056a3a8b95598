/** `genesys-preflight policy`: the least-privilege role(s) per org for a manifest. */
import { loadManifest } from '../manifest/load.js';
import { expandResources } from '../resources/expand.js';
import { requirementsByResource } from '../engine.js';
import type { Catalog } from '../catalog/catalog.js';
import { leastPrivilegePolicy, type OrgPolicy } from './least-privilege.js';
import { PreflightError, fatal } from '../util/errors.js';

/** Computes the policy of every org (or the named ones). Throws PreflightError on manifest problems. */
export function policiesFor(manifestPath: string, catalog: Catalog, orgs: string[] = [], terraformPlan?: string): OrgPolicy[] {
  const loaded = loadManifest(manifestPath);
  const { resources } = expandResources(loaded, terraformPlan ? { terraformPlan } : {});
  const byResource = requirementsByResource(resources, catalog);
  const wanted = new Set(orgs.map((o) => o.toLowerCase()));
  const unknown = [...wanted].filter((w) => !loaded.manifest.orgs.some((o) => o.name.toLowerCase() === w));
  if (unknown.length) {
    throw new PreflightError(unknown.map((n) => fatal('manifest-invalid', `--org ${n}: no such org in ${loaded.file} (orgs: ${loaded.manifest.orgs.map((o) => o.name).join(', ')})`, loaded.locate(['orgs']))));
  }
  return loaded.manifest.orgs
    .filter((o) => wanted.size === 0 || wanted.has(o.name.toLowerCase()))
    .map((o) => leastPrivilegePolicy(o.name, resources.filter((r) => r.orgs.includes(o.name)).flatMap((r) => byResource.get(r) ?? [])));
}
