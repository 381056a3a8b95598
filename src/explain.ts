/** `explain "METHOD /api/v2/path"`: what one operation needs, from the catalog. */
import type { Catalog } from './catalog/catalog.js';
import { termLines, termText } from './report/escape.js';

/**
 * Renders the requirement of one operation; returns undefined when the operation is unknown.
 * The catalog may come from a swagger file, so its strings are escaped for a terminal (`termText`, `termLines`).
 */
export function explainOperation(catalog: Catalog, query: string): string | undefined {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(query);
  if (!m) return undefined;
  const found = catalog.lookup(m[1]!, m[2]!.replace(/^https?:\/\/[^/]+/, ''));
  if (!found) return undefined;
  const t = termText;
  const op = {
    ...found,
    method: t(found.method),
    path: t(found.path),
    operationId: t(found.operationId),
    scopes: found.scopes.map(t),
    permissions: found.permissions && { mode: found.permissions.mode, values: found.permissions.values.map(t) },
  };
  const lines = [`${op.method} ${op.path}  (${op.operationId}${op.deprecated ? ', deprecated' : ''}${op.preview ? ', preview' : ''})`];
  if (op.permissions) {
    lines.push(
      op.permissions.mode === 'ANY' && op.permissions.values.length > 1
        ? `  permissions: any one of ${op.permissions.values.join(', ')}`
        : `  permissions: ${op.permissions.values.join(op.permissions.mode === 'ALL' ? ' and ' : ', ')}${op.permissions.values.length > 1 ? ' (all)' : ''}`,
    );
  } else lines.push('  permissions: none beyond a valid token');
  lines.push(op.scopesUnknown ? '  OAuth scopes: not published' : `  OAuth scopes (user tokens; any one): ${op.scopes.join(', ') || 'none'}`);
  lines.push('  client-credentials tokens: scopes do not apply; the client\'s roles and divisions decide');
  return termLines(lines.join('\n'));
}
