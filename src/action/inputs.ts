/** Action inputs (action.yml), validated. Invalid values are user errors (exit 2). */
import type { FailOn } from '../report/model.js';
import { ORG_NAME_PATTERN } from '../grants/credentials.js';

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
  /**
   * Orgs that must be checked live (input `live-orgs`; `*` = every selected org): in auto mode
   * their unset credentials stop the check (exit 2) instead of falling back to offline.
   */
  liveOrgs: string[];
  /** Input `sarif`: where to write the SARIF report (for github/codeql-action/upload-sarif); empty = none. */
  sarif?: string;
  /** Input `excess`: report excess privilege (`true`: notices, `warning`: warnings), `false` (default): not. */
  excess?: 'false' | 'true' | 'warning';
  /** Input `issue`: `auto` keeps the drift issue on schedule/workflow_dispatch runs; `never` (default). */
  issue?: 'auto' | 'never';
  /** Input `diagnose-log`: a failed deploy's log to diagnose into the summary and the comment. */
  diagnoseLog?: string;
}

/** Thrown for an input outside its allowed values. */
export class InputError extends Error {}

function choice<T extends string>(name: string, value: string, allowed: readonly T[], dflt: T): T {
  const v = value.trim();
  if (v === '') return dflt;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(`input "${name}" must be one of ${allowed.join(', ')} (got "${v}")`);
}

/** A comma or newline separated list of org names (`*` allowed when `star`). Throws InputError. */
function orgList(name: string, value: string, star: boolean): string[] {
  const list = value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const v of list) {
    if (!(ORG_NAME_PATTERN.test(v) || (star && v === '*'))) {
      const allowed = `an org name (letters, digits, _ and -, at most 64)${star ? ' or *' : ''}`;
      throw new InputError(`input "${name}" lists a name that is not ${allowed}`);
    }
  }
  return list;
}

/** Reads and validates the inputs through `get` (core.getInput). Throws InputError. */
export function readInputs(get: (name: string) => string): ActionInputs {
  const mode = choice('mode', get('mode'), ['auto', 'offline', 'live'] as const, 'auto');
  const liveOrgs = orgList('live-orgs', get('live-orgs'), true);
  if (mode === 'offline' && liveOrgs.length) {
    throw new InputError('input "live-orgs" needs mode auto or live (mode offline checks no org live)');
  }
  return {
    manifest: get('manifest').trim() || 'genesys-preflight.yml',
    mode,
    failOn: choice('fail-on', get('fail-on'), ['error', 'warning', 'never'] as const, 'error'),
    orgs: get('orgs')
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean),
    comment: choice('comment', get('comment'), ['auto', 'always', 'never'] as const, 'auto'),
    githubToken: get('github-token').trim(),
    catalog: get('catalog').trim() || 'bundled',
    terraformPlan: get('terraform-plan').trim(),
    liveOrgs,
    sarif: get('sarif').trim(),
    excess: choice('excess', get('excess'), ['false', 'true', 'warning'] as const, 'false'),
    issue: choice('issue', get('issue'), ['auto', 'never'] as const, 'never'),
    diagnoseLog: get('diagnose-log').trim(),
  };
}
