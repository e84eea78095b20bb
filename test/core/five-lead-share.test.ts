// An organisation's "five lead" share: a blank count is missing data, not 0 (issue 10).
import { describe, expect, it } from "vitest";
import { fiveLeadShare } from "../../src/core/targets";

describe("fiveLeadShare", () => {
  it("is the five-lead members over the rural members", () => {
    expect(fiveLeadShare(10, 40)).toBe(0.25); // 10 ÷ 40
    expect(fiveLeadShare(0, 40)).toBe(0); // a typed 0 is 0 people
  });
  it("has no share when the count is blank, or there are no rural members to divide by", () => {
    expect(fiveLeadShare(null, 40)).toBeNull();
    expect(fiveLeadShare(5, 0)).toBeNull();
    expect(fiveLeadShare(5, null)).toBeNull();
  });
});
