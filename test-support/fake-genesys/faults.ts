/** Fault registry of the fake: scoped faults, counted down per matching request. */
import type { FaultSpec } from './types.js';

interface Entry {
  spec: FaultSpec;
  left: number;
}

/** Holds faults; `take()` returns (and counts) the faults that hit one request. */
export class FaultStore {
  private entries: Entry[] = [];

  constructor(initial: FaultSpec[] = []) {
    for (const f of initial) this.add(f);
  }

  /** Adds a fault; returns its remover. */
  add(spec: FaultSpec): () => void {
    const entry: Entry = { spec, left: spec.times ?? Number.POSITIVE_INFINITY };
    this.entries.push(entry);
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
    };
  }

  /** Removes all faults, or those scoped to `org`. */
  clear(org?: string): void {
    this.entries = org === undefined ? [] : this.entries.filter((e) => e.spec.org !== org);
  }

  /**
   * Faults matching a request, consuming one use of each. Latency faults stack; of the
   * others only the first match applies (the rest are not consumed).
   */
  take(method: string, path: string, org: string | undefined): { latencyMs: number; fault?: FaultSpec } {
    let latencyMs = 0;
    let fault: FaultSpec | undefined;
    for (const e of this.entries) {
      if (e.left <= 0 || !matches(e.spec, method, path, org)) continue;
      if (e.spec.kind === 'latency') {
        latencyMs += e.spec.ms;
        e.left--;
      } else if (!fault) {
        fault = e.spec;
        e.left--;
      }
    }
    this.entries = this.entries.filter((e) => e.left > 0);
    return { latencyMs, fault };
  }
}

function matches(spec: FaultSpec, method: string, path: string, org: string | undefined): boolean {
  if (spec.org !== undefined && spec.org !== org) return false;
  if (spec.method !== undefined && spec.method.toUpperCase() !== method) return false;
  if (spec.path !== undefined) {
    if (typeof spec.path === 'string' ? spec.path !== path : !spec.path.test(path)) return false;
  }
  return true;
}
