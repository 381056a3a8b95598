/**
 * What the npm package is: only the bundles, the schemas and the action metadata (`files`), no
 * runtime dependencies (dist/ bundles them), Node.js 22 or later, a `bin` inside dist/. Checked
 * on package.json, on `npm pack --dry-run` (which lists the files without the network), and by
 * running the bundles copied away from node_modules.
 */
import { describe, it, expect, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../support/runner.js';

const ROOT = process.cwd();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  files?: string[];
  engines?: { node?: string };
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

const FILES = ['dist/', 'schema/', 'action.yml', 'README.md', 'LICENSE', 'CHANGELOG.md'];

describe('package.json', () => {
  it('ships only dist/, schema/, action.yml, README.md, LICENSE and CHANGELOG.md', () => {
    expect([...(pkg.files ?? [])].sort()).toEqual([...FILES].sort());
    for (const f of FILES) expect({ f, exists: existsSync(join(ROOT, f)) }).toEqual({ f, exists: true });
  });

  it('needs Node.js 22 or later', () => {
    expect(pkg.engines?.node).toBe('>=22');
  });

  it('has no runtime dependencies: dist/ bundles them (they are devDependencies)', () => {
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
    for (const name of ['@actions/core', '@actions/github', 'ajv', 'yaml']) {
      expect(pkg.devDependencies).toHaveProperty(name);
    }
  });

  it('every bin points at an executable bundle in dist/', () => {
    const bins = Object.entries(pkg.bin ?? {});
    expect(bins.map(([name]) => name)).toContain('genesys-preflight');
    for (const [, path] of bins) {
      expect(path.startsWith('dist/')).toBe(true);
      expect(readFileSync(join(ROOT, path), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    }
  });
});

describe('npm pack --dry-run', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
    },
  });
  const packed = r.status === 0 ? (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>) : [];
  const listed = packed[0]?.files.map((f) => f.path) ?? [];

  it('lists the package files', () => {
    expect(r.status).toBe(0);
    expect(listed).toEqual(
      expect.arrayContaining([
        'package.json',
        'action.yml',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'dist/action/index.js',
        'dist/cli/index.js',
        'schema/manifest.schema.json',
        'schema/report.schema.json',
      ]),
    );
  });

  it('holds nothing but the shipped files: no src/, __tests__/ or anything else', () => {
    const shipped = (p: string) =>
      p === 'package.json' || FILES.some((f) => (f.endsWith('/') ? p.startsWith(f) : p === f));
    expect(listed.filter((p) => !shipped(p))).toEqual([]);
    expect(listed.filter((p) => /^(src|__tests__)\//.test(p))).toEqual([]);
  });
});

describe('the bundles need no node_modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gp-pack-'));
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a copy of the CLI outside the repository checks the example', () => {
    const env = { PATH: process.env.PATH ?? '' };
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [join(dir, 'dist/cli/index.js'), ...args], { cwd: dir, encoding: 'utf8', env });
    expect(cli(['--help']).status).toBe(0);
    const manifest = join(ROOT, 'examples/genesys-preflight.yml');
    const check = cli(['check', '--manifest', manifest, '--mode', 'offline', '--fail-on', 'never']);
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
    expect(check.stdout).toMatch(/prod-eu/);
  });

  it('a copy of the action bundle runs on the example', async () => {
    const r = await runAction(
      join(dir, 'dist/action/index.js'),
      { manifest: 'examples/genesys-preflight.yml', mode: 'offline', 'fail-on': 'never', comment: 'never' },
      {},
      ROOT,
    );
    expect(r.code).toBe(0);
    expect(r.outputs.errors).toMatch(/^[1-9]\d*$/);
  });
});
