/**
 * Path confinement (src/util/paths.ts, readTextFile): every input file resolves inside the
 * workspace root, is not under .git and is a regular file, all checked before it is opened. Each
 * test builds a small workspace in a temp directory and injects it as the root.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { confinePath, isInside, operatorRoot, showPath, workspaceRoot } from '../../src/util/paths.js';
import { readTextFile } from '../../src/util/read-file.js';
import { loadManifest } from '../../src/manifest/load.js';
import { expandResources } from '../../src/resources/expand.js';
import { importTerraformPlan } from '../../src/resources/terraform.js';
import { loadCatalogOption } from '../../src/catalog/option.js';
import { PreflightError } from '../../src/util/errors.js';
import type { Finding } from '../../src/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = 'ghp_FAKEsecret0123456789abcdefABCDEF0123';
const AUTH = 'AUTHORIZATION: basic ZmFrZQ==';

let tmp: string;
beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'genesys-preflight-confine-')));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh workspace: files (path → text), with a .git/config holding a fake checkout credential. */
function workspace(spec: Record<string, string> = {}): string {
  const dir = join(tmp, `ws-${++n}`);
  const all = { '.git/config': `[http]\n\textraheader = ${AUTH}\n`, ...spec };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  // A secret outside the workspace, next to it.
  writeFileSync(`${dir}-secret.yaml`, `token: ${SECRET}\n`);
  return dir;
}
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
const errorOf = (r: object): Finding => {
  expect(r).toHaveProperty('error');
  return (r as { error: Finding }).error;
};
const FROM = { file: 'm.yml', line: 3, column: 9 };

const HEAD = [
  'version: 1',
  'orgs:',
  '  - name: prod',
  '    region: us-east-1',
  '    principal:',
  '      grant: client-credentials',
  '      roles: [{role: D, divisions: ["*"]}]',
  'roles:',
  '  D: {permissions: ["architect:flow:*"]}',
];
const manifest = (...more: string[]) => [...HEAD, ...more].join('\n') + '\n';
const FLOW = 'inboundCall:\n  name: Main\n  division: Home\n';

/** The findings of a PreflightError thrown by `fn`. */
function findingsOf(fn: () => unknown): Finding[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof PreflightError) return e.findings;
    throw e;
  }
  throw new Error('expected a PreflightError');
}

describe('workspaceRoot', () => {
  test('GITHUB_WORKSPACE wins when set', () => {
    expect(workspaceRoot('/a/b/m.yml', { GITHUB_WORKSPACE: '/work/space' })).toBe('/work/space');
    expect(workspaceRoot('/a/b/m.yml', { GITHUB_WORKSPACE: '  ' })).not.toBe('  ');
  });

  test('else the git repository containing the manifest (a .git directory or file), else its directory', () => {
    const repo = workspace({ 'deploy/sub/m.yml': 'x: 1\n' });
    expect(workspaceRoot(join(repo, 'deploy/sub/m.yml'), {})).toBe(repo);
    const worktree = join(tmp, `wt-${++n}`);
    mkdirSync(join(worktree, 'a'), { recursive: true });
    writeFileSync(join(worktree, '.git'), 'gitdir: /elsewhere\n');
    expect(workspaceRoot(join(worktree, 'a/m.yml'), {})).toBe(worktree);
    // This repository is the root of its own fixtures.
    expect(workspaceRoot(join(ROOT, 'examples/genesys-preflight.yml'), {})).toBe(realpathSync(ROOT));
  });
});

describe('confinePath', () => {
  test('a file inside the workspace, and a symlink whose target is inside, are accepted', () => {
    const ws = workspace({ 'flows/a.yaml': FLOW });
    symlinkSync('a.yaml', join(ws, 'flows/link.yaml'));
    const r = confinePath('flows/link.yaml', 'flow file', FROM, ws, { base: ws });
    expect(r).toMatchObject({ real: join(ws, 'flows/a.yaml') });
    expect(readTextFile('flows/link.yaml', 'flow file', FROM, { root: ws, base: ws })).toEqual({ text: FLOW });
  });

  test.each([
    ['an absolute path outside', (ws: string) => `${ws}-secret.yaml`, 'is outside the workspace'],
    ['a ../ escape', (ws: string) => `../${ws.split('/').pop()}-secret.yaml`, 'is outside the workspace'],
    ['/proc/self/fd/1', () => '/proc/self/fd/1', 'is outside the workspace'],
    ['/dev/zero', () => '/dev/zero', 'is outside the workspace'],
    ['/etc/passwd', () => '/etc/passwd', 'is outside the workspace'],
    ['.git/config', () => '.git/config', 'is inside a .git directory'],
    ['a nested .git', () => 'vendor/lib/.git/config', 'is inside a .git directory'],
    ['.git reached through ..', () => 'flows/../.git/config', 'is inside a .git directory'],
    [
      'an outside path that does not exist (refused on the path alone)',
      () => '/nonexistent/dir/x.yaml',
      'is outside the workspace',
    ],
  ])('refused: %s', (_what, path, why) => {
    const ws = workspace();
    const e = errorOf(confinePath(path(ws), 'flow file', FROM, ws, { base: ws }));
    expect(e).toMatchObject({ code: 'manifest-invalid', fatal: true, location: FROM });
    expect(e.message).toContain(why);
    expect(e.message).toContain(`flow file ${path(ws)}`);
    expect(JSON.stringify(e)).not.toContain(SECRET);
    expect(JSON.stringify(e)).not.toContain('ZmFrZQ');
  });

  test('symlinks leading out of the workspace or into .git are refused', () => {
    const ws = workspace({ 'flows/ok.yaml': FLOW });
    symlinkSync('/etc/passwd', join(ws, 'flows/passwd.yaml'));
    symlinkSync(`${ws}-secret.yaml`, join(ws, 'flows/secret.yaml'));
    symlinkSync('../.git/config', join(ws, 'flows/git.yaml'));
    symlinkSync('..', join(ws, 'flows/up'));
    symlinkSync('.git', join(ws, 'gitdir'));
    const why = (p: string) => errorOf(confinePath(p, 'flow file', FROM, ws, { base: ws })).message;
    expect(why('flows/passwd.yaml')).toContain('resolves (through a symbolic link) outside the workspace');
    expect(why('flows/secret.yaml')).toContain('resolves (through a symbolic link) outside the workspace');
    expect(why(`flows/up/${ws.split('/').pop()}/flows/up/../x`)).toMatch(/outside the workspace|does not exist/);
    expect(why('flows/git.yaml')).toContain('into a .git directory');
    expect(why('gitdir/config')).toContain('into a .git directory');
  });

  test('not regular files: a directory, a FIFO, a socket-like device; a missing file and a dangling link', () => {
    const ws = workspace({ 'flows/ok.yaml': FLOW });
    mkfifo(join(ws, 'flows/pipe.yaml'));
    symlinkSync('nowhere.yaml', join(ws, 'flows/dangling.yaml'));
    const e = (p: string, root: string | null = ws) => errorOf(confinePath(p, 'flow file', FROM, root, { base: ws }));
    expect(e('flows')).toMatchObject({
      code: 'manifest-invalid',
      message: 'flow file flows is a directory, not a file',
    });
    expect(e('flows/pipe.yaml')).toMatchObject({
      code: 'manifest-invalid',
      message: expect.stringContaining('is not a regular file'),
    });
    expect(e('flows/missing.yaml')).toMatchObject({
      code: 'file-not-found',
      message: 'flow file flows/missing.yaml does not exist',
    });
    expect(e('flows/dangling.yaml')).toMatchObject({ code: 'file-not-found' });
    // An operator's path outside the workspace (root null) must still be a regular file.
    expect(e('/dev/zero', null)).toMatchObject({
      code: 'manifest-invalid',
      message: expect.stringContaining('is not a regular file'),
    });
    expect(e('/dev/stdin', null).code).toMatch(/manifest-invalid|file-not-found/);
    expect(confinePath(`${ws}-secret.yaml`, 'catalog swagger', undefined, null)).toHaveProperty('real');
  });

  test('paths in messages are escaped, a NUL is not a path', () => {
    const ws = workspace();
    const e = errorOf(confinePath('/x\n::error::boom\u202e.yaml', 'flow file', FROM, ws, { base: ws }));
    expect(e.message).toBe('flow file /x\\u{a}::error::boom\\u{202e}.yaml is outside the workspace');
    expect(errorOf(confinePath('a\u0000b', 'flow file', FROM, ws)).message).toContain('is not a usable path');
    expect(showPath('x'.repeat(500))).toHaveLength(201);
  });

  test('isInside and operatorRoot', () => {
    expect(isInside('/w', '/w')).toBe(true);
    expect(isInside('/w', '/w/a/b')).toBe(true);
    expect(isInside('/w', '/w2/a')).toBe(false);
    expect(isInside('/w', '/w/../x')).toBe(false);
    expect(isInside('/w', '/w/..foo')).toBe(true);
    expect(operatorRoot('/opt/swagger.json', '/w')).toBeNull();
    expect(operatorRoot('swagger.json', '/w', '/w')).toBe('/w');
    expect(operatorRoot('/w/sub/swagger.json', '/w')).toBe('/w');
  });
});

describe('readTextFile never blocks', () => {
  test('a FIFO is refused before it is opened (the test would hang otherwise)', () => {
    const ws = workspace();
    mkfifo(join(ws, 'pipe.yaml'));
    expect(errorOf(readTextFile(join(ws, 'pipe.yaml'), 'flow file', FROM, { root: ws })).message).toContain(
      'is not a regular file',
    );
    expect(errorOf(readTextFile(join(ws, 'pipe.yaml'), 'flow file', FROM, { root: null })).message).toContain(
      'is not a regular file',
    );
  });

  test('a file swapped for a FIFO (or a symlink) between the check and the open is refused, never read from', async () => {
    // A child process reads the path 3,000 times while another swaps a regular file, a FIFO and a
    // symlink to /etc/passwd in at that path with rename(2). A blocking open of the FIFO would
    // hang the reader: the 20 s timeout bounds that, and every read must be the file's text or a
    // refusal.
    const ws = workspace();
    const target = join(ws, 'flow.yaml');
    const script = join(ws, 'reader.ts');
    writeFileSync(
      script,
      [
        `import { readTextFile } from ${JSON.stringify(join(ROOT, 'src/util/read-file.ts'))};`,
        `const counts: Record<string, number> = {};`,
        `for (let i = 0; i < 3000; i++) {`,
        `  const r = readTextFile(${JSON.stringify(target)}, 'flow file', undefined, { root: ${JSON.stringify(ws)} });`,
        `  const k = 'text' in r ? (r.text === 'a: 1\\n' ? 'text' : 'OTHER:' + r.text.slice(0, 20)) : r.error.message.replace(/^flow file \\S+ /, '');`,
        `  counts[k] = (counts[k] ?? 0) + 1;`,
        `}`,
        `process.stdout.write(JSON.stringify(counts));`,
      ].join('\n'),
    );
    const swapper = join(ws, 'swapper.mjs');
    writeFileSync(
      swapper,
      [
        `import { renameSync, writeFileSync, symlinkSync } from 'node:fs';`,
        `import { execFileSync } from 'node:child_process';`,
        `const t = ${JSON.stringify(target)};`,
        `execFileSync('mkfifo', [t + '.fifo']);`,
        `for (let i = 0; ; i++) {`,
        `  writeFileSync(t + '.file', 'a: 1\\n'); renameSync(t + '.file', t);`,
        `  try { execFileSync('mkfifo', [t + '.fifo']); } catch {}`,
        `  renameSync(t + '.fifo', t);`,
        `  symlinkSync('/etc/passwd', t + '.link'); renameSync(t + '.link', t);`,
        `}`,
      ].join('\n'),
    );
    writeFileSync(target, 'a: 1\n');
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const swap = execFile(process.execPath, [swapper], { env });
    try {
      const out = await new Promise<string>((done, fail) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', script],
          { cwd: ROOT, env, timeout: 20_000 },
          (error, stdout, stderr) =>
            error ? fail(new Error(`reader failed (${error.signal ?? error.code}): ${stderr}`)) : done(stdout),
        );
      });
      const counts = JSON.parse(out) as Record<string, number>;
      const allowed =
        /^(text|is not a regular file.*|changed while it was being checked|resolves \(through a symbolic link\) outside the workspace.*|does not exist|is outside.*)$/;
      for (const k of Object.keys(counts)) expect(k).toMatch(allowed);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(3000);
      expect(JSON.stringify(counts)).not.toContain('root:');
    } finally {
      swap.kill();
    }
  }, 30_000);
});

describe('the pipeline confines every file the manifest names', () => {
  test('files and symlinks inside the workspace keep working; the root is injectable', () => {
    const ws = workspace({
      'deploy/m.yml': manifest(
        'flows:',
        '  - file: ../flows/link.yaml',
        '    optionsFile: opts.yaml',
        'scripts:',
        '  - {name: S, file: ../scripts/s.json}',
      ),
      'deploy/opts.yaml': 'substitutions: {x: 1}\n',
      'flows/main.yaml': FLOW,
      'scripts/s.json': '{}\n',
    });
    symlinkSync('main.yaml', join(ws, 'flows/link.yaml'));
    // The git walk finds ws (it has .git); GITHUB_WORKSPACE and the parameter can name it too.
    for (const loaded of [
      loadManifest(join(ws, 'deploy/m.yml')),
      loadManifest(join(ws, 'deploy/m.yml'), { env: { GITHUB_WORKSPACE: ws } }),
      loadManifest(join(ws, 'deploy/m.yml'), { root: ws }),
    ]) {
      expect(loaded.root).toBe(ws);
      const { resources } = expandResources(loaded);
      expect(resources.map((r) => r.name)).toEqual(['Main', 'S']);
    }
  });

  test('a manifest outside GITHUB_WORKSPACE, or one whose files leave the root, is refused', () => {
    const ws = workspace({ 'm.yml': manifest('flows:', '  - file: flows/f.yaml'), 'flows/f.yaml': FLOW });
    const other = workspace();
    const [outside] = findingsOf(() => loadManifest(join(ws, 'm.yml'), { env: { GITHUB_WORKSPACE: other } }));
    expect(outside).toMatchObject({ code: 'manifest-invalid', message: expect.stringContaining('manifest') });
    expect(outside!.message).toContain('is outside the workspace');
    // The root injected as a subdirectory: the flow file is outside it.
    mkdirSync(join(ws, 'flows/inner'), { recursive: true });
    writeFileSync(join(ws, 'flows/inner/m.yml'), manifest('flows:', '  - file: ../f.yaml'));
    const loaded = loadManifest(join(ws, 'flows/inner/m.yml'), { root: join(ws, 'flows/inner') });
    const [e] = findingsOf(() => expandResources(loaded));
    expect(e).toMatchObject({ code: 'manifest-invalid', message: 'flow file ../f.yaml is outside the workspace' });
  });

  test('premium-app configs, Terraform plans and the flow and script files a plan names are confined', () => {
    const ws = workspace({
      'plan.json': JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          {
            address: 'genesyscloud_flow.f',
            mode: 'managed',
            type: 'genesyscloud_flow',
            name: 'f',
            change: { actions: ['create'], before: null, after: { filepath: '.git/config' } },
          },
          {
            address: 'genesyscloud_script.s',
            mode: 'managed',
            type: 'genesyscloud_script',
            name: 's',
            change: { actions: ['create'], before: null, after: { filepath: '/etc/passwd', script_name: 'S' } },
          },
        ],
      }),
    });
    const secretName = `${ws.split('/').pop()}-secret.yaml`;
    writeFileSync(
      join(ws, 'm.yml'),
      manifest(
        'premiumApps:',
        `  - {integrationType: x, config: ../${secretName}}`,
        'terraform:',
        '  plan: plan.json',
        '  orgs: [prod]',
      ),
    );
    const loaded = loadManifest(join(ws, 'm.yml'));
    const messages = findingsOf(() => expandResources(loaded)).map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^premium-app config \.\.\/ws-\d+-secret\.yaml is outside the workspace$/),
        'flow file .git/config is inside a .git directory',
        'script file /etc/passwd is outside the workspace',
      ]),
    );
    expect(JSON.stringify(messages)).not.toMatch(/ZmFrZQ|root:|ghp_/);
    // A plan given by the operator outside the workspace is read; the files it names stay confined.
    const opPlan = join(tmp, `op-plan-${n}.json`);
    writeFileSync(opPlan, JSON.stringify({ format_version: '1.2', resource_changes: [] }));
    const imp = importTerraformPlan(opPlan, {
      displayPath: 'plan.json',
      orgs: ['prod'],
      from: FROM,
      root: ws,
      planRoot: operatorRoot(opPlan, ws),
    });
    expect(imp.errors).toEqual([]);
    const refused = importTerraformPlan(opPlan, { displayPath: 'plan.json', orgs: ['prod'], from: FROM, root: ws });
    expect(refused.errors[0]!.message).toContain('is outside the workspace');
  });

  test('catalog PATH: an operator path outside the workspace is read; inside, a symlink out of it is refused', async () => {
    const swagger = JSON.stringify({
      swagger: '2.0',
      paths: {
        '/api/v2/flows': {
          get: { 'x-inin-requires-permissions': { type: 'ANY', permissions: ['architect:flow:view'] } },
        },
      },
    });
    const ws = workspace({ 'm.yml': manifest() });
    const opPath = join(tmp, `swagger-${n}.json`);
    writeFileSync(opPath, swagger);
    const cat = await loadCatalogOption(opPath, join(ws, 'm.yml'));
    expect(cat.size).toBeGreaterThan(0);
    symlinkSync(`${ws}-secret.yaml`, join(ws, 'swagger.json'));
    const err = await loadCatalogOption(join(ws, 'swagger.json'), join(ws, 'm.yml')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PreflightError);
    expect((err as PreflightError).findings[0]!.message).toContain(
      'resolves (through a symbolic link) outside the workspace',
    );
    mkfifo(join(ws, 'fifo.json'));
    const fifo = await loadCatalogOption(join(ws, 'fifo.json'), join(ws, 'm.yml')).catch((e: unknown) => e);
    expect((fifo as PreflightError).findings[0]!.message).toContain('is not a regular file');
    // Not JSON: the message names a position and the kind of character, never the text.
    writeFileSync(join(ws, 'bad.json'), `{"swagger": ${SECRET}}`);
    const bad = await loadCatalogOption(join(ws, 'bad.json'), join(ws, 'm.yml')).catch((e: unknown) => e);
    expect((bad as PreflightError).findings[0]).toMatchObject({ location: { line: 1, column: 13 } });
    expect(JSON.stringify((bad as PreflightError).findings)).not.toContain('ghp_');
  });
});
