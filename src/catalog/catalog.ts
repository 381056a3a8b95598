/**
 * The operation catalog: what each Platform API operation needs (scopes, permissions ANY/ALL),
 * looked up by method + path template, plus the vocabulary of known permissions and scopes.
 */
import { FLAG_DEPRECATED, FLAG_PREVIEW, FLAG_SCOPES_UNKNOWN, type OperationTable } from './swagger.js';
import type { PermissionSet } from '../types.js';

/** One operation of the catalog. */
export interface CatalogOperation {
  method: string;
  /** Path template, e.g. `/api/v2/flows/{flowId}`. */
  path: string;
  operationId: string;
  /** Scopes that admit the call; any one suffices (swagger `security`). */
  scopes: string[];
  /** True when the reference data does not know the scopes. */
  scopesUnknown: boolean;
  /** Null: no permission required beyond a valid token. */
  permissions: PermissionSet | null;
  deprecated: boolean;
  preview: boolean;
}

/** Splits a path into segments; `{x}` segments are parameters. */
function segments(path: string): string[] {
  return path
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .split('/')
    .filter(Boolean);
}

const isParam = (seg: string) => seg.startsWith('{') && seg.endsWith('}');

/** Catalog over a generated operation table (see scripts/build-catalog.ts). */
export class Catalog {
  private readonly byKey = new Map<string, CatalogOperation>();
  private readonly byShape = new Map<string, CatalogOperation[]>();
  /** Every permission named by an operation or by an extra vocabulary source. */
  readonly permissions: ReadonlySet<string>;
  /** Every OAuth scope named by an operation or by an extra vocabulary source. */
  readonly scopes: ReadonlySet<string>;
  readonly size: number;
  readonly version: string;

  /**
   * @param table the operation table
   * @param extraPermissions permissions known from other Genesys sources (the bundled vocabulary)
   * @param extraScopes OAuth scopes known from other Genesys sources (the bundled vocabulary)
   */
  constructor(table: OperationTable, extraPermissions: Iterable<string> = [], extraScopes: Iterable<string> = []) {
    const perms = new Set<string>(extraPermissions);
    const scopes = new Set<string>(extraScopes);
    for (const [method, path, operationId, sc, mode, pv, flags] of table.rows) {
      const op: CatalogOperation = {
        method,
        path,
        operationId,
        scopes: [...sc],
        scopesUnknown: (flags & FLAG_SCOPES_UNKNOWN) !== 0,
        permissions: mode ? Object.freeze({ mode, values: Object.freeze([...pv]) as string[] }) : null,
        deprecated: (flags & FLAG_DEPRECATED) !== 0,
        preview: (flags & FLAG_PREVIEW) !== 0,
      };
      this.byKey.set(`${method} ${path}`, op);
      const shape = `${method} ${segments(path).length}`;
      const list = this.byShape.get(shape) ?? [];
      list.push(op);
      this.byShape.set(shape, list);
      for (const p of pv) perms.add(p);
      for (const s of sc) scopes.add(s);
    }
    this.permissions = perms;
    this.scopes = scopes;
    this.size = this.byKey.size;
    this.version = table.swaggerVersion;
  }

  /**
   * Finds the operation for `method` and a path template or a concrete path
   * (`/api/v2/flows/abc` matches `/api/v2/flows/{flowId}`; literal segments win over parameters).
   */
  lookup(method: string, path: string): CatalogOperation | undefined {
    const m = method.toUpperCase();
    const exact = this.byKey.get(`${m} ${path}`);
    if (exact) return exact;
    const segs = segments(path);
    let best: CatalogOperation | undefined;
    let bestLiterals = -1;
    for (const op of this.byShape.get(`${m} ${segs.length}`) ?? []) {
      const tpl = segments(op.path);
      let literals = 0;
      let ok = true;
      for (let i = 0; i < tpl.length && ok; i++) {
        if (isParam(tpl[i]!)) continue;
        if (isParam(segs[i]!) || tpl[i] !== segs[i]) ok = false;
        else literals++;
      }
      if (ok && literals > bestLiterals) {
        best = op;
        bestLiterals = literals;
      }
    }
    return best;
  }

  /** Every operation, in table order. */
  operations(): IterableIterator<CatalogOperation> {
    return this.byKey.values();
  }
}
