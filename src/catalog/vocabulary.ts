/**
 * The permission and OAuth scope vocabulary: every name a cited Genesys source states, with the ids of
 * those sources (generated into data/vocabulary.generated.ts by scripts/build-catalog.ts from the swagger,
 * the provider's resource_permissions data, the CX-as-Code docs, the premium-app wizard config and the
 * curated src/catalog/vocabulary-extra.json: Architect Scripting docs, JS SDK docs, Resource Center).
 *
 * A name outside it is not "not a permission": it is only unknown to the sources bundled here; live mode
 * settles it against the org's own catalog (GET /api/v2/authorization/permissions).
 *
 * Did-you-mean (suggestPermission) only fixes spelling: it never replaces a segment that is itself a
 * known word in its position, so it can turn `architect:flow:publsh` into `architect:flow:publish` but
 * never `wfm:schedule:publish` into `wfm:schedule:delete`.
 */
import { VOCABULARY } from './data/vocabulary.generated.js';
import type { VocabularySource, VocabularyTable } from './vocabulary-table.js';

export type { VocabularySource, VocabularyTable } from './vocabulary-table.js';

/** Read-only view of a vocabulary table. */
export class Vocabulary {
  readonly sources: readonly VocabularySource[];
  private readonly perms = new Map<string, readonly VocabularySource[]>();
  private readonly scps = new Map<string, readonly VocabularySource[]>();
  private readonly described = new Map<string, string>();

  /** Throws when a name refers to a source index the table does not have. */
  constructor(table: VocabularyTable) {
    this.sources = table.sources;
    const resolve = (name: string, ids: number[]) =>
      ids.map((i) => {
        const s = table.sources[i];
        if (!s) throw new Error(`vocabulary: ${name} refers to source #${i}, which the table does not have`);
        return s;
      });
    for (const [name, ids] of table.permissions) this.perms.set(name, resolve(name, ids));
    for (const [name, ids] of table.scopes) this.scps.set(name, resolve(name, ids));
  }

  /** Every permission name. */
  permissionNames(): IterableIterator<string> {
    return this.perms.keys();
  }

  /** Every scope name. */
  scopeNames(): IterableIterator<string> {
    return this.scps.keys();
  }

  get permissionCount(): number {
    return this.perms.size;
  }

  get scopeCount(): number {
    return this.scps.size;
  }

  hasPermission(name: string): boolean {
    return this.perms.has(name);
  }

  hasScope(name: string): boolean {
    return this.scps.has(name);
  }

  /** The sources stating a permission (empty when unknown). */
  permissionSources(name: string): readonly VocabularySource[] {
    return this.perms.get(name) ?? [];
  }

  /** The sources stating a scope (empty when unknown). */
  scopeSources(name: string): readonly VocabularySource[] {
    return this.scps.get(name) ?? [];
  }

  /**
   * For messages: `1,483 names from: swagger, provider resource_permissions, …` (distinct labels of the
   * sources that contribute at least one name of that kind, in table order).
   */
  describe(kind: 'permission' | 'scope'): string {
    const done = this.described.get(kind);
    if (done !== undefined) return done;
    const map = kind === 'permission' ? this.perms : this.scps;
    const used = new Set<VocabularySource>();
    for (const list of map.values()) for (const s of list) used.add(s);
    const labels = [...new Set(this.sources.filter((s) => used.has(s)).map((s) => s.label))];
    const text = `${map.size.toLocaleString('en-US')} names from: ${labels.join(', ')}`;
    this.described.set(kind, text);
    return text;
  }
}

let bundled: Vocabulary | undefined;

/** The vocabulary bundled with the tool (built once). */
export function bundledVocabulary(): Vocabulary {
  bundled ??= new Vocabulary(VOCABULARY);
  return bundled;
}

/** Longest input (characters) that gets a suggestion. */
export const MAX_SUGGEST_INPUT = 64;

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, the commonest typo:
 * `jion` → `join` is 1), or `max + 1` as soon as it exceeds `max`. Cost: |a| × |b| steps at most.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  const d = prev[b.length]!;
  return d > max ? max + 1 : d;
}

/** Largest typo distance for a segment of `length` characters: 1 up to 5, 2 up to 8, then 3. */
export function segmentLimit(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 3)));
}

/** Known names split into segments, grouped by segment count, with the words known in each position. */
interface SegmentIndex {
  groups: Map<number, { names: string[][]; words: Array<Set<string>> }>;
}

const indexes = new WeakMap<object, SegmentIndex>();

function indexOf(known: ReadonlySet<string>): SegmentIndex {
  let idx = indexes.get(known);
  if (idx) return idx;
  idx = { groups: new Map() };
  for (const name of known) {
    if (name.includes('*')) continue;
    const segs = name.split(':');
    let g = idx.groups.get(segs.length);
    if (!g) idx.groups.set(segs.length, (g = { names: [], words: segs.map(() => new Set<string>()) }));
    g.names.push(segs);
    segs.forEach((s, i) => g!.words[i]!.add(s));
  }
  indexes.set(known, idx);
  return idx;
}

/**
 * A spelling fix for a permission name (or wildcard policy) that `known` lacks, or undefined.
 *
 * The suggestion is a known name (wildcard segments of the input kept as `*`) with the same number of
 * segments, where each segment is equal to the input's, or the input's segment is NOT a known word in
 * that position (across `known`) and is within segmentLimit() typos of it (case-insensitive, transpositions
 * count 1). So a known action is never swapped for another (`wfm:schedule:publish` gets no suggestion).
 * When two fixes are equally close, none is offered. Inputs longer than MAX_SUGGEST_INPUT get none.
 * Cost: one distance per known word of each misspelt position, then one pass over the names of that shape.
 */
export function suggestPermission(input: string, known: ReadonlySet<string>): string | undefined {
  if (input.length > MAX_SUGGEST_INPUT || known.has(input)) return undefined;
  const segs = input.split(':');
  if (segs.some((s) => s.length === 0)) return undefined;
  const group = indexOf(known).groups.get(segs.length);
  if (!group) return undefined;
  // Per position: null = any word (wildcard), else the allowed words with their distance.
  const allowed: Array<Map<string, number> | null> = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg === '*') {
      allowed.push(null);
      continue;
    }
    const words = group.words[i]!;
    if (words.has(seg)) {
      allowed.push(new Map([[seg, 0]]));
      continue;
    }
    const limit = segmentLimit(seg.length);
    const lower = seg.toLowerCase();
    const close = new Map<string, number>();
    for (const w of words) {
      const d = typoDistance(lower, w.toLowerCase(), limit);
      if (d <= limit) close.set(w, d);
    }
    if (close.size === 0) return undefined;
    allowed.push(close);
  }
  let best: string | undefined;
  let bestScore = Infinity;
  let tie = false;
  for (const name of group.names) {
    let score = 0;
    for (let i = 0; i < name.length && score !== Infinity; i++) {
      const a = allowed[i];
      if (a === null) continue;
      const d = a!.get(name[i]!);
      score = d === undefined ? Infinity : score + d;
    }
    if (score === Infinity) continue;
    const out = name.map((s, i) => (segs[i] === '*' ? '*' : s)).join(':');
    if (out === input) continue;
    if (score < bestScore) {
      best = out;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && out !== best) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** Suffix of a read-only scope (Resource Center, "Introduction to scopes"). */
export const READONLY_SUFFIX = ':readonly';

/**
 * The real scope family an invented scope points at: its first `:`-segment when that is a known scope,
 * returned with its `:readonly` twin when known (`architect:flow:write` → [`architect`, `architect:readonly`]).
 * Undefined when the input is known, has no `:`, or its first segment is not a known scope.
 * Source: Resource Center, "Introduction to scopes": "A scope with the :readonly suffix is read-only. A scope
 * with no suffix permits read-write operations."
 */
export function scopeFamily(input: string, known: ReadonlySet<string>): string[] | undefined {
  if (known.has(input)) return undefined;
  const cut = input.indexOf(':');
  if (cut <= 0) return undefined;
  const family = input.slice(0, cut);
  if (!known.has(family)) {
    // A read-only-only family (`search:readonly`, `audits:readonly`): point at that.
    const ro = family + READONLY_SUFFIX;
    return known.has(ro) && input !== ro ? [ro] : undefined;
  }
  return known.has(family + READONLY_SUFFIX) ? [family, family + READONLY_SUFFIX] : [family];
}
