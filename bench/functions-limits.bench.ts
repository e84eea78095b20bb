// The whole-column worksheet functions at a million rows, Excel's own limit: time and memory, each held to a bound.
import { allocate, cadence, classes, coef, grades, percentRanks, ranks, starQuota } from "../src/functions/functions";
import { isExcelError } from "../src/functions/values";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { seeded, time, type BenchRow, type BenchSuite } from "./harness";

const N = 1_000_000;
/** Each call must finish within this: seconds are the price of a million rows, a minute or a crash is a bug. */
const TIME_BOUND_MS = 15_000;
/** Peak memory a call may add above its arguments (its copies, sorts and result). */
const PEAK_BOUND_MB = 1_024;
const RUNS = 3;

const column = <T>(f: (i: number) => T): T[][] => Array.from({ length: N }, (_, i) => [f(i)]);

/** The arguments every case draws from: seeded, so each child process builds the same ones. */
function inputs() {
  const random = seeded(7);
  const scores = column(() => Math.round(600 + random() * 400) / 10);
  const townships = column((i) => `乡镇${i % 100}`);
  // 2024-1-1 (45292) onwards: about three years of meetings.
  const dates = column(() => 45292 + Math.floor(random() * 1_100));
  const stars = column(() => Math.floor(random() * 11));
  const caps = stars.map(([s], i) => [i % 4 === 0 && s <= 6 ? 6 : 10]);
  const labels = column((i) => ["优秀", "称职", "基本称职", "不称职"][i % 4]);
  return { scores, townships, dates, stars, caps, labels };
}

type Inputs = ReturnType<typeof inputs>;

const cases: Record<string, (x: Inputs) => unknown> = {
  "KAOHE.CADENCE (month, default start and end)": (x) => cadence(x.dates, "month"),
  "KAOHE.RANKS": (x) => ranks(x.scores),
  "KAOHE.RANKS in 100 groups": (x) => ranks(x.scores, 0, "eq", x.townships),
  "KAOHE.PERCENTRANKS": (x) => percentRanks(x.scores),
  "KAOHE.GRADES 20% per township": (x) => grades(x.scores, undefined, undefined, 0.2, x.townships),
  "KAOHE.CLASSES {3,5,2} per township": (x) => classes(x.scores, [[3, 5, 2]], x.townships),
  "KAOHE.STARQUOTA per township": (x) => starQuota(x.stars, x.caps, x.scores, x.townships),
  "KAOHE.ALLOCATE 10,000,000 yuan": (x) => allocate(10_000_000, x.scores),
  "KAOHE.COEF": (x) => coef(x.labels),
};

/** Heap in MiB after a full collection (the child runs with --expose-gc). */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const peakMb = () => process.resourceUsage().maxRSS / 1024;

/** A result holding an Excel error is a failed call, never a figure: the bench would time the error path. */
function checked(name: string, result: unknown): unknown {
  const cells = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
  const bad = cells.find((c) => isExcelError(c));
  if (bad) throw new Error(`${name} returned an error at ${N} rows: ${(bad as { message: string }).message}`);
  return result;
}

interface Figures {
  ms: number;
  /** Peak RSS once the arguments were built, before any call. */
  inputsMb: number;
  /** Peak RSS after one call: what the call needs. */
  oneCallMb: number;
  /** Peak RSS after the timed runs too, their uncollected garbage included. */
  peakMb: number;
  /** Heap the result holds after a collection. */
  heldMb: number;
}

/** One case in this process: the child's part. */
function runCase(name: string): Figures {
  const x = inputs();
  const inputsMb = peakMb();
  const before = heapMb();
  const result = checked(name, cases[name](x));
  const oneCallMb = peakMb();
  const heldMb = Math.max(0, heapMb() - before);
  if (result === Symbol.for("never")) console.log(result);
  const ms = time(() => cases[name](x), RUNS);
  return { ms, inputsMb, oneCallMb, peakMb: peakMb(), heldMb };
}

const self = fileURLToPath(import.meta.url);

const suite: BenchSuite = {
  title: "Worksheet functions at a million rows",
  about:
    `Each whole-column function over ${N.toLocaleString("en-US")} rows (Excel's sheet holds 1,048,576), median of ${RUNS} runs after a warm-up, ` +
    `each case in a process of its own so its memory is its own. Bounds: ${TIME_BOUND_MS / 1000} s a call and ${PEAK_BOUND_MB} MiB ` +
    "of peak memory above the arguments; the run fails beyond them. Memory: the process's peak RSS with the arguments alone and with the calls, " +
    "and the heap the result holds.",
  run(): BenchRow[] {
    const over: string[] = [];
    const rows = Object.keys(cases).map((name) => {
      const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", self, name], { encoding: "utf8", maxBuffer: 2 ** 20 });
      const f = JSON.parse(out.trim().split("\n").pop()!) as Figures;
      const extra = f.oneCallMb - f.inputsMb;
      if (f.ms > TIME_BOUND_MS) over.push(`${name}: ${f.ms.toFixed(0)} ms, over ${TIME_BOUND_MS} ms`);
      if (extra > PEAK_BOUND_MB) over.push(`${name}: +${extra.toFixed(0)} MiB above its arguments, over ${PEAK_BOUND_MB} MiB`);
      return {
        case: name,
        n: N,
        ms: f.ms,
        note:
          `peak RSS: arguments ${f.inputsMb.toFixed(0)} MiB, one call +${extra.toFixed(0)} MiB, ${RUNS + 2} calls ${f.peakMb.toFixed(0)} MiB in all; ` +
          `the result holds ${f.heldMb.toFixed(0)} MiB`,
      };
    });
    // Every case is measured before a bound fails the run, so the figures of all of them are seen.
    for (const r of rows) console.error(`${r.case}: ${r.ms.toFixed(0)} ms; ${r.note}`);
    if (over.length) throw new Error(`over the bounds at ${N} rows:\n${over.join("\n")}`);
    return rows;
  },
};

export default suite;

// Run as a child with a case's name: measure that case and print its figures as one line of JSON.
if (process.argv[1] === self && process.argv[2]) console.log(JSON.stringify(runCase(process.argv[2])));
