/**
 * One offline benchmark run, in its own process: generates a manifest of R resources across O
 * orgs, then times each stage (load, plan, evaluate, report) and records the peak RSS after each.
 * Prints one JSON line. Built with ncc by bench/run.ts so it measures bundled code.
 *
 *   node offline-child.js RESOURCES ORGS WORKDIR
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadManifest } from '../src/manifest/load.js';
import { expandResources } from '../src/expand/resources.js';
import { requirementsByResource } from '../src/engine.js';
import { bundledCatalog } from '../src/catalog/bundled.js';
import { declaredPrincipal } from '../src/grants/declared.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { lintPrincipal } from '../src/evaluate/lint.js';
import { compareFindings, exitCode, summarize, type OrgReport, type Report } from '../src/report/model.js';
import { renderText } from '../src/report/text.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { annotationsFor } from '../src/report/annotations.js';
import { writeJsonReport } from '../src/report/json.js';

const [resourcesArg, orgsArg, dir] = process.argv.slice(2);
const R = Number(resourcesArg);
const O = Number(orgsArg);
mkdirSync(dir!, { recursive: true });

/** A manifest with R resources (60% flows, 15% schedule groups, 10% scripts, 10% WFM moves, 5% WFM schedules) and O orgs. */
function generate(): string {
  const divisions = ['Home', 'Support', 'Sales', 'Billing', 'Ops'];
  const lines = ['version: 1', 'defaults: {deployer: archy}', 'orgs:'];
  for (let o = 0; o < O; o++) {
    // every third org lacks the Ops division grant and the schedule-group role: findings to report
    const full = o % 3 !== 2;
    lines.push(`  - name: org${o}`, `    region: us-east-1`, `    principal:`, `      grant: client-credentials`, `      roles:`);
    lines.push(`        - {role: Flow Deployer, divisions: [${(full ? divisions : divisions.slice(0, 4)).join(', ')}]}`);
    if (full) lines.push(`        - {role: Ops, divisions: ['*']}`);
  }
  lines.push('roles:', '  Flow Deployer: {permissions: [architect:flow:*, architect:job:*, routing:queue:view]}');
  lines.push('  Ops: {permissions: [routing:scheduleGroup:*, scripter:*:*, wfm:agent:edit, wfm:schedule:*, directory:user:view]}');
  const flows: string[] = [];
  const groups: string[] = [];
  const scripts: string[] = [];
  const moves: string[] = [];
  const schedules: string[] = [];
  for (let i = 0; i < R; i++) {
    const d = divisions[i % divisions.length];
    const k = i % 20;
    if (k < 12) flows.push(`  - {name: Flow ${i}, type: inboundcall, division: ${d}}`);
    else if (k < 15) groups.push(`  - {name: Group ${i}, division: ${d}}`);
    else if (k < 17) scripts.push(`  - {name: Script ${i}, division: ${d}}`);
    else if (k < 19) moves.push(`    - {businessUnit: BU, managementUnit: MU ${i}, agents: [a${i}@example.com], division: ${d}}`);
    else schedules.push(`    - {businessUnit: BU ${i}, publish: true, division: ${d}}`);
  }
  lines.push('flows:', ...flows, 'scheduleGroups:', ...groups, 'scripts:', ...scripts, 'wfm:', '  agentAssignments:', ...moves, '  schedules:', ...schedules);
  const file = join(dir!, `m-${R}-${O}.yml`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const file = generate();
const rss = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB → MiB
const stages: Array<{ stage: string; ms: number; peakRssMb: number }> = [];
const time = <T>(stage: string, fn: () => T): T => {
  const t0 = performance.now();
  const v = fn();
  stages.push({ stage, ms: performance.now() - t0, peakRssMb: rss() });
  return v;
};
const catalog = time('catalog', () => bundledCatalog());
const loaded = time('load', () => loadManifest(file));
const { resources, byResource } = time('plan', () => {
  const { resources } = expandResources(loaded);
  return { resources, byResource: requirementsByResource(resources, catalog) };
});
const orgs = time('evaluate', () =>
  loaded.manifest.orgs.map((org, i): OrgReport => {
    const principal = declaredPrincipal(loaded, i)!;
    const requirements = resources.filter((r) => r.orgs.includes(org.name)).flatMap((r) => byResource.get(r) ?? []);
    const findings = [...lintPrincipal(principal, catalog, org.name), ...evaluate(requirements, principal, org.name)].sort(compareFindings);
    return { name: org.name, orgId: null, region: org.region, principal: 'declared', passed: !findings.some((f) => f.severity === 'error'), requirements, findings };
  }),
);
const sizes = time('report', () => {
  const all = orgs.flatMap((o) => o.findings);
  const report: Report = { version: 1, mode: 'offline', passed: false, manifest: file, summary: summarize(all), orgs, findings: [] };
  report.passed = report.summary.errors === 0;
  const exit = exitCode(report, 'error');
  const part = <T>(fn: () => T): [T, number] => {
    const t0 = performance.now();
    const v = fn();
    return [v, performance.now() - t0];
  };
  const [text, textMs] = part(() => renderText(report, exit));
  const [md, markdownMs] = part(() => renderMarkdown(report, exit));
  const [ann, annotationsMs] = part(() => annotationsFor(report, 'see the summary'));
  const jsonPath = join(dir!, `report-${R}-${O}.json`);
  const [, jsonMs] = part(() => writeJsonReport(report, jsonPath));
  return { text: text.length, markdown: md.length, json: statSync(jsonPath).size, annotations: ann.length, findings: all.length, reportMs: { textMs, markdownMs, annotationsMs, jsonMs } };
});
const requirements = orgs.reduce((n, o) => n + o.requirements.length, 0);
process.stdout.write(JSON.stringify({ resources: R, orgs: O, requirements, ...sizes, stages, totalMs: stages.filter((s) => s.stage !== 'catalog').reduce((a, s) => a + s.ms, 0), peakRssMb: rss() }) + '\n');
