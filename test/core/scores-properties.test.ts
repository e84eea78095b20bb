import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dividedBy, exactOf, plus, toNumber } from "../../src/core/exact";
import { sheetTotal } from "../../src/core/scores";
import { trimmedMean, weightedMean } from "../../src/core/composite";
import { aggregatePeriods } from "../../src/core/periods";
import { gradeByVotes, type VoteThresholds } from "../../src/core/votes";
import { excelSerial, parseDateText } from "../../src/core/dates";

const runs = { seed: 42, numRuns: 200 };

/** Points as sheets hold them: two decimals. */
const points = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);
/** Any finite double of a sane size, with every digit it may carry. */
const anyScore = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

describe("exact arithmetic", () => {
  it("gives back every double it reads", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(toNumber(exactOf(x))).toBe(x === 0 ? 0 : x);
      }),
      runs,
    );
  });
  it("rounds a quotient of whole numbers as a correctly rounded division does", () => {
    const whole = fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 });
    fc.assert(
      fc.property(whole, whole.filter((d) => d !== 0), (p, q) => {
        expect(toNumber(dividedBy(exactOf(p), exactOf(q)))).toBe(p / q);
      }),
      runs,
    );
  });
});

describe("sheetTotal", () => {
  const item = fc.record({ score: maybe(points(-20, 120)), max: points(0, 100) });
  it("stays within [0, Σ max + bonus cap]", () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 25 }),
        fc.array(maybe(points(0, 10)), { maxLength: 5 }),
        points(0, 10),
        fc.array(maybe(points(0, 30)), { maxLength: 5 }),
        (items, bonus, bonusCap, deductions) => {
          const { total } = sheetTotal({ items, bonus, bonusCap, deductions });
          const ceiling = toNumber(items.reduce((s, i) => plus(s, exactOf(i.max)), exactOf(bonusCap)));
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(ceiling);
        },
      ),
      runs,
    );
  });
  it("never loses points when a score rises or a deduction falls", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), points(0, 20), points(0, 5), (items, deduction, raise) => {
        const before = sheetTotal({ items, deductions: [deduction] }).total;
        const raised = items.map((it, i) => (i === 0 ? { ...it, score: (it.score ?? 0) + raise } : it));
        expect(sheetTotal({ items: raised, deductions: [deduction] }).total).toBeGreaterThanOrEqual(before);
        expect(sheetTotal({ items, deductions: [deduction / 2] }).total).toBeGreaterThanOrEqual(before);
      }),
      runs,
    );
  });
});

describe("weightedMean", () => {
  const weight = fc.oneof(points(0, 10), fc.double({ min: 0, max: 100, noNaN: true }));
  it("of equal scores is that score", () => {
    fc.assert(
      fc.property(anyScore, fc.array(weight, { minLength: 1, maxLength: 8 }), (s, weights) => {
        fc.pre(weights.some((w) => w > 0));
        expect(weightedMean(weights.map((weight) => ({ score: s, weight })))).toBe(s === 0 ? 0 : s);
      }),
      runs,
    );
  });
  it("lies between the lowest and the highest score present", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ score: maybe(anyScore), weight }), { minLength: 1, maxLength: 8 }), (entries) => {
        const present = entries.filter((e) => e.score !== null);
        fc.pre(present.some((e) => e.weight > 0));
        const scores = present.map((e) => e.score as number);
        const mean = weightedMean(entries);
        expect(mean).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(mean).toBeLessThanOrEqual(Math.max(...scores));
      }),
      runs,
    );
  });
  it("does not depend on the order of the raters", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ score: maybe(points(0, 100)), weight: points(0, 1) }), { minLength: 1, maxLength: 8 }), (entries) => {
        fc.pre(entries.some((e) => e.score !== null && e.weight > 0));
        expect(weightedMean([...entries].reverse())).toBe(weightedMean(entries));
      }),
      runs,
    );
  });
});

describe("trimmedMean", () => {
  it("lies between the lowest and the highest score present", () => {
    const rule = fc
      .record({ dropHigh: fc.nat(3), dropLow: fc.nat(3), extra: fc.nat(4) })
      .map(({ dropHigh, dropLow, extra }) => ({ dropHigh, dropLow, minCount: dropHigh + dropLow + 1 + extra }));
    fc.assert(
      fc.property(fc.array(maybe(anyScore), { minLength: 1, maxLength: 15 }), rule, (scores, r) => {
        const present = scores.filter((s): s is number => s !== null);
        fc.pre(present.length > 0);
        const mean = trimmedMean(scores, r);
        expect(mean).toBeGreaterThanOrEqual(Math.min(...present));
        expect(mean).toBeLessThanOrEqual(Math.max(...present));
      }),
      runs,
    );
  });
});

describe("aggregatePeriods", () => {
  it("lies between the lowest and the highest period scored", () => {
    fc.assert(
      fc.property(fc.array(maybe(points(0, 100)), { minLength: 1, maxLength: 4 }), (scores) => {
        const present = scores.filter((s): s is number => s !== null);
        fc.pre(present.length > 0);
        const total = aggregatePeriods(scores);
        expect(total).toBeGreaterThanOrEqual(Math.min(...present));
        expect(total).toBeLessThanOrEqual(Math.max(...present));
      }),
      runs,
    );
  });
});

describe("gradeByVotes", () => {
  const votes = fc.tuple(fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(60)).filter((v) => v.some((n) => n > 0));
  const share = fc.integer({ min: 0, max: 100 }).map((n) => ({ num: BigInt(n), den: 100n }));
  const thresholds = fc.option(fc.record({ top: share, competent: share, bottom: share }), { nil: undefined });
  it("never gives a lower grade for more 优秀 votes", () => {
    fc.assert(
      fc.property(votes, fc.integer({ min: 1, max: 20 }), thresholds, (v, more, t?: VoteThresholds) => {
        const before = gradeByVotes(v, t);
        const after = gradeByVotes([v[0] + more, v[1], v[2], v[3]], t);
        expect(after).toBeLessThanOrEqual(before); // 0 is 优秀, the best
      }),
      runs,
    );
  });
  it("never gives a lower grade when a vote moves to 优秀 from another grade", () => {
    fc.assert(
      fc.property(votes, fc.integer({ min: 1, max: 3 }), thresholds, (v, from, t?: VoteThresholds) => {
        fc.pre(v[from] > 0);
        const moved = [...v];
        moved[from] -= 1;
        moved[0] += 1;
        expect(gradeByVotes(moved, t)).toBeLessThanOrEqual(gradeByVotes(v, t));
      }),
      runs,
    );
  });
});

describe("dates", () => {
  it("reads every date text as the serial of that date, one day apart", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 30)), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const serial = excelSerial(y, m, day);
        expect(parseDateText(`${y}-${m}-${day}`)).toBe(serial);
        expect(parseDateText(`${y}年${m}月${day}日`)).toBe(serial);
        const next = new Date(Date.UTC(y, m - 1, day + 1));
        expect(excelSerial(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate())).toBe((serial as number) + 1);
      }),
      runs,
    );
  });
});
