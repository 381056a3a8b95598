/**
 * Runs the CLI (src/cli/run.ts `runCli`) or the action (src/action/run.ts `run`) inside this jest
 * worker, as `node dist/cli/index.js ARGS` or the runner's `node dist/action/index.js` would run
 * them, without starting a process: the end-to-end and attack suites run most of their cases so
 * (a process costs 0.3-1.2 CPU-s to start and load; the same run here costs its own work only).
 *
 * What a process gives and this reproduces, for the length of one run:
 * - the environment: `process.env` is replaced by exactly the run's variables (nothing of the
 *   worker's own), then restored;
 * - the working directory (`process.chdir`);
 * - standard output and error: what is written to `process.stdout` / `process.stderr` is
 *   collected (the worker's own streams see nothing); standard input is empty, or `stdin`;
 * - the exit code: the CLI's return value; the action's `process.exitCode` (0 when unset).
 *
 * What only a process shows stays with the suites that spawn one (support/runner.ts, the attack
 * harness's `process: true`): a kill timer and a heap cap, real pipes (/dev/stdin, /proc/self/fd),
 * signals, the bundle as built. Runs are serialised: two at once would share the process's state.
 */
import { Readable } from 'node:stream';
import type { GitHubContext } from '../../src/github/context.js';

// The entry points are imported on first use: a suite that runs only the CLI never loads the
// action's modules (octokit, the toolkit), which cost a suite ~0.5 s to load.

/**
 * A process starts with a fresh `@actions/core` job summary; its one instance here keeps the
 * buffer and caches the GITHUB_STEP_SUMMARY path of the first run (private `_filePath`).
 */
function freshSummary(summary: typeof import('@actions/core').summary): void {
  summary.emptyBuffer();
  (summary as unknown as { _filePath?: string })._filePath = undefined;
}

/**
 * The run's GitHub context, read now from the run's environment and event file (a process reads
 * `@actions/github`'s `context` once, at import: here that instance holds the first run's).
 * @throws Error when the event file cannot be read: a process's import would fail instead, with
 *   messages of its own, so such a case must run as a process
 */
function runGitHubContext(newGitHubContext: () => GitHubContext): GitHubContext | undefined {
  if (!process.env.GITHUB_EVENT_PATH && !process.env.GITHUB_REPOSITORY) return undefined;
  try {
    return newGitHubContext();
  } catch (e) {
    throw new Error(`in-process run: ${(e as Error).message} (run this case in a process)`);
  }
}

/**
 * The entry point as a function of the arguments giving the exit code, its modules loaded: the
 * CLI's `runCli`; the action's `run` with a fresh job summary and the run's GitHub context, its
 * exit code read from `process.exitCode` as the runner would.
 */
async function entryPoint(entry: 'cli' | 'action'): Promise<(args: string[]) => Promise<number>> {
  if (entry === 'cli') return (await import('../../src/cli/run.js')).runCli;
  const { run } = await import('../../src/action/run.js');
  const { newGitHubContext } = await import('../../src/github/context.js');
  const { summary } = await import('@actions/core');
  return async () => {
    freshSummary(summary);
    await run(process.env, runGitHubContext(newGitHubContext));
    return Number(process.exitCode ?? 0);
  };
}

/**
 * Whether the end-to-end suites run the tree's entry points in the worker: not when
 * `GP_E2E_PROCESS` asks for processes, nor when `GP_DIST` names bundles to run (a process runs
 * those: the worker has only the tree's source).
 */
export function runsInWorker(): boolean {
  return !process.env.GP_E2E_PROCESS && !process.env.GP_DIST;
}

/** What a run wrote and how it ended. */
export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of one run. */
export interface InProcessOptions {
  /** Standard input's whole content (default: empty, as `stdio: 'ignore'` gives a process). */
  stdin?: string | Buffer;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` after every run queued before it (one run at a time per worker). */
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

type Write = typeof process.stdout.write;

/** Replaces `stream.write` by a collector; returns the collected text and the restore function. */
function capture(stream: NodeJS.WriteStream): { text: () => string; restore: () => void } {
  const original = stream.write;
  const chunks: string[] = [];
  const collect = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as Write;
  stream.write = collect;
  return {
    text: () => chunks.join(''),
    restore: () => {
      stream.write = original;
    },
  };
}

/**
 * Runs `entry` with `args` (the CLI's arguments; the action takes its inputs from INPUT_*
 * variables of `env`) in `cwd` with exactly the variables of `env`.
 * @throws only what the harness itself fails on (never the run's own errors: they are its output)
 */
export function runInProcess(
  entry: 'cli' | 'action',
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd: string,
  opts: InProcessOptions = {},
): Promise<InProcessRun> {
  return serialised(async () => {
    // Loaded before the run's environment is in place: module-level state (the toolkit's context
    // and request defaults) is then the same for every run of the suite, not the first run's.
    const main = await entryPoint(entry);
    const savedEnv = process.env;
    const savedCwd = process.cwd();
    const savedExit = process.exitCode;
    const savedStdin = Object.getOwnPropertyDescriptor(process, 'stdin');
    const stdin = Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]);
    Object.defineProperty(process, 'stdin', { value: stdin, configurable: true, writable: true });
    process.env = { ...env };
    process.exitCode = undefined;
    const out = capture(process.stdout);
    const err = capture(process.stderr);
    try {
      process.chdir(cwd);
      const code = await main([...args]);
      return { code, stdout: out.text(), stderr: err.text() };
    } finally {
      out.restore();
      err.restore();
      process.chdir(savedCwd);
      process.env = savedEnv;
      process.exitCode = savedExit;
      if (savedStdin) Object.defineProperty(process, 'stdin', savedStdin);
      else delete (process as { stdin?: unknown }).stdin;
    }
  });
}
