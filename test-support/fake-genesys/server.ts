/**
 * A fake Genesys Cloud (login + Platform API on one origin) on 127.0.0.1, for tests and
 * demos. Hosts several orgs; speaks the real paths and SDK shapes; enforces permissions
 * per division from a requirement lookup; injects faults.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequirement, checkScopes, contextId } from './authz.js';
import { divisionAwareness } from './catalog.js';
import { FaultStore } from './faults.js';
import {
  byLiteralness,
  compile,
  errorBody,
  matchRoute,
  readBody,
  sendError,
  sendJson,
  type CompiledRoute,
  type RouteContext,
} from './http.js';
import { bodyDivision, deployRoutes } from './routes-deploy.js';
import { inspectRoutes } from './routes-inspect.js';
import {
  buildOrgState,
  clientPrincipal,
  findDivision,
  newToken,
  userPrincipal,
  type OrgState,
  type TokenRecord,
} from './state.js';
import type { FakeCall, FakeGenesys, FakeGenesysConfig, FaultSpec } from './types.js';

const ROUTES: CompiledRoute[] = [...inspectRoutes, ...deployRoutes].map(compile).sort(byLiteralness);

/** The modelled routes, then a generic enforced answer for each listed operation they do not serve. */
function withEnforceOnly(operations: readonly string[]): CompiledRoute[] {
  const modelled = new Set(ROUTES.map((r) => `${r.method} ${r.template.replace(/\{[^}]+\}/g, '{}')}`));
  const generic = operations
    .map((op) => {
      const i = op.indexOf(' ');
      return { method: op.slice(0, i).toUpperCase(), template: op.slice(i + 1) };
    })
    .filter((r) => !modelled.has(`${r.method} ${r.template.replace(/\{[^}]+\}/g, '{}')}`))
    .map((r) =>
      compile({
        ...r,
        handle: (ctx) => (r.method === 'DELETE' ? sendJson(ctx.res, 204, undefined) : sendJson(ctx.res, 200, {})),
      }),
    );
  // One order by literalness: `/api/v2/flows/outcomes` is its own operation, not a `/flows/{flowId}`.
  return [...ROUTES, ...generic].sort(byLiteralness);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Parses `Authorization: Basic base64(id:secret)`. */
function basicAuth(req: IncomingMessage): { id: string; secret: string } | undefined {
  const h = req.headers.authorization ?? '';
  const m = /^Basic\s+(.+)$/i.exec(h);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? undefined : { id: decoded.slice(0, i), secret: decoded.slice(i + 1) };
}

function bearer(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Starts the fake on 127.0.0.1 (ephemeral port unless `config.port`).
 *
 * Routes: `POST /oauth/token` (client credentials, HTTP Basic; wrong secret → 401
 * `{"error":"invalid_client",...}`), the inspection GETs (routes-inspect.ts) and the deploy
 * endpoints (routes-deploy.ts). Tokens are opaque random strings bound to org + client;
 * users' configured `accessToken`s work as user-grant tokens.
 *
 * Enforcement (API routes, when `config.requirements` returns a requirement for
 * `METHOD template`): user tokens must hold one of its `scopes` (if any); the principal must
 * hold the permissions (ANY/ALL) in the target division — body `division.id` / `divisionId`,
 * else header `x-fake-division` (id or name), else the addressed object's division, else
 * any division for GETs, else the Home division. Requirements with `divisionAware: false`,
 * or whose permissions are all division-unaware in the org catalog, are checked in any division.
 *
 * @throws Error when an org references unknown roles/divisions, or client ids collide.
 */
export async function startFakeGenesys(config: FakeGenesysConfig): Promise<FakeGenesys> {
  const routes = config.enforceOnly?.length ? withEnforceOnly(config.enforceOnly) : ROUTES;
  const orgs = new Map<string, OrgState>();
  const clients = new Map<string, { org: OrgState; client: FakeGenesysConfig['orgs'][number]['clients'][number] }>();
  const tokens = new Map<string, TokenRecord>();
  for (const o of config.orgs) {
    if (orgs.has(o.id)) throw new Error(`duplicate fake org id ${o.id}`);
    const state = buildOrgState(o);
    orgs.set(o.id, state);
    for (const c of o.clients ?? []) {
      if (clients.has(c.clientId)) throw new Error(`duplicate fake client id ${c.clientId}`);
      clients.set(c.clientId, { org: state, client: c });
    }
    for (const u of o.users ?? [])
      tokens.set(u.accessToken, { org: state, principal: userPrincipal(u), expiresAt: Number.POSITIVE_INFINITY });
  }
  const faults = new FaultStore(config.faults ?? []);
  let latencyMs = config.latencyMs ?? 0;
  const calls: FakeCall[] = [];
  const tokenTimes = new Map<string, number[]>();
  const issued: string[] = [];
  const ttl = config.tokenTtlSeconds ?? 86_400;
  let baseUrl = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'internal.server.error', `fake: ${(e as Error)?.message ?? e}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const call: FakeCall = { method, path, query: url.search.replace(/^\?/, ''), status: 0, ms: 0 };
    calls.push(call);
    const finish = () => {
      call.status = res.headersSent ? res.statusCode : 0;
      call.ms = performance.now() - started;
    };
    res.on('finish', finish);
    res.on('close', finish);

    const isToken = path === '/oauth/token';
    const tok = isToken ? undefined : bearer(req);
    const record = tok ? tokens.get(tok) : undefined;
    const org = isToken ? clients.get(basicAuth(req)?.id ?? '')?.org : record?.org;
    call.org = org?.config.id;
    if (tok) {
      const times = tokenTimes.get(tok) ?? [];
      times.push(performance.now());
      tokenTimes.set(tok, times);
    }
    const rawBody = await readBody(req);

    const hit = faults.take(method, path, org?.config.id);
    const delay = latencyMs + hit.latencyMs;
    if (delay > 0) await sleep(delay);
    if (hit.fault && applyFault(hit.fault, req, res, isToken, call)) return;

    if (isToken) return tokenEndpoint(req, res, rawBody, method);
    // The public API documentation (no token): the swagger the preflight's `catalog: live` reads.
    if (method === 'GET' && path === '/api/v2/docs/swagger') {
      return config.swagger
        ? sendJson(res, 200, config.swagger)
        : sendError(res, 404, 'not.found', `HTTP 404 Not Found: ${method} ${path}`);
    }

    if (!tok)
      return sendError(
        res,
        401,
        'authentication.required',
        'No authentication bearer token specified in authorization header.',
      );
    if (!record || record.expiresAt <= Date.now())
      return sendError(res, 401, 'bad.credentials', 'Invalid login credentials.');

    if (config.rateLimit) {
      const windowMs = config.rateLimit.windowMs ?? 60_000;
      const now = performance.now();
      const recent = (tokenTimes.get(tok) ?? []).filter((t) => t > now - windowMs);
      if (recent.length > config.rateLimit.requests) {
        const retryAfter = Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
        return tooManyRequests(res, retryAfter);
      }
    }

    const m = matchRoute(routes, method, path);
    if (!m) return sendError(res, 404, 'not.found', `HTTP 404 Not Found: ${method} ${path}`);
    if ('methodNotAllowed' in m)
      return sendError(res, 405, 'method.not.allowed', `HTTP 405 Method Not Allowed: ${method} ${path}`);
    call.template = m.route.template;
    const ctx: RouteContext = {
      req,
      res,
      method,
      path,
      query: url.searchParams,
      params: m.params,
      body: parseJsonObject(rawBody),
      rawBody,
      org: record.org,
      principal: record.principal,
      token: tok,
      baseUrl,
      orgs,
    };
    const requirement = config.requirements?.(method, m.route.template);
    if (requirement) {
      const scopeError = checkScopes(ctx.principal, requirement.scopes);
      if (scopeError) return sendJson(res, 403, scopeError);
      const denied = checkRequirement(ctx.org, ctx.principal, requirement, targetDivision(ctx, m.route, requirement));
      if (denied) return sendJson(res, 403, denied);
    }
    await m.route.handle(ctx);
  }

  function targetDivision(
    ctx: RouteContext,
    route: CompiledRoute,
    requirement: { permissions: string[]; divisionAware?: boolean },
  ): string | 'any' {
    if (requirement.divisionAware === false) return 'any';
    if (requirement.permissions.length && requirement.permissions.every((p) => divisionAwareness(ctx.org, p) === false))
      return 'any';
    const fromBody = bodyDivision(ctx.org, ctx.body);
    if (fromBody) return fromBody;
    const header = ctx.req.headers['x-fake-division'];
    const h = Array.isArray(header) ? header[0] : header;
    // `*`: the call is org-wide (a grant in any division is enough), as the preflight models it.
    if (h === '*') return 'any';
    if (h) return findDivision(ctx.org, h)?.id ?? h;
    const fromObject = route.objectDivision?.(ctx);
    if (fromObject) return fromObject;
    return ctx.method === 'GET' ? 'any' : ctx.org.home.id;
  }

  function tokenEndpoint(req: IncomingMessage, res: ServerResponse, rawBody: string, method: string): void {
    if (method !== 'POST') return sendError(res, 405, 'method.not.allowed', 'HTTP 405 Method Not Allowed');
    const form = new URLSearchParams(rawBody);
    if (form.get('grant_type') !== 'client_credentials') {
      return sendJson(res, 400, {
        error: 'unsupported_grant_type',
        description: 'grant type not supported',
        error_description: 'grant type not supported',
      });
    }
    const creds = basicAuth(req);
    const entry = creds ? clients.get(creds.id) : undefined;
    if (!creds || !entry || entry.client.clientSecret !== creds.secret) {
      return sendJson(res, 401, {
        error: 'invalid_client',
        description: 'client not found',
        error_description: 'client not found',
      });
    }
    const token = newToken();
    tokens.set(token, { org: entry.org, principal: clientPrincipal(entry.client), expiresAt: Date.now() + ttl * 1000 });
    issued.push(token);
    sendJson(res, 200, { access_token: token, token_type: 'bearer', expires_in: ttl });
  }

  function tooManyRequests(res: ServerResponse, retryAfter: number): void {
    sendJson(
      res,
      429,
      {
        ...errorBody(
          429,
          'too.many.requests.retry.after',
          `Rate limit exceeded the maximum. Retry the request in [${retryAfter}] seconds`,
          {
            retryAfter: String(retryAfter),
          },
        ),
      },
      { 'Retry-After': String(retryAfter) },
    );
  }

  /** Applies a fault; true when the request is fully handled (or deliberately left hanging). */
  function applyFault(
    f: FaultSpec,
    req: IncomingMessage,
    res: ServerResponse,
    isToken: boolean,
    call: FakeCall,
  ): boolean {
    call.fault = f.kind;
    switch (f.kind) {
      case 'latency':
        return false;
      case 'hang':
        return true;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'rate-limit':
        tooManyRequests(res, f.retryAfterSeconds ?? 1);
        return true;
      case 'server-error': {
        const status = f.status ?? 503;
        const codes: Record<number, string> = {
          500: 'internal.server.error',
          502: 'bad.gateway',
          503: 'service.unavailable',
          504: 'gateway.timeout',
        };
        sendJson(
          res,
          status,
          errorBody(status, codes[status] ?? 'server.error', 'The service is temporarily unavailable'),
        );
        return true;
      }
      case 'malformed-json': {
        const text = '{"entities": [{"id": "truncated';
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
          'inin-correlation-id': contextId(),
        });
        res.end(text);
        return true;
      }
      case 'reject-token':
        if (isToken)
          sendJson(res, 401, {
            error: 'invalid_client',
            description: 'client not found',
            error_description: 'client not found',
          });
        else sendError(res, 401, 'bad.credentials', 'Invalid login credentials.');
        return true;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    apiBase: baseUrl,
    loginBase: baseUrl,
    url: baseUrl,
    port,
    calls,
    setFault: (fault) => faults.add(fault),
    clearFaults: (org) => faults.clear(org),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    requestsForToken: (token) => tokenTimes.get(token)?.length ?? 0,
    requestTimesForToken: (token) => [...(tokenTimes.get(token) ?? [])],
    issuedTokens: () => [...issued],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
