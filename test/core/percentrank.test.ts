import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  percentRank,
  percentRankExc,
  percentRankInc,
  percentRanksAll,
  percentRanksAllInGroups,
  significanceDigits,
  truncateShare,
} from "../../src/core/percentrank";
import { decimalOf } from "../../src/core/exact";
import { ruleErrorOf } from "./helpers";


describe("Microsoft's documented examples", () => {
  // support.microsoft.com, "PERCENTRANK.INC function".
  const inc = [13, 12, 11, 8, 4, 3, 2, 1, 1, 1];
  it("PERCENTRANK.INC: x = 2 → 0.333, 4 → 0.555, 8 → 0.666, 5 → 0.583", () => {
    expect(percentRankInc(inc, 2)).toBe(0.333);
    expect(percentRankInc(inc, 4)).toBe(0.555);
    expect(percentRankInc(inc, 8)).toBe(0.666);
    expect(percentRankInc(inc, 5)).toBe(0.583);
  });
  // support.microsoft.com, "PERCENTRANK.EXC function".
  const exc = [1, 2, 3, 6, 6, 6, 7, 8, 9];
  it("PERCENTRANK.EXC: x = 7 → 0.7, 5.43 → 0.381, 5.43 with significance 1 → 0.3", () => {
    expect(percentRankExc(exc, 7)).toBe(0.7);
    expect(percentRankExc(exc, 5.43)).toBe(0.381);
    expect(percentRankExc(exc, 5.43, 1)).toBe(0.3);
  });
  it("0.381 comes from the decimal 5.43, not from the double just below it", () => {
    // The double is 5.42999…; exactly, (3 + (5.42999… − 3)/3)/10 = 0.380999…, which truncates to 0.380.
    expect((5.43).toFixed(20).startsWith("5.42999")).toBe(true);
    expect(decimalOf(5.43)).toEqual({ int: 543n, scale: 2 });
  });
});

describe("exact truncation", () => {
  it("truncates, never rounds: 5/9 → 0.555, 2/3 → 0.666", () => {
    expect(truncateShare(5, 9, 3)).toBe(0.555);
    expect(truncateShare(2, 3, 3)).toBe(0.666);
  });
  it("never falls one unit short: 29/100 to 2 digits is 0.29 (0.29 × 100 is 28.999… in doubles)", () => {
    expect(Math.floor((29 / 100) * 100) / 100).toBe(0.28);
    expect(truncateShare(29, 100, 2)).toBe(0.29);
    expect(truncateShare(7, 10, 3)).toBe(0.7);
    const data = Array.from({ length: 101 }, (_, i) => i);
    expect(percentRankInc(data, 29, 2)).toBe(0.29);
  });
  it("many digits still give the double nearest the decimal", () => {
    expect(truncateShare(1, 3, 20)).toBe(Number("0.33333333333333333333"));
    expect(truncateShare(1, 3, 40)).toBe(Number("0." + "3".repeat(40)));
  });
  it("displayed decimals of large, small and negative numbers", () => {
    expect(decimalOf(-0.5)).toEqual({ int: -5n, scale: 1 });
    expect(decimalOf(1e21)).toEqual({ int: 10n ** 21n, scale: 0 });
    expect(decimalOf(1.5e-7)).toEqual({ int: 15n, scale: 8 });
  });
});

describe("edge cases, each Excel's answer", () => {
  it("x at the minimum: INC 0, EXC 1/(n+1)", () => {
    expect(percentRankInc([1, 2, 3], 1)).toBe(0);
    expect(percentRankExc([1, 2, 3], 1)).toBe(0.25);
  });
  it("x at the maximum: INC 1", () => {
    expect(percentRankInc([1, 2, 3], 3)).toBe(1);
    expect(percentRankExc([1, 2, 3], 3)).toBe(0.75);
  });
  it("one value: INC is 1 (Excel's answer where (n − 1) is 0, as LibreOffice and Gnumeric give it); EXC keeps (0 + 1)/(1 + 1)", () => {
    expect(percentRankInc([5], 5)).toBe(1);
    expect(percentRankExc([5], 5)).toBe(0.5);
    expect(percentRanksAll([5], 3, false)).toEqual([1]);
    expect(percentRanksAll([5], 3, true)).toEqual([0.5]);
  });
  it("ties at the lower neighbour: interpolation from the position of its last copy (inverse of PERCENTILE)", () => {
    // sorted 1,1,1,2; x = 1.5: INC (3 − 1 + 0.5)/3 = 0.8333, EXC (3 + 0.5)/5 = 0.7 — LibreOffice,
    // Gnumeric and StatsBase.jl (documented as Excel's PERCENTRANK.INC/EXC) all compute this.
    expect(percentRankInc([1, 1, 1, 2], 1.5)).toBe(0.833);
    expect(percentRankExc([1, 1, 1, 2], 1.5)).toBe(0.7);
  });
  it("negative data interpolate the same way", () => {
    expect(percentRankInc([-3, -1], -2)).toBe(0.5);
    expect(percentRankInc([-0.3, 0.1, 0.2], -0.1)).toBe(0.25);
  });
  it("an empty array is #NUM! (Microsoft: 'If array is empty, PERCENTRANK.INC returns #NUM!')", () => {
    const e = ruleErrorOf(() => percentRankInc([undefined], 1));
    expect(e.code).toBe("#NUM!");
    expect(e.key).toBe("emptyRange");
    expect(ruleErrorOf(() => percentRankExc([], 1)).code).toBe("#NUM!");
  });
  it("x outside [min, max] is #N/A", () => {
    const e = ruleErrorOf(() => percentRankInc([1, 2, 3], 3.5));
    expect(e.code).toBe("#N/A");
    expect(e.key).toBe("outsideData");
    expect(ruleErrorOf(() => percentRankExc([1, 2, 3], 0)).code).toBe("#N/A");
  });
  it("significance: truncated to a whole number; below 1 #NUM!; above 308 #DIV/0! ([MS-OI29500] 2.1.1015)", () => {
    expect(significanceDigits(2.9)).toBe(2);
    expect(percentRankInc([13, 12, 11, 8, 4, 3, 2, 1, 1, 1], 5, 2.9)).toBe(0.58);
    expect(ruleErrorOf(() => significanceDigits(0)).code).toBe("#NUM!");
    expect(ruleErrorOf(() => significanceDigits(0.5)).code).toBe("#NUM!");
    expect(ruleErrorOf(() => significanceDigits(-1)).code).toBe("#NUM!");
    expect(ruleErrorOf(() => significanceDigits(NaN)).code).toBe("#NUM!");
    expect(significanceDigits(308)).toBe(308);
    expect(ruleErrorOf(() => significanceDigits(309)).code).toBe("#DIV/0!");
  });
  it("NaN in the data is #VALUE!", () => {
    expect(ruleErrorOf(() => percentRankInc([1, NaN], 1)).code).toBe("#VALUE!");
    expect(ruleErrorOf(() => percentRanksAll([1, NaN], 3, false)).code).toBe("#VALUE!");
  });
});

describe("whole column", () => {
  it("matches Microsoft's examples row by row", () => {
    expect(percentRanksAll([13, 12, 11, 8, 4, 3, 2, 1, 1, 1], 3, false)).toEqual([1, 0.888, 0.777, 0.666, 0.555, 0.444, 0.333, 0, 0, 0]);
    expect(percentRanksAll([1, 2, 3, 6, 6, 6, 7, 8, 9], 3, true)).toEqual([0.1, 0.2, 0.3, 0.4, 0.4, 0.4, 0.7, 0.8, 0.9]);
  });
  it("undefined in, undefined out", () => {
    expect(percentRanksAll([undefined, 1, 2], 3, false)).toEqual([undefined, 0, 1]);
  });
  it("groups: each group on its own, blank labels together", () => {
    expect(percentRanksAllInGroups([10, 20, 30, 5, 6], ["A", "A", "A", undefined, ""], 3, false)).toEqual([0, 0.5, 1, 0, 1]);
  });
});

describe("properties", () => {
  const score = fc.integer({ min: 0, max: 200 }).map((n) => n / 2);
  const column = fc.array(fc.option(score, { nil: undefined, freq: 8 }), { minLength: 1, maxLength: 50 });
  const exclusive = fc.boolean();
  const digits = fc.integer({ min: 1, max: 6 });
  const run = { seed: 42, numRuns: 200 };
  const defined = (c: (number | undefined)[]) => c.filter((v): v is number => v !== undefined);

  it("the whole column equals the one-cell function on every row", () => {
    fc.assert(
      fc.property(column, digits, exclusive, (c, d, exc) => {
        const all = percentRanksAll(c, d, exc);
        c.forEach((x, i) => expect(all[i]).toBe(x === undefined ? undefined : percentRank(c, x, d, exc)));
      }),
      run,
    );
  });

  it("percent ranks lie in [0, 1] (EXC strictly inside) and never decrease as the value grows", () => {
    fc.assert(
      fc.property(column, exclusive, (c, exc) => {
        const all = percentRanksAll(c, 3, exc);
        const pairs = c.map((v, i) => [v, all[i]] as const).filter((p): p is readonly [number, number] => p[0] !== undefined);
        for (const [, r] of pairs) expect(exc ? r > 0 && r < 1 : r >= 0 && r <= 1).toBe(true);
        pairs.sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < pairs.length; i++) expect(pairs[i][1]).toBeGreaterThanOrEqual(pairs[i - 1][1]);
      }),
      run,
    );
  });

  it("interpolated values never decrease in x and stay between the neighbours' percent ranks", () => {
    fc.assert(
      fc.property(
        column.filter((c) => new Set(defined(c)).size >= 2),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        exclusive,
        (c, ts, exc) => {
          const data = defined(c);
          const lo = Math.min(...data);
          const hi = Math.max(...data);
          const xs = ts.map((t) => Math.round((lo + t * (hi - lo)) * 100) / 100).sort((a, b) => a - b);
          const rs = xs.map((x) => percentRank(data, x, 6, exc));
          for (let i = 1; i < rs.length; i++) expect(rs[i]).toBeGreaterThanOrEqual(rs[i - 1]);
          for (const r of rs) expect(r >= 0 && r <= 1).toBe(true);
        },
      ),
      run,
    );
  });

  it("a large column (the radix-sorted path) equals the one-cell function", () => {
    const big = fc.array(fc.option(fc.integer({ min: -500, max: 500 }).map((n) => n / 4), { nil: undefined, freq: 10 }), {
      minLength: 1100,
      maxLength: 2500,
    });
    fc.assert(
      fc.property(big, digits, exclusive, (c, d, exc) => {
        const all = percentRanksAll(c, d, exc);
        for (let i = 0; i < c.length; i += 41) {
          const x = c[i];
          expect(all[i]).toBe(x === undefined ? undefined : percentRank(c, x, d, exc));
        }
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it("truncation is exact: the result is the floor of the exact fraction at that many digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), digits, (n, c, d) => {
        const below = c % n;
        const q = (BigInt(below) * 10n ** BigInt(d)) / BigInt(n - 1);
        expect(truncateShare(below, n - 1, d)).toBe(Number(`${q}e-${d}`));
      }),
      run,
    );
  });
});
