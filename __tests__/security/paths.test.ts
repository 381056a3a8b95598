/**
 * Attack class 1 (issue 10): file content exfiltration. A pull request names, as an input file,
 * the checkout credential (.git/config), a file outside the workspace (../, absolute, symlink), or
 * plants its own content in a syntax error, an unknown key or a placeholder. Intended behaviour:
 * exit 2 with a located manifest-invalid / file-not-found naming the path, never the content.
 */
import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  attackSuite,
  CASE_TIMEOUT,
  CLEAN,
  allExit,
  exitCodes,
  flowFile,
  manifest,
  runCase,
  verdict,
  workspace,
  type Expect,
  type FileSpec,
} from './harness.js';

attackSuite();

/** The location of a reference in the manifest. */
const M = /genesys-preflight\.yml:\d+:\d+/;
const MANIFEST = 'genesys-preflight.yml';
const OK_FLOW = flowFile('Main IVR');
const INVALID = ['manifest-invalid'];
const PREMIUM = 'premiumApps:\n  - {integrationType: premium-app-example, config: apps/provisioning.json}';

/** /etc/passwd's first entry and this machine's hostname: content that must never be quoted. */
const PASSWD: [string, string] = ['/etc/passwd content', 'root:x:0:0'];
const hostname = (() => {
  try {
    return readFileSync('/etc/hostname', 'utf8').trim();
  } catch {
    return '';
  }
})();

/** Runs the case and expects exit 2 everywhere and nothing else wrong. */
async function refused(id: string, files: Record<string, FileSpec>, e: Expect, inputs: Record<string, string> = {}) {
  const ws = workspace(id, files);
  const r = await runCase(ws, { inputs, ...(inputs.manifest ? { cliArgs: ['--manifest', inputs.manifest] } : {}) });
  expect({ exits: exitCodes(r), ...verdict(r, e) }).toEqual({ exits: allExit(r, 2), ...CLEAN });
}

/** A manifest whose `body` names `path`; refused naming `path` at its line in the manifest. */
async function refusedReference(
  id: string,
  body: string,
  path: string,
  more: Record<string, FileSpec> = {},
  e: Expect = {},
) {
  await refused(id, { [MANIFEST]: manifest(body), ...more }, { refused: { path, at: M }, ...e });
}

describe('class 1: an input path cannot reach a file outside the workspace or under .git/', () => {
  it(
    'control: a benign PR passes, checked live on the fake (the harness works)',
    async () => {
      const files = { [MANIFEST]: manifest('flows:\n  - file: flows/main.yaml'), 'flows/main.yaml': OK_FLOW };
      const ws = workspace('control', files);
      const r = await runCase(ws);
      const mode = (JSON.parse(r.action.report ?? '{}') as { mode?: string }).mode;
      expect({ exits: exitCodes(r), ...verdict(r), mode, comments: r.action.comments.length }).toEqual({
        exits: allExit(r, 0),
        ...CLEAN,
        mode: 'live',
        comments: 1,
      });
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].file: .git/config (the checkout credential)',
    async () => {
      await refusedReference('flow-gitconfig', 'flows:\n  - file: .git/config', '.git/config');
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].file: ../outside.yaml (outside the workspace)',
    async () => {
      await refusedReference('flow-dotdot', 'flows:\n  - file: ../outside.yaml', '../outside.yaml');
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].file: /etc/passwd (absolute)',
    async () => {
      await refusedReference('flow-abs', 'flows:\n  - file: /etc/passwd', '/etc/passwd', {}, { needles: [PASSWD] });
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].file: /proc/self/environ (the job environment, secrets included)',
    async () => {
      await refusedReference('flow-environ', 'flows:\n  - file: /proc/self/environ', '/proc/self/environ');
    },
    CASE_TIMEOUT,
  );

  it(
    'a committed symlink flows/x.yaml -> ../../outside',
    async () => {
      await refusedReference('symlink-out', 'flows:\n  - file: flows/x.yaml', 'flows/x.yaml', {
        'flows/x.yaml': { symlink: '../../outside' },
      });
    },
    CASE_TIMEOUT,
  );

  it(
    'a committed symlink flows/h.yaml -> /etc/hostname',
    async () => {
      const needles: Array<[string, string]> = hostname.length >= 6 ? [['/etc/hostname content', hostname]] : [];
      await refusedReference(
        'symlink-host',
        'flows:\n  - file: flows/h.yaml',
        'flows/h.yaml',
        {
          'flows/h.yaml': { symlink: '/etc/hostname' },
        },
        { needles },
      );
    },
    CASE_TIMEOUT,
  );

  it(
    'flows[].optionsFile: .git/config',
    async () => {
      const body = 'flows:\n  - file: flows/main.yaml\n    optionsFile: .git/config';
      await refusedReference('options-gitconfig', body, '.git/config', { 'flows/main.yaml': OK_FLOW });
    },
    CASE_TIMEOUT,
  );

  it(
    'scripts[].file: .git/config',
    async () => {
      const body = 'scripts:\n  - {name: Sales Script, file: .git/config, division: Home}';
      await refusedReference('script-gitconfig', body, '.git/config');
    },
    CASE_TIMEOUT,
  );

  it(
    'premiumApps[].config: .git/config',
    async () => {
      const body = 'premiumApps:\n  - {integrationType: premium-app-example, config: .git/config}';
      await refusedReference('premium-gitconfig', body, '.git/config');
    },
    CASE_TIMEOUT,
  );

  it(
    'terraform.plan: .git/config',
    async () => {
      await refusedReference('plan-gitconfig', 'terraform: {plan: .git/config}', '.git/config');
    },
    CASE_TIMEOUT,
  );

  it(
    'a Terraform plan whose genesyscloud_flow filepath is ../outside.yaml',
    async () => {
      const after = { filepath: '../outside.yaml', substitutions: {} };
      const change = { actions: ['create'], before: null, after, after_unknown: { id: true } };
      const plan = {
        format_version: '1.2',
        terraform_version: '1.9.8',
        resource_changes: [
          {
            address: 'genesyscloud_flow.ivr',
            mode: 'managed',
            type: 'genesyscloud_flow',
            name: 'ivr',
            provider_name: 'registry.terraform.io/mypurecloud/genesyscloud',
            change,
          },
        ],
      };
      await refused(
        'plan-filepath',
        { [MANIFEST]: manifest('terraform: {plan: plan.json}'), 'plan.json': JSON.stringify(plan, null, 2) },
        { refused: { path: '../outside.yaml', at: /plan\.json:\d+:\d+/ } },
      );
    },
    CASE_TIMEOUT,
  );

  it(
    'the manifest itself is a symlink to .git/config (manifest input pointing at it)',
    async () => {
      const e = { refused: { path: 'preflight.yml', at: /preflight\.yml(:\d+:\d+)?/ } };
      const files = { 'preflight.yml': { symlink: '.git/config' } };
      await refused('manifest-symlink', files, e, { manifest: 'preflight.yml' });
    },
    CASE_TIMEOUT,
  );
});

describe('class 1: syntax errors, unknown keys and placeholders never quote the file', () => {
  it(
    'a YAML syntax error in the manifest on the line holding the canary',
    async () => {
      // An INI-style line (as in a committed config file): the yaml library's "Unexpected scalar
      // token" error used to quote the text after the colon.
      const id = 'yaml-manifest';
      const text = `[preflight]\n\tversion = a: CANARY-${id}-7f3a\n${manifest('flows:\n  - file: flows/main.yaml')}`;
      await refused(
        id,
        { [MANIFEST]: text, 'flows/main.yaml': OK_FLOW },
        {
          refused: { path: MANIFEST, at: /genesys-preflight\.yml:[12]:\d+/, codes: ['manifest-invalid'] },
        },
      );
    },
    CASE_TIMEOUT,
  );

  it(
    'a YAML syntax error in a flow file on the line holding the canary',
    async () => {
      const id = 'yaml-flow';
      const flow = `[section]\n\textraheader = AUTHORIZATION: basic CANARY-${id}-7f3a\n`;
      await refused(
        id,
        { [MANIFEST]: manifest('flows:\n  - file: flows/bad.yaml'), 'flows/bad.yaml': flow },
        { refused: { path: 'flows/bad.yaml', at: /flows\/bad\.yaml:[12]:\d+/, codes: ['manifest-invalid'] } },
      );
    },
    CASE_TIMEOUT,
  );

  it(
    'a JSON syntax error holding the canary (premium-app config)',
    async () => {
      const id = 'json-syntax';
      const config = `{\n  "provisioningInfo": {\n    "role": [CANARY-${id}-7f3a, ]\n  }\n}\n`;
      await refused(
        id,
        {
          [MANIFEST]: manifest(PREMIUM),
          'apps/provisioning.json': config,
        },
        { refused: { path: 'apps/provisioning.json', at: /apps\/provisioning\.json:3:\d+/, codes: INVALID } },
      );
    },
    CASE_TIMEOUT,
  );

  it(
    'an unknown manifest key named as the canary',
    async () => {
      const id = 'unknown-key';
      const text = manifest(`CANARY-${id}-7f3a: 1\nflows:\n  - file: flows/main.yaml`);
      const line = text.split('\n').findIndex((l) => l.includes('CANARY')) + 1;
      await refused(
        id,
        { [MANIFEST]: text, 'flows/main.yaml': OK_FLOW },
        {
          refused: {
            path: MANIFEST,
            at: new RegExp(`genesys-preflight\\.yml:${line}:\\d+`),
            codes: ['manifest-invalid'],
          },
        },
      );
    },
    CASE_TIMEOUT,
  );

  it(
    'an unfilled {{placeholder}} named as the canary in a flow file',
    async () => {
      const planted = 'CANARY_placeholder_7f3a';
      const flow = flowFile('Main IVR', { division: `{{${planted}}}` });
      await refused(
        'placeholder',
        { [MANIFEST]: manifest('flows:\n  - file: flows/p.yaml'), 'flows/p.yaml': flow },
        {
          refused: { path: 'flows/p.yaml', at: /flows\/p\.yaml:3:\d+/, codes: ['manifest-invalid'] },
          needles: [['placeholder name', planted]],
        },
      );
    },
    CASE_TIMEOUT,
  );
});
