/**
 * Terraform plan importer: the JSON of `terraform show -json PLANFILE` → Resources.
 *
 * Plan format (Terraform docs, "JSON Output Format", and internal/command/jsonplan): a root object
 * with `format_version` ("1.x"), `terraform_version`, `planned_values`, `resource_changes` (omitted
 * when nothing changes), `prior_state`, `configuration`. Each resource change has `address`,
 * `mode` (managed | data), `type`, `name`, `provider_name`, optional `module_address`, `deposed`,
 * and `change` {actions, before, after, after_unknown, before_sensitive, after_sensitive}. Actions are
 * ["no-op"], ["create"], ["read"], ["update"], ["delete"], and the replaces ["delete","create"] /
 * ["create","delete"] (Terraform 1.7+ also plans ["forget"]: removed from state, no API call).
 *
 * What becomes requirements:
 * - managed `genesyscloud_*` changes: create, update, delete (a replace is a delete plus a create);
 * - `genesyscloud_flow` → a `flow` Resource read from its Archy file (src/plan/flows.ts plans it);
 * - `genesyscloud_script` → a `script` Resource (src/plan/scripts.ts: the import is a multipart upload
 *   that the CX-as-Code table does not list, a known gap reported `unverifiable`);
 * - any other type in the CX-as-Code table → a `terraform` Resource with its calls
 *   (src/plan/terraform/docs-table.ts); a type the table does not know → an `unverifiable` warning;
 *   an update that changes `division_id` adds the update calls checked in the division it leaves.
 *
 * Skipped: no-op, read and forget actions; data sources (`mode: "data"`): the provider reads them
 * while Terraform plans, so the plan existing means they were read (a read deferred to apply shows up
 * as a "read" change and is skipped likewise); non-genesyscloud types.
 *
 * Sensitive values (passwords, secrets) are present in `after`; the importer reads only
 * `division_id`, `filepath`, `substitutions`, `force_unlock` and `script_name`, and messages never
 * quote attribute values other than division ids and file paths.
 */
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type {
  DeclaredName,
  Finding,
  Resource,
  ResourceAction,
  SourceLocation,
  TerraformAction,
  TerraformChange,
} from '../types.js';
import { redactStrings } from '../util/redact.js';
import { fatal } from '../util/errors.js';
import { jsonSyntaxError } from '../util/json-check.js';
import { readTextFile } from '../util/read-file.js';
import { parseYamlSource, type NodePath, type SourceDocument } from '../util/yaml-source.js';
import { readArchyFlow, type ArchyFlow } from './archy.js';
import { confinePath, showPath, workspaceRoot } from '../util/paths.js';
import { DIVISION_AWARE_TYPES, HOME as HOME_DIVISION } from '../domain/divisions.js';

export interface TerraformImport {
  resources: Resource[];
  /** Flow files read for `genesyscloud_flow` resources (for reference scanning). */
  flows: Map<Resource, ArchyFlow>;
  /** Warnings (`unverifiable`): unknown types, divisions or flow files known only after apply. */
  findings: Finding[];
  /** Fatal, located problems (`manifest-invalid`, `file-not-found`): the check cannot be done. */
  errors: Finding[];
}

export interface TerraformImportOptions {
  /** How the plan file is named in findings (e.g. relative to the working directory). */
  displayPath: string;
  /** Orgs the plan is applied to. */
  orgs: string[];
  /** Where the plan is referenced (manifest `terraform.plan`, or the CLI flag): a missing file points there. */
  from: SourceLocation;
  /** Where relative flow/script `filepath`s resolve (Terraform's working directory); default: the plan's directory. */
  baseDir?: string;
  /**
   * Workspace root the flow and script files the plan names must resolve inside (src/util/paths.ts);
   * default: workspaceRoot(planPath).
   */
  root?: string;
  /**
   * Root the plan file itself must resolve inside: default `root`; `null` for an operator's path
   * outside the workspace (a workflow input such as $RUNNER_TEMP/plan.json; see operatorRoot).
   */
  planRoot?: string | null;
  /** How the plan path is named in messages about reading it (default: displayPath). */
  shown?: string;
}

/** Placeholder value for a substitution known only after apply (a plain YAML scalar anywhere). */
const UNKNOWN_MARK = 'KNOWN-AFTER-APPLY';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);
/** True when `after_unknown` says `key` (or the whole value) is known only after apply. */
const unknownAfter = (au: unknown, key: string) => au === true || (isObj(au) && own(au, key) && au[key] === true);

const HOW_TO_MAKE = 'create it with: terraform plan -out=tfplan && terraform show -json tfplan > plan.json';

/** Reads a `terraform show -json` plan and turns its Genesys Cloud changes into Resources. */
export function importTerraformPlan(planPath: string, opts: TerraformImportOptions): TerraformImport {
  const out: TerraformImport = { resources: [], flows: new Map(), findings: [], errors: [] };
  const abs = resolve(planPath);
  const baseDir = opts.baseDir ?? dirname(abs);
  const file = opts.displayPath;
  const rootDir = opts.root ?? workspaceRoot(abs);
  const planRoot = opts.planRoot === undefined ? rootDir : opts.planRoot;

  const read = readTextFile(abs, 'Terraform plan', opts.from, { root: planRoot, shown: opts.shown ?? file, file });
  if ('error' in read) {
    const e = read.error;
    if (e.code === 'manifest-invalid' && /not a text file|not valid UTF-8/.test(e.message) && isZip(abs, planRoot)) {
      out.errors.push(
        fatal(
          'manifest-invalid',
          `Terraform plan ${showPath(file)} is a binary plan file, not its JSON`,
          opts.from,
          `convert it: terraform show -json ${showPath(file)} > plan.json, and pass plan.json`,
        ),
      );
    } else out.errors.push(e);
    return out;
  }
  const text = read.text;
  const bad = jsonSyntaxError(text);
  if (bad) {
    out.errors.push(
      fatal(
        'manifest-invalid',
        `Terraform plan ${file} is not JSON: ${bad.message}`,
        offsetToLocation(text, bad.offset, file),
        `pass the output of terraform show -json (not the human-readable plan); ${HOW_TO_MAKE}`,
      ),
    );
    return out;
  }
  const parsed = parseYamlSource(text, file);
  if ('errors' in parsed) {
    out.errors.push(...parsed.errors.map((e) => ({ ...e, message: `Terraform plan: ${e.message}` })));
    return out;
  }
  const doc = parsed.doc;
  const root = doc.value;
  const invalid = (message: string, path: NodePath, fix?: string, key = false) =>
    out.errors.push(fatal('manifest-invalid', message, doc.locate(path, key), fix));

  if (!isObj(root)) {
    invalid(`Terraform plan ${file} must be a JSON object (the output of terraform show -json)`, [], HOW_TO_MAKE);
    return out;
  }
  if (!own(root, 'format_version')) {
    invalid(
      `Terraform plan ${file} has no format_version: it is not the output of terraform show -json`,
      [],
      HOW_TO_MAKE,
    );
  } else if (typeof root.format_version !== 'string' || !/^1\.\d+$/.test(root.format_version)) {
    // The value failed: it is not quoted.
    invalid(
      'Terraform plan: this format_version is not supported (expected "1.x")',
      ['format_version'],
      'produce the plan JSON with Terraform 0.12 or later (format 1.x)',
    );
  }
  if (own(root, 'resource_changes')) {
    if (!Array.isArray(root.resource_changes))
      invalid('Terraform plan: resource_changes must be a list', ['resource_changes']);
  } else if (!own(root, 'planned_values')) {
    // Terraform omits resource_changes when nothing changes, but always writes planned_values.
    invalid(
      `Terraform plan ${file} has no resource_changes: it is not a plan (terraform show -json of a state file?)`,
      [],
      HOW_TO_MAKE,
    );
  }
  if (root.errored === true) {
    invalid(
      'Terraform plan: the plan is incomplete ("errored": true): terraform plan failed',
      ['errored'],
      'fix the plan errors and create the plan again',
    );
  }
  if (out.errors.length) return out;
  const changes = (root.resource_changes ?? []) as unknown[];

  // Shape of every entry first: a malformed plan is reported as a whole, not half imported.
  const entries: Array<{ i: number; e: Obj; actions: string[] }> = [];
  changes.forEach((e, i) => {
    const at: NodePath = ['resource_changes', i];
    if (!isObj(e)) return invalid(`Terraform plan: resource_changes[${i}] must be an object`, at);
    for (const k of ['address', 'type', 'mode'] as const) {
      if (typeof e[k] !== 'string' || e[k] === '')
        invalid(`Terraform plan: resource_changes[${i}].${k} must be a non-empty text`, own(e, k) ? [...at, k] : at);
    }
    if (!isObj(e.change))
      return invalid(
        `Terraform plan: resource_changes[${i}].change must be an object`,
        own(e, 'change') ? [...at, 'change'] : at,
      );
    const a = e.change.actions;
    if (!Array.isArray(a) || a.length === 0 || !a.every((x) => typeof x === 'string')) {
      return invalid(
        `Terraform plan: resource_changes[${i}].change.actions must be a non-empty list of action names such as ["create"]`,
        own(e.change, 'actions') ? [...at, 'change', 'actions'] : [...at, 'change'],
      );
    }
    for (const side of ['before', 'after'] as const) {
      const v = e.change[side];
      if (v !== undefined && v !== null && !isObj(v))
        invalid(`Terraform plan: resource_changes[${i}].change.${side} must be an object or null`, [
          ...at,
          'change',
          side,
        ]);
    }
    entries.push({ i, e, actions: a as string[] });
  });
  if (out.errors.length) return out;

  const ctx: Ctx = {
    doc,
    file,
    opts,
    baseDir,
    root: rootDir,
    out,
    divisionNames: divisionNames(root),
    config: root.configuration,
  };
  for (const { i, e, actions } of entries) {
    const type = e.type as string;
    if (!type.startsWith('genesyscloud_')) continue; // other providers (aws_*, null_resource...) are not ours
    if (e.mode === 'data') continue; // data sources: read by the provider while planning (see the header)
    const todo = terraformActions(actions);
    if (todo === undefined) {
      // The actions failed: they are not quoted (the location says where they are).
      out.findings.push(
        warning(
          `${String(e.address)}: the Terraform actions of this change are not understood; what it does in Genesys Cloud cannot be checked`,
          doc.locate(['resource_changes', i, 'change', 'actions']),
          `terraform:${String(e.address)}`,
        ),
      );
      continue;
    }
    for (const action of todo) importChange(ctx, i, e, type, action);
  }
  return out;
}

/** The Terraform actions to plan for a change; [] for no-op/read/forget; undefined when not understood. */
function terraformActions(actions: string[]): TerraformAction[] | undefined {
  const key = actions.join(',');
  switch (key) {
    case 'create':
    case 'update':
    case 'delete':
      return [key];
    case 'delete,create':
    case 'create,delete':
      return ['delete', 'create'];
    case 'no-op':
    case 'read':
    case 'forget':
      return [];
    default:
      return undefined;
  }
}

interface Ctx {
  doc: SourceDocument;
  file: string;
  opts: TerraformImportOptions;
  baseDir: string;
  /** Workspace root for the files the plan names. */
  root: string;
  out: TerraformImport;
  /** Division id → name, from divisions the plan itself describes. */
  divisionNames: Map<string, string>;
  config: unknown;
}

function importChange(ctx: Ctx, i: number, e: Obj, type: string, action: TerraformAction): void {
  const { doc, out } = ctx;
  const change = e.change as Obj;
  const side = action === 'delete' ? 'before' : 'after';
  const values = isObj(change[side]) ? (change[side] as Obj) : {};
  const address = String(e.address) + (typeof e.deposed === 'string' ? ` (deposed ${e.deposed})` : '');
  const location = doc.locate(['resource_changes', i]);
  const base = { deployer: 'cx-as-code' as const, orgs: [...ctx.opts.orgs], location };

  if (type === 'genesyscloud_flow') return importFlow(ctx, i, e, action, address, values);

  const div = divisionOf(ctx, i, e, type, action, values);
  if (type === 'genesyscloud_script') {
    const filepath = typeof values.filepath === 'string' ? values.filepath : undefined;
    if (filepath && action !== 'delete') {
      const abs = resolve(ctx.baseDir, filepath);
      const r = readTextFile(abs, 'script file', doc.locate(['resource_changes', i, 'change', side, 'filepath']), {
        root: ctx.root,
        shown: filepath,
        file: displayOf(abs),
      });
      if ('error' in r) out.errors.push(r.error);
    }
    const name = typeof values.script_name === 'string' && values.script_name ? values.script_name : address;
    const r: Resource = {
      kind: 'script',
      name,
      action: action === 'delete' ? 'delete' : 'deploy',
      ...base,
      division: div.division,
      details: { publish: true, file: filepath, address },
    };
    if (div.location) r.divisionLocation = div.location;
    out.resources.push(r);
    return;
  }

  const names = action === 'delete' ? [] : declaredNamesOf(doc, i, side, type, address, values);
  const roles = action === 'delete' || !Array.isArray(values.roles) ? 0 : values.roles.length;
  if (type === 'genesyscloud_oauth_client' && roles > 0) {
    // The provider's rule (docs/resources/oauth_client.md, `roles`): "The roles must also already be
    // assigned to the OAuth Client used by Terraform." Role membership is not compared here.
    out.findings.push(
      warning(
        `${address}: assigns ${roles} role${roles === 1 ? '' : 's'} to an OAuth client; the provider requires each of them to be assigned already to the OAuth client Terraform runs as, which this check does not compare`,
        doc.locate(['resource_changes', i, 'change', side, 'roles']),
        `terraform:${address}`,
        'assign these roles (in the same divisions) to the deploy client before the apply',
      ),
    );
  }
  const r: Resource = {
    kind: 'terraform',
    name: address,
    action,
    ...base,
    division: div.division,
    details: {
      type,
      address,
      change: plannedChange(e),
      ...(div.id ? { divisionId: div.id } : {}),
      ...(names.length ? { declaredNames: names } : {}),
    },
  };
  if (div.location) r.divisionLocation = div.location;
  out.resources.push(r);

  // An update that changes division_id moves the object: the plan stage checks the move in the
  // division it leaves too (a second resource, in that division).
  const was = isObj(change.before) ? change.before.division_id : undefined;
  if (action === 'update' && div.id && typeof was === 'string' && was.trim() !== '' && was !== div.id) {
    out.resources.push({
      kind: 'terraform',
      name: address,
      action,
      ...base,
      division: ctx.divisionNames.get(was) ?? was,
      divisionLocation: doc.locate(['resource_changes', i, 'change', 'before', 'division_id']),
      details: { type, address, change: plannedChange(e), divisionId: was, movedFrom: true },
    });
  }
}

/**
 * Permission and scope names a plan writes: `genesyscloud_auth_role.permission_policies`
 * ({domain, entity_name, action_set}) and `genesyscloud_oauth_client.scopes`, for the lint.
 */
function declaredNamesOf(
  doc: SourceDocument,
  i: number,
  side: string,
  type: string,
  address: string,
  values: Obj,
): DeclaredName[] {
  const out: DeclaredName[] = [];
  const at: NodePath = ['resource_changes', i, 'change', side];
  if (type === 'genesyscloud_auth_role' && Array.isArray(values.permission_policies)) {
    (values.permission_policies as unknown[]).forEach((pol, j) => {
      if (
        !isObj(pol) ||
        typeof pol.domain !== 'string' ||
        typeof pol.entity_name !== 'string' ||
        !Array.isArray(pol.action_set)
      )
        return;
      (pol.action_set as unknown[]).forEach((a, k) => {
        out.push({
          kind: 'permission',
          value: `${pol.domain}:${pol.entity_name}:${String(a)}`,
          where: address,
          location: doc.locate([...at, 'permission_policies', j, 'action_set', k]),
        });
      });
    });
  }
  if (type === 'genesyscloud_oauth_client' && Array.isArray(values.scopes)) {
    (values.scopes as unknown[]).forEach((sc, k) => {
      if (typeof sc === 'string')
        out.push({ kind: 'scope', value: sc, where: address, location: doc.locate([...at, 'scopes', k]) });
    });
  }
  return out;
}

function changeOf(e: Obj): Obj {
  return isObj(e.change) ? e.change : {};
}

/**
 * The parts of a change the plan stage tests (before, after, after_unknown), its strings redacted:
 * a plan holds passwords and secrets in clear, and a resource must never carry them (src/util/redact.ts).
 */
function plannedChange(e: Obj): TerraformChange {
  const c = changeOf(e);
  return {
    before: redactStrings(c.before ?? null),
    after: redactStrings(c.after ?? null),
    after_unknown: c.after_unknown ?? {},
  };
}

/** The division of a resource change: its division_id (named when the plan names it), Home by default for division-aware types. */
function divisionOf(
  ctx: Ctx,
  i: number,
  e: Obj,
  type: string,
  action: TerraformAction,
  values: Obj,
): { division: string | null; id?: string; location?: SourceLocation } {
  const change = e.change as Obj;
  const side = action === 'delete' ? 'before' : 'after';
  const fallback = DIVISION_AWARE_TYPES.has(type) ? HOME_DIVISION : null;
  if (action !== 'delete' && unknownAfter(change.after_unknown, 'division_id')) {
    // division_id is Optional+Computed: unset in the configuration, it is unknown on create and the
    // provider leaves the object in the Home division. Set from an expression (a division created in
    // the same apply, another resource's attribute), it is truly unknown.
    const expr = configExpressions(ctx.config, e);
    if (expr && !own(expr, 'division_id')) return { division: fallback };
    const refs =
      expr && isObj(expr.division_id) && Array.isArray(expr.division_id.references)
        ? (expr.division_id.references as unknown[]).filter((x) => typeof x === 'string')
        : [];
    ctx.out.findings.push(
      warning(
        `${String(e.address)}: division_id is known only after apply${refs.length ? ` (it comes from ${refs[0]})` : ''}; the division grant for this ${action} cannot be checked before the deploy`,
        ctx.doc.locate(['resource_changes', i]),
        `terraform:${String(e.address)}`,
        'grant the deploy role in all divisions (*), or create the division in an earlier apply so the plan knows its id',
      ),
    );
    return { division: null };
  }
  const id = values.division_id;
  if (typeof id === 'string' && id.trim() !== '') {
    return {
      division: ctx.divisionNames.get(id) ?? id,
      id,
      location: ctx.doc.locate(['resource_changes', i, 'change', side, 'division_id']),
    };
  }
  return { division: fallback };
}

function importFlow(ctx: Ctx, i: number, e: Obj, action: TerraformAction, address: string, values: Obj): void {
  const { doc, out } = ctx;
  const change = e.change as Obj;
  const side = action === 'delete' ? 'before' : 'after';
  const at: NodePath = ['resource_changes', i];
  const location = doc.locate(at);
  const label = `flow:${address}`;
  const resourceAction: ResourceAction = action === 'delete' ? 'delete' : 'deploy';
  const forceUnlock = action !== 'delete' && values.force_unlock === true;
  /** A flow whose file cannot be read: its calls are still checked, without a division. */
  const unread = (why: string, fix: string) => {
    out.findings.push(warning(`${address}: ${why}`, location, label, fix));
    out.resources.push({
      kind: 'flow',
      name: address,
      action: resourceAction,
      deployer: 'cx-as-code',
      orgs: [...ctx.opts.orgs],
      location,
      division: null,
      details: {
        flowType: undefined,
        file: typeof values.filepath === 'string' ? values.filepath : undefined,
        forceUnlock,
        address,
      },
    });
  };

  if (action !== 'delete' && unknownAfter(change.after_unknown, 'filepath')) {
    return unread(
      'the flow filepath is known only after apply; the flow file cannot be read, so its name, type and division (and the division grant) cannot be checked',
      'give genesyscloud_flow a filepath known at plan time (a literal or path.module path)',
    );
  }
  if (typeof values.filepath !== 'string' || values.filepath === '') {
    if (action === 'delete') {
      return unread(
        'the flow being deleted has no filepath in the plan; its division is unknown, so the division grant cannot be checked',
        "grant the deploy role architect:flow:delete in the flow's division",
      );
    }
    out.errors.push(
      fatal(
        'manifest-invalid',
        `${address}: genesyscloud_flow has no filepath in the plan`,
        doc.locate([...at, 'change', side]),
        'set filepath to the Archy YAML file of the flow',
      ),
    );
    return;
  }
  const filepath = values.filepath;
  const abs = isAbsolute(filepath) ? filepath : resolve(ctx.baseDir, filepath);

  const subs: Record<string, string> = Object.create(null) as Record<string, string>;
  const unknownSubs = side === 'after' ? change.after_unknown : undefined;
  if (unknownAfter(unknownSubs, 'substitutions')) {
    return unread(
      'the flow substitutions are known only after apply; the flow file cannot be filled in, so its name, type and division (and the division grant) cannot be checked',
      'make the substitutions map itself known at plan time (only some values may come from other resources)',
    );
  }
  const given = isObj(values.substitutions) ? values.substitutions : {};
  for (const [k, v] of Object.entries(given))
    subs[k] = v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const unknownKeys =
    isObj(unknownSubs) && isObj(unknownSubs.substitutions)
      ? Object.keys(unknownSubs.substitutions).filter((k) => (unknownSubs.substitutions as Obj)[k] === true)
      : [];
  for (const k of unknownKeys) subs[k] = `${UNKNOWN_MARK}-${k}`;

  const from = doc.locate([...at, 'change', side, 'filepath']);
  const shown = displayOf(abs);
  const result = readArchyFlow(abs, shown, subs, from, { root: ctx.root, shown: filepath });
  if ('errors' in result) {
    const missing = result.errors.find((x) => x.code === 'file-not-found');
    if (action === 'delete' && missing) {
      return unread(
        `the flow file ${filepath} of the flow being deleted is gone; the flow's division is unknown, so the division grant cannot be checked`,
        "grant the deploy role architect:flow:delete in the flow's division",
      );
    }
    out.errors.push(...result.errors);
    return;
  }
  const flow = result.flow;
  let division: string | null = flow.division ?? HOME_DIVISION;
  if (division.includes(UNKNOWN_MARK)) {
    division = null;
    out.findings.push(
      warning(
        `${address}: the flow's division comes from a substitution known only after apply; the division grant cannot be checked`,
        flow.divisionLocation ?? location,
        `flow:${flow.name}`,
        'grant the deploy role in all divisions (*), or make the division substitution known at plan time',
      ),
    );
  }
  const r: Resource = {
    kind: 'flow',
    name: flow.name,
    action: resourceAction,
    deployer: 'cx-as-code',
    orgs: [...ctx.opts.orgs],
    location,
    division,
    details: { flowType: flow.type, file: filepath, forceUnlock, address },
  };
  if (division !== null && flow.divisionLocation) r.divisionLocation = flow.divisionLocation;
  out.resources.push(r);
  out.flows.set(r, flow);
}

/** Resource `expressions` of a change in the plan's `configuration` (module instance keys ignored). */
function configExpressions(config: unknown, e: Obj): Obj | undefined {
  if (!isObj(config) || !isObj(config.root_module)) return undefined;
  let mod: Obj = config.root_module;
  const moduleAddress = typeof e.module_address === 'string' ? e.module_address : '';
  for (const m of moduleAddress.matchAll(/module\.([^.[\]]+)(?:\[[^\]]*\])?/g)) {
    const calls = mod.module_calls;
    const call = isObj(calls) && own(calls, m[1]!) ? calls[m[1]!] : undefined;
    if (!isObj(call) || !isObj(call.module)) return undefined;
    mod = call.module;
  }
  const resources = Array.isArray(mod.resources) ? mod.resources : [];
  const r = resources.find((x): x is Obj => isObj(x) && x.mode === e.mode && x.type === e.type && x.name === e.name);
  if (!r) return undefined;
  return isObj(r.expressions) ? r.expressions : {};
}

/** Division id → name from divisions described in the plan (prior state, planned values, unchanged division resources). */
function divisionNames(root: Obj): Map<string, string> {
  const names = new Map<string, string>();
  const add = (type: unknown, v: unknown) => {
    if (
      (type === 'genesyscloud_auth_division' || type === 'genesyscloud_auth_division_home') &&
      isObj(v) &&
      typeof v.id === 'string' &&
      typeof v.name === 'string' &&
      v.id &&
      v.name
    ) {
      names.set(v.id, v.name);
    }
  };
  const walk = (mod: unknown, depth: number) => {
    if (!isObj(mod) || depth > 50) return;
    if (Array.isArray(mod.resources)) for (const r of mod.resources) if (isObj(r)) add(r.type, r.values);
    if (Array.isArray(mod.child_modules)) for (const c of mod.child_modules) walk(c, depth + 1);
  };
  for (const k of ['prior_state', 'planned_values'] as const) {
    const s = root[k];
    const values = isObj(s) && k === 'prior_state' ? s.values : s;
    if (isObj(values)) walk(values.root_module, 0);
  }
  // Divisions the apply changes: their current name (before), which is what grants show now.
  if (Array.isArray(root.resource_changes)) {
    for (const c of root.resource_changes) if (isObj(c) && isObj(c.change)) add(c.type, c.change.before);
  }
  return names;
}

function warning(message: string, location: SourceLocation, resource?: string, fix?: string): Finding {
  const f: Finding = { severity: 'warning', code: 'unverifiable', message, location };
  if (resource) f.resource = resource;
  if (fix) f.fix = fix;
  return f;
}

function displayOf(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

function offsetToLocation(text: string, offset: number, file: string): SourceLocation {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      start = k + 1;
    }
  }
  return { file, line, column: offset - start + 1 };
}

/**
 * True when the file starts like a zip archive (Terraform's binary plan files are zips). The path is
 * confined and opened like readTextFile does (non-blocking, still a regular file), so nothing swapped
 * in since can block or leak.
 */
function isZip(path: string, root: string | null): boolean {
  const checked = confinePath(path, 'Terraform plan', undefined, root);
  if ('error' in checked) return false;
  let fd: number | undefined;
  try {
    fd = openSync(checked.real, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | (fsConstants.O_NOFOLLOW ?? 0));
    if (!fstatSync(fd).isFile()) return false;
    const b = Buffer.alloc(4);
    return readSync(fd, b, 0, 4, 0) === 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
