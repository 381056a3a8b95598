/**
 * Starts the fake Genesys Cloud server (test-support/fake-genesys) for demos and manual testing.
 *
 *   tsx scripts/fake-genesys.ts --org FILE [--org FILE...] [--port N] [--latency MS] [--swagger FILE]
 *
 * Each `--org` file is a JSON `FakeOrg`. `--swagger` enforces permissions from a swagger
 * file's `x-inin-requires-permissions` and `security` scopes (e.g. the shared
 * publicapi-v2-permissions.swagger.json). Prints the base URLs and the org clients; Ctrl-C stops.
 * Binds 127.0.0.1 only.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  startFakeGenesys,
  type FakeOrg,
  type FakeRequirement,
  type RequirementLookup,
} from '../test-support/fake-genesys/index.js';

const USAGE =
  'usage: tsx scripts/fake-genesys.ts --org FILE [--org FILE...] [--port N] [--latency MS] [--swagger FILE]';

interface SwaggerOperation {
  'x-inin-requires-permissions'?: { type?: string; permissions?: string[] };
  security?: Array<Record<string, string[]>>;
}

/** Builds a requirement lookup from a Swagger 2.0 document (`paths` → method → operation). */
function lookupFromSwagger(file: string): RequirementLookup {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { paths?: Record<string, Record<string, SwaggerOperation>> };
  const table = new Map<string, FakeRequirement>();
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const req = op?.['x-inin-requires-permissions'];
      const scopes = (op?.security ?? []).flatMap((s) => Object.values(s).flat());
      if (!req?.permissions?.length && !scopes.length) continue;
      table.set(`${method.toUpperCase()} ${path}`, {
        mode: req?.type === 'ALL' ? 'ALL' : 'ANY',
        permissions: req?.permissions ?? [],
        ...(scopes.length ? { scopes } : {}),
      });
    }
  }
  return (method, template) => table.get(`${method} ${template}`) ?? null;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { org?: string[]; port?: string; latency?: string; swagger?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        org: { type: 'string', multiple: true },
        port: { type: 'string' },
        latency: { type: 'string' },
        swagger: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.org?.length) fail('at least one --org FILE is required');
  const port = values.port === undefined ? 0 : Number(values.port);
  const latencyMs = values.latency === undefined ? 0 : Number(values.latency);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, not ${values.port}`);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) fail(`--latency must be a number of ms ≥ 0, not ${values.latency}`);

  const orgs: FakeOrg[] = values.org.map((file) => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as FakeOrg;
    } catch (e) {
      fail(`cannot read org file ${file}: ${(e as Error).message}`);
    }
  });
  const requirements = values.swagger ? lookupFromSwagger(values.swagger) : undefined;

  let fake: Awaited<ReturnType<typeof startFakeGenesys>>;
  try {
    fake = await startFakeGenesys({ orgs, port, latencyMs, requirements });
  } catch (e) {
    fail(`cannot start the fake: ${(e as Error).message}`);
  }
  const lines = [
    `fake Genesys Cloud listening`,
    `  apiBase:   ${fake.apiBase}`,
    `  loginBase: ${fake.loginBase}`,
    ...orgs.map((o) => `  org ${o.name} (${o.id}): clients ${o.clients.map((c) => c.clientId).join(', ') || 'none'}`),
    requirements
      ? `  enforcing permissions from ${values.swagger}`
      : '  no --swagger: permissions are not enforced on deploy endpoints',
    'Ctrl-C to stop',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
