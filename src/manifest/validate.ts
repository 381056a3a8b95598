/** JSON Schema validation of a parsed manifest (ajv), with errors located and explained. */
import type { ErrorObject } from 'ajv';
import precompiled from './validator.generated.js';
import type { Finding } from '../types.js';
import type { SourceDocument } from '../util/yaml-source.js';
import { fatal } from '../util/errors.js';
import { showPath } from '../util/paths.js';
import { closest, didYouMean } from '../util/suggest.js';

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The precompiled validator (src/manifest/validator.generated.ts, from `npm run schema`). */
function validator(): Validator {
  return precompiled as Validator;
}

const pathOf = (instancePath: string): Array<string | number> =>
  instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/**
 * A node path for messages (`orgs[0].principal`). Keys are schema property names or role names
 * (names the manifest defines; control characters escaped, long keys cut). A substitutions key
 * whose value failed is not shown ("a value of flows[0].substitutions"): it names nothing else.
 */
const where = (path: Array<string | number>): string => {
  const free = path.findIndex((p, i) => i > 0 && path[i - 1] === 'substitutions' && typeof p === 'string');
  if (free >= 0) return `a value of ${where(path.slice(0, free))}`;
  return path.length
    ? path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${showPath(p)}`))
        .join('')
        .slice(1)
    : 'the manifest';
};

/** Validates against the manifest schema; returns located `manifest-invalid` findings (empty when valid). */
export function validateManifest(doc: SourceDocument): Finding[] {
  const validate = validator();
  if (validate(doc.value)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];
  // A failed oneOf/anyOf reports every branch; keep the most useful message per node.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const key =
      e.instancePath +
      (e.keyword === 'additionalProperties'
        ? `/${(e.params as { additionalProperty: string }).additionalProperty}`
        : '');
    const list = byPath.get(key) ?? [];
    list.push(e);
    byPath.set(key, list);
  }
  // `orgz:` instead of `orgs:` is one mistake: report the unknown key with its did-you-mean,
  // not also the "missing orgs" it causes.
  const misspelt = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    const meant = closest(key, Object.keys((e.parentSchema as { properties?: object })?.properties ?? {}));
    if (meant !== undefined) misspelt.add(`${e.instancePath}\u0000${meant}`);
  }
  const findings: Finding[] = [];
  for (const list of byPath.values()) {
    if (
      list.some(
        (e) =>
          e.keyword === 'required' &&
          misspelt.has(`${e.instancePath}\u0000${(e.params as { missingProperty: string }).missingProperty}`),
      )
    )
      continue;
    const e = pick(list);
    const path = pathOf(e.instancePath);
    findings.push(describe(e, path, doc));
  }
  return findings;
}

function pick(list: ErrorObject[]): ErrorObject {
  // A failed anyOf of `required` branches says best what is needed ("file, or name and type").
  const anyOf = list.find((e) => e.keyword === 'anyOf');
  if (anyOf && list.every((e) => e.keyword === 'anyOf' || e.keyword === 'required')) return anyOf;
  const order = [
    'additionalProperties',
    'required',
    'enum',
    'const',
    'pattern',
    'type',
    'minItems',
    'minLength',
    'uniqueItems',
    'anyOf',
    'oneOf',
  ];
  return [...list].sort((a, b) => rank(a) - rank(b))[0]!;
  function rank(e: ErrorObject) {
    const i = order.indexOf(e.keyword);
    return i < 0 ? order.length : i;
  }
}

function describe(e: ErrorObject, path: Array<string | number>, doc: SourceDocument): Finding {
  const at = where(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const inMap = (e.parentSchema as { additionalProperties?: unknown })?.additionalProperties;
      // The key failed the schema: it is not quoted (it may be anything); the hint is a known key.
      return fatal(
        'manifest-invalid',
        `unknown key in ${at}${didYouMean(key, allowed)}`,
        doc.locate([...path, key], true),
        inMap === false ? `allowed keys: ${allowed.join(', ')}` : undefined,
      );
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return fatal('manifest-invalid', `${at} is missing the required key "${missing}"`, doc.locate(path));
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = valueAt(doc.value, path);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return fatal('manifest-invalid', `${at} must be one of ${allowed.join(', ')}${hint}`, doc.locate(path));
    }
    case 'const': {
      const want = (e.params as { allowedValue: unknown }).allowedValue;
      const got = valueAt(doc.value, path);
      // Quoting `got` is safe here: it is the wanted constant (the only value that passes) as text.
      if (typeof got === 'string' && got.trim() === String(want)) {
        return fatal(
          'manifest-invalid',
          `${at} is the string ${JSON.stringify(String(want))}; write the number ${JSON.stringify(want)} without quotes`,
          doc.locate(path),
        );
      }
      return fatal(
        'manifest-invalid',
        `${at} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)} (this tool reads manifest version 1)`,
        doc.locate(path),
      );
    }
    case 'pattern':
      if (path[path.length - 1] === 'orgId') {
        return fatal(
          'manifest-invalid',
          `${at} is not a Genesys org id (a UUID such as 2f0c3d5e-1b2a-4c3d-9e8f-0a1b2c3d4e5f)`,
          doc.locate(path),
        );
      }
      if (['clientId', 'clientSecret', 'accessToken'].includes(String(path[path.length - 1]))) {
        return fatal(
          'manifest-invalid',
          `${at} must be the NAME of an environment variable (upper-case letters, digits, _; not a GITHUB_, ACTIONS_, RUNNER_ or INPUT_ variable), never the secret itself`,
          doc.locate(path),
        );
      }
      if (path[path.length - 1] === 'name' && path[0] === 'orgs') {
        return fatal(
          'manifest-invalid',
          `${at} must not contain spaces or commas (org names are used in --org filters and reports)`,
          doc.locate(path),
        );
      }
      if (path[path.length - 1] === 'weekDate') {
        return fatal(
          'manifest-invalid',
          `${at} must be a date written YYYY-MM-DD (the first day of the schedule week)`,
          doc.locate(path),
        );
      }
      return fatal('manifest-invalid', `${at} ${e.message ?? 'has a bad format'}`, doc.locate(path));
    case 'anyOf':
      if (/^flows$/.test(String(path[0])) && path.length === 2) {
        return fatal(
          'manifest-invalid',
          `${at} needs "file" (an Archy flow file), or "name" and "type"`,
          doc.locate(path),
        );
      }
      return fatal('manifest-invalid', `${at} ${e.message ?? 'is invalid'}`, doc.locate(path));
    case 'oneOf':
      return fatal(
        'manifest-invalid',
        `${at} must be a permission string or {permission, condition}`,
        doc.locate(path),
      );
    case 'minItems':
      if ((e.params as { limit: number }).limit === 1)
        return fatal('manifest-invalid', `${at} must not be empty`, doc.locate(path));
      return fatal('manifest-invalid', `${at} ${e.message ?? 'is too short'}`, doc.locate(path));
    case 'minLength':
      return fatal('manifest-invalid', `${at} must not be empty`, doc.locate(path));
    case 'uniqueItems': {
      const { i, j } = e.params as { i: number; j: number };
      const later = Math.max(i, j);
      return fatal(
        'manifest-invalid',
        `${at} lists the same value twice (items ${Math.min(i, j) + 1} and ${later + 1})`,
        doc.locate([...path, later]),
      );
    }
    case 'type':
      return fatal(
        'manifest-invalid',
        `${at} must be ${article((e.params as { type: string | string[] }).type)}`,
        doc.locate(path),
      );
    default:
      return fatal('manifest-invalid', `${at} ${e.message ?? 'is invalid'}`, doc.locate(path));
  }
}

/** `a map`, `a list or a string`... from ajv's `type` param (a name, a comma list, or an array of names). */
function article(type: string | string[]): string {
  const t = (Array.isArray(type) ? type : String(type).split(',')).map((x) =>
    x === 'object' ? 'a map' : x === 'array' ? 'a list' : `a ${x}`,
  );
  return t.join(' or ');
}

/** The value at `path` (own properties only: a key named `__proto__` or `constructor` is data). */
function valueAt(value: unknown, path: Array<string | number>): unknown {
  let v: unknown = value;
  for (const p of path)
    v =
      v !== null && typeof v === 'object' && Object.hasOwn(v, p)
        ? (v as Record<string | number, unknown>)[p]
        : undefined;
  return v;
}
