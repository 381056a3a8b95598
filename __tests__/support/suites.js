/**
 * Splits the jest suites for `npm run test:unit` and `npm run test:e2e`. A suite is a unit suite
 * unless it, or a test helper it imports (relative imports under __tests__/ and test-support/,
 * followed transitively), uses node:child_process, creates a server (createServer,
 * node:net/http/https/http2), or runs the bundle (support/bundle.ts, support/runner.ts).
 * src/ is not scanned: the code under test opens sockets only when a test points it at a server.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SPAWN_OR_SERVE = /node:child_process|createServer|['"]node:(net|https?|http2)['"]|support\/(bundle|runner)\.js/;
const HELPERS = [join(ROOT, '__tests__'), join(ROOT, 'test-support')];

/** The TypeScript file a relative import names (`./x.js` → `./x.ts`, `./dir` → `./dir/index.ts`). */
function target(from, spec) {
  const abs = resolve(dirname(from), spec);
  for (const candidate of [abs.replace(/\.js$/, '.ts'), abs, `${abs}.ts`, join(abs, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // next candidate
    }
  }
  return undefined;
}

/** Whether `file`, or a helper it imports (transitively), spawns a process or serves. */
function impure(file, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (SPAWN_OR_SERVE.test(text)) return true;
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const next = target(file, m[1]);
    if (next && HELPERS.some((h) => next.startsWith(`${h}/`)) && impure(next, seen)) return true;
  }
  return false;
}

const suites = readdirSync(join(ROOT, '__tests__'), { recursive: true })
  .filter((p) => p.endsWith('.test.ts') && !p.startsWith('corpus/'))
  .map((p) => join(ROOT, '__tests__', p));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** testPathIgnorePatterns entries for the given suites (absolute paths). */
const patterns = (files) => files.map((f) => `^${escape(f)}$`);

/** Patterns that leave out the suites that spawn or serve (for the unit run). */
export const notUnit = patterns(suites.filter((f) => impure(f)));
/** Patterns that leave out the unit suites (for the end-to-end run). */
export const unit = patterns(suites.filter((f) => !impure(f)));
