/**
 * The action's `missing-permissions` output keeps every org, whatever its name: `__proto__`,
 * `constructor`, `toString` and `hasOwnProperty` are own keys of the JSON like any other.
 */
import { describe, it, expect } from '@jest/globals';
import { missingPermissions } from '../../src/action/outputs.js';
import { summarize, type Report } from '../../src/report/model.js';
import type { Finding } from '../../src/types.js';

const finding = (permission: string, division: string | null): Finding => ({
  severity: 'error',
  code: 'missing-permission',
  message: 'm',
  remedy: { kind: 'add-permission', role: 'R', permissions: [permission], division },
});

function report(names: string[]): Report {
  const orgs = names.map((name, i) => ({
    name,
    orgId: null,
    region: 'us-east-1',
    principal: 'declared' as const,
    passed: false,
    requirements: [],
    findings: [finding(`architect:flow:p${i}`, i % 2 ? null : 'Home')],
  }));
  return {
    version: 1,
    mode: 'offline',
    passed: false,
    manifest: 'm.yml',
    summary: summarize(orgs.flatMap((o) => o.findings)),
    orgs,
    findings: [],
  };
}

describe('missing-permissions output', () => {
  it('org names that are Object.prototype keys appear in the JSON, with their own permissions', () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prod-eu'];
    const json = JSON.stringify(missingPermissions(report(names)));
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(names);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual([
      { permission: 'architect:flow:p0', divisions: ['Home'] },
    ]);
    expect(parsed.constructor).toEqual([{ permission: 'architect:flow:p1', divisions: ['any'] }]);
    expect(parsed['prod-eu']).toEqual([{ permission: 'architect:flow:p4', divisions: ['Home'] }]);
    expect(json.startsWith('{"__proto__":[{"permission":"architect:flow:p0"')).toBe(true);
  });

  it('an org named __proto__ does not change the prototype of the result', () => {
    const out = missingPermissions(report(['__proto__']));
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).architect).toBeUndefined();
  });
});
