import { describe, expect, it } from "vitest";
import { maxOf, minOf } from "../../src/core/extremes";

describe("minOf and maxOf", () => {
  it("give the least and greatest value, undefined for none", () => {
    expect(minOf([3, -1, 2])).toBe(-1);
    expect(maxOf([3, -1, 2])).toBe(3);
    expect(minOf([])).toBeUndefined();
    expect(maxOf([])).toBeUndefined();
  });
  it("take a million values, where Math.min(...xs) overflows the stack", () => {
    // -500 … 499 repeated; one cell below and one above them all, far down the list.
    const xs = Array.from({ length: 1_000_000 }, (_, i) => (i % 1000) - 500);
    xs[765_432] = -501;
    xs[987_654] = 500;
    expect(() => Math.min(...xs)).toThrow(RangeError);
    expect(minOf(xs)).toBe(-501);
    expect(maxOf(xs)).toBe(500);
  });
});
