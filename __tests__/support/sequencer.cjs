/**
 * Jest test sequencer: jest's own order (failed first, then the longest suites by the durations of
 * earlier runs), except that a suite jest has no duration for (every suite in a fresh clone, as CI
 * runs) is placed by its duration on a quiet 2-core machine from `suite-weights.json`, not by file
 * size: the slow suites then start first and the two workers finish together.
 *
 * `suite-weights.json` holds suites of 1 s or more, in ms; regenerate it from a run's report:
 *   npm test -- --json --outputFile=/tmp/run.json && node __tests__/support/suite-weights.cjs /tmp/run.json
 */
const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const weights = require('./suite-weights.json');

class KnownSlowFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const weight = (t) => t.duration ?? weights[relative(t.context.config.rootDir, t.path)] ?? 0;
    // Array#sort is stable: suites of equal weight keep jest's order.
    return [...sorted].sort((a, b) => weight(b) - weight(a));
  }
}

module.exports = KnownSlowFirst;
