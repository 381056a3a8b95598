/**
 * Runs an entry point as the GitHub runner would, and parses what it wrote.
 *
 * `entry` is a bundle path (support/bundle.ts). The run's bundles of the tree are run in this
 * worker (support/in-process.ts: the same source, the run's own environment, directory and
 * streams, without a process start); a process runs them when the caller asks (`process: true`:
 * exit by signal, heap caps, pipes), when GP_E2E_PROCESS is set, and always for another bundle
 * (`GP_DIST=dist` runs the committed dist/ in processes).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess, runsInWorker } from './in-process.js';
import { bundlePaths } from './bundle.js';

/** How a run is made. */
export interface RunHow {
  /** A process, even for the tree's bundle. */
  process?: boolean;
}

/** The in-process entry for `entry`, or undefined when it must run in a process. */
function here(entry: string, how: RunHow): 'cli' | 'action' | undefined {
  if (how.process || !runsInWorker()) return undefined;
  let tree: { action: string; cli: string };
  try {
    tree = bundlePaths();
  } catch {
    return undefined;
  }
  return entry === tree.cli ? 'cli' : entry === tree.action ? 'action' : undefined;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIM\nvalue\nDELIM` or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/** Runs `node entry` with the action's inputs as INPUT_* variables and runner files in a temp dir. */
export function runAction(
  entry: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  cwd = process.cwd(),
  how: RunHow = {},
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gp-runner-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir };
  const runEnv = {
    ...base,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    ...inputEnv,
    ...env,
  };
  const collect = (code: number | null, stdout: string, stderr: string): RunResult => ({
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
    dir,
  });
  const inWorker = here(entry, how);
  if (inWorker) {
    return runInProcess(inWorker, [], runEnv, cwd).then((r) => collect(r.code, r.stdout, r.stderr));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { cwd, env: runEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve(collect(code, stdout, stderr)));
  });
}

/** Runs a CLI bundle with arguments. */
export function runCli(
  entry: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = process.cwd(),
  how: RunHow = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const runEnv = { PATH: process.env.PATH ?? '', ...env };
  const inWorker = here(entry, how);
  if (inWorker) return runInProcess(inWorker, args, runEnv, cwd);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd,
      env: runEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One workflow command (`::error file=...,line=...::message`) decoded. */
export interface WorkflowCommand {
  command: string;
  props: Record<string, string>;
  message: string;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** Parses the workflow commands of a step's stdout. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = kv.indexOf('=');
      props[kv.slice(0, i)] = unescapeProp(kv.slice(i + 1));
    }
    out.push({ command: m[1]!, props, message: unescapeData(m[3]!) });
  }
  return out;
}

/** Annotations only (error, warning, notice commands). */
export function annotations(stdout: string): WorkflowCommand[] {
  return parseCommands(stdout).filter(
    (c) => c.command === 'error' || c.command === 'warning' || c.command === 'notice',
  );
}
