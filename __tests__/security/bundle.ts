/**
 * The bundles the attack suite runs: `dist/action` and `dist/cli` as a runner would, built from
 * src/ into /tmp/gp-sec-bundle/<hash>/{action,cli}/index.js once per src state (never into dist/).
 * `GP_DIST=<dir>` (e.g. `dist`) runs an existing bundle directory instead.
 *
 * Several jest workers may ask at once: the first takes a lock directory and builds, the others
 * wait for its `done` file. The hash covers every src/ file's path, size and mtime.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Paths of the two entry points. */
export interface Bundles {
  action: string;
  cli: string;
}

const ROOT = resolve('.');
const CACHE = join(tmpdir(), 'gp-sec-bundle');
/** A lock older than this is a crashed build: taken over. */
const STALE_LOCK_MS = 10 * 60_000;
/** Longest wait for another worker's build. */
const WAIT_MS = 400_000;

function srcHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const st = statSync(path);
        hash.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  walk(join(ROOT, 'src'));
  hash.update(statSync(join(ROOT, 'package-lock.json')).mtimeMs.toString());
  return hash.digest('hex').slice(0, 16);
}

function ncc(entry: string, out: string, minify: boolean): Promise<void> {
  const args = ['ncc', 'build', entry, '-o', out, '-q', '--no-source-map-register', ...(minify ? ['--minify'] : [])];
  return new Promise((done, fail) => {
    execFile('npx', args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) =>
      error ? fail(new Error(`ncc build ${entry} failed: ${stderr || error.message}`)) : done(),
    );
  });
}

/** Removes finished builds of other src states older than an hour (src changes often). */
function removeOldBuilds(keep: string): void {
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (path === keep) continue;
    try {
      if (/^run-\d+$/.test(name) && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { force: true });
      if (!/^[0-9a-f]{16}$/.test(name)) continue;
      if (Date.now() - statSync(join(path, 'done')).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    } catch {
      // unfinished or already gone
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The src hash this jest run tests. Jest gives each test file its own module registry, and other
 * work may edit src/ meanwhile: the first file of a run records its hash under the run's id (the
 * jest process: the parent of a worker, or this process when running in band), the later files
 * reuse it, so one run builds once and tests one state of src/.
 */
function runHash(): string {
  const runId = typeof process.send === 'function' ? process.ppid : process.pid;
  const pin = join(CACHE, `run-${runId}`);
  try {
    const pinned = readFileSync(pin, 'utf8').trim();
    if (/^[0-9a-f]{16}$/.test(pinned) && Date.now() - statSync(pin).mtimeMs < 3_600_000) return pinned;
  } catch {
    // first file of this run
  }
  const hash = srcHash();
  try {
    writeFileSync(pin, hash, { flag: 'wx' });
    return hash;
  } catch {
    // another worker pinned it first
    return readFileSync(pin, 'utf8').trim() || hash;
  }
}

let cached: Promise<Bundles> | undefined;

/** The bundles to run: GP_DIST's, or a build of the current src/ (cached across workers and runs). */
export function bundles(): Promise<Bundles> {
  cached ??= locate();
  return cached;
}

async function locate(): Promise<Bundles> {
  if (process.env.GP_DIST) {
    const dir = resolve(process.env.GP_DIST);
    const b = { action: join(dir, 'action', 'index.js'), cli: join(dir, 'cli', 'index.js') };
    if (!existsSync(b.action) || !existsSync(b.cli)) {
      throw new Error(`GP_DIST=${dir} has no action/index.js and cli/index.js`);
    }
    return b;
  }
  mkdirSync(CACHE, { recursive: true });
  const dir = join(CACHE, runHash());
  const b = { action: join(dir, 'action', 'index.js'), cli: join(dir, 'cli', 'index.js') };
  const done = join(dir, 'done');
  const lock = `${dir}.lock`;
  mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(done)) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // The lock vanished meanwhile: try again.
      }
    }
    if (mine) {
      try {
        if (!existsSync(done)) {
          const tmp = `${dir}.tmp-${process.pid}`;
          rmSync(tmp, { recursive: true, force: true });
          // Both builds at once (ncc is mostly single-threaded). A type error from an edit in
          // progress fails the build: retried twice, 20 s apart, then reported.
          for (let attempt = 1; ; attempt++) {
            const built = await Promise.allSettled([
              ncc('src/main.ts', join(tmp, 'action'), true),
              ncc('src/cli.ts', join(tmp, 'cli'), true),
            ]);
            const failed = built.find((b): b is PromiseRejectedResult => b.status === 'rejected');
            if (!failed) break;
            rmSync(tmp, { recursive: true, force: true });
            if (attempt === 3) throw failed.reason;
            await sleep(20_000);
          }
          rmSync(dir, { recursive: true, force: true });
          renameSync(tmp, dir);
          writeFileSync(done, new Date().toISOString());
          removeOldBuilds(dir);
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS} ms for another worker's bundle build (${lock})`);
    await sleep(500);
  }
  return b;
}
