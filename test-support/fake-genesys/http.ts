/** HTTP plumbing of the fake: route templates, request context, JSON answers, ErrorBodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody } from '../../src/genesys/models.js';
import { contextId } from './authz.js';
import type { FakePrincipal, OrgState } from './state.js';

/** Everything a route handler needs. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** Parsed JSON body (`{}` when none or not JSON). */
  body: Record<string, unknown>;
  /** Raw body text. */
  rawBody: string;
  org: OrgState;
  principal: FakePrincipal;
  token: string;
  /** Base URL of the fake, e.g. `http://127.0.0.1:PORT` (for absolute URLs such as upload URLs; `selfUri`s are relative, as in Genesys). */
  baseUrl: string;
  /** Every org of the server, by id (for `homeOrganization` names). */
  orgs: ReadonlyMap<string, OrgState>;
}

/** A route: `template` is the swagger path template, e.g. `/api/v2/flows/{flowId}`. */
export interface Route {
  method: string;
  template: string;
  /** Division the call acts on, when known from the object it addresses (for enforcement). */
  objectDivision?: (ctx: RouteContext) => string | undefined;
  handle: (ctx: RouteContext) => void | Promise<void>;
}

/** Compiled route. */
export interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

/** Compiles a template into a regex capturing `{param}` segments. */
export function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const pattern = route.template
    .split('/')
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (m) {
        names.push(m[1]!);
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${pattern}$`), names };
}

/**
 * Finds the route for `method path`. Literal segments win over parameters (so
 * `/api/v2/flows/jobs` beats `/api/v2/flows/{flowId}`): routes are tried most-literal first.
 */
export function matchRoute(
  routes: CompiledRoute[],
  method: string,
  path: string,
): { route: CompiledRoute; params: Record<string, string> } | { methodNotAllowed: true } | undefined {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
    return { route: r, params };
  }
  return pathMatched ? { methodNotAllowed: true } : undefined;
}

/** Sorts compiled routes so that templates with fewer parameters come first. */
export function byLiteralness(a: CompiledRoute, b: CompiledRoute): number {
  return a.names.length - b.names.length;
}

/** Writes a JSON answer. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.writableEnded || res.destroyed) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'inin-correlation-id': contextId(),
    ...headers,
  });
  res.end(text);
}

/** An ErrorBody with a fresh contextId. */
export function errorBody(
  status: number,
  code: string,
  message: string,
  messageParams?: Record<string, string>,
): ErrorBody {
  return { message, code, status, messageParams: messageParams ?? {}, contextId: contextId(), details: [], errors: [] };
}

/** Writes an ErrorBody. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  messageParams?: Record<string, string>,
): void {
  sendJson(res, status, errorBody(status, code, message, messageParams));
}

/** Reads the whole request body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Standard paging of a list: `pageSize` (default `defSize`), `pageNumber` (default 1), SDK `*EntityListing` fields. */
export function page<T>(
  items: T[],
  query: URLSearchParams,
  selfPath: string,
  defSize = 25,
): {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
  firstUri: string;
  selfUri: string;
  lastUri: string;
  nextUri?: string;
  previousUri?: string;
} {
  const pageSize = clampInt(query.get('pageSize'), defSize, 1, 500);
  const pageNumber = clampInt(query.get('pageNumber'), 1, 1, 1_000_000);
  const total = items.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const uri = (n: number) => {
    const q = new URLSearchParams(query);
    q.set('pageSize', String(pageSize));
    q.set('pageNumber', String(n));
    return `${selfPath}?${q.toString()}`;
  };
  return {
    entities: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(pageCount),
    ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
    ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {}),
  };
}

function clampInt(raw: string | null, def: number, min: number, max: number): number {
  const n = raw === null ? NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return def;
  return Math.min(max, Math.max(min, n));
}
