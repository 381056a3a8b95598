/**
 * SARIF 2.1.0 output, shaped for GitHub code scanning ("SARIF support for code scanning"): one
 * result per finding, each with its rule, a plain-text message naming its org, a location
 * relative to the repository (`uriBaseId` `%SRCROOT%`; a finding without one points at the
 * manifest's first line), a stable `partialFingerprints` entry (src/report/fingerprint.ts: what
 * the finding is about, not its line) and the org in `properties`; every finding code is a rule
 * with a friendly name, descriptions, help (text and markdown) and a link to its section of
 * docs/FINDINGS.md; `automationDetails.id` names the org selection, so uploads of different
 * selections stay apart. Checked by the SARIF Multitool's GitHub and SARIF rules
 * (__tests__/output/sarif-multitool.test.ts).
 *
 * Messages are plain text (`sarifText`: no control characters, no embedded links from names);
 * file paths are URI references (`sarifUri`).
 */
import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, SourceLocation } from '../types.js';
import type { Report } from './model.js';
import { sarifText, sarifUri } from './escape.js';
import { FINGERPRINT_KEY, fingerprints, orgFindings } from './fingerprint.js';
import { PROJECT_URL, RULE_CODES, plainText, ruleDoc, ruleHelpUri, ruleName } from './rules.js';

/** Options of {@link renderSarif}. */
export interface SarifOptions {
  /**
   * The orgs the run was asked to check (`--org`, input `orgs`); empty or absent = every org of
   * the manifest. Names the run: `automationDetails.id` = `genesys-preflight/<orgs, sorted, joined by ",">/`,
   * or `genesys-preflight/*\/` for every org.
   */
  orgs?: readonly string[];
  /** Directory absolute paths are made relative to (default: the current directory). */
  root?: string;
}

/** The `automationDetails.id` of a run over `orgs` (empty = every org). */
export function sarifAutomationId(orgs: readonly string[] = []): string {
  const names = [...new Set(orgs)].sort();
  return `genesys-preflight/${names.length ? names.join(',') : '*'}/`;
}

const LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

/** A finding's file as a URI reference relative to `root` (a `file:` URI when outside it). */
function artifactUri(file: string, root: string): string {
  if (isAbsolute(file)) {
    const rel = relative(root, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return pathToFileURL(file).href;
    return sarifUri(rel);
  }
  return sarifUri(file.replace(/\\/g, '/').replace(/^(\.\/)+/, ''));
}

/**
 * The `uriBaseId` of relative artifact URIs: the checkout's root, as CodeQL writes it. GitHub
 * resolves relative URIs against the repository root; the id says so to other consumers (SARIF
 * §3.4.4: an id `originalUriBaseIds` does not define is resolved by the consumer).
 */
export const SARIF_SRCROOT = '%SRCROOT%';

function physicalLocation(loc: SourceLocation, root: string) {
  const uri = artifactUri(loc.file, root);
  return {
    artifactLocation: uri.startsWith('file:') ? { uri } : { uri, uriBaseId: SARIF_SRCROOT },
    region: { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column) },
  };
}

/** `org NAME: ` before a message that does not already start with it. */
export function orgPrefix(message: string, org: string | undefined): string {
  return org === undefined || message.startsWith(`org ${org}:`) ? '' : `org ${org}: `;
}

/** The message, then the fix, or for an accepted finding (src/types.ts `accepted`) the reason instead. */
function messageText(f: Finding, org: string | undefined): string {
  const text = sarifText(`${orgPrefix(f.message, org)}${f.message}`);
  if (f.accepted) return `${text}. Accepted (was ${f.accepted.severity}): ${sarifText(f.accepted.reason)}`;
  return f.fix ? `${text}. Fix: ${sarifText(f.fix)}` : text;
}

function rule(code: string) {
  const d = ruleDoc(code);
  const helpUri = ruleHelpUri(code);
  return {
    id: code,
    name: ruleName(code),
    shortDescription: { text: d.title },
    fullDescription: { text: plainText(d.description) },
    help: {
      text: `${plainText(d.description)}\n\nFix: ${plainText(d.fix)}\n\nDocumentation: ${helpUri}`,
      markdown: `${d.description}\n\n**Fix:** ${d.fix}\n\n[Documentation of \`${code}\`](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: d.level },
    properties: { tags: ['genesys-cloud', 'permissions'] },
  };
}

/** Renders SARIF 2.1.0 as a JSON string. */
export function renderSarif(r: Report, toolVersion: string, opts: SarifOptions = {}): string {
  const root = opts.root ?? process.cwd();
  const codes: string[] = [...RULE_CODES];
  const list = orgFindings(r);
  for (const { finding } of list) if (!codes.includes(finding.code)) codes.push(finding.code);
  const prints = fingerprints(list);
  const manifestStart: SourceLocation | undefined = r.manifest ? { file: r.manifest, line: 1, column: 1 } : undefined;
  const results = list.map(({ finding: f, org }, i) => {
    const loc = f.location ?? manifestStart;
    return {
      ruleId: f.code,
      ruleIndex: codes.indexOf(f.code),
      level: LEVEL[f.severity],
      message: { text: messageText(f, org) },
      ...(loc ? { locations: [{ physicalLocation: physicalLocation(loc, root) }] } : {}),
      ...(f.related
        ? {
            relatedLocations: [
              {
                id: 1,
                physicalLocation: physicalLocation(f.related, root),
                message: { text: 'related place (e.g. the role to change)' },
              },
            ],
          }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: prints[i]! },
      // An accepted finding is suppressed (SARIF §3.35): a reviewed, external decision.
      ...(f.accepted
        ? { suppressions: [{ kind: 'external', status: 'accepted', justification: sarifText(f.accepted.reason) }] }
        : {}),
      properties: {
        ...(org !== undefined ? { org } : {}),
        ...(f.resource !== undefined ? { resource: f.resource } : {}),
        ...(f.operation !== undefined ? { operation: f.operation } : {}),
        ...(f.division !== undefined ? { division: f.division } : {}),
        ...(f.missing ? { missing: f.missing } : {}),
        ...(f.fatal ? { fatal: true } : {}),
        ...(f.accepted
          ? { accepted: { was: f.accepted.severity, ...(f.accepted.expires ? { expires: f.accepted.expires } : {}) } }
          : {}),
      },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'genesys-preflight',
            informationUri: PROJECT_URL,
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: codes.map(rule),
          },
        },
        automationDetails: { id: sarifAutomationId(opts.orgs) },
        invocations: [{ executionSuccessful: !list.some(({ finding }) => finding.fatal) }],
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
