/**
 * A multi-org scenario on the fake Genesys Cloud: fake orgs built from declared roles, a manifest
 * pointing at the fake, and the requirement lookup the fake enforces (the bundled catalog).
 * Used by the live-mode tests and the benchmark.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import {
  startFakeGenesys,
  type FakeGenesys,
  type FakeOrg,
  type FakeRequirement,
  type RequirementLookup,
} from '../../test-support/fake-genesys/index.js';
import { runCheck } from '../../src/engine.js';
import { resolveMode } from '../../src/grants/mode.js';
import type { Report } from '../../src/report/model.js';
import { ORG_WIDE_OPERATIONS } from '../../src/plan/org-wide.js';
import { credentialNames } from '../../src/grants/credentials.js';

/** A role: name and permissions (`domain:entity:action`, wildcards allowed). */
export interface ScenarioRole {
  name: string;
  permissions: string[];
}

/** One org of the scenario. */
export interface ScenarioOrg {
  name: string;
  orgId: string;
  /** Org id the credentials really belong to (default orgId): set another to provoke org-mismatch. */
  tokenOrgId?: string;
  roles: Array<{ role: string; divisions: string[] }>;
  divisions?: string[];
  clientId?: string;
  clientSecret?: string;
}

export const DIVISIONS = ['Home', 'Support', 'Sales'];

/** Splits a permission into a FakePolicy. */
function policy(p: string) {
  const [domain, entityName, action] = p === '*' ? ['*', '*', '*'] : p.split(':');
  return { domain: domain!, entityName: entityName!, actionSet: [action!] };
}

const divId = (org: string, name: string) => (name === '*' ? '*' : `${org}-div-${name.toLowerCase()}`);

/** Every concrete permission of the bundled catalog (the fake org's product catalog). */
export function allCatalogPermissions(): string[] {
  return [...bundledCatalog().permissions].filter((p) => !p.includes('*'));
}

/** Builds the fake orgs (one per scenario org, keyed by the id the token belongs to). */
export function fakeOrgs(
  orgs: ScenarioOrg[],
  roles: ScenarioRole[],
  opts: { permissionCatalog?: FakeOrg['permissionCatalog'] } = {},
): FakeOrg[] {
  const catalog = opts.permissionCatalog ?? allCatalogPermissions();
  return orgs.map((o) => {
    const id = o.tokenOrgId ?? o.orgId;
    const divisions = (o.divisions ?? DIVISIONS).map((name) => ({
      id: divId(id, name),
      name,
      ...(name === 'Home' ? { homeDivision: true } : {}),
    }));
    const used = new Set(o.roles.map((r) => r.role));
    return {
      id,
      name: o.name,
      divisions,
      roles: roles
        .filter((r) => used.has(r.name))
        .map((r) => {
          // `admin` and other single-name legacy permissions are not policies (SDK `permissions` list).
          const legacy = r.permissions.filter((p) => p !== '*' && !p.includes(':'));
          return {
            id: `role-${r.name.replace(/\W+/g, '-').toLowerCase()}`,
            name: r.name,
            permissionPolicies: r.permissions.filter((p) => !legacy.includes(p)).map(policy),
            ...(legacy.length ? { legacyPermissions: legacy } : {}),
          };
        }),
      clients: [
        {
          clientId: o.clientId ?? `client-${o.name}`,
          clientSecret: o.clientSecret ?? `secret-${o.name}-${randomUUID()}`,
          name: `${o.name} deployer`,
          roleDivisions: o.roles.flatMap((r) =>
            r.divisions.map((d) => ({
              roleId: `role-${r.role.replace(/\W+/g, '-').toLowerCase()}`,
              divisionId: divId(id, d),
            })),
          ),
        },
      ],
      permissionCatalog: catalog,
      integrationTypes: ['premium-app-example'],
    };
  });
}

/** The fake's enforcement: the bundled catalog's requirement for each operation. */
export const catalogRequirements: RequirementLookup = (method, template): FakeRequirement | null => {
  const op = bundledCatalog().lookup(method, template);
  if (!op?.permissions) return null;
  return {
    mode: op.permissions.mode,
    permissions: op.permissions.values,
    divisionAware: !ORG_WIDE_OPERATIONS.has(`${method} ${template}`),
    scopes: op.scopes,
  };
};

/** Environment variable names of an org's credentials: the fixed convention (src/grants/credentials.ts). */
export const envNames = (org: string) => {
  const n = credentialNames(org);
  return { id: n.clientId, secret: n.clientSecret, token: n.accessToken };
};

/** The environment holding every org's credentials. */
export function scenarioEnv(fakes: FakeOrg[], orgs: ScenarioOrg[]): Record<string, string> {
  // The fake listens on loopback: name it, as an operator would name a private host.
  const env: Record<string, string> = { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' };
  orgs.forEach((o, i) => {
    const n = envNames(o.name);
    env[n.id] = fakes[i]!.clients[0]!.clientId;
    env[n.secret] = fakes[i]!.clients[0]!.clientSecret;
  });
  return env;
}

/**
 * Writes a manifest for the orgs, `flowsPerOrg` flows (alternating divisions) and extras; returns its path.
 * `credentialNames` also writes the (convention) variable names into `credentials`, which the manifest
 * may state but not choose.
 */
export function writeScenarioManifest(
  apiBase: string,
  orgs: ScenarioOrg[],
  roles: ScenarioRole[],
  opts: {
    flows?: number;
    declare?: boolean;
    extra?: string;
    deployer?: string;
    action?: string;
    credentialNames?: boolean;
  } = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'gp-scenario-'));
  mkdirSync(join(dir, 'flows'));
  const lines: string[] = ['version: 1', `defaults: {deployer: ${opts.deployer ?? 'archy'}}`, 'orgs:'];
  for (const o of orgs) {
    const n = envNames(o.name);
    lines.push(`  - name: ${o.name}`, `    region: us-east-1`, `    orgId: ${o.orgId}`);
    const names = opts.credentialNames ? `clientId: ${n.id}, clientSecret: ${n.secret}, ` : '';
    lines.push(`    credentials: {${names}apiBase: "${apiBase}", loginBase: "${apiBase}"}`);
    if (opts.declare !== false) {
      lines.push('    principal:', '      grant: client-credentials', '      roles:');
      for (const r of o.roles)
        lines.push(
          `        - {role: ${JSON.stringify(r.role)}, divisions: [${r.divisions.map((d) => JSON.stringify(d)).join(', ')}]}`,
        );
    }
  }
  lines.push('roles:');
  for (const r of roles)
    lines.push(
      `  ${JSON.stringify(r.name)}:`,
      `    permissions: [${r.permissions.map((p) => JSON.stringify(p)).join(', ')}]`,
    );
  const n = opts.flows ?? 2;
  lines.push('flows:');
  for (let i = 0; i < n; i++) {
    const division = i % 2 === 0 ? 'Home' : 'Support';
    writeFileSync(
      join(dir, 'flows', `f${i}.yaml`),
      `inboundCall:\n  name: Flow ${i}\n  division: ${division}\n  startUpRef: "/inboundCall/menus/menu[Main_1]"\n  defaultLanguage: en-us\n`,
    );
    lines.push(`  - file: flows/f${i}.yaml${opts.action ? `\n    action: ${opts.action}` : ''}`);
  }
  if (opts.extra) lines.push(opts.extra);
  const file = join(dir, 'genesys-preflight.yml');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/**
 * Fast client settings for tests: short backoff. Timeouts stay generous: on a loaded machine a
 * loopback answer can take seconds, and a timed-out request would be retried and change the request
 * counts tests assert. A test of a hang passes its own short timeout ({@link HANG_CLIENT}).
 */
export const FAST_CLIENT = {
  maxRetries: 2,
  backoffBaseMs: 5,
  backoffMaxMs: 20,
  retryAfterUnitMs: 5,
  timeoutMs: 30_000,
  connectTimeoutMs: 30_000,
};

/** {@link FAST_CLIENT} for a test whose fake hangs: the timeout is what ends the call (any value is correct). */
export const HANG_CLIENT = { ...FAST_CLIENT, timeoutMs: 5000 };

/** A running fake with the scenario's orgs and the environment holding their credentials. */
export interface Scenario {
  fake: FakeGenesys;
  orgs: FakeOrg[];
  env: Record<string, string>;
}

/** Starts the fake Genesys Cloud (enforcing the bundled catalog) with the scenario's orgs. */
export async function startScenario(
  orgs: ScenarioOrg[],
  roles: ScenarioRole[],
  opts: { permissionCatalog?: FakeOrg['permissionCatalog']; swagger?: unknown } = {},
): Promise<Scenario> {
  const fakes = fakeOrgs(orgs, roles, opts.permissionCatalog ? { permissionCatalog: opts.permissionCatalog } : {});
  const fake = await startFakeGenesys({
    orgs: fakes,
    requirements: catalogRequirements,
    ...(opts.swagger ? { swagger: opts.swagger } : {}),
  });
  return { fake, orgs: fakes, env: scenarioEnv(fakes, orgs) };
}

/**
 * One live check on a fresh fake: starts it, writes the manifest, reads the grants live, closes it.
 * `manifest` takes writeScenarioManifest's options.
 */
export async function liveCheckOnce(
  orgs: ScenarioOrg[],
  roles: ScenarioRole[],
  opts: {
    permissionCatalog?: FakeOrg['permissionCatalog'];
    manifest?: Parameters<typeof writeScenarioManifest>[3];
    patchFakes?: (fakes: FakeOrg[]) => void;
    env?: Record<string, string>;
  } = {},
): Promise<Report> {
  const fakes = fakeOrgs(orgs, roles, opts.permissionCatalog ? { permissionCatalog: opts.permissionCatalog } : {});
  opts.patchFakes?.(fakes);
  const fake = await startFakeGenesys({ orgs: fakes, requirements: catalogRequirements });
  try {
    const manifest = writeScenarioManifest(fake.apiBase, orgs, roles, { declare: false, ...opts.manifest });
    const mode = resolveMode('live', manifest, { ...scenarioEnv(fakes, orgs), ...opts.env }, { client: FAST_CLIENT });
    return await runCheck({ manifestPath: manifest, mode: mode.mode, grants: mode.grants! });
  } finally {
    await fake.close();
  }
}
