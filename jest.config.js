/**
 * Jest in ESM mode with ts-jest (see the design card, section 6). ts-jest only transpiles (tsconfig's
 * isolatedModules): types are checked by `npm run typecheck`.
 */
import { availableParallelism } from 'node:os';

export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/__tests__/corpus/'],
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: on 2 cores 1, in band, and the suites that spawn
  // processes leave the core idle while their children start. At least two workers.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  setupFiles: ['<rootDir>/__tests__/support/setup-env.cjs'],
  // One bundle of src/ per run for the suites that spawn the action or the CLI (support/bundle.ts).
  globalSetup: '<rootDir>/__tests__/global-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/global-teardown.mjs',
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
  // The slow suites first also in a fresh clone (no durations cached yet): support/sequencer.cjs.
  testSequencer: '<rootDir>/__tests__/support/sequencer.cjs',
};
