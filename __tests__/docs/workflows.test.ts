/**
 * Workflows in the docs and in .github/workflows are complete, valid GitHub Actions workflows,
 * checked with GitHub's own parser (@actions/workflow-parser, the parser of the Actions language
 * services): every ```yaml block of README.md and docs/*.md that is a workflow, and every file
 * of .github/workflows/. action.yml is checked with the same package's action parser.
 *
 * Which yaml blocks are workflows: a block whose top level has `on:` or `jobs:` is a workflow; a
 * block whose top level has `version:` and `orgs:` is a genesys-preflight manifest and is skipped;
 * any other yaml block (a step or job fragment) fails: write it out as a complete workflow.
 */
import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { marked, type Token } from 'marked';
import { parse as parseYaml } from 'yaml';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import { runAction } from '../support/runner.js';
import { bundlePaths } from '../support/bundle.js';

const ROOT = process.cwd();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/**
 * The major version every workflow and snippet uses, per action: the current majors when this
 * was written (checkout v7 and setup-node v7 run on Node 24; codeql-action v4; docker's v4/v7).
 * Dependabot proposes new majors; update this table with them.
 */
const CURRENT_MAJOR: Record<string, number> = {
  'actions/checkout': 7,
  'actions/setup-node': 7,
  'github/codeql-action': 4,
  'docker/setup-buildx-action': 4,
  'docker/build-push-action': 7,
  'genesys-preflight/genesys-preflight': 0,
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Doc {
  /** Where it is: `README.md:52` (block's opening line) or `.github/workflows/ci.yml`. */
  where: string;
  text: string;
}

/** Markdown files whose yaml blocks are checked. */
const MARKDOWN = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Every ```yaml / ```yml block of a markdown file, with the line of its opening fence. */
function yamlBlocks(file: string): Doc[] {
  const text = read(file);
  const blocks: Doc[] = [];
  let from = 0;
  marked.walkTokens(marked.lexer(text), (t: Token) => {
    if (t.type !== 'code') return;
    const at = text.indexOf(t.raw, from);
    if (at >= 0) from = at + t.raw.length;
    if (!/^ya?ml\b/.test(t.lang ?? '')) return;
    const line = at >= 0 ? text.slice(0, at).split('\n').length : 0;
    blocks.push({ where: `${file}:${line}`, text: t.text });
  });
  return blocks;
}

function kind(doc: Doc): 'workflow' | 'manifest' | 'other' {
  const value: unknown = parseYaml(doc.text);
  if (!isObj(value)) return 'other';
  if ('on' in value || 'jobs' in value) return 'workflow';
  if ('version' in value && 'orgs' in value) return 'manifest';
  return 'other';
}

const WORKFLOW_FILES: Doc[] = readdirSync(join(ROOT, '.github/workflows'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({ where: `.github/workflows/${f}`, text: read(`.github/workflows/${f}`) }));
const BLOCKS = MARKDOWN.flatMap(yamlBlocks);
const SNIPPETS = BLOCKS.filter((b) => kind(b) === 'workflow');
const WORKFLOWS = [...WORKFLOW_FILES, ...SNIPPETS];

/** The parser's and the converter's errors for one workflow (none when it is valid). */
async function workflowErrors(doc: Doc): Promise<string[]> {
  const parsed = parseWorkflow({ name: doc.where, content: doc.text }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0) return errors;
  if (!parsed.value) return [`${doc.where}: nothing parsed`];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e) => e.Message);
}

const ACTION = (() => {
  const parsed = parseAction({ name: 'action.yml', content: read('action.yml') }, new NoOperationTraceWriter());
  return { parsed, template: parsed.value ? convertActionTemplate(parsed.context, parsed.value) : undefined };
})();
const INPUTS = new Set((ACTION.template?.inputs ?? []).map((i) => i.id));
const OUTPUTS = new Set((ACTION.template?.outputs ?? []).map((o) => o.id));

/** Steps that run this action: `uses: ./` (this repository) or the published action. */
const isOurAction = (uses: unknown) =>
  uses === './' || (typeof uses === 'string' && uses.startsWith('genesys-preflight/genesys-preflight@'));

describe('yaml blocks in README.md and docs/*.md', () => {
  it('finds the workflow snippets', () => {
    expect(SNIPPETS.length).toBeGreaterThanOrEqual(5);
  });

  it.each(BLOCKS.map((b) => [b.where, b] as const))('%s is a workflow or a manifest', (_where, block) => {
    expect(['workflow', 'manifest']).toContain(kind(block));
  });
});

describe.each(WORKFLOWS.map((d) => [d.where, d] as const))('workflow %s', (_where, doc) => {
  const value = parseYaml(doc.text) as Obj;
  const jobs = (isObj(value.jobs) ? value.jobs : {}) as Record<string, Obj>;

  it('parses and converts without an error (@actions/workflow-parser)', async () => {
    expect(await workflowErrors(doc)).toEqual([]);
  });

  it('is complete: on, jobs, runs-on and steps per job, permissions', () => {
    expect(value).toHaveProperty('on');
    expect(Object.keys(jobs).length).toBeGreaterThan(0);
    for (const [id, job] of Object.entries(jobs)) {
      const has = { job: id, runsOn: 'runs-on' in job, steps: Array.isArray(job.steps) };
      // least privilege is written down: for the whole workflow or for this job
      const permissions = 'permissions' in value || 'permissions' in job;
      expect({ ...has, permissions }).toEqual({ job: id, runsOn: true, steps: true, permissions: true });
    }
  });

  it('passes only inputs the action has, and reads only outputs it sets', () => {
    const ourSteps = new Map<string, Obj>();
    for (const job of Object.values(jobs)) {
      for (const step of (Array.isArray(job.steps) ? job.steps : []) as Obj[]) {
        if (!isOurAction(step.uses)) continue;
        for (const input of Object.keys(isObj(step.with) ? step.with : {})) {
          expect({ input, known: INPUTS.has(input) }).toEqual({ input, known: true });
        }
        if (typeof step.id === 'string') ourSteps.set(step.id, step);
      }
    }
    for (const m of doc.text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (!ourSteps.has(m[1]!)) continue;
      expect({ output: m[2], known: OUTPUTS.has(m[2]!) }).toEqual({ output: m[2], known: true });
    }
  });
});

describe('action versions', () => {
  const sources: Doc[] = [
    ...WORKFLOW_FILES,
    ...[...MARKDOWN, 'CONTRIBUTING.md'].map((f) => ({ where: f, text: read(f) })),
  ];

  const each = it.each(sources.map((s) => [s.where, s] as const));

  each('%s uses each action at its current major, pinned', (_w, src) => {
    for (const m of src.text.matchAll(/uses:\s*['"]?([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@([^\s'"#`]+)/g)) {
      const [, action, ref] = m as unknown as [string, string, string];
      const pinned = /^v\d+$/.test(ref) || /^[0-9a-f]{40}$/.test(ref);
      expect({ action, ref, pinned }).toEqual({ action, ref, pinned: true });
      expect({ action, listed: action in CURRENT_MAJOR }).toEqual({ action, listed: true });
      if (!ref.startsWith('v')) continue;
      expect({ action, major: Number(ref.slice(1)) }).toEqual({ action, major: CURRENT_MAJOR[action] });
    }
  });

  each('%s has no actions/checkout or actions/setup-node v1 to v4', (_w, src) => {
    expect(src.text.match(/actions\/(?:checkout|setup-node)@v[1-4]\b/g) ?? []).toEqual([]);
  });
});

describe('action.yml', () => {
  it('parses and converts without an error (action parser)', () => {
    expect(ACTION.parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(ACTION.template).toBeDefined();
  });

  it('runs the bundled action on Node 24', () => {
    const runs = ACTION.template!.runs;
    expect(runs.using).toBe('node24');
    expect(runs.using === 'node24' && existsSync(join(ROOT, runs.main))).toBe(true);
  });

  it('README documents every input and output', () => {
    const readme = read('README.md');
    expect([...INPUTS, ...OUTPUTS].filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
    expect(INPUTS.size).toBeGreaterThan(0);
    expect(OUTPUTS.has('passed')).toBe(true);
  });
});

describe('CI self-test job', () => {
  const ci = parseYaml(read('.github/workflows/ci.yml')) as { jobs: Record<string, { steps: Obj[] }> };
  const steps = ci.jobs['self-test']!.steps;

  it('runs the action from this repository on the example, offline', () => {
    const runs = steps.filter((s) => s.uses === './').map((s) => s.with as Obj);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const w of runs) expect(w).toMatchObject({ manifest: 'examples/genesys-preflight.yml', mode: 'offline' });
    expect(runs.some((w) => w['fail-on'] === 'never')).toBe(true);
  });

  it("asserts the example's real figures", () => {
    const expected = steps.map((s) => (isObj(s.env) ? s.env : {})).filter((e) => 'EXPECT_ERRORS' in e);
    expect(expected.length).toBeGreaterThan(0);
    const args = [
      'check',
      '--manifest',
      'examples/genesys-preflight.yml',
      '--mode',
      'offline',
      '--format',
      'json',
      '--fail-on',
      'never',
    ];
    const env = { PATH: process.env.PATH ?? '' };
    const r = spawnSync(process.execPath, [bundlePaths().cli, ...args], { cwd: ROOT, encoding: 'utf8', env });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      passed: boolean;
      summary: { errors: number; warnings: number };
      orgs: Array<{ name: string }>;
    };
    expect(report.passed).toBe(false);
    for (const e of expected) {
      expect(Number(e.EXPECT_ERRORS)).toBe(report.summary.errors);
      if ('EXPECT_WARNINGS' in e) expect(Number(e.EXPECT_WARNINGS)).toBe(report.summary.warnings);
      if ('EXPECT_ORGS' in e) expect(JSON.parse(String(e.EXPECT_ORGS))).toEqual(report.orgs.map((o) => o.name));
    }
  });

  it('the action sets passed true with fail-on never and false with fail-on error', async () => {
    const inputs = { manifest: 'examples/genesys-preflight.yml', mode: 'offline', comment: 'never' };
    const never = await runAction(bundlePaths().action, { ...inputs, 'fail-on': 'never' }, {}, ROOT);
    const blocking = await runAction(bundlePaths().action, { ...inputs, 'fail-on': 'error' }, {}, ROOT);
    expect([never.code, never.outputs.passed]).toEqual([0, 'true']);
    expect([blocking.code, blocking.outputs.passed]).toEqual([1, 'false']);
    expect(never.outputs.orgs).toBe('["prod-us","prod-eu"]');
  });
});

describe('release', () => {
  const version = (JSON.parse(read('package.json')) as { version: string }).version;
  const notes = (v: string) =>
    spawnSync('bash', ['.github/scripts/release-notes.sh', v], { cwd: ROOT, encoding: 'utf8' });

  it("CHANGELOG.md has a section for package.json's version, which the release notes are", () => {
    const r = notes(version);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().length).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(/^## /m);
    expect(r.stdout).not.toMatch(/^\[[^\]]+\]: /m);
  });

  it('a version without a section fails', () => {
    expect(notes('99.99.99').status).toBe(1);
  });

  it('CHANGELOG.md keeps an Unreleased section', () => {
    expect(read('CHANGELOG.md')).toMatch(/^## \[Unreleased\]$/m);
  });

  it('the release workflow runs on version tags and moves the major tag', () => {
    const wf = parseYaml(read('.github/workflows/release.yml')) as { on: { push: { tags: string[] } } };
    expect(wf.on.push.tags).toEqual(['v*.*.*']);
    expect(read('.github/workflows/release.yml')).toMatch(/git push --force origin "refs\/tags\/\$major"/);
  });
});

describe('.github/dependabot.yml', () => {
  const config = parseYaml(read('.github/dependabot.yml')) as { version: number; updates: Obj[] };

  it('updates npm packages and GitHub Actions weekly', () => {
    expect(config.version).toBe(2);
    const ecosystems = config.updates.map((u) => u['package-ecosystem']);
    expect(ecosystems).toEqual(expect.arrayContaining(['npm', 'github-actions']));
    for (const u of config.updates) {
      expect(u).toMatchObject({ directory: '/', schedule: { interval: 'weekly' } });
    }
  });
});
