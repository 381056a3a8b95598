/**
 * Jest globalSetup: bundles the tree's entry points once per test run, so every end-to-end and
 * attack suite runs the code in the tree as the runner would run dist/ (one file per entry point,
 * no node_modules), without rebuilding dist/ (`npm run check-dist` guards the committed bundle).
 *
 * esbuild bundles src/main.ts and src/cli.ts (ESM for Node 20, everything inlined) into
 * `<tmp>/gp-tree-*` as `action/index.js` and `cli/index.js`, dist/'s layout; the directory is
 * passed to the workers in GP_BUNDLE_DIR and removed by global-teardown.mjs.
 * `GP_DIST=<dir>` (e.g. `GP_DIST=dist`) skips the build and runs that directory's bundles instead:
 * an explicit opt-in to exercise the committed dist/.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from './support/node-bundle.mjs';

/** A bundle directory older than this belongs to a run that never reached its teardown (interrupted). */
const STALE_MS = 6 * 3_600_000;

/** Removes the bundles of interrupted runs. */
function removeStale() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('gp-tree-')) continue;
    const path = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
  }
}

export default async function globalSetup() {
  if (process.env.GP_DIST) return;
  removeStale();
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'gp-tree-'));
  const entries = { action: 'src/main.ts', cli: 'src/cli.ts' };
  try {
    await Promise.all(
      Object.entries(entries).map(([name, entry]) => bundleForNode(root, entry, join(dir, name, 'index.js'))),
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  // Readable to the unprivileged user some suites drop to (mkdtemp makes it 0700).
  chmodSync(dir, 0o755);
  process.env.GP_BUNDLE_DIR = dir;
}
