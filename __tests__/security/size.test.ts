/**
 * Attack class 6 (issue 10): small inputs that cost quadratic time or unbounded output. Every run
 * must finish before the kill timer, under a 512 MB heap, with a verdict or a clear exit 2, and
 * the JSON report stays under 50 MB. (Time is bounded by the kill timer, never measured.)
 */
import { describe, it, expect } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import {
  attackSuite,
  CLEAN,
  KILL_MS,
  allExit,
  exitCodes,
  manifest,
  runCase,
  verdict,
  workspace,
  type CaseResult,
  type RunOptions,
} from './harness.js';

attackSuite();

/**
 * Offline (the declared principal is evaluated: did-you-mean over role names runs); the action
 * (which also writes the JSON report, whose size is checked), then the CLI's text format, one at
 * a time (a parallel run on a small machine would make the kill timer measure contention).
 */
const OFFLINE: RunOptions = {
  inputs: { mode: 'offline' },
  cliArgs: ['--mode', 'offline'],
  serial: true,
  // The action as the runner runs it, with its heap cap: memory must stay bounded as a runner
  // measures it. The CLI (run by people, with no cap) shares the engine and runs in the worker.
  process: 'action',
  formats: ['text'],
};
/** Two runs one after another, each bounded by the kill timer. */
const SERIAL_TIMEOUT = 2 * KILL_MS + 60_000;

/** `n` random lowercase letters. */
function letters(n: number): string {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i++) out += String.fromCharCode(97 + (bytes[i]! % 26));
  return out;
}

const sameExit = (r: CaseResult) => new Set(Object.values(exitCodes(r))).size === 1;

describe('class 6: bounded time, memory and output', () => {
  it(
    'a 2 MB manifest with two long different role names (one undefined: did-you-mean)',
    async () => {
      const id = 'long-roles';
      const defined = `Role${letters(1_000_000)}`;
      const used = `Role${letters(1_000_000)}`;
      const text = `# CANARY-${id}-7f3a\n${manifest('flows:\n  - {name: Main IVR, type: inboundcall}', {
        credentials: false,
        roles: `  ${defined}: {permissions: [architect:flow:view]}`,
        principal: `        - {role: ${used}, divisions: ['*']}`,
      })}`;
      const ws = workspace(id, { 'genesys-preflight.yml': text });
      const r = await runCase(ws, OFFLINE);
      const needles: Array<[string, string]> = [['the undefined name (part)', used.slice(1000, 1100)]];
      expect({ exits: exitCodes(r), ...verdict(r, { needles }) }).toEqual({ exits: allExit(r, 2), ...CLEAN });
    },
    SERIAL_TIMEOUT,
  );

  it(
    'a ~1.5 MB flow file with 40,000 queue references',
    async () => {
      const id = 'many-refs';
      const refs: string[] = [];
      for (let i = 0; i < 40_000; i++) refs.push(`    - {targetQueue: {lit: {name: Q${i}}}}`);
      const flow = [
        'inboundCall:',
        '  name: Big IVR',
        `  description: CANARY-${id}-7f3a`,
        '  startUpRef: "/inboundCall/menus/menu[Main_1]"',
        '  defaultLanguage: en-us',
        '  tasks:',
        ...refs,
        '',
      ].join('\n');
      const text = manifest('flows:\n  - file: flows/big.yaml', {
        credentials: false,
        roles: '  Flow Deployer: {permissions: ["architect:*:*", routing:queue:view]}',
      });
      const ws = workspace(id, { 'genesys-preflight.yml': text, 'flows/big.yaml': flow });
      const r = await runCase(ws, OFFLINE);
      const codes = Object.values(exitCodes(r));
      expect({ ...verdict(r), sameExit: sameExit(r), verdict: codes[0] === 0 || codes[0] === 1 }).toEqual({
        ...CLEAN,
        sameExit: true,
        verdict: true,
      });
    },
    SERIAL_TIMEOUT,
  );

  it(
    '1,000 orgs × 10,000 resources from a ~300 KB manifest: a clear cap error (exit 2), no big report',
    async () => {
      const id = 'orgs-x-resources';
      const orgs: string[] = [];
      for (let i = 0; i < 1000; i++) {
        const principal = "{grant: client-credentials, roles: [{role: R, divisions: ['*']}]}";
        orgs.push(`  - {name: o${i}, region: us-east-1, principal: ${principal}}`);
      }
      const groups: string[] = [];
      for (let i = 0; i < 10_000; i++) groups.push(`  - {name: g${i}}`);
      const roles = ['roles:', '  R: {permissions: [routing:scheduleGroup:view]}'];
      const text = [
        `# CANARY-${id}-7f3a`,
        'version: 1',
        'orgs:',
        ...orgs,
        ...roles,
        'scheduleGroups:',
        ...groups,
        '',
      ].join('\n');
      const ws = workspace(id, { 'genesys-preflight.yml': text });
      const r = await runCase(ws, OFFLINE);
      const said = `${r.cli.text?.stdout ?? ''}\n${r.cli.text?.stderr ?? ''}`;
      expect({
        exits: exitCodes(r),
        ...verdict(r),
        capNamed: /limit|at most|too many|exceed|cap\b/i.test(said),
        reportUnder50MB: (r.action.reportBytes ?? 0) < 50 * 1024 * 1024,
      }).toEqual({ exits: allExit(r, 2), ...CLEAN, capNamed: true, reportUnder50MB: true });
    },
    SERIAL_TIMEOUT,
  );

  it(
    'a Terraform plan nested 100,000 levels deep: a located error (exit 2)',
    async () => {
      const id = 'deep-plan';
      const depth = 100_000;
      const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const plan = `{"format_version":"1.2","canary":"CANARY-${id}-7f3a","resource_changes":${nested}}`;
      const planManifest = manifest('terraform: {plan: plan.json}', { credentials: false });
      const files = { 'genesys-preflight.yml': planManifest, 'plan.json': plan };
      const r = await runCase(workspace(id, files), OFFLINE);
      const e = { refused: { path: 'plan.json', at: /plan\.json:\d+:\d+/, codes: ['manifest-invalid'] } };
      expect({ exits: exitCodes(r), ...verdict(r, e) }).toEqual({ exits: allExit(r, 2), ...CLEAN });
    },
    SERIAL_TIMEOUT,
  );
});
