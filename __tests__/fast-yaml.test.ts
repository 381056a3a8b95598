import { describe, it, expect } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { locateDifferences } from '../test-support/locate-diff.js';
import { fastParse } from '../src/util/fast-yaml.js';

const files = [
  'examples/genesys-preflight.yml',
  'examples/flows/main-ivr.yaml',
  'examples/flows/support-email.yaml',
  'examples/flows/prod-options.yaml',
  'examples/premium-app/genesys-preflight.yml',
  'examples/premium-app/provisioning-info.json',
  'examples/terraform/genesys-preflight.yml',
  'examples/terraform/plan.json',
  'examples/terraform/flows/queue-flow.yaml',
  '__tests__/fixtures/terraform/plan.json',
  ...readdirSync('__tests__/fixtures/terraform/flows').map((f) => join('__tests__/fixtures/terraform/flows', f)),
];

describe('fast YAML path', () => {
  it.each(files)('%s: same value and same location for every node and key as the yaml library', (file) => {
    const text = readFileSync(file, 'utf8').replace(/\{\{\s*([\w.-]+)\s*\}\}/g, 'x-$1');
    expect(fastParse(text, 200)).toBeDefined();
    expect(locateDifferences(text, file)).toEqual([]);
  });

  it('hand-written edge cases agree', () => {
    const cases = [
      'a: 1\nb:\n  - x\n  - {y: 2, z: [3, 4]}\nc: # comment\n  d: "q"\n',
      'list:\n- a\n- b\nempty:\nnext: 1\n',
      "s: 'it''s'\nt: |\n  block\n  text\nu: >-\n  folded\n",
      '{"json": [1, 2, {"k": null}], "b": true}',
      'k:   \n  v\n',
      'a:\n  # only a comment\n  b: 1\n',
      'x: [a,\n  b]\n',
    ];
    for (const c of cases) expect(locateDifferences(c, 'm.yml')).toEqual([]);
  });

  it('leaves anchors, aliases, tags, errors and scalars documents to the yaml library', () => {
    for (const t of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: [1,\n', 'a: 1\na: 2\n', '42', '', '# c\n'])
      expect(fastParse(t, 200)).toBeUndefined();
    expect(fastParse('a: 1\n', 200)).toBeDefined();
    expect(fastParse('d: ["*", architect:flow:*]\n', 200)).toBeDefined();
  });

  it('property: generated maps and lists agree with the yaml library', () => {
    const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/);
    const scalar = fc.oneof(
      fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9 :_-]{0,12}[a-zA-Z0-9]$/),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('list')),
      map: fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }),
      // js-yaml reports no event for an empty list item (`- ` alone): such documents take the slow path
      list: fc.array(
        tie('node').filter((x) => x !== null),
        { minLength: 1, maxLength: 4 },
      ),
    }));
    const toYaml = (v: unknown, indent: string): string => {
      if (Array.isArray(v)) return v.map((x) => `\n${indent}- ${inline(x, `${indent}  `)}`).join('');
      if (v && typeof v === 'object')
        return Object.entries(v)
          .map(([k, x]) => `\n${indent}${k}: ${inline(x, `${indent}  `)}`)
          .join('');
      return String(v);
    };
    const inline = (v: unknown, indent: string): string =>
      v && typeof v === 'object'
        ? toYaml(v, indent)
        : v === null
          ? ''
          : typeof v === 'string'
            ? JSON.stringify(v)
            : String(v);
    let accepted = 0;
    fc.assert(
      fc.property(tree.map, (m) => {
        const text = toYaml(m, '').slice(1) + '\n';
        if (fastParse(text, 200)) accepted++; // a decline is safe (slow path), but should be rare
        const diff = locateDifferences(text, 'gen.yml');
        if (diff.length) throw new Error(`${diff.join('; ')}\n${text}`);
        return true;
      }),
      { numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(120);
  });
});
