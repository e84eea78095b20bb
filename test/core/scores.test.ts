import { describe, expect, it } from "vitest";
import { formatMessage, type MessageKey, type MessageParams } from "../../src/core/messages";
import { ZERO, dividedBy, exactOf, minus, plus, toNumber } from "../../src/core/exact";
import { deductedItem, deduction, itemScore, scoreTask, sheetTotal, totalDeduction, vetoOf, type DeductionRule, type Item } from "../../src/core/scores";
import { ruleErrorOf } from "./helpers";

/** The RuleError a call throws, for checking its code, key and where it points. */

describe("exact decimal sums", () => {
  it("reads a double as the decimal it displays as", () => {
    expect(exactOf(0.1)).toEqual({ num: 1n, den: 10n });
    expect(exactOf(85.5)).toEqual({ num: 855n, den: 10n });
    expect(exactOf(-3)).toEqual({ num: -3n, den: 1n });
    expect(exactOf(1.5e-7)).toEqual({ num: 15n, den: 100000000n });
    expect(exactOf(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
  });
  it("adds 0.1 and 0.2 to 0.3, as people expect", () => {
    expect(toNumber(plus(exactOf(0.1), exactOf(0.2)))).toBe(0.3);
    expect(toNumber(minus(exactOf(90.6), exactOf(0.6)))).toBe(90);
  });
  it("rounds a quotient to the nearest double", () => {
    expect(toNumber(dividedBy(exactOf(1), exactOf(3)))).toBe(1 / 3);
    expect(toNumber(dividedBy(exactOf(2), exactOf(-3)))).toBe(-2 / 3);
    expect(toNumber(dividedBy(exactOf(69.6), exactOf(0.8)))).toBe(87);
    expect(toNumber(ZERO)).toBe(0);
    expect(toNumber(exactOf(5e-324))).toBe(5e-324);
    expect(toNumber(exactOf(Number.MAX_VALUE))).toBe(Number.MAX_VALUE);
  });
  it("never returns Infinity: a result beyond the largest double is #NUM!, as in Excel", () => {
    expect(ruleErrorOf(() => toNumber(plus(exactOf(Number.MAX_VALUE), exactOf(Number.MAX_VALUE))))).toMatchObject({ code: "#NUM!" });
  });
});

describe("itemScore", () => {
  const score = (item: Item) => toNumber(itemScore(item));
  it("clamps the points given to [0, max]", () => {
    expect(score({ score: 8.5, max: 10 })).toBe(8.5);
    expect(score({ score: 12, max: 10 })).toBe(10);
    expect(score({ score: -3, max: 10 })).toBe(0);
    expect(score({ score: 0, max: 0 })).toBe(0);
  });
  it("gives nothing for a blank score, and skips a row with neither score nor maximum", () => {
    expect(score({ score: null, max: 10 })).toBe(0);
    expect(score({ score: null, max: null })).toBe(0);
  });
  it("rejects a score without a maximum, and a negative maximum, naming the row", () => {
    const missing = ruleErrorOf(() => itemScore({ score: 5, max: null }, 2));
    expect(missing).toMatchObject({ code: "#VALUE!", key: "required", params: { arg: "maxes", row: 3 } });
    const negative = ruleErrorOf(() => itemScore({ score: 5, max: -10 }, 0));
    expect(negative).toMatchObject({ code: "#VALUE!", key: "negative", params: { arg: "maxes", row: 1 } });
    expect(ruleErrorOf(() => itemScore({ score: NaN, max: 10 })).key).toBe("notFinite");
    expect(ruleErrorOf(() => itemScore({ score: 1, max: Infinity })).key).toBe("notFinite");
  });
});

describe("deductions", () => {
  it("takes count × points, at most the cap (扣完为止)", () => {
    expect(toNumber(deduction({ count: 2, points: 2, cap: 6 }))).toBe(4);
    expect(toNumber(deduction({ count: 4, points: 2, cap: 6 }))).toBe(6);
    expect(toNumber(deduction({ count: 3, points: 0.1 }))).toBe(0.3);
    expect(toNumber(deduction({ count: null, points: null }))).toBe(0);
    expect(toNumber(deduction({ count: 0, points: null }))).toBe(0);
  });
  it("sums the items", () => {
    const rules: DeductionRule[] = [
      { count: 2, points: 2, cap: 6 },
      { count: 3, points: 0.5, cap: 1 },
      { count: 1, points: 3, cap: 5 },
      { count: null, points: 10, cap: 10 },
    ];
    expect(totalDeduction(rules)).toBe(8);
    expect(totalDeduction([])).toBe(0);
  });
  it("rejects negative counts, points and caps, and events without points", () => {
    expect(ruleErrorOf(() => totalDeduction([{ count: 1, points: 1 }, { count: -1, points: 2 }]))).toMatchObject({
      key: "negative",
      params: { arg: "counts", row: 2 },
    });
    expect(ruleErrorOf(() => deduction({ count: 1, points: -2 })).params).toMatchObject({ arg: "points" });
    expect(ruleErrorOf(() => deduction({ count: 1, points: 2, cap: -1 })).params).toMatchObject({ arg: "caps" });
    expect(ruleErrorOf(() => deduction({ count: 1, points: null })).key).toBe("required");
  });
  it("deducts an item scored by deduction down to zero and no further", () => {
    expect(deductedItem(10, [{ count: 2, points: 3 }])).toBe(4);
    expect(deductedItem(10, [{ count: 2, points: 3 }, { count: 1, points: 5 }])).toBe(0);
    expect(deductedItem(5, [])).toBe(5);
  });
});

describe("sheetTotal", () => {
  it("adds items, the capped bonus, and takes the deductions", () => {
    const result = sheetTotal({
      items: [
        { score: 95, max: 90 },
        { score: -3, max: 10 },
        { score: null, max: 5 },
        { score: 8, max: 10 },
      ],
      bonus: [3, 4],
      bonusCap: 5,
      deductions: [2],
    });
    expect(result).toEqual({ itemPoints: 98, bonus: 5, deductions: 2, total: 101, veto: null });
  });
  it("counts the bonus in full without a cap, and floors the total at 0", () => {
    expect(sheetTotal({ items: [{ score: 50, max: 60 }], bonus: [7, null] }).total).toBe(57);
    expect(sheetTotal({ items: [{ score: 5, max: 10 }], deductions: [4, 6] }).total).toBe(0);
    expect(sheetTotal({ items: [] }).total).toBe(0);
  });
  it("scores a village Party secretary's 20-item yearly sheet (the Beidaihe rural Party-building responsibility measures)", () => {
    // Items and maxima of a local scheme (100 points), the points the town gave, with one blank item
    // (精神文明建设, not assessed: 0) and one over its maximum (上级交办任务: 6 of 5, counted as 5).
    const sheet: [string, number, number | null][] = [
      ["党建责任制落实", 6, 6],
      ["三会一课", 6, 5.5],
      ["主题党日", 5, 5],
      ["发展党员", 5, 4],
      ["党员教育培训", 5, 4.5],
      ["流动党员管理", 4, 4],
      ["党费收缴", 4, 4],
      ["阵地建设", 5, 5],
      ["村务公开", 5, 4.5],
      ["四议两公开", 6, 6],
      ["村集体经济", 6, 4.2],
      ["矛盾纠纷调解", 5, 5],
      ["信访维稳", 5, 5],
      ["乡村振兴", 6, 5.8],
      ["人居环境整治", 5, 4.6],
      ["精神文明建设", 4, null],
      ["党风廉政建设", 5, 5],
      ["台账资料", 4, 3.5],
      ["联系服务群众", 4, 4],
      ["上级交办任务", 5, 6],
    ];
    expect(sheet.reduce((s, [, max]) => s + max, 0)).toBe(100);
    // Deduction items: unexcused absence −2 each (at most 6), late reports −0.5 each (at most 1),
    // a justified complaint −3 (at most 5), no safety incident.
    const deducted = totalDeduction([
      { count: 2, points: 2, cap: 6 },
      { count: 3, points: 0.5, cap: 1 },
      { count: 1, points: 3, cap: 5 },
      { count: null, points: 10, cap: 10 },
    ]);
    expect(deducted).toBe(8);
    const result = sheetTotal({
      items: sheet.map(([, max, score]) => ({ score, max })),
      bonus: [3, 2, 1.5], // a city commendation, a practice adopted, reports used: 6.5, capped at 5
      bonusCap: 5,
      deductions: [deducted],
      vetoes: [false, false],
    });
    // Items 90.6 (上级交办任务 counts 5, not 6), bonus 6.5 capped at 5, deductions 8: 87.6.
    expect(result).toEqual({ itemPoints: 90.6, bonus: 5, deductions: 8, total: 87.6, veto: null });
  });
  it("keeps the points under a veto and says which veto applies", () => {
    const items = [{ score: 95, max: 100 }];
    expect(sheetTotal({ items, vetoes: [false, true] })).toMatchObject({ total: 95, veto: "noTop" });
    expect(sheetTotal({ items, vetoes: [true], vetoMode: "fail" })).toMatchObject({ total: 95, veto: "fail" });
    expect(vetoOf([])).toBeNull();
    expect(vetoOf([false])).toBeNull();
  });
  it("rejects a negative bonus, cap or deduction, naming it", () => {
    const items = [{ score: 5, max: 10 }];
    expect(ruleErrorOf(() => sheetTotal({ items, bonus: [1, -1] })).params).toMatchObject({ arg: "bonus", row: 2 });
    expect(ruleErrorOf(() => sheetTotal({ items, bonusCap: -5 })).params).toMatchObject({ arg: "bonus_cap" });
    expect(ruleErrorOf(() => sheetTotal({ items, deductions: [-2] })).params).toMatchObject({ arg: "deductions", row: 1 });
  });
});

describe("scoreTask", () => {
  const due = 45721; // 2025-3-5
  it("takes a point per whole day late", () => {
    expect(scoreTask({ max: 10, due, done: due + 3 })).toBe(7);
    expect(scoreTask({ max: 10, due, done: due })).toBe(10);
    expect(scoreTask({ max: 10, due, done: due - 4 })).toBe(10);
    expect(scoreTask({ max: 10, due, done: due + 20 })).toBe(0);
  });
  it("scales by quality and takes perDay points per day", () => {
    expect(scoreTask({ max: 10, due, done: due + 3, perDay: 2, quality: 0.9 })).toBe(3);
    expect(scoreTask({ max: 10, due, done: due + 1, perDay: 0.1, quality: 0.7 })).toBe(6.9);
  });
  it("counts calendar days, ignoring the time of day", () => {
    expect(scoreTask({ max: 10, due: due + 0.75, done: due + 1.1 })).toBe(9);
    expect(scoreTask({ max: 10, due: due + 0.1, done: due + 0.9 })).toBe(10);
  });
  it("scores a task not done as 0, and needs a due date", () => {
    expect(scoreTask({ max: 10, due, done: null })).toBe(0);
    expect(ruleErrorOf(() => scoreTask({ max: 10, due: null, done: due })).key).toBe("required");
  });
  it("rejects a quality above 1 and negative points", () => {
    expect(ruleErrorOf(() => scoreTask({ max: 10, due, done: due, quality: 1.2 }))).toMatchObject({ key: "outOfRange" });
    expect(ruleErrorOf(() => scoreTask({ max: -10, due, done: due }))).toMatchObject({ key: "negative" });
    expect(ruleErrorOf(() => scoreTask({ max: 10, due, done: due, perDay: -1 }))).toMatchObject({ key: "negative" });
  });
});

describe("messages of the scores family", () => {
  const samples: [MessageKey, MessageParams][] = [
    ["noScores", { arg: "scores" }],
    ["zeroWeights", { arg: "weights" }],
    ["raterWeightsNeedFour", { got: 3 }],
    ["notDate", { arg: "due", value: "下周" }],
    ["trimTooMany", { value: 2, drops: 2 }],
    ["voteCells", { got: 3 }],
    ["voteThresholdCells", { got: 2 }],
    ["voteLabelCells", { got: 2 }],
    ["noVotes", { arg: "votes" }],
    ["votesOverVoters", { cast: 51, voters: 50 }],
    ["turnoutNotMet", { cast: 39, voters: 50, ratio: "4/5" }],
  ];
  for (const [key, params] of samples) {
    it(`${key} reads in Chinese and in English`, () => {
      const zh = formatMessage("zh-CN", key, params);
      const en = formatMessage("en-US", key, params);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[\x20-\x7e\u4e00-\u9fff]+$/); // grade names may stay Chinese; punctuation is English
      for (const text of [zh, en]) expect(text).not.toMatch(/undefined|NaN|\[object/);
    });
  }
});
