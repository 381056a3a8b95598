/**
 * The cited permission and scope vocabulary (src/catalog/vocabulary.ts, data/vocabulary.generated.ts,
 * src/catalog/vocabulary-extra.json) and its spelling-only did-you-mean. Every Genesys fact asserted
 * here names its source in the test title.
 */
import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  Vocabulary,
  bundledVocabulary,
  scopeFamily,
  segmentLimit,
  suggestPermission,
  typoDistance,
} from '../../src/catalog/vocabulary.js';
import { buildVocabulary, vocabularySource, type CuratedVocabulary } from '../../src/catalog/vocabulary-build.js';
import { bundledCatalog } from '../../src/catalog/bundled.js';

const curated = JSON.parse(
  readFileSync(new URL('../../src/catalog/vocabulary-extra.json', import.meta.url), 'utf8'),
) as CuratedVocabulary;
const v = bundledVocabulary();
const ids = (name: string) => v.permissionSources(name).map((s) => s.id);

describe('vocabulary facts, each with its source', () => {
  it('architect:ui:view is known: Architect Scripting index.html l.104, RC Architect permissions overview', () => {
    expect(v.hasPermission('architect:ui:view')).toBe(true);
    expect(ids('architect:ui:view')).toEqual(['architect-scripting-docs', 'rc-architect-permissions-overview']);
    const as = v.permissionSources('architect:ui:view')[0]!;
    expect(as.cite).toMatch(/purecloud-flow-scripting-api-sdk-javascript@a8d8a5d7dd5fbc1795a571c7a0cc87863b8be2ab/);
    expect(as.url).toBe('https://mypurecloud.github.io/purecloud-flow-scripting-api-sdk-javascript/');
    // No Platform API operation requires it: it is not in the swagger.
    expect(ids('architect:ui:view')).not.toContain('swagger');
  });

  it('scripter:script:add and scripter:script:edit are known: JS SDK ScriptsApi.md @ b5cbcf33 (179.0.0)', () => {
    for (const name of ['scripter:script:add', 'scripter:script:edit', 'scripter:script:delete']) {
      expect(ids(name)).toEqual(['sdk-js-179-scripts']);
      expect(v.permissionSources(name)[0]!.url).toBe(
        'https://github.com/MyPureCloud/platform-client-sdk-javascript/blob/' +
          'b5cbcf338d940809969c219e39cd25e04c8416b7/build/docs/ScriptsApi.md',
      );
    }
  });

  it('wfm:schedule:publish is in no source (excluded by the curated list); the real schedule actions are', () => {
    expect(v.hasPermission('wfm:schedule:publish')).toBe(false);
    expect(curated.excluded!.map((e) => e.name)).toContain('wfm:schedule:publish');
    for (const a of ['add', 'delete', 'edit', 'generate', 'view']) {
      expect(ids(`wfm:schedule:${a}`)).toContain('swagger');
    }
    expect(ids('wfm:publishedSchedule:view')).toContain('swagger');
  });

  it('names from the provider resource_permissions data, the CX-as-Code docs and the wizard config carry them', () => {
    expect(ids('architect:flow:view')).toEqual(
      expect.arrayContaining([
        'swagger',
        'provider-resource-permissions',
        'cx-as-code-docs',
        'architect-scripting-docs',
      ]),
    );
    // premium-app-wizard.json premiumAppViewPermission (config.js l.29).
    expect(ids('integration:examplePremiumApp:view')).toEqual(['wizard-config']);
    // Newer scopes only in the provider data / CX-as-Code docs (not in the 2026-02-12 swagger).
    expect(v.scopeSources('ai-studio').map((s) => s.id)).toEqual(['provider-resource-permissions', 'cx-as-code-docs']);
  });

  it('JS SDK 259 descriptions: telephony:extension:assign (UsersApi.md l.4542), internalMessaging:accept', () => {
    expect(ids('telephony:extension:assign')).toContain('sdk-js-259-docs');
    expect(ids('conversation:internalMessaging:accept')).toEqual(['sdk-js-259-docs']);
  });

  it('a doc typo is excluded: wfm:AgentHistoricalAdherenceConformance:view (WorkforceManagementApi.md l.13612)', () => {
    expect(v.hasPermission('wfm:AgentHistoricalAdherenceConformance:view')).toBe(false);
    expect(v.hasPermission('wfm:agentHistoricalAdherenceConformance:view')).toBe(true);
  });

  it('a sentence the swagger subset lists as a permission is not a name', () => {
    expect(v.hasPermission('They are enforced by the backend')).toBe(false);
  });

  it('the message summary counts the names and lists the source labels', () => {
    expect(v.describe('permission')).toBe(
      `${v.permissionCount.toLocaleString('en-US')} names from: swagger, provider resource_permissions, ` +
        'CX-as-Code docs, wizard, Architect Scripting docs, JS SDK docs, Resource Center',
    );
    expect(v.permissionCount).toBeGreaterThan(1400);
    expect(v.scopeCount).toBe(132);
  });

  it('every curated entry is in the generated table with its cited sources (npm run catalog is current)', () => {
    for (const [kind, list] of [
      ['permission', curated.permissions],
      ['scope', curated.scopes],
    ] as const) {
      for (const e of list) {
        const got = (kind === 'permission' ? v.permissionSources(e.name) : v.scopeSources(e.name)).map((s) => s.id);
        const cited = got.filter((id) => id in curated.sources);
        expect({ name: e.name, cited }).toEqual({ name: e.name, cited: e.sources });
        expect(e.evidence.length).toBeGreaterThan(10);
      }
    }
    for (const [id, s] of Object.entries(curated.sources)) {
      expect(v.sources.find((x) => x.id === id)).toEqual({ id, ...s });
      expect(s.url).toMatch(/^https:\/\//);
    }
  });

  it('the bundled catalog knows every vocabulary name and scope', () => {
    const c = bundledCatalog();
    for (const p of v.permissionNames()) expect(c.permissions.has(p)).toBe(true);
    for (const s of v.scopeNames()) expect(c.scopes.has(s)).toBe(true);
  });

  it('names shaped like inherited properties are not known', () => {
    for (const n of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(v.hasPermission(n)).toBe(false);
      expect(v.hasScope(n)).toBe(false);
    }
  });
});

describe('did-you-mean fixes spelling only', () => {
  const known = bundledCatalog().permissions;
  it('never changes a known action: wfm:schedule:publish gets no suggestion (publish is a known action)', () => {
    expect(suggestPermission('wfm:schedule:publish', known)).toBeUndefined();
    expect(suggestPermission('architect:flow:write', known)).toBeUndefined();
    expect(suggestPermission('wfm:schedule:publsh', known)).toBeUndefined();
  });

  it('fixes a misspelt action, domain or entity', () => {
    expect(suggestPermission('architect:flow:publsh', known)).toBe('architect:flow:publish');
    expect(suggestPermission('archtect:flow:view', known)).toBe('architect:flow:view');
    expect(suggestPermission('architect:flwo:view', known)).toBe('architect:flow:view');
    expect(suggestPermission('routing:queue:jion', known)).toBe('routing:queue:join');
    expect(suggestPermission('Architect:flow:view', known)).toBe('architect:flow:view');
  });

  it('keeps wildcards and needs the same number of segments', () => {
    expect(suggestPermission('archtect:*:*', known)).toBe('architect:*:*');
    expect(suggestPermission('architect:flow', known)).toBeUndefined();
    expect(suggestPermission('architect:flow:view:x', known)).toBeUndefined();
    expect(suggestPermission('architect::view', known)).toBeUndefined();
  });

  it('offers nothing when two fixes are equally close, or for a known name, or for a long input', () => {
    const set = new Set(['a:thing:view', 'a:thing:vie2', 'a:other:edit']);
    expect(suggestPermission('a:thing:vie', set)).toBeUndefined();
    expect(suggestPermission('a:thing:view', set)).toBeUndefined();
    expect(suggestPermission(`architect:flow:${'x'.repeat(60)}`, known)).toBeUndefined();
  });

  it('typo distance counts a transposition as one and stops above the limit', () => {
    expect(typoDistance('jion', 'join', 1)).toBe(1);
    expect(typoDistance('publsh', 'publish', 2)).toBe(1);
    expect(typoDistance('write', 'edit', 2)).toBe(3);
    expect(typoDistance('a'.repeat(10), 'b'.repeat(10), 2)).toBe(3);
    expect([3, 5, 6, 8, 9, 30].map(segmentLimit)).toEqual([1, 1, 2, 2, 3, 3]);
  });
});

describe('scope families (RC, Introduction to scopes: ":readonly" is read-only, no suffix is read-write)', () => {
  const scopes = bundledCatalog().scopes;
  it('an invented scope points at its real family', () => {
    expect(scopeFamily('architect:flow:write', scopes)).toEqual(['architect', 'architect:readonly']);
    expect(scopeFamily('routing:readonyl', scopes)).toEqual(['routing', 'routing:readonly']);
    expect(scopeFamily('search:write', scopes)).toEqual(['search:readonly']);
    expect(scopeFamily('user-basic-info:x', scopes)).toEqual(['user-basic-info']);
  });
  it('known scopes and unknown families get none', () => {
    expect(scopeFamily('architect', scopes)).toBeUndefined();
    expect(scopeFamily('architect:readonly', scopes)).toBeUndefined();
    expect(scopeFamily('nosuch:write', scopes)).toBeUndefined();
    expect(scopeFamily('architekt', scopes)).toBeUndefined();
  });
});

describe('vocabulary build (scripts/build-catalog.ts --vocabulary)', () => {
  const swagger = {
    cite: 'sw.json sha256 0',
    doc: {
      securityDefinitions: { 'PureCloud OAuth': { scopes: { architect: '', 'architect:readonly': '' } } },
      paths: {
        '/api/v2/flows': {
          get: {
            security: [{ 'PureCloud OAuth': ['architect', 'flows-extra'] }],
            'x-inin-requires-permissions': {
              type: 'ANY',
              permissions: ['architect:flow:view', 'They are enforced by the backend'],
            },
          },
          post: {
            'x-inin-requires-permissions': { permissions: ['architect:flow:add'] },
            'x-derived-previous-permissions': { permissions: ['architect:flow:old'] },
          },
        },
      },
    },
  };
  const cur: CuratedVocabulary = {
    sources: { doc: { label: 'Some docs', cite: 'repo@abc docs/x', url: 'https://example.invalid/x' } },
    permissions: [{ name: 'architect:ui:view', sources: ['doc'], evidence: 'docs/x l.1 says so' }],
    scopes: [],
    excluded: [{ name: 'wfm:schedule:publish', why: 'no source' }],
  };

  it('merges the sources, keeps each name once with its source ids, drops what is not a name', () => {
    const { table, dropped } = buildVocabulary({
      swagger,
      provider: {
        cite: 'rp.json',
        doc: { resources: [{ permissions: ['architect:flow:view'], scopes: ['ai-studio'] }] },
      },
      wizard: {
        cite: 'wz.json',
        doc: {
          installPermissions: { role: ['authorization:role:add'] },
          premiumAppViewPermission: 'integration:app:view',
          installScopes: { x: ['oauth'] },
        },
      },
      curated: cur,
    });
    expect(table.sources.map((s) => s.id)).toEqual([
      'swagger',
      'swagger-previous',
      'provider-resource-permissions',
      'wizard-config',
      'doc',
    ]);
    expect(table.permissions).toEqual([
      ['architect:flow:add', [0]],
      ['architect:flow:old', [1]],
      ['architect:flow:view', [0, 2]],
      ['architect:ui:view', [4]],
      ['authorization:role:add', [3]],
      ['integration:app:view', [3]],
    ]);
    const scopeNames = table.scopes.map(([n]) => n);
    expect(scopeNames).toEqual(['ai-studio', 'architect', 'architect:readonly', 'flows-extra', 'oauth']);
    expect(dropped).toEqual([{ source: 'swagger', value: 'They are enforced by the backend' }]);
    const text = vocabularySource(table, 'header');
    expect(text).toMatch(/^\/\/ GENERATED/);
    const rows = text.split('\n').filter((l) => l.startsWith('    ["'));
    expect(rows.length).toBe(table.permissions.length + table.scopes.length);
    expect(new Vocabulary(table).hasPermission('architect:ui:view')).toBe(true);
  });

  it('refuses an excluded name that a source names, a curated entry without source or evidence, bad documents', () => {
    const get = { 'x-inin-requires-permissions': { permissions: ['wfm:schedule:publish'] } };
    const named = { ...swagger, doc: { paths: { '/x': { get } } } };
    const build = () => buildVocabulary({ swagger: named, curated: cur });
    expect(build).toThrow(/wfm:schedule:publish is excluded .* swagger names it/);
    const noSource = { ...cur, permissions: [{ name: 'a:b:c', sources: [], evidence: 'x' }] };
    expect(() => buildVocabulary({ swagger, curated: noSource })).toThrow(/cites no source/);
    const unknown = { ...cur, permissions: [{ name: 'a:b:c', sources: ['nope'], evidence: 'x' }] };
    expect(() => buildVocabulary({ swagger, curated: unknown })).toThrow(/unknown source nope/);
    const noEvidence = { ...cur, permissions: [{ name: 'a:b:c', sources: ['doc'], evidence: '' }] };
    expect(() => buildVocabulary({ swagger, curated: noEvidence })).toThrow(/gives no evidence/);
    expect(() => buildVocabulary({ swagger: { cite: 'x', doc: {} } })).toThrow(/no "paths"/);
    expect(() => buildVocabulary({ swagger, provider: { cite: 'x', doc: { resources: 1 } } })).toThrow(/resources/);
    expect(() => buildVocabulary({ swagger, wizard: { cite: 'x', doc: {} } })).toThrow(/installPermissions/);
  });

  it('a table index that points at no source is refused', () => {
    expect(() => new Vocabulary({ sources: [], permissions: [['a:b:c', [0]]], scopes: [] })).toThrow(/source #0/);
  });
});
