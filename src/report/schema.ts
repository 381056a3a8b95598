/**
 * JSON Schema (draft-07) of the JSON report (contract: docs/DESIGN.md §4). Source of truth for
 * schema/report.schema.json (`npm run schema`); tests validate every report against it.
 */
const location = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'line', 'column'],
  properties: { file: { type: 'string' }, line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } },
} as const;

const permissionSet = {
  type: 'object',
  additionalProperties: false,
  required: ['mode', 'values'],
  properties: { mode: { enum: ['ANY', 'ALL'] }, values: { type: 'array', items: { type: 'string' }, minItems: 1 } },
} as const;

const remedy = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'permissions', 'division'],
  properties: {
    kind: { enum: ['add-permission', 'new-role', 'grant-division', 'add-scope'] },
    role: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string' } },
    division: { type: ['string', 'null'] },
  },
} as const;

const finding = {
  type: 'object',
  additionalProperties: false,
  required: ['severity', 'code', 'message'],
  properties: {
    severity: { enum: ['error', 'warning', 'notice'] },
    code: {
      enum: [
        'manifest-invalid', 'file-not-found', 'missing-permission', 'missing-division-grant', 'missing-scope', 'org-mismatch', 'region-mismatch',
        'auth-failed', 'entitlement-missing', 'unknown-permission', 'unknown-scope', 'conditional-permission', 'unverifiable', 'scopes-ignored',
      ],
    },
    message: { type: 'string', minLength: 1 },
    fix: { type: 'string' },
    resource: { type: 'string' },
    operation: { type: 'string' },
    division: { type: ['string', 'null'] },
    missing: { type: 'array', items: { type: 'string' } },
    location,
    related: location,
    fatal: { type: 'boolean' },
    alsoRemedy: remedy,
    remedy,
  },
} as const;

const requirement = {
  type: 'object',
  additionalProperties: false,
  required: ['resource', 'action', 'operation', 'purpose', 'scopes', 'scopesUnknown', 'permissions', 'division', 'location'],
  properties: {
    resource: { type: 'string' },
    action: { enum: ['deploy', 'create', 'update', 'delete', 'publish'] },
    operation: { type: 'string', pattern: '^[A-Z]+ /' },
    purpose: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    scopesUnknown: { type: 'boolean' },
    permissions: { oneOf: [permissionSet, { type: 'null' }] },
    division: { type: ['string', 'null'] },
    when: { type: 'string' },
    unverifiable: { type: 'string' },
    location,
    divisionLocation: location,
  },
} as const;

export const REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'genesys-preflight JSON report v1',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'mode', 'passed', 'manifest', 'summary', 'orgs', 'findings'],
  properties: {
    version: { const: 1 },
    mode: { enum: ['offline', 'live'] },
    passed: { type: 'boolean' },
    manifest: { type: 'string' },
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['errors', 'warnings', 'notices'],
      properties: { errors: { type: 'integer', minimum: 0 }, warnings: { type: 'integer', minimum: 0 }, notices: { type: 'integer', minimum: 0 } },
    },
    catalog: { type: 'object', properties: { source: { type: 'string' }, operations: { type: 'integer' } } },
    findings: { type: 'array', items: finding },
    orgs: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'orgId', 'region', 'principal', 'passed', 'requirements', 'findings'],
        properties: {
          name: { type: 'string' },
          orgId: { type: ['string', 'null'] },
          region: { type: 'string' },
          principal: { enum: ['declared', 'live', 'none'] },
          passed: { type: 'boolean' },
          requirements: { type: 'array', items: requirement },
          findings: { type: 'array', items: finding },
        },
      },
    },
  },
} as const;
