/**
 * parseDeployLog: the corpus of deploy-log excerpts (__tests__/fixtures/logs, written from the
 * documented formats: see src/diagnose/*.ts), edge cases, a property test (injected error bodies are
 * found, exactly), and hostile input (linear scan, no catastrophic backtracking).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { diagnose, parseDeployLog, type LogFailure } from '../../src/diagnose/index.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'logs');
const corpus = readdirSync(DIR)
  .filter((f) => f.endsWith('.log'))
  .sort();

const withoutExcerpt = (list: LogFailure[]) => list.map(({ excerpt: _e, ...rest }) => rest);

const ANY =
  'Unable to perform the requested action. You must have at least one of the following permissions assigned: ';
const ALL = 'You are missing the following permission(s): ';
const uuid = (n: number) => `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An ErrorBody as Genesys (and the fake, test-support/fake-genesys/authz.ts) sends it. */
function errorBody(mode: 'ANY' | 'ALL', perms: string[], contextId: string, prefix = true): Record<string, unknown> {
  const head = mode === 'ANY' ? (prefix ? ANY : ANY.replace('Unable to perform the requested action. ', '')) : ALL;
  return {
    message: head + perms.join(', '),
    code: mode === 'ANY' ? 'missing.any.permissions' : 'missing.permissions',
    status: 403,
    messageWithParams: head + '{permissions}',
    messageParams: { permissions: perms.join(', ') },
    contextId,
    details: [],
    errors: [],
  };
}

describe('corpus', () => {
  it('has at least 28 logs, each with its expected result', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(28);
    for (const f of corpus) expect(readdirSync(DIR)).toContain(f.replace(/\.log$/, '.expected.json'));
  });

  it.each(corpus)('%s', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.log$/, '.expected.json')), 'utf8'));
    const got = parseDeployLog(text, { catalog: bundledCatalog() });
    expect(withoutExcerpt(got)).toEqual(expected);
    for (const f of got) {
      expect(f.excerpt.length).toBeGreaterThan(0);
      expect(f.excerpt.length).toBeLessThanOrEqual(300);
      expect(f.excerpt).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]|\s\s/);
    }
  });
});

describe('parseDeployLog', () => {
  it('matches operations only with a catalog; diagnose() matches them', () => {
    const body = JSON.stringify(errorBody('ANY', ['architect:flow:add'], uuid(1)));
    const text = `POST https://api.mypurecloud.com/api/v2/flows -> HTTP 403\n${body}\n`;
    expect(parseDeployLog(text)[0]!.operation).toBeUndefined();
    expect(parseDeployLog(text)[0]!.path).toBe('/api/v2/flows');
    expect(diagnose(text, bundledCatalog())[0]!.operation).toBe('POST /api/v2/flows');
  });

  it('reads the fake\'s ANY message without the "Unable to perform" prefix, and legacy single names', () => {
    const text = JSON.stringify(errorBody('ANY', ['admin', 'directory:user:edit'], uuid(2), false));
    const values = ['admin', 'directory:user:edit'];
    expect(parseDeployLog(text)).toMatchObject([{ permissions: { mode: 'ANY', values } }]);
  });

  it('reads the list from the message when messageParams is missing, up to a full stop or a parenthesis', () => {
    const a = parseDeployLog(`{"message":"${ALL}a:b:c, d:e:f.","code":"missing.permissions","status":403}`);
    expect(a[0]!.permissions).toEqual({ mode: 'ALL', values: ['a:b:c', 'd:e:f'] });
    const b = parseDeployLog(`Error: API Error: 403 - ${ALL}x:y:z (${uuid(3)})`);
    expect(b).toMatchObject([
      { kind: 'http-status', status: 403, permissions: { values: ['x:y:z'] }, contextId: uuid(3) },
    ]);
  });

  it('follows JSON escaped twice', () => {
    const once = JSON.stringify(JSON.stringify(errorBody('ALL', ['architect:flow:add'], uuid(4))));
    const twice = JSON.stringify({ event: 'log', payload: JSON.stringify({ err: JSON.parse(once) }) });
    expect(withoutExcerpt(parseDeployLog(`x\n${twice}\n`))).toEqual([
      {
        kind: 'error-body',
        line: 2,
        code: 'missing.permissions',
        status: 403,
        permissions: { mode: 'ALL', values: ['architect:flow:add'] },
        contextId: uuid(4),
      },
    ]);
  });

  it('keeps a __proto__ key as data', () => {
    const text = `{"__proto__":{"polluted":true},"message":"${ALL}a:b:c","code":"missing.permissions","status":403}`;
    expect(parseDeployLog(text)).toHaveLength(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports one failure for one body printed twice: same contextId, or adjacent lines without one', () => {
    const b = JSON.stringify(errorBody('ANY', ['architect:flow:view'], uuid(5)));
    const noId = JSON.stringify({ ...errorBody('ANY', ['architect:flow:view'], ''), contextId: undefined }, null, 2);
    expect(parseDeployLog(`${b}\nx\ny\nz\n${b}\n`)).toHaveLength(1);
    expect(parseDeployLog(`${noId}\n${noId}\n`)).toHaveLength(1);
    expect(parseDeployLog(`${noId}\nretry\n\n${noId}\n`)).toHaveLength(2);
    // Different requests with the same permissions are two failures.
    const other = JSON.stringify(errorBody('ANY', ['architect:flow:view'], uuid(6)));
    expect(parseDeployLog(`${b}\n${other}\n`)).toHaveLength(2);
  });

  it('reports 401s only with includeAuth', () => {
    const text = readFileSync(join(DIR, corpus.find((f) => f.includes('401'))!), 'utf8');
    expect(parseDeployLog(text)).toEqual([]);
    const auth = parseDeployLog(text, { includeAuth: true, catalog: bundledCatalog() });
    expect(auth.length).toBeGreaterThan(0);
    expect(auth.every((f) => f.status === 401)).toBe(true);
    expect(auth[0]).toMatchObject({
      method: 'GET',
      path: '/api/v2/flows',
      operation: 'GET /api/v2/flows',
      code: 'bad.credentials',
    });
  });

  it('reads CRLF logs and a 403 line on any host', () => {
    const text = 'step 1\r\nGET https://proxy.example.com/api/v2/routing/queues?name=x HTTP 403\r\n';
    expect(withoutExcerpt(parseDeployLog(text))).toEqual([
      { kind: 'http-status', line: 2, method: 'GET', path: '/api/v2/routing/queues', status: 403 },
    ]);
  });

  it('puts the Archy flow name on an error body printed in the session window', () => {
    const text = [
      "Error publishing flow 'Main IVR'",
      JSON.stringify(errorBody('ALL', ['architect:flow:publish'], uuid(7))),
      'Architect Scripting session ended in error ( code: 99 )',
    ].join('\n');
    expect(withoutExcerpt(parseDeployLog(text))).toEqual([
      {
        kind: 'error-body',
        line: 2,
        code: 'missing.permissions',
        status: 403,
        permissions: { mode: 'ALL', values: ['architect:flow:publish'] },
        contextId: uuid(7),
        resource: 'Main IVR',
      },
    ]);
  });

  it('reads an Archy step inside a session window as archy-step', () => {
    const text = [
      'Publishing flow...',
      'Failed to create flow "Callback Flow": not authorized',
      "the 'architect:flow:add' permission is required",
      'Architect Scripting session ended in error ( code: 99 )',
    ].join('\n');
    expect(withoutExcerpt(parseDeployLog(text))).toEqual([
      {
        kind: 'archy-step',
        line: 2,
        status: 403,
        permissions: { mode: 'ALL', values: ['architect:flow:add'] },
        resource: 'Callback Flow',
      },
    ]);
  });

  it("ignores Terraform errors that are not the Genesys provider's", () => {
    const box = ['╷', '│ Error: Missing required argument', '│ ', '│   on main.tf line 3:', '│    3: x {', '╵'];
    const text = box.join('\n');
    expect(parseDeployLog(text)).toEqual([]);
  });

  it('keeps excerpts short and free of control and bidi characters', () => {
    const msg = `${ALL}a:b:c \u202e${'z'.repeat(1000)}\u0007`;
    const [f] = parseDeployLog(JSON.stringify({ message: msg, code: 'missing.permissions', status: 403 }));
    expect(f!.excerpt.length).toBeLessThanOrEqual(300);
    expect(f!.excerpt).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('names the org from the last org id line before the failure', () => {
    const a = '11111111-2222-4333-8444-555555555555';
    const b = '66666666-7777-4888-8999-000000000000';
    const body = JSON.stringify(errorBody('ALL', ['a:b:c'], uuid(8)));
    const body2 = JSON.stringify(errorBody('ALL', ['a:b:c'], uuid(9)));
    const got = parseDeployLog(`${body}\norgId: ${a}\n${body2}\nOrganization ID = ${b}\n`);
    expect(got.map((f) => f.orgId)).toEqual([undefined, a]);
  });
});

describe('property: injected error bodies are found, exactly', () => {
  // Noise: log text with braces, quotes, colons and escapes, but no closing brace (so no noise object
  // completes around a body), no digits and no permission wording.
  const noisePiece = fc.constantFrom(
    'info',
    'deploy',
    'step',
    'done',
    '{',
    '[',
    ']',
    '"',
    "'",
    ':',
    ',',
    '=',
    '\\"',
    '{ x:',
    '{"k":',
    'null',
    '##[group]',
    '\x1b[31m',
    '\x1b[0m',
    'flow',
    'error',
    'publish',
    '│',
    '...',
    '<ref>',
    'Error:',
    ' ',
  );
  const noiseLine = fc.array(noisePiece, { maxLength: 8 }).map((p) => p.join(' '));
  const perm = fc.constantFrom(
    'architect:flow:add',
    'architect:flow:publish',
    'routing:queue:add',
    'directory:user:edit',
    'admin',
  );
  const injected = fc.record({
    mode: fc.constantFrom<'ANY' | 'ALL'>('ANY', 'ALL'),
    perms: fc.uniqueArray(perm, { minLength: 1, maxLength: 3 }),
    format: fc.constantFrom('compact', 'pretty', 'escaped', 'inspect', 'prefixed'),
    at: fc.nat(),
  });

  it('finds each injected body at its line, with its permissions and contextId', () => {
    fc.assert(
      fc.property(fc.array(noiseLine, { maxLength: 30 }), fc.array(injected, { maxLength: 6 }), (noise, bodies) => {
        const lines = [...noise];
        const placed: Array<{ id: string; b: (typeof bodies)[number]; block: string[] }> = [];
        bodies.forEach((b, i) => {
          const id = uuid(1000 + i);
          const body = errorBody(b.mode, b.perms, id);
          const block =
            b.format === 'compact'
              ? [JSON.stringify(body)]
              : b.format === 'pretty'
                ? JSON.stringify(body, null, 2).split('\n')
                : b.format === 'escaped'
                  ? [`log: ${JSON.stringify(JSON.stringify(body))}`]
                  : b.format === 'inspect'
                    ? inspect(body).split('\n')
                    : [`Error: ${JSON.stringify(body)}`];
          placed.push({ id, b, block });
        });
        // Insert blocks at positions between noise lines (never inside another block).
        const slots = placed.map((p) => ({ ...p, pos: p.b.at % (noise.length + 1) }));
        slots.sort((x, y) => x.pos - y.pos);
        const out: string[] = [];
        const expected: Array<Record<string, unknown>> = [];
        let s = 0;
        for (let k = 0; k <= lines.length; k++) {
          while (s < slots.length && slots[s]!.pos === k) {
            const p = slots[s]!;
            expected.push({
              kind: 'error-body',
              line: out.length + 1,
              code: p.b.mode === 'ANY' ? 'missing.any.permissions' : 'missing.permissions',
              status: 403,
              permissions: { mode: p.b.mode, values: p.b.perms },
              contextId: p.id,
            });
            out.push(...p.block);
            s++;
          }
          if (k < lines.length) out.push(lines[k]!);
        }
        expect(withoutExcerpt(parseDeployLog(out.join('\n')))).toEqual(expected);
      }),
      { numRuns: Number(process.env.DIAG_RUNS ?? 300) },
    );
  });
});

describe('hostile input', () => {
  it('reads a 5 MB log of 100,000 `{` and unterminated strings in one pass', () => {
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const k = i % 5;
      parts.push(
        k === 0
          ? `{"message":"${'m'.repeat(40)}`
          : k === 1
            ? `{ a: '${'x'.repeat(40)}`
            : k === 2
              ? `{\\"message\\":\\"${'y'.repeat(34)}`
              : k === 3
                ? `{{{{{{{{"status":403,"code":"${'z'.repeat(20)}`
                : `{"permission(s): ${'q'.repeat(30)}:${'r'.repeat(10)}`,
      );
      if (i % 1000 === 999) parts.push('\n');
    }
    const tail = JSON.stringify(errorBody('ALL', ['architect:flow:add'], uuid(42)));
    const text = parts.join('') + '\n' + tail + '\n';
    expect(text.length).toBeGreaterThan(5_000_000);
    const got = parseDeployLog(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ contextId: uuid(42), permissions: { values: ['architect:flow:add'] } });
  }, 20_000);

  it('reads one 5 MB line (deep nesting, long runs) without backtracking', () => {
    const text =
      '{'.repeat(1_000_000) +
      ' GET ' +
      'a'.repeat(1_000_000) +
      ' HTTP 403 ' +
      '.'.repeat(1_000_000) +
      'x' +
      ' org-id: ' +
      '-'.repeat(1_000_000) +
      ' flow error publish ' +
      "'".repeat(500_000) +
      ' ' +
      ALL +
      'a:b:c';
    const got = parseDeployLog(text);
    expect(got.length).toBeLessThanOrEqual(1);
    expect(got[0]).toMatchObject({ status: 403, permissions: { values: ['a:b:c'] } });
  }, 20_000);
});
