/** Fake Genesys Cloud server for tests, the bench and demos (test-support/: never imported by src/ nor bundled). */
export { startFakeGenesys } from './server.js';
export { policyGrants, permittedDivisions, checkRequirement } from './authz.js';
export type * from './types.js';
