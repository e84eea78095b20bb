import { describe, expect, it } from "vitest";
import { applyReview, proposedStars } from "../../src/core/review";
import { ruleErrorOf } from "./helpers";

describe("stars proposed by the four rater groups", () => {
  it("weights .2/.4/.2/.2: 9, 8, 7, 8 give 1.8 + 3.2 + 1.4 + 1.6 = 8", () => {
    expect(proposedStars({ self: 9, peer: 8, public: 7, branch: 8 }, 10)).toBe(8);
  });
  it("a missing group's weight is shared out: 9, 8, —, 8 give 6.6 / 0.8 = 8.25, so 8", () => {
    expect(proposedStars({ self: 9, peer: 8, public: null, branch: 8 }, 10)).toBe(8);
  });
  it("a half rounds up: self 9 and branch 8 alone give 3.4 / 0.4 = 8.5, so 9", () => {
    expect(proposedStars({ self: 9, branch: 8 }, 10)).toBe(9);
  });
  it("held at the category's cap: all 10 for a cap-6 member is 6", () => {
    expect(proposedStars({ self: 10, peer: 10, public: 10, branch: 10 }, 6)).toBe(6);
  });
  it("the scheme's weights: equal quarters give (9 + 8 + 7 + 8) / 4 = 8", () => {
    expect(proposedStars({ self: 9, peer: 8, public: 7, branch: 8 }, 10, { self: 1, peer: 1, public: 1, branch: 1 })).toBe(8);
  });
  it("no group rated: #N/A", () => {
    expect(ruleErrorOf(() => proposedStars({}, 10)).code).toBe("#N/A");
  });
});

describe("初审", () => {
  it("通过 or no review keeps the stars", () => {
    expect(applyReview(8, undefined, 10)).toEqual({ stars: 8 });
    expect(applyReview(8, { outcome: "pass" }, 10)).toEqual({ stars: 8 });
  });
  it("调整 sets the stars and says why", () => {
    expect(applyReview(8, { outcome: "adjust", stars: 6, reason: "联系户走访记录不全" }, 10)).toEqual({ stars: 6, line: "初审由 8 星调整为 6 星：联系户走访记录不全" });
  });
  it("退回 leaves the member unrated with the reason", () => {
    expect(applyReview(8, { outcome: "return", reason: "群众评议未达参评人数" }, 10)).toEqual({ stars: null, line: "初审退回重评：群众评议未达参评人数" });
  });
  it("a change without a reason, or to stars above the cap or not whole, is refused", () => {
    expect(ruleErrorOf(() => applyReview(8, { outcome: "adjust", stars: 6 }, 10)).key).toBe("overrideNeedsReason");
    expect(ruleErrorOf(() => applyReview(8, { outcome: "return", reason: " " }, 10)).key).toBe("overrideNeedsReason");
    expect(ruleErrorOf(() => applyReview(5, { outcome: "adjust", stars: 7, reason: "x" }, 6)).key).toBe("starsAboveCap");
    expect(ruleErrorOf(() => applyReview(5, { outcome: "adjust", stars: 4.5, reason: "x" }, 6)).key).toBe("notInteger");
    expect(ruleErrorOf(() => applyReview(5, { outcome: "adjust", reason: "x" }, 6)).key).toBe("notInteger");
  });
});
