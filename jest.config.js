/** Jest in ESM mode with ts-jest (see the design card, section 6). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/__tests__/corpus/'],
  testTimeout: 30000,
  setupFiles: ['<rootDir>/__tests__/support/setup-env.cjs'],
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
};
