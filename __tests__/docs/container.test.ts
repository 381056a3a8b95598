/**
 * The container image (Dockerfile), checked by reading it: no Docker engine is needed. What it
 * copies exists and passes .dockerignore, the entry point is a copied file, it runs as a user
 * other than root, and its Node.js major is the one action.yml runs on.
 */
import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse as parseYaml } from 'yaml';

const ROOT = process.cwd();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile instructions: comments dropped, `\` continuations joined. */
function instructions(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

const STEPS = instructions(read('Dockerfile'));
const all = (op: string) => STEPS.filter((s) => s.op === op);

/** COPY sources and destination (flags such as --chown dropped; no COPY --from stage here). */
const COPIES = all('COPY').map((c) => {
  const parts = c.args.split(/\s+/).filter((p) => !p.startsWith('--'));
  return { sources: parts.slice(0, -1), dest: parts[parts.length - 1]! };
});

describe('Dockerfile', () => {
  it('copies only dist/ and schema/, and both exist', () => {
    expect(all('ADD')).toEqual([]);
    expect(all('COPY').some((c) => c.args.includes('--from'))).toBe(false);
    const sources = COPIES.flatMap((c) => c.sources);
    expect(sources.sort()).toEqual(['dist/', 'schema/']);
    for (const s of sources) expect({ s, exists: existsSync(join(ROOT, s)) }).toEqual({ s, exists: true });
    expect(existsSync(join(ROOT, 'dist/cli/index.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'schema/manifest.schema.json'))).toBe(true);
  });

  it('.dockerignore keeps everything else out of the build context', () => {
    const rules = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(rules[0]).toBe('*');
    const allowed = rules.filter((r) => r.startsWith('!')).map((r) => r.slice(1).replace(/\/$/, ''));
    for (const s of COPIES.flatMap((c) => c.sources)) expect(allowed).toContain(s.replace(/\/$/, ''));
  });

  it('the entry point runs the copied CLI bundle', () => {
    const entrypoint = JSON.parse(all('ENTRYPOINT').at(-1)!.args) as string[];
    expect(entrypoint[0]).toBe('node');
    const script = entrypoint[1]!;
    const copy = COPIES.find((c) => script.startsWith(c.dest));
    expect(copy).toBeDefined();
    const local = posix.join(copy!.sources[0]!, script.slice(copy!.dest.length));
    expect(local).toBe('dist/cli/index.js');
    expect(existsSync(join(ROOT, local))).toBe(true);
    // the genesys-preflight command: a link to the same file, which starts with a node shebang
    expect(all('RUN').some((r) => r.args.includes(`ln -s ${script} /usr/local/bin/genesys-preflight`))).toBe(true);
    expect(read(local).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs as a user other than root, in /github/workspace', () => {
    const user = all('USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(all('WORKDIR').at(-1)?.args).toBe('/github/workspace');
  });

  it('uses the Node.js major action.yml runs on', () => {
    const from = all('FROM');
    expect(from).toHaveLength(1);
    const node = /^node:(\d+)-slim$/.exec(from[0]!.args);
    const using = (parseYaml(read('action.yml')) as { runs: { using: string } }).runs.using;
    expect(node && `node${node[1]}`).toBe(using);
  });
});
