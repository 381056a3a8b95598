/**
 * Redaction of the values a Terraform plan carries (passwords and secrets are in `after` in clear):
 * every non-empty string becomes a keyed digest, so values can still be compared (changed or not,
 * equal to a constant) but never reach an output. The key is random per process.
 */
import { createHmac, randomBytes } from 'node:crypto';

const KEY = randomBytes(32);

/** A redacted string: digests of the exact value and of its lower case. */
export interface Redacted {
  readonly redacted: string;
  readonly lower: string;
}

const digest = (s: string) => createHmac('sha256', KEY).update(s).digest('hex').slice(0, 24);

/** A deep copy of `v` with every non-empty string redacted (`""` stays, it means unset). */
export function redactStrings(v: unknown): unknown {
  if (typeof v === 'string')
    return v === '' ? v : ({ redacted: digest(v), lower: digest(v.toLowerCase()) } satisfies Redacted);
  if (Array.isArray(v)) return v.map(redactStrings);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = redactStrings(x);
    return out;
  }
  return v;
}

/** True when `v` is a value {@link redactStrings} made. */
export function isRedacted(v: unknown): v is Redacted {
  return (
    v !== null &&
    typeof v === 'object' &&
    typeof (v as Redacted).redacted === 'string' &&
    typeof (v as Redacted).lower === 'string'
  );
}

/** Whether a (possibly redacted) value equals `expected`, ignoring case. */
export function equalsIgnoringCase(v: unknown, expected: string): boolean {
  if (isRedacted(v)) return v.lower === digest(expected.toLowerCase());
  return typeof v === 'string' && v.toLowerCase() === expected.toLowerCase();
}
