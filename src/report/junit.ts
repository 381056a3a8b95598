/**
 * JUnit XML output (`--format junit`), in the shape Jenkins (junit step), GitLab
 * (`artifacts:reports:junit`) and Azure Pipelines (PublishTestResults@2, `testResultsFormat: JUnit`)
 * read: `<testsuites>` with one `<testsuite>` per org (and one named `genesys-preflight` for
 * findings not tied to an org), and per suite one `<testcase>` per deployed resource (`flow:Main
 * IVR`: "this resource can be deployed to this org") plus one per finding about no resource.
 *
 * - a testcase with a fatal finding (the check could not be done) has an `<error>`;
 * - else one with a finding at or above `--fail-on` has a `<failure>` (type = the finding code);
 * - the testcase's other findings (below `--fail-on`) are listed in its `<system-out>`, so the
 *   counts match the exit code: the run fails exactly when a testcase has an error or a failure.
 *
 * Element order and attributes follow the common JUnit XSD (Jenkins' junit-10.xsd): testcase =
 * error/failure, then system-out. Every name is text: XML-escaped (`&`, `<`, `>`, quotes), its
 * control characters shown as escapes (`\n`, `\x1B`, `\u{202E}`, as in the terminal output), and
 * no character XML 1.0 forbids survives (no CDATA is used, so `]]>` ends nothing).
 */
import type { Finding } from '../types.js';
import { type FailOn, type Report } from './model.js';
import { visibleControls } from './escape.js';

/** Characters XML 1.0 allows (§2.2 Char), besides the hidden ones visibleControls already escapes. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Plain text for XML: hidden characters shown as escapes, anything XML 1.0 forbids replaced by U+FFFD. */
function visible(s: string): string {
  return visibleControls(s).replace(NOT_XML_CHAR, '\ufffd');
}

/**
 * Element text: `&`, `<`, `>` escaped (so `]]>` cannot appear either), CR as `&#13;` (a parser
 * would turn a raw CR into LF); characters XML 1.0 forbids become U+FFFD. LF and tab stay.
 */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML_CHAR, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value (double-quoted): text escapes plus `"`, `'`, and tab/LF as character references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');

function blocking(f: Finding, failOn: FailOn): boolean {
  return (
    f.fatal === true ||
    (failOn !== 'never' && (f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning')))
  );
}

/** One finding as lines of text: `error missing-permission at file:3:5`, the message, the fix (or why it is accepted). */
function findingText(f: Finding): string {
  const at = f.location ? ` at ${visible(f.location.file)}:${f.location.line}:${f.location.column}` : '';
  const tail = f.accepted
    ? `\n  accepted (was ${f.accepted.severity}): ${visible(f.accepted.reason)}`
    : f.fix
      ? `\n  fix: ${visible(f.fix)}`
      : '';
  return `${f.severity} ${f.code}${at}\n  ${visible(f.message)}${tail}`;
}

interface Case {
  name: string;
  file?: string;
  findings: Finding[];
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
}

function renderCase(c: Case, classname: string, failOn: FailOn, counts: Counts): string {
  const fatal = c.findings.filter((f) => f.fatal);
  const failing = c.findings.filter((f) => blocking(f, failOn));
  const other = c.findings.filter((f) => !blocking(f, failOn));
  counts.tests++;
  let body = '';
  if (failing.length) {
    const tag = fatal.length ? 'error' : 'failure';
    if (fatal.length) counts.errors++;
    else counts.failures++;
    const first = (fatal[0] ?? failing[0])!;
    const message =
      failing.length === 1
        ? visible(first.message)
        : `${failing.length} blocking findings; the first: ${visible(first.message)}`;
    body += `\n      <${tag}${attrs({ type: first.code, message })}>${xmlText(failing.map(findingText).join('\n'))}</${tag}>`;
  }
  if (other.length) body += `\n      <system-out>${xmlText(other.map(findingText).join('\n'))}</system-out>`;
  const head = `    <testcase${attrs({ classname, name: visible(c.name), file: c.file !== undefined ? visible(c.file) : undefined, time: 0 })}`;
  return body ? `${head}>${body}\n    </testcase>` : `${head}/>`;
}

function renderSuite(
  name: string,
  cases: Case[],
  failOn: FailOn,
  properties: Record<string, string>,
  total: Counts,
): string {
  const counts: Counts = { tests: 0, failures: 0, errors: 0 };
  const classname = `genesys-preflight.${visible(name)}`;
  const body = cases.map((c) => renderCase(c, classname, failOn, counts)).join('\n');
  total.tests += counts.tests;
  total.failures += counts.failures;
  total.errors += counts.errors;
  const props = Object.entries(properties)
    .map(([k, v]) => `\n      <property${attrs({ name: k, value: visible(v) })}/>`)
    .join('');
  const open = `  <testsuite${attrs({ name: visible(name), tests: counts.tests, failures: counts.failures, errors: counts.errors, skipped: 0, time: 0 })}>`;
  return `${open}${props ? `\n    <properties>${props}\n    </properties>` : ''}${body ? `\n${body}` : ''}\n  </testsuite>`;
}

/** One testcase per finding about no resource, named by its code and message. */
function findingCase(f: Finding): Case {
  const name = `${f.code}: ${f.message.length > 160 ? `${f.message.slice(0, 159)}…` : f.message}`;
  return { name, ...(f.location ? { file: f.location.file } : {}), findings: [f] };
}

/** Renders the report as JUnit XML; `failOn` decides which findings fail their testcase (as the exit code does). */
export function renderJunit(r: Report, failOn: FailOn): string {
  const total: Counts = { tests: 0, failures: 0, errors: 0 };
  const suites: string[] = [];
  if (r.findings.length)
    suites.push(renderSuite('genesys-preflight', r.findings.map(findingCase), failOn, { manifest: r.manifest }, total));
  for (const o of r.orgs) {
    const byResource = new Map<string, Case>();
    for (const q of o.requirements) {
      if (!byResource.has(q.resource))
        byResource.set(q.resource, { name: q.resource, file: q.location.file, findings: [] });
    }
    const loose: Case[] = [];
    for (const f of o.findings) {
      if (f.resource === undefined) {
        loose.push(findingCase(f));
        continue;
      }
      let c = byResource.get(f.resource);
      if (!c)
        byResource.set(
          f.resource,
          (c = { name: f.resource, ...(f.location ? { file: f.location.file } : {}), findings: [] }),
        );
      c.findings.push(f);
    }
    const properties: Record<string, string> = { region: o.region, principal: o.principal, mode: r.mode };
    if (o.orgId) properties.orgId = o.orgId;
    suites.push(renderSuite(o.name, [...byResource.values(), ...loose], failOn, properties, total));
  }
  const open = `<testsuites${attrs({ name: 'genesys-preflight', tests: total.tests, failures: total.failures, errors: total.errors, time: 0 })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}${suites.length ? `\n${suites.join('\n')}` : ''}\n</testsuites>\n`;
}
