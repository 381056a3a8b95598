/**
 * Live-mode credentials. Their environment variable names follow one fixed convention derived
 * from the org name, so the manifest (which a pull request edits) never chooses which secret is
 * read:
 *
 *   org `prod-us` → KEY `PROD_US` (upper case, `-` → `_`) →
 *   `GENESYS_PROD_US_CLIENT_ID` + `GENESYS_PROD_US_CLIENT_SECRET` (client credentials), or
 *   `GENESYS_PROD_US_ACCESS_TOKEN` (a pre-issued token, e.g. a user token).
 *
 * When exactly one org is checked — a one-org manifest, or one org selected with `--org` / the
 * `orgs` input (one job per environment) — the CX-as-Code provider's variables apply when the
 * org's own variables are all unset: `GENESYSCLOUD_OAUTHCLIENT_ID` + `GENESYSCLOUD_OAUTHCLIENT_SECRET`,
 * or `GENESYSCLOUD_ACCESS_TOKEN` (which the provider uses instead of the client credentials when
 * set), and `GENESYSCLOUD_REGION` (terraform-provider-genesyscloud README, "The following
 * environment variables may be set..."). Never when several orgs are checked: whose secret they
 * are would be a guess. Only secrets (client secrets, access tokens) are handed to `setSecret`;
 * client ids and regions are not secrets and are never masked (a mask on a short common value
 * such as `true` would blank it job-wide).
 */
import type { LoadedManifest } from '../manifest/load.js';
import type { ManifestV1, OrgDecl } from '../manifest/types.js';
import type { Finding, SourceLocation } from '../types.js';
import { fatal } from '../util/errors.js';

/** Org names the schema allows (src/manifest/schema.ts): they become environment variable names. */
export const ORG_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Credentials resolved from the environment. `source` names the variables (never values). */
export type OrgCredentials =
  | { kind: 'client-credentials'; clientId: string; clientSecret: string; source: string; region?: string }
  | { kind: 'access-token'; accessToken: string; source: string; region?: string };

/** Why there are no usable credentials. */
export interface MissingCredentials {
  /** Variables that must be set (the client-credentials pair when none is set). */
  missing: string[];
  /** Other ways to provide them (e.g. the access-token variable), for messages. */
  alternatives: string[];
  /** Some of the org's variables are set: a live check was meant (and reports what is missing). */
  partial: boolean;
}

/** The three credential variable names of one org. */
export interface CredentialNames {
  clientId: string;
  clientSecret: string;
  accessToken: string;
}

/** CX-as-Code provider variable names (terraform-provider-genesyscloud README, provider configuration). */
export const CX_AS_CODE_ENV = {
  clientId: 'GENESYSCLOUD_OAUTHCLIENT_ID',
  clientSecret: 'GENESYSCLOUD_OAUTHCLIENT_SECRET',
  accessToken: 'GENESYSCLOUD_ACCESS_TOKEN',
  region: 'GENESYSCLOUD_REGION',
} as const;

/** `GENESYSCLOUD_OAUTHCLIENT_ID/GENESYSCLOUD_OAUTHCLIENT_SECRET`, for messages. */
export const CX_AS_CODE_PAIR = `${CX_AS_CODE_ENV.clientId}/${CX_AS_CODE_ENV.clientSecret}`;

/** Variables of the runner itself: never read as Genesys credentials (GitHub's tokens). Defence in depth. */
export const RESERVED_ENV = /^(GITHUB_|ACTIONS_|RUNNER_|INPUT_)/;

/**
 * Variables of the Genesys Cloud SDKs and CLI (`GENESYS_CLOUD_CLIENT_ID`...): the same shape as the
 * convention for an org named `cloud`, but set for other tools; never taken for an undeclared org.
 */
const SDK_KEY = 'CLOUD';

/** A convention variable name: KEY and which credential. */
const CONVENTION_NAME = /^GENESYS_([A-Z0-9_]+)_(CLIENT_ID|CLIENT_SECRET|ACCESS_TOKEN)$/;

/** `prod-us` → `PROD_US`: the org's part of its credential variable names. */
export function credentialKey(orgName: string): string {
  return orgName.toUpperCase().replace(/-/g, '_');
}

/** The credential variable names of org `orgName` (see the module comment). */
export function credentialNames(orgName: string): CredentialNames {
  const k = credentialKey(orgName);
  return {
    clientId: `GENESYS_${k}_CLIENT_ID`,
    clientSecret: `GENESYS_${k}_CLIENT_SECRET`,
    accessToken: `GENESYS_${k}_ACCESS_TOKEN`,
  };
}

function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  if (RESERVED_ENV.test(name)) return undefined;
  const v = env[name];
  return v !== undefined && v !== '' ? v : undefined;
}

/** True when any CX-as-Code credential variable is set. */
export function cxAsCodeSet(env: NodeJS.ProcessEnv): boolean {
  return cxAsCodeSetNames(env) !== undefined;
}

/**
 * The CX-as-Code credential variables set in `env`, for messages (names only), with the verb
 * they take: `GENESYSCLOUD_OAUTHCLIENT_ID/GENESYSCLOUD_OAUTHCLIENT_SECRET` (both set),
 * `GENESYSCLOUD_ACCESS_TOKEN`, ... joined by `and`; undefined when none is set.
 */
export function cxAsCodeSetNames(env: NodeJS.ProcessEnv): { names: string; verb: 'apply' | 'applies' } | undefined {
  const id = value(env, CX_AS_CODE_ENV.clientId) !== undefined;
  const secret = value(env, CX_AS_CODE_ENV.clientSecret) !== undefined;
  const parts: string[] = [];
  if (id && secret) parts.push(CX_AS_CODE_PAIR);
  else if (id || secret) parts.push(id ? CX_AS_CODE_ENV.clientId : CX_AS_CODE_ENV.clientSecret);
  if (value(env, CX_AS_CODE_ENV.accessToken) !== undefined) parts.push(CX_AS_CODE_ENV.accessToken);
  if (parts.length === 0) return undefined;
  return { names: parts.join(' and '), verb: parts.length > 1 || (id && secret) ? 'apply' : 'applies' };
}

/** True when any of the org's own convention variables is set (half set counts: live was meant). */
export function conventionSet(orgName: string, env: NodeJS.ProcessEnv): boolean {
  const n = credentialNames(orgName);
  return [n.clientId, n.clientSecret, n.accessToken].some((name) => value(env, name) !== undefined);
}

/**
 * Reads org `org`'s credentials from `env`. `singleOrg`: exactly one org is checked
 * ({@link selectsOneOrg}), so the CX-as-Code variables apply when the org's own are all unset.
 * Secrets (client secret, access token) go to `setSecret` as they are read; client ids and
 * regions never do. Of the org's own variables, complete client credentials win over an access
 * token, and an access token wins over a half-set client pair; of the CX-as-Code ones,
 * `GENESYSCLOUD_ACCESS_TOKEN` wins, as in the provider (its README: "If GENESYSCLOUD_ACCESS_TOKEN
 * is set, the Oauth client will use the access token instead of client credentials").
 */
export function readCredentials(
  org: Pick<OrgDecl, 'name'>,
  env: NodeJS.ProcessEnv,
  singleOrg: boolean,
  setSecret: (s: string) => void,
): OrgCredentials | MissingCredentials {
  const n = credentialNames(org.name);
  const secret = (name: string) => {
    const v = value(env, name);
    if (v !== undefined) setSecret(v);
    return v;
  };
  const id = value(env, n.clientId);
  const sec = secret(n.clientSecret);
  const token = secret(n.accessToken);
  if (id && sec) {
    return { kind: 'client-credentials', clientId: id, clientSecret: sec, source: `${n.clientId}/${n.clientSecret}` };
  }
  if (token) return { kind: 'access-token', accessToken: token, source: n.accessToken };
  if (id || sec) return { missing: [id ? n.clientSecret : n.clientId], alternatives: [n.accessToken], partial: true };
  const pair = [n.clientId, n.clientSecret];
  const own: MissingCredentials = { missing: pair, alternatives: [n.accessToken], partial: false };
  if (!singleOrg) return own;
  const cxId = value(env, CX_AS_CODE_ENV.clientId);
  const cxSecret = secret(CX_AS_CODE_ENV.clientSecret);
  const cxToken = secret(CX_AS_CODE_ENV.accessToken);
  const region = value(env, CX_AS_CODE_ENV.region);
  const withRegion = (c: OrgCredentials): OrgCredentials => (region ? { ...c, region } : c);
  if (cxToken) return withRegion({ kind: 'access-token', accessToken: cxToken, source: CX_AS_CODE_ENV.accessToken });
  if (cxId && cxSecret) {
    return withRegion({ kind: 'client-credentials', clientId: cxId, clientSecret: cxSecret, source: CX_AS_CODE_PAIR });
  }
  if (cxId || cxSecret) {
    const missing = [cxId ? CX_AS_CODE_ENV.clientSecret : CX_AS_CODE_ENV.clientId];
    return { missing, alternatives: [CX_AS_CODE_ENV.accessToken], partial: true };
  }
  return { ...own, alternatives: [n.accessToken, CX_AS_CODE_PAIR, CX_AS_CODE_ENV.accessToken] };
}

/** Whether a credential read calls for a live check: all set, or some set (live then names the missing one). */
export function wantsLive(c: OrgCredentials | MissingCredentials): boolean {
  return !('missing' in c) || c.partial;
}

/** "A and B are not set (or set C)" for a MissingCredentials. */
export function describeMissing(m: MissingCredentials): string {
  const verb = m.missing.length > 1 ? 'are' : 'is';
  const alt = m.alternatives.length ? ` (or set ${m.alternatives.join(', or ')})` : '';
  return `${m.missing.join(' and ')} ${verb} not set${alt}`;
}

/**
 * Convention variables set in `env` whose KEY no org of `manifest` has (e.g. the org was renamed
 * in a pull request): the names of those variables, sorted. Variables of the Genesys Cloud SDKs
 * (`GENESYS_CLOUD_*`) are left out unless an org is named `cloud`.
 */
export function orphanCredentialVariables(manifest: ManifestV1, env: NodeJS.ProcessEnv): string[] {
  const keys = new Set(manifest.orgs.map((o) => credentialKey(String(o.name))));
  const out: string[] = [];
  for (const name of Object.keys(env)) {
    const m = CONVENTION_NAME.exec(name);
    if (!m || value(env, name) === undefined) continue;
    if (!keys.has(m[1]!) && m[1] !== SDK_KEY) out.push(name);
  }
  return out.sort();
}

const KEYS = ['clientId', 'clientSecret', 'accessToken'] as const;

/**
 * The manifest may not choose credential variable names: per org, `credentials.clientId`,
 * `clientSecret` and `accessToken`, when given, must be the convention's names (or, in a one-org
 * manifest, the CX-as-Code ones); and two org names may not map to the same KEY (`prod-us` and
 * `prod_us` would read the same secrets). Returns located `manifest-invalid` findings with the
 * index of the org they belong to. Messages name only org names (schema-checked) and the
 * convention's names, never a value from the manifest.
 */
export function credentialNameProblems(
  manifest: ManifestV1,
  locate: (path: Array<string | number>, key?: boolean) => SourceLocation,
): Array<{ orgIndex: number; finding: Finding }> {
  const out: Array<{ orgIndex: number; finding: Finding }> = [];
  const byKey = new Map<string, number>();
  const single = manifest.orgs.length === 1;
  manifest.orgs.forEach((org, i) => {
    const name = String(org.name);
    const key = credentialKey(name);
    const first = byKey.get(key);
    if (first !== undefined) {
      const other = String(manifest.orgs[first]!.name);
      out.push({
        orgIndex: i,
        finding: fatal(
          'manifest-invalid',
          `org ${name}: its credential variables (GENESYS_${key}_*) are also those of org ${other} ` +
            `(line ${locate(['orgs', first, 'name']).line}): org names that differ only in case or in - and _ ` +
            'would share one set of secrets',
          locate(['orgs', i, 'name']),
          'rename one of the two orgs',
        ),
      });
    } else byKey.set(key, i);
    const creds = org.credentials;
    if (!creds || typeof creds !== 'object') return;
    const names = credentialNames(name);
    for (const k of KEYS) {
      const given = creds[k];
      if (given === undefined) continue;
      const cx = CX_AS_CODE_ENV[k];
      if (given === names[k] || (single && cx !== undefined && given === cx)) continue;
      out.push({
        orgIndex: i,
        finding: fatal(
          'manifest-invalid',
          `org ${name}: credentials.${k} may not choose the variable: org ${name} reads ${names[k]}. ` +
            'Credential variables are named after the org (GENESYS_<ORG>_CLIENT_ID, _CLIENT_SECRET, _ACCESS_TOKEN; ' +
            '<ORG> in upper case with - as _), because a pull request that edits the manifest could otherwise ' +
            'point the check at other secrets of the job or switch its live check off',
          locate(['orgs', i, 'credentials', k]),
          `remove credentials.${k} (the name is fixed), or write ${names[k]}, and store the secret under that name`,
        ),
      });
    }
  });
  return out;
}

const problemsCache = new WeakMap<LoadedManifest, Map<number, Finding[]>>();

/** credentialNameProblems for one org of a loaded manifest (computed once per manifest). */
export function credentialNameFindings(loaded: LoadedManifest, orgIndex: number): Finding[] {
  let byOrg = problemsCache.get(loaded);
  if (!byOrg) {
    byOrg = new Map();
    for (const { orgIndex: i, finding } of credentialNameProblems(loaded.manifest, loaded.locate)) {
      byOrg.set(i, [...(byOrg.get(i) ?? []), finding]);
    }
    problemsCache.set(loaded, byOrg);
  }
  return byOrg.get(orgIndex) ?? [];
}

/** True when `liveOrgs` (`--live-org`, input `live-orgs`; `*` = every selected org) names org `name`. */
export function requiredLive(liveOrgs: readonly string[], name: string): boolean {
  return liveOrgs.some((n) => n === '*' || n.toLowerCase() === name.toLowerCase());
}

/** Number of the manifest's orgs the selection (`--org` / `orgs` input; empty = every org) checks. */
export function selectedOrgCount(manifest: ManifestV1, selection: readonly string[]): number {
  if (selection.length === 0) return manifest.orgs.length;
  const wanted = new Set(selection.map((s) => s.toLowerCase()));
  return manifest.orgs.filter((o) => wanted.has(String(o.name).toLowerCase())).length;
}

/**
 * Whether exactly one org of the manifest is checked: a one-org manifest with no selection, or a
 * selection (`--org` / `orgs` input; empty = every org; case-insensitive) naming exactly one of
 * its orgs. Then the CX-as-Code variables apply to it; never when several orgs are checked.
 */
export function selectsOneOrg(manifest: ManifestV1, selection: readonly string[]): boolean {
  return selectedOrgCount(manifest, selection) === 1;
}
