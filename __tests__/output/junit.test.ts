/**
 * JUnit XML (`--format junit`): well-formed XML (fast-xml-parser's validator and parser), in the
 * shape of the common JUnit XSD (Jenkins' junit-10.xsd, which GitLab and Azure Pipelines also
 * read): `<testsuites>` of `<testsuite name tests failures errors>` with `<properties>` first,
 * then `<testcase name classname>` whose children are at most one `<error>` or `<failure>`
 * (`type`, `message`) then `<system-out>`; the counts add up; a testcase fails exactly for the
 * findings at or above --fail-on, and errors for fatal ones. Hostile names (`<`, `&`, `]]>`,
 * quotes, control characters, characters XML 1.0 forbids) stay text.
 */
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderJunit, xmlAttr, xmlText } from '../../src/report/junit.js';
import { visibleControls } from '../../src/report/escape.js';
import { summarize, type OrgReport, type Report } from '../../src/report/model.js';
import type { Finding, Requirement } from '../../src/types.js';
import { hostile, plain, reportWith } from './hostile-report.js';
import { hostileName } from './support.js';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  trimValues: false,
});

/** Characters XML 1.0 forbids (§2.2 Char). */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

const tag = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;
const kids = (n: Node) => (n[tag(n)] as Node[]).filter((c) => tag(c) !== '#text' || String(c['#text']).trim() !== '');
const attr = (n: Node) => n[':@'] ?? {};
const text = (n: Node) => (n[tag(n)] as Node[]).map((c) => String(c['#text'] ?? '')).join('');

/** Parses and checks the document against the XSD shape; returns the suites. */
function checkShape(xml: string): Node[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(NOT_XML);
  const doc = (parser.parse(xml) as Node[]).filter((n) => tag(n) !== '?xml');
  expect(doc.map(tag)).toEqual(['testsuites']);
  const root = doc[0]!;
  const suites = kids(root);
  const total = { tests: 0, failures: 0, errors: 0 };
  for (const suite of suites) {
    expect(tag(suite)).toBe('testsuite');
    const a = attr(suite);
    expect(a.name).toEqual(expect.any(String));
    for (const k of ['tests', 'failures', 'errors', 'skipped']) expect(a[k]).toMatch(/^\d+$/);
    const children = kids(suite);
    const order = children.map(tag);
    // properties (at most once) first, then testcases
    expect(order.filter((t) => t === 'properties').length).toBeLessThanOrEqual(1);
    expect(order.slice(order[0] === 'properties' ? 1 : 0).every((t) => t === 'testcase')).toBe(true);
    const counts = { tests: 0, failures: 0, errors: 0 };
    for (const c of children.filter((n) => tag(n) === 'testcase')) {
      counts.tests++;
      expect(attr(c).name).toEqual(expect.any(String));
      expect(attr(c).classname).toEqual(expect.any(String));
      const inner = kids(c).map(tag);
      const outcomes = inner.filter((t) => t === 'error' || t === 'failure');
      expect(outcomes.length).toBeLessThanOrEqual(1);
      expect(inner).toEqual([...outcomes, ...inner.filter((t) => t === 'system-out')]);
      for (const o of kids(c).filter((n) => tag(n) === 'error' || tag(n) === 'failure')) {
        expect(attr(o).type).toEqual(expect.any(String));
        expect(attr(o).message).toEqual(expect.any(String));
      }
      if (outcomes[0] === 'error') counts.errors++;
      if (outcomes[0] === 'failure') counts.failures++;
    }
    expect([a.tests, a.failures, a.errors].map(Number)).toEqual([counts.tests, counts.failures, counts.errors]);
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.errors += counts.errors;
  }
  const r = attr(root);
  expect([r.tests, r.failures, r.errors].map(Number)).toEqual([total.tests, total.failures, total.errors]);
  return suites;
}

function req(resource: string, line: number): Requirement {
  return {
    resource,
    action: 'deploy',
    operation: 'POST /api/v2/flows',
    purpose: 'create',
    scopes: [],
    scopesUnknown: false,
    permissions: { mode: 'ALL', values: ['architect:flow:add'] },
    division: 'Home',
    location: { file: 'm.yml', line, column: 3 },
  };
}

function org(name: string, requirements: Requirement[], findings: Finding[]): OrgReport {
  return {
    name,
    orgId: null,
    region: 'us-east-1',
    principal: 'declared',
    passed: !findings.some((f) => f.severity === 'error'),
    requirements,
    findings,
  };
}

function report(orgs: OrgReport[], findings: Finding[] = []): Report {
  return {
    version: 2,
    mode: 'offline',
    passed: false,
    manifest: 'm.yml',
    summary: summarize([...findings, ...orgs.flatMap((o) => o.findings)]),
    orgs,
    findings,
  };
}

const err = (resource: string | undefined, code: Finding['code'] = 'missing-permission'): Finding => ({
  severity: 'error',
  code,
  message: `${resource ?? 'org'}: needs x`,
  fix: 'add x',
  ...(resource ? { resource } : {}),
  location: { file: 'm.yml', line: 4, column: 1 },
});
const warn = (resource: string): Finding => ({
  severity: 'warning',
  code: 'unverifiable',
  message: `${resource}: cannot be verified`,
  resource,
});

describe('JUnit XML shape', () => {
  it.each([
    ['plain', reportWith(plain)],
    ['hostile', reportWith(hostile)],
    ['empty', report([])],
  ])('%s report: well-formed, in the XSD shape, counts add up', (_n, r) => {
    for (const failOn of ['error', 'warning', 'never'] as const) checkShape(renderJunit(r, failOn));
  });

  it('one suite per org, one testcase per deployed resource, findings about no resource apart', () => {
    const r = report(
      [
        org(
          'prod-us',
          [req('flow:A', 3), req('flow:A', 3), req('flow:B', 9)],
          [err('flow:A'), warn('flow:B'), err(undefined, 'org-mismatch')],
        ),
        org('prod-eu', [req('flow:A', 3)], []),
      ],
      [{ severity: 'warning', code: 'unverifiable', message: 'a global warning' }],
    );
    const suites = checkShape(renderJunit(r, 'error'));
    expect(suites.map((s) => attr(s).name)).toEqual(['genesys-preflight', 'prod-us', 'prod-eu']);
    const cases = (s: Node) => kids(s).filter((n) => tag(n) === 'testcase');
    const us = cases(suites[1]!);
    expect(us.map((c) => attr(c).name)).toEqual(['flow:A', 'flow:B', 'org-mismatch: org: needs x']);
    expect(us.map((c) => kids(c).map(tag))).toEqual([['failure'], ['system-out'], ['failure']]);
    expect(attr(kids(us[0]!)[0]!)).toMatchObject({ type: 'missing-permission', message: 'flow:A: needs x' });
    expect(text(kids(us[0]!)[0]!)).toBe('error missing-permission at m.yml:4:1\n  flow:A: needs x\n  fix: add x');
    expect(attr(us[0]!)).toMatchObject({ classname: 'genesys-preflight.prod-us', file: 'm.yml' });
    expect(cases(suites[2]!).map((c) => [attr(c).name, kids(c).length])).toEqual([['flow:A', 0]]);
    const props = kids(kids(suites[1]!)[0]!).map((p) => [attr(p).name, attr(p).value]);
    expect(props).toEqual([
      ['region', 'us-east-1'],
      ['principal', 'declared'],
      ['mode', 'offline'],
    ]);
  });

  it('--fail-on decides failures (as the exit code does); fatal findings are errors', () => {
    const r = report([
      org(
        'o',
        [req('flow:A', 3), req('flow:B', 4)],
        [warn('flow:A'), { ...err('flow:B', 'auth-failed'), fatal: true }],
      ),
    ]);
    const outcome = (failOn: 'error' | 'warning' | 'never') =>
      kids(checkShape(renderJunit(r, failOn))[0]!)
        .filter((n) => tag(n) === 'testcase')
        .map((c) => kids(c).map(tag).join('+'));
    expect(outcome('error')).toEqual(['system-out', 'error']);
    expect(outcome('warning')).toEqual(['failure', 'error']);
    expect(outcome('never')).toEqual(['system-out', 'error']);
  });
});

describe('hostile names stay text', () => {
  const NASTY = [
    '</testcase><testcase name="x">',
    ']]>',
    '<![CDATA[',
    '&amp;&',
    '"\'',
    '\u0000\u0001\u0008\u000b\u000c\u001b',
    '\ufffe\uffff',
    '\ud800',
    '\r\n\t',
    '\u0085\u2028',
  ];

  it('names with markup, CDATA ends, quotes and control characters come back as their visible text', () => {
    const name = NASTY.join(' ');
    const r = report([org(name, [req(`flow:${name}`, 3)], [{ ...err(`flow:${name}`), message: name, fix: name }])]);
    const suites = checkShape(renderJunit(r, 'error'));
    expect(suites).toHaveLength(1);
    const shown = visibleControls(name)
      .replace(NOT_XML, '\ufffd')
      .replace(/[\ufffe\uffff]/g, '\ufffd');
    expect(attr(suites[0]!).name).toBe(shown);
    const cases = kids(suites[0]!).filter((n) => tag(n) === 'testcase');
    expect(cases).toHaveLength(1);
    expect(attr(cases[0]!).name).toBe(`flow:${shown}`);
    const failure = kids(cases[0]!)[0]!;
    expect(attr(failure).message).toBe(shown);
    expect(text(failure)).toContain(`\n  ${shown}\n  fix: ${shown}`);
  });

  it('xmlText and xmlAttr: any string gives well-formed XML that parses back to it', () => {
    fc.assert(
      fc.property(fc.oneof(hostileName, fc.constantFrom(...NASTY)), (s) => {
        const xml = `<a v="${xmlAttr(s)}">${xmlText(s)}</a>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(xml).not.toMatch(NOT_XML);
        const [node] = parser.parse(xml) as Node[];
        const expected = s.replace(new RegExp(NOT_XML.source, 'gu'), '\ufffd');
        expect(attr(node!).v ?? '').toBe(expected);
        expect(text(node!)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
