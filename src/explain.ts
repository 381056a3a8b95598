/**
 * `explain "METHOD /api/v2/path"`: what one operation needs, from the catalog, and which deployer
 * plans make the call, with the condition and the source of each (src/plan/matrix.ts).
 */
import type { Catalog } from './catalog/catalog.js';
import type { Deployer, PlannedCall, ResourceKind } from './types.js';
import { termLines, termText } from './report/escape.js';
import { planMatrix, referenceLookups } from './plan/matrix.js';
import { describeSource } from './plan/sources.js';
import { DEPLOYERS } from './types.js';
import { policyCovers } from './evaluate/permissions.js';

/** One planned use of an operation: who makes it, in which actions, why, when, from which source. */
interface Use {
  deployer: Deployer;
  kind: ResourceKind | 'flow references';
  actions: string[];
  call: PlannedCall;
}

/**
 * The plan rows that make the call `matches` accepts, grouped by deployer, kind, purpose,
 * condition, division, requirement and source (the actions that share all of them are listed together).
 */
export function plannedUses(matches: (c: PlannedCall) => boolean): Use[] {
  const uses = new Map<string, Use>();
  const add = (deployer: Deployer, kind: Use['kind'], action: string, c: PlannedCall) => {
    if (!matches(c)) return;
    const key = JSON.stringify([
      deployer,
      kind,
      c.purpose,
      c.when,
      c.division,
      c.divisionBound,
      c.requires,
      c.source,
      c.note,
      c.unconfirmed,
    ]);
    const u = uses.get(key);
    if (u) {
      if (!u.actions.includes(action)) u.actions.push(action);
    } else uses.set(key, { deployer, kind, actions: [action], call: c });
  };
  for (const e of planMatrix()) for (const c of e.calls) add(e.deployer, e.kind, e.action, c);
  for (const d of DEPLOYERS)
    for (const c of referenceLookups(d)) add(d, 'flow references', 'every action but delete', c);
  return [...uses.values()];
}

/** Lines describing planned uses (plan tables are our own text: no escaping needed beyond the terminal's). */
function useLines(uses: readonly Use[]): string[] {
  if (!uses.length) return [];
  const lines = ['  planned by (deployer, kind, actions: purpose):'];
  for (const u of uses) {
    const c = u.call;
    const where = c.division
      ? `, in division ${c.division}`
      : c.divisionBound
        ? ", in the object's division"
        : ', org-wide';
    lines.push(`    ${u.deployer} ${u.kind} ${u.actions.join(', ')}: ${c.purpose}${where}`);
    if (c.when) lines.push(`      when: ${c.when}`);
    if (c.requires) {
      const rule = c.requiresSource ? describeSource(c.requiresSource) : "the source's";
      lines.push(
        `      needs: ${c.requires.values.join(c.requires.mode === 'ALL' ? ' and ' : ' or ')} (rule: ${rule}; not the catalog's)`,
      );
    }
    if (c.note) lines.push(`      note: ${c.note}`);
    if (c.unconfirmed) lines.push(`      not confirmed: ${c.unconfirmed}`);
    lines.push(`      source: ${c.source ? describeSource(c.source) : 'none'}`);
  }
  return lines;
}

/**
 * Renders the requirement of one operation and the plans that make it; returns undefined when the
 * operation is neither in the catalog nor planned. The catalog may come from a swagger file, so its
 * strings are escaped for a terminal (`termText`, `termLines`); the query itself is never printed.
 */
export function explainOperation(catalog: Catalog, query: string): string | undefined {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(query);
  if (!m) return undefined;
  const method = m[1]!.toUpperCase();
  const path = m[2]!.replace(/^https?:\/\/[^/]+/, '');
  const found = catalog.lookup(m[1]!, path);
  if (!found) {
    const uses = plannedUses((c) => c.method === method && c.path === path);
    if (!uses.length) return undefined;
    const c = uses[0]!.call;
    const head = `${c.method} ${c.path}  (not in the catalog: no published permission requirement)`;
    return termLines([head, ...useLines(uses)].join('\n'));
  }
  const t = termText;
  const op = {
    ...found,
    method: t(found.method),
    path: t(found.path),
    operationId: t(found.operationId),
    scopes: found.scopes.map(t),
    permissions: found.permissions && { mode: found.permissions.mode, values: found.permissions.values.map(t) },
  };
  const lines = [
    `${op.method} ${op.path}  (${op.operationId}${op.deprecated ? ', deprecated' : ''}${op.preview ? ', preview' : ''})`,
  ];
  if (op.permissions) {
    lines.push(
      op.permissions.mode === 'ANY' && op.permissions.values.length > 1
        ? `  permissions: any one of ${op.permissions.values.join(', ')}`
        : `  permissions: ${op.permissions.values.join(op.permissions.mode === 'ALL' ? ' and ' : ', ')}${op.permissions.values.length > 1 ? ' (all)' : ''}`,
    );
  } else lines.push('  permissions: none beyond a valid token');
  lines.push(
    op.scopesUnknown
      ? '  OAuth scopes: not published'
      : `  OAuth scopes (user tokens; any one): ${op.scopes.join(', ') || 'none'}`,
  );
  lines.push("  client-credentials tokens: scopes do not apply; the client's roles and divisions decide");
  // The plans write swagger templates, maybe with other parameter names: compare the shapes.
  const shape = (p: string) => p.replace(/\{[^}]*\}/g, '{}');
  const want = `${found.method.toUpperCase()} ${shape(found.path)}`;
  const same = (c: PlannedCall) => `${c.method} ${shape(c.path)}` === want;
  lines.push(...useLines(plannedUses(same)));
  return termLines(lines.join('\n'));
}

/** At most this many operations are listed by name; the rest are counted. */
const MAX_OPERATIONS = 40;

/**
 * `explain PERMISSION` (`architect:flow:publish`, or a wildcard policy `architect:flow:*`): the
 * catalog operations whose requirement names it (with ANY/ALL: whether it alone is enough), and the
 * deployer plans that make those calls. Undefined when the name has no `domain:entity:action` shape.
 */
export function explainPermission(catalog: Catalog, permission: string): string | undefined {
  if (!/^[A-Za-z0-9_\-*]+:[A-Za-z0-9_\-*]+:[A-Za-z0-9_\-*]+$/.test(permission)) return undefined;
  const covers = (v: string) => policyCovers(permission, v);
  const ops = [...catalog.operations()].filter((o) => o.permissions?.values.some(covers));
  const known = [...catalog.permissions].filter(covers);
  const t = termText;
  const lines = [
    `${t(permission)}${permission.includes('*') ? ` (a wildcard: covers ${known.length} permission${known.length === 1 ? '' : 's'} of the catalog)` : ''}`,
  ];
  const opKeys = new Set(ops.map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{[^}]*\}/g, '{}')}`));
  const uses = plannedUses(
    (c) =>
      opKeys.has(`${c.method} ${c.path.replace(/\{[^}]*\}/g, '{}')}`) || (c.requires?.values.some(covers) ?? false),
  );
  if (!ops.length) {
    lines.push(
      "  no operation of the catalog requires it (it may still exist: live mode checks the org's own permission catalog)",
    );
    if (uses.length) lines.push(...useLines(uses));
    return termLines(lines.join('\n'));
  }
  const alone = ops.filter((o) => o.permissions!.mode === 'ANY' || o.permissions!.values.length === 1);
  lines.push(
    `  required by ${ops.length} operation${ops.length === 1 ? '' : 's'}; enough on its own for ${alone.length} (ANY, or the only one)`,
  );
  for (const o of ops.slice(0, MAX_OPERATIONS)) {
    const set = o.permissions!;
    const others = set.values.filter((v) => !covers(v));
    const how = set.mode === 'ANY' || set.values.length === 1 ? 'enough' : `with ${others.map(t).join(', ')} (ALL)`;
    lines.push(`    ${t(o.method)} ${t(o.path)}: ${how}`);
  }
  if (ops.length > MAX_OPERATIONS) lines.push(`    … and ${ops.length - MAX_OPERATIONS} more`);
  if (uses.length) lines.push(...useLines(uses));
  else lines.push('  no deployer plan of this tool makes these calls');
  return termLines(lines.join('\n'));
}

/**
 * `explain SCOPE` (`architect`, `routing:readonly`): the operations a user token with the scope may
 * call (any one of an operation's scopes admits it); client-credentials tokens ignore scopes.
 * Undefined when the catalog knows no such scope.
 */
export function explainScope(catalog: Catalog, scope: string): string | undefined {
  if (!catalog.scopes.has(scope)) return undefined;
  const ops = [...catalog.operations()].filter((o) => o.scopes.includes(scope));
  const t = termText;
  const lines = [
    `OAuth scope ${t(scope)}: admits ${ops.length} operation${ops.length === 1 ? '' : 's'} for user tokens (client-credentials tokens: scopes do not apply)`,
  ];
  for (const o of ops.slice(0, MAX_OPERATIONS)) lines.push(`    ${t(o.method)} ${t(o.path)}`);
  if (ops.length > MAX_OPERATIONS) lines.push(`    … and ${ops.length - MAX_OPERATIONS} more`);
  return termLines(lines.join('\n'));
}
