/**
 * The bad-input catalogue (__tests__/fixtures/bad/cases.ts): every case runs through the real
 * pipeline (runCheck, offline) and must stop on a located fatal finding with exit code 2, without
 * throwing (a hang is bounded by the test timeout, memory by the RSS bound of the big cases; no
 * elapsed time is asserted: the suite runs on loaded machines); a selection also runs through the
 * CLI (exit 2, file:line:column, no stack trace).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../../src/engine.js';
import { allFindings, exitCode } from '../../src/report/model.js';
import type { Finding } from '../../src/types.js';
import { CASES, type BadCase } from '../fixtures/bad/cases.js';
import { bundlePaths } from '../support/bundle.js';
import { runInProcess, runsInWorker } from '../support/in-process.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const FIXTURES = resolve(HERE, '../fixtures/bad');
const IS_ROOT = process.getuid?.() === 0;

/**
 * Root reads any file, so as root the permission cases run through the CLI with file modes
 * enforced (setpriv, util-linux): as the owner of the clone (root, usually) without
 * CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH. The clone stays readable to its owner wherever it lives
 * (under a 0700 directory too), while the cases' mode-000 files, owned by root, are not. `why` says
 * why not, when the privileges cannot be dropped here (the cases are then skipped, saying so).
 */
const DROP = ((): { uid: number; argv: string[] } | { why: string } => {
  if (!IS_ROOT) return { why: 'not root (the in-process run covers the permission cases)' };
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
  if (!setpriv) return { why: 'setpriv (util-linux) not found' };
  const { uid, gid } = statSync(ROOT);
  const caps = ['--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search'];
  const argv = [setpriv, `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', ...caps, '--'];
  // Probe: the dropped process reads the clone but not a root-owned mode-000 file.
  const dir = mkdtempSync(join(tmpdir(), 'genesys-preflight-probe-'));
  try {
    chmodSync(dir, 0o755);
    const locked = join(dir, 'locked');
    writeFileSync(locked, 'x', { mode: 0o000 });
    const script = [
      `const fs = require('node:fs'); fs.readFileSync(${JSON.stringify(join(ROOT, 'package.json'))});`,
      `try { fs.readFileSync(${JSON.stringify(locked)}); process.exit(3); }`,
      `catch (e) { process.exit(e.code === 'EACCES' ? 0 : 4); }`,
    ].join('\n');
    const probe = spawnSync(argv[0]!, [...argv.slice(1), process.execPath, '-e', script], { encoding: 'utf8' });
    if (probe.status !== 0) {
      const detail = probe.status === 3 ? 'a mode-000 file stayed readable' : probe.stderr.trim() || `${probe.status}`;
      return { why: `setpriv could not drop the privileges to read files as their modes say (${detail})` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { uid, argv };
})();

/** A path as the tool shows it: relative to the working directory when below it. */
const shown = (abs: string) => {
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
};

let tmp: string;
/** Case id → [directory of its files, manifest path as passed to the tool]. */
const prepared = new Map<string, { dir: string; manifest: string }>();

function prepare(c: BadCase): { dir: string; manifest: string } {
  const done = prepared.get(c.id);
  if (done) return done;
  let out: { dir: string; manifest: string };
  if (c.generate) {
    const dir = join(tmp, c.id);
    const m = c.generate(dir);
    out = { dir, manifest: shown(join(dir, m)) };
  } else {
    out = { dir: FIXTURES, manifest: shown(join(FIXTURES, c.manifest!)) };
  }
  prepared.set(c.id, out);
  return out;
}

const firstFatal = (findings: Finding[]) => findings.find((f) => f.fatal);
const testable = (c: BadCase) => !(c.skipAsRoot && IS_ROOT);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'genesys-preflight-bad-'));
  chmodSync(tmp, 0o755); // an unprivileged user must reach the permission cases' files
  // Warm up (catalog, schema compilation) so the RSS bound of the big cases measures the case only.
  await runCheck({ manifestPath: join(ROOT, 'examples/genesys-preflight.yml'), mode: 'offline' });
});

afterAll(() => {
  if (!tmp) return;
  const unlock = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) unlock(p);
      else chmodSync(p, 0o644);
    }
  };
  unlock(tmp);
  rmSync(tmp, { recursive: true, force: true });
});

describe('the catalogue itself', () => {
  test('has at least 45 committed fixture files and every manifest fixture is a case', () => {
    const files = readdirSync(FIXTURES, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && e.name !== 'cases.ts',
    );
    expect(files.length).toBeGreaterThanOrEqual(45);
    const manifests = readdirSync(FIXTURES).filter((n) => /\.(ya?ml|json)$/.test(n));
    const used = new Set(CASES.map((c) => c.manifest));
    expect(manifests.filter((m) => !used.has(m))).toEqual([]);
  });

  test('case ids are unique and static manifests exist (except the missing one)', () => {
    const ids = CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CASES.filter((x) => x.manifest && x.id !== 'manifest-missing')) {
      expect(() => statSync(join(FIXTURES, c.manifest!))).not.toThrow();
    }
  });
});

describe.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  const run = testable(c) ? test : test.skip;
  run(`${c.about}: ${c.code} at ${c.file}:${c.line}:${c.column}`, async () => {
    const { dir, manifest } = prepare(c);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const report = await runCheck({ manifestPath: manifest, mode: 'offline' });
    const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1048576;

    const findings = allFindings(report);
    const first = firstFatal(findings);
    expect(first).toBeDefined();
    expect({ code: first!.code, location: first!.location }).toEqual({
      code: c.code,
      location: { file: shown(join(dir, c.file)), line: c.line, column: c.column },
    });
    for (const m of c.message) {
      if (typeof m === 'string') expect(first!.message).toContain(m);
      else expect(first!.message).toMatch(m);
    }
    expect(exitCode(report, 'error')).toBe(2);
    expect(report.passed).toBe(false);
    // Every fatal finding is located, with 1-based positions.
    for (const f of findings.filter((x) => x.fatal)) {
      expect(f.location).toBeDefined();
      expect(f.location!.line).toBeGreaterThanOrEqual(1);
      expect(f.location!.column).toBeGreaterThanOrEqual(1);
    }
    const json = JSON.stringify(report);
    for (const secret of c.absent ?? []) expect(json).not.toContain(secret);
    if (c.maxRssMb) expect(rssGrowthMb).toBeLessThan(c.maxRssMb);
  });
});

describe('through the CLI', () => {
  const cliCases = CASES.filter((c) => c.cli && testable(c));

  /**
   * Runs `genesys-preflight check --manifest M`: in this worker (support/in-process.ts), or, with
   * file modes enforced (`dropped`) or GP_E2E_PROCESS / GP_DIST set, the run's bundle in a process.
   */
  function cli(manifest: string, dropped = false): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env = { ...process.env } as Record<string, string>;
    delete env.NODE_OPTIONS;
    delete env.GENESYS_PREFLIGHT_DEBUG;
    const check = ['check', '--manifest', manifest, '--mode', 'offline'];
    if (!dropped && runsInWorker()) return runInProcess('cli', check, env, ROOT);
    const args = [bundlePaths().cli, ...check];
    const prefix = dropped && 'argv' in DROP ? DROP.argv : [];
    const [cmd, ...argv] = [...prefix, process.execPath, ...args];
    return new Promise((done) => {
      execFile(cmd, argv, { cwd: ROOT, env, timeout: 20_000, maxBuffer: 4 << 20 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr });
      });
    });
  }

  test('has cases', () => {
    expect(cliCases.length).toBeGreaterThanOrEqual(5);
  });

  const cliRuns: Array<[string, BadCase, boolean]> = cliCases.map((c) => [c.id, c, false]);
  const asRootCases = CASES.filter((c) => c.skipAsRoot);
  if (IS_ROOT && 'argv' in DROP) {
    // Root reads any file: run the permission cases with file modes enforced instead.
    for (const c of asRootCases) cliRuns.push([`${c.id} (as uid ${DROP.uid} without DAC override)`, c, true]);
  } else if (IS_ROOT && 'why' in DROP) {
    for (const c of asRootCases) test.skip(`${c.id}: not run through the CLI: ${DROP.why}`, () => undefined);
  }

  test.each(cliRuns)('%s: exit 2, file:line:column, no stack trace', async (_id, c, dropped) => {
    const { dir, manifest } = prepare(c);
    // The CLI runs from the repository root: give it the manifest relative to it (or absolute).
    const arg = isAbsolute(manifest) ? manifest : relative(ROOT, resolve(manifest));
    const { code, stdout, stderr } = await cli(arg, dropped);
    const out = stdout + stderr;
    expect(code).toBe(2);
    const fileShown = (() => {
      const abs = join(dir, c.file);
      const rel = relative(ROOT, abs);
      return rel.startsWith('..') ? abs : rel;
    })();
    const errorLine = out
      .split('\n')
      .find((l) => /\berror\b/.test(l) && l.includes(`${fileShown}:${c.line}:${c.column}`));
    expect(errorLine).toBeDefined();
    expect(errorLine).toMatch(new RegExp(`${c.code}\\b`));
    for (const m of c.message) {
      if (typeof m === 'string') expect(out).toContain(m);
      else expect(out).toMatch(m);
    }
    expect(out).not.toMatch(/^\s+at /m);
    expect(out).not.toMatch(/internal error/);
    for (const secret of c.absent ?? []) expect(out).not.toContain(secret);
  });
});
