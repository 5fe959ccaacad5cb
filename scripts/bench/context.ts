/** What every scenario needs: settings, the server, the data, and where results go. */
import type { Provider } from "@prisma/client";
import type { BenchConfig } from "./config";
import type { BenchUser, BenchWorld } from "./fixtures";
import type { LoadResult, LoadTarget } from "./load";

export interface Measurement {
  scenario: string;
  result: LoadResult;
  /** The settle-transaction floor this scenario is compared with (a scenario name), if any. */
  floor?: string;
}

export interface BenchContext {
  config: BenchConfig;
  target: LoadTarget;
  world: BenchWorld;
  /** Owners of the pre-created orders: many, so settlements do not queue on one user's row lock. */
  payers: BenchUser[];
  /** Every order a notify was sent for, with its provider: checked afterwards, paid exactly once. */
  notified: Map<string, Provider>;
  log: (line: string) => void;
}

/** Hands out each item once, in order; running out is a bug in the sizing, not a reason to reuse. */
export function once<T>(items: readonly T[], label: string): { next: () => T; used: () => number } {
  let index = 0;
  return {
    next() {
      const item = items[index];
      if (item === undefined) throw new Error(`${label}: all ${items.length} prepared requests were used`);
      index += 1;
      return item;
    },
    used: () => index,
  };
}

/** Cycles through the items forever (reads may repeat). */
export function cycle<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error("nothing to cycle through");
  let index = 0;
  return () => {
    const item = items[index % items.length] as T;
    index += 1;
    return item;
  };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** The value at `share` (0–1) of an ascending list, by the nearest-rank method; NaN for an empty one. */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN;
}
