import { describe, expect, it } from "vitest";
import { countyActuals } from "../../src/core/targets";

describe("countyActuals", () => {
  it("gives the three figures the targets are judged on, as shares of 1", () => {
    // 13 of 20 five good = 0.65; satisfaction (90 + 95 + 80) / 3 = 88.333… of 100; 150 of 200 members lead = 0.75
    const [good, satisfaction, lead] = countyActuals({ rated: 20, fiveGood: 13, satisfactionSum: 265, satisfactionCount: 3, members: 200, fiveLead: 150 });
    expect(good).toBe(0.65);
    expect(satisfaction).toBeCloseTo(0.88333333, 8);
    expect(lead).toBe(0.75);
  });

  it("has no figure where nothing measures it", () => {
    expect(countyActuals({ rated: 0, fiveGood: 0, satisfactionSum: 0, satisfactionCount: 0, members: 0, fiveLead: 0 })).toEqual([null, null, null]);
  });
});
