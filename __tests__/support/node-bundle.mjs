/**
 * One way to bundle the tree for Node in tests, as ncc bundles dist/ (used by global-setup.mjs for
 * the action and CLI bundles, and by suites that bundle a few functions for a child process).
 */
import { build } from 'esbuild';

/** ESM output still meets `require()` of Node built-ins inside bundled CommonJS packages. */
const REQUIRE_SHIM =
  "import { createRequire as __gpRequire } from 'node:module';\nconst require = __gpRequire(import.meta.url);";

/**
 * Bundles `entry` (a path, or relative to `root`) with everything it imports into one ES module
 * at `outfile`, for Node 20. Rejects with esbuild's error when the entry does not build.
 */
export function bundleForNode(root, entry, outfile) {
  return build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // As ncc (webpack) resolves: a package's ESM build first (jsonc-parser's UMD build hides
    // its requires from any bundler).
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_SHIM },
    logLevel: 'error',
  });
}
