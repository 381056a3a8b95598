/**
 * Harness of the attack suite (issue 10): an attacker's workspace as actions/checkout leaves it
 * (git repo, checkout credential in .git/config), the runner's environment with fake secrets, the
 * action and the CLI run on it, and the checks every case makes on every output channel.
 *
 * A case runs the tree's action and CLI in this worker (support/in-process.ts: the run's own
 * environment, directory and streams) unless it needs what only a process shows: `process: true`
 * (and `stdinPipe`) run the bundles as a runner runs them, with real pipes, a kill timer and a
 * 512 MB heap cap. `GP_E2E_PROCESS=1` runs every case so, `GP_DIST=dist` on the committed dist/.
 */
import { afterAll, beforeAll } from '@jest/globals';
import { spawn, execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { marked } from 'marked';
import { startFakeGitHub, type FakeComment, type FakeGitHub } from '../support/fake-github.js';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { startFakeGenesys, type FakeGenesys } from '../../test-support/fake-genesys/index.js';
import { parseCommands, parseOutputFile, type WorkflowCommand } from '../support/runner.js';
import { runInProcess, runsInWorker } from '../support/in-process.js';
import { bundles } from './bundle.js';

// ---------------------------------------------------------------------------------------------
// The secrets the job holds (all fake)

/** `x-access-token:ghs_FAKEcheckoutTOKEN0123456789`, as actions/checkout writes it (base64). */
export const CHECKOUT_BASIC = 'eC1hY2Nlc3MtdG9rZW46Z2hzX0ZBS0VjaGVja291dFRPS0VOMDEyMzQ1Njc4OQ==';
export const CHECKOUT_TOKEN = 'ghs_FAKEcheckoutTOKEN0123456789';
export const WORKFLOW_TOKEN = 'ghs_FAKEworkflowTOKEN0123456789abcdef';
export const GENESYS_SECRET = 'FAKE-genesys-secret-0123456789abcdef';
export const GENESYS_CLIENT_ID = 'fake-client-id';
/** The workflow's name: part of the sticky comment marker. */
export const WORKFLOW = 'Preflight';
export const OWNER = 'acme';
export const REPO = 'deploy';
export const PR_NUMBER = 7;

/** Strings that must never appear in any output channel (add-mask lines aside). */
export const SECRET_NEEDLES: ReadonlyArray<[label: string, needle: string]> = [
  ['Genesys client secret', GENESYS_SECRET],
  ['checkout credential (base64)', CHECKOUT_BASIC],
  ['checkout credential (base64, prefix)', CHECKOUT_BASIC.slice(0, 24)],
  ['checkout credential (decoded)', `x-access-token:${CHECKOUT_TOKEN}`],
  ['checkout token', CHECKOUT_TOKEN],
  ['workflow token', WORKFLOW_TOKEN],
  ['.git/config extraheader', 'AUTHORIZATION: basic'],
];

// ---------------------------------------------------------------------------------------------
// The Genesys Cloud org the job's secret belongs to (a fake on 127.0.0.1)

export const PROD_ORG_ID = '5e0c1f2a-7b3d-4c8e-9f10-a1b2c3d4e5f6';
let genesysBase: string | undefined;

/**
 * Starts the fake Genesys Cloud holding org `prod` and its OAuth client `fake-client-id` (the
 * job's secret), whose one role holds `permissions` (default `*`: everything) in every division.
 * Manifests built by {@link manifest} then point org `prod` at it (credentials.apiBase/loginBase).
 */
export async function startGenesys(permissions: string[] = ['*']): Promise<FakeGenesys> {
  const policy = (p: string) => {
    const [domain, entityName, action] = p === '*' ? ['*', '*', '*'] : p.split(':');
    return { domain: domain!, entityName: entityName!, actionSet: [action!] };
  };
  const fake = await startFakeGenesys({
    orgs: [
      {
        id: PROD_ORG_ID,
        name: 'prod',
        divisions: [
          { id: 'div-home', name: 'Home', homeDivision: true },
          { id: 'div-support', name: 'Support' },
        ],
        roles: [{ id: 'role-deployer', name: 'Deployer', permissionPolicies: permissions.map(policy) }],
        clients: [
          {
            clientId: GENESYS_CLIENT_ID,
            clientSecret: GENESYS_SECRET,
            name: 'prod deployer',
            roleDivisions: [{ roleId: 'role-deployer', divisionId: '*' }],
          },
        ],
        permissionCatalog: [...bundledCatalog().permissions].filter((p) => !p.includes('*')),
        integrationTypes: ['premium-app-example'],
      },
    ],
  });
  genesysBase = fake.apiBase;
  return fake;
}

/**
 * The manifest's `credentials` line pointing org `prod` at the fake (host overrides only: the
 * variable names come by convention).
 */
export function hostsLine(indent = '    '): string {
  if (!genesysBase) throw new Error('startGenesys() first');
  return `${indent}credentials: {apiBase: "${genesysBase}", loginBase: "${genesysBase}"}`;
}

/** A unique string planted in a case's hostile file content. */
export const canary = (id: string) => `CANARY-${id}-7f3a`;

// ---------------------------------------------------------------------------------------------
// Workspaces

/** A file of the attacker's workspace: text, a symlink, or a directory. */
export type FileSpec = string | { symlink: string } | { dir: true };

/** A workspace as actions/checkout leaves it, plus files outside it. */
export interface Workspace {
  /** Temp root: holds `ws/`, the event payload and files "outside the workspace". */
  root: string;
  /** The checkout (GITHUB_WORKSPACE, cwd of every run). */
  dir: string;
  /** The case's canary: planted in hostile content, in `.git/config` and in `../outside*`. */
  canary: string;
  baseSha: string;
  headSha: string;
}

/**
 * Runs git commands of constant words (no input reaches them) one after another in one shell:
 * one process started from this worker instead of one per command (each start copies the
 * worker's memory map).
 */
function gitSteps(cwd: string, steps: ReadonlyArray<readonly string[]>): void {
  const identity = '-c user.name=attacker -c user.email=attacker@example.com -c commit.gpgsign=false';
  const quote = (w: string) => (/^[\w.-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);
  const script = steps.map((step) => `git ${identity} ${step.map(quote).join(' ')}`).join(' && ');
  execFileSync('/bin/sh', ['-c', script], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' },
  });
}

let template: string | undefined;

/**
 * The `.git` of an empty repository on branch main, made once per worker and copied into each
 * workspace (a `git init` per case would be one more process each).
 */
function gitTemplate(): string {
  if (template) return template;
  const dir = mkdtempSync(join(tmpdir(), 'gp-sec-git-'));
  roots.push(dir);
  gitSteps(dir, [['init', '-q', '-b', 'main']]);
  rmSync(join(dir, '.git', 'hooks'), { recursive: true, force: true });
  template = join(dir, '.git');
  return template;
}

/** The commit `main` points at (read from the ref file: no `git rev-parse` process). */
function headOf(dir: string): string {
  return readFileSync(join(dir, '.git', 'refs', 'heads', 'main'), 'utf8').trim();
}

/** The repository's first commit: the new value of the first line of HEAD's reflog. */
function firstCommit(dir: string): string {
  const first = readFileSync(join(dir, '.git', 'logs', 'HEAD'), 'utf8').split('\n', 1)[0]!;
  return first.split(' ')[1]!;
}

function writeSpec(base: string, rel: string, spec: FileSpec): void {
  const path = join(base, rel);
  mkdirSync(dirname(path), { recursive: true });
  if (typeof spec === 'string') writeFileSync(path, spec);
  else if ('symlink' in spec) symlinkSync(spec.symlink, path);
  else mkdirSync(path, { recursive: true });
}

/**
 * Creates the workspace of case `id`: `files` (relative to the checkout) committed on top of
 * `base` files (the base branch; an empty commit when absent), `.git/config` with the checkout
 * credential exactly as actions/checkout writes it, and outside the checkout `../outside.yaml`
 * and `../outside` holding the canary. Everything is world-readable (0755 dirs) so it works
 * under a 0700 parent.
 */
export function workspace(
  id: string,
  files: Record<string, FileSpec>,
  opts: { base?: Record<string, FileSpec> } = {},
): Workspace {
  const c = canary(id);
  const root = mkdtempSync(join(tmpdir(), `gp-sec-${id}-`));
  roots.push(root);
  chmodSync(root, 0o755);
  const dir = join(root, 'ws');
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  writeFileSync(join(root, 'outside.yaml'), `inboundCall:\n  name: ${c}-outside\n  secret: ${c}\n`);
  writeFileSync(join(root, 'outside'), `${c} outside the workspace\n`);
  cpSync(gitTemplate(), join(dir, '.git'), { recursive: true });
  const base = Object.entries(opts.base ?? {});
  const commitBase = ['commit', '-q', '--allow-empty', '-m', 'base'];
  const commitPr = [
    ['add', '-A'],
    ['commit', '-q', '--allow-empty', '-m', 'pull request'],
  ];
  let baseSha: string;
  if (base.length) {
    for (const [rel, spec] of base) writeSpec(dir, rel, spec);
    gitSteps(dir, [['add', '-A'], commitBase]);
    baseSha = headOf(dir);
    for (const [rel, spec] of Object.entries(files)) writeSpec(dir, rel, spec);
    gitSteps(dir, commitPr);
  } else {
    // The base commit is empty: the PR's files may be written first (untracked until its commit).
    for (const [rel, spec] of Object.entries(files)) writeSpec(dir, rel, spec);
    gitSteps(dir, [commitBase, ...commitPr]);
    baseSha = firstCommit(dir);
  }
  const headSha = headOf(dir);
  // actions/checkout (persist-credentials: true, the default) leaves this in .git/config.
  const credential = `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${CHECKOUT_BASIC}\n`;
  appendFileSync(join(dir, '.git', 'config'), `# ${c}\n${credential}`);
  const payload = {
    action: 'synchronize',
    number: PR_NUMBER,
    pull_request: {
      number: PR_NUMBER,
      base: { sha: baseSha, ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
      head: { sha: headSha, ref: 'feature', repo: { full_name: `${OWNER}/${REPO}` } },
    },
    repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } },
  };
  writeFileSync(join(root, 'event.json'), JSON.stringify(payload));
  return { root, dir, canary: c, baseSha, headSha };
}

/** Workspaces made by this process: removed when it exits, unless GP_SEC_KEEP is set (debugging). */
const roots: string[] = [];

/** Removes the workspaces made so far (each test file's afterAll), unless GP_SEC_KEEP is set. */
export function removeWorkspaces(): void {
  if (process.env.GP_SEC_KEEP) return;
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

/**
 * Registers the set-up every attack file shares: the fake Genesys org (`startGenesys`) and the
 * bundles before the cases, the fake closed and the file's workspaces removed after them.
 * @returns the running fake Genesys (its call log), once the cases run
 */
export function attackSuite(permissions?: string[]): () => FakeGenesys {
  let genesys: FakeGenesys | undefined;
  beforeAll(async () => {
    genesys = await startGenesys(permissions);
    await bundles();
  }, 30_000);
  afterAll(async () => {
    await genesys?.close();
    removeWorkspaces();
  });
  return () => {
    if (!genesys) throw new Error('attackSuite: the fake Genesys is not started yet');
    return genesys;
  };
}

/** Creates a FIFO (named pipe) at `rel` in the workspace (not committed: git cannot hold one). */
export function mkfifo(ws: Workspace, rel: string): void {
  mkdirSync(dirname(join(ws.dir, rel)), { recursive: true });
  execFileSync('mkfifo', [join(ws.dir, rel)]);
}

// ---------------------------------------------------------------------------------------------
// Running

/** Kill timer of every process: a run still going after this is a hang. */
export const KILL_MS = 60_000;
/** Per-case jest timeout: the runs of a case go in parallel, plus fixtures and checks. */
export const CASE_TIMEOUT = KILL_MS + 45_000;
/** Heap cap of every run (NODE_OPTIONS). */
export const HEAP_MB = 512;
/** Most bytes kept of one stream, and largest report read back (a bigger one is a failure). */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

/** One process run. */
export interface ProcRun {
  label: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Killed by the kill timer (a hang). */
  timedOut: boolean;
  /** Killed because it wrote more than MAX_STREAM_BYTES / MAX_REPORT_BYTES. */
  overflow?: string;
  stdout: string;
  stderr: string;
}

/** The action's run and what the runner collected from it. */
export interface ActionRun extends ProcRun {
  outputs: Record<string, string>;
  summary: string;
  /** The JSON report's text (when written and ≤ MAX_REPORT_BYTES). */
  report?: string;
  reportBytes?: number;
  /** Every comment on the PR after the run (seeded ones included). */
  comments: FakeComment[];
  github: FakeGitHub;
}

/** The two ends of a FIFO: the child's and the parent's file descriptors. */
interface Pipe {
  child: number;
  parent: number;
}

/**
 * Real pipes (FIFOs: same semantics as pipe(2)) as the runner gives a step, unlike Node's
 * default stdio, which is a socket pair (opening /proc/self/fd/1 of a socket fails at once, of a
 * pipe it blocks: the class 5 attack). One `mkfifo` makes them all; `childWrites`: the child's
 * end is the write end.
 */
function realPipes(dir: string, pipes: ReadonlyArray<[name: string, childWrites: boolean]>): Pipe[] {
  execFileSync(
    'mkfifo',
    pipes.map(([name]) => join(dir, name)),
  );
  return pipes.map(([name, childWrites]) => {
    const path = join(dir, name);
    // O_RDWR never blocks on a FIFO; the other end's open then finds a peer and returns at once.
    const first = openSync(path, 'r+');
    const second = openSync(path, childWrites ? 'r' : 'w');
    return childWrites ? { child: first, parent: second } : { child: second, parent: first };
  });
}

function spawnCapped(
  label: string,
  argv: string[],
  env: Record<string, string>,
  cwd: string,
  opts: { stdinPipe?: boolean; watchFile?: string } = {},
): Promise<ProcRun> {
  return new Promise((resolveRun, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-sec-pipes-'));
    // /dev/stdin case: a pipe that stays open and empty until the child exits.
    const [outPipe, errPipe, inPipe] = realPipes(dir, [
      ['stdout', true],
      ['stderr', true],
      ...(opts.stdinPipe ? [['stdin', false] as [string, boolean]] : []),
    ]) as [Pipe, Pipe, Pipe | undefined];
    let child: ReturnType<typeof spawn>;
    try {
      const stdio: Array<number | 'ignore'> = [inPipe ? inPipe.child : 'ignore', outPipe.child, errPipe.child];
      child = spawn(process.execPath, argv, { cwd, env, stdio });
    } finally {
      for (const fd of [outPipe.child, errPipe.child, inPipe?.child]) if (fd !== undefined) closeSync(fd);
    }
    const stdout = new Socket({ fd: outPipe.parent, readable: true, writable: false });
    const stderr = new Socket({ fd: errPipe.parent, readable: true, writable: false });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    let overflow: string | undefined;
    const kill = () => {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, KILL_MS);
    const watcher = opts.watchFile
      ? setInterval(() => {
          try {
            if (statSync(opts.watchFile!).size > MAX_REPORT_BYTES) {
              overflow = `${opts.watchFile} grew over ${MAX_REPORT_BYTES} bytes`;
              kill();
            }
          } catch {
            // not written yet
          }
        }, 200)
      : undefined;
    stdout.on('data', (d: Buffer) => {
      outBytes += d.length;
      if (outBytes <= MAX_STREAM_BYTES) out.push(d);
      else if (!overflow) {
        overflow = `stdout over ${MAX_STREAM_BYTES} bytes`;
        kill();
      }
    });
    stderr.on('data', (d: Buffer) => {
      errBytes += d.length;
      if (errBytes <= MAX_STREAM_BYTES) err.push(d);
      else if (!overflow) {
        overflow = `stderr over ${MAX_STREAM_BYTES} bytes`;
        kill();
      }
    });
    const ended = (s: Socket) =>
      new Promise<void>((done) => {
        s.on('error', () => done());
        s.on('close', () => done());
      });
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((done) =>
      child.on('exit', (code, signal) => done([code, signal])),
    );
    child.on('error', reject);
    void Promise.all([exited, ended(stdout), ended(stderr)]).then(([[code, signal]]) => {
      clearTimeout(timer);
      if (watcher) clearInterval(watcher);
      if (inPipe) closeSync(inPipe.parent);
      rmSync(dir, { recursive: true, force: true });
      resolveRun({
        label,
        code,
        signal,
        timedOut,
        ...(overflow ? { overflow } : {}),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/**
 * One run of `entry` in this worker (support/in-process.ts), as a {@link ProcRun}: a run past
 * KILL_MS is reported as timed out (and left to finish), streams over MAX_STREAM_BYTES as overflow.
 */
async function runHere(
  label: string,
  entry: 'cli' | 'action',
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Promise<ProcRun> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((done) => {
    timer = setTimeout(() => done('late'), KILL_MS);
  });
  const r = await Promise.race([runInProcess(entry, args, env, cwd), late]);
  clearTimeout(timer);
  if (r === 'late') return { label, code: null, signal: 'SIGKILL', timedOut: true, stdout: '', stderr: '' };
  const over = (['stdout', 'stderr'] as const).find((s) => Buffer.byteLength(r[s]) > MAX_STREAM_BYTES);
  return {
    label,
    code: r.code,
    signal: null,
    timedOut: false,
    ...(over ? { overflow: `${over} over ${MAX_STREAM_BYTES} bytes` } : {}),
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

/** Whether a case runs processes: asked for, a stdin pipe, or GP_E2E_PROCESS / GP_DIST set. */
const inProcesses = (opts: { process?: boolean | 'action'; stdinPipe?: boolean }) =>
  Boolean(opts.process || opts.stdinPipe || !runsInWorker());

/** The runner's environment of a step in `ws` (no INPUT_* variables). */
export function runnerEnv(
  ws: Workspace,
  github: Pick<FakeGitHub, 'url'>,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: ws.root,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws.dir,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(ws.root, 'event.json'),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242000001',
    GITHUB_WORKFLOW: WORKFLOW,
    GITHUB_SHA: ws.headSha,
    GITHUB_REF: `refs/pull/${PR_NUMBER}/merge`,
    GITHUB_TOKEN: WORKFLOW_TOKEN,
    // The operator names the fake's loopback host (the workflow's setting, never the PR's).
    GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1',
    GENESYS_PROD_CLIENT_ID: GENESYS_CLIENT_ID,
    GENESYS_PROD_CLIENT_SECRET: GENESYS_SECRET,
    NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`,
    ...extra,
  };
}

/** The CLI formats each case runs (`check --format F`). */
export const FORMATS = ['text', 'markdown', 'sarif', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** Options of one case's runs. */
export interface RunOptions {
  /** Action inputs (names as in action.yml). `comment` defaults to `always`, `github-token` to the workflow token. */
  inputs?: Record<string, string>;
  /** Extra or overriding environment variables (both the action and the CLI). */
  env?: Record<string, string>;
  /** Extra `check` arguments for the CLI (default: `--manifest <inputs.manifest>` when given). */
  cliArgs?: string[];
  /** Which CLI formats to run (default all four); [] = action only. */
  formats?: readonly Format[];
  /** Give every process a stdin pipe that stays open (the /dev/stdin case; implies `process`). */
  stdinPipe?: boolean;
  /**
   * Run the bundles in processes as a runner does (kill timer, heap cap, real pipes) instead of
   * in this worker: for what only a process shows (heap limits, hangs, pipes, exit by signal).
   * `'action'`: the action only (the runner's step, with its heap cap); the CLI runs here.
   */
  process?: boolean | 'action';
  /** Prepares the fake GitHub (seed comments) before the run. */
  seed?: (github: FakeGitHub) => void;
  /** Run the action first, then the CLI runs (so calls to a fake can be told apart). Default: all at once. */
  sequential?: boolean;
  /**
   * Every process one after another (heavy inputs: parallel runs on a small machine would make
   * the kill timer measure contention, not the tool).
   */
  serial?: boolean;
  /** Called between the action and the CLI runs (implies `sequential`). */
  afterAction?: () => void;
  /** Variables removed from the runner's environment (e.g. the job's secrets, for a fork PR). */
  unset?: string[];
  /** A fake GitHub the caller started (kept open, so a second run sees the first's comments). */
  github?: FakeGitHub;
}

/** Everything one case produced. */
export interface CaseResult {
  ws: Workspace;
  action: ActionRun;
  cli: Partial<Record<Format, ProcRun>>;
  /** Extra runs a case made (policy, orgs...). */
  extra: ProcRun[];
}

/** Runs the bundled action and the CLI (`check --format F` for each format) on the workspace. */
export async function runCase(ws: Workspace, opts: RunOptions = {}): Promise<CaseResult> {
  const b = await bundles();
  const github = opts.github ?? (await startFakeGitHub({ token: WORKFLOW_TOKEN, repositories: [`${OWNER}/${REPO}`] }));
  try {
    opts.seed?.(github);
    const env = runnerEnv(ws, github, opts.env);
    for (const name of opts.unset ?? []) delete env[name];
    const inputs: Record<string, string> = { comment: 'always', 'github-token': WORKFLOW_TOKEN, ...opts.inputs };
    const runnerDir = mkdtempSync(join(ws.root, 'runner-'));
    const outputFile = join(runnerDir, 'output');
    const summaryFile = join(runnerDir, 'summary.md');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const reportFile = join(runnerDir, 'genesys-preflight-report.json');
    const inputEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
    const runnerFiles = { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: runnerDir };
    const actionEnv = { ...env, ...inputEnv, ...runnerFiles };
    const spawned = inProcesses(opts);
    const cliSpawned = spawned && (opts.process !== 'action' || Boolean(opts.stdinPipe) || !runsInWorker());
    const startAction = () =>
      spawned
        ? spawnCapped('action', [b.action], actionEnv, ws.dir, { stdinPipe: opts.stdinPipe, watchFile: reportFile })
        : runHere('action', 'action', [], actionEnv, ws.dir);
    const cliArgs = opts.cliArgs ?? (inputs.manifest ? ['--manifest', inputs.manifest] : []);
    const cliRun = (f: Format) => {
      const label = `cli --format ${f}`;
      const args = ['check', '--format', f, ...cliArgs];
      return (
        cliSpawned
          ? spawnCapped(label, [b.cli, ...args], env, ws.dir, { stdinPipe: opts.stdinPipe })
          : runHere(label, 'cli', args, env, ws.dir)
      ).then((r) => [f, r] as const);
    };
    const startCli = () => (opts.formats ?? FORMATS).map(cliRun);
    let proc: ProcRun;
    let cliRuns: Array<readonly [Format, ProcRun]>;
    if (opts.serial) {
      proc = await startAction();
      opts.afterAction?.();
      cliRuns = [];
      for (const f of opts.formats ?? FORMATS) cliRuns.push(await cliRun(f));
    } else if (opts.sequential || opts.afterAction) {
      proc = await startAction();
      opts.afterAction?.();
      cliRuns = await Promise.all(startCli());
    } else {
      [proc, cliRuns] = await Promise.all([startAction(), Promise.all(startCli())]);
    }
    const action: ActionRun = {
      ...proc,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      comments: github.comments.map((c) => ({ ...c, user: { ...c.user } })),
      github,
    };
    if (existsSync(reportFile)) {
      action.reportBytes = statSync(reportFile).size;
      if (action.reportBytes <= MAX_REPORT_BYTES) action.report = readFileSync(reportFile, 'utf8');
    }
    return { ws, action, cli: Object.fromEntries(cliRuns), extra: [] };
  } finally {
    if (!opts.github) await github.close();
  }
}

/** Starts a fake GitHub as {@link runCase} does (for cases that run twice on one PR). */
export function fakeGitHub(): Promise<FakeGitHub> {
  return startFakeGitHub({ token: WORKFLOW_TOKEN, repositories: [`${OWNER}/${REPO}`] });
}

/**
 * Runs another CLI command (`policy`, `orgs`...) in the workspace with the runner's environment
 * (in this worker unless `opts.process` or GP_E2E_PROCESS: see {@link RunOptions.process}).
 */
export async function runCliCommand(
  ws: Workspace,
  args: string[],
  env: Record<string, string> = {},
  opts: { process?: boolean } = {},
): Promise<ProcRun> {
  const base = runnerEnv(ws, { url: 'http://127.0.0.1:9' } as FakeGitHub, env);
  const label = `cli ${args.join(' ')}`;
  if (!inProcesses(opts)) return runHere(label, 'cli', args, base, ws.dir);
  const b = await bundles();
  return spawnCapped(label, [b.cli, ...args], base, ws.dir);
}

// ---------------------------------------------------------------------------------------------
// Channels and checks

/** One output a person or another step could see. */
export interface Channel {
  name: string;
  text: string;
}

const isMask = (line: string) => line.trimStart().startsWith('::add-mask::');

/** Every output channel of a case (add-mask lines removed from stdout). */
export function channels(r: CaseResult): Channel[] {
  const out: Channel[] = [];
  const proc = (p: ProcRun) => {
    out.push({
      name: `${p.label} stdout`,
      text: p.stdout
        .split('\n')
        .filter((l) => !isMask(l))
        .join('\n'),
    });
    out.push({ name: `${p.label} stderr`, text: p.stderr });
  };
  proc(r.action);
  const commands = [...parseCommands(r.action.stdout), ...parseCommands(r.action.stderr)];
  const decoded = commands
    .filter((c) => c.command !== 'add-mask')
    .map((c) => `${JSON.stringify(c.props)} ${c.message}`);
  out.push({ name: 'annotations (decoded)', text: decoded.join('\n') });
  out.push({ name: 'job summary', text: r.action.summary });
  out.push({
    name: 'step outputs',
    text: Object.entries(r.action.outputs)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  });
  out.push({ name: 'PR comments', text: r.action.comments.map((c) => c.body).join('\n----\n') });
  out.push({ name: 'JSON report file', text: r.action.report ?? '' });
  for (const p of Object.values(r.cli)) proc(p!);
  for (const p of r.extra) proc(p);
  return out;
}

/** Numeric character references decoded (`&#64;` → `@`). */
function decodeNumeric(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
}

/** Decodes what an escaper may have put between the characters of a leaked string. */
function normalise(text: string): string {
  return decodeNumeric(text)
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\(.)/g, '$1')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/**
 * Where a secret or planted content appears: `channel: label` for each hit (also after undoing
 * backslash escapes, HTML entities and zero-width characters). `extra` are case-specific needles.
 */
export function leaks(r: CaseResult, extra: ReadonlyArray<[string, string]> = []): string[] {
  const needles = [...SECRET_NEEDLES, ['canary', r.ws.canary] as [string, string], ...extra];
  const hits: string[] = [];
  for (const ch of channels(r)) {
    const plain = normalise(ch.text);
    for (const [label, needle] of needles) {
      if (ch.text.includes(needle) || plain.includes(needle)) hits.push(`${ch.name}: ${label}`);
    }
  }
  return hits;
}

/** Workflow commands the tool may emit. */
const ALLOWED_COMMANDS = new Set(['error', 'warning', 'notice', 'add-mask', 'group', 'endgroup', 'debug']);
/** Values that are never secrets: masking them would hide them job-wide. */
const NOT_SECRETS = new Set(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', 'null', '']);

/**
 * Workflow commands that came from input: in the action's stdout/stderr, a `::` (or `##[`) line
 * whose command is not one of ours, whose message starts with a name planted by the case, or an
 * add-mask of a non-secret / planted value; in any CLI output, any `::`/`##[` line at all.
 */
export function injectedCommands(r: CaseResult, planted: readonly string[] = []): string[] {
  const marks = [r.ws.canary, ...planted].filter(Boolean);
  const bad: string[] = [];
  const actionStreams: Array<[string, string]> = [
    ['action stdout', r.action.stdout],
    ['action stderr', r.action.stderr],
  ];
  for (const [name, text] of actionStreams) {
    for (const raw of text.split('\n')) {
      const line = raw.trimStart();
      if (line.startsWith('##[')) bad.push(`${name}: ${line.slice(0, 80)}`);
      if (!line.startsWith('::')) continue;
      const m = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
      if (!m || !ALLOWED_COMMANDS.has(m[1]!)) {
        bad.push(`${name}: ${line.slice(0, 80)}`);
        continue;
      }
      const message = m[2]!;
      const mask = m[1] === 'add-mask';
      const planted = marks.some((c) => message.startsWith(c) || (mask && message.includes(c)));
      if (planted) bad.push(`${name}: ${line.slice(0, 80)}`);
      if (mask && NOT_SECRETS.has(message.trim().toLowerCase())) bad.push(`${name}: masks a non-secret: ${line}`);
    }
  }
  for (const p of [...Object.values(r.cli), ...r.extra]) {
    for (const [stream, text] of [
      ['stdout', p!.stdout],
      ['stderr', p!.stderr],
    ] as const) {
      for (const raw of text.split('\n')) {
        const line = raw.trimStart();
        if (line.startsWith('::') || line.startsWith('##[')) bad.push(`${p!.label} ${stream}: ${line.slice(0, 80)}`);
      }
    }
  }
  return bad;
}

/** Control characters (ESC, CSI, CR, other C0/C1 but tab and newline) in the CLI's text output. */
export function controlCharacters(r: CaseResult): string[] {
  const bad: string[] = [];
  const text = r.cli.text;
  if (!text) return bad;
  for (const [stream, s] of [
    ['stdout', text.stdout],
    ['stderr', text.stderr],
  ] as const) {
    const m = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(s);
    if (m) bad.push(`cli --format text ${stream}: U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}`);
  }
  return bad;
}

/**
 * Text of rendered HTML outside code spans/blocks, tags removed, entities decoded, as GitHub's
 * mention and issue-reference filters see it (a zero-width character kept: it breaks a mention).
 */
function proseText(html: string): string {
  return decodeNumeric(
    html
      .replace(/<pre[\s\S]*?<\/pre>/gi, ' ')
      .replace(/<code[\s\S]*?<\/code>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** What a case planted in names, for the markdown checks. */
export interface Planted {
  /** Strings planted in names (canaries): must not end up in a heading, a summary, a <pre>, a link... */
  marks: string[];
  /** Mentions planted (`canary-user`, `org/canary-team`). */
  mentions?: string[];
  /** Issue references planted (`#4242`). */
  issueRefs?: string[];
  /** A string planted between two `|`: must never be a whole table cell. */
  pipeCell?: string;
}

/**
 * Problems of one markdown document (comment, summary, `--format markdown`) rendered with marked
 * (GFM): images, links to non-GitHub hosts or carrying a planted string, a heading/<summary>/<pre>
 * holding a planted string, unbalanced <details>, a mention or issue reference outside code, an
 * HTML comment other than the sticky marker on the first line, a table cell made by a planted `|`.
 */
export function markdownProblems(name: string, md: string, p: Planted): string[] {
  const bad: string[] = [];
  if (!md) return bad;
  const lines = md.split('\n');
  const body = /^<!-- genesys-preflight:[^\n<>]*? -->$/.test(lines[0] ?? '') ? lines.slice(1).join('\n') : md;
  const html = marked.parse(body, { gfm: true, async: false }) as string;
  const has = (s: string) => p.marks.some((m) => normalise(s).includes(m));
  if (/<img\b/i.test(html)) bad.push(`${name}: <img>`);
  for (const m of html.matchAll(/<a\b[^>]*?href="([^"]*)"/gi)) {
    const href = m[1]!;
    let host = '';
    try {
      host = new URL(href.replace(/&amp;/g, '&')).hostname;
    } catch {
      // relative or anchor
    }
    const foreign = host !== '' && host !== 'github.com' && !host.endsWith('.github.com');
    if (has(href) || foreign) bad.push(`${name}: link to ${href}`);
  }
  const holding = (re: RegExp, what: string) => {
    for (const m of html.matchAll(re)) {
      if (has(m[1]!)) bad.push(`${name}: ${what} holding a planted name: ${m[1]!.slice(0, 60)}`);
    }
  };
  holding(/<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/gi, 'heading');
  holding(/<summary\b[^>]*>([\s\S]*?)<\/summary>/gi, '<summary>');
  holding(/<pre\b[^>]*>([\s\S]*?)<\/pre>/gi, 'code block');
  const opened = (html.match(/<details\b/gi) ?? []).length;
  const closed = (html.match(/<\/details>/gi) ?? []).length;
  if (opened !== closed) bad.push(`${name}: ${opened} <details> for ${closed} </details>`);
  if (/<!--/.test(html)) bad.push(`${name}: HTML comment in the rendered body`);
  for (const tag of ['script', 'iframe', 'style', 'form', 'input', 'textarea', 'svg', 'object']) {
    if (new RegExp(`<${tag}\\b`, 'i').test(html)) bad.push(`${name}: <${tag}>`);
  }
  const prose = proseText(html);
  for (const who of p.mentions ?? []) {
    const mention = new RegExp(`(^|[^A-Za-z0-9_\`/])@${who.replace(/[/.]/g, '\\$&')}\\b`);
    if (mention.test(prose)) bad.push(`${name}: mentions @${who}`);
  }
  for (const ref of p.issueRefs ?? []) {
    if (new RegExp(`(^|[^A-Za-z0-9_&/])${ref}\\b`).test(prose)) bad.push(`${name}: issue reference ${ref}`);
  }
  if (p.pipeCell) {
    for (const m of html.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/gi)) {
      if (proseText(m[1]!).trim() === p.pipeCell) bad.push(`${name}: table cell made of ${p.pipeCell}`);
    }
  }
  return bad;
}

/** markdownProblems over the job summary, every PR comment written by the run, and `--format markdown`. */
export function markdownIssues(r: CaseResult, p: Planted, seededIds: readonly number[] = []): string[] {
  const docs: Array<[string, string]> = [['job summary', r.action.summary]];
  for (const c of r.action.comments) if (!seededIds.includes(c.id)) docs.push([`PR comment ${c.id}`, c.body]);
  if (r.cli.markdown) docs.push(['cli --format markdown', r.cli.markdown.stdout]);
  return docs.flatMap(([n, md]) => markdownProblems(n, md, p));
}

/** Runs that hit the kill timer, overflowed, or ran out of memory. */
export function unbounded(r: CaseResult): string[] {
  const bad: string[] = [];
  for (const p of [r.action, ...Object.values(r.cli), ...r.extra]) {
    if (p!.timedOut) bad.push(`${p!.label}: still running after ${KILL_MS} ms (killed)`);
    if (p!.overflow) bad.push(`${p!.label}: ${p!.overflow}`);
    const oom = /heap out of memory|Allocation failed/i.test(p!.stderr) || p!.signal === 'SIGABRT' || p!.code === 134;
    if (oom) bad.push(`${p!.label}: out of memory`);
  }
  const bytes = r.action.reportBytes;
  if (bytes !== undefined && bytes > MAX_REPORT_BYTES) bad.push(`JSON report is ${bytes} bytes`);
  return bad;
}

/** Every check of (a) no leak, (b) no injected command, (e) bounded; returns all problems. */
export function standardProblems(
  r: CaseResult,
  planted: readonly string[] = [],
  extraNeedles: ReadonlyArray<[string, string]> = [],
): string[] {
  return [...unbounded(r), ...leaks(r, extraNeedles), ...injectedCommands(r, planted)];
}

/** Exit codes of every run: `{action: 2, 'cli --format text': 2, ...}`. */
export function exitCodes(r: CaseResult): Record<string, number | null> {
  const out: Record<string, number | null> = { action: r.action.code };
  for (const p of Object.values(r.cli)) out[p!.label] = p!.code;
  return out;
}

/** The same code for every run of the case. */
export function allExit(r: CaseResult, code: number): Record<string, number | null> {
  return Object.fromEntries(Object.keys(exitCodes(r)).map((k) => [k, code]));
}

/** Error annotations of the action. */
export function errorAnnotations(r: CaseResult): WorkflowCommand[] {
  return parseCommands(r.action.stdout).filter((c) => c.command === 'error');
}

/**
 * What the case says about a refused input: problems when the CLI's text output (stdout+stderr)
 * does not name `path`, one of `codes`, and a `file:line:column` matching `at`, or when no
 * error annotation carries a file and line and names the path (in its message, or as its file
 * for a problem inside that file).
 */
export function refusalProblems(
  r: CaseResult,
  path: string,
  at: RegExp,
  codes: readonly string[] = ['manifest-invalid', 'file-not-found'],
): string[] {
  const bad: string[] = [];
  const text = r.cli.text ? `${r.cli.text.stdout}\n${r.cli.text.stderr}` : '';
  if (r.cli.text) {
    if (!text.includes(path)) bad.push(`cli text does not name ${path}`);
    if (!codes.some((c) => text.includes(c))) bad.push(`cli text names none of ${codes.join(', ')}`);
    if (!at.test(text)) bad.push(`cli text has no location matching ${at}`);
  }
  const names = (a: WorkflowCommand) => a.message.includes(path) || a.props.file === path;
  const located = errorAnnotations(r).filter((a) => a.props.file && a.props.line && names(a));
  if (!located.length) bad.push(`no error annotation with a file and line naming ${path} (message or file)`);
  return bad;
}

/** A minimal Archy flow file. */
export function flowFile(name: string, opts: { division?: string; extra?: string; type?: string } = {}): string {
  return [
    `${opts.type ?? 'inboundCall'}:`,
    `  name: ${JSON.stringify(name)}`,
    ...(opts.division !== undefined ? [`  division: ${JSON.stringify(opts.division)}`] : []),
    '  startUpRef: "/inboundCall/menus/menu[Main_1]"',
    '  defaultLanguage: en-us',
    ...(opts.extra ? [opts.extra] : []),
    '',
  ].join('\n');
}

/** Permissions of the declared role `Flow Deployer` (a narrow Archy deployer: no publish). */
export const FLOW_DEPLOYER = [
  'architect:flow:view',
  'architect:flow:add',
  'architect:flow:edit',
  'architect:job:create',
  'architect:job:view',
];

/**
 * A small manifest for org `prod` (whose secrets the job holds: auto mode checks it live on the
 * fake, see {@link startGenesys}), declaring one role `Flow Deployer` granted in `*`. `body` is
 * appended (flows, scripts...). `credentials: false` leaves the hosts out (offline cases).
 */
export function manifest(
  body: string,
  opts: { org?: string; roles?: string; principal?: string; orgExtra?: string; credentials?: false } = {},
): string {
  return [
    'version: 1',
    'defaults: {deployer: archy}',
    'orgs:',
    `  - name: ${opts.org ?? 'prod'}`,
    '    region: us-east-1',
    ...(opts.credentials === false ? [] : [hostsLine()]),
    ...(opts.orgExtra ? [opts.orgExtra] : []),
    '    principal:',
    '      grant: client-credentials',
    '      roles:',
    opts.principal ?? "        - {role: Flow Deployer, divisions: ['*']}",
    'roles:',
    opts.roles ?? `  Flow Deployer: {permissions: [${FLOW_DEPLOYER.join(', ')}]}`,
    body,
    '',
  ].join('\n');
}

/** What one case expects besides the standard checks. */
export interface Expect {
  /** Names/strings the case planted (for the command and markdown checks). */
  planted?: string[];
  /** Case-specific strings that must not leak, as [label, needle]. */
  needles?: ReadonlyArray<[string, string]>;
  /** A refused input: the path the message must name and the location it must give. */
  refused?: { path: string; at: RegExp; codes?: string[] };
  /** Markdown plants (mentions, issue refs, pipe cell) besides `planted`. */
  markdown?: Omit<Planted, 'marks'>;
  /** Seeded comment ids (not checked as ours). */
  seeded?: number[];
}

/** Every problem of a case, by kind: empty lists when the case holds. */
export function verdict(r: CaseResult, e: Expect = {}): Record<keyof typeof CLEAN, string[]> {
  const planted = e.planted ?? [];
  return {
    bounded: unbounded(r),
    leaks: leaks(r, e.needles ?? []),
    commands: [...injectedCommands(r, planted), ...controlCharacters(r)],
    markdown: markdownIssues(r, { marks: [r.ws.canary, ...planted], ...e.markdown }, e.seeded ?? []),
    message: e.refused ? refusalProblems(r, e.refused.path, e.refused.at, e.refused.codes) : [],
  };
}

/** The verdict of a case that holds. */
export const CLEAN = { bounded: [], leaks: [], commands: [], markdown: [], message: [] };
