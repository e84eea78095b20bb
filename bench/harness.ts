// Timing helpers shared by every benchmark: median of repeated runs, after a warm-up.
import { performance } from "node:perf_hooks";
import { mulberry32 } from "../src/kinds/sample/county-shape";

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

/** A deterministic pseudo-random generator (the sample county's mulberry32) so benchmarks and property tests are repeatable. */
export const seeded = (seed: number): (() => number) => mulberry32(seed);
