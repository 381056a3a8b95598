/**
 * Checks the CX-as-Code call tables (src/plan/terraform/*.ts) against the provider's code:
 * every `at` (and `via`) cites lines of a file that exists at the pinned commit, and the `at` lines
 * call the SDK method of the cited operation (SDK method name = the swagger operationId,
 * capitalised) or name its path in a raw request. Needs a git clone or mirror of
 * terraform-provider-genesyscloud holding the commit; not run in CI (no network there).
 *
 *   npx tsx scripts/verify-provider-calls.ts --repo /path/to/terraform-provider-genesyscloud[.git] [--swagger FILE]
 *
 * Exit 0 when every cited line checks out, 1 otherwise (one line per problem).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PROVIDER } from '../src/plan/sources.js';
import type { ProviderTable } from '../src/plan/terraform/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    repo: { type: 'string' },
    swagger: {
      type: 'string',
      default: join(here, '..', '..', 'shared', 'genesys', 'publicapi-v2-permissions.swagger.json'),
    },
  },
});
if (!values.repo) {
  process.stderr.write('usage: verify-provider-calls --repo DIR [--swagger FILE]\n');
  process.exit(2);
}
const repo = values.repo;
const swagger = JSON.parse(readFileSync(values.swagger!, 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const opOf = new Map<string, string>();
for (const [p, ops] of Object.entries(swagger.paths)) {
  for (const [m, op] of Object.entries(ops))
    if (op.operationId) opOf.set(`${m.toUpperCase()} ${p}`, op.operationId.toLowerCase());
}

const cache = new Map<string, string[] | null>();
function fileLines(path: string): string[] | null {
  if (!cache.has(path)) {
    try {
      cache.set(
        path,
        execFileSync('git', ['-C', repo, 'show', `${PROVIDER.commit}:genesyscloud/${path}`], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        }).split('\n'),
      );
    } catch {
      cache.set(path, null);
    }
  }
  return cache.get(path)!;
}

/** `dir/file.go#L10-L12` → the cited lines, or a problem. */
function cited(at: string): { text: string } | { problem: string } {
  const m = /^([\w./-]+\.go)#L(\d+)(?:-L(\d+))?$/.exec(at);
  if (!m) return { problem: `malformed reference ${at}` };
  const lines = fileLines(m[1]!);
  if (!lines) return { problem: `no file genesyscloud/${m[1]} at ${PROVIDER.commit.slice(0, 7)}` };
  const from = Number(m[2]);
  const to = m[3] ? Number(m[3]) : from;
  if (from < 1 || to < from || to > lines.length)
    return { problem: `lines ${from}-${to} outside genesyscloud/${m[1]} (${lines.length} lines)` };
  return { text: lines.slice(from - 1, to).join('\n') };
}

const dir = join(here, '..', 'src', 'plan', 'terraform');
const problems: string[] = [];
let calls = 0;
for (const f of readdirSync(dir).filter(
  (n) => n.endsWith('.ts') && !['types.ts', 'tables.ts', 'conditions.ts', 'docs-table.ts', 'index.ts'].includes(n),
)) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as Record<string, ProviderTable>;
  for (const table of Object.values(mod)) {
    for (const [type, t] of Object.entries(table)) {
      if (!fileLines(t.file)) problems.push(`${f} ${type}: no file genesyscloud/${t.file}`);
      for (const action of ['create', 'update', 'delete'] as const) {
        for (const c of t[action]) {
          calls++;
          const where = `${f} ${type} ${action} ${c.call}`;
          if (c.if && !c.when) problems.push(`${where}: a condition without words (when)`);
          const at = cited(c.at);
          if ('problem' in at) {
            problems.push(`${where}: ${at.problem}`);
            continue;
          }
          if (c.via) {
            const via = cited(c.via);
            if ('problem' in via) problems.push(`${where}: via ${via.problem}`);
          }
          const op = opOf.get(c.call);
          const sdk = op && new RegExp(`\\.${op}\\(`, 'i').test(at.text);
          const literal = c.call.slice(c.call.indexOf(' ') + 1).split(/\{[^}]+\}/)[0]!;
          // Paths are matched case-insensitively: the provider writes some by hand (`/processAutomation/`).
          const raw = literal.length > 8 && at.text.toLowerCase().includes(literal.replace(/\/$/, '').toLowerCase());
          if (!sdk && !raw)
            problems.push(`${where}: ${c.at} calls neither ${op ?? '(no operationId)'} nor a path starting ${literal}`);
        }
      }
    }
  }
}
for (const p of problems) process.stdout.write(`${p}\n`);
process.stdout.write(`${calls} calls checked, ${problems.length} problem(s)\n`);
process.exit(problems.length ? 1 : 0);
