// Whole-column grades with quotas, star quotas and exact allocation, each against a bare numeric sort of the same numbers.
import { allocate, classes, grades, starQuota } from "../src/functions/functions";
import { seeded, time, type BenchRow, type BenchSuite } from "./harness";

const SIZES = [10_000, 100_000];
/** Townships or branches: about 50 people per group, as in a county. */
const PER_GROUP = 50;

interface Sheet {
  scores: number[];
  scoreColumn: number[][];
  tiebreak: number[][];
  groups: string[][];
  stars: number[][];
  caps: number[][];
  weights: number[][];
}

/** n people: scores 60.0–100.0 with one decimal (ties common), groups of about 50, stars within each cap, pay coefficients. */
function sheet(n: number, seed: number): Sheet {
  const random = seeded(seed);
  const scores = Array.from({ length: n }, () => Math.round(600 + random() * 400) / 10);
  const caps = Array.from({ length: n }, () => (random() < 0.7 ? 10 : 6));
  return {
    scores,
    scoreColumn: scores.map((x) => [x]),
    tiebreak: scores.map(() => [Math.round(random() * 1000) / 10]),
    groups: scores.map((_, i) => [`第${Math.floor(i / PER_GROUP) + 1}组`]),
    caps: caps.map((c) => [c]),
    stars: caps.map((c) => [Math.floor(random() * (c + 1))]),
    weights: scores.map(() => [[1.2, 1, 0.8, 0][Math.floor(random() * 4)] * (1 + Math.floor(random() * 5) / 10)]),
  };
}

/** A spill that is an error would time the error path; fail loudly instead. */
function spill(result: unknown): unknown[][] {
  if (!Array.isArray(result)) throw new Error(`the function returned ${JSON.stringify(result)}`);
  return result;
}

const suite: BenchSuite = {
  title: "Quotas, stars and money: KAOHE.GRADES, KAOHE.CLASSES, KAOHE.STARQUOTA, KAOHE.ALLOCATE",
  about:
    "Whole-column spills through the worksheet functions (argument coercion included), groups of 50, against a bare " +
    "Float64Array sort of the same numbers (the floor). GRADES: 20% top-grade quota with a tiebreak; STARQUOTA: the star-striving action opinions rules; " +
    "ALLOCATE: a pool of 12,345,678.90 yuan by coefficients, exact in BigInt fen. Seeded data.",
  run(): BenchRow[] {
    const warm = sheet(2_000, 1);
    for (let i = 0; i < 20; i++) {
      spill(grades(warm.scoreColumn, null as never, null as never, 0.2, warm.groups, null as never, warm.tiebreak));
      spill(starQuota(warm.stars, warm.caps, warm.tiebreak, warm.groups));
      spill(allocate(12345678.9, warm.weights));
      spill(classes(warm.scoreColumn, [[3, 5, 2]], warm.groups));
    }
    const rows: BenchRow[] = [];
    for (const n of SIZES) {
      const s = sheet(n, n);
      const floor = time(() => Float64Array.from(s.scores).sort());
      const vsFloor = (ms: number) => `${(ms / floor).toFixed(1)}× the bare sort`;
      rows.push({ case: "bare Float64Array sort (floor)", n, ms: floor });
      const cases: [string, () => unknown][] = [
        ["KAOHE.GRADES, 20% quota per group, tiebreak", () => spill(grades(s.scoreColumn, null as never, null as never, 0.2, s.groups, null as never, s.tiebreak))],
        ["KAOHE.GRADES, no quota (bands only)", () => spill(grades(s.scoreColumn))],
        ["KAOHE.CLASSES 3:5:2 per group", () => spill(classes(s.scoreColumn, [[3, 5, 2]], s.groups))],
        ["KAOHE.STARQUOTA per group, tiebreak", () => spill(starQuota(s.stars, s.caps, s.tiebreak, s.groups))],
        ["KAOHE.ALLOCATE by coefficients (fen)", () => spill(allocate(12345678.9, s.weights))],
      ];
      for (const [name, fn] of cases) {
        const ms = time(fn);
        rows.push({ case: name, n, ms, note: vsFloor(ms) });
      }
    }
    return rows;
  },
};

export default suite;
