import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GenesysApiError,
  GenesysAuthError,
  GenesysClient,
  GenesysNetworkError,
  WriteRequestRefusedError,
  mapLimit,
  type AuthzDivision,
  type AuthzSubject,
  type GenesysClientOptions,
  type TokenInfo,
} from '../../src/genesys/index.js';
import { startFakeGenesys, type FakeGenesys, type FakeGenesysConfig } from '../../test-support/fake-genesys/index.js';
import { orgA, orgB, requirements, SECRET_A, USER_TOKEN } from './fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
let virtual = false;
afterEach(async () => {
  if (virtual) {
    // a failed assertion may leave work waiting on a virtual timer: fire them all, so closing does not wait forever
    jest.advanceTimersByTime(120_000);
    jest.useRealTimers();
    virtual = false;
  }
  while (cleanups.length) await cleanups.pop()!();
});

/**
 * Virtual timers: setTimeout/setInterval (and, with `clock`, performance.now) only advance when
 * the test says so; I/O, microtasks and setImmediate stay real. Timing is then asserted in virtual
 * ms, exactly and independent of machine load (no wall-clock time is measured).
 */
function virtualTimers(clock = false): void {
  const real = ['Date', 'hrtime', 'nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate'] as const;
  jest.useFakeTimers({ doNotFake: clock ? [...real] : [...real, 'performance'] });
  virtual = true;
}

/** Lets real I/O run until `done()` holds (bounded by the test timeout). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setImmediate(r));
}

/** A few turns of the event loop: lets anything already sent arrive. */
async function turns(n = 25): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

/** Tracks whether a promise has settled yet. */
function track<T>(p: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  const promise = p.finally(() => {
    settled = true;
  });
  promise.catch(() => undefined);
  return { promise, settled: () => settled };
}

/** Requests the fake received for `path`. */
const received = (f: FakeGenesys, path: string) => f.calls.filter((x) => x.path === path).length;

async function fake(extra: Partial<FakeGenesysConfig> = {}): Promise<FakeGenesys> {
  const f = await startFakeGenesys({ orgs: [orgA(), orgB()], requirements, ...extra });
  cleanups.push(() => f.close());
  return f;
}

/** Fast test defaults: no real backoff waits, unshared budgets. */
const FAST: GenesysClientOptions = { backoffBaseMs: 5, backoffMaxMs: 20, retryAfterUnitMs: 50, shareBudget: false };

function client(
  f: { apiBase: string; loginBase: string },
  options: GenesysClientOptions = {},
  secret = SECRET_A,
  clientId = 'cid-a',
): GenesysClient {
  const c = new GenesysClient(
    { apiBase: f.apiBase, loginBase: f.loginBase, clientId, clientSecret: secret },
    { ...FAST, ...options },
  );
  cleanups.push(() => c.close());
  return c;
}

async function caught(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

/** Asserts that no secret (or its Basic encoding, or any issued token) shows in an error's text. */
function expectNoSecrets(err: Error, f?: FakeGenesys, extra: string[] = []): void {
  const texts = [String(err), err.stack ?? '', err.message, JSON.stringify(err)];
  const secrets = [
    SECRET_A,
    Buffer.from(`cid-a:${SECRET_A}`).toString('base64'),
    USER_TOKEN,
    ...(f?.issuedTokens() ?? []),
    ...extra,
  ];
  for (const t of texts) for (const s of secrets) expect(t).not.toContain(s);
}

describe('token and GETs against the fake', () => {
  it('gets a client-credentials token (Basic auth, form body) and reads tokens/me and subjects/me', async () => {
    const f = await fake();
    const secrets: string[] = [];
    const c = client(f, { onSecret: (s) => secrets.push(s) });
    expect(secrets).toEqual([SECRET_A, Buffer.from(`cid-a:${SECRET_A}`).toString('base64')]);

    const me = await c.get<TokenInfo>('/api/v2/tokens/me');
    expect(me.organization).toEqual({ id: 'org-a', name: 'Org A' });
    expect(me.OAuthClient?.authorizedGrantType).toBe('CLIENT_CREDENTIALS');
    expect(me.OAuthClient?.roleDivisions).toContainEqual({ roleId: 'role-view', divisionId: '*' });

    const token = await c.token();
    expect(f.issuedTokens()).toEqual([token]);
    expect(secrets).toContain(token);

    const subject = await c.get<AuthzSubject>('/api/v2/authorization/subjects/me');
    expect(subject.grants).toHaveLength(3);

    expect(c.calls.map((x) => `${x.method} ${x.path} ${x.status}`)).toEqual([
      'POST /oauth/token 200',
      'GET /api/v2/tokens/me 200',
      'GET /api/v2/authorization/subjects/me 200',
    ]);
    expect(c.requestCount).toBe(3);
    expect(f.calls.map((x) => x.method + ' ' + x.path)).toEqual(c.calls.map((x) => x.method + ' ' + x.path));
    expect(f.requestsForToken(token)).toBe(2);
  });

  it('shares one token request between concurrent callers and reuses the cached token', async () => {
    const f = await fake();
    const c = client(f);
    await Promise.all([c.get('/api/v2/tokens/me'), c.get('/api/v2/tokens/me'), c.get('/api/v2/tokens/me')]);
    await c.get('/api/v2/tokens/me');
    expect(f.issuedTokens()).toHaveLength(1);
  });

  it('encodes queries (arrays repeat) and pages through listings', async () => {
    const f = await fake();
    const c = client(f);
    const all = await c.getAllPages<AuthzDivision>('/api/v2/authorization/divisions', {}, { pageSize: 1 });
    expect(all.map((d) => d.name)).toEqual(['Home', 'Support', 'Sales']);
    expect(c.calls.filter((x) => x.path === '/api/v2/authorization/divisions').map((x) => x.query)).toEqual([
      'pageSize=1&pageNumber=1',
      'pageSize=1&pageNumber=2',
      'pageSize=1&pageNumber=3',
    ]);
    const two = await c.get<{ entities: AuthzDivision[] }>('/api/v2/authorization/divisions', {
      id: ['div-home', 'div-sales'],
      skip: undefined,
    });
    expect(two.entities.map((d) => d.id)).toEqual(['div-home', 'div-sales']);
    expect(c.calls.at(-1)!.query).toBe('id=div-home&id=div-sales');
  });

  it('works with a ready access token and never requests one', async () => {
    const f = await fake();
    const secrets: string[] = [];
    const c = new GenesysClient(
      { apiBase: f.apiBase, accessToken: USER_TOKEN },
      { ...FAST, onSecret: (s) => secrets.push(s) },
    );
    cleanups.push(() => c.close());
    expect(secrets).toEqual([USER_TOKEN]);
    const me = await c.get<TokenInfo>('/api/v2/tokens/me');
    expect(me.OAuthClient?.authorizedGrantType).toBe('CODE');
    expect(me.authorizedScope).toEqual(['architect']);
    expect(f.calls.some((x) => x.path === '/oauth/token')).toBe(false);
  });

  it('maps a wrong secret to GenesysAuthError without leaking the secret', async () => {
    const f = await fake();
    const wrong = 'wrong-secret-value-123';
    const c = client(f, {}, wrong);
    const err = await caught(c.get('/api/v2/tokens/me'));
    expect(err).toBeInstanceOf(GenesysAuthError);
    const e = err as GenesysAuthError;
    expect(e.status).toBe(401);
    expect(e.error).toBe('invalid_client');
    expect(e.description).toBe('client not found');
    expect(e.operation).toBe('POST /oauth/token');
    expect(e.message).toContain(new URL(f.loginBase).host);
    expectNoSecrets(e, f, [wrong, Buffer.from(`cid-a:${wrong}`).toString('base64')]);
  });

  it('maps an ErrorBody to GenesysApiError with status, code, operation and contextId', async () => {
    const f = await fake();
    const c = client(f);
    const err = await caught(c.get('/api/v2/integrations/types/premium-app-example'));
    expect(err).toBeInstanceOf(GenesysApiError);
    const e = err as GenesysApiError;
    expect(e.status).toBe(403);
    expect(e.code).toBe('missing.any.permissions');
    expect(e.operation).toBe('GET /api/v2/integrations/types/premium-app-example');
    expect(e.contextId).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.message).toContain('integrations:integration:view');
    expect(e.message).toContain(new URL(f.apiBase).host);
    expectNoSecrets(e, f);
  });

  it('refreshes the token once when the API rejects it (401), then succeeds', async () => {
    const f = await fake();
    const c = client(f);
    await c.get('/api/v2/tokens/me');
    f.setFault({ kind: 'reject-token', path: '/api/v2/tokens/me', times: 1 });
    await expect(c.get<TokenInfo>('/api/v2/tokens/me')).resolves.toMatchObject({ organization: { id: 'org-a' } });
    expect(f.issuedTokens()).toHaveLength(2);
  });

  it('reports a rejected ready token as GenesysAuthError', async () => {
    const f = await fake();
    const c = new GenesysClient({ apiBase: f.apiBase, accessToken: 'expired-token-xyz' }, FAST);
    cleanups.push(() => c.close());
    const err = await caught(c.get('/api/v2/tokens/me'));
    expect(err).toBeInstanceOf(GenesysAuthError);
    expect((err as GenesysAuthError).error).toBe('bad.credentials');
    expectNoSecrets(err, f, ['expired-token-xyz']);
  });

  it('keeps orgs apart: each client sees its own org', async () => {
    const f = await fake();
    const a = client(f);
    const b = client(f, {}, 'sEcReT-b-0a1b2c3d4e5f', 'cid-b');
    const [ma, mb] = await Promise.all([a.get<TokenInfo>('/api/v2/tokens/me'), b.get<TokenInfo>('/api/v2/tokens/me')]);
    expect(ma.organization?.id).toBe('org-a');
    expect(mb.organization?.id).toBe('org-b');
    expect(mb.homeOrganization).toEqual({ id: 'org-a', name: 'Org A' });
  });
});

describe('retries', () => {
  it('honours Retry-After on 429 (scaled for the test) and then succeeds', async () => {
    const f = await fake();
    const waits: number[] = [];
    const c = client(f, { retryAfterUnitMs: 150, sleep: async (ms) => void waits.push(ms) });
    await c.token();
    f.setFault({ kind: 'rate-limit', retryAfterSeconds: 1, path: '/api/v2/tokens/me', times: 2 });
    await c.get('/api/v2/tokens/me');
    expect(waits).toEqual([150, 150]);
    expect(c.calls.filter((x) => x.path === '/api/v2/tokens/me').map((x) => x.status)).toEqual([429, 429, 200]);
  });

  it('by default waits Retry-After seconds (1 s = 1000 ms)', async () => {
    const f = await fake();
    const waits: number[] = [];
    const c = client(f, { retryAfterUnitMs: undefined, sleep: async (ms) => void waits.push(ms) });
    await c.token();
    f.setFault({ kind: 'rate-limit', retryAfterSeconds: 3, path: '/api/v2/tokens/me', times: 1 });
    await c.get('/api/v2/tokens/me');
    expect(waits).toEqual([3000]);
  });

  it('fails at once with a typed 429 when Retry-After exceeds the retry-wait cap', async () => {
    const f = await fake();
    const waits: number[] = [];
    const c = client(f, { retryAfterUnitMs: 1000, maxRetryWaitMs: 2000, sleep: async (ms) => void waits.push(ms) });
    await c.token();
    f.setFault({ kind: 'rate-limit', retryAfterSeconds: 60, path: '/api/v2/tokens/me' });
    const err = await caught(c.get('/api/v2/tokens/me'));
    expect(waits).toEqual([]); // no wait at all, and no retry
    expect(received(f, '/api/v2/tokens/me')).toBe(1);
    expect(err).toBeInstanceOf(GenesysApiError);
    expect((err as GenesysApiError).status).toBe(429);
    expect((err as GenesysApiError).code).toBe('too.many.requests.retry.after');
  });

  it('retries 5xx with backoff and then succeeds', async () => {
    const f = await fake();
    const c = client(f);
    await c.token();
    f.setFault({ kind: 'server-error', status: 503, path: '/api/v2/authorization/subjects/me', times: 2 });
    await expect(c.get<AuthzSubject>('/api/v2/authorization/subjects/me')).resolves.toMatchObject({ id: 'cid-a' });
    expect(c.calls.filter((x) => x.path.endsWith('/subjects/me')).map((x) => [x.status, x.attempt])).toEqual([
      [503, 0],
      [503, 1],
      [200, 2],
    ]);
  });

  it('uses exponential backoff with full jitter, bounded by backoffMaxMs', async () => {
    const f = await fake();
    const waits: number[] = [];
    const c = client(f, {
      backoffBaseMs: 100,
      backoffMaxMs: 250,
      maxRetries: 4,
      random: () => 0.999,
      sleep: async (ms) => void waits.push(ms),
    });
    await c.token();
    f.setFault({ kind: 'server-error', status: 500, path: '/api/v2/tokens/me' });
    await caught(c.get('/api/v2/tokens/me'));
    expect(waits).toEqual([99, 199, 249, 249]);
  });

  it('bounds retries and then throws a typed error', async () => {
    const f = await fake();
    const c = client(f, { maxRetries: 2 });
    await c.token();
    f.setFault({ kind: 'server-error', status: 502, path: '/api/v2/tokens/me' });
    const err = await caught(c.get('/api/v2/tokens/me'));
    expect(err).toBeInstanceOf(GenesysApiError);
    const e = err as GenesysApiError;
    expect(e.status).toBe(502);
    expect(e.code).toBe('bad.gateway');
    expect(e.message).toContain('after 2 retries');
    expect(f.calls.filter((x) => x.path === '/api/v2/tokens/me')).toHaveLength(3);
    expectNoSecrets(e, f);
  });

  it('bounds the total retry wait', async () => {
    const f = await fake();
    const waits: number[] = [];
    const c = client(f, {
      maxRetries: 10,
      backoffBaseMs: 1000,
      backoffMaxMs: 1000,
      maxRetryWaitMs: 2500,
      random: () => 0.999,
      sleep: async (ms) => void waits.push(ms),
    });
    await c.token();
    f.setFault({ kind: 'server-error', path: '/api/v2/tokens/me' });
    await caught(c.get('/api/v2/tokens/me'));
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2500);
  });

  it('retries a connection reset, and reports persistent resets as a typed reset error', async () => {
    const f = await fake();
    const c = client(f, { maxRetries: 2 });
    await c.token();
    f.setFault({ kind: 'reset', path: '/api/v2/tokens/me', times: 1 });
    await expect(c.get('/api/v2/tokens/me')).resolves.toBeDefined();

    f.setFault({ kind: 'reset', path: '/api/v2/authorization/subjects/me' });
    const err = await caught(c.get('/api/v2/authorization/subjects/me'));
    expect(err).toBeInstanceOf(GenesysNetworkError);
    expect((err as GenesysNetworkError).causeKind).toBe('reset');
    expect(err.message).toContain('GET /api/v2/authorization/subjects/me');
    expect(err.message).toContain(new URL(f.apiBase).host);
    expect(c.calls.filter((x) => x.path.endsWith('/subjects/me')).every((x) => x.networkError === 'reset')).toBe(true);
    expectNoSecrets(err, f);
  });

  it('retries the token request on 5xx too', async () => {
    const f = await fake({ faults: [{ kind: 'server-error', path: '/oauth/token', times: 1 }] });
    const c = client(f);
    const token = await c.token();
    expect(f.issuedTokens()).toEqual([token]);
    expect(c.calls.map((x) => x.status)).toEqual([503, 200]);
  });
});

describe('timeouts and malformed answers', () => {
  it('times out a hanging request after exactly timeoutMs (virtual clock; not retried by default)', async () => {
    const f = await fake();
    // 30 s of virtual time: undici's own (real-time) header timeout, timeoutMs + 1 s, never races the test
    const c = client(f, { timeoutMs: 30_000 });
    await c.token();
    f.setFault({ kind: 'hang', path: '/api/v2/tokens/me' });
    virtualTimers();
    const get = track(c.get('/api/v2/tokens/me'));
    await until(() => received(f, '/api/v2/tokens/me') === 1);
    jest.advanceTimersByTime(29_999);
    await turns();
    expect(get.settled()).toBe(false);
    jest.advanceTimersByTime(1);
    const err = await caught(get.promise);
    expect(err).toBeInstanceOf(GenesysNetworkError);
    expect((err as GenesysNetworkError).causeKind).toBe('timeout');
    expect((err as GenesysNetworkError).code).toBe('GENESYS_TOTAL_TIMEOUT'); // the client's own timer, not undici's
    expect(err.message).toMatch(/timed out after 30000 ms/);
    expect(c.calls.filter((x) => x.path === '/api/v2/tokens/me').map((x) => x.networkError)).toEqual(['timeout']);
    expect(received(f, '/api/v2/tokens/me')).toBe(1);
    expectNoSecrets(err, f);
  }, 10_000);

  it('retries timeouts when asked, still bounded (virtual clock)', async () => {
    const f = await fake();
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const c = client(f, { timeoutMs: 20_000, retryTimeouts: true, maxRetries: 2, random: () => 0.999, sleep });
    await c.token();
    f.setFault({ kind: 'hang', path: '/api/v2/tokens/me' });
    virtualTimers();
    const get = track(c.get('/api/v2/tokens/me'));
    for (let attempt = 1; attempt <= 3; attempt++) {
      await until(() => received(f, '/api/v2/tokens/me') === attempt);
      jest.advanceTimersByTime(19_999);
      await turns();
      expect([get.settled(), received(f, '/api/v2/tokens/me')]).toEqual([false, attempt]);
      jest.advanceTimersByTime(1);
    }
    const err = await caught(get.promise);
    expect((err as GenesysNetworkError).causeKind).toBe('timeout');
    expect((err as GenesysNetworkError).code).toBe('GENESYS_TOTAL_TIMEOUT');
    const kinds = c.calls.filter((x) => x.path === '/api/v2/tokens/me').map((x) => x.networkError);
    expect(kinds).toEqual(['timeout', 'timeout', 'timeout']);
    expect(received(f, '/api/v2/tokens/me')).toBe(3);
    expect(waits).toEqual([4, 9]); // one backoff before each retry (base 5 ms, doubling, jitter 0.999)
  }, 10_000);

  it('times out a hanging token request', async () => {
    const f = await fake({ faults: [{ kind: 'hang', path: '/oauth/token' }] });
    const c = client(f, { timeoutMs: 200 });
    const err = await caught(c.token());
    expect(err).toBeInstanceOf(GenesysNetworkError);
    expect((err as GenesysNetworkError).operation).toBe('POST /oauth/token');
    expect((err as GenesysNetworkError).causeKind).toBe('timeout');
  });

  it('reports malformed JSON as a typed error', async () => {
    const f = await fake();
    const c = client(f);
    await c.token();
    f.setFault({ kind: 'malformed-json', path: '/api/v2/authorization/divisions', times: 1 });
    const err = await caught(c.get('/api/v2/authorization/divisions'));
    expect(err).toBeInstanceOf(GenesysNetworkError);
    expect((err as GenesysNetworkError).causeKind).toBe('malformed-json');
    expect((err as GenesysNetworkError).status).toBe(200);
    expect(err.message).toContain('not valid JSON');
    expectNoSecrets(err, f);
  });

  it('reports a refused connection as a typed network error', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const c = client({ apiBase: `http://127.0.0.1:${port}`, loginBase: `http://127.0.0.1:${port}` });
    const err = await caught(c.token());
    expect(err).toBeInstanceOf(GenesysNetworkError);
    expect((err as GenesysNetworkError).code).toBe('ECONNREFUSED');
    expectNoSecrets(err);
  });

  it('applies fixed latency from the fake (virtual clock: each answer comes 60 ms after its request)', async () => {
    const f = await fake({ latencyMs: 60 });
    const c = client(f);
    virtualTimers();
    const timers = jest.spyOn(globalThis, 'setTimeout');
    const get = track(c.get('/api/v2/tokens/me'));
    for (const [n, path] of [
      [1, '/oauth/token'],
      [2, '/api/v2/tokens/me'],
    ] as const) {
      // the request arrived and the fake set its 60 ms delay timer
      await until(() => f.calls.length === n && timers.mock.calls.filter((x) => x[1] === 60).length === n);
      jest.advanceTimersByTime(59);
      await turns();
      // not answered yet: the GET goes out only once the token came back
      expect([get.settled(), f.calls.map((x) => x.path)]).toEqual([false, n === 1 ? [path] : ['/oauth/token', path]]);
      jest.advanceTimersByTime(1);
    }
    await expect(get.promise).resolves.toMatchObject({ organization: { id: 'org-a' } });
    expect(c.calls.map((x) => x.status)).toEqual([200, 200]);
  }, 10_000);
});

describe('per-token request budget', () => {
  it('never lets a token exceed N requests per window (virtual clock)', async () => {
    const N = 5;
    const windowMs = 400;
    // the fake enforces the same limit (on the same virtual clock) and would answer 429
    const f = await fake({ rateLimit: { requests: N, windowMs: windowMs - 50 } });
    const c = client(f, { requestsPerWindow: N, budgetWindowMs: windowMs });
    const token = await c.token();
    virtualTimers(true);
    const all = track(
      mapLimit(
        Array.from({ length: 3 * N }, (_, i) => i),
        3 * N,
        () => c.get('/api/v2/tokens/me'),
      ),
    );
    for (let window = 1; window <= 3; window++) {
      // this window's N requests are answered; the others wait for the budget, unsent
      await until(() => c.calls.filter((x) => x.method === 'GET').length === window * N);
      await turns();
      expect([all.settled(), received(f, '/api/v2/tokens/me')]).toEqual([window === 3, window * N]);
      jest.advanceTimersByTime(windowMs + 1);
    }
    await all.promise;
    expect(f.calls.filter((x) => x.status === 429)).toHaveLength(0);
    expect(f.requestTimesForToken(token)).toHaveLength(3 * N);
    // client-side send times: no sliding window holds more than N
    const starts = c.calls.filter((x) => x.method === 'GET').map((x) => x.startedAt);
    expect(starts).toHaveLength(3 * N);
    expect(starts.every(Number.isFinite)).toBe(true);
    for (const s of starts) {
      expect(starts.filter((t) => t >= s && t < s + windowMs).length).toBeLessThanOrEqual(N);
    }
  }, 10_000);

  it('shares the budget between clients of the same token by default', async () => {
    const f = await fake();
    const opts = { ...FAST, shareBudget: true, requestsPerWindow: 2, budgetWindowMs: 300 };
    const a = new GenesysClient({ apiBase: f.apiBase, accessToken: USER_TOKEN }, opts);
    const b = new GenesysClient({ apiBase: f.apiBase, accessToken: USER_TOKEN }, opts);
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    virtualTimers(true);
    const me = '/api/v2/tokens/me';
    const all = track(Promise.all([a.get(me), b.get(me), a.get(me)]));
    // separate budgets would let all three go (a: 2, b: 1); the shared one holds the third back
    await until(() => a.calls.length + b.calls.length === 2);
    await turns();
    expect([all.settled(), received(f, '/api/v2/tokens/me')]).toEqual([false, 2]);
    jest.advanceTimersByTime(300 + 1);
    await all.promise;
    expect(received(f, '/api/v2/tokens/me')).toBe(3);
  }, 10_000);
});

describe('read-only by construction', () => {
  it('has no method that could send a write', () => {
    const names = Object.getOwnPropertyNames(GenesysClient.prototype);
    for (const bad of ['post', 'put', 'patch', 'delete', 'del', 'request', 'send', 'fetch'])
      expect(names).not.toContain(bad);
    expect(names).toEqual(expect.arrayContaining(['token', 'get', 'getAllPages', 'close']));
  });

  it('the dispatcher refuses anything but GET and the token POST, before sending', async () => {
    const f = await fake();
    const c = client(f);
    const dispatcher = (c as unknown as { transport: { dispatcher: import('undici').Dispatcher } }).transport
      .dispatcher;
    const origin = f.apiBase;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const) {
      await expect(
        dispatcher.request({ origin, path: '/api/v2/flows', method, body: method === 'POST' ? '{}' : undefined }),
      ).rejects.toBeInstanceOf(WriteRequestRefusedError);
    }
    // the token POST is only allowed to the exact token URL
    await expect(
      dispatcher.request({ origin, path: '/oauth/token2', method: 'POST', body: '' }),
    ).rejects.toBeInstanceOf(WriteRequestRefusedError);
    expect(f.calls).toHaveLength(0);
  });

  it('refuses paths that could leave the API host', async () => {
    const f = await fake();
    const c = client(f);
    await expect(c.get('//evil.example/x')).rejects.toBeInstanceOf(TypeError);
    await expect(c.get('https://evil.example/x')).rejects.toBeInstanceOf(TypeError);
    expect(f.calls).toHaveLength(0);
  });

  it('a whole inspection run sends only the token POST and GETs', async () => {
    const f = await fake();
    const c = client(f);
    await c.get('/api/v2/tokens/me');
    await c.get('/api/v2/authorization/subjects/me');
    await c.getAllPages('/api/v2/authorization/divisions');
    await c.get('/api/v2/authorization/divisionspermitted/paged/me', { permission: 'architect:flow:publish' });
    await c.getAllPages('/api/v2/authorization/permissions');
    await c.get('/api/v2/authorization/products');
    await caught(c.get('/api/v2/integrations/types/premium-app-example'));
    for (const call of f.calls)
      expect(call.method === 'GET' || (call.method === 'POST' && call.path === '/oauth/token')).toBe(true);
  });
});

describe('secrets never appear in errors', () => {
  let echo: Server | undefined;
  afterEach(async () => {
    if (echo) await new Promise<void>((r) => echo!.close(() => r()));
    echo = undefined;
  });

  it('redacts secrets a server echoes back in error bodies', async () => {
    let issued = '';
    echo = createServer((req, res) => {
      const auth = req.headers.authorization ?? '';
      if (req.url === '/oauth/token') {
        issued = 'tok-' + 'x'.repeat(20);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ access_token: issued, token_type: 'bearer', expires_in: 3600 }));
      }
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          message: `bad header ${auth} secret=${SECRET_A}`,
          code: `bad.${issued}`,
          status: 400,
          contextId: 'c1',
        }),
      );
    });
    await new Promise<void>((r) => echo!.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    const c = client({ apiBase: base, loginBase: base });
    const err = await caught(c.get('/api/v2/tokens/me'));
    expect(err).toBeInstanceOf(GenesysApiError);
    expect(err.message).toContain('***');
    expectNoSecrets(err, undefined, [issued]);
    expect(JSON.stringify((err as GenesysApiError).body)).not.toContain(issued);
  });

  it('redacts a secret echoed in an OAuth error description', async () => {
    echo = createServer((_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_client', error_description: `secret ${SECRET_A} is wrong` }));
    });
    await new Promise<void>((r) => echo!.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    const err = await caught(client({ apiBase: base, loginBase: base }).token());
    expect(err).toBeInstanceOf(GenesysAuthError);
    expect((err as GenesysAuthError).description).toBe('secret *** is wrong');
    expectNoSecrets(err);
  });
});

describe('mapLimit', () => {
  it('keeps order and never exceeds the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, n * 3));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it('rejects with the first error and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      mapLimit([0, 1, 2, 3, 4], 1, async (n) => {
        started.push(n);
        if (n === 1) throw new Error('boom');
        return n;
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
  });

  it('handles empty input', async () => {
    await expect(mapLimit([], 3, async () => 1)).resolves.toEqual([]);
  });
});

describe('RateBudget', () => {
  it('admits at most `limit` starts per sliding window (virtual clock)', async () => {
    const { RateBudget } = await import('../../src/genesys/rate-budget.js');
    let now = 0;
    const starts: number[] = [];
    const b = new RateBudget({ limit: 3, windowMs: 1000, now: () => now, sleep: async (ms) => void (now += ms) });
    for (let i = 0; i < 10; i++) {
      await b.acquire();
      starts.push(now);
      now += 10;
    }
    for (const s of starts) expect(starts.filter((t) => t >= s && t < s + 1000).length).toBeLessThanOrEqual(3);
    expect(starts.slice(0, 4)).toEqual([0, 10, 20, 1001]);
    expect(b.waitedMs).toBeGreaterThan(0);
  });

  it('defaults to 280 per minute', async () => {
    const { RateBudget } = await import('../../src/genesys/rate-budget.js');
    const b = new RateBudget();
    expect([b.limit, b.windowMs]).toEqual([280, 60_000]);
  });
});

describe('classifyNetworkError', () => {
  it('maps low-level codes (also nested in `cause`) to kinds', async () => {
    const { classifyNetworkError } = await import('../../src/genesys/errors.js');
    const err = (code: string, nested = false) =>
      nested
        ? Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('x'), { code }) })
        : Object.assign(new Error('x'), { code });
    expect(classifyNetworkError(err('ENOTFOUND'))).toEqual({ kind: 'dns', code: 'ENOTFOUND' });
    expect(classifyNetworkError(err('EAI_AGAIN', true))).toEqual({ kind: 'dns', code: 'EAI_AGAIN' });
    expect(classifyNetworkError(err('UND_ERR_CONNECT_TIMEOUT'))).toEqual({
      kind: 'timeout',
      code: 'UND_ERR_CONNECT_TIMEOUT',
    });
    expect(classifyNetworkError(err('ETIMEDOUT', true)).kind).toBe('timeout');
    expect(classifyNetworkError(err('ECONNRESET')).kind).toBe('reset');
    expect(classifyNetworkError(err('UND_ERR_SOCKET', true)).kind).toBe('reset');
    expect(classifyNetworkError(err('CERT_HAS_EXPIRED')).kind).toBe('tls');
    expect(classifyNetworkError(err('ERR_TLS_CERT_ALTNAME_INVALID', true)).kind).toBe('tls');
    expect(classifyNetworkError(err('DEPTH_ZERO_SELF_SIGNED_CERT')).kind).toBe('tls');
    expect(classifyNetworkError(err('ECONNREFUSED'))).toEqual({ kind: 'other', code: 'ECONNREFUSED' });
    expect(classifyNetworkError(new Error('plain'))).toEqual({ kind: 'other', code: undefined });
  });

  it('Redactor scrubs every registered value', async () => {
    const { Redactor } = await import('../../src/genesys/errors.js');
    const r = new Redactor();
    r.add('abcd1234');
    r.add('xy'); // too short to scrub safely
    r.add(undefined);
    expect(r.redact('a abcd1234 b abcd1234 xy')).toBe('a *** b *** xy');
  });
});

describe('query strings', () => {
  it('merges a query written in the path with the query object', async () => {
    const f = await fake();
    const c = client(f);
    await c.get('/api/v2/authorization/divisions?name=Support', { pageSize: 5 });
    expect(c.calls.at(-1)!.query).toBe('name=Support&pageSize=5');
    expect(f.calls.at(-1)!.query).toBe('name=Support&pageSize=5');
  });
});
