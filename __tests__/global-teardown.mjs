/** Jest globalTeardown: removes the run's bundle of the tree (global-setup.mjs). */
import { rmSync } from 'node:fs';
import { basename } from 'node:path';

export default function globalTeardown() {
  const dir = process.env.GP_BUNDLE_DIR;
  if (dir && basename(dir).startsWith('gp-tree-') && !process.env.GP_KEEP_BUNDLE) {
    rmSync(dir, { recursive: true, force: true });
  }
}
