import { describe, expect, it } from "vitest";
import { periodNames as cadencePeriodNames } from "../../src/core/cadence";
import { roundingNames as quotaRoundingNames, ratioText as quotaRatioText } from "../../src/core/quota";
import { periodNames, periodWords, ratioText, ratioWords, roundingNames, roundingWords, shareWords } from "../../src/core/wording";

describe("the words of rounding modes", () => {
  it("shows one Chinese word for each mode, those of docs/rules.md §1", () => {
    expect(roundingWords.floor.zh).toBe("去尾法");
    expect(roundingWords.round.zh).toBe("四舍五入");
    expect(roundingWords.ceil.zh).toBe("进一法");
    expect(roundingWords.floor.en).toBe("round down");
  });

  it("reads 小数舍去 (the templates' old word) and the codes, but never shows 小数舍去", () => {
    expect(roundingNames["小数舍去"]).toBe("floor");
    expect(roundingNames["去尾法"]).toBe("floor");
    expect(roundingNames["ceiling"]).toBe("ceil");
    expect(roundingNames["进一"]).toBe("ceil");
    expect(Object.values(roundingWords).map((w) => w.zh)).not.toContain("小数舍去");
  });

  it("is the one table the quotas read", () => {
    expect(quotaRoundingNames).toBe(roundingNames);
    expect(quotaRatioText).toBe(ratioText);
  });
});

describe("the words of periods", () => {
  it("says how often a duty falls due", () => {
    expect([periodWords.week.zh, periodWords.month.zh, periodWords.quarter.zh, periodWords.half.zh, periodWords.year.zh]).toEqual(["每周", "每月", "每季度", "每半年", "每年"]);
  });

  it("reads each shown word back as its period, and is the table the ledger's functions read", () => {
    for (const p of ["week", "month", "quarter", "half", "year"] as const) expect(periodNames[periodWords[p].zh]).toBe(p);
    expect(periodNames["半年"]).toBe("half");
    expect(periodNames["季"]).toBe("quarter");
    expect(cadencePeriodNames).toBe(periodNames);
  });
});

describe("the words of ratios", () => {
  it("shows a number as a percentage to one decimal, rounded half up on its decimal", () => {
    expect(ratioWords(0.3)).toBe("30%");
    expect(ratioWords(0.65)).toBe("65%");
    // 0.6667 × 100 = 66.67, to one decimal 66.7
    expect(ratioWords(0.6667)).toBe("66.7%");
    // 0.285 × 100 is 28.499999999999996 in binary; the decimal 28.5 is what the user typed
    expect(ratioWords(0.285)).toBe("28.5%");
  });

  it("shows text as it was typed", () => {
    expect(ratioWords(" 30% ")).toBe("30%");
    expect(ratioWords("1/3")).toBe("1/3");
  });

  it("says a simple fraction as the rules do", () => {
    expect(shareWords("2/3")).toBe("三分之二");
    expect(shareWords(" 1 / 2 ")).toBe("二分之一");
    expect(shareWords("3/10")).toBe("十分之三");
    // beyond tenths, and percentages, as typed
    expect(shareWords("7/12")).toBe("7/12");
    expect(shareWords("60%")).toBe("60%");
    expect(shareWords(0.5)).toBe("50%");
  });

  it("writes an exact ratio for a message", () => {
    expect(ratioText({ num: 3n, den: 10n })).toBe("3/10");
    expect(ratioText({ num: 2n, den: 1n })).toBe("2");
  });
});
