import { describe, it, expect } from '@jest/globals';
import { MARKER_PATTERN, startsWithMarker, stickyMarker } from '../../src/github/comment.js';

describe('stickyMarker', () => {
  it('builds a hidden HTML comment naming the workflow and manifest', () => {
    expect(stickyMarker('Deploy', 'genesys-preflight.yml')).toBe(
      '<!-- genesys-preflight:Deploy:genesys-preflight.yml -->',
    );
    expect(stickyMarker('CI / deploy', 'deploy/prod.yml')).toBe(
      '<!-- genesys-preflight:CI / deploy:deploy/prod.yml -->',
    );
  });

  it('normalises the manifest path', () => {
    const plain = stickyMarker('Deploy', 'cfg/genesys-preflight.yml');
    expect(stickyMarker('Deploy', './cfg/genesys-preflight.yml')).toBe(plain);
    expect(stickyMarker('Deploy', 'cfg\\genesys-preflight.yml')).toBe(plain);
  });

  it('cannot be ended early or broken across lines by hostile names', () => {
    for (const [workflow, manifest] of [
      ['x -->', 'a.yml'],
      ['x--!>y', 'a.yml'],
      ['line\nbreak', 'a.yml'],
      ['<script>', '<!--.yml'],
      ['w', '--->.yml'],
      ['ü 🚀', 'a:b.yml'],
    ] as const) {
      const marker = stickyMarker(workflow, manifest);
      const inner = marker.slice('<!--'.length, -'-->'.length);
      expect(inner).not.toMatch(/--|[<>\n]/);
      expect(marker.endsWith(' -->')).toBe(true);
      expect(marker.match(MARKER_PATTERN)).toEqual([marker]);
    }
  });

  it('gives distinct markers for distinct inputs (":" in names cannot collide)', () => {
    expect(stickyMarker('a:b', 'c')).not.toBe(stickyMarker('a', 'b:c'));
    expect(stickyMarker('a%3Ab', 'c')).not.toBe(stickyMarker('a:b', 'c'));
    expect(stickyMarker('Deploy', 'a.yml')).not.toBe(stickyMarker('Deploy', 'a.yml.bak'));
  });
});

describe('startsWithMarker', () => {
  const marker = stickyMarker('Deploy', 'genesys-preflight.yml');
  it('is true only when the body starts with the marker (BOM and leading white space aside)', () => {
    expect(startsWithMarker(`${marker}\n## report`, marker)).toBe(true);
    expect(startsWithMarker(`\uFEFF \n${marker}\nx`, marker)).toBe(true);
    expect(startsWithMarker(`## report\n${marker}`, marker)).toBe(false);
    expect(startsWithMarker(`flow \`${marker}\``, marker)).toBe(false);
    expect(startsWithMarker('', marker)).toBe(false);
  });

  it('no marker is a prefix of another one', () => {
    const names = ['Deploy', 'Deploy ', 'Deploy -', 'Deploy --', 'a.yml', 'a.yml -->', 'a.yml.bak', 'a', 'a:b'];
    const markers = names.flatMap((w) => names.map((m) => stickyMarker(w, m)));
    for (const a of markers) for (const b of markers) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
});
