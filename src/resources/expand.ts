/**
 * Expand stage: manifest entries → Resources (flows read from their Archy files).
 * Problems are collected across all entries and thrown together (PreflightError, exit 2).
 */
import { HOME as HOME_DIVISION } from '../domain/divisions.js';
import { dirname, relative, resolve } from 'node:path';
import { importTerraformPlan } from './terraform.js';
import { importWizardConfig } from './wizard-config.js';
import type {
  Deployer,
  FlowReference,
  Finding,
  FlowResource,
  PremiumAppResource,
  Resource,
  ResourceKind,
  SourceLocation,
} from '../types.js';
import { capFindings, sortByLocation, type LoadedManifest } from '../manifest/load.js';
import type { FlowDecl } from '../manifest/types.js';
import { PreflightError, fatal } from '../util/errors.js';
import { readTextFile } from '../util/read-file.js';
import { parseYamlSource, type NodePath } from '../util/yaml-source.js';
import { suggester } from '../util/suggest.js';
import { cached } from '../util/memo.js';
import { operatorRoot, showPath } from '../util/paths.js';
import { ARCHY_FLOW_TYPES, isArchyFlowType, normaliseFlowType, readArchyFlow, type ArchyFlow } from './archy.js';
import { scanFlowReferences } from './references.js';
import { isWizardModule, WIZARD_MODULES } from '../domain/wizard.js';

/** Genesys default division name: objects with no declared division live in Home. */

/** Which kinds each deployer can deploy (Archy deploys flows only; the provider has no WFM/premium-app resources). */
export const DEPLOYER_KINDS: Record<Deployer, ReadonlySet<ResourceKind>> = {
  archy: new Set(['flow']),
  'cx-as-code': new Set(['flow', 'script', 'scheduleGroup', 'terraform']),
  api: new Set(['flow', 'script', 'scheduleGroup', 'wfmAgentAssignment', 'wfmSchedule', 'premiumApp']),
};

/**
 * Kinds that have nothing to publish: `action: publish` is an error pointed at the action (the
 * plan stage would also refuse it, at the entry). Schedule groups, agent moves and premium-app
 * installs have no publish step in the Platform API.
 */
const UNPUBLISHED_KINDS: Partial<Record<ResourceKind, string>> = {
  scheduleGroup: 'schedule groups are not published (a change takes effect when saved)',
  wfmAgentAssignment: 'agent assignments are not published',
  premiumApp: 'premium apps are installed, not published',
};

/** Resources plus the parsed flow files (kept for reference scanning). */
export interface Expanded {
  resources: Resource[];
  flows: Map<Resource, ArchyFlow>;
  /** Warnings from importers (unknown resource types, divisions known only after apply...). */
  findings: Finding[];
}

/** Extra inputs given on the command line. */
export interface ExpandOptions {
  /** `--terraform-plan PATH`: a plan to import besides the manifest's `terraform.plan`. */
  terraformPlan?: string;
  /** Orgs selected with --org (default all): a plan on the command line applies to them. */
  selectedOrgs?: string[];
}

/** Expands every manifest entry. Throws PreflightError listing every located problem. */
export function expandResources(loaded: LoadedManifest, options: ExpandOptions = {}): Expanded {
  const { manifest: m } = loaded;
  const errors: Finding[] = [];
  const resources: Resource[] = [];
  const flows = new Map<Resource, ArchyFlow>();
  const allOrgs = m.orgs.map((o) => o.name);
  const byLower = new Map(allOrgs.map((n) => [n.toLowerCase(), n]));
  const defaultDivision = m.defaults?.division ?? HOME_DIVISION;
  /** Warnings about the manifest that do not stop the check. */
  const notes: Finding[] = [];
  const flowTypeHint = suggester(Object.keys(ARCHY_FLOW_TYPES));

  const base = (
    kind: ResourceKind,
    path: NodePath,
    decl: { action?: Resource['action']; deployer?: Deployer; orgs?: string[] },
  ) => {
    const location = loaded.locate(path);
    const orgs = decl.orgs ? decl.orgs.map((n) => byLower.get(n.toLowerCase()) ?? n) : allOrgs;
    let deployer: Deployer = decl.deployer ?? m.defaults?.deployer ?? 'api';
    if (!DEPLOYER_KINDS[deployer].has(kind)) {
      if (decl.deployer) {
        errors.push(
          fatal(
            'manifest-invalid',
            `deployer ${deployer} cannot deploy a ${kind}; use ${[...Object.entries(DEPLOYER_KINDS)]
              .filter(([, k]) => k.has(kind))
              .map(([d]) => d)
              .join(' or ')}`,
            loaded.locate([...path, 'deployer']),
          ),
        );
      }
      deployer = 'api';
    }
    let action = decl.action ?? 'deploy';
    const noPublish = UNPUBLISHED_KINDS[kind];
    if (action === 'publish' && noPublish) {
      errors.push(
        fatal(
          'manifest-invalid',
          `action "publish" does not apply here: ${noPublish}`,
          loaded.locate([...path, 'action']),
          'use action: deploy (create or update), create, update or delete',
        ),
      );
      action = 'deploy';
    }
    return { location, orgs, deployer, action };
  };

  (m.flows ?? []).forEach((decl, i) => {
    const path: NodePath = ['flows', i];
    const common = base('flow', path, decl);
    if (decl.file) {
      const flow = readFlow(loaded, decl, path, errors);
      if (!flow) return;
      // Archy (and the CX-as-Code flow import) put the flow in the division its file names, else
      // Home; a division written in the manifest does not move it.
      const division = flow.division ?? HOME_DIVISION;
      if (decl.division !== undefined && decl.division.toLowerCase() !== division.toLowerCase()) {
        notes.push({
          severity: 'warning',
          code: 'manifest-invalid',
          message: `flow ${flow.name}: division "${decl.division}" here is ignored: the deploy puts the flow in the division its file names (${flow.division ? `"${flow.division}"` : 'none, so Home'})`,
          fix: 'set division: in the flow file (or through its substitutions) and remove it here',
          location: loaded.locate([...path, 'division']),
        });
      }
      const r: Resource = {
        kind: 'flow',
        name: flow.name,
        ...common,
        division,
        details: {
          flowType: flow.type,
          file: decl.file,
          forceUnlock: decl.forceUnlock === true,
          references: flowReferences(flow),
          ...existsOf(decl),
        },
      };
      if (flow.divisionLocation) r.divisionLocation = flow.divisionLocation;
      resources.push(r);
      flows.set(r, flow);
    } else {
      const type = normaliseFlowType(decl.type!);
      if (!type) {
        // Not quoted: the type failed the check; the hint is a known type.
        errors.push(
          fatal('manifest-invalid', `unknown flow type${flowTypeHint(decl.type!)}`, loaded.locate([...path, 'type'])),
        );
        return;
      }
      const r: Resource = {
        kind: 'flow',
        name: decl.name!,
        ...common,
        division: decl.division ?? defaultDivision,
        details: { flowType: type, forceUnlock: decl.forceUnlock === true, ...existsOf(decl) },
      };
      if (decl.division) r.divisionLocation = loaded.locate([...path, 'division']);
      resources.push(r);
    }
  });

  // Flows that resolve to the same type and name in one org (through their files) are one flow
  // deployed twice: the second deploy would overwrite the first.
  duplicateFlows(resources, errors);

  (m.scripts ?? []).forEach((decl, i) => {
    const path: NodePath = ['scripts', i];
    const common = base('script', path, decl);
    if (decl.file) checkReadable(loaded, decl.file, 'script file', loaded.locate([...path, 'file']), errors);
    resources.push({
      kind: 'script',
      name: decl.name,
      ...common,
      division: decl.division ?? defaultDivision,
      ...(decl.division ? { divisionLocation: loaded.locate([...path, 'division']) } : {}),
      details: { publish: decl.publish !== false, file: decl.file },
    });
  });

  (m.scheduleGroups ?? []).forEach((decl, i) => {
    const path: NodePath = ['scheduleGroups', i];
    resources.push({
      kind: 'scheduleGroup',
      name: decl.name,
      ...base('scheduleGroup', path, decl),
      division: decl.division ?? defaultDivision,
      ...(decl.division ? { divisionLocation: loaded.locate([...path, 'division']) } : {}),
      details: { ...existsOf(decl) },
    });
  });

  (m.wfm?.agentAssignments ?? []).forEach((decl, i) => {
    const path: NodePath = ['wfm', 'agentAssignments', i];
    resources.push({
      kind: 'wfmAgentAssignment',
      name: `${decl.managementUnit} (${decl.agents.length} agent${decl.agents.length === 1 ? '' : 's'})`,
      ...base('wfmAgentAssignment', path, decl),
      division: decl.division ?? defaultDivision,
      ...(decl.division ? { divisionLocation: loaded.locate([...path, 'division']) } : {}),
      details: { businessUnit: decl.businessUnit, managementUnit: decl.managementUnit, agents: decl.agents },
    });
  });

  (m.wfm?.schedules ?? []).forEach((decl, i) => {
    const path: NodePath = ['wfm', 'schedules', i];
    resources.push({
      kind: 'wfmSchedule',
      name: `${decl.businessUnit}${decl.weekDate ? ` week ${decl.weekDate}` : ''}`,
      ...base('wfmSchedule', path, decl),
      division: decl.division ?? defaultDivision,
      ...(decl.division ? { divisionLocation: loaded.locate([...path, 'division']) } : {}),
      details: {
        businessUnit: decl.businessUnit,
        publish: decl.publish === true,
        weekDate: decl.weekDate,
        ...existsOf(decl),
      },
    });
  });

  const configFindings: Finding[] = [];
  const moduleHint = suggester([...WIZARD_MODULES]);
  (m.premiumApps ?? []).forEach((decl, i) => {
    const path: NodePath = ['premiumApps', i];
    (decl.provision ?? []).forEach((module, k) => {
      if (!isWizardModule(module)) {
        errors.push(
          fatal(
            'manifest-invalid',
            `unknown premium-app wizard module${moduleHint(module)}`,
            loaded.locate([...path, 'provision', k]),
            `modules: ${WIZARD_MODULES.join(', ')}`,
          ),
        );
      }
    });
    // Validated here, once: the plan stage takes the modules as they are.
    const provision = (decl.provision ?? []).filter(isWizardModule);
    const details: PremiumAppResource['details'] = {
      integrationType: decl.integrationType,
      provision,
      config: decl.config,
    };
    if (decl.config) {
      const cfg = importWizardConfig(
        resolve(loaded.baseDir, decl.config),
        displayPath(loaded, decl.config),
        loaded.locate([...path, 'config']),
        { root: loaded.root, shown: decl.config },
      );
      errors.push(...cfg.errors);
      configFindings.push(...cfg.findings);
      const unknown = cfg.modules.filter((mod) => !isWizardModule(mod));
      for (const mod of unknown) {
        // Not quoted: an unknown module name is the config's text; it is located in the config.
        configFindings.push({
          severity: 'warning',
          code: 'unverifiable',
          message: `${showPath(decl.config)}: a wizard module has no known API plan${moduleHint(mod)}; what it provisions cannot be checked`,
          location: cfg.moduleLocations.get(mod) ?? loaded.locate([...path, 'config']),
        });
      }
      details.provision = [...new Set([...provision, ...cfg.modules.filter(isWizardModule)])];
      details.declaredNames = cfg.names;
    }
    resources.push({
      kind: 'premiumApp',
      name: decl.name ?? decl.integrationType,
      ...base('premiumApp', path, decl),
      division: null,
      details,
    });
  });

  const importFindings: Finding[] = [...notes, ...configFindings];
  const plans: Array<{
    path: string;
    display: string;
    baseDir: string;
    orgs: string[];
    from: SourceLocation;
    planRoot?: string | null;
    shown?: string;
  }> = [];
  if (m.terraform && (m.terraform.orgs?.length ?? allOrgs.length) > 1) {
    errors.push(
      fatal(
        'manifest-invalid',
        `terraform.plan: a Terraform plan belongs to one org; name it with terraform.orgs: [one org]`,
        loaded.locate(['terraform', 'plan']),
      ),
    );
  } else if (m.terraform) {
    const t = m.terraform;
    const abs = resolve(loaded.baseDir, t.plan);
    plans.push({
      path: abs,
      display: displayPath(loaded, t.plan),
      baseDir: t.baseDir ? resolve(loaded.baseDir, t.baseDir) : dirname(abs),
      orgs: t.orgs ? t.orgs.map((n) => byLower.get(n.toLowerCase()) ?? n) : allOrgs,
      from: loaded.locate(['terraform', 'plan']),
      shown: t.plan,
    });
  }
  if (options.terraformPlan) {
    const abs = resolve(options.terraformPlan);
    const from = { file: options.terraformPlan, line: 1, column: 1 };
    // An operator's path (workflow input / CLI flag): confined when it lies in the workspace (its
    // content is the PR's there), trusted outside it (e.g. $RUNNER_TEMP/plan.json); see src/util/paths.ts.
    const planRoot = operatorRoot(abs, loaded.root);
    const orgs = options.selectedOrgs ?? allOrgs;
    // A plan belongs to one org (its division ids, its state): with several, say which.
    if (orgs.length > 1)
      errors.push(
        fatal(
          'manifest-invalid',
          `--terraform-plan: a Terraform plan belongs to one org, and ${orgs.length} are selected (${orgs.join(', ')})`,
          from,
          'add --org NAME (or the action input orgs)',
        ),
      );
    else plans.push({ path: abs, display: options.terraformPlan, baseDir: dirname(abs), orgs, from, planRoot });
  }
  for (const p of plans) {
    const imported = importTerraformPlan(p.path, {
      displayPath: p.display,
      orgs: p.orgs,
      from: p.from,
      baseDir: p.baseDir,
      root: loaded.root,
      ...(p.planRoot !== undefined ? { planRoot: p.planRoot } : {}),
      ...(p.shown !== undefined ? { shown: p.shown } : {}),
    });
    errors.push(...imported.errors);
    importFindings.push(...imported.findings);
    for (const r of imported.resources) {
      const flow = imported.flows.get(r);
      if (flow) {
        if (r.kind === 'flow' && r.action !== 'delete') r.details.references = flowReferences(flow);
        flows.set(r, flow);
      }
      resources.push(r);
    }
  }

  if (errors.length) throw new PreflightError(capFindings(sortByLocation(errors)));
  return { resources, flows, findings: importFindings };
}

/**
 * Errors for flows deployed twice to one org (same type and name, case aside): one per entry, at the
 * first org it shares with an earlier entry. Only flows whose type and name occur more than once, or
 * whose org list names an org twice, can collide: the others are not keyed per org (flows × orgs keys).
 */
function duplicateFlows(resources: readonly Resource[], errors: Finding[]): void {
  const flowKey = (r: FlowResource) => `${String(r.details.flowType)}\u0000${r.name.toLowerCase()}`;
  const count = new Map<string, number>();
  for (const r of resources) {
    if (r.kind !== 'flow') continue;
    const k = flowKey(r);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  // Resources share org lists (every entry without `orgs:` has the manifest's): each is checked once.
  const repeats = new Map<readonly string[], boolean>();
  const repeatsAnOrg = (orgs: readonly string[]) =>
    cached(repeats, orgs, () => new Set(orgs.map((o) => o.toLowerCase())).size < orgs.length);
  const seenFlows = new Map<string, Resource>();
  for (const r of resources) {
    if (r.kind !== 'flow') continue;
    const name = flowKey(r);
    if (count.get(name)! < 2 && !repeatsAnOrg(r.orgs)) continue;
    for (const org of r.orgs) {
      const key = `${name}\u0000${org.toLowerCase()}`;
      const prev = seenFlows.get(key);
      if (prev) {
        errors.push(
          fatal(
            'manifest-invalid',
            `flow "${r.name}" (${String(r.details.flowType)}) is deployed twice to org ${org}: also by the entry at line ${prev.location.line}`,
            r.location,
            'give each flow its own name (substitutions), or limit the entries to different orgs with orgs: [...]',
          ),
        );
        break;
      }
      seenFlows.set(key, r);
    }
  }
}

/** `exists: true|false` from a manifest entry: settles the create-or-update branch of a deploy. */
function existsOf(decl: { exists?: boolean }): { exists?: boolean } {
  return decl.exists === undefined ? {} : { exists: decl.exists };
}

/** The literal names a flow file references (publish resolves them); run-time lookups are left out. */
export function flowReferences(flow: ArchyFlow): FlowReference[] {
  const root = flow.doc.value as Record<string, unknown>;
  const key = Object.keys(root).find(isArchyFlowType);
  return key ? scanFlowReferences(flow.doc, key).filter((r) => !r.dynamic) : [];
}

/** Display path of a file referenced from the manifest: relative to the working directory. */
export function displayPath(loaded: LoadedManifest, file: string): string {
  const abs = resolve(loaded.baseDir, file);
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel;
}

function checkReadable(
  loaded: LoadedManifest,
  file: string,
  what: string,
  from: SourceLocation,
  errors: Finding[],
): void {
  const read = readTextFile(resolve(loaded.baseDir, file), what, from, {
    root: loaded.root,
    shown: file,
    file: displayPath(loaded, file),
  });
  if ('error' in read) errors.push(read.error);
}

function readFlow(loaded: LoadedManifest, decl: FlowDecl, path: NodePath, errors: Finding[]): ArchyFlow | undefined {
  const values: Record<string, string> = Object.create(null) as Record<string, string>; // "__proto__" is a key like any other
  if (decl.optionsFile) {
    const from = loaded.locate([...path, 'optionsFile']);
    const read = readTextFile(resolve(loaded.baseDir, decl.optionsFile), 'options file', from, {
      root: loaded.root,
      shown: decl.optionsFile,
      file: displayPath(loaded, decl.optionsFile),
    });
    if ('error' in read) {
      errors.push(read.error);
      return undefined;
    }
    const parsed = parseYamlSource(read.text, displayPath(loaded, decl.optionsFile));
    if ('errors' in parsed) {
      errors.push(...parsed.errors.map((e) => ({ ...e, message: `options file: ${e.message}` })));
      return undefined;
    }
    const subs = (parsed.doc.value as { substitutions?: unknown } | null)?.substitutions;
    if (subs !== undefined && (subs === null || typeof subs !== 'object' || Array.isArray(subs))) {
      errors.push(
        fatal(
          'manifest-invalid',
          `options file: substitutions must be a map of key: value`,
          parsed.doc.locate(['substitutions']),
        ),
      );
      return undefined;
    }
    for (const [k, v] of Object.entries((subs ?? {}) as Record<string, unknown>)) {
      if (v !== null && typeof v === 'object') {
        // The value failed: neither it nor its key is quoted (the location says which).
        errors.push(
          fatal(
            'manifest-invalid',
            'options file: a substitutions value must be a text, number or boolean (it replaces its {{key}} as plain text)',
            parsed.doc.locate(['substitutions', k]),
          ),
        );
        return undefined;
      }
      values[k] = v === null ? '' : String(v);
    }
  }
  for (const [k, v] of Object.entries(decl.substitutions ?? {})) values[k] = String(v);
  const from = loaded.locate([...path, 'file']);
  const result = readArchyFlow(resolve(loaded.baseDir, decl.file!), displayPath(loaded, decl.file!), values, from, {
    root: loaded.root,
    shown: decl.file!,
  });
  if ('errors' in result) {
    errors.push(...result.errors);
    return undefined;
  }
  return result.flow;
}
