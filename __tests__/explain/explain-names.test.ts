/** explain PERMISSION and explain SCOPE (issue 14, item 3). */
import { describe, it, expect } from '@jest/globals';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { explainPermission, explainScope } from '../../src/explain.js';

const catalog = bundledCatalog();

describe('explain PERMISSION / SCOPE', () => {
  it('a permission: the operations that need it, ANY/ALL, and the plans that make those calls', () => {
    const text = explainPermission(catalog, 'routing:scheduleGroup:add')!;
    expect(text).toMatch(/^routing:scheduleGroup:add\n  required by \d+ operations?; enough on its own for \d+/);
    expect(text).toContain('POST /api/v2/architect/schedulegroups: enough');
    expect(text).toMatch(/planned by[\s\S]*api scheduleGroup/);
  });

  it('a permission no catalog operation names but a plan requires (the Archy session)', () => {
    const text = explainPermission(catalog, 'architect:ui:view')!;
    expect(text).toContain('no operation of the catalog requires it');
    expect(text).toMatch(/archy flow .*start the Architect Scripting session/);
  });

  it('a wildcard counts what it covers; an ALL set names its other members', () => {
    const text = explainPermission(catalog, 'architect:flow:*')!;
    expect(text).toMatch(/a wildcard: covers \d+ permissions of the catalog/);
    const all = [...catalog.operations()].find(
      (o) => o.permissions?.mode === 'ALL' && o.permissions.values.length > 1,
    )!;
    const other = all.permissions!.values[1]!;
    expect(explainPermission(catalog, all.permissions!.values[0]!)).toContain(`with ${other}`);
  });

  it('a scope lists what it admits for user tokens; unknown names and shapes give undefined', () => {
    expect(explainScope(catalog, 'architect:readonly')).toMatch(
      /^OAuth scope architect:readonly: admits \d+ operations for user tokens/,
    );
    expect(explainScope(catalog, 'no-such-scope')).toBeUndefined();
    expect(explainPermission(catalog, 'not a permission')).toBeUndefined();
  });
});
