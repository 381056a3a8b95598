/**
 * JSON Schema (draft-07) of the JSON report, contract version 3 (docs/DESIGN.md, "JSON report v3").
 * Source of truth for schema/report.schema.json (`npm run schema`); tests validate every written
 * report against it. It describes the serialised report (src/report/json.ts), not the in-memory model.
 */
const location = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'line', 'column'],
  properties: {
    file: { type: 'string' },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
  },
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
        'manifest-invalid',
        'file-not-found',
        'missing-permission',
        'missing-division-grant',
        'missing-scope',
        'org-mismatch',
        'region-mismatch',
        'auth-failed',
        'entitlement-missing',
        'unknown-permission',
        'unknown-scope',
        'conditional-permission',
        'unverifiable',
        'scopes-ignored',
        'excess-permission',
        'excess-division',
        'wildcard-grant',
        'admin-role',
        'unpredicted-403',
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
    accepted: {
      type: 'object',
      additionalProperties: false,
      required: ['reason', 'severity', 'entry'],
      description: 'the finding matched an entry of the accept list: it is a notice now, severity is what it was',
      properties: {
        reason: { type: 'string' },
        owner: { type: 'string' },
        expires: { type: 'string' },
        severity: { enum: ['error', 'warning', 'notice'] },
        entry: { type: 'integer', minimum: 0 },
      },
    },
    requirement: { type: 'integer', minimum: 0, description: 'id of the requirement the finding is about' },
  },
} as const;

/** A finding about one org, listed once in the top-level orgFindings however many orgs have it. */
const orgFinding = {
  ...finding,
  required: ['id', ...finding.required],
  properties: {
    id: { type: 'integer', minimum: 0, description: 'its index in the top-level orgFindings array' },
    ...finding.properties,
  },
} as const;

/** An inclusive range of ids: [first, last]. */
const idRange = {
  type: 'array',
  items: [
    { type: 'integer', minimum: 0 },
    { type: 'integer', minimum: 0 },
  ],
  minItems: 2,
  maxItems: 2,
  additionalItems: false,
} as const;

const counts = {
  type: 'object',
  additionalProperties: false,
  required: ['errors', 'warnings', 'notices'],
  properties: {
    errors: { type: 'integer', minimum: 0 },
    warnings: { type: 'integer', minimum: 0 },
    notices: { type: 'integer', minimum: 0 },
  },
} as const;

/** Where the fact "the deployer makes this call" comes from (src/types.ts CallSource). */
const callSource = {
  description:
    'where the fact that the deployer makes this call comes from: its code at a commit, or a documentation page',
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'repo', 'commit', 'path'],
      properties: {
        kind: { const: 'code' },
        repo: { type: 'string', pattern: '^[^/]+/[^/]+$' },
        commit: { type: 'string', pattern: '^[0-9a-f]{40}$' },
        path: { type: 'string' },
        lines: { type: 'string' },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'url'],
      properties: { kind: { const: 'docs' }, url: { type: 'string', pattern: '^https://' }, quote: { type: 'string' } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'type', 'url'],
      properties: {
        kind: { const: 'provider-docs' },
        type: { type: 'string' },
        url: { type: 'string', pattern: '^https://' },
      },
    },
  ],
} as const;

/** What a planned call asks of the API, shared by every requirement that makes it. */
const call = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'action', 'operation', 'purpose', 'scopes', 'scopesUnknown', 'permissions'],
  properties: {
    id: { type: 'integer', minimum: 0, description: 'its index in the top-level calls array' },
    action: { enum: ['deploy', 'create', 'update', 'delete', 'publish'] },
    operation: { type: 'string', pattern: '^[A-Z]+ /' },
    purpose: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    scopesUnknown: { type: 'boolean' },
    permissions: { oneOf: [permissionSet, { type: 'null' }] },
    when: { type: 'string' },
    unverifiable: { type: 'string' },
    source: callSource,
  },
} as const;

const requirement = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'resource', 'call', 'division', 'location'],
  properties: {
    id: { type: 'integer', minimum: 0, description: 'its index in the top-level requirements array' },
    resource: { type: 'string' },
    call: { type: 'integer', minimum: 0, description: 'id of its call: what it asks of the API' },
    division: { type: ['string', 'null'] },
    location,
    divisionLocation: location,
  },
} as const;

const resource = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'resource', 'requirements'],
  properties: {
    id: { type: 'integer', minimum: 0, description: 'its index in the top-level resources array' },
    resource: { type: 'string', description: 'kind:name' },
    requirements: { ...idRange, description: 'the ids of its requirements: [first, last], inclusive' },
  },
} as const;

export const REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'genesys-preflight JSON report v3',
  description:
    'Each distinct requirement is listed once (requirements), what it asks of the API once per distinct call ' +
    '(calls); resources group requirements; each distinct finding about an org once (orgFindings); each org ' +
    'lists the resources that apply to it and its findings as id ranges. See docs/DESIGN.md, "JSON report v3".',
  type: 'object',
  additionalProperties: false,
  required: [
    'version',
    'mode',
    'passed',
    'manifest',
    'summary',
    'findings',
    'calls',
    'requirements',
    'resources',
    'orgFindings',
    'orgs',
  ],
  properties: {
    version: { const: 3 },
    mode: { enum: ['offline', 'live'] },
    passed: { type: 'boolean' },
    manifest: { type: 'string' },
    summary: counts,
    catalog: { type: 'object', properties: { source: { type: 'string' }, operations: { type: 'integer' } } },
    findings: { type: 'array', items: finding, description: 'problems not tied to one org' },
    calls: { type: 'array', items: call },
    requirements: { type: 'array', items: requirement },
    resources: { type: 'array', items: resource },
    orgFindings: { type: 'array', items: orgFinding, description: 'each distinct finding about an org, once' },
    orgs: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'name',
          'orgId',
          'region',
          'principal',
          'passed',
          'summary',
          'requirementCount',
          'resources',
          'findings',
        ],
        properties: {
          name: { type: 'string' },
          orgId: { type: ['string', 'null'] },
          region: { type: 'string' },
          principal: { enum: ['declared', 'live', 'none'] },
          passed: { type: 'boolean' },
          summary: counts,
          requirementCount: { type: 'integer', minimum: 0, description: 'how many requirements apply to the org' },
          resources: {
            type: 'array',
            items: idRange,
            description: 'the ids of the resources deployed to the org, as inclusive [first, last] ranges',
          },
          findings: {
            type: 'array',
            items: idRange,
            description: 'the ids of its findings (orgFindings), as inclusive [first, last] ranges, in the org order',
          },
          excess: {
            type: 'object',
            description: 'with --excess: what the principal holds against what the manifest(s) need',
            required: ['held', 'needed', 'summary'],
            additionalProperties: false,
            properties: {
              held: {
                type: 'object',
                required: ['permissions', 'divisions'],
                additionalProperties: false,
                properties: {
                  permissions: { type: 'integer', minimum: 0 },
                  divisions: { oneOf: [{ type: 'integer', minimum: 0 }, { const: 'all' }] },
                },
              },
              needed: {
                type: 'object',
                required: ['permissions', 'divisions'],
                additionalProperties: false,
                properties: {
                  permissions: { type: 'integer', minimum: 0 },
                  divisions: { type: 'integer', minimum: 0 },
                },
              },
              summary: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;
