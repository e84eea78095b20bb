import { describe, expect, it } from "vitest";
import {
  DEFAULT_RATER_WEIGHTS,
  DEFAULT_TRIM,
  WORK_AND_BALLOT,
  defaultRaterWeights,
  raterComposite,
  roundedMean,
  trimmedMean,
  weightedMean,
} from "../../src/core/composite";
import { ruleErrorOf } from "./helpers";


const pairs = (scores: (number | null)[], weights: (number | null)[]) => scores.map((score, i) => ({ score, weight: weights[i] }));

describe("weightedMean", () => {
  it("weighs the four rater groups by default .2/.4/.2/.2", () => {
    expect(DEFAULT_RATER_WEIGHTS).toEqual({ self: 0.2, peer: 0.4, public: 0.2, branch: 0.2 });
    // 0.2 × 90 + 0.4 × 85 + 0.2 × 80 + 0.2 × 88 = 18 + 34 + 16 + 17.6
    expect(raterComposite({ self: 90, peer: 85, public: 80, branch: 88 })).toBe(85.6);
  });
  it("shares a missing group's weight among the groups present", () => {
    // (18 + 34 + 17.6) / 0.8
    expect(raterComposite({ self: 90, peer: 85, branch: 88 })).toBe(87);
    expect(raterComposite({ self: 90, peer: 85, public: null, branch: 88 })).toBe(87);
    expect(raterComposite({ peer: 85 })).toBe(85);
  });
  it("combines work results 70 and ballot 30 (a village-secretary scheme)", () => {
    expect(WORK_AND_BALLOT).toEqual([0.7, 0.3]);
    expect(weightedMean(pairs([92, 85], [...WORK_AND_BALLOT]))).toBe(89.9);
    expect(weightedMean(pairs([92, 85], [70, 30]))).toBe(89.9);
  });
  it("is #N/A when nothing was scored and #DIV/0! when the weights present add to 0", () => {
    expect(ruleErrorOf(() => weightedMean(pairs([null, null], [1, 1])))).toMatchObject({ code: "#N/A", key: "noScores" });
    expect(ruleErrorOf(() => weightedMean([]))).toMatchObject({ code: "#N/A" });
    expect(ruleErrorOf(() => weightedMean(pairs([90, 80], [0, 0])))).toMatchObject({ code: "#DIV/0!", key: "zeroWeights" });
  });
  it("needs a weight for every score present, none negative", () => {
    expect(weightedMean(pairs([90, null], [1, null]))).toBe(90);
    expect(ruleErrorOf(() => weightedMean(pairs([90, 80], [1, null])))).toMatchObject({ key: "required", params: { arg: "weights", row: 2 } });
    expect(ruleErrorOf(() => weightedMean(pairs([90, 80], [1, -1])))).toMatchObject({ key: "negative", params: { arg: "weights", row: 2 } });
    expect(ruleErrorOf(() => weightedMean(pairs([90, null], [1, -1])))).toMatchObject({ key: "negative" });
  });
  it("gives default weights only for four scores", () => {
    expect(defaultRaterWeights(4)).toEqual([0.2, 0.4, 0.2, 0.2]);
    expect(ruleErrorOf(() => defaultRaterWeights(3))).toMatchObject({ key: "raterWeightsNeedFour", params: { got: 3 } });
  });
});

describe("trimmedMean", () => {
  it("drops the highest and the lowest from 6 raters on (more than 5)", () => {
    expect(DEFAULT_TRIM).toEqual({ dropHigh: 1, dropLow: 1, minCount: 6 });
    // 95 and 60 dropped: (88 + 92 + 75 + 90 + 86) / 5
    expect(trimmedMean([88, 92, 75, 95, 90, 86, 60])).toBe(86.2);
    expect(trimmedMean([1, 2, 3, 4, 5, 100])).toBe(3.5);
    // 5 raters: a plain mean
    expect(trimmedMean([80, 90, 70, 85, 95])).toBe(84);
  });
  it("drops one copy of a tied extreme, and counts only the raters who scored", () => {
    expect(trimmedMean([90, 90, 90, 80, 80, 80])).toBe(85);
    expect(trimmedMean([1, 2, 3, 4, 5, null, 100])).toBe(3.5);
    expect(trimmedMean([1, 2, 3, null, 5, 100])).toBe(22.2); // 5 raters scored: no trim
  });
  it("follows the drop and minimum settings", () => {
    expect(trimmedMean([1, 2, 3, 4, 5, 6, 7], { dropHigh: 2, dropLow: 0, minCount: 5 })).toBe(3);
    expect(trimmedMean([1, 2, 3], { dropHigh: 0, dropLow: 0, minCount: 0 })).toBe(2);
    expect(trimmedMean([0.1, 0.2])).toBe(0.15);
  });
  it("refuses settings that could leave nothing to average, and blank lists", () => {
    expect(ruleErrorOf(() => trimmedMean([1, 2, 3], { dropHigh: 2, dropLow: 2, minCount: 4 }))).toMatchObject({ key: "trimTooMany" });
    expect(ruleErrorOf(() => trimmedMean([1], { dropHigh: 1.5, dropLow: 1, minCount: 6 }))).toMatchObject({ key: "notInteger" });
    expect(ruleErrorOf(() => trimmedMean([1], { dropHigh: -1, dropLow: 1, minCount: 6 }))).toMatchObject({ key: "negative" });
    expect(ruleErrorOf(() => trimmedMean([null, null]))).toMatchObject({ code: "#N/A", key: "noScores" });
    expect(ruleErrorOf(() => trimmedMean([1, NaN]))).toMatchObject({ key: "notFinite", params: { arg: "scores", row: 2 } });
  });
});

describe("roundedMean", () => {
  it("is the plain mean rounded half up to the digits a report shows", () => {
    // (1 + 2 + 2) / 3 = 1.666…
    expect(roundedMean([1, 2, 2], 2)).toBe(1.67);
    // 1.005 rounds up on its decimal, where Math.round(100.49999…) / 100 would give 1
    expect(roundedMean([1.005, 1.005], 2)).toBe(1.01);
    // (90 + 85 + 78) / 3 = 84.333…
    expect(roundedMean([90, 85, 78], 2)).toBe(84.33);
    expect(roundedMean([7], 0)).toBe(7);
  });

  it("has no mean of nothing", () => {
    expect(roundedMean([], 2)).toBeUndefined();
  });
});
