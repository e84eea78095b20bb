import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RuleError } from "../../src/core/errors";
import { quota, type TiePolicy } from "../../src/core/quota";
import {
  aspectStars,
  DEFAULT_STAR_QUOTA_RULES,
  starCap,
  starCapTable,
  starQuota,
  stars,
  type StarMember,
} from "../../src/core/stars";

const run = { seed: 42, numRuns: 300 };

describe("stars from aspect scores", () => {
  it("≥ 90 earns 2, ≥ 75 earns 1, less earns 0, a blank aspect 0", () => {
    expect([95, 90, 89.9, 75, 74.9, null].map((s) => aspectStars(s))).toEqual([2, 2, 1, 1, 0, 0]);
  });
  it("sums the aspects and applies the cap", () => {
    expect(stars([95, 92, 80, 70, 91])).toBe(7);
    expect(stars([95, 92, 91, 90, 99], undefined, 6)).toBe(6);
    expect(stars([95, 0, 80])).toBe(3); // 2 + 0 + 1
    expect(stars([], undefined, 10)).toBe(0);
  });
  it("a blank aspect the member is rated on is #N/A naming its place, not 0 stars", () => {
    expect(() => stars([95, null, 80])).toThrow(expect.objectContaining({ code: "#N/A", key: "blankAspect", params: expect.objectContaining({ col: 2 }) }));
  });
  it("takes other thresholds, in any order", () => {
    expect(stars([96, 85], [96, 60, 90, 70, 80])).toBe(8); // 5 + 3
  });
});

describe("star caps by category", () => {
  it("the four categories of the star-striving action opinions and their other names", () => {
    expect(starCap("村干部党员")).toBe(10);
    expect(starCap("在村务农党员")).toBe(10);
    expect(starCap("有劳动能力无职党员")).toBe(10);
    expect(starCap("无劳动能力党员")).toBe(6);
    expect(starCap("年老体弱党员")).toBe(6);
    expect(starCap("外出流动党员")).toBe(6);
    expect(starCap(" 外出流动党员　")).toBe(6);
  });
  it("an unknown category is #N/A naming it", () => {
    try {
      starCap("预备党员");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleError);
      expect((e as RuleError).code).toBe("#N/A");
      expect((e as RuleError).describe("zh-CN")).toContain("预备党员");
    }
  });
  it("a county's own table; a name given twice is refused", () => {
    const t = starCapTable([{ name: "农村党员", aliases: [], cap: 8 }]);
    expect(starCap("农村党员", t)).toBe(8);
    expect(() => starCap("村干部党员", t)).toThrow(RuleError);
    expect(() => starCapTable([{ name: "甲", aliases: [], cap: 8 }, { name: "甲", aliases: [], cap: 6 }])).toThrow(RuleError);
  });
});

describe("starQuota (the star-striving action opinions)", () => {
  const branch = (xs: number[], cap = 10, group = "一支部"): StarMember[] => xs.map((s) => ({ stars: s, cap, group }));
  const after = (ms: StarMember[], tiePolicy: TiePolicy = "strict") => starQuota(ms, { tiePolicy }).rows.map((r) => r.stars);

  it("10 cap-10 members: at most 3 with 9 stars or more; the extras drop to 8, lowest first", () => {
    const ms = branch([10, 9, 9, 10, 9, 7, 6, 8, 5, 4]).map((m, i) => ({ ...m, tiebreak: 100 - i }));
    // Kept: the two 10s, then the 9 with the highest tiebreak (row 2).
    expect(after(ms)).toEqual([10, 9, 8, 10, 8, 7, 6, 8, 5, 4]);
  });
  it("strict: 9s tied on every key at the cut all drop, so 30% is never exceeded", () => {
    expect(after(branch([10, 9, 9, 10, 9, 7, 6, 8, 5, 4]))).toEqual([10, 8, 8, 10, 8, 7, 6, 8, 5, 4]);
  });
  it("order: row order keeps the first tied 9", () => {
    expect(after(branch([10, 9, 9, 10, 9, 7, 6, 8, 5, 4]), "order")).toEqual([10, 9, 8, 10, 8, 7, 6, 8, 5, 4]);
  });
  it("a branch of 3 has no place at 30% (floor)", () => {
    expect(after(branch([9, 8, 7]))).toEqual([8, 8, 7]);
    expect(starQuota(branch([9, 8, 7]), { minimum: 1 }).rows.map((r) => r.stars)).toEqual([9, 8, 7]);
  });
  it("cap-6 members: 5 or more at most 30% of cap-6 members, dropping to 4; cap-10 untouched", () => {
    // 10 cap-6 members: quota 3; the two 6s keep, the two 5s tie at the cut and drop (strict).
    const ms = [...branch([6, 5, 5, 6, 2, 1, 4, 4, 3, 2], 6), ...branch([9], 10), ...branch([8, 8, 8, 8], 10)];
    const res = after(ms);
    expect(res.slice(0, 10)).toEqual([6, 4, 4, 6, 2, 1, 4, 4, 3, 2]);
    // 5 cap-10 members: 30% of 5 = 1.5 → 1, so the one 9 keeps.
    expect(res.slice(10)).toEqual([9, 8, 8, 8, 8]);
  });
  it("groups are separate branches", () => {
    const ms = [...branch([9, 9, 9, 8, 8, 8, 8, 8, 8, 8], 10, "A"), ...branch([9, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10, "B")];
    const res = starQuota(ms);
    expect(res.rows.map((r) => r.stars)).toEqual([9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(res.groups).toEqual([
      { group: "A", cap: 10, size: 10, quota: 3, kept: 3 },
      { group: "B", cap: 10, size: 10, quota: 3, kept: 1 },
    ]);
  });
  it("blank stars are not counted; caps without a rule are left alone", () => {
    const ms: StarMember[] = [{ stars: null, cap: 10 }, { stars: 9, cap: 10 }, { stars: 8, cap: 8 }, { stars: 8, cap: 8 }];
    expect(after(ms)).toEqual([null, 8, 8, 8]);
  });
  it("refuses stars above the cap, a missing cap, fractional stars and two rules for one cap", () => {
    expect(() => starQuota([{ stars: 7, cap: 6 }])).toThrow(/above the member's cap/);
    expect(() => starQuota([{ stars: 7, cap: null }])).toThrow(RuleError);
    expect(() => starQuota([{ stars: 7.5, cap: 10 }])).toThrow(RuleError);
    expect(() => starQuota([], { rules: [...DEFAULT_STAR_QUOTA_RULES, DEFAULT_STAR_QUOTA_RULES[0]] })).toThrow(RuleError);
  });

  const arbMembers = fc.array(
    fc.oneof(
      fc.record({ stars: fc.integer({ min: 0, max: 10 }), cap: fc.constant(10), tiebreak: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), group: fc.constantFrom("A", "B") }),
      fc.record({ stars: fc.integer({ min: 0, max: 6 }), cap: fc.constant(6), tiebreak: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), group: fc.constantFrom("A", "B") }),
    ),
    { maxLength: 80 },
  );
  const policies = fc.constantFrom<TiePolicy>("strict", "order");

  it("property: no group ever has more at or above the threshold than its quota allows", () => {
    fc.assert(
      fc.property(arbMembers, policies, (ms, policy) => {
        const res = starQuota(ms, { tiePolicy: policy }).rows;
        for (const g of ["A", "B"])
          for (const rule of DEFAULT_STAR_QUOTA_RULES) {
            const idx = ms.map((_, i) => i).filter((i) => ms[i].group === g && ms[i].cap === rule.cap);
            const high = idx.filter((i) => (res[i].stars as number) >= rule.threshold).length;
            expect(high).toBeLessThanOrEqual(quota(idx.length, rule.ratio));
            if (policy === "order") {
              const before = idx.filter((i) => (ms[i].stars as number) >= rule.threshold).length;
              expect(high).toBe(Math.min(before, quota(idx.length, rule.ratio)));
            }
          }
      }),
      run,
    );
  });
  it("property: members brought down are the lowest in (stars, tiebreak), and drop to threshold − 1", () => {
    fc.assert(
      fc.property(arbMembers, policies, (ms, policy) => {
        const res = starQuota(ms, { tiePolicy: policy }).rows;
        const key = (i: number) => (ms[i].stars as number) * 10 + (ms[i].tiebreak ?? -1);
        ms.forEach((m, i) => {
          if (!res[i].dropped) return;
          const rule = DEFAULT_STAR_QUOTA_RULES.find((r) => r.cap === m.cap)!;
          expect(res[i].stars).toBe(rule.threshold - 1);
          ms.forEach((o, j) => {
            if (o.group !== m.group || o.cap !== m.cap || res[j].dropped || (o.stars as number) < rule.threshold) return;
            // Every member that kept its stars ranks at least as high; under strict, strictly higher.
            if (policy === "strict") expect(key(j)).toBeGreaterThan(key(i));
            else expect(key(j)).toBeGreaterThanOrEqual(key(i));
          });
        });
      }),
      run,
    );
  });
  it("property: cap-6 and cap-10 members are independent", () => {
    fc.assert(
      fc.property(arbMembers, arbMembers, (ms, noise) => {
        const tens = ms.filter((m) => m.cap === 10);
        const mixed = [...tens, ...noise.filter((m) => m.cap === 6)];
        const alone = starQuota(tens).rows.map((r) => r.stars);
        const together = starQuota(mixed).rows.slice(0, tens.length).map((r) => r.stars);
        expect(together).toEqual(alone);
      }),
      run,
    );
  });
});
