/**
 * Attack class 1 (issue 10): file content exfiltration. A pull request names, as an input file,
 * the checkout credential (.git/config), a file outside the workspace (../, absolute, symlink), or
 * plants its own content in a syntax error, an unknown key or a placeholder. Intended behaviour:
 * exit 2 with a located manifest-invalid / file-not-found naming the path, never the content.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { bundles } from './bundle.js';
import type { FakeGenesys } from '../../src/genesys/fake/index.js';
import { CASE_TIMEOUT, CLEAN, allExit, exitCodes, flowFile, manifest, runCase, startGenesys, verdict, workspace, type Expect } from './harness.js';

let genesys: FakeGenesys;
beforeAll(async () => {
  genesys = await startGenesys();
  await bundles();
}, 400_000);
afterAll(async () => {
  await genesys.close();
});

const M = /genesys-preflight\.yml:\d+:\d+/;
const OK_FLOW = flowFile('Main IVR');

/** /etc/passwd's first entry and this machine's hostname: content that must never be quoted. */
const PASSWD: [string, string] = ['/etc/passwd content', 'root:x:0:0'];
const hostname = (() => {
  try {
    return readFileSync('/etc/hostname', 'utf8').trim();
  } catch {
    return '';
  }
})();

async function refused(id: string, files: Record<string, Parameters<typeof workspace>[1][string]>, e: Expect, inputs: Record<string, string> = {}) {
  const ws = workspace(id, files);
  const r = await runCase(ws, { inputs, ...(inputs.manifest ? { cliArgs: ['--manifest', inputs.manifest] } : {}) });
  expect({ exits: exitCodes(r), ...verdict(r, e) }).toEqual({ exits: allExit(r, 2), ...CLEAN });
}

describe('class 1: an input path cannot reach a file outside the workspace or under .git/', () => {
  it('control: a benign PR passes, checked live on the fake (the harness works)', async () => {
    const ws = workspace('control', { 'genesys-preflight.yml': manifest('flows:\n  - file: flows/main.yaml'), 'flows/main.yaml': OK_FLOW });
    const r = await runCase(ws);
    expect({ exits: exitCodes(r), ...verdict(r), mode: JSON.parse(r.action.report ?? '{}').mode, comments: r.action.comments.length }).toEqual({
      exits: allExit(r, 0),
      ...CLEAN,
      mode: 'live',
      comments: 1,
    });
  }, CASE_TIMEOUT);

  it('flows[].file: .git/config (the checkout credential)', async () => {
    await refused('flow-gitconfig', { 'genesys-preflight.yml': manifest('flows:\n  - file: .git/config') }, { refused: { path: '.git/config', at: M } });
  }, CASE_TIMEOUT);

  it('flows[].file: ../outside.yaml (outside the workspace)', async () => {
    await refused('flow-dotdot', { 'genesys-preflight.yml': manifest('flows:\n  - file: ../outside.yaml') }, { refused: { path: '../outside.yaml', at: M } });
  }, CASE_TIMEOUT);

  it('flows[].file: /etc/passwd (absolute)', async () => {
    await refused('flow-abs', { 'genesys-preflight.yml': manifest('flows:\n  - file: /etc/passwd') }, { refused: { path: '/etc/passwd', at: M }, needles: [PASSWD] });
  }, CASE_TIMEOUT);

  it('flows[].file: /proc/self/environ (the job environment, secrets included)', async () => {
    await refused('flow-environ', { 'genesys-preflight.yml': manifest('flows:\n  - file: /proc/self/environ') }, { refused: { path: '/proc/self/environ', at: M } });
  }, CASE_TIMEOUT);

  it('a committed symlink flows/x.yaml -> ../../outside', async () => {
    await refused(
      'symlink-out',
      { 'genesys-preflight.yml': manifest('flows:\n  - file: flows/x.yaml'), 'flows/x.yaml': { symlink: '../../outside' } },
      { refused: { path: 'flows/x.yaml', at: M } },
    );
  }, CASE_TIMEOUT);

  it('a committed symlink flows/h.yaml -> /etc/hostname', async () => {
    await refused(
      'symlink-host',
      { 'genesys-preflight.yml': manifest('flows:\n  - file: flows/h.yaml'), 'flows/h.yaml': { symlink: '/etc/hostname' } },
      { refused: { path: 'flows/h.yaml', at: M }, needles: hostname.length >= 6 ? [['/etc/hostname content', hostname]] : [] },
    );
  }, CASE_TIMEOUT);

  it('flows[].optionsFile: .git/config', async () => {
    await refused(
      'options-gitconfig',
      { 'genesys-preflight.yml': manifest('flows:\n  - file: flows/main.yaml\n    optionsFile: .git/config'), 'flows/main.yaml': OK_FLOW },
      { refused: { path: '.git/config', at: M } },
    );
  }, CASE_TIMEOUT);

  it('scripts[].file: .git/config', async () => {
    await refused(
      'script-gitconfig',
      { 'genesys-preflight.yml': manifest('scripts:\n  - {name: Sales Script, file: .git/config, division: Home}') },
      { refused: { path: '.git/config', at: M } },
    );
  }, CASE_TIMEOUT);

  it('premiumApps[].config: .git/config', async () => {
    await refused(
      'premium-gitconfig',
      { 'genesys-preflight.yml': manifest('premiumApps:\n  - {integrationType: premium-app-example, config: .git/config}') },
      { refused: { path: '.git/config', at: M } },
    );
  }, CASE_TIMEOUT);

  it('terraform.plan: .git/config', async () => {
    await refused('plan-gitconfig', { 'genesys-preflight.yml': manifest('terraform: {plan: .git/config}') }, { refused: { path: '.git/config', at: M } });
  }, CASE_TIMEOUT);

  it("a Terraform plan whose genesyscloud_flow filepath is ../outside.yaml", async () => {
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
          change: { actions: ['create'], before: null, after: { filepath: '../outside.yaml', substitutions: {} }, after_unknown: { id: true } },
        },
      ],
    };
    await refused(
      'plan-filepath',
      { 'genesys-preflight.yml': manifest('terraform: {plan: plan.json}'), 'plan.json': JSON.stringify(plan, null, 2) },
      { refused: { path: '../outside.yaml', at: /plan\.json:\d+:\d+/ } },
    );
  }, CASE_TIMEOUT);

  it('the manifest itself is a symlink to .git/config (manifest input pointing at it)', async () => {
    await refused('manifest-symlink', { 'preflight.yml': { symlink: '.git/config' } }, { refused: { path: 'preflight.yml', at: /preflight\.yml(:\d+:\d+)?/ } }, { manifest: 'preflight.yml' });
  }, CASE_TIMEOUT);
});

describe('class 1: syntax errors, unknown keys and placeholders never quote the file', () => {
  it('a YAML syntax error in the manifest on the line holding the canary', async () => {
    const id = 'yaml-manifest';
    const text = manifest(`flows:\n  - file: flows/main.yaml\n  - {name: [CANARY-${id}-7f3a: {, type: inboundcall}`);
    const line = text.split('\n').findIndex((l) => l.includes('CANARY')) + 1;
    await refused(id, { 'genesys-preflight.yml': text, 'flows/main.yaml': OK_FLOW }, { refused: { path: 'genesys-preflight.yml', at: new RegExp(`genesys-preflight\\.yml:${line}:\\d+`), codes: ['manifest-invalid'] } });
  }, CASE_TIMEOUT);

  it('a YAML syntax error in a flow file on the line holding the canary', async () => {
    const id = 'yaml-flow';
    const flow = `inboundCall:\n  name: Main IVR\n  description: "CANARY-${id}-7f3a\n  startUpRef: x: y: [\n`;
    await refused(
      id,
      { 'genesys-preflight.yml': manifest('flows:\n  - file: flows/bad.yaml'), 'flows/bad.yaml': flow },
      { refused: { path: 'flows/bad.yaml', at: /flows\/bad\.yaml:\d+:\d+/, codes: ['manifest-invalid'] } },
    );
  }, CASE_TIMEOUT);

  it('a JSON syntax error holding the canary (premium-app config)', async () => {
    const id = 'json-syntax';
    const config = `{\n  "provisioningInfo": {\n    "role": [CANARY-${id}-7f3a, ]\n  }\n}\n`;
    await refused(
      id,
      { 'genesys-preflight.yml': manifest('premiumApps:\n  - {integrationType: premium-app-example, config: apps/provisioning.json}'), 'apps/provisioning.json': config },
      { refused: { path: 'apps/provisioning.json', at: /apps\/provisioning\.json:3:\d+/, codes: ['manifest-invalid'] } },
    );
  }, CASE_TIMEOUT);

  it('an unknown manifest key named as the canary', async () => {
    const id = 'unknown-key';
    const text = manifest(`CANARY-${id}-7f3a: 1\nflows:\n  - file: flows/main.yaml`);
    const line = text.split('\n').findIndex((l) => l.includes('CANARY')) + 1;
    await refused(id, { 'genesys-preflight.yml': text, 'flows/main.yaml': OK_FLOW }, { refused: { path: 'genesys-preflight.yml', at: new RegExp(`genesys-preflight\\.yml:${line}:\\d+`), codes: ['manifest-invalid'] } });
  }, CASE_TIMEOUT);

  it('an unfilled {{placeholder}} named as the canary in a flow file', async () => {
    const id = 'placeholder';
    const planted = 'CANARY_placeholder_7f3a';
    const flow = `inboundCall:\n  name: Main IVR\n  division: "{{${planted}}}"\n  startUpRef: "/inboundCall/menus/menu[Main_1]"\n  defaultLanguage: en-us\n`;
    await refused(
      id,
      { 'genesys-preflight.yml': manifest('flows:\n  - file: flows/p.yaml'), 'flows/p.yaml': flow },
      { refused: { path: 'flows/p.yaml', at: /flows\/p\.yaml:3:\d+/, codes: ['manifest-invalid'] }, needles: [['placeholder name', planted]] },
    );
  }, CASE_TIMEOUT);
});
