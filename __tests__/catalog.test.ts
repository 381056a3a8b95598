import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Catalog } from '../src/catalog/catalog.js';
import { operationsFromSwagger, FLAG_SCOPES_UNKNOWN } from '../src/catalog/swagger.js';
import { bundledCatalog } from '../src/catalog/bundled.js';
import { explainOperation } from '../src/explain.js';
import { MANIFEST_SCHEMA } from '../src/manifest/schema.js';

const swagger = {
  info: { version: 'test' },
  paths: {
    '/api/v2/flows': {
      get: {
        operationId: 'getFlows',
        security: [{ 'PureCloud OAuth': ['architect', 'architect:readonly'] }],
        'x-inin-requires-permissions': { type: 'ANY', permissions: ['architect:flow:view'] },
      },
      post: {
        operationId: 'postFlows',
        security: [{ 'PureCloud OAuth': ['architect'] }],
        'x-inin-requires-permissions': { type: 'ANY', permissions: ['architect:flow:add'] },
      },
    },
    '/api/v2/flows/{flowId}': {
      parameters: [{ name: 'flowId' }],
      delete: {
        operationId: 'deleteFlow',
        security: [{ 'PureCloud OAuth': ['architect'] }],
        'x-inin-requires-permissions': { type: 'ANY', permissions: ['architect:flow:delete'] },
        deprecated: true,
      },
    },
    '/api/v2/flows/datatables': {
      get: {
        operationId: 'getDatatables',
        'x-inin-requires-permissions': { type: 'ALL', permissions: ['architect:datatable:view'] },
        'x-derived-security-unknown': true,
      },
    },
    '/api/v2/tokens/me': {
      get: { operationId: 'getTokensMe', security: [{ 'PureCloud OAuth': ['user-basic-info'] }] },
    },
  },
};

describe('catalog generation', () => {
  const table = operationsFromSwagger(swagger);
  it('keeps method, path, operationId, scopes, mode, permissions, flags; skips non-methods', () => {
    expect(table.rows).toHaveLength(5);
    expect(table.rows.find((r) => r[2] === 'postFlows')).toEqual([
      'POST',
      '/api/v2/flows',
      'postFlows',
      ['architect'],
      'ANY',
      ['architect:flow:add'],
      0,
    ]);
    expect(table.rows.find((r) => r[2] === 'getTokensMe')![4]).toBeNull();
    expect(table.rows.find((r) => r[2] === 'getDatatables')![6] & FLAG_SCOPES_UNKNOWN).toBeTruthy();
  });

  it('rejects a document without paths', () => {
    expect(() => operationsFromSwagger({} as never)).toThrow(/no "paths"/);
  });

  it('looks up templates and concrete paths; literal segments win over parameters', () => {
    const c = new Catalog(table);
    expect(c.lookup('GET', '/api/v2/flows')!.operationId).toBe('getFlows');
    expect(c.lookup('delete', '/api/v2/flows/1234-abcd')!.operationId).toBe('deleteFlow');
    expect(c.lookup('GET', '/api/v2/flows/datatables')!.operationId).toBe('getDatatables');
    expect(c.lookup('PUT', '/api/v2/flows')).toBeUndefined();
    expect(c.lookup('DELETE', '/api/v2/flows/1234')!.deprecated).toBe(true);
    expect(c.permissions.has('architect:flow:view')).toBe(true);
    expect(c.scopes.has('user-basic-info')).toBe(true);
  });

  it('adds the extra vocabulary (permissions and scopes) to what the operations name', () => {
    const c = new Catalog(table, ['architect:ui:view'], ['ai-studio']);
    expect(c.permissions.has('architect:ui:view')).toBe(true);
    expect(c.scopes.has('ai-studio')).toBe(true);
    expect(c.size).toBe(5);
  });
});

describe('bundled catalog', () => {
  const c = bundledCatalog();
  it('knows the cited vocabulary besides the operations (Architect Scripting docs, JS SDK 179, provider data)', () => {
    for (const p of ['architect:ui:view', 'scripter:script:add', 'scripter:script:edit']) {
      expect(c.permissions.has(p)).toBe(true);
    }
    expect(c.permissions.has('wfm:schedule:publish')).toBe(false);
    expect(c.scopes.has('ai-studio:readonly')).toBe(true);
  });

  it('has the reference operations with their exact requirement', () => {
    expect(c.size).toBeGreaterThan(3000);
    expect(c.lookup('POST', '/api/v2/flows/actions/publish')!.permissions).toEqual({
      mode: 'ANY',
      values: ['architect:flow:unlock', 'architect:flow:publish'],
    });
    expect(c.lookup('POST', '/api/v2/workforcemanagement/agents')!.permissions).toEqual({
      mode: 'ANY',
      values: ['wfm:agent:edit'],
    });
    expect(c.lookup('POST', '/api/v2/authorization/divisions')!.permissions!.mode).toBe('ALL');
  });

  it('explain prints what one operation needs', () => {
    const text = explainOperation(c, 'POST /api/v2/flows/actions/publish')!;
    expect(text).toMatch(/any one of architect:flow:unlock, architect:flow:publish/);
    expect(text).toMatch(/OAuth scopes \(user tokens; any one\): architect/);
    expect(explainOperation(c, 'GET /api/v2/flows/abc')).toMatch(/GET \/api\/v2\/flows\/\{flowId\}/);
    expect(explainOperation(c, 'GET /api/v2/nothing/here')).toBeUndefined();
    expect(explainOperation(c, 'nonsense')).toBeUndefined();
  });
});

describe('manifest schema file', () => {
  it('schema/manifest.schema.json is generated from src/manifest/schema.ts (npm run schema)', () => {
    const file = readFileSync(new URL('../schema/manifest.schema.json', import.meta.url), 'utf8');
    expect(file).toBe(JSON.stringify(MANIFEST_SCHEMA, null, 2) + '\n');
  });
});

describe('precompiled manifest validator', () => {
  it('src/manifest/validator.generated.ts is current with the schema (npm run schema)', async () => {
    const { precompiledValidatorSource } = await import('../src/manifest/precompile.js');
    const file = readFileSync(new URL('../src/manifest/validator.generated.ts', import.meta.url), 'utf8');
    expect(file).toBe(precompiledValidatorSource());
  });
});
