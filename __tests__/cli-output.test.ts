/**
 * The CLI's outputs and help, run from the sources in this worker (support/in-process.ts; with
 * GP_E2E_PROCESS or GP_DIST set, in a child process on the bundle, support/bundle.ts):
 * `--output FILE` writes the chosen `--format` to FILE (standard output then shows the text
 * report), `--report FILE` writes the JSON report; every format without `--output` goes to
 * standard output; `COMMAND --help` prints the command's usage, examples, environment variables
 * and docs link and exits 0; `--manifest -` reads the manifest from standard input, its files
 * resolving against the current directory inside that directory's workspace.
 */
import { describe, it, expect, beforeAll, jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { bundlePaths } from './support/bundle.js';
import { runInProcess, runsInWorker } from './support/in-process.js';

const ROOT = process.cwd();
let CLI = '';
const EXAMPLE = 'examples/genesys-preflight.yml';

const require = createRequire(import.meta.url);
const sarifAjv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(sarifAjv);
const validateSarif = sarifAjv.compile(
  JSON.parse(
    readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  ) as object,
);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from the sources with `args`, in `cwd`, with `stdin` as its standard input. */
function cli(args: string[], opts: { cwd?: string; stdin?: string } = {}): Promise<Run> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  if (runsInWorker()) {
    return runInProcess('cli', args, env, opts.cwd ?? ROOT, { stdin: opts.stdin ?? '' });
  }
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: opts.cwd ?? ROOT, env, timeout: 60_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
    child.stdin!.end(opts.stdin ?? '');
  });
}

const tmp = () => mkdtempSync(join(tmpdir(), 'gp-cli-'));

// Child processes on a busy machine: generous, and never asserted.
jest.setTimeout(120_000);

beforeAll(() => {
  if (!runsInWorker()) CLI = bundlePaths().cli;
});

describe('--output and --report', () => {
  let dir: string;
  let run: Run;
  beforeAll(async () => {
    dir = tmp();
    run = await cli([
      'check',
      '--manifest',
      EXAMPLE,
      '--mode',
      'offline',
      '--format',
      'sarif',
      '--output',
      join(dir, 'out.sarif'),
      '--report',
      join(dir, 'report.json'),
    ]);
  });

  it('--output writes the chosen format to the file; standard output shows the text report', () => {
    expect(run.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(13);
    expect(sarif.runs[0].automationDetails.id).toBe('genesys-preflight/*/');
    expect(run.stdout).toMatch(/✗ prod-eu \(eu-west-1\): FAIL/);
    expect(run.stdout).not.toContain('"version": "2.1.0"');
  });

  it('--report writes the JSON report beside it: what --format json prints', async () => {
    const json = await cli(['check', '--manifest', EXAMPLE, '--mode', 'offline', '--format', 'json']);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(json.stdout);
    const report = JSON.parse(json.stdout);
    expect(report.orgs.map((o: { name: string; passed: boolean }) => [o.name, o.passed])).toEqual([
      ['prod-us', true],
      ['prod-eu', false],
    ]);
  });

  it.each([
    ['json', (t: string) => expect(JSON.parse(t)).toMatchObject({ passed: false, manifest: EXAMPLE })],
    ['junit', (t: string) => expect(XMLValidator.validate(t)).toBe(true)],
    ['gitlab', (t: string) => expect(JSON.parse(t)).toHaveLength(13)],
    ['markdown', (t: string) => expect(t).toContain('prod-eu')],
  ])(
    '--format %s --output FILE: the file holds the format',
    async (format, check) => {
      const out = join(tmp(), `out.${format}`);
      const r = await cli(['check', '--manifest', EXAMPLE, '--mode', 'offline', '--format', format, '--output', out]);
      expect(r.code).toBe(1);
      check(readFileSync(out, 'utf8'));
    },
    120_000,
  );

  it.each([['junit'], ['gitlab']])(
    '--format %s without --output goes to standard output, as it would to the file',
    async (format) => {
      const out = join(tmp(), `out.${format}`);
      const [plain, toFile] = await Promise.all([
        cli(['check', '--manifest', EXAMPLE, '--mode', 'offline', '--format', format]),
        cli(['check', '--manifest', EXAMPLE, '--mode', 'offline', '--format', format, '--output', out]),
      ]);
      expect([plain.code, toFile.code]).toEqual([1, 1]);
      expect(readFileSync(out, 'utf8')).toBe(plain.stdout);
    },
    120_000,
  );

  it('--org names the SARIF category', async () => {
    const r = await cli(['check', '--manifest', EXAMPLE, '--mode', 'offline', '--format', 'sarif', '--org', 'prod-eu']);
    expect(JSON.parse(r.stdout).runs[0].automationDetails.id).toBe('genesys-preflight/prod-eu/');
  });

  it('a file that cannot be written is exit 2 with its name, without the usage text', async () => {
    const r = await cli([
      'check',
      '--manifest',
      EXAMPLE,
      '--mode',
      'offline',
      '--output',
      join(tmp(), 'no', 'such', 'dir', 'x.txt'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^genesys-preflight: --output .*x\.txt: cannot write the file \(ENOENT\)\n$/);
  });

  it('an unknown format lists the formats', async () => {
    const r = await cli(['check', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be one of text, json, markdown, sarif, junit, gitlab');
  });
});

describe('per-command help', () => {
  const ENV = [
    'GENESYS_<ORG>_CLIENT_ID',
    'GENESYS_<ORG>_CLIENT_SECRET',
    'GENESYS_<ORG>_ACCESS_TOKEN',
    'GENESYSCLOUD_OAUTHCLIENT_ID',
    'GENESYSCLOUD_OAUTHCLIENT_SECRET',
    'GENESYSCLOUD_REGION',
    'GENESYS_PREFLIGHT_ALLOW_HOSTS',
    'HTTPS_PROXY',
    'NO_PROXY',
  ];
  const OPTIONS: Record<string, string[]> = {
    check: [
      '--manifest',
      '--format',
      '--output',
      '--report',
      '--mode',
      '--org',
      '--live-org',
      '--fail-on',
      '--catalog',
      '--terraform-plan',
      '--help',
    ],
    policy: ['--manifest', '--org', '--format', '--catalog', '--terraform-plan', '--help'],
    explain: ['--help'],
    orgs: ['--manifest', '--help'],
  };

  it.each([...Object.keys(OPTIONS).map((c) => [c, '--help']), ['orgs', '-h']])(
    '%s %s: usage, options, examples, docs link; exit 0',
    async (command, flag) => {
      const r = await cli([command, flag]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^Usage: genesys-preflight ${command}`));
      for (const o of OPTIONS[command]!) expect(r.stdout).toContain(o);
      expect(r.stdout).toMatch(/\nExamples:\n {2}genesys-preflight /);
      expect(r.stdout).toContain('Docs: https://github.com/genesys-preflight/genesys-preflight#cli');
      expect(r.stdout).toMatch(/\nEnvironment/);
      if (command === 'check') for (const v of ENV) expect(r.stdout).toContain(v);
    },
    120_000,
  );

  it('help COMMAND is the same text; --help after other options still wins; the general usage lists the commands', async () => {
    const [a, b, c, general] = await Promise.all([
      cli(['help', 'check']),
      cli(['check', '--help']),
      cli(['check', '--format', 'sarif', '--help']),
      cli(['--help']),
    ]);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).toBe(b.stdout);
    expect(general.code).toBe(0);
    expect(general.stdout).toContain('genesys-preflight COMMAND --help');
    expect(general.stdout).toContain('--format text|json|markdown|sarif|junit|gitlab');
  }, 120_000);
});

describe('--manifest - (standard input)', () => {
  it('checks the manifest read from standard input like the same file in the current directory', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const cwd = resolve(ROOT, 'examples');
    const [stdin, file, json] = await Promise.all([
      cli(['check', '--manifest', '-', '--mode', 'offline', '--format', 'gitlab'], { cwd, stdin: text }),
      cli(['check', '--manifest', 'genesys-preflight.yml', '--mode', 'offline', '--format', 'gitlab'], { cwd }),
      cli(['check', '--manifest', '-', '--mode', 'offline', '--format', 'json'], { cwd, stdin: text }),
    ]);
    expect([stdin.code, file.code]).toEqual([1, 1]);
    // the same findings, but the manifest's own locations say <stdin>
    type Issue = { check_name: string; description: string; location: { path: string; lines: { begin: number } } };
    const list = (out: string) =>
      (JSON.parse(out) as Issue[])
        .map((i) => `${i.check_name} ${i.location.path}:${i.location.lines.begin} ${i.description}`)
        .sort();
    const fromStdin = list(stdin.stdout);
    expect(fromStdin.some((l) => l.includes(' <stdin>:'))).toBe(true);
    expect(fromStdin.map((l) => l.replaceAll('<stdin>', 'genesys-preflight.yml')).sort()).toEqual(list(file.stdout));
    expect(fromStdin.some((l) => l.includes(' flows/main-ivr.yaml:33 '))).toBe(true);
    expect(JSON.parse(json.stdout).manifest).toBe('<stdin>');
  });

  it('orgs and policy read it too', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const cwd = resolve(ROOT, 'examples');
    const [orgs, policy] = await Promise.all([
      cli(['orgs', '--manifest', '-'], { cwd, stdin: text }),
      cli(['policy', '--manifest', '-'], { cwd, stdin: text }),
    ]);
    expect(orgs.stdout).toBe('["prod-us","prod-eu"]\n');
    expect(policy.code).toBe(0);
    expect(policy.stdout).toContain('prod-eu');
  }, 120_000);

  it('an invalid manifest on standard input is exit 2 with its errors located in <stdin>', async () => {
    const json = await cli(['check', '--manifest', '-', '--mode', 'offline', '--format', 'json'], {
      stdin: 'version: 1\norgs: 3\n',
    });
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ passed: false, manifest: '<stdin>', orgs: [] });
    expect(report.findings[0]).toMatchObject({
      code: 'manifest-invalid',
      fatal: true,
      location: { file: '<stdin>', line: 2 },
    });
  });

  it('standard input that is not UTF-8 text is refused', async () => {
    const r = await cli(['orgs', '--manifest', '-'], { stdin: 'version: 1\u0000' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>:1:1: error manifest-invalid: the manifest on standard input is not text');
  });

  it('files it names resolve against the current directory and stay inside its workspace', async () => {
    const ws = tmp();
    const cwd = join(ws, 'deploy');
    mkdirSync(join(cwd, 'flows'), { recursive: true });
    writeFileSync(join(ws, 'outside.yaml'), 'inboundCall:\n  name: Outside\n');
    writeFileSync(join(cwd, 'flows', 'in.yaml'), 'inboundCall:\n  name: Inside\n  division: Home\n');
    const manifest = (file: string) =>
      `version: 1\norgs:\n  - name: o\n    region: us-east-1\n    principal: {grant: client-credentials, roles: []}\nflows:\n  - file: ${file}\n`;
    expect(existsSync(join(cwd, '.git'))).toBe(false);
    const [inside, outside] = await Promise.all([
      cli(['check', '--manifest', '-', '--mode', 'offline', '--format', 'json'], {
        cwd,
        stdin: manifest('flows/in.yaml'),
      }),
      cli(['check', '--manifest', '-', '--mode', 'offline', '--format', 'json'], {
        cwd,
        stdin: manifest('../outside.yaml'),
      }),
    ]);
    const a = JSON.parse(inside.stdout);
    expect(a.findings.filter((f: { fatal?: boolean }) => f.fatal)).toEqual([]);
    expect(a.resources.map((g: { resource: string }) => g.resource)).toEqual(['flow:Inside']);
    const b = JSON.parse(outside.stdout);
    expect(outside.code).toBe(2);
    expect(b.findings[0]).toMatchObject({ fatal: true, location: { file: '<stdin>' } });
    expect(b.findings[0].message).toMatch(/outside/);
  }, 120_000);
});
