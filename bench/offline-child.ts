/**
 * One offline benchmark run, in its own process: generates a manifest of R resources across O
 * orgs (bench/generate.ts), then times each stage (load, plan, evaluate, report) and records the
 * peak RSS after each, and the JSON report's size with and without its findings.
 * Prints one JSON line. Built with ncc by bench/run.ts so it measures bundled code.
 *
 *   node offline-child.js RESOURCES ORGS WORKDIR
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadManifest } from '../src/manifest/load.js';
import { expandResources } from '../src/resources/expand.js';
import { requirementsByResource } from '../src/engine.js';
import { bundledCatalog } from '../src/catalog/bundled.js';
import { declaredPrincipal } from '../src/grants/declared.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { lintPrincipal } from '../src/evaluate/lint.js';
import { compareFindings, exitCode, REPORT_VERSION, summarize, type OrgReport, type Report } from '../src/report/model.js';
import { renderText } from '../src/report/text.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { annotationsFor } from '../src/report/annotations.js';
import { writeJsonReport } from '../src/report/json.js';
import { generateManifest } from './generate.js';

const [resourcesArg, orgsArg, dir] = process.argv.slice(2);
const R = Number(resourcesArg);
const O = Number(orgsArg);
mkdirSync(dir!, { recursive: true });

/** Writes the generated manifest (bench/generate.ts) for R resources and O orgs. */
function generate(): string {
  const file = join(dir!, `m-${R}-${O}.yml`);
  writeFileSync(file, generateManifest(R, O));
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
  const report: Report = { version: REPORT_VERSION, mode: 'offline', passed: false, manifest: file, summary: summarize(all), orgs, findings: [] };
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
  const json = statSync(jsonPath).size;
  // The same report without its findings: what the JSON report v2 needs for requirements, resources and orgs.
  const tablesPath = join(dir!, `tables-${R}-${O}.json`);
  writeJsonReport({ ...report, orgs: orgs.map((o) => ({ ...o, findings: [] })) }, tablesPath);
  const jsonTables = statSync(tablesPath).size;
  const reportMs = { textMs, markdownMs, annotationsMs, jsonMs };
  return { text: text.length, markdown: md.length, json, jsonTables, annotations: ann.length, findings: all.length, reportMs };
});
const requirements = orgs.reduce((n, o) => n + o.requirements.length, 0);
process.stdout.write(JSON.stringify({ resources: R, orgs: O, requirements, ...sizes, stages, totalMs: stages.filter((s) => s.stage !== 'catalog').reduce((a, s) => a + s.ms, 0), peakRssMb: rss() }) + '\n');
