import { afterEach, describe, expect, it } from "vitest";
import { cadence, target } from "../../src/functions/functions";

const col = (...v: unknown[]) => v.map((x) => [x]);

describe("KAOHE.CADENCE", () => {
  it("reads every way people type dates", () => {
    // 45722 = 2025-3-5 as an Excel serial
    const dates = col(45722, "2025-4-5", "2025/05/05", "2025年6月5日", "2025.7.5", "２０２５-８-５", null, "");
    expect(cadence(dates, "月", 1, "2025-3-1", "2025-8-31")).toBe(0);
    expect(cadence(dates, "month", 1, "2025-1-1", "2025-12-31")).toBe(6);
    expect(cadence(dates, "半年", 3, "2025-1-1", "2025-12-31")).toBe(1); // 上半年 has 4, 下半年 has 2
    expect(cadence(dates, "季度", 1)).toBe(0); // from the earliest to the latest date
  });

  it("names the cell of a date it cannot read", () => {
    expect(cadence(col("2025-3-5", "三月五日"), "month")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("第2行") });
    expect(cadence(col("2025-3-5"), "fortnight")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("fortnight") });
    expect(cadence(col("2025-2-30"), "month")).toMatchObject({ code: "#VALUE!" });
    expect(cadence(col(null), "month")).toMatchObject({ code: "#VALUE!" });
  });
});

describe("KAOHE.TARGET", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });
  it("compares exactly", () => {
    expect(target(13, 20, "65%")).toBe(true);
    expect(target(12, 20, 0.65)).toBe(false);
    expect(target(9000, 300, 30)).toBe(true);
    expect(target(2, 3, 2 / 3)).toBe(true);
  });
  it("gives Excel errors for no total or bad input", () => {
    expect(target(1, 0, "65%")).toMatchObject({ code: "#DIV/0!" });
    expect(target("很多", 10, "65%")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("count") });
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "en-US" } };
    expect(target(-1, 10, "65%")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("negative") });
  });
});
