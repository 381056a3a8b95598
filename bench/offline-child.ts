/**
 * One offline benchmark run, in its own process: generates a manifest of R resources across O
 * orgs (bench/generate.ts), then times each stage (load; check = runCheck: resources, plan and the
 * evaluation, orgs with the same principal and resources evaluated once; report) and records the
 * peak RSS after each, and the JSON report's size with and without its org findings.
 * Prints one JSON line. Built with ncc by bench/run.ts so it measures bundled code.
 *
 *   node offline-child.js RESOURCES ORGS WORKDIR
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadManifest } from '../src/manifest/load.js';
import { runCheck } from '../src/engine.js';
import { bundledCatalog } from '../src/catalog/bundled.js';
import { exitCode } from '../src/report/model.js';
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
const time = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const v = await fn();
  stages.push({ stage, ms: performance.now() - t0, peakRssMb: rss() });
  return v;
};
const catalog = await time('catalog', () => bundledCatalog());
const loaded = await time('load', () => loadManifest(file));
const report = await time('check', () => runCheck({ manifestPath: file, loaded, mode: 'offline', catalog }));
const sizes = await time('report', () => {
  const all = report.orgs.flatMap((o) => o.findings);
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
  // The same report without its org findings: what the JSON report needs for calls, requirements, resources and orgs.
  const tablesPath = join(dir!, `tables-${R}-${O}.json`);
  writeJsonReport({ ...report, orgs: report.orgs.map((o) => ({ ...o, findings: [] })) }, tablesPath);
  const jsonTables = statSync(tablesPath).size;
  const reportMs = { textMs, markdownMs, annotationsMs, jsonMs };
  return {
    text: text.length,
    markdown: md.length,
    json,
    jsonTables,
    annotations: ann.length,
    findings: all.length,
    reportMs,
  };
});
const requirements = report.orgs.reduce((n, o) => n + o.requirements.length, 0);
process.stdout.write(
  JSON.stringify({
    resources: R,
    orgs: O,
    requirements,
    ...sizes,
    stages,
    totalMs: stages.filter((s) => s.stage !== 'catalog').reduce((a, s) => a + s.ms, 0),
    peakRssMb: rss(),
  }) + '\n',
);
