/** Small concurrency helper (no dependency). */

/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep input order.
 * Rejects with the first error (calls already started finish; no new ones start).
 * `limit` < 1 is treated as 1.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const width = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let w = 0; w < width; w++) workers.push(worker());
  await Promise.all(workers);
  return results;
}
