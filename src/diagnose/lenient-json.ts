/**
 * A lenient, linear reader of the object notations deploy logs print: JSON (compact or
 * pretty-printed) and Node's `util.inspect` output of SDK errors (unquoted keys, single-quoted
 * strings, `[Object]`, `AxiosHeaders {`, `... 3 more items`, `'a' +` string continuations).
 *
 * Log text is untrusted: nothing is evaluated, every loop advances, strings stop at a raw line
 * break (neither JSON nor JS strings contain one), nesting stops at {@link MAX_DEPTH}, and objects
 * are built without a prototype (a `__proto__` key is an ordinary key).
 */

/** A token the reader keeps but does not interpret (`[Object]`, `Forbidden`, `[Function: x]`). */
export class Opaque {
  constructor(readonly text: string) {}
}

export type LValue = string | number | boolean | null | undefined | Opaque | LObject | LValue[];
export interface LObject {
  [key: string]: LValue;
}

/** An object read from the text, with its span `[start, end)`. */
export interface SpannedObject {
  value: LObject;
  start: number;
  end: number;
}

/** The result of one read from a `{`: the object (when complete) and every object completed inside. */
export interface ReadResult {
  ok: boolean;
  /** Where the read stopped: after the object, or at the character that broke it (always > start). */
  end: number;
  value?: LObject;
  /** Objects completed during the read, outermost-last (post-order); kept when the outer one breaks. */
  completed: SpannedObject[];
  /** Strings completed during the read that contain a `{` (escaped JSON, kept when the read breaks). */
  strings: Array<{ text: string; start: number }>;
}

export const MAX_DEPTH = 64;

const FAIL = Symbol('fail');
type Got = LValue | typeof FAIL;

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_$][\w$]*/y;
const KEY = /[A-Za-z0-9_$-]+/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const HEX2 = /^[0-9a-fA-F]{2}$/;

/** Reads the object starting at `s[start] === '{'`. Linear in the characters it reads. */
export function readObjectAt(s: string, start: number): ReadResult {
  const r = new Reader(s, start);
  const v = r.value(0);
  const ok = v !== FAIL && typeof v === 'object' && v !== null && !(v instanceof Opaque) && !Array.isArray(v);
  return {
    ok,
    end: Math.max(r.i, start + 1),
    value: ok ? (v as LObject) : undefined,
    completed: r.completed,
    strings: r.strings,
  };
}

/** The completed objects of a read that are not inside another one. */
export function outermost(completed: SpannedObject[]): SpannedObject[] {
  const out: SpannedObject[] = [];
  let minStart = Infinity;
  for (let k = completed.length - 1; k >= 0; k--) {
    const o = completed[k]!;
    if (o.end <= minStart) {
      out.push(o);
      minStart = o.start;
    }
  }
  return out.reverse();
}

/**
 * Undoes one level of JSON/JS string escaping (`\"` → `"`, `\\` → `\`, `\n`, `\uXXXX`), for JSON
 * logged inside a string (`"{\"message\":...}"`).
 */
export function unescapeOnce(s: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== 92) continue;
    out += s.slice(run, i);
    const [text, next] = escapeAt(s, i);
    out += text;
    i = next - 1;
    run = next;
  }
  return out + s.slice(run);
}

/** The text of the escape at `s[i] === '\\'` and the index after it. */
function escapeAt(s: string, i: number): [string, number] {
  const e = s[i + 1];
  switch (e) {
    case undefined:
      return ['\\', i + 1];
    case 'n':
      return ['\n', i + 2];
    case 't':
      return ['\t', i + 2];
    case 'r':
      return ['\r', i + 2];
    case 'b':
      return ['\b', i + 2];
    case 'f':
      return ['\f', i + 2];
    case 'v':
      return ['\v', i + 2];
    case 'u': {
      const h = s.slice(i + 2, i + 6);
      return HEX4.test(h) ? [String.fromCharCode(parseInt(h, 16)), i + 6] : ['u', i + 2];
    }
    case 'x': {
      const h = s.slice(i + 2, i + 4);
      return HEX2.test(h) ? [String.fromCharCode(parseInt(h, 16)), i + 4] : ['x', i + 2];
    }
    default:
      return [e, i + 2];
  }
}

class Reader {
  i: number;
  readonly completed: SpannedObject[] = [];
  readonly strings: Array<{ text: string; start: number }> = [];
  private readonly n: number;

  constructor(
    private readonly s: string,
    start: number,
  ) {
    this.i = start;
    this.n = s.length;
  }

  private ws(): void {
    const s = this.s;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  private sticky(re: RegExp): string | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (!m) return undefined;
    this.i = re.lastIndex;
    return m[0];
  }

  /** Skips a bracketed token on the current line (`[Object]`, `<ref *1>`), at most 200 characters. */
  private bracketed(close: string): Opaque | typeof FAIL {
    const from = this.i;
    const limit = Math.min(this.n, from + 200);
    for (let j = from + 1; j < limit; j++) {
      const c = this.s[j];
      if (c === close) {
        this.i = j + 1;
        return new Opaque(this.s.slice(from, j + 1));
      }
      if (c === '\n') break;
    }
    return FAIL;
  }

  value(depth: number): Got {
    if (depth > MAX_DEPTH) return FAIL;
    this.ws();
    const c = this.s[this.i];
    if (c === undefined) return FAIL;
    if (c === '{') return this.object(depth);
    if (c === '[') {
      const next = this.s[this.i + 1] ?? '';
      if (!/[A-Za-z]/.test(next)) return this.array(depth);
      const tag = this.bracketed(']'); // `[Object]`, or a tag before an object: `[Object: null prototype] {`
      if (tag === FAIL) return FAIL;
      const save = this.i;
      this.ws();
      if (this.s[this.i] === '{') return this.value(depth + 1);
      this.i = save;
      return tag;
    }
    if (c === '"' || c === "'" || c === '`') return this.stringWithContinuations(c);
    if (c === '<') {
      const ref = this.bracketed('>');
      return ref === FAIL ? FAIL : this.value(depth + 1);
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const num = this.sticky(NUMBER);
      return num === undefined ? FAIL : Number(num);
    }
    const word = this.sticky(IDENT);
    if (word === undefined) return FAIL;
    switch (word) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
      case 'undefined':
        return undefined;
    }
    // A class-name prefix (`AxiosHeaders {`, `Object [AxiosHeaders] {`) or a call (`Symbol(x)`).
    const save = this.i;
    this.ws();
    if (this.s[this.i] === '[' && /[A-Za-z]/.test(this.s[this.i + 1] ?? '')) {
      if (this.bracketed(']') === FAIL) return FAIL;
      this.ws();
    }
    if (this.s[this.i] === '{' || this.s[this.i] === '[') return this.value(depth + 1);
    if (this.s[this.i] === '(' && this.i === save) return this.bracketed(')');
    this.i = save;
    return new Opaque(word);
  }

  private stringWithContinuations(q: string): Got {
    const start = this.i;
    const out = this.continued(q);
    if (typeof out === 'string' && out.length > 8 && out.includes('{')) this.strings.push({ text: out, start });
    return out;
  }

  private continued(q: string): string | typeof FAIL {
    let out = this.string(q);
    if (out === FAIL) return FAIL;
    // Older Node versions split long strings: 'first part ' +\n  'second part'
    for (;;) {
      const save = this.i;
      this.ws();
      if (this.s[this.i] !== '+') {
        this.i = save;
        return out;
      }
      this.i++;
      this.ws();
      const q2 = this.s[this.i];
      if (q2 !== '"' && q2 !== "'" && q2 !== '`') return FAIL;
      const more = this.string(q2);
      if (more === FAIL) return FAIL;
      out += more;
    }
  }

  private string(q: string): string | typeof FAIL {
    const s = this.s;
    const qc = q.charCodeAt(0);
    this.i++;
    let out = '';
    let run = this.i;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (c === qc) {
        out += s.slice(run, this.i);
        this.i++;
        return out;
      }
      if (c === 10 || c === 13) return FAIL;
      if (c === 92) {
        out += s.slice(run, this.i);
        if (this.i + 1 < this.n && (s.charCodeAt(this.i + 1) === 10 || s.charCodeAt(this.i + 1) === 13)) return FAIL;
        const [text, next] = escapeAt(s, this.i);
        out += text;
        this.i = next;
        run = next;
        continue;
      }
      this.i++;
    }
    return FAIL;
  }

  /** `... 95 more items` / `... 3 more properties`: skipped to the next `,` or closer on the line. */
  private ellipsis(): boolean {
    if (!this.s.startsWith('...', this.i)) return false;
    const limit = Math.min(this.n, this.i + 200);
    let j = this.i + 3;
    while (j < limit && !',]}\n'.includes(this.s[j]!)) j++;
    this.i = j;
    return true;
  }

  private array(depth: number): Got {
    this.i++;
    const out: LValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return out; // trailing comma
      }
      if (!this.ellipsis()) {
        const v = this.value(depth + 1);
        if (v === FAIL) return FAIL;
        out.push(v);
      }
      this.ws();
      const c = this.s[this.i];
      if (c === ',') this.i++;
      else if (c === ']') {
        this.i++;
        return out;
      } else return FAIL;
    }
  }

  private key(): string | typeof FAIL {
    const c = this.s[this.i];
    if (c === '"' || c === "'") return this.string(c);
    if (c === '[') {
      const k = this.bracketed(']');
      return k === FAIL ? FAIL : k.text;
    }
    return this.sticky(KEY) ?? FAIL;
  }

  private object(depth: number): Got {
    const start = this.i;
    this.i++;
    const out = Object.create(null) as LObject;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      this.completed.push({ value: out, start, end: this.i });
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') break; // trailing comma
      if (!this.ellipsis()) {
        const k = this.key();
        if (k === FAIL) return FAIL;
        this.ws();
        if (this.s[this.i] !== ':') return FAIL;
        this.i++;
        const v = this.value(depth + 1);
        if (v === FAIL) return FAIL;
        out[k] = v;
      }
      this.ws();
      const c = this.s[this.i];
      if (c === ',') this.i++;
      else if (c === '}') break;
      else return FAIL;
    }
    this.i++;
    this.completed.push({ value: out, start, end: this.i });
    return out;
  }
}
