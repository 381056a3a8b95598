/** Types of node-bundle.mjs. */
export function bundleForNode(root: string, entry: string, outfile: string): Promise<unknown>;
