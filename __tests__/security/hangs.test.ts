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

/**
 * A case that could block a read: the action as a process, with real pipes (stdout, stderr, and
 * stdin with `stdinPipe`) and the kill timer, so a hang shows as a killed run, not a stuck jest
 * worker. The CLI shares the action's file reading; it runs too where it reads stdin its own way.
 */
const BLOCKING: RunOptions = { process: true, formats: [] };

/** Runs the case and expects a prompt, located exit 2. */
async function refusedQuickly(
  id: string,
  files: Record<string, FileSpec>,
  path: string,
  at: RegExp,
  opts: RunOptions & { fifo?: string } = {},
) {
  const ws = workspace(id, files);
  if (opts.fifo) mkfifo(ws, opts.fifo);
  const r = await runCase(ws, opts);
  expect({ exits: exitCodes(r), ...verdict(r, { refused: { path, at } }) }).toEqual({ exits: allExit(r, 2), ...CLEAN });
}

/** A manifest whose one flow is `path`. */
const flowAt = (path: string) => ({ [MANIFEST]: manifest(`flows:\n  - file: ${path}`) });

describe('class 5: no input can hang the job', () => {
  it(
    'flows[].file: /proc/self/fd/1 (the process reads its own stdout pipe)',
    async () => {
      await refusedQuickly('fd1', flowAt('/proc/self/fd/1'), '/proc/self/fd/1', M, BLOCKING);
    },
    CASE_TIMEOUT,
  );

  it(
    'a FIFO in the workspace (open blocks until a writer comes)',
    async () => {
      const files = { ...flowAt('flows/pipe.yaml'), 'flows/main.yaml': flowFile('Main IVR') };
      await refusedQuickly('fifo', files, 'flows/pipe.yaml', M, { ...BLOCKING, fifo: 'flows/pipe.yaml' });
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].file: /dev/zero (endless)',
    async () => {
      await refusedQuickly('dev-zero', flowAt('/dev/zero'), '/dev/zero', M, BLOCKING);
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].file: /dev/stdin, an open pipe nobody writes to',
    async () => {
      await refusedQuickly('dev-stdin', flowAt('/dev/stdin'), '/dev/stdin', M, {
        ...BLOCKING,
        formats: ['text'],
        stdinPipe: true,
      });
    },
    CASE_TIMEOUT,
  );

  it(
    'the manifest is a committed symlink to /dev/stdin (an open pipe)',
    async () => {
      const files = { [MANIFEST]: { symlink: '/dev/stdin' } };
      await refusedQuickly('manifest-stdin', files, MANIFEST, /genesys-preflight\.yml(:\d+:\d+)?/, {
        ...BLOCKING,
        formats: ['text'],
        stdinPipe: true,
      });
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].file: a directory',
    async () => {
      // Reading a directory fails at once (EISDIR): nothing can block, the runs stay in the worker.
      await refusedQuickly('directory', { ...flowAt('flows'), 'flows/main.yaml': flowFile('Main IVR') }, 'flows', M);
    },
    CASE_TIMEOUT,
  );
});
