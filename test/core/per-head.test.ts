import { describe, expect, it } from "vitest";
import { meetsTarget, perHeadYuan } from "../../src/core/targets";
import { ruleErrorOf } from "./helpers";

describe("perHeadYuan", () => {
  it("cuts the amount a head to the fen, never rounding up", () => {
    // 599.99 / 20 = 29.9995: 29.99, not a 30.00 that would read as meeting 30 yuan a head
    expect(perHeadYuan(599.99, 20)).toBe(29.99);
    expect(meetsTarget(599.99, 20, { num: 30n, den: 1n })).toBe(false);
    // 9000 / 300 = 30 exactly
    expect(perHeadYuan(9000, 300)).toBe(30);
    // 100 / 3 = 33.333…
    expect(perHeadYuan(100, 3)).toBe(33.33);
    // 0.1 + 0.2 is read as the 0.3 it shows: 30 fen for 3 heads is 10 fen
    expect(perHeadYuan(0.1 + 0.2, 3)).toBe(0.1);
  });

  it("has no amount a head for nobody, and refuses a part of a person or a negative amount", () => {
    expect(ruleErrorOf(() => perHeadYuan(100, 0)).code).toBe("#DIV/0!");
    expect(ruleErrorOf(() => perHeadYuan(100, 2.5)).code).toBe("#VALUE!");
    expect(ruleErrorOf(() => perHeadYuan(-1, 2)).code).toBe("#VALUE!");
  });
});
