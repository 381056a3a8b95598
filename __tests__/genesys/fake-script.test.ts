import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { GenesysClient, type TokenInfo } from '../../src/genesys/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ORG = '__tests__/genesys/orgs/demo-org.json';

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/fake-genesys.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const apiBase = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stdout=${out} stderr=${err}`)), 20_000);
    child.stdout.on('data', () => {
      const m = /apiBase:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited early; stdout=${out} stderr=${err}`));
    });
  });
  return { child, apiBase, exited, output: () => ({ out, err }) };
}

describe('scripts/fake-genesys.ts', () => {
  it('starts the fake with an org file, prints its URLs, and stops on SIGINT', async () => {
    const p = run(['--org', ORG, '--port', '0', '--latency', '1']);
    const apiBase = await p.apiBase;
    expect(p.output().out).toContain('loginBase: http://127.0.0.1:');
    const c = new GenesysClient({
      apiBase,
      loginBase: apiBase,
      clientId: 'demo-client',
      clientSecret: 'demo-secret-not-real',
    });
    const me = await c.get<TokenInfo>('/api/v2/tokens/me');
    expect(me.organization?.name).toBe('Demo Org');
    await c.close();
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
  });

  it('enforces permissions from a swagger file', async () => {
    const swagger = fileURLToPath(new URL('./orgs/mini.swagger.json', import.meta.url));
    const p = run(['--org', ORG, '--swagger', swagger]);
    const apiBase = await p.apiBase;
    const c = new GenesysClient({
      apiBase,
      loginBase: apiBase,
      clientId: 'demo-client',
      clientSecret: 'demo-secret-not-real',
    });
    const token = await c.token();
    await c.close();
    const res = await request(`${apiBase}/api/v2/flows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', type: 'inboundcall' }),
    });
    expect(res.statusCode).toBe(403);
    expect(await res.body.json()).toMatchObject({ code: 'missing.any.permissions' });
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
  });

  it('exits 2 with usage when no org is given', async () => {
    const p = run([]);
    p.apiBase.catch(() => undefined);
    expect(await p.exited).toBe(2);
    expect(p.output().err).toContain('usage:');
  });
});
