// Timing helpers shared by every benchmark: median of repeated runs, after a warm-up.
import { performance } from "node:perf_hooks";

export interface BenchRow {
  /** What was measured, e.g. "KAOHE.RANKS (whole column)". */
  case: string;
  n: number;
  /** Median milliseconds of the timed runs. */
  ms: number;
  note?: string;
}

export interface BenchSuite {
  title: string;
  /** What the suite compares, one or two sentences for RESULTS.md. */
  about: string;
  run(): BenchRow[] | Promise<BenchRow[]>;
}

/** Median time of fn over `runs` runs after one warm-up; the result of fn is kept alive so it is not optimised away. */
export function time(fn: () => unknown, runs = 5): number {
  let sink: unknown = fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    ms.push(performance.now() - t0);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

/** A deterministic pseudo-random generator (mulberry32) so benchmarks and property tests are repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
