import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RuleError } from "../../src/core/errors";
import { classes, classSizes, DEFAULT_CLASS_RATIOS } from "../../src/core/classes";

const run = { seed: 42, numRuns: 300 };
const r = (...xs: number[]) => xs.map((x) => ({ num: BigInt(x), den: 1n }));
const count = (cs: (number | null)[], k: number) => cs.filter((c) => c === k).length;

describe("classSizes (largest remainder)", () => {
  it("3:5:2 of 10 is 3, 5, 2", () => {
    expect(classSizes(10, DEFAULT_CLASS_RATIOS)).toEqual([3, 5, 2]);
  });
  it("3:5:2 of 7: shares 2.1, 3.5, 1.4 → floors 2, 3, 1 and the one left goes to the largest remainder (.5)", () => {
    expect(classSizes(7, DEFAULT_CLASS_RATIOS)).toEqual([2, 4, 1]);
  });
  it("equal remainders favour the better class", () => {
    expect(classSizes(1, r(1, 1))).toEqual([1, 0]);
    expect(classSizes(5, r(1, 1))).toEqual([3, 2]);
    expect(classSizes(2, r(1, 1, 1))).toEqual([1, 1, 0]);
  });
  it("takes fractional ratios and zero classes; refuses all-zero", () => {
    expect(classSizes(10, [{ num: 3n, den: 10n }, { num: 7n, den: 10n }])).toEqual([3, 7]);
    expect(classSizes(4, r(1, 0, 1))).toEqual([2, 0, 2]);
    expect(() => classSizes(4, r(0, 0))).toThrow(RuleError);
  });
  it("property: sizes sum to n and each is within one of its exact share", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.array(fc.nat(20), { minLength: 1, maxLength: 6 }).filter((a) => a.some((x) => x > 0)), (n, ws) => {
        const sizes = classSizes(n, r(...ws));
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
        const total = ws.reduce((a, b) => a + b, 0);
        sizes.forEach((s, k) => {
          const exact = (n * ws[k]) / total;
          expect(s).toBeGreaterThanOrEqual(Math.floor(exact + 1e-9));
          expect(s).toBeLessThanOrEqual(Math.floor(exact + 1e-9) + 1);
        });
      }),
      run,
    );
  });
});

describe("classes", () => {
  it("10 distinct scores split 3:5:2", () => {
    const scores = [91, 85, 99, 70, 88, 60, 77, 95, 81, 66];
    expect(classes(scores.map((score) => ({ score })))).toEqual([1, 2, 1, 2, 2, 3, 2, 1, 2, 3]);
  });
  it("ties at a boundary stay together in the better class; the next class shrinks", () => {
    // Sizes 3, 5, 2; positions 3 and 4 (0-based 2, 3) tie across the first boundary.
    const scores = [99, 98, 90, 90, 80, 79, 78, 77, 70, 60];
    const cs = classes(scores.map((score) => ({ score })));
    expect(cs).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3]);
    expect([count(cs, 1), count(cs, 2), count(cs, 3)]).toEqual([4, 4, 2]);
  });
  it("a tie can swallow a whole class: everyone equal is class 1", () => {
    expect(classes([80, 80, 80, 80].map((score) => ({ score })))).toEqual([1, 1, 1, 1]);
  });
  it("blank scores have no class and do not count; groups are split on their own", () => {
    const rows = [
      { score: 90, group: "甲" },
      { score: null, group: "甲" },
      { score: 80, group: "甲" },
      { score: 50, group: "乙" },
    ];
    expect(classes(rows, r(1, 1))).toEqual([1, null, 2, 1]);
  });
  it("property: with distinct scores each class has exactly its size; with ties no tie is split and ranks never cross", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 80 }), fc.array(fc.nat(9), { minLength: 1, maxLength: 5 }).filter((a) => a.some((x) => x > 0)), (scores, ws) => {
        const cs = classes(scores.map((score) => ({ score })), r(...ws));
        for (let i = 0; i < scores.length; i++)
          for (let j = 0; j < scores.length; j++) {
            if (scores[i] === scores[j]) expect(cs[i]).toBe(cs[j]);
            if (scores[i] > scores[j]) expect(cs[i] as number).toBeLessThanOrEqual(cs[j] as number);
          }
        if (new Set(scores).size === scores.length) {
          const sizes = classSizes(scores.length, r(...ws));
          sizes.forEach((s, k) => expect(count(cs, k + 1)).toBe(s));
        }
        // A row's class holds its competition rank.
        const sizes = classSizes(scores.length, r(...ws));
        scores.forEach((s, i) => {
          const before = scores.filter((x) => x > s).length;
          let k = 0;
          let acc = sizes[0];
          while (acc <= before) acc += sizes[++k];
          expect(cs[i]).toBe(k + 1);
        });
      }),
      run,
    );
  });
});
