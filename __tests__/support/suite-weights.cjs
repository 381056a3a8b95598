/**
 * Writes __tests__/support/suite-weights.json (the sequencer's durations for suites jest has no
 * timing for) from a jest JSON report: `node __tests__/support/suite-weights.cjs REPORT.json`.
 * Suites of 1 s or more, in ms rounded to 100, longest first.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..', '..');
const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const rows = report.testResults
  .map((t) => [relative(root, t.name), Math.round((t.endTime - t.startTime) / 100) * 100])
  .filter(([, ms]) => ms >= 1000)
  .sort((a, b) => b[1] - a[1]);
writeFileSync(join(__dirname, 'suite-weights.json'), `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
