// The pay-share rules: a person's coefficient and weight under pay.method, and a pool shared by them, worked by hand.
import { describe, expect, it } from "vitest";
import { DEFAULT_COEFFICIENT_TABLE } from "../../src/core/money";
import { payCoefficient, payWeight, sharePool } from "../../src/core/pay-share";

describe("payCoefficient", () => {
  it("is grade × post coefficient as the decimal it is; a blank post is 1, no grade is 0", () => {
    expect(payCoefficient("基本称职", 1.1, DEFAULT_COEFFICIENT_TABLE)).toBe(0.88); // 0.8 × 1.1, not 0.8800000000000001
    expect(payCoefficient("优秀", null, DEFAULT_COEFFICIENT_TABLE)).toBe(1.2);
    expect(payCoefficient(null, 1.2, DEFAULT_COEFFICIENT_TABLE)).toBe(0);
    expect(() => payCoefficient("良好", 1, DEFAULT_COEFFICIENT_TABLE)).toThrow(expect.objectContaining({ code: "#N/A" }));
  });
});

describe("payWeight", () => {
  const p = { performanceFen: 12345, coefficient: 1.1, score: 86.5 };
  it("is the coefficient (the documented rule), the performance part in yuan × coefficient, or the score", () => {
    expect(payWeight("coefficient", p)).toBe(1.1);
    expect(payWeight("baseCoefficient", p)).toBe(135.795); // 123.45 × 1.1 exactly, where the double product is 135.79500000000002
    expect(payWeight("score", p)).toBe(86.5);
    expect(payWeight("score", { ...p, score: null })).toBeNull();
  });
});

describe("sharePool", () => {
  it("shares 10,000.00 by 1.2 / 1.0 / 0.8 as 4000.00 / 3333.33 / 2666.67 (the leftover fen to the ⅔ remainder)", () => {
    expect(sharePool(1000000, [1.2, 1.0, 0.8])).toEqual({ shares: [400000, 333333, 266667], unshared: false });
  });
  it("leaves the pool unshared when every weight is 0, and a null weight gets 0 and no part", () => {
    expect(sharePool(500000, [0, null, 0])).toEqual({ shares: [0, 0, 0], unshared: true });
    expect(sharePool(0, [0, 0])).toEqual({ shares: [0, 0], unshared: false });
  });
});
