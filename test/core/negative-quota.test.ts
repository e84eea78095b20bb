import { describe, expect, it } from "vitest";
import { CADRE_TOP_RATIO, gradesWithQuota } from "../../src/core/grade";
import { applyNegativeList, type NegativeList, type NegativeRecord } from "../../src/core/negative-list";
import { starQuota } from "../../src/core/stars";

const list: NegativeList = {
  items: [
    { id: "1-1", category: "党的组织纪律和工作纪律", text: "无故不参加组织生活", points: 2, pointsCap: 6, removeStars: 1 },
    { id: "5-1", category: "社会秩序管理", text: "越级上访处置不力", noTop: true },
    { id: "5-2", category: "社会秩序管理", text: "重大安全事故", fail: true },
  ],
};

describe("negative list before the grade quota", () => {
  // Five cadres, one group; 20% of 5 with floor is exactly 1 place for 优秀.
  const people: { name: string; score: number; records: NegativeRecord[] }[] = [
    { name: "甲", score: 96, records: [{ item: "5-1" }] }, // barred: would have taken the place
    { name: "乙", score: 94, records: [{ item: "1-1" }] }, // 94 − 2 = 92: next in line, takes it
    { name: "丙", score: 91, records: [] }, // in the 优秀 band, but the one place is gone
    { name: "丁", score: 85, records: [] },
    { name: "戊", score: 70, records: [{ item: "5-2" }] }, // 基本称职 by score, forced down
  ];
  const outcomes = people.map((p) => applyNegativeList(p.records, list));
  const result = gradesWithQuota(
    people.map((p, i) => ({
      score: p.score - outcomes[i].deduction,
      group: "镇",
      veto: outcomes[i].noTop,
      vetoMode: outcomes[i].forcedFail ? "fail" : "noTop",
    })),
    { topQuota: { ratio: CADRE_TOP_RATIO, rounding: "floor", minimum: 0 } },
  );

  it("a vetoed person never takes the 优秀 place; it passes to the next eligible person", () => {
    expect(result.rows.map((r) => r.grade)).toEqual(["称职", "优秀", "称职", "称职", "不称职"]);
    expect(result.groups).toEqual([{ group: "镇", size: 5, quota: 1, top: 1 }]);
  });
  it("says why: 甲 and 戊 vetoed, 丙 lost the place to the quota", () => {
    expect(result.rows.map((r) => r.vetoed)).toEqual([true, false, false, false, true]);
    expect(result.rows.map((r) => r.demoted)).toEqual([false, false, true, false, false]);
  });
  it("one row's mode does not leak into another's: a no-top veto is 称职, not 不称职", () => {
    expect(result.rows[0].band).toBe(1);
    expect(result.rows[4].band).toBe(3);
  });
});

describe("negative list before the star quota", () => {
  // Ten cap-10 members of one branch: 30% of 10 with floor is 3 places at 9 stars or more.
  const members = [
    { stars: 10, tiebreak: 99, records: [{ item: "5-1" }] }, // barred: held at 8
    { stars: 10, tiebreak: 95, records: [] },
    { stars: 9, tiebreak: 90, records: [] },
    { stars: 9, tiebreak: 88, records: [{ item: "1-1" }] }, // one star removed: 8, no longer in the running
    { stars: 9, tiebreak: 85, records: [] }, // takes the place 甲 could not
    { stars: 9, tiebreak: 80, records: [] }, // fourth in line: dropped to 8 by the quota
    { stars: 5, tiebreak: 60, records: [] },
    { stars: 5, tiebreak: 60, records: [] },
    { stars: 4, tiebreak: 50, records: [] },
    { stars: 3, tiebreak: 40, records: [] },
  ];
  const outcomes = members.map((m) => applyNegativeList(m.records, list, "不合格"));
  const out = starQuota(
    members.map((m, i) => ({ stars: Math.max(0, m.stars - outcomes[i].starsRemoved), cap: 10, group: "一支部", tiebreak: m.tiebreak, barred: outcomes[i].noTop })),
  );

  it("the barred member never holds a place at 9 or more; the place passes down the line", () => {
    expect(out.rows.map((r) => r.stars)).toEqual([8, 10, 9, 8, 9, 8, 5, 5, 4, 3]);
    expect(out.rows.map((r) => r.barred)).toEqual([true, false, false, false, false, false, false, false, false, false]);
    expect(out.rows.map((r) => r.dropped)).toEqual([false, false, false, false, false, true, false, false, false, false]);
    expect(out.groups).toEqual([{ group: "一支部", cap: 10, size: 10, quota: 3, kept: 3 }]);
  });
  it("a barred member below the threshold keeps the stars earned", () => {
    const r = starQuota([{ stars: 7, cap: 10, barred: true }]).rows[0];
    expect(r).toEqual({ stars: 7, dropped: false, overQuota: false, barred: false });
  });
  it("a barred cap-6 member is held at 4, below that rule's threshold of 5", () => {
    expect(starQuota([{ stars: 6, cap: 6, barred: true }]).rows[0]).toMatchObject({ stars: 4, barred: true });
  });
});
