import { describe, expect, it } from "vitest";
import { DAILY_AND_YEAR_END, DEFAULT_MISSING_PERIOD, aggregatePeriods } from "../../src/core/periods";
import { ruleErrorOf } from "./helpers";


describe("aggregatePeriods", () => {
  it("weighs a half-year test and the annual test", () => {
    expect(aggregatePeriods([85, 92], [0.4, 0.6])).toBe(89.2);
  });
  it("combines daily work 80 and the year-end appraisal 20", () => {
    expect(DAILY_AND_YEAR_END).toEqual([0.8, 0.2]);
    expect(aggregatePeriods([90, 80], DAILY_AND_YEAR_END)).toBe(88);
  });
  it("weighs the periods equally without weights", () => {
    expect(aggregatePeriods([80, 85, 90, 95])).toBe(87.5);
    expect(aggregatePeriods([0.1, 0.2])).toBe(0.15);
  });
  it("skips a period without a score by default, sharing out its weight", () => {
    expect(DEFAULT_MISSING_PERIOD).toBe("skip");
    expect(aggregatePeriods([85, null], [0.4, 0.6])).toBe(85);
    expect(aggregatePeriods([80, null, 90, 70])).toBe(80);
  });
  it("counts a period without a score as 0 under the zero policy", () => {
    expect(aggregatePeriods([80, null, 90, 70], undefined, "zero")).toBe(60);
    expect(aggregatePeriods([85, null], [0.4, 0.6], "zero")).toBe(34);
    // A row with neither score nor weight is not a period.
    expect(aggregatePeriods([85, null], [1, null], "zero")).toBe(85);
  });
  it("is #N/A when no period was scored, under either policy", () => {
    expect(ruleErrorOf(() => aggregatePeriods([null, null]))).toMatchObject({ code: "#N/A", key: "noScores" });
    expect(ruleErrorOf(() => aggregatePeriods([null, null], undefined, "zero"))).toMatchObject({ code: "#N/A" });
  });
  it("rejects weights of another length and negative weights", () => {
    expect(ruleErrorOf(() => aggregatePeriods([80, 90], [1]))).toMatchObject({ key: "sizeMismatch" });
    expect(ruleErrorOf(() => aggregatePeriods([80, 90], [1, -1]))).toMatchObject({ key: "negative", params: { arg: "weights", row: 2 } });
  });
});
