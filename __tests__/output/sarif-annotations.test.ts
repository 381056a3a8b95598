/**
 * SARIF and workflow annotations of hostile names: SARIF messages are plain text with no
 * control character and no embedded link, file URIs are URI references that decode to the
 * path; annotations carry no control character from a name (the only line break is ours,
 * before "Fix:") and, written through @actions/core, each is exactly one workflow-command line.
 */
import { describe, it, expect, jest, afterEach } from '@jest/globals';
import * as core from '@actions/core';
import fc from 'fast-check';
import { renderSarif } from '../../src/report/sarif.js';
import { annotationsFor } from '../../src/report/annotations.js';
import { sarifText, sarifUri } from '../../src/report/escape.js';
import { hostile, reportWith } from './hostile-report.js';
import { hostileName } from './support.js';

const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;

/** True when every `[` and `]` is escaped (preceded by an odd run of backslashes). */
function bracketsEscaped(text: string): boolean {
  for (const m of text.matchAll(/(\\*)[[\]]/g)) if (m[1]!.length % 2 === 0) return false;
  return true;
}

describe('SARIF', () => {
  it('messages are plain text without control characters or embedded links; URIs decode to the paths', () => {
    const r = reportWith(hostile);
    const sarif = JSON.parse(renderSarif(r, '0.0.0')) as {
      runs: Array<{
        results: Array<{
          message: { text: string };
          locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
        }>;
      }>;
    };
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(1 + 3);
    // A finding without a place points at the manifest's first line.
    const files = [...r.findings, ...r.orgs.flatMap((o) => o.findings)].map((f) => f.location?.file ?? r.manifest);
    const uris: string[] = [];
    for (const res of results) {
      expect(res.message.text).not.toMatch(HIDDEN);
      expect(bracketsEscaped(res.message.text)).toBe(true);
      for (const loc of res.locations ?? []) uris.push(loc.physicalLocation.artifactLocation.uri);
    }
    for (const uri of uris) {
      expect(uri).toMatch(/^[A-Za-z0-9\-._~@%/]*$/);
      expect(new URL(uri, 'file:///workspace/').href.startsWith('file:///workspace/')).toBe(true);
    }
    expect(uris.map(decodeURIComponent)).toEqual(files.map((f) => f.replace(/\\/g, '/')));
  });

  it('sarifText and sarifUri hold for any name', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        const t = sarifText(name);
        expect(t).not.toMatch(HIDDEN);
        expect(bracketsEscaped(t)).toBe(true);
        const uri = sarifUri(name);
        expect(uri).toMatch(/^[A-Za-z0-9\-._~@%/]*$/);
        if (!/[\ud800-\udfff]/.test(name)) expect(decodeURIComponent(uri)).toBe(name.replace(/\\/g, '/'));
      }),
      { numRuns: 1000 },
    );
    expect(sarifText('see [x](1) \\[y]')).toBe('see \\[x\\](1) \\\\\\[y\\]');
  });
});

describe('annotations', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('carry no control character from a name; the only line break is the one before "Fix:"', () => {
    const list = annotationsFor(reportWith(hostile), 'see the job summary');
    expect(list.length).toBeGreaterThan(2);
    for (const a of list) {
      expect(a.title).not.toMatch(HIDDEN);
      expect(a.file ?? '').not.toMatch(HIDDEN);
      const [message, fix, ...rest] = a.message.split('\n');
      expect(rest).toEqual([]);
      expect(message).not.toMatch(HIDDEN);
      if (fix !== undefined) expect(fix).toMatch(/^Fix: [^\u0000-\u001f]*$/);
    }
  });

  it('written by @actions/core, each is one workflow-command line that no name can end early', () => {
    const written: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const list = annotationsFor(reportWith(hostile), 'see the job summary');
    for (const a of list) {
      const props: core.AnnotationProperties = { title: a.title };
      if (a.file) props.file = a.file;
      if (a.startLine) props.startLine = a.startLine;
      core[a.level](a.message, props);
    }
    jest.restoreAllMocks();
    const lines = written.join('').split(/\r?\n/).filter(Boolean);
    expect(lines).toHaveLength(list.length);
    for (const [i, line] of lines.entries()) {
      expect(line.startsWith(`::${list[i]!.level} `)).toBe(true);
      // The title's ":" and "," are percent-encoded, so the properties end where core put "::".
      const props = line.slice(2, line.indexOf('::', 2));
      expect(props).toMatch(new RegExp(`^${list[i]!.level} title=genesys-preflight[^:]*(,file=[^:,]*)?(,line=\\d+)?$`));
    }
  });
});
