/**
 * The bundled entry points the end-to-end and attack suites run: the run's bundle of the tree
 * (built once by __tests__/global-setup.mjs, directory in GP_BUNDLE_DIR), or, as an explicit
 * opt-in, the bundles under `GP_DIST=<dir>` (`GP_DIST=dist npm test` runs the committed dist/).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths of the two entry points (dist/'s layout). */
export interface Bundles {
  action: string;
  cli: string;
}

let found: Bundles | undefined;

/** The action and CLI bundles of this run; throws when there is none (jest without its config). */
export function bundlePaths(): Bundles {
  if (found) return found;
  const dir = process.env.GP_DIST ? resolve(process.env.GP_DIST) : process.env.GP_BUNDLE_DIR;
  if (!dir) throw new Error('no bundle: run jest with jest.config.js (its globalSetup bundles src/), or set GP_DIST');
  const b = { action: join(dir, 'action', 'index.js'), cli: join(dir, 'cli', 'index.js') };
  if (!existsSync(b.action) || !existsSync(b.cli)) throw new Error(`${dir} has no action/index.js and cli/index.js`);
  found = b;
  return b;
}
