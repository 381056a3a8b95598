/**
 * Every plan table, flattened: for each deployer × manifest kind × action the deployer may perform
 * (src/resources/expand.ts DEPLOYER_KINDS), the calls planned for a resource that takes every
 * conditional branch (force-unlock set, a non-Home division, every premium-app wizard module).
 * Read by `explain`, docs/FIDELITY.md (`npm run fidelity`) and the fidelity tests.
 */
import {
  DEPLOYERS,
  RESOURCE_ACTIONS,
  type Deployer,
  type PlannedCall,
  type Resource,
  type ResourceAction,
  type ResourceKind,
} from '../types.js';
import { DEPLOYER_KINDS } from '../resources/expand.js';
import { REFERENCE_LOOKUPS } from './references.js';
import { REFERENCE_KINDS, type FlowReference } from '../types.js';
import { planResource } from './index.js';
import { referenceCalls } from './flows.js';
import { WIZARD_MODULES } from '../domain/wizard.js';

/** The manifest kinds the plan tables cover (`terraform` resources are planned by the importer). */
export const PLANNED_KINDS: readonly ResourceKind[] = [
  'flow',
  'script',
  'scheduleGroup',
  'wfmAgentAssignment',
  'wfmSchedule',
  'premiumApp',
];

/** The division sample resources are deployed to: not Home, so division moves show. */
export const SAMPLE_DIVISION = 'Sales';

/** One cell of the matrix: the calls of one deployer for one kind and action. */
export interface PlanEntry {
  deployer: Deployer;
  kind: ResourceKind;
  action: ResourceAction;
  calls: PlannedCall[];
}

/** A resource of `kind` that takes every conditional branch of its plan. */
export function sampleResource(kind: ResourceKind, action: ResourceAction, deployer: Deployer): Resource {
  const base = {
    name: 'sample',
    action,
    deployer,
    division: SAMPLE_DIVISION,
    orgs: ['sample'],
    location: { file: 'sample', line: 1, column: 1 },
  };
  switch (kind) {
    case 'premiumApp':
      return { ...base, kind, division: null, details: { integrationType: 'sample', provision: [...WIZARD_MODULES] } };
    case 'flow':
      return { ...base, kind, details: { flowType: 'inboundcall', forceUnlock: true } };
    case 'script':
      return { ...base, kind, details: { publish: true } };
    case 'scheduleGroup':
      return { ...base, kind, details: {} };
    case 'wfmAgentAssignment':
      return {
        ...base,
        kind,
        details: { businessUnit: 'sample', managementUnit: 'sample', agents: ['agent@example.com'] },
      };
    case 'wfmSchedule':
      return { ...base, kind, details: { businessUnit: 'sample', publish: true, weekDate: '2026-01-05' } };
    case 'terraform':
      throw new Error('terraform resources are planned from their plan change (src/plan/terraform)');
  }
}

/** Every deployer × kind × action the manifest allows, with its calls; actions that do not apply are left out. */
export function planMatrix(): PlanEntry[] {
  const out: PlanEntry[] = [];
  for (const deployer of DEPLOYERS) {
    for (const kind of PLANNED_KINDS) {
      if (!DEPLOYER_KINDS[deployer].has(kind)) continue;
      for (const action of RESOURCE_ACTIONS) {
        const p = planResource(sampleResource(kind, action, deployer));
        if ('calls' in p) out.push({ deployer, kind, action, calls: p.calls });
      }
    }
  }
  return out;
}

/**
 * The lookups a flow's deploy makes for the names its file references (made for every action but
 * delete), per deployer: one call per lookup operation, its purpose naming the reference kinds.
 */
export function referenceLookups(deployer: Deployer): PlannedCall[] {
  const location = { file: 'sample', line: 1, column: 1 };
  const refs: FlowReference[] = REFERENCE_KINDS.map((kind) => ({ kind, name: kind, location }));
  const kindsOf = new Map<string, string[]>();
  for (const k of REFERENCE_KINDS) {
    const call = REFERENCE_LOOKUPS[k].call;
    kindsOf.set(call, [...(kindsOf.get(call) ?? []), k]);
  }
  return referenceCalls(refs, deployer).map((c) => {
    const { location: _location, ...rest } = c;
    return { ...rest, purpose: `resolve a referenced ${kindsOf.get(`${c.method} ${c.path}`)!.join(', ')} by name` };
  });
}
