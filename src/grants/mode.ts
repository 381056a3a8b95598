/**
 * Chooses how grants are read: `offline` (declared principal), `live` (Genesys Cloud, read-only),
 * or `auto` (per org: live where the org's credential variables are set in the environment, or
 * where the workflow requires it with `live-orgs` / `--live-org`; else offline).
 *
 * Everything that decides how strictly an org is checked comes from the workflow (the requested
 * mode, the live orgs, the org selection) and the runner's environment (the credential variables,
 * named by convention: credentials.ts), never from the manifest a pull request can edit.
 */
import type { GrantsReader } from './types.js';
import { declaredGrants } from './declared.js';
import type { Mode } from '../report/model.js';
import type { GenesysClientOptions } from '../genesys/client.js';
import { loadManifest, type LoadedManifest } from '../manifest/load.js';
import type { ManifestV1 } from '../manifest/types.js';
import type { Finding } from '../types.js';
import { PreflightError, fatal } from '../util/errors.js';
import {
  CX_AS_CODE_PAIR,
  conventionSet,
  credentialNameFindings,
  credentialNames,
  cxAsCodeSet,
  orphanCredentialVariables,
  readCredentials,
  requiredLive,
  selectsOneOrg,
  wantsLive,
} from './credentials.js';
import type { LiveOptions } from './live.js';

/** The resolved mode and its grants reader. */
export interface ResolvedMode {
  mode: Mode;
  grants?: GrantsReader;
}

/** What the entry points pass: the workflow's settings and hooks (secret masking, client options). */
export interface ModeHooks {
  /** Registers a secret with the runner (core.setSecret); called once per distinct secret. */
  setSecret?: (s: string) => void;
  client?: GenesysClientOptions;
  onClient?: LiveOptions['onClient'];
  /** Benchmark baseline: the naive per-resource strategy (see LiveOptions.naive). */
  naive?: boolean;
  /** The org selection (`--org`, input `orgs`); empty or absent = every org of the manifest. */
  orgs?: string[];
  /**
   * Orgs that must be checked live (`--live-org`, input `live-orgs`); `*` = every selected org.
   * In auto mode their unset credentials are a fatal `auth-failed`, never an offline fallback.
   * Only valid with mode auto or live.
   */
  liveOrgs?: string[];
}

/**
 * Resolves the requested mode. Throws PreflightError (exit 2, located at the manifest's `orgs`)
 * when the workflow's settings contradict the manifest: `live-orgs` names an org the manifest does
 * not declare; in auto mode, credential variables are set for an org the manifest does not declare
 * (a renamed or deleted org), or the CX-as-Code variables are set while several orgs without
 * their own variables are selected. When the manifest cannot be read, the check reports that.
 */
export function resolveMode(
  requested: 'auto' | 'offline' | 'live',
  manifest: string | LoadedManifest | undefined,
  env: NodeJS.ProcessEnv,
  hooks: ModeHooks = {},
): ResolvedMode {
  const liveOrgs = hooks.liveOrgs ?? [];
  const selection = hooks.orgs ?? [];
  if (requested === 'offline' && liveOrgs.length) {
    throw new PreflightError([
      fatal(
        'unverifiable',
        'live-orgs requires mode auto or live: offline mode checks no org live',
        undefined,
        'use mode: auto (or live), or remove live-orgs',
      ),
    ]);
  }
  if (requested === 'offline') return { mode: 'offline', grants: withNameChecks(declaredGrants) };
  const masked = new Set<string>();
  const setSecret = (s: string) => {
    if (masked.has(s)) return;
    masked.add(s);
    hooks.setSecret?.(s);
  };
  const options: LiveOptions = {
    env,
    setSecret,
    selection,
    liveOrgs,
    ...(hooks.client ? { client: hooks.client } : {}),
    ...(hooks.onClient ? { onClient: hooks.onClient } : {}),
    ...(hooks.naive ? { naive: true } : {}),
  };
  // The HTTP client (undici) loads only when an org is read live: offline runs start faster.
  // One reader for the run (set before the first await), so orgs sharing a client share its token.
  let reader: Promise<GrantsReader> | undefined;
  const live: GrantsReader = async (org, index, ctx) => {
    reader ??= import('./live.js').then((m) => m.liveGrantsReader(options));
    return (await reader)(org, index, ctx);
  };
  // The entry point's loaded manifest (loaded once per run; undefined: invalid, the check reports it);
  // a path is read here.
  let loaded: LoadedManifest | undefined = typeof manifest === 'string' ? undefined : manifest;
  if (typeof manifest === 'string') {
    try {
      loaded = loadManifest(manifest);
    } catch (e) {
      if (!(e instanceof PreflightError)) throw e;
    }
  }
  if (loaded) checkWorkflowSettings(requested, loaded, env, selection, liveOrgs);
  if (requested === 'live') return { mode: 'live', grants: withNameChecks(live) };

  const single = memoOne((m: ManifestV1) => selectsOneOrg(m, selection));
  const goesLive = (org: { name: string }, m: ManifestV1) =>
    requiredLive(liveOrgs, org.name) || wantsLive(readCredentials(org, env, single(m), () => {}));
  const auto: GrantsReader = async (org, index, ctx) => {
    if (goesLive(org, ctx.loaded.manifest)) return live(org, index, ctx);
    const offline = await declaredGrants(org, index, ctx);
    if (org.credentials && (org.credentials.clientId || org.credentials.clientSecret || org.credentials.accessToken)) {
      // The manifest says a live check was meant, but the secrets are unset (a fork PR, a missing secret).
      const n = credentialNames(org.name);
      offline.findings.push({
        severity: 'warning',
        code: 'unverifiable',
        message:
          `org ${org.name}: ${n.clientId}/${n.clientSecret} (or ${n.accessToken}) are not set, so only the declared ` +
          'principal was checked (offline), not what Genesys Cloud grants',
        fix: 'set the credentials from your CI secrets, or name the org in live-orgs (--live-org) to require them',
        location: ctx.loaded.locate(['orgs', index, 'credentials']),
      });
    }
    return offline;
  };
  const wanted = new Set(selection.map((s) => s.toLowerCase()));
  const isSelected = (o: { name: string }) => wanted.size === 0 || wanted.has(o.name.toLowerCase());
  const anyLive = loaded?.manifest.orgs.some((o) => isSelected(o) && goesLive(o, loaded!.manifest)) ?? false;
  return { mode: anyLive ? 'live' : 'offline', grants: withNameChecks(auto) };
}

/** Refuses credential variable names the manifest chose (credentials.ts) before any grant is read. */
function withNameChecks(reader: GrantsReader): GrantsReader {
  return async (org, index, ctx) => {
    const problems: Finding[] = credentialNameFindings(ctx.loaded, index);
    if (problems.length) return { findings: [...problems], orgId: org.orgId ?? null };
    return reader(org, index, ctx);
  };
}

/** Workflow settings checked against the manifest (see resolveMode). Throws PreflightError. */
function checkWorkflowSettings(
  requested: 'auto' | 'live',
  loaded: LoadedManifest,
  env: NodeJS.ProcessEnv,
  selection: string[],
  liveOrgs: string[],
): void {
  const m = loaded.manifest;
  const at = loaded.locate(['orgs']);
  const problems: Finding[] = [];
  const declared = new Set(m.orgs.map((o) => o.name.toLowerCase()));
  for (const name of liveOrgs) {
    if (name === '*' || declared.has(name.toLowerCase())) continue;
    problems.push(
      fatal(
        'unverifiable',
        `live-orgs names org ${name}, which ${loaded.file} does not declare: the workflow requires its live check, ` +
          'so the check cannot pass without it',
        at,
        `declare org ${name} in the manifest, or remove it from live-orgs (--live-org)`,
      ),
    );
  }
  if (requested === 'auto') {
    const orphans = orphanCredentialVariables(m, env);
    if (orphans.length) {
      problems.push(
        fatal(
          'unverifiable',
          `${orphans.join(', ')} ${orphans.length > 1 ? 'are' : 'is'} set, but no org of ${loaded.file} is named for ` +
            `${orphans.length > 1 ? 'them' : 'it'}: an org whose credentials are in the environment must be checked ` +
            'live, and a renamed or removed org cannot be',
          at,
          'declare the org under that name (GENESYS_<ORG>_...: <ORG> is the org name in upper case with - as _), ' +
            'or set the variables only in the job that checks that manifest',
        ),
      );
    }
    const wanted = new Set(selection.map((s) => s.toLowerCase()));
    const selected = m.orgs.filter((o) => wanted.size === 0 || wanted.has(o.name.toLowerCase()));
    if (cxAsCodeSet(env) && selected.length > 1 && selected.some((o) => !conventionSet(o.name, env))) {
      problems.push(
        fatal(
          'unverifiable',
          `${CX_AS_CODE_PAIR} are set, but ${selected.length} orgs are selected: they apply only when exactly ` +
            'one org is checked, and the orgs without their own GENESYS_<ORG>_* variables would fall back to offline',
          at,
          'select the org they belong to (orgs: / --org), or set GENESYS_<ORG>_CLIENT_ID and _CLIENT_SECRET per org',
        ),
      );
    }
  }
  if (problems.length) throw new PreflightError(problems);
}

/** Caches f's result for the last argument object (the same manifest for every org of a run). */
function memoOne<A extends object, R>(f: (a: A) => R): (a: A) => R {
  let last: { a: A; r: R } | undefined;
  return (a) => {
    if (last?.a !== a) last = { a, r: f(a) };
    return last.r;
  };
}
