import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { combineItemPeriods, type ItemPeriods } from "../../src/core/item-periods";
import { ruleErrorOf } from "./helpers";

const runs = { seed: 16, numRuns: 300 };
const ok = (input: ItemPeriods) => {
  const r = combineItemPeriods(input);
  if (!r.ok) throw new Error(`expected a result, got ${JSON.stringify(r)}`);
  return r;
};

describe("combineItemPeriods: hand-computed", () => {
  // Three items of max 5, 6, 4; half year 0.4, year 0.6.
  const maxes = [5, 6, 4];
  const weights = [0.4, 0.6];

  it("weighs each item's half-year and annual points", () => {
    const r = ok({ maxes, weights, missing: "problem", tests: [{ items: [4, 5, 3] }, { items: [5, 6, 2] }] });
    // item 1: 0.4×4 + 0.6×5 = 4.6; item 2: 0.4×5 + 0.6×6 = 5.6; item 3: 0.4×3 + 0.6×2 = 2.4
    expect(r.items).toEqual([4.6, 5.6, 2.4]);
    expect(r.total).toBe(12.6);
    // the half-year result is computed: 4 + 5 + 3 = 12; the annual 5 + 6 + 2 = 13
    expect(r.periodTotals).toEqual([12, 13]);
    expect(r.skipped).toEqual([]);
  });

  it("combines bonus (capped per period) and deductions the same way, the total floored at 0", () => {
    const r = ok({
      maxes,
      weights,
      bonusCap: 5,
      missing: "problem",
      tests: [
        { items: [4, 5, 3], bonus: 8, deductions: 2 },
        { items: [5, 6, 2], bonus: 3, deductions: 0 },
      ],
    });
    // bonus: 0.4×min(8,5) + 0.6×3 = 3.8; deductions 0.4×2 = 0.8; total 12.6 + 3.8 − 0.8 = 15.6
    expect(r.bonus).toBe(3.8);
    expect(r.deductions).toBe(0.8);
    expect(r.total).toBe(15.6);
    expect(r.periodTotals).toEqual([15, 16]);
    const floored = ok({ maxes: [5], weights: [1, 1], missing: "problem", tests: [{ items: [1], deductions: 9 }, { items: [1] }] });
    // 1 − 4.5 < 0: 0
    expect(floored.total).toBe(0);
    expect(floored.periodTotals).toEqual([0, 1]);
  });

  it("clamps an item to [0, max] in each period, as a sheet does", () => {
    const r = ok({ maxes: [5], weights: [0.5, 0.5], missing: "problem", tests: [{ items: [7] }, { items: [-1] }] });
    expect(r.items).toEqual([2.5]);
  });

  it("a half-year test not held: the annual alone under reweight, a problem under problem", () => {
    const tests = [{ items: [null, null, null] }, { items: [5, 6, 2] }];
    const r = ok({ maxes, weights, missing: "reweight", tests });
    expect(r.items).toEqual([5, 6, 2]);
    expect(r.total).toBe(13);
    expect(r.periodTotals).toEqual([null, 13]);
    expect(r.skipped).toEqual([0]);
    expect(combineItemPeriods({ maxes, weights, missing: "problem", tests })).toEqual({ ok: false, missingPeriods: [0], blankItems: [] });
  });

  it("an item left blank in a test that was held is a problem under either rule", () => {
    const tests = [{ items: [4, null, 3] }, { items: [5, 6, 2] }];
    for (const missing of ["problem", "reweight"] as const)
      expect(combineItemPeriods({ maxes, weights, missing, tests })).toEqual({ ok: false, missingPeriods: [], blankItems: [{ period: 0, item: 1 }] });
  });

  it("no test held at all is a problem", () => {
    expect(combineItemPeriods({ maxes: [5], weights, missing: "reweight", tests: [{ items: [null] }, { items: [null] }] })).toEqual({ ok: false, missingPeriods: [0, 1], blankItems: [] });
  });

  it("adds decimals exactly: 0.1 and 0.2 make 0.3", () => {
    const r = ok({ maxes: [1, 1], weights: [1, 1], missing: "problem", tests: [{ items: [0.1, 0.2] }, { items: [0.1, 0.2] }] });
    expect(r.total).toBe(0.3);
  });

  it("rejects weights of another length, negative weights and weights of 0 for the tests held", () => {
    expect(ruleErrorOf(() => combineItemPeriods({ maxes, weights: [1], missing: "problem", tests: [{ items: [1, 1, 1] }, { items: [1, 1, 1] }] }))).toMatchObject({ key: "sizeMismatch" });
    expect(ruleErrorOf(() => combineItemPeriods({ maxes, weights: [1, -1], missing: "problem", tests: [{ items: [1, 1, 1] }, { items: [1, 1, 1] }] }))).toMatchObject({ key: "negative" });
    expect(ruleErrorOf(() => combineItemPeriods({ maxes, weights: [0, 1], missing: "reweight", tests: [{ items: [1, 1, 1] }, { items: [null, null, null] }] }))).toMatchObject({ code: "#DIV/0!" });
  });
});

describe("combineItemPeriods: properties", () => {
  /** Points as sheets hold them: two decimals. */
  const points = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
  const maxesArb = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 20 });
  const weight = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);

  it("moving half-year points from one item to another never changes the total", () => {
    fc.assert(
      fc.property(
        maxesArb.chain((maxes) =>
          fc.record({
            maxes: fc.constant(maxes),
            half: fc.tuple(...maxes.map(points)),
            year: fc.tuple(...maxes.map(points)),
            from: fc.nat(maxes.length - 1),
            to: fc.nat(maxes.length - 1),
            share: fc.double({ min: 0, max: 1, noNaN: true }),
            w: fc.tuple(weight, weight).filter(([a, b]) => a + b > 0),
          }),
        ),
        ({ maxes, half, year, from, to, share, w }) => {
          // Move as much as both items allow, in hundredths: from keeps ≥ 0, to stays ≤ its max.
          const room = Math.min(Math.round(half[from] * 100), Math.round((maxes[to] - half[to]) * 100));
          const moved = from === to ? 0 : Math.floor(room * share);
          const after = [...half];
          after[from] = (Math.round(half[from] * 100) - moved) / 100;
          after[to] = (Math.round(half[to] * 100) + moved) / 100;
          const before = ok({ maxes, weights: w, missing: "problem", tests: [{ items: half }, { items: year }] });
          const moveDone = ok({ maxes, weights: w, missing: "problem", tests: [{ items: after }, { items: year }] });
          expect(moveDone.total).toBe(before.total);
          expect(moveDone.periodTotals[0]).toBe(before.periodTotals[0]);
        },
      ),
      runs,
    );
  });

  it("with equal weights the year is the mean of the two tests' totals", () => {
    fc.assert(
      fc.property(
        maxesArb.chain((maxes) => fc.record({ maxes: fc.constant(maxes), half: fc.tuple(...maxes.map(points)), year: fc.tuple(...maxes.map(points)) })),
        ({ maxes, half, year }) => {
          const r = ok({ maxes, weights: [0.5, 0.5], missing: "problem", tests: [{ items: half }, { items: year }] });
          // Hundredths as whole numbers: the mean of the two sums, exactly.
          const hundredths = (xs: number[]) => xs.reduce((s, x) => s + Math.round(x * 100), 0);
          expect(r.total).toBe((hundredths(half) + hundredths(year)) / 200);
        },
      ),
      runs,
    );
  });
});
