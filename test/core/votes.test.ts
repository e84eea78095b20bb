import { describe, expect, it } from "vitest";
import {
  DEFAULT_TURNOUT,
  DEFAULT_VOTE_LABELS,
  DEFAULT_VOTE_THRESHOLDS,
  ballotGrade,
  INVALID_BALLOT,
  turnoutMet,
  turnoutShortfall,
  topVoteShare,
  gradeByVotes,
  voteLabels,
  voteThresholds,
} from "../../src/core/votes";
import { ruleErrorOf } from "./helpers";


describe("gradeByVotes", () => {
  it("follows the township scheme: 90% 优秀, 70% 优秀+称职, 30% 不称职", () => {
    expect(DEFAULT_VOTE_LABELS).toEqual(["优秀", "称职", "基本称职", "不称职"]);
    expect(gradeByVotes([46, 3, 1, 0])).toBe(0);
    expect(gradeByVotes([20, 16, 4, 10])).toBe(1); // 36/50 = 72%
    expect(gradeByVotes([20, 10, 5, 15])).toBe(3); // 不称职 15/50 = 30%
    expect(gradeByVotes([20, 10, 10, 10])).toBe(2);
  });
  it("includes each threshold itself (以上), compared exactly", () => {
    expect(gradeByVotes([45, 5, 0, 0])).toBe(0); // exactly 90%
    expect(gradeByVotes([44, 6, 0, 0])).toBe(1);
    expect(gradeByVotes([0, 35, 15, 0])).toBe(1); // exactly 70%
    expect(gradeByVotes([0, 34, 16, 0])).toBe(2);
    // 3 ≥ 0.3 × 10 is false in floating point (0.3 × 10 = 3.0000000000000004); exactly it is true.
    expect(gradeByVotes([0, 5, 2, 3])).toBe(3);
    expect(gradeByVotes([0, 5, 3, 2])).toBe(2);
  });
  it("counts a blank as no votes, and needs at least one vote", () => {
    expect(gradeByVotes([9, null, null, 1])).toBe(0);
    expect(ruleErrorOf(() => gradeByVotes([0, 0, 0, 0]))).toMatchObject({ code: "#N/A", key: "noVotes" });
    expect(ruleErrorOf(() => gradeByVotes([null, null, null, null]))).toMatchObject({ code: "#N/A" });
  });
  it("rejects anything but four whole, non-negative counts", () => {
    expect(ruleErrorOf(() => gradeByVotes([1, 2, 3]))).toMatchObject({ key: "voteCells", params: { got: 3 } });
    expect(ruleErrorOf(() => gradeByVotes([1, 2.5, 3, 0]))).toMatchObject({ key: "notInteger", params: { arg: "votes", row: 2 } });
    expect(ruleErrorOf(() => gradeByVotes([1, 2, -3, 0]))).toMatchObject({ key: "negative", params: { arg: "votes", row: 3 } });
  });
  it("uses other thresholds when given", () => {
    const t = voteThresholds([0.8, null, "20%"]);
    expect(t).toEqual({ top: { num: 4n, den: 5n }, competent: DEFAULT_VOTE_THRESHOLDS.competent, bottom: { num: 1n, den: 5n } });
    expect(gradeByVotes([40, 10, 0, 0], t)).toBe(0);
    expect(gradeByVotes([20, 10, 10, 10], t)).toBe(3);
  });
});

describe("voteThresholds and voteLabels", () => {
  it("need three shares of at most 1 and four labels", () => {
    expect(ruleErrorOf(() => voteThresholds([0.9, 0.7]))).toMatchObject({ key: "voteThresholdCells" });
    expect(ruleErrorOf(() => voteThresholds([0.9, 1.2, 0.3]))).toMatchObject({ key: "outOfRange", params: { arg: "thresholds", row: 2 } });
    expect(ruleErrorOf(() => voteThresholds([0.9, "七成", 0.3]))).toMatchObject({ key: "notNumber" });
    expect(voteLabels(["优秀", "合格", null, "不合格"])).toEqual(["优秀", "合格", "基本称职", "不合格"]);
    expect(ruleErrorOf(() => voteLabels(["优秀"]))).toMatchObject({ key: "voteLabelCells" });
  });
});

describe("turnoutMet and ballotGrade", () => {
  it("needs 4/5 of the voters entitled, exactly", () => {
    expect(DEFAULT_TURNOUT).toEqual({ num: 4n, den: 5n });
    // 40 of 50 is exactly 4/5 (以上 includes it); 39 is short.
    expect(turnoutMet([30, 10, 0, 0], 50)).toBe(true);
    expect(turnoutMet([30, 9, 0, 0], 50)).toBe(false);
    expect(turnoutMet([30, 9, 0, 0], 50, { num: 3n, den: 4n })).toBe(true);
  });
  it("rejects more votes than voters", () => {
    expect(ruleErrorOf(() => turnoutMet([30, 21, 0, 0], 50))).toMatchObject({ code: "#VALUE!", key: "votesOverVoters" });
    expect(ruleErrorOf(() => turnoutMet([1, 0, 0, 0], 1.5))).toMatchObject({ key: "notInteger" });
  });
  it("a ballot short of its turnout shows 测评无效 in place of a grade (issue 10: no longer #N/A), with the counts for 说明", () => {
    // 30 + 9 = 39 votes of 50 entitled: 39/50 = 78% < 80%.
    expect(ballotGrade([30, 9, 0, 0], DEFAULT_VOTE_LABELS, undefined, 50)).toBe(INVALID_BALLOT);
    expect(INVALID_BALLOT).toBe("测评无效");
    expect(turnoutShortfall([30, 9, 0, 0], 50)).toEqual({ cast: 39, voters: 50, ratio: "4/5" });
    // 30 + 10 = 40 of 50 = 80%: counts; 30/40 = 75% 优秀 < 90%, 40/40 优秀+称职 ≥ 70%: 称职.
    expect(ballotGrade([30, 10, 0, 0], DEFAULT_VOTE_LABELS, undefined, 50)).toBe("称职");
    // No voters given: the turnout is not checked.
    expect(ballotGrade([30, 9, 0, 0], DEFAULT_VOTE_LABELS)).toBe("称职");
  });
});

describe("topVoteShare", () => {
  it("is the top grade's votes over the votes cast", () => {
    // 40 优秀 of 40 + 10 + 0 + 0 = 50 cast
    expect(topVoteShare([40, 10, 0, 0])).toBe(0.8);
    // 46 of 50; a blank count is no votes
    expect(topVoteShare([46, 3, null, 1])).toBe(0.92);
  });

  it("is blank when nobody voted, and refuses a vote count that is not whole", () => {
    expect(topVoteShare([0, 0, null, 0])).toBeNull();
    expect(ruleErrorOf(() => topVoteShare([1.5, 0, 0, 0])).code).toBe("#VALUE!");
  });
});

describe("the turnout shortfall's ratio", () => {
  it("says the turnout as an exact ratio", () => {
    // 39 of 50 cast, under 4/5
    expect(turnoutShortfall([30, 9, 0, 0], 50, DEFAULT_TURNOUT)).toEqual({ cast: 39, voters: 50, ratio: "4/5" });
  });
});
