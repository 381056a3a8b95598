/**
 * Trust-boundary tests: a manifest written as a pull request would write it (text, in a fresh
 * directory), checked the way the entry points check it (resolveMode + runCheck), with an exit
 * code as the CLI and the action compute it (a PreflightError from the workflow settings is exit 2).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../src/engine.js';
import { resolveMode, type ModeHooks } from '../../src/grants/mode.js';
import { exitCode, type Report } from '../../src/report/model.js';
import { PreflightError } from '../../src/util/errors.js';
import type { Finding } from '../../src/types.js';
import { FAST_CLIENT } from '../support/scenario.js';

/** Writes `text` as genesys-preflight.yml in a fresh directory; returns its path. */
export function writeManifest(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gp-trust-'));
  const file = join(dir, 'genesys-preflight.yml');
  writeFileSync(file, text);
  return file;
}

/** Result of one check: the report (absent when the workflow settings stopped it), findings, exit code. */
export interface Checked {
  report?: Report;
  /** Findings of a PreflightError thrown before the check (workflow settings against the manifest). */
  stopped?: Finding[];
  exit: 0 | 1 | 2;
}

/** Runs the check as an entry point does: mode resolution from the workflow side, then the engine. */
export async function check(
  manifest: string,
  requested: 'auto' | 'offline' | 'live',
  env: NodeJS.ProcessEnv,
  hooks: ModeHooks = {},
): Promise<Checked> {
  let mode: ReturnType<typeof resolveMode>;
  try {
    mode = resolveMode(requested, manifest, env, { client: FAST_CLIENT, ...hooks });
  } catch (e) {
    if (e instanceof PreflightError) return { stopped: e.findings, exit: 2 };
    throw e;
  }
  const report = await runCheck({
    manifestPath: manifest,
    mode: mode.mode,
    ...(mode.grants ? { grants: mode.grants } : {}),
    orgs: hooks.orgs ?? [],
  });
  return { report, exit: exitCode(report, 'error') };
}

/** A manifest with orgs given as YAML lines, a role table and one published flow per org. */
export function manifestText(orgs: string[], roles: Record<string, string[]>): string {
  const lines = ['version: 1', 'defaults: {deployer: archy}', 'orgs:', ...orgs];
  if (Object.keys(roles).length) lines.push('roles:');
  for (const [name, perms] of Object.entries(roles))
    lines.push(`  ${JSON.stringify(name)}: {permissions: [${perms.map((p) => JSON.stringify(p)).join(', ')}]}`);
  lines.push('flows:', '  - {name: Main IVR, type: inboundcall, division: Home, action: publish}');
  return lines.join('\n') + '\n';
}
