/**
 * Attack class 8 (issue 10), the smaller items not about live mode: object keys that are names of
 * Object.prototype members, an org named __proto__ in the outputs, and Terraform template syntax
 * in names written by `policy --format terraform`.
 */
import { describe, it, expect } from '@jest/globals';
import {
  attackSuite,
  CASE_TIMEOUT,
  CLEAN,
  allExit,
  channels,
  exitCodes,
  flowFile,
  manifest,
  runCase,
  runCliCommand,
  verdict,
  workspace,
  type RunOptions,
} from './harness.js';

attackSuite();

const OFFLINE: RunOptions = { inputs: { mode: 'offline' }, cliArgs: ['--mode', 'offline'] };
const CRASH = /internal error|TypeError|is not a function|Cannot (read|convert)/;

describe('class 8: prototype keys, __proto__ org, Terraform template syntax', () => {
  it(
    'keys constructor / toString / __proto__ / hasOwnProperty in a flow file: no internal error',
    async () => {
      const id = 'proto-keys';
      const extra = [
        '  constructor: 1',
        '  toString: {lit: {name: Sales}}',
        '  __proto__: {targetQueue: {lit: {name: Support}}}',
        '  hasOwnProperty: [1, 2]',
        '  valueOf:',
        '    constructor: {targetQueue: {lit: {name: constructor}}}',
        `    __proto__: CANARY-${id}-7f3a`,
      ].join('\n');
      const text = manifest('flows:\n  - file: flows/main.yaml\n    substitutions: {constructor: a, toString: b}');
      const ws = workspace(id, { 'genesys-preflight.yml': text, 'flows/main.yaml': flowFile('Main IVR', { extra }) });
      const r = await runCase(ws);
      const codes = [...new Set(Object.values(exitCodes(r)))];
      const internal = channels(r)
        .filter((c) => CRASH.test(c.text))
        .map((c) => c.name);
      const oneExit = codes.length === 1 && [0, 1, 2].includes(codes[0] as number);
      expect({ ...verdict(r), internal, oneExit }).toEqual({ ...CLEAN, internal: [], oneExit: true });
    },
    CASE_TIMEOUT,
  );

  it(
    'an org named __proto__ keeps its entry in the missing-permissions and orgs outputs',
    async () => {
      const ws = workspace('proto-org', {
        'genesys-preflight.yml': manifest('flows:\n  - file: flows/main.yaml', {
          org: '__proto__',
          credentials: false,
        }),
        'flows/main.yaml': flowFile('Main IVR'),
      });
      const r = await runCase(ws, OFFLINE);
      const missing = JSON.parse(r.action.outputs['missing-permissions'] ?? '{}') as Record<string, unknown>;
      const own = Object.hasOwn(missing, '__proto__') ? (missing as Record<string, unknown[]>)['__proto__'] : undefined;
      expect({
        exits: exitCodes(r),
        ...verdict(r),
        protoEntry: Array.isArray(own) && own.length > 0,
        orgs: JSON.parse(r.action.outputs.orgs ?? '[]'),
      }).toEqual({ exits: allExit(r, 1), ...CLEAN, protoEntry: true, orgs: ['__proto__'] });
    },
    CASE_TIMEOUT,
  );

  it(
    'policy --format terraform escapes ${ and %{ in names (no Terraform expression from a name)',
    async () => {
      const expr = '${file("/etc/passwd")}';
      const directive = '%{ if true }x%{ endif }';
      const role = JSON.stringify(`Role ${expr}`);
      const group = `  - {name: ${JSON.stringify(`SG ${directive}`)}, division: ${JSON.stringify(directive)}}`;
      const text = manifest(['flows:', '  - file: flows/main.yaml', 'scheduleGroups:', group].join('\n'), {
        credentials: false,
        roles: `  ${role}: {permissions: [architect:flow:view]}`,
        principal: `        - {role: ${role}, divisions: ['*']}`,
      });
      const flow = flowFile('Main IVR', { division: expr });
      const ws = workspace('hcl', { 'genesys-preflight.yml': text, 'flows/main.yaml': flow });
      const r = await runCase(ws, OFFLINE);
      const policy = await runCliCommand(ws, [
        'policy',
        '--format',
        'terraform',
        '--manifest',
        'genesys-preflight.yml',
      ]);
      r.extra.push(policy);
      const hcl = policy.stdout;
      expect({
        exits: { ...exitCodes(r), policy: policy.code },
        ...verdict(r, { needles: [['/etc/passwd content', 'root:x:0:0']] }),
        escapedDollar: hcl.includes('$${file('),
        escapedPercent: hcl.includes('%%{ if true }'),
        unescaped: [...hcl.matchAll(/(^|[^$])\$\{|(^|[^%])%\{/g)].map((m) => m[0]),
      }).toEqual({
        exits: { ...allExit(r, 1), policy: 0 },
        ...CLEAN,
        escapedDollar: true,
        escapedPercent: true,
        unescaped: [],
      });
    },
    CASE_TIMEOUT,
  );
});
