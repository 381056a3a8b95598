/**
 * `npm run test:e2e`: the suites of jest.config.js that `npm run test:unit` leaves out, those that
 * spawn processes or start servers (the rule is in __tests__/support/suites.js).
 */
import base from './jest.config.js';
import { unit } from './__tests__/support/suites.js';

export default { ...base, testPathIgnorePatterns: [...base.testPathIgnorePatterns, ...unit] };
