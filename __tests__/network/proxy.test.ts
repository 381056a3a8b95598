/**
 * Live mode behind a proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, through undici's EnvHttpProxyAgent):
 * a CONNECT proxy on 127.0.0.1 (connect-proxy.ts) in front of the fake Genesys Cloud.
 *
 * What actually happens with the fake on plain http://127.0.0.1: undici picks HTTP_PROXY for an
 * http target (HTTPS_PROXY only for https targets, falling back to HTTP_PROXY), and, with
 * `proxyTunnel: true` (transport.ts), opens a CONNECT tunnel for it too: the proxy never gets a
 * request in absolute form. Real Genesys hosts are https: HTTPS_PROXY, CONNECT host:443.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { LookupFunction } from 'node:net';
import { runCheck } from '../../src/engine.js';
import { resolveMode } from '../../src/grants/mode.js';
import { exitCode, type Report } from '../../src/report/model.js';
import { GenesysClient } from '../../src/genesys/client.js';
import { GenesysProxyError, ProxyConfigError, proxyRouteFor, readProxySettings } from '../../src/genesys/transport.js';
import { Network, ProxyError, Transport, runNetwork } from '../../src/genesys/transport.js';
import { inspect } from 'node:util';
import { loadCatalogOption } from '../../src/catalog/option.js';
import { PreflightError } from '../../src/util/errors.js';
import { OPERATIONS } from '../../src/catalog/data/operations.generated.js';
import { FAST_CLIENT, startScenario, writeScenarioManifest } from '../support/scenario.js';
import type { Scenario, ScenarioOrg, ScenarioRole } from '../support/scenario.js';
import { closedPort, startConnectProxy, type ConnectProxy } from './connect-proxy.js';

const ROLES: ScenarioRole[] = [
  { name: 'Flow Deployer', permissions: ['architect:ui:view', 'architect:flow:*', 'architect:job:*'] },
];
const everywhere = [{ role: 'Flow Deployer', divisions: ['*'] }];
const ORGS: ScenarioOrg[] = [
  { name: 'prod-us', orgId: '11111111-1111-4111-8111-111111111111', roles: everywhere },
  { name: 'prod-eu', orgId: '22222222-2222-4222-8222-222222222222', roles: everywhere },
];
/** The run's network a live client used (every client of a run must use the same one). */
const networkOf = (client: GenesysClient) =>
  (client as unknown as { transport: { options: { network?: Network } } }).transport.options.network;
const base64 = (s: string) => Buffer.from(s).toString('base64');
const PASSWORD = 'pr0xy-Pass-7d1c';
/** Fast retries, but time limits a loaded machine cannot hit (tests never assert elapsed time). */
const CLIENT = { ...FAST_CLIENT, timeoutMs: 30_000, connectTimeoutMs: 30_000 };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A swagger describing every bundled operation, so `catalog: live` does not stop the check. */
function fullSwagger(): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, operationId, scopes, mode, perms] of OPERATIONS.rows) {
    const live = mode ? { 'x-inin-requires-permissions': { type: mode, permissions: perms } } : {};
    (paths[path] ??= {})[method.toLowerCase()] = { operationId, security: [{ 'PureCloud OAuth': scopes }], ...live };
  }
  return { swagger: '2.0', info: { version: 'proxy-test' }, paths };
}

let s: Scenario;
let manifest: string;
let fakePort: string;
beforeAll(async () => {
  s = await startScenario(ORGS, ROLES, { swagger: fullSwagger() });
  manifest = writeScenarioManifest(s.fake.apiBase, ORGS, ROLES, { declare: false, flows: 1 });
  fakePort = new URL(s.fake.apiBase).port;
});
afterAll(async () => {
  await s.fake.close();
});

/** Runs a live check as the entry points do, with `extra` added to the scenario's environment. */
async function live(extra: Record<string, string>, opts: { orgs?: string[] } = {}) {
  const env = { ...s.env, ...extra };
  const masked: string[] = [];
  const networks = new Set<unknown>();
  const mode = resolveMode('live', manifest, env, {
    client: CLIENT,
    setSecret: (x) => masked.push(x),
    onClient: (_org, client) => networks.add(networkOf(client)),
    ...(opts.orgs ? { orgs: opts.orgs } : {}),
  });
  s.fake.calls.length = 0;
  const report = await runCheck({
    manifestPath: manifest,
    mode: mode.mode,
    grants: mode.grants!,
    orgs: opts.orgs ?? [],
    env,
  });
  return { report, masked, networks, env, exit: exitCode(report, 'error') };
}

const fakeCalls = () => s.fake.calls.map((c) => `${c.method} ${c.path}`).sort();
const fatalOf = (r: Report) => r.orgs.flatMap((o) => o.findings).filter((f) => f.fatal);

describe('through a CONNECT proxy', () => {
  let proxy: ConnectProxy;
  beforeAll(async () => {
    proxy = await startConnectProxy();
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('HTTP_PROXY: the token request and every API call go through CONNECT tunnels, on one dispatcher', async () => {
    proxy.connects.length = 0;
    const r = await live({ HTTP_PROXY: proxy.url() });
    expect(fatalOf(r.report)).toEqual([]);
    expect(r.report.orgs.map((o) => o.principal)).toEqual(['live', 'live']);
    expect(r.exit).toBe(0);
    expect(proxy.connects.length).toBeGreaterThan(0);
    expect(new Set(proxy.connects.map((c) => c.target))).toEqual(new Set([`127.0.0.1:${fakePort}`]));
    expect(proxy.absolute).toEqual([]);
    const through = proxy.tunnelledRequests().sort();
    expect(through).toContain('POST /oauth/token');
    expect(through).toContain('GET /api/v2/authorization/divisionspermitted/paged/me');
    expect(through).toEqual(fakeCalls());
    // Both orgs' clients used the run's one network.
    expect(r.networks.size).toBe(1);
    expect([...r.networks]).toEqual([runNetwork(r.env, { connectTimeoutMs: CLIENT.connectTimeoutMs })]);
  });

  it('lower case wins, as in undici and curl: http_proxy over HTTP_PROXY', async () => {
    proxy.connects.length = 0;
    const r = await live({ http_proxy: proxy.url(), HTTP_PROXY: `http://127.0.0.1:${await closedPort()}` });
    expect(r.exit).toBe(0);
    expect(proxy.tunnelledRequests().sort()).toEqual(fakeCalls());
  });

  it('HTTPS_PROXY alone does not apply to an http target: the fake is reached directly', async () => {
    proxy.connects.length = 0;
    const r = await live({ HTTPS_PROXY: proxy.url() });
    expect(r.exit).toBe(0);
    expect(proxy.connects).toEqual([]);
    expect(s.fake.calls.length).toBeGreaterThan(0);
  });

  it.each([
    ['NO_PROXY', '127.0.0.1'],
    ['no_proxy', 'example.com, 127.0.0.1'],
    ['NO_PROXY', '127.0.0.1:PORT'],
  ])('%s=%s: direct, the proxy sees nothing', async (name, value) => {
    proxy.connects.length = 0;
    const r = await live({ HTTP_PROXY: proxy.url(), [name]: value.replace('PORT', fakePort) });
    expect(r.exit).toBe(0);
    expect(proxy.connects).toEqual([]);
    expect(s.fake.calls.length).toBeGreaterThan(0);
  });

  it('NO_PROXY for another port does not bypass the proxy', async () => {
    proxy.connects.length = 0;
    const r = await live({ HTTP_PROXY: proxy.url(), NO_PROXY: '127.0.0.1:1' });
    expect(r.exit).toBe(0);
    expect(proxy.connects.length).toBeGreaterThan(0);
  });

  it('user:password@ in the proxy URL: sent to the proxy only (Proxy-Authorization), masked, not printed', async () => {
    proxy.connects.length = 0;
    proxy.requireAuthorization = basic('deploy', PASSWORD);
    try {
      const r = await live({ HTTP_PROXY: proxy.url(`deploy:${PASSWORD}`) });
      expect(r.exit).toBe(0);
      expect(proxy.connects.every((c) => c.authorization === basic('deploy', PASSWORD))).toBe(true);
      expect(r.masked).toEqual(expect.arrayContaining([PASSWORD, base64(`deploy:${PASSWORD}`)]));
      // The Genesys requests inside the tunnel never carry the proxy's credentials.
      expect(proxy.connects.map((c) => c.sent).join('')).not.toContain(base64(`deploy:${PASSWORD}`));
    } finally {
      delete proxy.requireAuthorization;
    }
  });

  it('a proxy URL with a path, query or fragment: host:port and credentials are used, the rest ignored', async () => {
    // As curl does; undici alone refuses such a URL ("invalid url"), which ended the run with an internal error.
    proxy.connects.length = 0;
    proxy.requireAuthorization = basic('deploy', PASSWORD);
    try {
      const r = await live({ HTTP_PROXY: `${proxy.url(`deploy:${PASSWORD}`)}/proxy.pac?x=1#top` });
      expect(fatalOf(r.report)).toEqual([]);
      expect(r.exit).toBe(0);
      expect(proxy.connects.length).toBeGreaterThan(0);
      expect(proxy.connects.every((c) => c.authorization === basic('deploy', PASSWORD))).toBe(true);
      expect(r.masked).toContain(PASSWORD);
    } finally {
      delete proxy.requireAuthorization;
    }
  });

  it('the host allow-list still applies to the target: an unlisted target is refused before any request', async () => {
    proxy.connects.length = 0;
    const r = await live({ HTTP_PROXY: proxy.url(), GENESYS_PREFLIGHT_ALLOW_HOSTS: 'example.com' });
    expect(r.exit).toBe(2);
    const [f] = fatalOf(r.report);
    expect(f).toMatchObject({ code: 'manifest-invalid' });
    expect(f!.message).toMatch(/is not a Genesys Cloud host/);
    expect(proxy.connects).toEqual([]);
    expect(s.fake.calls).toEqual([]);
  });
});

describe('a proxy that refuses or is down: a located fatal finding naming it, not its credentials (exit 2)', () => {
  it('407 (wrong proxy password): auth-failed naming the proxy host; nothing reaches the fake', async () => {
    const proxy = await startConnectProxy();
    proxy.requireAuthorization = basic('deploy', 'the-right-one');
    try {
      const r = await live({ HTTP_PROXY: proxy.url(`deploy:${PASSWORD}`) });
      expect(r.exit).toBe(2);
      const findings = fatalOf(r.report);
      expect(findings).toHaveLength(2);
      for (const f of findings) {
        expect(f.code).toBe('auth-failed');
        const via = `the proxy ${proxy.host} (HTTP_PROXY)`;
        expect(f.message).toContain(`${via} answered 407 (proxy authentication required)`);
        expect(f.message).toContain(`127.0.0.1:${fakePort} was not reached`);
        expect(f.location?.line).toBeGreaterThan(0);
        expect(f.fix).toMatch(/check the user and password in HTTP_PROXY/);
      }
      const text = JSON.stringify(r.report);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('deploy:');
      expect(r.masked).toContain(PASSWORD);
      expect(s.fake.calls).toEqual([]);
      // A refusal is an answer: not retried (one CONNECT per org's token request).
      expect(proxy.connects.map((c) => c.target)).toEqual([`127.0.0.1:${fakePort}`, `127.0.0.1:${fakePort}`]);
    } finally {
      await proxy.close();
    }
  });

  it('502: unverifiable naming the proxy and the target', async () => {
    const proxy = await startConnectProxy(502);
    try {
      const r = await live({ HTTP_PROXY: proxy.url(`deploy:${PASSWORD}`) }, { orgs: ['prod-us'] });
      expect(r.exit).toBe(2);
      const [f] = fatalOf(r.report);
      expect(f).toMatchObject({ code: 'unverifiable', fatal: true });
      expect(f!.message).toBe(
        `org prod-us: the proxy ${proxy.host} (HTTP_PROXY) answered 502 instead of connecting to ` +
          `127.0.0.1:${fakePort} while reading the token (GET /api/v2/tokens/me)`,
      );
      expect(JSON.stringify(r.report)).not.toContain(PASSWORD);
    } finally {
      await proxy.close();
    }
  });

  it('nothing listening at the proxy: unverifiable, "could not reach ... through the proxy ..."', async () => {
    const port = await closedPort();
    const r = await live({ HTTP_PROXY: `http://deploy:${PASSWORD}@127.0.0.1:${port}` }, { orgs: ['prod-us'] });
    expect(r.exit).toBe(2);
    const [f] = fatalOf(r.report);
    expect(f).toMatchObject({ code: 'unverifiable', fatal: true });
    const start = `org prod-us: could not reach 127.0.0.1:${fakePort} through the proxy 127.0.0.1:${port} (HTTP_PROXY)`;
    expect(f!.message.slice(0, start.length)).toBe(start);
    expect(JSON.stringify(r.report)).not.toContain(PASSWORD);
  });

  it('a proxy variable that is not a URL: unverifiable naming the variable, never its value', async () => {
    const r = await live({ HTTPS_PROXY: `http://deploy:${PASSWORD}@[not-a-host` }, { orgs: ['prod-us'] });
    expect(r.exit).toBe(2);
    const [f] = fatalOf(r.report);
    const message = expect.stringMatching(/^org prod-us: HTTPS_PROXY is not a usable proxy URL/);
    expect(f).toMatchObject({ code: 'unverifiable', message });
    expect(f!.location?.line).toBeGreaterThan(0);
    expect(JSON.stringify(r.report)).not.toContain(PASSWORD);
    expect(s.fake.calls).toEqual([]);
  });
});

describe('https Genesys hosts: HTTPS_PROXY, CONNECT host:443 (the proxy refuses: nothing leaves 127.0.0.1)', () => {
  const noDns: LookupFunction = (_host, _opts, cb) =>
    cb(Object.assign(new Error('test: no DNS'), { code: 'ENOTFOUND' }), '', 4);
  const hosts = { apiBase: 'https://api.mypurecloud.com', loginBase: 'https://login.mypurecloud.com' };

  async function tokenThrough(env: Record<string, string>) {
    const network = runNetwork(env, { lookup: noDns, connectTimeoutMs: CLIENT.connectTimeoutMs });
    const client = new GenesysClient(
      { ...hosts, clientId: 'id', clientSecret: 'client-secret-9f2' },
      { ...CLIENT, network },
    );
    try {
      return await client.token().then(
        () => undefined,
        (e: unknown) => e,
      );
    } finally {
      await client.close();
    }
  }

  it('HTTPS_PROXY: CONNECT login.mypurecloud.com:443; the client secret is not in what the proxy sees', async () => {
    const proxy = await startConnectProxy(502);
    try {
      const e = await tokenThrough({ HTTPS_PROXY: proxy.url() });
      expect(e).toBeInstanceOf(GenesysProxyError);
      expect(e).toMatchObject({ proxy: proxy.host, variable: 'HTTPS_PROXY', proxyStatus: 502 });
      expect(e).toMatchObject({ host: 'login.mypurecloud.com' });
      expect(proxy.connects.map((c) => c.target)).toEqual(['login.mypurecloud.com:443']);
      expect(JSON.stringify(proxy.connects)).not.toMatch(/client-secret|Basic aWQ6/);
    } finally {
      await proxy.close();
    }
  });

  it('only HTTP_PROXY set: https targets use it too (undici)', async () => {
    const proxy = await startConnectProxy(407);
    try {
      const e = await tokenThrough({ HTTP_PROXY: proxy.url() });
      expect(e).toMatchObject({ variable: 'HTTP_PROXY', proxyStatus: 407 });
      expect(proxy.connects.map((c) => c.target)).toEqual(['login.mypurecloud.com:443']);
    } finally {
      await proxy.close();
    }
  });

  it('NO_PROXY=.mypurecloud.com: direct (here stopped by the test resolver), the proxy sees nothing', async () => {
    const proxy = await startConnectProxy(502);
    try {
      const e = await tokenThrough({ HTTPS_PROXY: proxy.url(), NO_PROXY: '.mypurecloud.com' });
      expect(e).not.toBeInstanceOf(GenesysProxyError);
      expect(e).toMatchObject({ causeKind: 'dns' });
      expect(proxy.connects).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

describe('proxy settings (the rule undici applies, mirrored for messages)', () => {
  const API = 'https://api.mypurecloud.com';
  const P = 'http://p:1';
  const route = (env: Record<string, string>, url = API) =>
    proxyRouteFor(new URL(url), readProxySettings(env))?.variable;

  it('picks the variable per scheme, lower case first, and honours NO_PROXY entries', () => {
    expect(route({ HTTPS_PROXY: P, HTTP_PROXY: 'http://q:2' })).toBe('HTTPS_PROXY');
    expect(route({ HTTPS_PROXY: P, HTTP_PROXY: 'http://q:2' }, 'http://127.0.0.1:80')).toBe('HTTP_PROXY');
    expect(route({ HTTP_PROXY: 'http://q:2' })).toBe('HTTP_PROXY');
    expect(route({ https_proxy: P, HTTPS_PROXY: 'http://q:2' })).toBe('https_proxy');
    expect(route({ https_proxy: '', HTTPS_PROXY: 'http://q:2' })).toBeUndefined();
    expect(route({ HTTPS_PROXY: P, NO_PROXY: 'mypurecloud.com' })).toBeUndefined();
    expect(route({ HTTPS_PROXY: P, NO_PROXY: '*.mypurecloud.com' })).toBeUndefined();
    expect(route({ HTTPS_PROXY: P, no_proxy: '.mypurecloud.com' })).toBeUndefined();
    expect(route({ HTTPS_PROXY: P, NO_PROXY: 'api.mypurecloud.com:443' })).toBeUndefined();
    expect(route({ HTTPS_PROXY: P, NO_PROXY: 'api.mypurecloud.com:8443' })).toBe('HTTPS_PROXY');
    expect(route({ HTTPS_PROXY: P, NO_PROXY: '*' })).toBeUndefined();
    expect(route({ HTTPS_PROXY: P, NO_PROXY: 'mypurecloud.de' })).toBe('HTTPS_PROXY');
  });

  it('a proxy without a scheme is http (as for curl); credentials are kept out of host and messages', () => {
    const s = readProxySettings({ HTTPS_PROXY: `deploy:${PASSWORD}@proxy.corp:3128` });
    expect(s.https).toMatchObject({ variable: 'HTTPS_PROXY', host: 'proxy.corp:3128' });
    expect(s.https!.secrets).toContain(PASSWORD);
    expect(readProxySettings({ HTTP_PROXY: 'http://proxy.corp' }).http!.host).toBe('proxy.corp:80');
  });

  it('the URL and password are not enumerable: JSON and inspect of the settings show neither', () => {
    const settings = readProxySettings({ HTTPS_PROXY: `http://deploy:${PASSWORD}@proxy.corp:3128/x?y#z` });
    const route = settings.https!;
    expect(route.url).toBe(`http://deploy:${PASSWORD}@proxy.corp:3128/`);
    expect(route.secrets).toEqual([PASSWORD, base64(`deploy:${PASSWORD}`)]);
    for (const shown of [JSON.stringify(settings), inspect(settings, { depth: 10 }), `${Object.values(route)}`]) {
      expect(shown).toContain('proxy.corp:3128');
      expect(shown).not.toContain(PASSWORD);
      expect(shown).not.toContain(base64(`deploy:${PASSWORD}`));
    }
  });

  it('an error through a proxy that is down: its message, JSON and inspect carry no proxy credentials', async () => {
    const port = await closedPort();
    const network = new Network({ HTTP_PROXY: `http://deploy:${PASSWORD}@127.0.0.1:${port}` });
    const transport = new Transport({ connectTimeoutMs: 30_000, network });
    try {
      const url = new URL('http://127.0.0.1:9/api/v2/tokens/me');
      const err = await transport.send({ kind: 'get', url, headers: {} }, 30_000).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProxyError);
      expect((err as ProxyError).message).toBe(`the request through the proxy 127.0.0.1:${port} (HTTP_PROXY) failed`);
      const shown = [String(err), (err as Error).stack, JSON.stringify(err), inspect(err, { depth: 10 })].join('\n');
      expect(shown).toContain(`127.0.0.1:${port}`);
      expect(shown).not.toContain(PASSWORD);
      expect(shown).not.toContain(base64(`deploy:${PASSWORD}`));
    } finally {
      await network.close();
    }
  });

  it('refuses what is not an http(s) proxy URL, naming only the variable', () => {
    for (const value of [`http://u:${PASSWORD}@[::bad`, `ftp://u:${PASSWORD}@proxy:21`]) {
      let err: unknown;
      try {
        readProxySettings({ HTTPS_PROXY: value });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ProxyConfigError);
      expect((err as Error).message).toMatch(/^HTTPS_PROXY is not a usable proxy URL/);
      expect((err as Error).message).not.toContain(PASSWORD);
    }
  });

  it('one network per environment and connection settings', () => {
    const env = { HTTPS_PROXY: 'http://p:1' };
    expect(runNetwork(env)).toBe(runNetwork(env));
    expect(runNetwork(env)).not.toBe(runNetwork({ ...env }));
    expect(runNetwork(env)).not.toBe(runNetwork(env, { connectTimeoutMs: 5 }));
  });
});

describe('catalog: live goes through the same network', () => {
  const saved: Record<string, string | undefined> = {};
  const setEnv = (vars: Record<string, string>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (!(k in saved)) saved[k] = process.env[k];
      process.env[k] = v;
    }
  };
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('one run (process.env, as in the CLI and the action): swagger GET and grants share a dispatcher', async () => {
    const proxy = await startConnectProxy();
    try {
      setEnv({ ...s.env, HTTP_PROXY: proxy.url(`deploy:${PASSWORD}`) });
      const networks = new Set<unknown>();
      const mode = resolveMode('live', manifest, process.env, {
        client: { maxRetries: 0 },
        onClient: (_org, client) => networks.add(networkOf(client)),
      });
      s.fake.calls.length = 0;
      const options = { manifestPath: manifest, mode: mode.mode, grants: mode.grants!, env: process.env };
      const report = await runCheck({ ...options, catalogOption: 'live' });
      expect(report.catalog?.source).toBe('proxy-test');
      expect(fatalOf(report)).toEqual([]);
      const through = proxy.tunnelledRequests();
      expect(through).toContain('GET /api/v2/docs/swagger');
      expect(through.sort()).toEqual(fakeCalls());
      expect([...networks]).toEqual([runNetwork(process.env)]);
    } finally {
      await proxy.close();
    }
  });

  it('a proxy answering 407 to the swagger GET: auth-failed naming the proxy, without its password', async () => {
    const proxy = await startConnectProxy(407);
    try {
      setEnv({ ...s.env, HTTP_PROXY: proxy.url(`deploy:${PASSWORD}`) });
      const err = await loadCatalogOption('live', manifest, { env: process.env }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PreflightError);
      const [f] = (err as PreflightError).findings;
      expect(f).toMatchObject({ code: 'auth-failed', fatal: true });
      expect(f!.message).toBe(
        `catalog live: could not read the Platform API swagger from 127.0.0.1:${fakePort} ` +
          `(the proxy ${proxy.host} (HTTP_PROXY) answered 407 (proxy authentication required) instead of connecting)`,
      );
      expect(f!.location?.line).toBeGreaterThan(0);
      expect(JSON.stringify(f)).not.toContain(PASSWORD);
    } finally {
      await proxy.close();
    }
  });
});
