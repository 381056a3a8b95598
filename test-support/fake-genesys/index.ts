/** Fake Genesys Cloud server for tests and demos (never shipped in the action bundle's code paths). */
export { startFakeGenesys } from './server.js';
export { policyGrants, permittedDivisions, checkRequirement } from './authz.js';
export type * from './types.js';
