/**
 * SARIF for GitHub code scanning: the output validates against the OASIS SARIF 2.1.0 JSON schema
 * (the copy `@microsoft/jest-sarif` ships, sarif-2.1.0-rtm.5, a draft-04 schema: checked with
 * ajv-draft-04 and ajv-formats), and meets GitHub's documented requirements ("SARIF support for
 * code scanning"): every result has a ruleId that is a rule of the run, message.text, a location
 * whose artifactLocation.uri is relative to the repository and whose region.startLine is at least
 * 1, and partialFingerprints; rules have a friendly name, short and full descriptions, help and a
 * helpUri. The
 * fingerprints are stable (an edit above a finding keeps it) and per org (two orgs failing at
 * one line are two alerts); automationDetails.id names the org selection.
 */
import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { renderSarif, sarifAutomationId } from '../../src/report/sarif.js';
import { FINGERPRINT_KEY } from '../../src/report/fingerprint.js';
import { hasRuleDoc, ruleDoc, FINDINGS_DOC_URL } from '../../src/report/rules.js';
import { FINDING_CODES, type Finding } from '../../src/types.js';
import { summarize, type OrgReport, type Report } from '../../src/report/model.js';
import { hostile, plain, reportWith } from './hostile-report.js';

const require = createRequire(import.meta.url);
const SCHEMA = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as Record<string, unknown>;

// rtm.5 writes one pattern (`language`) that is not a valid Unicode-mode regular expression.
// Both packages are CommonJS whose module.exports also carries `default` (the class, the plugin).
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(SCHEMA);

interface Sarif {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: Rule[] } };
    automationDetails: { id: string };
    results: Result[];
  }>;
}
interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn?: number };
    };
  }>;
  partialFingerprints: Record<string, string>;
  properties: { org?: string; resource?: string };
}

const parse = (r: Report, orgs?: string[]) => JSON.parse(renderSarif(r, '1.2.3', orgs ? { orgs } : {})) as Sarif;

/** A missing-permission finding of flow `flow` at `line` of flows/main.yaml. */
function missing(flow: string, line: number, operation = 'POST /api/v2/flows'): Finding {
  return {
    severity: 'error',
    code: 'missing-permission',
    message: `flow:${flow}: ${operation} needs \`architect:flow:add\``,
    fix: 'add `architect:flow:add` to role Deployer',
    resource: `flow:${flow}`,
    operation,
    division: 'Home',
    missing: ['architect:flow:add'],
    location: { file: 'flows/main.yaml', line, column: 3 },
  };
}

function org(name: string, findings: Finding[]): OrgReport {
  return {
    name,
    orgId: null,
    region: 'us-east-1',
    principal: 'declared',
    passed: findings.length === 0,
    requirements: [],
    findings,
  };
}

function report(orgs: OrgReport[], findings: Finding[] = []): Report {
  const all = [...findings, ...orgs.flatMap((o) => o.findings)];
  return {
    version: 2,
    mode: 'offline',
    passed: false,
    manifest: 'genesys-preflight.yml',
    summary: summarize(all),
    orgs,
    findings,
  };
}

/** GitHub's requirements for one run ("SARIF support for code scanning"). */
function githubProblems(sarif: Sarif): string[] {
  const problems: string[] = [];
  if (sarif.version !== '2.1.0') problems.push('version');
  for (const run of sarif.runs) {
    const ids = run.tool.driver.rules.map((r) => r.id);
    if (new Set(ids).size !== ids.length) problems.push('duplicate rule ids');
    const names = run.tool.driver.rules.map((r) => r.name);
    if (new Set(names).size !== names.length) problems.push('duplicate rule names');
    if (!run.automationDetails?.id) problems.push('automationDetails.id');
    for (const rule of run.tool.driver.rules) {
      // SARIF §3.49.7 and the Multitool's SARIF1001/SARIF2012: a Pascal-case name other than the id.
      if (!/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*$/.test(rule.name ?? '')) problems.push(`${rule.id}: name ${rule.name}`);
      if (rule.name?.toLowerCase() === rule.id.toLowerCase()) problems.push(`${rule.id}: name equals id`);
      if (!rule.shortDescription?.text || !rule.fullDescription?.text) problems.push(`${rule.id}: descriptions`);
      if (!rule.help?.text || !rule.help?.markdown) problems.push(`${rule.id}: help`);
      if (!/^https:\/\//.test(rule.helpUri ?? '')) problems.push(`${rule.id}: helpUri`);
      if (rule.shortDescription.text.length > 1024) problems.push(`${rule.id}: shortDescription over 1024`);
    }
    for (const res of run.results) {
      if (!ids.includes(res.ruleId) || ids[res.ruleIndex] !== res.ruleId)
        problems.push(`${res.ruleId}: not a rule of the run`);
      if (!res.message?.text) problems.push('message.text');
      if (!['error', 'warning', 'note'].includes(res.level)) problems.push(`level ${res.level}`);
      if (!res.locations?.length || res.locations.length > 10) problems.push('locations');
      for (const loc of res.locations ?? []) {
        const uri = loc.physicalLocation.artifactLocation.uri;
        if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/') || uri.startsWith('./'))
          problems.push(`uri ${uri} not relative`);
        if (loc.physicalLocation.artifactLocation.uriBaseId !== '%SRCROOT%') problems.push(`uriBaseId of ${uri}`);
        if (!(loc.physicalLocation.region.startLine >= 1)) problems.push('startLine');
      }
      if (!res.partialFingerprints?.[FINGERPRINT_KEY]) problems.push('partialFingerprints');
    }
  }
  return problems;
}

describe('SARIF 2.1.0 schema and GitHub code scanning requirements', () => {
  it.each([
    ['plain names', reportWith(plain)],
    ['hostile names', reportWith(hostile)],
    ['an empty report', report([])],
    [
      'a fatal manifest error',
      report(
        [],
        [
          {
            severity: 'error',
            code: 'manifest-invalid',
            message: 'bad',
            fatal: true,
            location: { file: 'genesys-preflight.yml', line: 4, column: 1 },
          },
        ],
      ),
    ],
  ])('%s: valid against the schema, and GitHub requirements hold', (_name, r) => {
    const sarif = parse(r);
    const ok = validate(sarif);
    expect(ok ? [] : validate.errors).toEqual([]);
    expect(githubProblems(sarif)).toEqual([]);
  });

  it('the schema really is the SARIF 2.1.0 schema (it rejects a broken log)', () => {
    const sarif = parse(reportWith(plain)) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    sarif.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(sarif)).toBe(false);
    expect(validate({ version: '2.1.0' })).toBe(false);
  });

  it('rules have friendly Pascal-case names, other than their ids and unique', () => {
    const rules = parse(report([])).runs[0]!.tool.driver.rules;
    expect(rules.find((r) => r.id === 'missing-permission')!.name).toBe('MissingRolePermission');
    expect(rules.find((r) => r.id === 'unverifiable')!.name).toBe('CallCannotBeVerified');
    expect(rules.find((r) => r.id === 'missing-scope')!.name).toBe('MissingOauthScope');
    expect(githubProblems(parse(report([])))).toEqual([]);
  });

  it('names the tool, its version and where to read about it', () => {
    const driver = parse(report([])).runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: 'genesys-preflight', version: '1.2.3', semanticVersion: '1.2.3' });
    expect(driver.informationUri).toMatch(/^https:\/\/github\.com\//);
    expect(driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('every finding code is a rule with its own description and a link to its docs section', () => {
    const rules = parse(report([])).runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([...FINDING_CODES]);
    const doc = readFileSync('docs/FINDINGS.md', 'utf8');
    for (const code of FINDING_CODES) {
      expect({ code, described: hasRuleDoc(code) }).toEqual({ code, described: true });
      const rule = rules.find((r) => r.id === code)!;
      expect(rule.helpUri).toBe(`${FINDINGS_DOC_URL}#${code}`);
      // docs/FINDINGS.md has the section the link points at (GitHub's anchor of "## `code`"), with its title
      expect({ code, heading: doc.includes(`\n## \`${code}\`\n`) }).toEqual({ code, heading: true });
      expect({ code, title: doc.includes(`**${ruleDoc(code).title}**`) }).toEqual({ code, title: true });
      expect(rule.help.markdown).toContain(`(${rule.helpUri})`);
      // the plain-text forms carry no markdown code spans
      expect(rule.fullDescription.text + rule.help.text).not.toContain('`');
    }
  });

  it('levels: error, warning, notice → error, warning, note', () => {
    const levels = parse(reportWith(plain)).runs[0]!.results.map((r) => r.level);
    expect(new Set(levels)).toEqual(new Set(['error', 'warning', 'note']));
  });
});

describe('results per org, stable fingerprints', () => {
  it('puts the org in the message and the properties; two orgs failing at one line are two alerts', () => {
    const sarif = parse(report([org('prod-us', [missing('Main', 7)]), org('prod-eu', [missing('Main', 7)])]));
    const [us, eu] = sarif.runs[0]!.results;
    expect(us!.message.text).toMatch(/^org prod-us: flow:Main: /);
    expect(eu!.message.text).toMatch(/^org prod-eu: flow:Main: /);
    expect([us!.properties.org, eu!.properties.org]).toEqual(['prod-us', 'prod-eu']);
    expect(us!.locations).toEqual(eu!.locations);
    expect(us!.partialFingerprints[FINGERPRINT_KEY]).not.toBe(eu!.partialFingerprints[FINGERPRINT_KEY]);
  });

  it('a message that already names its org is not prefixed twice', () => {
    const f: Finding = {
      severity: 'warning',
      code: 'unverifiable',
      message: 'org prod-us: the manifest deploys nothing to this org',
    };
    expect(parse(report([org('prod-us', [f])])).runs[0]!.results[0]!.message.text).toBe(f.message);
  });

  it('an edit above the finding (its line moves) keeps the fingerprint; a different finding changes it', () => {
    const print = (f: Finding) =>
      parse(report([org('prod-us', [f])])).runs[0]!.results[0]!.partialFingerprints[FINGERPRINT_KEY];
    const base = print(missing('Main', 7));
    expect(print(missing('Main', 42))).toBe(base);
    expect(print({ ...missing('Main', 7), location: { file: 'flows/main.yaml', line: 7, column: 30 } })).toBe(base);
    expect(print(missing('Other', 7))).not.toBe(base);
    expect(print(missing('Main', 7, 'PUT /api/v2/flows/{flowId}'))).not.toBe(base);
    expect(print({ ...missing('Main', 7), division: 'Support' })).not.toBe(base);
    expect(print({ ...missing('Main', 7), missing: ['architect:flow:edit'] })).not.toBe(base);
    expect(print({ ...missing('Main', 7), code: 'missing-division-grant' })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fingerprints are unique in a run, even for findings about the same thing', () => {
    const sarif = parse(report([org('prod-us', [missing('Main', 7), missing('Main', 9)])]));
    const prints = sarif.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(2);
    expect(prints[1]).toBe(`${prints[0]}:2`);
    const all = parse(reportWith(hostile)).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('an accepted finding is a suppressed note with its reason instead of the fix, valid against the schema', () => {
    const f: Finding = {
      ...missing('Main', 7),
      severity: 'notice',
      accepted: { reason: 'ticket [OPS-1]', severity: 'error', entry: 0, expires: '2030-01-01' },
    };
    const sarif = parse(report([org('prod-us', [f])]));
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const res = sarif.runs[0]!.results[0]! as Result & { suppressions: unknown };
    expect(res.level).toBe('note');
    expect(res.message.text).toBe(
      'org prod-us: flow:Main: POST /api/v2/flows needs `architect:flow:add`. Accepted (was error): ticket \\[OPS-1\\]',
    );
    expect(res.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'ticket \\[OPS-1\\]' }]);
    expect(res.properties).toMatchObject({ accepted: { was: 'error', expires: '2030-01-01' } });
  });

  it('a finding without a place points at the manifest, line 1', () => {
    const f: Finding = { severity: 'error', code: 'auth-failed', message: 'org prod-us: no credentials', fatal: true };
    const res = parse(report([org('prod-us', [f])])).runs[0]!.results[0]!;
    expect(res.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'genesys-preflight.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1 },
    });
  });

  it('absolute paths become relative to the working directory (base %SRCROOT%); ./ is dropped', () => {
    const at = (file: string) =>
      JSON.parse(
        renderSarif(report([org('o', [{ ...missing('Main', 7), location: { file, line: 7, column: 3 } }])]), '1', {
          root: '/work/repo',
        }),
      ).runs[0].results[0].locations[0].physicalLocation.artifactLocation as { uri: string; uriBaseId?: string };
    expect(at('/work/repo/flows/a b.yaml')).toEqual({ uri: 'flows/a%20b.yaml', uriBaseId: '%SRCROOT%' });
    expect(at('./flows/main.yaml')).toEqual({ uri: 'flows/main.yaml', uriBaseId: '%SRCROOT%' });
    // Outside the checkout: an absolute file: URI, which takes no base.
    expect(at('/elsewhere/x.yaml')).toEqual({ uri: 'file:///elsewhere/x.yaml' });
  });
});

describe('automationDetails.id (the code scanning category)', () => {
  it('names the org selection, sorted; every org is *', () => {
    expect(sarifAutomationId()).toBe('genesys-preflight/*/');
    expect(sarifAutomationId(['prod-us', 'prod-eu', 'prod-us'])).toBe('genesys-preflight/prod-eu,prod-us/');
    expect(parse(report([]), ['b', 'a']).runs[0]!.automationDetails.id).toBe('genesys-preflight/a,b/');
    expect(parse(report([])).runs[0]!.automationDetails.id).toBe('genesys-preflight/*/');
  });
});
