/** Public surface of the Genesys Cloud module: regions, SDK-shaped models, the read-only client and its errors. */
export * from './regions.js';
export type * from './models.js';
export * from './errors.js';
export { GenesysClient } from './client.js';
export type {
  ClientCredentialsConfig,
  AccessTokenConfig,
  GenesysClientConfig,
  GenesysClientOptions,
  ClientCall,
  Query,
} from './client.js';
export { RateBudget, DEFAULT_REQUESTS_PER_MINUTE } from './rate-budget.js';
export type { RateBudgetOptions } from './rate-budget.js';
export { mapLimit } from './concurrency.js';
export { fullJitterDelay, parseRetryAfter } from './backoff.js';
export { WriteRequestRefusedError, readOnlyGuard } from './transport.js';
