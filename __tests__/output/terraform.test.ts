/**
 * `policy --format terraform` of hostile names: every name is an HCL quoted string that
 * decodes (by the hclsyntax rules) to exactly the name, holds no `${…}` interpolation or
 * `%{…}` directive and no raw newline; comments stay one line; block labels are valid,
 * distinct Terraform names and every reference points at a declared block.
 *
 * No HCL parser is a devDependency (the one npm package wrapping HashiCorp's parser,
 * hcl2-parser, is a 4 MB GopherJS build whose JSON output cannot tell a literal `${` from an
 * interpolation), so `decodeHclString` below implements the quoted-template rules of
 * hashicorp/hcl hclsyntax (scan_tokens.rl: `TemplateNotInterp`, `QuotedStringLiteralWithEsc`;
 * spec.md "Template Literals") and the tests check exact escaped strings too.
 */
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { renderTerraform } from '../../src/policy/render.js';
import { hclLabel, hclString } from '../../src/report/escape.js';
import type { OrgPolicy } from '../../src/policy/least-privilege.js';
import { HOSTILE } from './hostile-report.js';
import { hostileName } from './support.js';

/**
 * Decodes the body of an HCL quoted template (between the quotes) that must be a pure
 * literal; throws on an interpolation, a directive, an invalid escape or a raw newline.
 */
function decodeHclString(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c === '\n' || c === '\r') throw new Error('newline in a quoted string');
    if (c === '"') throw new Error('unescaped quote');
    if (c === '\\') {
      const e = body[i + 1];
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        i += 2;
      } else if (e === 'u' && /^[0-9A-Fa-f]{4}$/.test(body.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
        i += 6;
      } else if (e === 'U' && /^[0-9A-Fa-f]{8}$/.test(body.slice(i + 2, i + 10))) {
        out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 10), 16));
        i += 10;
      } else throw new Error(`invalid escape \\${e}`);
      continue;
    }
    if (c === '$' || c === '%') {
      if (body[i + 1] === '{') throw new Error(`template sequence ${c}{ at ${i}`);
      if (body[i + 1] === c && body[i + 2] === '{') {
        out += `${c}{`;
        i += 3;
        continue;
      }
    }
    out += c;
    i += 1;
  }
  return out;
}

/** Every quoted string of an HCL line (a quote ends the string unless backslash-escaped). */
function stringsOf(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
}

describe('hclString', () => {
  it('exact escapes', () => {
    expect(hclString('${var.secret}')).toBe('"$${var.secret}"');
    expect(hclString('%{ if x }y%{ endif }')).toBe('"%%{ if x }y%%{ endif }"');
    expect(hclString('$${x}')).toBe('"$$${x}"');
    expect(hclString('$ {x} %')).toBe('"$ {x} %"');
    expect(hclString('a"b\\c\nd\re\tf')).toBe('"a\\"b\\\\c\\nd\\re\\tf"');
    expect(hclString('\u001b[31m\u202e')).toBe('"\\u001B[31m\\u202E"');
    expect(hclString('Deploy (Home) [prod-eu]')).toBe('"Deploy (Home) [prod-eu]"');
  });

  it('decodes back to the name, with no template sequence, for any name', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        const literal = hclString(name);
        expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
        const expected = name.replace(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
          '\ufffd',
        );
        expect(decodeHclString(literal.slice(1, -1))).toBe(expected);
        expect(stringsOf(literal)).toEqual([literal.slice(1, -1)]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hclLabel', () => {
  it('is a Terraform name for any input', () => {
    fc.assert(
      fc.property(hostileName, (name) => expect(hclLabel(name)).toMatch(/^[a-z_][a-z0-9_]*$/)),
      { numRuns: 1000 },
    );
    expect(hclLabel('9lives')).toBe('_9lives');
    expect(hclLabel('Prod EU')).toBe('prod_eu');
  });
});

describe('renderTerraform', () => {
  const policies = (names: string[]): OrgPolicy[] =>
    names.map((org, k) => ({
      org,
      roles: [
        {
          name: `Deploy (${names[(k + 1) % names.length]})`,
          permissions: [`architect:flow:${names[(k + 2) % names.length]}`, 'a:b:c'],
          divisions: [names[(k + 3) % names.length]!, 'Home', 'home'],
        },
        { name: names[(k + 4) % names.length]!, permissions: ['x:y:z'], divisions: ['*', 'Sales EU', 'sales-eu'] },
      ],
      scopes: [],
      choices: [],
      notCovered: [`GET /api/v2/${names[(k + 5) % names.length]}`],
      size: 3,
      union: 4,
    }));

  function check(tf: string, names: string[]): void {
    const declared = new Map<string, Set<string>>();
    const decoded: string[] = [];
    for (const line of tf.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const block = /^(resource|data) "([a-z_]+)" "([^"]*)" \{\}?$/.exec(line);
      if (block) {
        const [, kind, type, label] = block;
        expect(label).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
        const key = kind === 'data' ? `data.${type}` : type!;
        const set = declared.get(key) ?? new Set<string>();
        expect(set.has(label!)).toBe(false);
        declared.set(key, set.add(label!));
        continue;
      }
      expect(line).toMatch(/^(\}|  [a-z_]+ \{|  \}|\s+[a-z_]+\s+= .*)$/);
      for (const body of stringsOf(line)) decoded.push(decodeHclString(body));
      const ref = /= ((?:data\.)?[a-z_]+)\.([A-Za-z0-9_-]+)\.id$/.exec(line);
      if (ref) expect(declared.get(ref[1]!)?.has(ref[2]!)).toBe(true);
    }
    for (const n of names) expect(decoded.some((d) => d.includes(n))).toBe(true);
  }

  it('hostile org, role, division and permission names stay string literals; labels distinct and valid', () => {
    const names = [...HOSTILE, 'prod-eu', 'prod_eu', 'PROD EU', '9lives'];
    const tf = renderTerraform(policies(names));
    check(tf, names);
    const code = tf
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');
    expect(code).toContain('$${jsonencode(var.secret)}');
    expect(code).toContain('%%{ if true }');
    // Comments stay one line each: every line is a comment, blank, or HCL checked above.
    expect(tf).toContain('# ---- org Main IVR\\n## ✅ allowed');
  });

  it('one home data source per org however "Home" is spelled; colliding division labels get suffixes', () => {
    const tf = renderTerraform(policies(['acme']));
    expect(tf.match(/data "genesyscloud_auth_division_home"/g)).toHaveLength(1);
    expect(tf).toContain('data "genesyscloud_auth_division" "acme_sales_eu" {\n  name = "Sales EU"\n}');
    expect(tf).toContain('data "genesyscloud_auth_division" "acme_sales_eu_2" {\n  name = "sales-eu"\n}');
    check(tf, ['acme', 'Sales EU', 'sales-eu']);
  });
});
