/**
 * The JSON report, serialised piece by piece: a run over 10,000 resources and 10 orgs has
 * hundreds of thousands of requirement entries, and one JSON.stringify of the whole report would
 * hold a string of hundreds of MB. The output is the same JSON document (one requirement or
 * finding per line).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Report } from './model.js';
import { cached } from '../util/memo.js';

/** Yields the report's JSON text in chunks (valid JSON once concatenated). */
export function* reportJsonChunks(r: Report): Generator<string> {
  const { orgs, findings, ...head } = r;
  const headText = JSON.stringify(head, null, 2);
  yield `${headText.slice(0, -2)},\n  "findings": [`;
  yield* list(findings, '    ');
  yield '],\n  "orgs": [';
  for (let i = 0; i < orgs.length; i++) {
    const { requirements, findings: of, ...org } = orgs[i]!;
    const orgText = JSON.stringify(org);
    yield `${i ? ',' : ''}\n    ${orgText.slice(0, -1)},"requirements":[`;
    yield* list(requirements, '      ');
    yield '],"findings":[';
    yield* list(of, '      ');
    yield ']}';
  }
  yield '\n  ]\n}\n';
}

/** Requirement objects are shared by every org a resource goes to: serialise each once. */
const serialised = new WeakMap<object, string>();

function stringify(item: unknown): string {
  if (item === null || typeof item !== 'object') return JSON.stringify(item);
  return cached(serialised, item, () => JSON.stringify(item));
}

function* list(items: readonly unknown[], indent: string): Generator<string> {
  const batch: string[] = [];
  for (let i = 0; i < items.length; i++) {
    batch.push(`${i ? ',' : ''}\n${indent}${stringify(items[i])}`);
    if (batch.length === 512) {
      yield batch.join('');
      batch.length = 0;
    }
  }
  if (batch.length) yield batch.join('');
}

/** Writes the JSON report to a file descriptor or path without building it as one string. */
export function writeJsonReport(r: Report, target: string | number): void {
  const fd = typeof target === 'number' ? target : openSync(target, 'w');
  try {
    let buffer = '';
    for (const chunk of reportJsonChunks(r)) {
      buffer += chunk;
      if (buffer.length > 1 << 16) {
        writeAll(fd, buffer);
        buffer = '';
      }
    }
    if (buffer) writeAll(fd, buffer);
  } finally {
    if (typeof target !== 'number') closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off);
    } catch (e) {
      // stdout may be a non-blocking pipe: retry when it is momentarily full
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}
