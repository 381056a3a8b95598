/** Action inputs (action.yml), validated. Invalid values are user errors (exit 2). */
import type { FailOn } from '../report/model.js';

/** The action's inputs after validation. */
export interface ActionInputs {
  manifest: string;
  mode: 'auto' | 'offline' | 'live';
  failOn: FailOn;
  orgs: string[];
  comment: 'auto' | 'always' | 'never';
  githubToken: string;
  catalog: string;
  /** Path to `terraform show -json` output, imported besides the manifest. */
  terraformPlan: string;
}

/** Thrown for an input outside its allowed values. */
export class InputError extends Error {}

function choice<T extends string>(name: string, value: string, allowed: readonly T[], dflt: T): T {
  const v = value.trim();
  if (v === '') return dflt;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(`input "${name}" must be one of ${allowed.join(', ')} (got "${v}")`);
}

/** Reads and validates the inputs through `get` (core.getInput). */
export function readInputs(get: (name: string) => string): ActionInputs {
  return {
    manifest: get('manifest').trim() || 'genesys-preflight.yml',
    mode: choice('mode', get('mode'), ['auto', 'offline', 'live'] as const, 'auto'),
    failOn: choice('fail-on', get('fail-on'), ['error', 'warning', 'never'] as const, 'error'),
    orgs: get('orgs').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean),
    comment: choice('comment', get('comment'), ['auto', 'always', 'never'] as const, 'auto'),
    githubToken: get('github-token').trim(),
    catalog: get('catalog').trim() || 'bundled',
    terraformPlan: get('terraform-plan').trim(),
  };
}
