import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RuleError } from "../../src/core/errors";
import { cutAtQuota, quota, roundingNames, tiePolicyNames, type TiePolicy } from "../../src/core/quota";

const pct = (n: number) => ({ num: BigInt(n), den: 100n });
const run = { seed: 42, numRuns: 300 };

describe("quota", () => {
  it("30% of a branch of 3 is 0 with floor, unless a minimum of 1 is set", () => {
    expect(quota(3, pct(30))).toBe(0);
    expect(quota(3, pct(30), "floor", 1)).toBe(1);
    expect(quota(3, pct(30), "round")).toBe(1);
    expect(quota(3, pct(30), "ceil")).toBe(1);
  });
  it("is exact where doubles are not: 29% of 100 is 29, not 28 (0.29 × 100 = 28.999…)", () => {
    expect(Math.floor(0.29 * 100)).toBe(28); // the trap
    expect(quota(100, pct(29))).toBe(29);
    expect(quota(10, pct(30))).toBe(3);
    expect(quota(20, { num: 1n, den: 5n })).toBe(4);
    expect(quota(3000000, { num: 1n, den: 3n })).toBe(1000000);
  });
  it("rounds half up with round (四舍五入) and up with ceil (进一法)", () => {
    expect(quota(5, pct(30), "round")).toBe(2); // 1.5
    expect(quota(5, pct(29), "round")).toBe(1); // 1.45
    expect(quota(11, pct(30), "ceil")).toBe(4); // 3.3
    expect(quota(10, pct(30), "ceil")).toBe(3); // exactly 3: no rounding up
  });
  it("is never more than n, even with a minimum above it", () => {
    expect(quota(2, pct(100), "ceil", 5)).toBe(2);
    expect(quota(0, pct(30), "floor", 1)).toBe(0);
  });
  it("refuses a ratio above 1, a negative or fractional n, and a bad minimum", () => {
    expect(() => quota(10, pct(3000))).toThrow(RuleError);
    expect(() => quota(-1, pct(30))).toThrow(RuleError);
    expect(() => quota(2.5, pct(30))).toThrow(RuleError);
    expect(() => quota(10, pct(30), "floor", -1)).toThrow(RuleError);
  });
  it("reads the Chinese rounding and tie-policy names", () => {
    expect(roundingNames["去尾法"]).toBe("floor");
    expect(roundingNames["四舍五入"]).toBe("round");
    expect(roundingNames["进一法"]).toBe("ceil");
    expect(tiePolicyNames["严格"]).toBe("strict");
  });
  it("property: min(n, max(minimum, R(ratio × n))) and never above n", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(100), fc.constantFrom("floor", "round", "ceil" as const), fc.nat(5), (n, p, r, m) => {
        const q = quota(n, pct(p), r, m);
        const exact = (n * p) / 100;
        const R = r === "floor" ? Math.floor(exact + 1e-9) : r === "ceil" ? Math.ceil(exact - 1e-9) : Math.floor(exact + 0.5 + 1e-9);
        expect(q).toBe(Math.min(n, Math.max(m, R)));
        expect(q).toBeLessThanOrEqual(n);
      }),
      run,
    );
  });
});

describe("cutAtQuota", () => {
  // Candidates 0..5 with these keys, higher better.
  const keys = [95, 93, 93, 93, 91, 90];
  const better = (a: number, b: number) => keys[b] - keys[a];
  const all = [0, 1, 2, 3, 4, 5];

  it("keeps everyone when the candidates fit", () => {
    expect(cutAtQuota(all, 6, better, "strict").kept).toHaveLength(6);
  });
  it("a cut between different keys is the same under every policy", () => {
    for (const p of ["strict", "all", "order"] as TiePolicy[]) {
      expect(cutAtQuota(all, 4, better, p)).toEqual({ kept: [0, 1, 2, 3], dropped: [4, 5], overQuota: [] });
    }
  });
  it("strict: a tied block that cannot all fit is left out entirely", () => {
    expect(cutAtQuota(all, 2, better, "strict")).toEqual({ kept: [0], dropped: [1, 2, 3, 4, 5], overQuota: [] });
  });
  it("all: the whole tied block is kept and flagged", () => {
    expect(cutAtQuota(all, 2, better, "all")).toEqual({ kept: [0, 1, 2, 3], dropped: [4, 5], overQuota: [1, 2, 3] });
  });
  it("order: row order decides within the tied block", () => {
    expect(cutAtQuota([3, 2, 1, 0, 4, 5], 3, better, "order").kept).toEqual([0, 1, 2]);
  });
  it("a quota of 0 keeps nobody, tied or not", () => {
    expect(cutAtQuota([1, 2, 3], 0, better, "strict").kept).toEqual([]);
    expect(cutAtQuota([1, 2, 3], 0, better, "all").kept).toEqual([]);
  });
  it("property: strict and order never exceed the quota; all exceeds only by flagged rows; kept are never worse than dropped", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }), fc.nat(40), fc.constantFrom<TiePolicy>("strict", "all", "order"), (ks, limit, policy) => {
        const idx = ks.map((_, i) => i);
        const cmp = (a: number, b: number) => ks[b] - ks[a];
        const cut = cutAtQuota(idx, limit, cmp, policy);
        expect(cut.kept.length + cut.dropped.length).toBe(ks.length);
        if (policy !== "all") expect(cut.kept.length).toBeLessThanOrEqual(limit);
        if (policy === "order") expect(cut.kept.length).toBe(Math.min(limit, ks.length));
        if (policy === "all") {
          if (cut.kept.length > limit) expect(cut.overQuota.length).toBeGreaterThanOrEqual(cut.kept.length - limit);
          else expect(cut.overQuota).toEqual([]);
          for (const i of cut.overQuota) expect(ks[i]).toBe(ks[cut.overQuota[0]]);
        }
        const worstKept = Math.min(...cut.kept.map((i) => ks[i]));
        for (const d of cut.dropped) expect(ks[d]).toBeLessThanOrEqual(worstKept);
        if (policy === "strict") for (const d of cut.dropped) expect(ks[d]).toBeLessThan(worstKept);
      }),
      run,
    );
  });
});
