import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RuleError } from "../../src/core/errors";
import {
  bandIndex,
  DEFAULT_GRADE_SCALE,
  grade,
  gradeScale,
  gradesWithQuota,
  MEMBER_TOP_RATIO,
  type GradeInput,
} from "../../src/core/grade";
import { quota, type TiePolicy } from "../../src/core/quota";

const run = { seed: 42, numRuns: 300 };
const twenty = { ratio: { num: 1n, den: 5n }, rounding: "floor" as const, minimum: 0 };
const labels = (rows: GradeInput[], topQuota = twenty, tiePolicy: TiePolicy = "strict") =>
  gradesWithQuota(rows, { topQuota, tiePolicy }).rows.map((r) => r.grade);

describe("grade bands", () => {
  it("each cut-off belongs to its own band (以上 includes)", () => {
    expect(grade(90)).toBe("优秀");
    expect(grade(89.99)).toBe("称职");
    expect(grade(80)).toBe("称职");
    expect(grade(79.5)).toBe("基本称职");
    expect(grade(60)).toBe("基本称职");
    expect(grade(59.9)).toBe("不称职");
    expect(grade(0)).toBe("不称职");
  });
  it("takes other scales, with cut-offs in either order", () => {
    const s = gradeScale([60, 75, 90], ["优秀", "合格", "基本合格", "不合格"]);
    expect(s.cutoffs).toEqual([90, 75, 60]);
    expect(grade(76, s)).toBe("合格");
    const five = gradeScale([100, 90, 80, 70, 60], ["A", "B", "C", "D", "E", "F"]);
    expect(grade(100, five)).toBe("A");
    expect(grade(65, five)).toBe("E");
  });
  it("refuses equal cut-offs and a label count that does not fit", () => {
    expect(() => gradeScale([90, 90, 60], ["a", "b", "c", "d"])).toThrow(RuleError);
    expect(() => gradeScale([90, 80, 60], ["a", "b", "c"])).toThrow(/one more than the cut-offs/);
    expect(() => gradeScale([], ["a"])).toThrow(RuleError);
  });
  it("a veto bars 优秀 by default, or forces 不称职", () => {
    expect(grade(95, DEFAULT_GRADE_SCALE, true)).toBe("称职");
    expect(grade(85, DEFAULT_GRADE_SCALE, true)).toBe("称职");
    expect(grade(95, DEFAULT_GRADE_SCALE, true, "fail")).toBe("不称职");
    expect(grade(70, DEFAULT_GRADE_SCALE, true, "fail")).toBe("不称职");
  });
  it("bandIndex is monotone", () => {
    expect([95, 85, 65, 5].map((s) => bandIndex(s, DEFAULT_GRADE_SCALE))).toEqual([0, 1, 2, 3]);
  });
});

describe("gradesWithQuota", () => {
  const scores = (xs: (number | null)[], group?: string): GradeInput[] => xs.map((score) => ({ score, group }));

  it("without a quota, grades are the bands", () => {
    expect(gradesWithQuota(scores([95, 91, 85, null])).rows.map((r) => r.grade)).toEqual(["优秀", "优秀", "称职", null]);
  });
  it("20% of 10 is 2: the third 优秀 by score becomes 称职 and is marked demoted", () => {
    const res = gradesWithQuota(scores([99, 97, 95, 85, 85, 85, 70, 70, 70, 50]), { topQuota: twenty });
    expect(res.rows.map((r) => r.grade)).toEqual(["优秀", "优秀", "称职", "称职", "称职", "称职", "基本称职", "基本称职", "基本称职", "不称职"]);
    expect(res.rows[2]).toMatchObject({ demoted: true, overQuota: false, band: 1 });
    expect(res.groups).toEqual([{ group: "", size: 10, quota: 2, top: 2 }]);
  });
  it("the group size counts rows with a numeric score only", () => {
    // 9 scores and a blank: 20% of 9 = 1.8 → 1.
    const res = gradesWithQuota(scores([99, 97, 80, 80, 80, 80, 80, 80, 80, null]), { topQuota: twenty });
    expect(res.groups[0]).toMatchObject({ size: 9, quota: 1, top: 1 });
  });
  it("quotas are per group and not transferable", () => {
    const rows = [...scores([99, 98, 97, 96, 95], "甲镇"), ...scores([60, 60, 60, 60, 91], "乙镇")];
    expect(labels(rows)).toEqual(["优秀", "称职", "称职", "称职", "称职", "基本称职", "基本称职", "基本称职", "基本称职", "优秀"]);
  });
  it("ineligible and vetoed rows are taken out before the quota, so the next in line gets the place", () => {
    const rows: GradeInput[] = [{ score: 99, eligible: false }, { score: 98, veto: true }, { score: 97 }, ...scores([80, 80, 80, 80, 80, 80, 80])];
    const res = gradesWithQuota(rows, { topQuota: twenty });
    expect(res.rows.slice(0, 3).map((r) => r.grade)).toEqual(["称职", "称职", "优秀"]);
    expect(res.rows[0]).toMatchObject({ vetoed: true, demoted: false });
    expect(res.groups[0]).toMatchObject({ size: 10, quota: 2, top: 1 });
  });
  it("a veto in fail mode forces 不称职 whatever the score", () => {
    const res = gradesWithQuota([{ score: 99, veto: true }, { score: 70 }], { vetoMode: "fail" });
    expect(res.rows[0]).toMatchObject({ grade: "不称职", vetoed: true });
  });
  it("tiebreak orders equal scores: the higher second score keeps 优秀", () => {
    const rows: GradeInput[] = [{ score: 95, tiebreak: 80 }, { score: 95, tiebreak: 88 }, ...scores([70, 70, 70, 70, 70, 70, 70, 70])];
    expect(labels(rows, { ...twenty, ratio: { num: 1n, den: 10n } }).slice(0, 2)).toEqual(["称职", "优秀"]);
  });
  describe("ties across the cut (quota 2; three tied at 93 behind a 95)", () => {
    const rows = scores([93, 95, 93, 93, 80, 80, 80, 80, 80, 80]);
    it("strict: none of the tied three gets 优秀, so the quota is never exceeded", () => {
      expect(labels(rows, twenty, "strict").slice(0, 4)).toEqual(["称职", "优秀", "称职", "称职"]);
    });
    it("all: all three get 优秀 and are flagged over quota", () => {
      const res = gradesWithQuota(rows, { topQuota: twenty, tiePolicy: "all" });
      expect(res.rows.slice(0, 4).map((r) => [r.grade, r.overQuota])).toEqual([
        ["优秀", true],
        ["优秀", false],
        ["优秀", true],
        ["优秀", true],
      ]);
      expect(res.groups[0]).toMatchObject({ quota: 2, top: 4 });
    });
    it("order: the first tied row in the sheet takes the place", () => {
      expect(labels(rows, twenty, "order").slice(0, 4)).toEqual(["优秀", "优秀", "称职", "称职"]);
    });
  });
  it("one third for Party members, with a minimum of 1 in a branch of 2", () => {
    const rule = { ratio: MEMBER_TOP_RATIO, rounding: "floor" as const, minimum: 1 };
    expect(labels(scores([96, 92]), rule)).toEqual(["优秀", "称职"]);
  });

  const arbRows = fc.array(
    fc.record({
      score: fc.option(fc.integer({ min: 85, max: 95 }), { nil: null, freq: 8 }),
      group: fc.constantFrom("a", "b", "c"),
      eligible: fc.boolean(),
      tiebreak: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    }),
    { maxLength: 60 },
  );
  const arbRatio = fc.nat(100).map((p) => ({ ratio: { num: BigInt(p), den: 100n }, rounding: "floor" as const, minimum: 0 }));

  it("property: under strict and order the top grade never exceeds quota(group size) per group", () => {
    fc.assert(
      fc.property(arbRows, arbRatio, fc.constantFrom<TiePolicy>("strict", "order"), (rows, q, policy) => {
        const res = gradesWithQuota(rows, { topQuota: q, tiePolicy: policy });
        for (const g of res.groups) {
          const members = rows.map((r, i) => [r, i] as const).filter(([r]) => r.group === g.group && r.score !== null);
          expect(g.size).toBe(members.length);
          const top = members.filter(([, i]) => res.rows[i].band === 0).length;
          expect(top).toBe(g.top);
          expect(top).toBeLessThanOrEqual(quota(members.length, q.ratio));
          for (const [r, i] of members) if (!r.eligible) expect(res.rows[i].band).not.toBe(0);
        }
      }),
      run,
    );
  });
  it("property: under all, every row past the quota is flagged, and the flagged rows are tied on (score, tiebreak)", () => {
    fc.assert(
      fc.property(arbRows, arbRatio, (rows, q) => {
        const res = gradesWithQuota(rows, { topQuota: q, tiePolicy: "all" });
        for (const g of res.groups) {
          const idx = rows.map((_, i) => i).filter((i) => rows[i].group === g.group && rows[i].score !== null);
          const top = idx.filter((i) => res.rows[i].band === 0);
          const flagged = top.filter((i) => res.rows[i].overQuota);
          const limit = g.quota as number;
          if (top.length > limit) expect(flagged.length).toBeGreaterThanOrEqual(top.length - limit);
          else expect(flagged).toEqual([]);
          const key = (i: number) => `${rows[i].score}|${rows[i].tiebreak}`;
          for (const i of flagged) expect(key(i)).toBe(key(flagged[0]));
          // Unflagged top rows fit within the quota.
          expect(top.length - flagged.length).toBeLessThanOrEqual(limit);
        }
      }),
      run,
    );
  });
  it("property: a row demoted by the quota is never strictly better than a row that kept the top grade", () => {
    fc.assert(
      fc.property(arbRows, arbRatio, fc.constantFrom<TiePolicy>("strict", "all", "order"), (rows, q, policy) => {
        const res = gradesWithQuota(rows, { topQuota: q, tiePolicy: policy });
        const key = (i: number) => [rows[i].score as number, rows[i].tiebreak ?? -Infinity];
        for (let i = 0; i < rows.length; i++) {
          if (!res.rows[i].demoted) continue;
          expect(res.rows[i].grade).toBe("称职");
          for (let j = 0; j < rows.length; j++) {
            if (rows[j].group !== rows[i].group || res.rows[j].band !== 0) continue;
            const [si, ti] = key(i);
            const [sj, tj] = key(j);
            expect(si > sj || (si === sj && ti > tj)).toBe(false);
          }
        }
      }),
      run,
    );
  });
});
