/**
 * The bundles the attack suite runs: `action/index.js` and `cli/index.js` as a runner runs
 * dist/, from the run's bundle of the tree (see ../support/bundle.ts; `GP_DIST=dist` opts in to
 * the committed dist/).
 */
import { bundlePaths, type Bundles } from '../support/bundle.js';

export type { Bundles };

/** The bundles to run (async for the harness's callers). */
export async function bundles(): Promise<Bundles> {
  return bundlePaths();
}
