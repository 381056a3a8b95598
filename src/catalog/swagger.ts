/**
 * Turns a Genesys Cloud Platform API swagger (Swagger 2.0) into the compact operation table.
 *
 * Genesys facts read here (official swagger, https://api.{host}/api/v2/docs/swagger):
 * - `x-inin-requires-permissions: {type: 'ANY'|'ALL', permissions: string[]}` per operation;
 * - `security: [{'PureCloud OAuth': [scope, ...]}]`: any one listed scope admits the call;
 * - `deprecated`, `x-genesys-preview`.
 * The reference subset adds `x-derived-security-unknown: true` where the scopes are not known.
 */

/** The part of a Swagger 2.0 document this module reads. */
export interface Swagger {
  info?: { version?: string; title?: string };
  paths: Record<string, Record<string, SwaggerOperation | unknown>>;
}

interface SwaggerOperation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  'x-inin-requires-permissions'?: { type?: string; permissions?: string[] };
  deprecated?: boolean;
  'x-genesys-preview'?: boolean;
  'x-derived-security-unknown'?: boolean;
}

/** Row flags (bit set). */
export const FLAG_DEPRECATED = 1;
export const FLAG_SCOPES_UNKNOWN = 2;
export const FLAG_PREVIEW = 4;

/** `[method, pathTemplate, operationId, scopes, mode (null: no permission), permissions, flags]` */
export type OperationRow = readonly [
  string,
  string,
  string,
  readonly string[],
  'ANY' | 'ALL' | null,
  readonly string[],
  number,
];

/** The committed table: one row per operation, sorted by path then method. */
export interface OperationTable {
  swaggerVersion: string;
  rows: OperationRow[];
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Builds the table. Throws when the document has no `paths` (not a swagger). */
export function operationsFromSwagger(doc: Swagger): OperationTable {
  if (!doc || typeof doc !== 'object' || !doc.paths || typeof doc.paths !== 'object') {
    throw new Error('not a Swagger 2.0 document: no "paths" object');
  }
  const rows: OperationRow[] = [];
  for (const path of Object.keys(doc.paths).sort()) {
    const item = doc.paths[path] ?? {};
    for (const method of Object.keys(item).sort()) {
      if (!METHODS.has(method)) continue;
      const op = item[method] as SwaggerOperation;
      const scopes = new Set<string>();
      for (const req of op.security ?? []) for (const list of Object.values(req)) for (const s of list) scopes.add(s);
      const req = op['x-inin-requires-permissions'];
      const perms = (req?.permissions ?? []).filter((p) => typeof p === 'string' && p.length > 0);
      const mode = perms.length === 0 ? null : req?.type === 'ALL' ? 'ALL' : 'ANY';
      let flags = 0;
      if (op.deprecated) flags |= FLAG_DEPRECATED;
      if (op['x-derived-security-unknown'] || (!op.security && scopes.size === 0)) flags |= FLAG_SCOPES_UNKNOWN;
      if (op['x-genesys-preview']) flags |= FLAG_PREVIEW;
      rows.push([method.toUpperCase(), path, op.operationId ?? '', [...scopes].sort(), mode, perms, flags]);
    }
  }
  return { swaggerVersion: doc.info?.version ?? 'unknown', rows };
}
