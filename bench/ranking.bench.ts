// Whole-column ranks and percent ranks against a filled-down one-cell formula and against a bare numeric sort.
import { percentRank, percentRanks, rank, ranks } from "../src/functions/functions";
import { seeded, time, type BenchRow, type BenchSuite } from "./harness";

/** n scores from 60.0 to 100.0 with one decimal, so ties are common, as in a real assessment. */
function scores(n: number, seed: number): number[] {
  const random = seeded(seed);
  return Array.from({ length: n }, () => Math.round(600 + random() * 400) / 10);
}

/** n scores from 60 to 100 with every digit a double holds: no two alike, the worst case for results kept once a run of ties. */
function distinctScores(n: number, seed: number): number[] {
  const random = seeded(seed);
  return Array.from({ length: n }, () => 60 + random() * 40);
}

/** A filled-down formula: the one-cell function once per row, each call seeing the whole column. */
function filledDown(column: number[][], one: (x: number, ref: number[][]) => unknown): unknown[] {
  const out = column.map(([x]) => one(x, column));
  // A filled-down column that errs would time the error path instead; fail loudly rather than report it.
  if (out.some((r) => typeof r !== "number")) throw new Error("a one-cell call did not return a number");
  return out;
}

const SIZES = [1_000, 10_000, 100_000];
/** Above this the one-cell route is O(n²) minutes; it is extrapolated from the largest size measured. */
const LARGEST_FILLED_DOWN = 10_000;
/** The cheap cases allocate a row array per cell; more runs keep their median steady through garbage collections. */
const RUNS = 11;

const suite: BenchSuite = {
  title: "Ranking: KAOHE.RANKS and KAOHE.PERCENTRANKS",
  about:
    "Whole-column spills (one sort per column) against the one-cell KAOHE.RANK / KAOHE.PERCENTRANK filled down one row at a time, " +
    "and against a bare Float64Array sort of the same numbers (the floor). Scores 60.0–100.0 with one decimal, seeded; " +
    "the rows marked \"every score distinct\" rank scores with all their digits instead, against a sort of those.",
  run(): BenchRow[] {
    // Let the JIT compile every path first, so the small sizes time steady code rather than compilation.
    const warm = scores(2_000, 1).map((x) => [x]);
    for (let i = 0; i < 30; i++) {
      ranks(warm);
      ranks(warm, 0, "dense");
      percentRanks(warm);
      rank(warm[i][0], warm);
      percentRank(warm, warm[i][0]);
    }
    const rows: BenchRow[] = [];
    for (const n of SIZES) {
      const numbers = scores(n, n);
      const column = numbers.map((x) => [x]);
      const floor = time(() => Float64Array.from(numbers).sort(), RUNS);
      const vsFloor = (ms: number) => `${(ms / floor).toFixed(1)}× the bare sort`;
      rows.push({ case: "bare Float64Array sort (floor)", n, ms: floor });

      const wholeRanks = time(() => ranks(column), RUNS);
      rows.push({ case: "KAOHE.RANKS (whole column)", n, ms: wholeRanks, note: vsFloor(wholeRanks) });
      const wholeDense = time(() => ranks(column, 0, "dense"), RUNS);
      rows.push({ case: "KAOHE.RANKS dense (whole column)", n, ms: wholeDense, note: vsFloor(wholeDense) });
      const wholePercent = time(() => percentRanks(column), RUNS);
      rows.push({ case: "KAOHE.PERCENTRANKS (whole column)", n, ms: wholePercent, note: vsFloor(wholePercent) });

      const distinct = distinctScores(n, n);
      const distinctColumn = distinct.map((x) => [x]);
      const distinctFloor = time(() => Float64Array.from(distinct).sort(), RUNS);
      rows.push({ case: "bare Float64Array sort, every score distinct (floor)", n, ms: distinctFloor });
      const distinctRanks = time(() => ranks(distinctColumn), RUNS);
      rows.push({ case: "KAOHE.RANKS, every score distinct", n, ms: distinctRanks, note: `${(distinctRanks / distinctFloor).toFixed(1)}× the bare sort` });

      for (const [name, one, whole] of [
        ["KAOHE.RANK filled down (one call per row)", (x: number, ref: number[][]) => rank(x, ref), wholeRanks],
        ["KAOHE.PERCENTRANK filled down (one call per row)", (x: number, ref: number[][]) => percentRank(ref, x), wholePercent],
      ] as const) {
        if (n <= LARGEST_FILLED_DOWN) {
          const ms = time(() => filledDown(column, one), n > 1_000 ? 1 : 5);
          rows.push({ case: name, n, ms, note: `${(ms / whole).toFixed(0)}× the whole column` });
        } else {
          const measured = rows.find((r) => r.case === name && r.n === LARGEST_FILLED_DOWN)!;
          const ms = measured.ms * (n / LARGEST_FILLED_DOWN) ** 2;
          rows.push({
            case: name,
            n,
            ms,
            note: `extrapolated from n = ${LARGEST_FILLED_DOWN.toLocaleString("en-US")} as O(n²), not measured; ${(ms / whole).toFixed(0)}× the whole column`,
          });
        }
      }
    }
    return rows;
  },
};

export default suite;
