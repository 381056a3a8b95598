/** The `catalog` option: `bundled`, `live` (the org's region serves its swagger), or a PATH to a Genesys swagger. */
import { Catalog } from './catalog.js';
import { bundledCatalog, extraScopes, extraVocabulary } from './bundled.js';
import { operationsFromSwagger, type Swagger } from './swagger.js';
import { jsonSyntaxError } from '../util/json-check.js';
import { lineStartsOf, positionIn } from '../util/positions.js';
import { readTextFile } from '../util/read-file.js';
import { operatorRoot, showPath, workspaceRoot } from '../util/paths.js';
import { PreflightError, fatal } from '../util/errors.js';
import { loadManifest, type LoadedManifest } from '../manifest/load.js';
import { resolveRegion } from '../genesys/regions.js';
import { allowedHost } from '../genesys/hosts.js';

/**
 * Loads the catalog named by the option. Throws PreflightError (exit 2) when the file cannot be
 * read or is not a swagger.
 *
 * A PATH comes from the workflow (the `catalog` input) or the command line, not from the pull
 * request, so it is not refused for lying outside the workspace (an operator may keep a swagger
 * under $RUNNER_TEMP). But a path inside the workspace names a file the pull request controls (it
 * may be a committed symlink), so there it is confined like every manifest input
 * (src/util/paths.ts: inside the workspace, not under .git). Either way it must be a regular file,
 * opened without blocking; messages never quote its content.
 */
export async function loadCatalogOption(
  option: string,
  manifest?: LoadedManifest | string,
  ctx: { org?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Catalog> {
  const manifestPath = typeof manifest === 'string' ? manifest : manifest?.file;
  if (option === 'bundled' || option === '') return bundledCatalog();
  if (option === 'live') {
    if (!manifestPath)
      throw new PreflightError([
        fatal('manifest-invalid', 'catalog live needs a manifest (the first org names the region)'),
      ]);
    // Every region serves the same API: read it from the first checked org's region (or its
    // apiBase override, when that host is allowed to receive requests at all).
    // The entry point's loaded manifest (loaded once per run); a path is read here.
    const loaded = typeof manifest === 'string' ? loadManifest(manifest) : manifest!;
    const index = Math.max(
      0,
      ctx.org ? loaded.manifest.orgs.findIndex((o) => o.name.toLowerCase() === ctx.org!.toLowerCase()) : 0,
    );
    const org = loaded.manifest.orgs[index]!;
    const apiBase = org.credentials?.apiBase ?? resolveRegion(org.region)!.apiBase;
    if (!allowedHost(apiBase, ctx.env ?? process.env)) {
      throw new PreflightError([
        // Not quoted: the host failed the check (the location says where it is written).
        fatal(
          'manifest-invalid',
          `catalog live: the apiBase of org ${org.name} is not a Genesys Cloud host`,
          loaded.locate(['orgs', index, 'credentials', 'apiBase']),
          'remove the apiBase override, or name the host in GENESYS_PREFLIGHT_ALLOW_HOSTS',
        ),
      ]);
    }
    const { liveCatalog } = await import('./live.js');
    return liveCatalog(apiBase, loaded.locate(['orgs', index, 'region']));
  }
  const root = typeof manifest === 'object' ? manifest.root : workspaceRoot(manifestPath ?? option);
  const read = readTextFile(option, 'catalog swagger', undefined, { root: operatorRoot(option, root) });
  if ('error' in read) throw new PreflightError([read.error]);
  const bad = jsonSyntaxError(read.text);
  if (bad) {
    const at = positionIn(lineStartsOf(read.text), bad.offset, option);
    throw new PreflightError([
      fatal('manifest-invalid', `catalog ${showPath(option)} is not a Genesys swagger JSON: ${bad.message}`, at),
    ]);
  }
  let swagger: Swagger;
  try {
    swagger = JSON.parse(read.text) as Swagger;
    return new Catalog(operationsFromSwagger(swagger), extraVocabulary(), extraScopes());
  } catch (e) {
    // Own messages only (JSON.parse would quote the text; the syntax was checked above).
    const why =
      e instanceof Error && /^not a Swagger 2\.0 document/.test(e.message)
        ? e.message
        : 'it does not describe operations the way a Genesys swagger does';
    throw new PreflightError([
      fatal('manifest-invalid', `catalog ${showPath(option)} is not a Genesys swagger JSON: ${why}`, {
        file: option,
        line: 1,
        column: 1,
      }),
    ]);
  }
}
