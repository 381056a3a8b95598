/**
 * Text helpers of the log reader: line cleaning, the Genesys permission messages, paths, excerpts.
 * Every regular expression here is linear: no two adjacent quantifiers can match the same
 * characters, and unanchored searches start at a literal.
 */

/** The error codes of a permission failure (SDK `ErrorBody.code`, test-support/fake-genesys/authz.ts). */
export const PERMISSION_CODES: ReadonlySet<string> = new Set(['missing.any.permissions', 'missing.permissions']);

/**
 * The two Genesys permission messages (the fake mirrors them, test-support/fake-genesys/authz.ts):
 * ANY: "[Unable to perform the requested action. ]You must have at least one of the following
 * permissions assigned: %s" (`missing.any.permissions`); ALL: "You are missing the following
 * permission(s): %s" (`missing.permissions`). `%s` is the list joined with ", ".
 */
const ANY_MESSAGE = /at least one of the following permissions assigned:/i;
const ALL_MESSAGE = /missing the following permission\(s\):/i;

const PERMISSION_TOKEN = /[ \t]*([A-Za-z0-9_*.-]+(?::[A-Za-z0-9_*.-]+)*)/y;
const LIST_SEPARATOR = /[ \t]*,/y;
const PERMISSION_NAME = /^[A-Za-z0-9_*-]+(?::[A-Za-z0-9_*-]+)*$/;
const MAX_PERMISSIONS = 200;

/** What a Genesys permission message says. */
export interface MessagePermissions {
  mode: 'ANY' | 'ALL';
  code: string;
  values: string[];
  /** Index of the message's marker in the text. */
  at: number;
}

/** `s` without the trailing characters in `chars` (a loop: `/[…]+$/` is quadratic on long runs). */
export function trimEnd(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** Reads "name, name, name" at `from`; stops at the first thing that is not a permission name. */
function readList(text: string, from: number): string[] {
  const out: string[] = [];
  let i = from;
  while (out.length < MAX_PERMISSIONS) {
    PERMISSION_TOKEN.lastIndex = i;
    const m = PERMISSION_TOKEN.exec(text);
    if (!m) break;
    const name = trimEnd(m[1]!, '.'); // a sentence's full stop
    if (name && PERMISSION_NAME.test(name) && !out.includes(name)) out.push(name);
    i = PERMISSION_TOKEN.lastIndex;
    LIST_SEPARATOR.lastIndex = i;
    if (!LIST_SEPARATOR.exec(text)) break;
    i = LIST_SEPARATOR.lastIndex;
  }
  return out;
}

/** The permission message in `text`, if any (the values may be empty when the list is cut off). */
export function permissionsFromMessage(text: string): MessagePermissions | undefined {
  const any = ANY_MESSAGE.exec(text);
  if (any) {
    const values = readList(text, any.index + any[0].length);
    return { mode: 'ANY', code: 'missing.any.permissions', values, at: any.index };
  }
  const all = ALL_MESSAGE.exec(text);
  if (all) {
    const values = readList(text, all.index + all[0].length);
    return { mode: 'ALL', code: 'missing.permissions', values, at: all.index };
  }
  return undefined;
}

/** `messageParams.permissions`: "a:b:c, d:e:f" (the fake joins with ", ") or an array of names. */
export function permissionsFromParam(value: unknown): string[] | undefined {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!list) return undefined;
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const name = item.trim();
    if (name && PERMISSION_NAME.test(name) && !out.includes(name) && out.length < MAX_PERMISSIONS) out.push(name);
  }
  return out.length ? out : undefined;
}

/** Three-part permission names (`architect:ui:view`) written anywhere in free text. */
export function permissionNamesIn(text: string): string[] {
  const out: string[] = [];
  // One character class, maximal runs: each character is visited once.
  const RUN = /[A-Za-z0-9_*:-]+/g;
  for (let m = RUN.exec(text); m && out.length < MAX_PERMISSIONS; m = RUN.exec(text)) {
    const run = m[0];
    if (/^[A-Za-z][A-Za-z0-9_-]*:[A-Za-z0-9_*-]+:[A-Za-z0-9_*-]+$/.test(run) && !out.includes(run)) out.push(run);
  }
  return out;
}

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;
const ACTIONS_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
const BRACKET_TIMESTAMP = /^\[\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\] ?/;
const ACTIONS_COMMAND = /^##\[[a-z]+\]/;

/**
 * One log line without what the runner and the terminal add: ANSI colour codes, the GitHub Actions
 * timestamp (`2026-12-02T10:00:00.1234567Z `), a bracketed ISO timestamp, `##[group]`-style
 * markers, and a trailing `\r`.
 */
export function cleanLine(raw: string): string {
  let s = raw.includes('\x1b') ? raw.replace(ANSI, '') : raw;
  if (s.endsWith('\r')) s = s.slice(0, -1);
  s = s.replace(ACTIONS_TIMESTAMP, '');
  if (s.startsWith('[')) s = s.replace(BRACKET_TIMESTAMP, '');
  if (s.startsWith('##[')) s = s.replace(ACTIONS_COMMAND, '');
  return s;
}

export const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** The path of a logged URL or path: host, query string and fragment removed; undefined if not a path. */
export function pathOf(url: string): string | undefined {
  let s = url.trim();
  const scheme = /^https?:\/\/[^/\s]*/i.exec(s);
  if (scheme) s = s.slice(scheme[0].length);
  const cut = s.search(/[?#\s]/);
  if (cut >= 0) s = s.slice(0, cut);
  if (!s.startsWith('/') || s.length > 2000) return undefined;
  return s;
}

/** An HTTP method, upper-cased, or undefined. */
export function methodOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = value.trim().toUpperCase();
  return HTTP_METHODS.has(m) ? m : undefined;
}

/** The short, single-line excerpt of a failure: control characters out, whitespace collapsed, ≤ 300. */
export function excerptOf(text: string): string {
  return text
    .slice(0, 2000)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\s]+/g, ' ')
    .trim()
    .slice(0, 300);
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ORG_ID = new RegExp(`\\borg(?:anization)?[ _-]?id\\b["']?\\s*[:=]\\s*["']?(${UUID})`, 'i');

/** The org id a line names (`orgId: …`, `Organization ID = …`, `"organizationId":"…"`), if any. */
export function orgIdIn(line: string): string | undefined {
  if (!/org/i.test(line)) return undefined;
  return ORG_ID.exec(line)?.[1]?.toLowerCase();
}

const DIVISION_TEXT = /\bdivision(?:Name)?\b["']?\s*(?:[:=]\s*)?["']([^"'\n]{1,100})["']/i;

/** A division named in a message (`division 'Sales'`, `divisionName: "Sales"`); assumed wording. */
export function divisionIn(text: string): string | undefined {
  return DIVISION_TEXT.exec(text)?.[1]?.trim() || undefined;
}

/** A status code out of a number or a numeric string. */
export function statusOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599) return value;
  if (typeof value === 'string' && /^\d{3}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
