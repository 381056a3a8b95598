/**
 * Positive tests of the load and expand stages: what valid manifests become, where their nodes
 * are, defaults, substitutions, divisions, org filters; and the parsing helpers underneath.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifest, parseManifest, type LoadedManifest } from '../../src/manifest/load.js';
import { MANIFEST_SCHEMA } from '../../src/manifest/schema.js';
import { expandResources } from '../../src/resources/expand.js';
import { readArchyFlow } from '../../src/resources/archy.js';
import { substitute } from '../../src/resources/substitute.js';
import { jsonSyntaxError } from '../../src/util/json-check.js';
import { MAX_NESTING_DEPTH } from '../../src/util/nesting.js';
import { firstInvalidUtf8, readTextFile } from '../../src/util/read-file.js';
import { parseYamlSource } from '../../src/util/yaml-source.js';
import { PreflightError } from '../../src/util/errors.js';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { requirementsByResource, runCheck } from '../../src/engine.js';
import { exitCode } from '../../src/report/model.js';
import type { Resource } from '../../src/types.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const EXAMPLE = join(ROOT, 'examples/genesys-preflight.yml');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'genesys-preflight-load-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes files (path → text) into a fresh directory under tmp; returns the directory. */
let n = 0;
function files(spec: Record<string, string | Buffer>): string {
  const dir = join(tmp, `case-${++n}`);
  for (const [name, text] of Object.entries(spec)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const PRINCIPAL = [
  '    principal:',
  '      grant: client-credentials',
  '      roles:',
  '        - role: Deployer',
  "          divisions: ['*']",
];
const ROLES = ['roles:', '  Deployer:', '    permissions: [architect:flow:*, routing:scheduleGroup:*]'];
const lines = (...l: string[]) => l.join('\n') + '\n';

/** Line and column (1-based) of the `nth` occurrence of `needle` in `text`, found by plain search. */
function pos(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not in text`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}

const byName = (resources: Resource[], name: string) => {
  const r = resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name} in ${resources.map((x) => x.name).join(', ')}`);
  return r;
};

describe('the example manifest', () => {
  let loaded: LoadedManifest;
  beforeAll(() => {
    loaded = loadManifest(EXAMPLE);
  });

  test('loads', () => {
    expect(loaded.manifest.version).toBe(1);
    expect(loaded.manifest.orgs.map((o) => o.name)).toEqual(['prod-us', 'prod-eu']);
    expect(Object.keys(loaded.manifest.roles ?? {})).toEqual(['Flow Deployer', 'Contact Center Ops']);
    expect(loaded.baseDir).toBe(join(ROOT, 'examples'));
  });

  test('locates nodes: orgs[1].region, its key, a role grant, a flow', () => {
    expect(loaded.locate(['orgs', 1, 'region'])).toEqual({ file: EXAMPLE, line: 27, column: 13 });
    expect(loaded.locate(['orgs', 1, 'region'], true)).toEqual({ file: EXAMPLE, line: 27, column: 5 });
    expect(loaded.locate(['orgs', 1])).toEqual({ file: EXAMPLE, line: 26, column: 5 });
    expect(loaded.locate(['orgs', 0, 'principal', 'roles', 1, 'role'])).toEqual({
      file: EXAMPLE,
      line: 23,
      column: 17,
    });
    expect(loaded.locate(['orgs', 0, 'principal', 'roles', 0, 'divisions', 1])).toEqual({
      file: EXAMPLE,
      line: 22,
      column: 29,
    });
    // A path that goes past the document falls back to the nearest node that exists.
    expect(loaded.locate(['orgs', 1, 'orgId'])).toEqual({ file: EXAMPLE, line: 26, column: 5 });
  });

  test('expands: flows read from their Archy files, substitutions from the options file', () => {
    const { resources, flows } = expandResources(loaded);
    const ivr = byName(resources, 'Main IVR');
    expect(ivr).toMatchObject({
      kind: 'flow',
      deployer: 'archy',
      action: 'deploy',
      division: 'Home',
      orgs: ['prod-us', 'prod-eu'],
    });
    expect(ivr.details).toMatchObject({ flowType: 'INBOUNDCALL', file: 'flows/main-ivr.yaml' });
    const email = byName(resources, 'Support Email');
    expect(email.division).toBe('Support');
    expect(email.divisionLocation).toEqual({ file: 'examples/flows/support-email.yaml', line: 3, column: 13 });
    expect(flows.get(ivr)?.nameLocation).toEqual({ file: 'examples/flows/main-ivr.yaml', line: 2, column: 9 });
    expect(byName(resources, 'Sales Script')).toMatchObject({ kind: 'script', deployer: 'api', orgs: ['prod-us'] });
    expect(resources.map((r) => r.kind)).toEqual(['flow', 'flow', 'script', 'scheduleGroup', 'wfmAgentAssignment']);
  });

  test('runs through the pipeline without fatal findings', async () => {
    const report = await runCheck({ manifestPath: EXAMPLE, mode: 'offline' });
    expect(report.findings.filter((f) => f.fatal)).toEqual([]);
    expect(exitCode(report, 'error')).not.toBe(2);
    const requirements = requirementsByResource(expandResources(loaded).resources, bundledCatalog());
    expect(requirements.size).toBe(5);
  });
});

describe('JSON manifests', () => {
  const json = [
    '{',
    '  "version": 1,',
    '  "orgs": [',
    '    { "name": "prod", "region": "us-east-1",',
    '      "principal": { "grant": "user", "scopes": ["architect"], "roles": [{ "role": "Deployer" }] } },',
    '    { "name": "eu", "region": "mypurecloud.ie" }',
    '  ],',
    '  "roles": { "Deployer": { "permissions": ["architect:flow:*", { "permission": "architect:flow:view", "condition": "none" }] } },',
    '  "scheduleGroups": [{ "name": "Holiday \\"Hours\\" \\u00e9" }]',
    '}',
  ].join('\n');

  test('load with positions', () => {
    const loaded = parseManifest(json, 'm.json', tmp);
    expect(loaded.manifest.orgs[1]!.region).toBe('mypurecloud.ie');
    expect(loaded.locate(['orgs', 1, 'region'])).toEqual({ file: 'm.json', line: 6, column: 31 });
    expect(loaded.locate(['orgs', 1, 'region'])).toEqual({ file: 'm.json', ...pos(json, '"mypurecloud.ie"') });
    expect(loaded.locate(['orgs', 1, 'region'], true)).toEqual({ file: 'm.json', ...pos(json, '"region"', 1) });
    expect(loaded.locate(['orgs', 0, 'principal', 'roles', 0, 'role'])).toEqual({
      file: 'm.json',
      ...pos(json, '"Deployer"'),
    });
    expect(loaded.manifest.scheduleGroups![0]!.name).toBe('Holiday "Hours" é');
  });

  test('from a file with a BOM and CRLF line ends', () => {
    const dir = files({ 'm.json': '\ufeff' + json.replace(/\n/g, '\r\n') });
    const loaded = loadManifest(join(dir, 'm.json'));
    expect(loaded.locate(['orgs', 1, 'region'])).toMatchObject({ line: 6, column: 31 });
  });

  test('strict JSON syntax check', () => {
    expect(jsonSyntaxError(json)).toBeUndefined();
    expect(jsonSyntaxError('[1, -2.5e3, true, false, null, "a\\nb", {}, []]')).toBeUndefined();
    expect(jsonSyntaxError(' {"a": {"b": [[[]]]}} \n')).toBeUndefined();
    expect(jsonSyntaxError('{"a": 1,}')).toEqual({ offset: 7, message: expect.stringContaining('trailing comma') });
    expect(jsonSyntaxError('[1, 2, ]')).toEqual({ offset: 5, message: expect.stringContaining('trailing comma') });
    expect(jsonSyntaxError('{"a": 1 /* c */}')).toEqual({
      offset: 8,
      message: expect.stringContaining('comments are not allowed'),
    });
    expect(jsonSyntaxError('{a: 1}')).toEqual({ offset: 1, message: expect.stringContaining('"quoted" key') });
    expect(jsonSyntaxError("{'a': 1}")?.offset).toBe(1);
    expect(jsonSyntaxError('{"a": 1')).toEqual({ offset: 7, message: expect.stringContaining('end of the file') });
    expect(jsonSyntaxError('{"a": "x')).toEqual({ offset: 6, message: expect.stringContaining('never closed') });
    expect(jsonSyntaxError('{"a": "x\ty"}')?.message).toContain('escaped');
    expect(jsonSyntaxError('{"a": 01}')?.offset).toBe(7);
    expect(jsonSyntaxError('{"a": 1}}')?.message).toContain('after the end');
    expect(jsonSyntaxError('')?.message).toContain('end of the file');
    // Nesting up to the limit is checked without recursion; one more level is a located error.
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(jsonSyntaxError(deep(MAX_NESTING_DEPTH))).toBeUndefined();
    expect(jsonSyntaxError(deep(MAX_NESTING_DEPTH + 1))).toEqual({
      offset: MAX_NESTING_DEPTH,
      message: `collections are nested more than ${MAX_NESTING_DEPTH} levels deep`,
    });
    expect(jsonSyntaxError('{"a":'.repeat(100_000))?.message).toContain('nested more than');
  });

  test('error messages never quote a character of the file (except JSON punctuation)', () => {
    const secret = 'kT9xQ2vLp0sSecretValue';
    const m = jsonSyntaxError(`{"clientSecret": ${secret}}`)?.message;
    expect(m).toBe('expected a value ("string", number, true, false, null, { or [), found a letter');
    expect(jsonSyntaxError('{"a": "\\Z"}')?.message).not.toContain('Z');
    expect(jsonSyntaxError('{"a": 1} 7')?.message).toBe(
      'found a digit after the end of the JSON value (a file holds one value)',
    );
  });
});

describe('YAML specifics', () => {
  test('a valid CRLF manifest loads, with the right positions', () => {
    const text = lines(
      'version: 1',
      'orgs:',
      '  - name: prod',
      '    region: us-east-1',
      ...PRINCIPAL,
      ...ROLES,
    ).replace(/\n/g, '\r\n');
    const dir = files({ 'm.yml': text });
    const loaded = loadManifest(join(dir, 'm.yml'));
    expect(loaded.manifest.orgs[0]!.region).toBe('us-east-1');
    expect(loaded.locate(['orgs', 0, 'region'])).toMatchObject({ line: 4, column: 13 });
    expect(loaded.locate(['roles', 'Deployer', 'permissions', 1])).toMatchObject(pos(text, 'routing:scheduleGroup:*'));
    expect(pos(text, 'routing:scheduleGroup:*')).toEqual({ line: 12, column: 37 });
  });

  test('a valid manifest with a BOM loads; the BOM is not a column', () => {
    const dir = files({ 'm.yml': '\ufeff' + lines('version: 1', 'orgs:', '  - {name: prod, region: us-east-1}') });
    const loaded = loadManifest(join(dir, 'm.yml'));
    expect(loaded.manifest.version).toBe(1);
    expect(loaded.locate(['version'], true)).toMatchObject({ line: 1, column: 1 });
    expect(loaded.locate(['orgs', 0, 'region'])).toMatchObject({ line: 3, column: 26 });
  });

  test('anchors and aliases used sensibly are fine', () => {
    const loaded = parseManifest(
      lines(
        'version: 1',
        'orgs:',
        '  - name: a',
        '    region: us-east-1',
        '    principal: &p',
        '      grant: user',
        '      scopes: [architect]',
        '  - name: b',
        '    region: us-east-1',
        '    principal: *p',
      ),
      'm.yml',
      tmp,
    );
    expect(loaded.manifest.orgs[1]!.principal).toEqual({ grant: 'user', scopes: ['architect'] });
  });

  test(`nesting up to ${MAX_NESTING_DEPTH} levels parses; one more does not`, () => {
    const nested = (depth: number) => `${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}`;
    // The root map is one level.
    const ok = parseYamlSource(`a: ${nested(MAX_NESTING_DEPTH)}\n`, 'x.yml');
    expect('doc' in ok).toBe(true);
    const deep = parseYamlSource(`a: ${nested(MAX_NESTING_DEPTH + 1)}\n`, 'x.yml');
    expect('errors' in deep && deep.errors[0]!.location).toEqual({
      file: 'x.yml',
      line: 1,
      column: 4 + MAX_NESTING_DEPTH - 1,
    });
  });

  test('non-string keys and odd scalars do not crash the locator', () => {
    const r = parseYamlSource(lines('? [a, b]', ': 1', '2: two', 'x:'), 'x.yml');
    expect('doc' in r).toBe(true);
    if ('doc' in r) {
      expect(r.doc.locate(['2'])).toEqual({ file: 'x.yml', line: 3, column: 4 });
      expect(r.doc.locate(['x'])).toEqual({ file: 'x.yml', line: 4, column: 1 });
      expect(r.doc.locate(['nope', 3, 'deeper'])).toEqual({ file: 'x.yml', line: 1, column: 1 });
    }
  });
});

describe('defaults', () => {
  test('deployer api, division Home, action deploy, every org', () => {
    const dir = files({
      'm.yml': lines(
        'version: 1',
        'orgs:',
        '  - name: a',
        '    region: us-east-1',
        '  - name: b',
        '    region: eu-west-1',
        'scheduleGroups:',
        '  - name: Holiday Hours',
      ),
    });
    const { resources } = expandResources(loadManifest(join(dir, 'm.yml')));
    expect(resources).toEqual([
      expect.objectContaining({
        kind: 'scheduleGroup',
        name: 'Holiday Hours',
        deployer: 'api',
        division: 'Home',
        action: 'deploy',
        orgs: ['a', 'b'],
      }),
    ]);
    expect(resources[0]!.divisionLocation).toBeUndefined();
  });

  test('defaults.deployer and defaults.division apply where an entry says nothing', () => {
    const dir = files({
      'm.yml': lines(
        'version: 1',
        'defaults: {deployer: cx-as-code, division: Sales}',
        'orgs:',
        '  - name: a',
        '    region: us-east-1',
        'flows:',
        '  - {name: Email, type: inboundEmail}',
        '  - {name: Chat, type: INBOUNDCHAT, deployer: api, division: Support, action: delete}',
        'scripts:',
        '  - {name: Sales Script}',
        'wfm:',
        '  agentAssignments:',
        '    - {businessUnit: NA, managementUnit: MU, agents: [a@example.com]}',
      ),
    });
    const { resources } = expandResources(loadManifest(join(dir, 'm.yml')));
    expect(byName(resources, 'Email')).toMatchObject({
      deployer: 'cx-as-code',
      division: 'Sales',
      action: 'deploy',
      details: { flowType: 'INBOUNDEMAIL' },
    });
    expect(byName(resources, 'Chat')).toMatchObject({
      deployer: 'api',
      division: 'Support',
      action: 'delete',
      details: { flowType: 'INBOUNDCHAT' },
    });
    expect(byName(resources, 'Sales Script')).toMatchObject({
      deployer: 'cx-as-code',
      division: 'Sales',
      details: { publish: true },
    });
    // The provider cannot move WFM agents: the default deployer falls back to api.
    expect(byName(resources, 'MU (1 agent)')).toMatchObject({ deployer: 'api', division: 'Sales' });
  });
});

describe('substitutions', () => {
  const FLOW = lines(
    'inboundCall:',
    '  name: {{flow_name}}',
    '  division: {{division}}',
    '  description: Queue {{queue}} for {{flow_name}}',
  );

  test('come from the options file and inline; inline wins', () => {
    const dir = files({
      'flows/ivr.yaml': FLOW,
      'flows/options.yaml': lines('substitutions:', '  flow_name: Main IVR', '  division: Home', '  queue: 7'),
      'm.yml': lines(
        'version: 1',
        'orgs:',
        '  - name: a',
        '    region: us-east-1',
        'flows:',
        '  - file: flows/ivr.yaml',
        '    optionsFile: flows/options.yaml',
        '    substitutions: {division: Support}',
        '  - file: flows/ivr.yaml',
        '    optionsFile: flows/options.yaml',
        '    substitutions: {flow_name: Test IVR, queue: true}',
      ),
    });
    const { resources, flows } = expandResources(loadManifest(join(dir, 'm.yml')));
    expect(byName(resources, 'Main IVR').division).toBe('Support');
    expect(byName(resources, 'Test IVR').division).toBe('Home');
    const test = flows.get(byName(resources, 'Test IVR'))!;
    expect((test.doc.value as { inboundCall: { description: string } }).inboundCall.description).toBe(
      'Queue true for Test IVR',
    );
  });

  test('the options file alone fills every placeholder', () => {
    const dir = files({
      'ivr.yaml': FLOW,
      'opts.yaml': lines('# comment', 'substitutions:', '  flow_name: Main IVR', '  division: Home', '  queue: Sales'),
      'm.yml': lines(
        'version: 1',
        'orgs: [{name: a, region: us-east-1}]',
        'flows:',
        '  - {file: ivr.yaml, optionsFile: opts.yaml}',
      ),
    });
    const { resources } = expandResources(loadManifest(join(dir, 'm.yml')));
    expect(resources[0]).toMatchObject({ name: 'Main IVR', division: 'Home' });
  });

  test('positions in a flow file are those of the file, not of the substituted text', () => {
    const dir = files({ 'f.yaml': lines('inboundCall: {name: {{n}}, division: {{d}}}') });
    const read = readArchyFlow(
      join(dir, 'f.yaml'),
      'f.yaml',
      { n: 'A much longer flow name', d: 'Support' },
      { file: 'm.yml', line: 1, column: 1 },
    );
    expect('flow' in read).toBe(true);
    if ('flow' in read) {
      expect(read.flow.name).toBe('A much longer flow name');
      expect(read.flow.nameLocation).toEqual({ file: 'f.yaml', line: 1, column: 21 });
      expect(read.flow.divisionLocation).toEqual({ file: 'f.yaml', line: 1, column: 38 });
    }
  });

  test('substitute() reports every unfilled placeholder at its place and maps offsets back', () => {
    const text = 'a: {{x}}\nb: {{ y }} {{z}}\n';
    const s = substitute(text, { x: 'long value', z: 'Z' }, 'f.yaml');
    expect(s.text).toBe('a: long value\nb: {{ y }} Z\n');
    expect(s.unfilled.map((f) => f.location)).toEqual([{ file: 'f.yaml', line: 2, column: 4 }]);
    expect([...s.used].sort()).toEqual(['x', 'z']);
    expect(s.mapping.toOriginal(s.text.indexOf('long'))).toBe(3);
    expect(s.mapping.toOriginal(s.text.indexOf('value'))).toBe(3);
    expect(s.mapping.toOriginal(s.text.indexOf('b:'))).toBe(text.indexOf('b:'));
    expect(s.mapping.toOriginal(s.text.indexOf('Z'))).toBe(text.indexOf('{{z}}'));
    expect(s.mapping.describe?.(s.text.indexOf('value'))).toBe('in the value substituted for {{x}}');
    expect(s.mapping.describe?.(s.text.indexOf('b:'))).toBeUndefined();
  });
});

describe('flow divisions', () => {
  const manifest = (flowDecl: string[], defaults = false) =>
    lines(
      'version: 1',
      ...(defaults ? ['defaults: {division: Default Div}'] : []),
      'orgs: [{name: a, region: us-east-1}, {name: b, region: us-east-1}]',
      'flows:',
      ...flowDecl,
    );

  test('a file flow goes where its file says (else Home); a manifest division is ignored with a warning', () => {
    const dir = files({
      'with.yaml': lines('workflow:', '  name: With', '  division: From File'),
      'without.yaml': lines('workflow:', '  name: Without'),
      'm.yml': manifest(
        [
          '  - {file: with.yaml, division: From Manifest}',
          '  - {file: without.yaml, division: From Manifest, orgs: [a]}',
          '  - {file: without.yaml, orgs: [B]}',
        ],
        true,
      ),
    });
    const m = join(dir, 'm.yml');
    // The same file twice, to different orgs, is not a duplicate.
    const { resources, findings } = expandResources(loadManifest(m));
    const [a, b, c] = resources;
    expect(a).toMatchObject({ name: 'With', division: 'From File' });
    expect(a!.divisionLocation).toMatchObject({ line: 3, column: 13 });
    expect(a!.divisionLocation!.file).toMatch(/with\.yaml$/);
    // Archy deploys a flow without division: to Home, whatever the manifest or defaults say
    expect(b).toMatchObject({ name: 'Without', division: 'Home' });
    expect(c).toMatchObject({ name: 'Without', division: 'Home', orgs: ['b'] });
    expect(c!.divisionLocation).toBeUndefined();
    expect(findings.map((f) => [f.severity, f.location?.line, f.location?.column])).toEqual([
      ['warning', 5, 33],
      ['warning', 6, 36],
    ]);
    expect(findings[1]!.message).toMatch(
      /division "From Manifest" here is ignored: the deploy puts the flow in the division its file names \(none, so Home\)/,
    );
  });

  test('no division anywhere: Home', () => {
    const dir = files({ 'f.yaml': lines('commonModule:', '  name: Shared'), 'm.yml': manifest(['  - file: f.yaml']) });
    const { resources } = expandResources(loadManifest(join(dir, 'm.yml')));
    expect(resources[0]).toMatchObject({ division: 'Home', details: { flowType: 'COMMONMODULE' } });
  });
});

describe('orgs: on resources', () => {
  test('filters which orgs a resource goes to, case-insensitively, with the declared spelling', () => {
    const dir = files({
      'm.yml': lines(
        'version: 1',
        'orgs:',
        '  - {name: Prod-US, region: us-east-1}',
        '  - {name: prod-eu, region: eu-west-1}',
        '  - {name: staging, region: usw2.pure.cloud}',
        'scheduleGroups:',
        '  - {name: Everywhere}',
        '  - {name: US only, orgs: [prod-us]}',
        '  - {name: Europe and staging, orgs: [PROD-EU, staging]}',
        '  - {name: Everywhere, orgs: [staging]}',
      ),
    });
    const { resources } = expandResources(loadManifest(join(dir, 'm.yml')));
    expect(resources.map((r) => [r.name, r.orgs])).toEqual([
      ['Everywhere', ['Prod-US', 'prod-eu', 'staging']],
      ['US only', ['Prod-US']],
      ['Europe and staging', ['prod-eu', 'staging']],
      ['Everywhere', ['staging']],
    ]);
  });

  test('the same flow in disjoint orgs is fine; in a shared org, the later entry is an error naming that org', () => {
    const dir = files({
      'm.yml': lines(
        'version: 1',
        'orgs:',
        '  - {name: a, region: us-east-1}',
        '  - {name: b, region: us-east-1}',
        '  - {name: c, region: us-east-1}',
        'flows:',
        '  - {name: Main, type: inboundcall, orgs: [a]}',
        '  - {name: main, type: inboundcall, orgs: [b]}',
        '  - {name: Other, type: inboundcall}',
        '  - {name: MAIN, type: inboundcall, orgs: [c, B]}',
        '  - {name: Main, type: inboundemail}',
      ),
    });
    let error: unknown;
    try {
      expandResources(loadManifest(join(dir, 'm.yml')));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).findings.map((f) => [f.message, f.location?.line])).toEqual([
      ['flow "MAIN" (INBOUNDCALL) is deployed twice to org b: also by the entry at line 8', 10],
    ]);
  });
});

describe('errors are collected, not stopped at the first', () => {
  test('every problem of a manifest comes back, sorted by position', () => {
    const text = lines(
      'version: 1',
      'orgs:',
      '  - name: a',
      '    region: us-east1',
      '    principle: {}',
      '  - name: A',
      '    region: eu-west-1',
    );
    try {
      parseManifest(text, 'm.yml', tmp);
      throw new Error('expected a PreflightError');
    } catch (e) {
      expect(e).toBeInstanceOf(PreflightError);
      // Schema errors and the reference errors the structure still allows checking, in one round.
      expect((e as PreflightError).findings.map((f) => [f.location?.line, f.message])).toEqual([
        [4, 'unknown region for org a (did you mean "us-east-1"?)'],
        [5, expect.stringContaining('did you mean "principal"?')],
        [6, expect.stringContaining('duplicate org "A"')],
      ]);
    }
    try {
      parseManifest(text.replace('    principle: {}\n', ''), 'm.yml', tmp);
      throw new Error('expected a PreflightError');
    } catch (e) {
      expect((e as PreflightError).findings.map((f) => f.location?.line)).toEqual([4, 5]);
    }
  });

  test('a thousand mistakes: the first hundred are listed, then how many more', () => {
    const text = lines(
      'version: 1',
      'orgs: [{name: a, region: us-east-1}]',
      'flows:',
      ...Array.from({ length: 1000 }, (_, i) => `  - {name: F${i}, type: inboundCall, divison: X}`),
    );
    try {
      parseManifest(text, 'm.yml', tmp);
      throw new Error('expected a PreflightError');
    } catch (e) {
      const findings = (e as PreflightError).findings;
      expect(findings).toHaveLength(101);
      expect(findings[0]!.location).toEqual({ file: 'm.yml', line: 4, column: 35 });
      expect(findings[100]!.message).toMatch(/and 900 more problems/);
      expect(findings[100]!.location?.line).toBe(104);
    }
  });

  test('expand errors from several entries come back together', () => {
    const dir = files({
      'm.yml': lines(
        'version: 1',
        'orgs: [{name: a, region: us-east-1}]',
        'flows:',
        '  - file: nope1.yaml',
        '  - file: nope2.yaml',
        '  - {name: X, type: inboundcal}',
      ),
    });
    try {
      expandResources(loadManifest(join(dir, 'm.yml')));
      throw new Error('expected a PreflightError');
    } catch (e) {
      expect((e as PreflightError).findings.map((f) => [f.code, f.location?.line])).toEqual([
        ['file-not-found', 4],
        ['file-not-found', 5],
        ['manifest-invalid', 6],
      ]);
    }
  });
});

describe('reading files', () => {
  test('UTF-8 validation: the first bad byte', () => {
    const b = (...x: number[]) => Uint8Array.from(x);
    expect(firstInvalidUtf8(Buffer.from('plain ascii'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('é € 😀 ü'))).toBe(-1);
    expect(firstInvalidUtf8(b(0x61, 0xe9, 0x62))).toBe(1); // Latin-1 é
    expect(firstInvalidUtf8(b(0xc3, 0xa9, 0xc3))).toBe(2); // truncated at the end
    expect(firstInvalidUtf8(b(0xc0, 0xaf))).toBe(0); // overlong
    expect(firstInvalidUtf8(b(0xe0, 0x80, 0xaf))).toBe(0); // overlong
    expect(firstInvalidUtf8(b(0xed, 0xa0, 0x80))).toBe(0); // surrogate
    expect(firstInvalidUtf8(b(0xf4, 0x90, 0x80, 0x80))).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8(b(0x80))).toBe(0); // lone continuation
    // Agrees with the WHATWG decoder on a mixed buffer (a valid é before the bad byte).
    const mixed = Buffer.concat([Buffer.from('Café '), b(0xe9), Buffer.from(' ok')]);
    expect(firstInvalidUtf8(mixed)).toBe(6);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(mixed.subarray(0, 6))).not.toThrow();
  });

  test('readTextFile drops the BOM and keeps CRLF', () => {
    const dir = files({ 'a.yml': '\ufeffa: 1\r\n' });
    expect(readTextFile(join(dir, 'a.yml'), 'manifest')).toEqual({ text: 'a: 1\r\n' });
  });

  test('readTextFile points at the reference when the file cannot be read', () => {
    const from = { file: 'm.yml', line: 9, column: 11 };
    const r = readTextFile(join(tmp, 'missing.yaml'), 'flow file', from);
    expect(r).toEqual({ error: expect.objectContaining({ code: 'file-not-found', location: from, fatal: true }) });
  });
});

describe('schema', () => {
  test('schema/manifest.schema.json is MANIFEST_SCHEMA as written by npm run schema', () => {
    const onDisk = readFileSync(join(ROOT, 'schema/manifest.schema.json'), 'utf8');
    expect(onDisk).toBe(JSON.stringify(MANIFEST_SCHEMA, null, 2) + '\n');
  });

  test('the example manifest points editors at the schema', () => {
    expect(readFileSync(EXAMPLE, 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schema\/manifest\.schema\.json/,
    );
  });
});
