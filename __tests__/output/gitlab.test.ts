/**
 * GitLab Code Quality (`--format gitlab`) against the report format GitLab documents ("Code
 * Quality" → "Code Quality report format"), written here as a JSON Schema and checked with ajv:
 * an array of issues, each with a `description`, a `check_name`, a `fingerprint`, a `severity`
 * of info | minor | major | critical | blocker, and a `location` whose `path` is relative to the
 * repository (not prefixed with `./`) and whose `lines.begin` (or `positions.begin.line`) is the
 * line. GitLab shows one issue per fingerprint, so fingerprints are unique.
 */
import { describe, it, expect } from '@jest/globals';
import { Ajv } from 'ajv';
import { gitlabIssues, renderGitlab, GITLAB_SEVERITIES } from '../../src/report/gitlab.js';
import { summarize, type Report } from '../../src/report/model.js';
import type { Finding } from '../../src/types.js';
import { hostile, plain, reportWith } from './hostile-report.js';

const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;

/** GitLab's Code Quality report format as a JSON Schema (fields, types and enums from GitLab's docs). */
const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^(\\./|/|[A-Za-z][A-Za-z0-9+.-]*:)' } },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
          },
          positions: {
            type: 'object',
            required: ['begin'],
            properties: {
              begin: { type: 'object', required: ['line'], properties: { line: { type: 'integer', minimum: 1 } } },
            },
          },
        },
        anyOf: [{ required: ['lines'] }, { required: ['positions'] }],
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(CODE_QUALITY_SCHEMA);

function report(findings: Finding[], orgFindings: Record<string, Finding[]> = {}): Report {
  const orgs = Object.entries(orgFindings).map(([name, fs]) => ({
    name,
    orgId: null,
    region: 'us-east-1',
    principal: 'declared' as const,
    passed: false,
    requirements: [],
    findings: fs,
  }));
  return {
    version: 2,
    mode: 'offline',
    passed: false,
    manifest: 'genesys-preflight.yml',
    summary: summarize([...findings, ...orgs.flatMap((o) => o.findings)]),
    orgs,
    findings,
  };
}

const f = (severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({
  severity,
  code: 'missing-permission',
  message: 'flow:A: POST /api/v2/flows needs x',
  resource: 'flow:A',
  operation: 'POST /api/v2/flows',
  location: { file: './flows/a.yaml', line: 12, column: 3 },
  ...extra,
});

describe('GitLab Code Quality report', () => {
  it.each([
    ['plain names', reportWith(plain)],
    ['hostile names', reportWith(hostile)],
    ['no findings', report([])],
  ])('%s: follows the documented format; fingerprints are unique', (_n, r) => {
    const issues = JSON.parse(renderGitlab(r)) as Array<{ fingerprint: string; description: string }>;
    const ok = validate(issues);
    expect(ok ? [] : validate.errors).toEqual([]);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    for (const i of issues) expect(i.description).not.toMatch(HIDDEN);
  });

  it('maps severities: fatal → blocker, error → critical, warning → minor, notice → info', () => {
    const issues = gitlabIssues(
      report([], {
        o: [
          f('error', { fatal: true }),
          f('error'),
          f('warning', { resource: 'flow:B' }),
          f('notice', { resource: 'flow:C' }),
        ],
      }),
    );
    expect(issues.map((i) => i.severity)).toEqual(['blocker', 'critical', 'minor', 'info']);
    expect(issues.every((i) => GITLAB_SEVERITIES.includes(i.severity))).toBe(true);
  });

  it('one issue per finding: code as check_name, org and fix in the description, relative path and line', () => {
    const [issue] = gitlabIssues(report([], { 'prod-eu': [f('error', { fix: 'add x to role R' })] }));
    expect(issue).toEqual({
      type: 'issue',
      description: 'org prod-eu: flow:A: POST /api/v2/flows needs x. Fix: add x to role R',
      check_name: 'missing-permission',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'critical',
      location: { path: 'flows/a.yaml', lines: { begin: 12 } },
    });
  });

  it('two orgs at one line are two issues; a moved line keeps the fingerprint; no place → the manifest', () => {
    const [us, eu] = gitlabIssues(report([], { 'prod-us': [f('error')], 'prod-eu': [f('error')] }));
    expect(us!.fingerprint).not.toBe(eu!.fingerprint);
    const [moved] = gitlabIssues(
      report([], { 'prod-us': [f('error', { location: { file: 'flows/a.yaml', line: 40, column: 1 } })] }),
    );
    expect(moved!.fingerprint).toBe(us!.fingerprint);
    const [global] = gitlabIssues(
      report([{ severity: 'error', code: 'manifest-invalid', message: 'empty', fatal: true }]),
    );
    expect(global!.location).toEqual({ path: 'genesys-preflight.yml', lines: { begin: 1 } });
    expect(global!.description).toBe('empty');
  });

  it('an accepted finding says why instead of the fix', () => {
    const [issue] = gitlabIssues(
      report([], {
        o: [f('notice', { fix: 'add x', accepted: { reason: 'known gap', severity: 'error', entry: 0 } })],
      }),
    );
    expect(issue).toMatchObject({
      severity: 'info',
      description: 'org o: flow:A: POST /api/v2/flows needs x. Accepted (was error): known gap',
    });
  });

  it('absolute paths inside the working directory become relative', () => {
    const r = report([], { o: [f('error', { location: { file: '/ws/repo/flows/a.yaml', line: 2, column: 1 } })] });
    expect(gitlabIssues(r, '/ws/repo')[0]!.location.path).toBe('flows/a.yaml');
  });
});
