/**
 * The formats `diagnose` recognises, with the corpus logs of each (__tests__/fixtures/logs/formats.json),
 * and docs/DIAGNOSE.md's table of them: every log is under one format, its failures are of the kinds
 * the format gives (none for the negative cases), and the table's counts are the corpus's.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDeployLog } from '../../src/diagnose/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOGS = join(ROOT, '__tests__', 'fixtures', 'logs');

interface Format {
  name: string;
  kinds: string[];
  logs: string[];
}
const formats = (JSON.parse(readFileSync(join(LOGS, 'formats.json'), 'utf8')) as { formats: Format[] }).formats;
const corpus = readdirSync(LOGS)
  .filter((f) => f.endsWith('.log'))
  .sort();

/** The rows of the doc's table of formats: first cell (the name) → the count cell. */
function docTable(): Map<string, number> {
  const doc = readFileSync(join(ROOT, 'docs', 'DIAGNOSE.md'), 'utf8');
  const start = doc.indexOf('<!-- formats table -->');
  const end = doc.indexOf('<!-- end formats table -->');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const rows = new Map<string, number>();
  for (const line of doc.slice(start, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | Format | What the log shows | Kind | Fixtures |
    if (cells.length < 6 || !/^\d+$/.test(cells[4]!)) continue;
    rows.set(cells[1]!, Number(cells[4]));
  }
  return rows;
}

describe('the formats of the corpus', () => {
  it('every corpus log is listed under exactly one format, and every listed log exists', () => {
    const listed = formats.flatMap((f) => f.logs).sort();
    expect(listed).toEqual(corpus);
  });

  it.each(formats.map((f) => [f.name, f] as const))('%s: each log gives failures of its kinds only', (_n, f) => {
    for (const log of f.logs) {
      const got = parseDeployLog(readFileSync(join(LOGS, log), 'utf8'));
      if (f.kinds.length === 0) expect({ log, got }).toEqual({ log, got: [] });
      else {
        expect({ log, count: got.length > 0 }).toEqual({ log, count: true });
        for (const x of got) expect({ log, kind: x.kind, ok: f.kinds.includes(x.kind) }).toMatchObject({ ok: true });
      }
    }
  });

  it("docs/DIAGNOSE.md's table lists every format with its number of corpus logs", () => {
    const table = docTable();
    expect([...table.keys()]).toEqual(formats.map((f) => f.name));
    for (const f of formats) expect([f.name, table.get(f.name)]).toEqual([f.name, f.logs.length]);
    const doc = readFileSync(join(ROOT, 'docs', 'DIAGNOSE.md'), 'utf8');
    expect(doc).toContain(`${corpus.length} logs`);
  });
});
