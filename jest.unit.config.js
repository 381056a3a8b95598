/**
 * `npm run test:unit`: the suites of jest.config.js that start no process and no server (the rule
 * is in __tests__/support/suites.js). No globalSetup: they never need the bundle of the tree.
 */
import base from './jest.config.js';
import { notUnit } from './__tests__/support/suites.js';

export default {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, ...notUnit],
};
