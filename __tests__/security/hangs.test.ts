/**
 * Attack class 5 (issue 10): an input that blocks on open or read (a pipe, a FIFO, a device, the
 * process's own stdout or stdin) or is not a file at all. Intended behaviour: refused before it is
 * opened, exit 2 with a located message naming the path, long before the kill timer.
 */
import { describe, it, expect } from '@jest/globals';
import {
  attackSuite,
  CASE_TIMEOUT,
  CLEAN,
  allExit,
  exitCodes,
  flowFile,
  manifest,
  mkfifo,
  runCase,
  verdict,
  workspace,
  type FileSpec,
  type RunOptions,
} from './harness.js';

attackSuite();

const M = /genesys-preflight\.yml:\d+:\d+/;
const MANIFEST = 'genesys-preflight.yml';

/** Runs the case (stdout, stderr and stdin are real pipes) and expects a prompt, located exit 2. */
async function refusedQuickly(
  id: string,
  files: Record<string, FileSpec>,
  path: string,
  at: RegExp,
  opts: RunOptions & { fifo?: string } = {},
) {
  const ws = workspace(id, files);
  if (opts.fifo) mkfifo(ws, opts.fifo);
  // Processes with real pipes and a kill timer: a hang must show as a killed run, not a stuck worker.
  const r = await runCase(ws, { formats: ['text'], ...opts, process: true });
  expect({ exits: exitCodes(r), ...verdict(r, { refused: { path, at } }) }).toEqual({ exits: allExit(r, 2), ...CLEAN });
}

/** A manifest whose one flow is `path`. */
const flowAt = (path: string) => ({ [MANIFEST]: manifest(`flows:\n  - file: ${path}`) });

describe('class 5: no input can hang the job', () => {
  it(
    'flows[].file: /proc/self/fd/1 (the process reads its own stdout pipe)',
    async () => {
      await refusedQuickly('fd1', flowAt('/proc/self/fd/1'), '/proc/self/fd/1', M);
    },
    CASE_TIMEOUT,
  );

  it(
    'a FIFO in the workspace (open blocks until a writer comes)',
    async () => {
      const files = { ...flowAt('flows/pipe.yaml'), 'flows/main.yaml': flowFile('Main IVR') };
      await refusedQuickly('fifo', files, 'flows/pipe.yaml', M, { fifo: 'flows/pipe.yaml' });
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].file: /dev/zero (endless)',
    async () => {
      await refusedQuickly('dev-zero', flowAt('/dev/zero'), '/dev/zero', M);
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].file: /dev/stdin, an open pipe nobody writes to',
    async () => {
      await refusedQuickly('dev-stdin', flowAt('/dev/stdin'), '/dev/stdin', M, { stdinPipe: true });
    },
    CASE_TIMEOUT,
  );

  it(
    'the manifest is a committed symlink to /dev/stdin (an open pipe)',
    async () => {
      const files = { [MANIFEST]: { symlink: '/dev/stdin' } };
      await refusedQuickly('manifest-stdin', files, MANIFEST, /genesys-preflight\.yml(:\d+:\d+)?/, { stdinPipe: true });
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].file: a directory',
    async () => {
      await refusedQuickly('directory', { ...flowAt('flows'), 'flows/main.yaml': flowFile('Main IVR') }, 'flows', M);
    },
    CASE_TIMEOUT,
  );
});
