/**
 * Premium-app wizard config: a JSON export of the wizard's `provisioningInfo`
 * (MyPureCloud/purecloud-premium-app `docs/wizard/config/config.js` and
 * `sample-provisioning-info.js`): module name → the objects it provisions, e.g.
 * `{"role": [{"name", "permissionPolicies": [{"domain", "entityName", "actionSet"}]}],
 *   "oauth-client": [{"name", "roles": ["role name"], "authorizedGrantType"}], "group": [...], ...}`.
 *
 * The config adds no calls of its own: the module tables (src/plan/premium-apps.ts) plan what the
 * wizard does with it. No rule "a principal cannot give away a permission it does not hold" is
 * applied to role creation: no source states it, and the wizard's own sample would fail it. The
 * sourced rule is about OAuth clients: a role can be assigned to a client only once the installing
 * user holds it, which the wizard arranges itself by granting every app role to the installing user
 * first (docs/wizard/scripts/modules/role.js L108-L122, "Required before you can assign the role to
 * an Auth Client"). So a client naming a role the config does not create is a warning.
 */
import type { DeclaredName, Finding, SourceLocation } from '../types.js';
import { fatal } from '../util/errors.js';
import { readTextFile } from '../util/read-file.js';
import { parseYamlSource, type NodePath, type SourceDocument } from '../util/yaml-source.js';

/** What a wizard config contributes to a premium app's plan. */
export interface WizardConfigImport {
  /** Modules present in the config (keys of provisioningInfo). */
  modules: string[];
  /** Where each module's key is in the config (for findings about a module). */
  moduleLocations: Map<string, SourceLocation>;
  /** Permission names written in the config, for the lint. */
  names: DeclaredName[];
  /** Warnings (an OAuth client naming a role the config does not define). */
  findings: Finding[];
  errors: Finding[];
}

interface Policy {
  domain?: unknown;
  entityName?: unknown;
  actionSet?: unknown;
}

/** Where a config may be read from and how it is named. */
export interface WizardConfigOptions {
  /** Workspace root the file must resolve inside (default: workspaceRoot(path)); see src/util/paths.ts. */
  root?: string;
  /** How the path is named in messages about reading it (default: `displayPath`). */
  shown?: string;
}

/**
 * Reads a wizard config (confined to the workspace root). `from` is where the manifest names the
 * file (errors reading it point there). Messages quote names the config gives (roles, clients),
 * never a value that failed a check (an unknown module or role is located, not quoted).
 */
export function importWizardConfig(
  path: string,
  displayPath: string,
  from: SourceLocation,
  options: WizardConfigOptions = {},
): WizardConfigImport {
  const out: WizardConfigImport = { modules: [], moduleLocations: new Map(), names: [], findings: [], errors: [] };
  const read = readTextFile(path, 'premium-app config', from, {
    shown: options.shown ?? displayPath,
    file: displayPath,
    ...(options.root !== undefined ? { root: options.root } : {}),
  });
  if ('error' in read) {
    out.errors.push(read.error);
    return out;
  }
  const parsed = parseYamlSource(read.text, displayPath);
  if ('errors' in parsed) {
    out.errors.push(...parsed.errors);
    return out;
  }
  const doc = parsed.doc;
  const root = doc.value as Record<string, unknown> | null;
  const base: NodePath =
    isObj(root) && Object.hasOwn(root, 'provisioningInfo') && isObj(root.provisioningInfo) ? ['provisioningInfo'] : [];
  const info = (base.length ? root!.provisioningInfo : root) as Record<string, unknown> | null;
  if (!info || typeof info !== 'object' || Array.isArray(info)) {
    out.errors.push(
      fatal(
        'manifest-invalid',
        `${displayPath}: expected the wizard's provisioningInfo: a map of module name → list of objects`,
        doc.locate([]),
      ),
    );
    return out;
  }
  out.modules = Object.keys(info);
  for (const key of out.modules) out.moduleLocations.set(key, doc.locate([...base, key], true));
  const roles = new Set<string>();
  const list = (key: string) =>
    Object.hasOwn(info, key) && Array.isArray(info[key]) ? (info[key] as Array<Record<string, unknown>>) : [];
  for (const key of out.modules) {
    // The value failed: the module key is not quoted either (the location says which).
    if (!Array.isArray(info[key]))
      out.errors.push(
        fatal('manifest-invalid', `${displayPath}: a module must be a list of objects`, doc.locate([...base, key])),
      );
  }

  list('role').forEach((role, i) => {
    const at: NodePath = [...base, 'role', i];
    const name = isObj(role) && typeof role.name === 'string' ? role.name : `role #${i + 1}`;
    policyPermissions(isObj(role) ? role.permissionPolicies : undefined, [...at, 'permissionPolicies'], doc, name, out);
    roles.add(name);
  });

  list('oauth-client').forEach((client, i) => {
    const at: NodePath = [...base, 'oauth-client', i];
    const name = isObj(client) && typeof client.name === 'string' ? client.name : `OAuth client #${i + 1}`;
    (isObj(client) && Array.isArray(client.roles) ? client.roles : []).forEach((r: unknown, k: number) => {
      const roleName = typeof r === 'string' ? r : isObj(r) && typeof r.name === 'string' ? r.name : undefined;
      if (roleName === undefined || !roles.has(roleName)) {
        // Not quoted: the role names nothing the config defines (the location says which).
        out.findings.push({
          severity: 'warning',
          code: 'unverifiable',
          resource: `oauth-client:${name}`,
          message: `${displayPath}: OAuth client ${name} gets a role the config does not create; the wizard grants the installing user only the roles it creates before assigning them to a client (role.js L108-L122), so the installing user must already hold this one`,
          location: doc.locate([...at, 'roles', k]),
          fix: 'define the role in the config, or grant it to the installing user before the install',
        });
      }
    });
  });
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function policyPermissions(
  policies: unknown,
  at: NodePath,
  doc: SourceDocument,
  role: string,
  out: WizardConfigImport,
): string[] {
  const perms: string[] = [];
  if (!Array.isArray(policies)) return perms;
  (policies as Policy[]).forEach((p, j) => {
    const here = doc.locate([...at, j]);
    if (!isObj(p) || typeof p.domain !== 'string' || typeof p.entityName !== 'string' || !Array.isArray(p.actionSet)) {
      out.errors.push(
        fatal('manifest-invalid', `role ${role}: a permission policy needs domain, entityName and actionSet`, here),
      );
      return;
    }
    (p.actionSet as unknown[]).forEach((a, k) => {
      const permission = `${p.domain}:${p.entityName}:${String(a)}`;
      perms.push(permission);
      out.names.push({
        kind: 'permission',
        value: permission,
        where: `wizard role ${role}`,
        location: doc.locate([...at, j, 'actionSet', k]),
      });
    });
  });
  return [...new Set(perms)];
}
