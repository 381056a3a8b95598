/**
 * Terminal output (the CLI's text formats: `check`, `policy`, `explain`) of hostile names: no
 * control character reaches the terminal raw (no ESC sequence, no CR overwriting a line, no
 * bidi reordering), and no line is a workflow command for the GitHub Actions runner (which
 * reads `::cmd::` and `##[cmd]` at the start of any stdout/stderr line, after white space).
 */
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { renderText } from '../../src/report/text.js';
import { renderPolicyText } from '../../src/policy/render.js';
import { explainOperation } from '../../src/explain.js';
import { termLines, visibleControls } from '../../src/report/escape.js';
import type { Catalog, CatalogOperation } from '../../src/catalog/catalog.js';
import type { OrgPolicy } from '../../src/policy/least-privilege.js';
import { hostile, plain, reportWith, type NameFn } from './hostile-report.js';
import { hostileName } from './support.js';

/** Characters that must not reach a terminal raw (LF aside: it separates our lines). */
const HIDDEN =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;

/** What the runner would run: a line whose text after leading white space starts a command (.NET TrimStart is a subset of \s). */
const COMMAND = /^\s*(::|##\[)/;

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Fails when `text` holds a hidden character, a lone surrogate or a line that is a workflow command. Each
 * check is made with plain code first and expect() (~50 µs a call here, called per line of 1,000 runs)
 * runs, for its message, only when the check does not hold.
 */
function expectSafe(text: string): void {
  if (HIDDEN.test(text)) expect(text).not.toMatch(HIDDEN);
  if (LONE_SURROGATE.test(text)) expect(LONE_SURROGATE.test(text)).toBe(false);
  for (const line of text.split('\n'))
    if (COMMAND.test(line)) expect({ line, command: true }).toEqual({ line, command: false });
}

describe('termLines', () => {
  it('leaves plain text alone', () => {
    const text =
      '✗ prod-eu (eu-west-1): FAIL, 1 error\n  error missing-permission  m.yml:3:5\n    fix: add `a:b:c` to role R\n';
    expect(termLines(text)).toBe(text);
  });

  it('escapes control characters and neutralises workflow commands, for any text', () => {
    fc.assert(
      fc.property(fc.array(hostileName, { maxLength: 6 }), (names) => {
        const out = termLines(names.join('\n'));
        expectSafe(out);
        const [lines, want] = [out.split('\n'), names.join('\n').split('\n').length];
        if (lines.length !== want) expect(lines).toHaveLength(want);
      }),
      { numRuns: 1000 },
    );
  });

  it('examples', () => {
    expect(termLines('::error::x')).toBe('\\::error::x');
    expect(termLines('   ::add-mask::secret')).toBe('   \\::add-mask::secret');
    expect(termLines('\u00a0##[group]x')).toBe('\u00a0\\##[group]x');
    expect(termLines('a\rb\u001b[31mc\u009bd\u202ee')).toBe('a\\rb\\x1B[31mc\\x9Bd\\u{202E}e');
    expect(termLines('a::b')).toBe('a::b');
    expect(visibleControls('x\ty')).toBe('x\\ty');
  });
});

describe('check --format text', () => {
  it.each([1, 2, 0])('prints hostile names escaped, one line where a plain name has one (exit %d)', (exit) => {
    const bad = renderText(reportWith(hostile), exit);
    const good = renderText(reportWith(plain), exit);
    expectSafe(bad);
    expect(bad.split('\n').length).toBe(good.split('\n').length);
    expect(bad).toContain('::error file=a,line=1::forged\\n::add-mask::true');
    expect(bad).toContain('\\x1B[2K');
  });

  it('a name that starts a line cannot start a command', () => {
    const r = reportWith(plain);
    r.findings[0]!.message = '::add-mask::true';
    r.findings[0]!.fix = '::stop-commands::token';
    const text = renderText(r, 1);
    expectSafe(text);
    expect(text).toContain('\\::add-mask::true');
  });
});

describe('policy --format text', () => {
  const policy = (name: NameFn): OrgPolicy[] => [
    {
      org: name(0),
      roles: [{ name: name(1), permissions: [name(2), `::add-mask::${name(3)}`], divisions: [name(4)] }],
      scopes: [name(5)],
      choices: [{ operation: `GET /${name(6)}`, among: [name(7), name(8)], chosen: name(7), why: name(9) }],
      notCovered: [name(10)],
      size: 2,
      union: 2,
    },
  ];

  it('prints hostile names escaped, no line a workflow command', () => {
    const bad = renderPolicyText(policy(hostile));
    expectSafe(bad);
    expect(bad.split('\n').length).toBe(renderPolicyText(policy(plain)).split('\n').length);
    expect(bad).toMatch(/^ {4}\\::add-mask::/m);
  });
});

describe('explain', () => {
  it('escapes what a catalog (a swagger file) says', () => {
    const op: CatalogOperation = {
      method: 'GET',
      path: '/api/v2/x\n::error::from swagger',
      operationId: 'get\u001b]0;title\u0007X',
      scopes: ['\r::add-mask::s'],
      scopesUnknown: false,
      permissions: { mode: 'ANY', values: ['a:b:c', '\n##[error]p'] },
      deprecated: false,
      preview: false,
    };
    const catalog = { lookup: () => op } as unknown as Catalog;
    const text = explainOperation(catalog, 'GET /api/v2/x')!;
    expectSafe(text);
    expect(text.split('\n')).toHaveLength(4);
    expect(text).toContain('/api/v2/x\\n::error::from swagger');
  });
});
