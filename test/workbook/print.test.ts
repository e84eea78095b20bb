import { describe, expect, it } from "vitest";
import { formattedText, layoutReport } from "../../src/workbook/layout";
import { columnMm, fitScale, MIN_SCALE, printableMm, printLayout, titleHeader } from "../../src/workbook/print";

describe("printing on A4", () => {
  it("measures columns and the page as Excel does", () => {
    // 10 units: trunc(7 × 10 + 5) = 75 px, at 96 px an inch: 75 × 25.4 ÷ 96 = 19.84 mm.
    expect(columnMm(10)).toBeCloseTo(19.84, 2);
    // 210 − 2 × 0.4 × 25.4 = 189.68; 297 − 20.32 = 276.68.
    expect(printableMm(false)).toBeCloseTo(189.68, 2);
    expect(printableMm(true)).toBeCloseTo(276.68, 2);
    // Body text 11 pt must print at 9 pt: 9 ÷ 11 = 81.8%, up to 82; more than the 60% floor.
    expect(MIN_SCALE).toBe(82);
  });

  it("fits a table that stays legible to one page wide, portrait first", () => {
    // Ten columns of 10: 198.4 mm; portrait 189.68 ÷ 198.4 = 95.6% → 95.
    const widths = Array(10).fill(10);
    expect(fitScale(widths, false)).toBe(95);
    expect(printLayout({ widths })).toMatchObject({ landscape: false, pagesWide: 1, scale: 95 });
    // Thirteen: 257.9 mm; portrait 73% is too small, landscape 276.68 ÷ 257.9 = 107% → 100.
    expect(printLayout({ widths: Array(13).fill(10) })).toMatchObject({ landscape: true, pagesWide: 1, scale: 100 });
  });

  it("splits a wide table across landscape pages at 82%, its key columns repeated", () => {
    // 45 columns of 8: 45 × 61 px = 726.3 mm; fitted it would print at 276.68 ÷ 726.3 = 38%.
    const headers = ["乡镇", "村", "姓名", "编号", ...Array.from({ length: 41 }, (_, i) => `指标${i + 1}`)];
    const p = printLayout({ widths: Array(45).fill(8), headers, title: "汇总 & 排名" });
    expect(fitScale(Array(45).fill(8), true)).toBe(38);
    expect(p).toMatchObject({ landscape: true, pagesWide: 0, scale: 82, titleColumns: [1, 4], header: "&C汇总 && 排名", footer: "&C第 &P 页 共 &N 页" });
  });

  it("repeats no key columns that would take most of the page, nor any when there are none", () => {
    const wide = printLayout({ widths: [60, 60, ...Array(40).fill(8)], headers: ["姓名", "单位", ...Array(40).fill("分")] });
    expect(wide.pagesWide).toBe(0);
    expect(wide.titleColumns).toBeUndefined();
    expect(printLayout({ widths: Array(45).fill(8), headers: Array(45).fill("分") }).titleColumns).toBeUndefined();
    expect(titleHeader("")).toBe("");
  });

  it("shows numbers as their format does, so their columns fit them", () => {
    expect(formattedText(1740857.29, "money")).toBe("1,740,857.29");
    expect(formattedText(0.1234, "percent")).toBe("12.3%");
    expect(formattedText(3, "fraction")).toBe("3.000");
    expect(formattedText({ formula: "SUM(A1:A2)", result: 1234567 }, "money")).toBe("1,234,567.00");
    expect(formattedText("文字", "money")).toBe("文字");
    // "1,740,857.29" is 12 wide, + 3 for a bold total: 15, wider than the plan's 12.
    const l = layoutReport({ name: "发放", title: "发放", columns: [{ header: "姓名" }, { header: "应发", format: "money", width: 12 }], rows: [["合计", 1740857.29]] });
    expect(l.columnWidths[1]).toBe(15);
  });
});

describe("the page header's title", () => {
  it("doubles &, drops what a page header cannot hold, and fits Excel's 255 characters", () => {
    expect(titleHeader("城关镇 & 东山乡汇总")).toBe("&C城关镇 && 东山乡汇总");
    // U+0001, U+FFFE and a lone surrogate are dropped; a line break becomes a space.
    expect(titleHeader("考核\u0001汇总\uFFFE表\uD800\n二")).toBe("&C考核汇总表 二");
    expect(titleHeader("\u0002")).toBe("");
    // 300 characters: "&C" + 252 characters + "…" = 255.
    const long = titleHeader("考".repeat(300));
    expect(long.length).toBe(255);
    expect(long.endsWith("考…")).toBe(true);
  });
});
