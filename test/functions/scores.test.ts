import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { composite, deduct, periods, score, taskScore, trimMean, voteGrade } from "../../src/functions/functions";
import { helpZh } from "../../src/functions/help-zh";
import { isExcelError } from "../../src/functions/values";

/** A column as Excel passes a range. */
const col = (...cells: unknown[]) => cells.map((c) => [c]);
/** A row as Excel passes a range. */
const row = (...cells: unknown[]) => [cells];

type Office = { context: { displayLanguage: string } };
const world = globalThis as { Office?: Office };
const inEnglish = <T>(f: () => T): T => {
  world.Office = { context: { displayLanguage: "en-US" } };
  try {
    return f();
  } finally {
    delete world.Office;
  }
};
afterEach(() => {
  delete world.Office;
});

describe("KAOHE.SCORE", () => {
  // A village Party secretary's 20 items (the Beidaihe rural Party-building responsibility measures), as cells: one blank (""), one over its maximum,
  // one typed with full-width digits.
  const maxes = col(6, 6, 5, 5, 5, 4, 4, 5, 5, 6, 6, 5, 5, 6, 5, 4, 5, 4, 4, 5);
  const given = col(6, 5.5, 5, 4, 4.5, 4, 4, 5, 4.5, 6, 4.2, 5, 5, 5.8, 4.6, "", 5, "３.５", 4, 6);

  it("totals the 20-item sheet with deductions and a capped bonus", () => {
    const deductions = deduct(col(2, 3, 1, null), col(2, 0.5, 3, 10), col(6, 1, 5, 10));
    expect(deductions).toBe(8);
    // items 90.6 + min(6.5, 5) − 8
    expect(score(given, maxes, col(3, 2, 1.5), 5, col(deductions))).toBe(87.6);
    expect(score(given, maxes)).toBe(90.6);
    expect(score(given, maxes, col(3, 2, 1.5))).toBe(97.1);
  });
  it("adds decimals as people expect", () => {
    expect(score(col(0.1, 0.2), col(1, 1))).toBe(0.3);
    expect(score(row(33.3, 33.3, 33.4), row(40, 40, 40))).toBe(100);
  });
  it("takes one maximum for every item, and skips rows with neither score nor maximum", () => {
    expect(score(col(4, 5, 6), [[5]])).toBe(14);
    expect(score(col("", 8, null, 9), col("", 10, null, 10))).toBe(17);
  });
  it("floors the total at 0 and takes blank optional ranges as nothing", () => {
    expect(score(col(5), col(10), null as unknown as unknown[][], undefined, col(4, 6))).toBe(0);
    expect(score(col(5), col(10), [[""]], null as unknown as number, [[null]])).toBe(5);
  });
  it("reads a blank bonus cap as no cap", () => {
    expect(score(col(5), col(10), col(7), "")).toBe(12);
    expect(score(col(5), col(10), col(7), "６")).toBe(11);
  });
  it("names the cell of text in a score, in Chinese", () => {
    expect(score(col(8, 9, "缺考"), col(10, 10, 10))).toEqual({ code: "#VALUE!", message: "参数“分数”（scores）第3行：“缺考”不是数字；请填写数字，或留空" });
  });
  it("names the row and column of a negative maximum", () => {
    expect(score(row(1, 2), row(5, -2))).toEqual({ code: "#VALUE!", message: "参数“满分”（maxes）第1行第2列：不能为负数（-2）；请填写 0 或正数" });
  });
  it("rejects a score without a maximum, a negative bonus or cap, and ranges of different sizes", () => {
    expect(score(col(1, 2), col(5, ""))).toMatchObject({ code: "#VALUE!", message: "参数“满分”（maxes）第2行：不能为空；请填写" });
    expect(score(col(1), col(5), col(-1))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("bonus") });
    expect(score(col(1), col(5), col(1), -5)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("bonus_cap") });
    expect(score(col(1, 2, 3), col(5, 5))).toEqual({
      code: "#VALUE!",
      message: "参数“满分”（maxes）有 2 个单元格，应与参数“分数”（scores）相同（3 个）；请选中同样大小的区域",
    });
  });
  it("is #NUM! for a total beyond the largest number, never Infinity", () => {
    expect(score(col(1.7e308, 1.7e308), col(1.7e308, 1.7e308))).toMatchObject({ code: "#NUM!" });
  });
  it("speaks English in English Excel", () => {
    expect(inEnglish(() => score(col(8, "absent"), col(10, 10)))).toEqual({ code: "#VALUE!", message: 'scores, row 2: "absent" is not a number; enter a number or leave it blank' });
    expect(inEnglish(() => score(col(1, 2, 3), col(5, 5)))).toEqual({
      code: "#VALUE!",
      message: "maxes has 2 cells; it must match scores (3 cells): select ranges of the same size",
    });
  });
});

describe("KAOHE.TASKSCORE", () => {
  it("takes points for each day late", () => {
    expect(taskScore(10, "2025-3-5", "2025-3-8")).toBe(7);
    expect(taskScore(10, 45721, 45724)).toBe(7);
    expect(taskScore(10, "2025/03/05", "２０２５年３月８日")).toBe(7);
    expect(taskScore(10, [[45721]], [["2025-3-4"]])).toBe(10);
    expect(taskScore(10, "2025-3-5", "2025-4-5")).toBe(0);
  });
  it("scales by quality and per-day points", () => {
    expect(taskScore(10, "2025-3-5", "2025-3-8", 2, 0.9)).toBe(3);
    expect(taskScore(10, "2025-3-5", "2025-3-5", undefined, "90%")).toBe(9);
    expect(taskScore(100, "2025-3-5", "2025-3-6", 0.5, "4/5")).toBe(79.5);
  });
  it("reads blank optional arguments as their defaults", () => {
    expect(taskScore(10, "2025-3-5", "2025-3-8", "", "")).toBe(7);
  });
  it("scores a task not done as 0", () => {
    expect(taskScore(10, "2025-3-5", "")).toBe(0);
    expect(taskScore(10, "2025-3-5", null)).toBe(0);
  });
  it("explains bad dates and values", () => {
    expect(taskScore(10, "2025-3-5", "上周")).toEqual({
      code: "#VALUE!",
      message: "参数“完成日期”（done）：“上周”不是日期（可写 2025-3-5、2025/03/05、2025年3月5日 或日期序号）",
    });
    expect(taskScore(10, "", "2025-3-5")).toEqual({ code: "#VALUE!", message: "参数“截止日期”（due）：不能为空；请填写" });
    expect(taskScore(10, "2025-2-30", "2025-3-5")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("due") });
    expect(taskScore(10, "2025-3-5", "2025-3-5", 1, 1.2)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("quality") });
    expect(taskScore(-10, "2025-3-5", "2025-3-5")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("不能为负数") });
    expect(inEnglish(() => taskScore(10, "2025-3-5", "last week"))).toMatchObject({
      message: 'done: "last week" is not a date (write 2025-3-5, 2025/03/05, 2025年3月5日 or a date serial number)',
    });
  });
});

describe("KAOHE.DEDUCT", () => {
  it("sums count × points, each at most its cap", () => {
    expect(deduct(col(2, 3, 1, ""), col(2, 0.5, 3, 10), col(6, 1, 5, 10))).toBe(8);
    expect(deduct(col(4), col(2), col(6))).toBe(6);
    expect(deduct(col(1, 2, 3), [[0.1]])).toBe(0.6);
    expect(deduct(col(1, 5, 3), [[2]], [[6]])).toBe(2 + 6 + 6);
    expect(deduct(col(2, 1), col(2, 3), col("", 1))).toBe(5);
  });
  it("rejects text, negative counts and events without points", () => {
    expect(deduct(col(1, "两次"), col(2, 2))).toEqual({ code: "#VALUE!", message: "参数“次数”（counts）第2行：“两次”不是数字；请填写数字，或留空" });
    expect(deduct(col(1, -1), col(2, 2))).toEqual({ code: "#VALUE!", message: "参数“次数”（counts）第2行：不能为负数（-1）；请填写 0 或正数" });
    expect(deduct(col(1, 1), col(2, ""))).toEqual({ code: "#VALUE!", message: "参数“每次扣分”（points）第2行：不能为空；请填写" });
    expect(deduct(col(1, 1), col(2, 2, 2))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("points") });
  });
});

describe("KAOHE.COMPOSITE", () => {
  it("weighs self, peer, public and branch .2/.4/.2/.2 by default", () => {
    expect(composite(row(90, 85, 80, 88))).toBe(85.6);
    expect(composite(row(90, 85, "", 88))).toBe(87);
    expect(composite(row(90, 85, 80, 88), [[""]])).toBe(85.6);
  });
  it("takes the weights given, shared out over the scores present", () => {
    expect(composite(row(92, 85), row(0.7, 0.3))).toBe(89.9);
    expect(composite(row(92, 85), col(70, 30))).toBe(89.9);
    expect(composite(row(92, null), row(0.7, 0.3))).toBe(92);
  });
  it("is #N/A when every score is blank", () => {
    expect(composite(row("", "", null, ""))).toEqual({ code: "#N/A", message: "参数“分数”（scores）：没有分数（全部为空）；请至少填写一个分数" });
    expect(inEnglish(() => composite(row(null, null), row(1, 1)))).toEqual({ code: "#N/A", message: "scores: there are no scores (every cell is blank); enter at least one score" });
  });
  it("rejects negative weights, text and ranges of different sizes", () => {
    expect(composite(row(90, 85), row(1, -1))).toEqual({ code: "#VALUE!", message: "参数“权重”（weights）第1行第2列：不能为负数（-1）；请填写 0 或正数" });
    expect(composite(row(90, "缺评"), row(1, 1))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("第2列") });
    expect(composite(row(90, 85, 80), row(1, 1))).toMatchObject({ code: "#VALUE!" });
    expect(composite(row(90, 85, 80))).toEqual({
      code: "#VALUE!",
      message: "省略参数“权重”（weights）时，参数“分数”（scores）应为自评、互评、群众评议、支部评定 4 个分数（现有 3 个）；请选 4 个单元格，或给出同样大小的权重",
    });
    expect(composite(row(90, 85), row(0, 0))).toMatchObject({ code: "#DIV/0!" });
  });
});

describe("KAOHE.TRIMMEAN", () => {
  it("drops the highest and the lowest from 6 raters on", () => {
    expect(trimMean(col(88, 92, 75, 95, 90, 86, 60))).toBe(86.2);
    expect(trimMean(col(80, 90, 70, 85, 95))).toBe(84);
    expect(trimMean(col(80, 90, "", 70, 85, 95, null))).toBe(84);
    expect(trimMean(col(1, 2, 3, 4, 5, 6, 7), 2, 0, 5)).toBe(3);
    expect(trimMean(col(1, 2, 3, 100), undefined, undefined, 4)).toBe(2.5);
  });
  it("rejects unusable settings and blank lists", () => {
    expect(trimMean(col(1, 2, 3), 2, 2, 4)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("min_count") });
    expect(trimMean(col(1, 2, 3), 1.5)).toEqual({ code: "#VALUE!", message: "参数“去掉最高分个数”（drop_high）：应为整数（1.5）；请去掉小数" });
    expect(trimMean(col(1, 2, 3), -1)).toMatchObject({ code: "#VALUE!" });
    expect(trimMean(col("", null))).toMatchObject({ code: "#N/A" });
    expect(trimMean(col(1, "弃权"))).toEqual({ code: "#VALUE!", message: "参数“分数”（scores）第2行：“弃权”不是数字；请填写数字，或留空" });
  });
});

describe("KAOHE.VOTEGRADE", () => {
  it("grades by vote share", () => {
    expect(voteGrade(row(46, 3, 1, 0))).toBe("优秀");
    expect(voteGrade(row(45, 5, 0, 0))).toBe("优秀");
    expect(voteGrade(row(20, 16, 4, 10))).toBe("称职");
    expect(voteGrade(row(20, 10, 5, 15))).toBe("不称职");
    expect(voteGrade(row(20, 10, 10, 10))).toBe("基本称职");
    expect(voteGrade(col(0, 5, 2, 3))).toBe("不称职");
    expect(voteGrade(row(9, "", null, 1))).toBe("优秀");
  });
  it("takes thresholds and labels", () => {
    expect(voteGrade(row(40, 10, 0, 0), row(0.8, "", "20%"))).toBe("优秀");
    expect(voteGrade(row(20, 16, 4, 10), undefined, row("优秀", "合格", "基本合格", "不合格"))).toBe("合格");
    expect(voteGrade(row(20, 16, 4, 10), [[""]], row("优秀", "", "基本合格", "不合格"))).toBe("称职");
  });
  it("checks the turnout when the number of voters is given", () => {
    expect(voteGrade(row(30, 10, 0, 0), undefined, undefined, 50)).toBe("称职");
    // 39 of 50 voted, under 4/5 (40): the ballot does not count, shown as text (issue 10: it was #N/A, now the same as the pipeline's 得票等次).
    expect(voteGrade(row(30, 9, 0, 0), undefined, undefined, 50)).toBe("测评无效");
    expect(voteGrade(row(30, 9, 0, 0), undefined, undefined, 50, "75%")).toBe("称职");
    expect(voteGrade(row(30, 9, 0, 0), undefined, undefined, "", "")).toBe("称职");
    expect(voteGrade(row(30, 21, 0, 0), undefined, undefined, 50)).toMatchObject({ code: "#VALUE!" });
    expect(voteGrade(row(30, 9, 0, 0), undefined, undefined, undefined, 0.75)).toEqual({ code: "#VALUE!", message: "参数“应参评人数”（voters）：不能为空；请填写" });
  });
  it("rejects bad counts, thresholds and labels", () => {
    expect(voteGrade(row(1, 2, 3))).toEqual({ code: "#VALUE!", message: "参数“票数”（votes）应为 4 个票数（优秀、称职、基本称职、不称职），现有 3 个；请选中 4 个单元格" });
    expect(voteGrade(row(1, 2.5, 3, 0))).toEqual({ code: "#VALUE!", message: "参数“票数”（votes）第1行第2列：应为整数（2.5）；请去掉小数" });
    expect(voteGrade(row(1, 2, 3, -1))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("不能为负数") });
    expect(voteGrade(row(0, 0, 0, 0))).toMatchObject({ code: "#N/A" });
    expect(voteGrade(row(1, 2, 3, 4), row(0.9, 1.5, 0.3))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("（thresholds）第1行第2列") });
    expect(voteGrade(row(1, 2, 3, 4), row(0.9, 0.7))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("thresholds") });
    expect(voteGrade(row(1, 2, 3, 4), undefined, row("优秀", "合格"))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("labels") });
    expect(inEnglish(() => voteGrade(row(30, 21, 0, 0), undefined, undefined, 50))).toMatchObject({ code: "#VALUE!", message: "votes: 51 votes is more than the 50 voters entitled; check both" });
  });
});

describe("KAOHE.PERIODS", () => {
  it("combines period scores", () => {
    expect(periods(row(85, 92), row(0.4, 0.6))).toBe(89.2);
    expect(periods(row(85, ""), row(0.4, 0.6))).toBe(85);
    expect(periods(row(80, "", 90, 70))).toBe(80);
    expect(periods(row(80, "", 90, 70), undefined, "zero")).toBe(60);
    expect(periods(row(80, "", 90, 70), undefined, "零分")).toBe(60);
  });
  it("is #N/A with no period scored, and rejects unknown policies", () => {
    expect(periods(row("", ""))).toMatchObject({ code: "#N/A" });
    expect(periods(row(80, 90), undefined, "平均")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("missing") });
    expect(periods(row(80, 90), row(1))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("weights") });
  });
});

describe("the scores functions never throw and never return a non-number", () => {
  const cell = fc.oneof(
    fc.integer({ min: -100, max: 200 }),
    fc.double(),
    fc.constantFrom("", null, undefined, "缺考", "８５", "2025-3-5", "90%", true, false),
  );
  const range = fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 });
  const arg = fc.oneof(cell, range);
  const calls = [
    (a: unknown[]) => score(a[0] as unknown[][], a[1] as unknown[][], a[2] as unknown[][], a[3] as number, a[4] as unknown[][]),
    (a: unknown[]) => taskScore(a[0] as number, a[1], a[2], a[3] as number, a[4] as number),
    (a: unknown[]) => deduct(a[0] as unknown[][], a[1] as unknown[][], a[2] as unknown[][]),
    (a: unknown[]) => composite(a[0] as unknown[][], a[1] as unknown[][]),
    (a: unknown[]) => trimMean(a[0] as unknown[][], a[1] as number, a[2] as number, a[3] as number),
    (a: unknown[]) => voteGrade(a[0] as unknown[][], a[1] as unknown[][], a[2] as unknown[][], a[3] as number, a[4] as number),
    (a: unknown[]) => periods(a[0] as unknown[][], a[1] as unknown[][], a[2] as string),
  ];
  it("for any arguments", () => {
    fc.assert(
      fc.property(fc.nat(calls.length - 1), fc.array(arg, { minLength: 5, maxLength: 5 }), (which, args) => {
        const result = calls[which](args);
        if (isExcelError(result)) {
          expect(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"]).toContain(result.code);
          expect(result.message).not.toMatch(/计算出错|Calculation failed/);
        } else if (typeof result === "number") expect(Number.isFinite(result)).toBe(true);
        else expect(typeof result).toBe("string");
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("metadata and Chinese help", () => {
  const source = readFileSync(new URL("../../src/functions/functions.ts", import.meta.url), "utf8");
  const ids = ["SCORE", "TASKSCORE", "DEDUCT", "COMPOSITE", "TRIMMEAN", "VOTEGRADE", "PERIODS"];
  for (const id of ids) {
    it(`${id}: JSDoc, TypeScript parameters and Chinese help name the same arguments, each with an example`, () => {
      const block = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*?@customfunction ${id}\\b[\\s\\S]*?)\\*/\\s*export function \\w+\\(([^)]*)\\)`).exec(source);
      expect(block, id).not.toBeNull();
      const [, doc, signature] = block as RegExpExecArray;
      const documented = [...doc.matchAll(/@param \[?(\w+)\]?\s+(.*)/g)];
      const typed = signature.split(",").map((p) => p.trim().split(/[?:]/)[0]).filter(Boolean);
      expect(documented.map((m) => m[1])).toEqual(typed);
      for (const m of documented) expect(m[2], `${id} ${m[1]}`).toMatch(/Example: /);
      const help = helpZh[id];
      expect(Object.keys(help.params)).toEqual(typed);
      expect(help.description).toContain(`=KAOHE.${id}(`);
      for (const [name, text] of Object.entries(help.params)) expect(text, `${id} ${name}`).toContain("例：");
    });
  }
});
