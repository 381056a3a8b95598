/**
 * Live-mode credentials: environment variable NAMES from the manifest (`orgs[].credentials`),
 * or, for a single-org manifest without them, the CX-as-Code provider's variables
 * (`GENESYSCLOUD_OAUTHCLIENT_ID`, `GENESYSCLOUD_OAUTHCLIENT_SECRET`, `GENESYSCLOUD_REGION`).
 * Values are handed to `setSecret` the moment they are read; they never reach a report.
 */
import type { OrgDecl } from '../manifest/types.js';

/** Credentials resolved from the environment. */
export type OrgCredentials =
  | { kind: 'client-credentials'; clientId: string; clientSecret: string; source: string; region?: string }
  | { kind: 'access-token'; accessToken: string; source: string; region?: string };

/** Why no credentials: which variables are missing. */
export interface MissingCredentials {
  missing: string[];
  /** Some of the org's variables are set: the user meant a live check. */
  partial: boolean;
}

/** CX-as-Code provider variable names (terraform-provider-genesyscloud docs, "Authorization"). */
export const CX_AS_CODE_ENV = { clientId: 'GENESYSCLOUD_OAUTHCLIENT_ID', clientSecret: 'GENESYSCLOUD_OAUTHCLIENT_SECRET', region: 'GENESYSCLOUD_REGION' } as const;

/**
 * Reads an org's credentials. `singleOrg`: the manifest has one org, so the CX-as-Code variables
 * apply when the org names none. Returns undefined when the org names no credentials at all.
 */
/** Variables of the runner itself: never read as Genesys credentials (they hold GitHub's tokens). */
export const RESERVED_ENV = /^(GITHUB_|ACTIONS_|RUNNER_|INPUT_)/;

export function readCredentials(org: OrgDecl, env: NodeJS.ProcessEnv, singleOrg: boolean, setSecret: (s: string) => void): OrgCredentials | MissingCredentials | undefined {
  const c = org.credentials;
  const get = (name: string) => {
    if (RESERVED_ENV.test(name)) return undefined;
    const v = env[name];
    if (v !== undefined && v !== '') setSecret(v);
    return v !== undefined && v !== '' ? v : undefined;
  };
  if (c?.accessToken) {
    const token = get(c.accessToken);
    return token ? { kind: 'access-token', accessToken: token, source: c.accessToken } : { missing: [c.accessToken], partial: false };
  }
  if (c?.clientId || c?.clientSecret) {
    const id = c.clientId ? get(c.clientId) : undefined;
    const secret = c.clientSecret ? get(c.clientSecret) : undefined;
    if (id && secret) return { kind: 'client-credentials', clientId: id, clientSecret: secret, source: `${c.clientId}/${c.clientSecret}` };
    return { missing: [c.clientId, c.clientSecret].filter((n, i) => n && ![id, secret][i]) as string[], partial: Boolean(id || secret) };
  }
  if (singleOrg) {
    const id = get(CX_AS_CODE_ENV.clientId);
    const secret = get(CX_AS_CODE_ENV.clientSecret);
    if (id && secret) {
      const region = env[CX_AS_CODE_ENV.region];
      return { kind: 'client-credentials', clientId: id, clientSecret: secret, source: `${CX_AS_CODE_ENV.clientId}/${CX_AS_CODE_ENV.clientSecret}`, ...(region ? { region } : {}) };
    }
  }
  return undefined;
}
