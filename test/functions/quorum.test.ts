import { describe, expect, it } from "vitest";
import { quorum } from "../../src/functions/functions";

describe("KAOHE.QUORUM", () => {
  it("two thirds is compared exactly", () => {
    expect(quorum(2, 3)).toBe(true);
    expect(quorum(1999999, 3000000)).toBe(false);
    expect(quorum(2000000, 3000000)).toBe(true);
    expect(quorum(8, 12)).toBe(true);
    expect(quorum(7, 12)).toBe(false);
  });
  it("reads a typed ratio as the fraction the user meant", () => {
    expect(quorum(4, 5, 0.8)).toBe(true);
    expect(quorum(79, 100, "80%")).toBe(false);
    expect(quorum(80, 100, "4/5")).toBe(true);
    expect(quorum(2, 3, 2 / 3)).toBe(true);
  });
  it("gives an Excel error, in Chinese by default, for bad input", () => {
    expect(quorum(5, 3)).toMatchObject({ code: "#VALUE!" });
    expect(quorum(1.5 as number, 3)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("count") });
    expect(quorum("缺席" as unknown as number, 3)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("不是数字") });
    expect(quorum(null as unknown as number, 3)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("不能为空；请填写") });
  });
});
