/** The value cached under `key`, made (and cached) on first use. Works with Map and WeakMap. */
export function cached<K, V>(cache: { get(k: K): V | undefined; set(k: K, v: V): unknown }, key: K, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

/**
 * `fn` computed once per distinct list, where lists holding the same objects in the same order count
 * as one (orgs evaluated together share their finding and requirement objects, src/engine.ts). Lists
 * are compared by identity, element by element; a differing list costs one comparison per kept list of
 * its length, up to the first different element.
 */
export function perList<T, R>(fn: (list: readonly T[]) => R): (list: readonly T[]) => R {
  const byLength = new Map<number, Array<{ list: readonly T[]; result: R }>>();
  const same = (a: readonly T[], b: readonly T[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  return (list) => {
    const known = cached(byLength, list.length, () => []);
    const hit = known.find((k) => k.list === list || same(k.list, list));
    if (hit) return hit.result;
    const result = fn(list);
    known.push({ list, result });
    return result;
  };
}
