#!/usr/bin/env node
/** CLI entry point (package.json `bin`, dist/cli/index.js): src/cli/run.ts does the work. */
import { runCli } from './cli/run.js';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
