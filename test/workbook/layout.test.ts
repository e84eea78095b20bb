import { describe, expect, it } from "vitest";
import { cellNumberFormat, columnFormat, layoutReport } from "../../src/workbook/layout";
import { looks } from "../../src/workbook/look";
import type { ReportSheet } from "../../src/workbook/plan";

const report: ReportSheet = {
  name: "汇总",
  title: "汇总表",
  subtitle: "2025年度考核　2025-12-31",
  columns: [{ header: "姓名" }, { header: "得分", format: "score", width: 10 }, { header: "比例", format: "percent" }],
  rows: [
    ["张三", 90, 0.2],
    ["欧阳小明", 85.5, null],
    ["合计", 175.5, 0.123],
  ],
  strongRows: [0, 2],
  warnRows: [1, 2],
  notes: ["注一", "注二"],
  signatures: true,
  landscape: true,
  charts: [
    { kind: "column", title: "得分", firstRow: 0, lastRow: 1, categoryCol: 0, seriesCols: [1] },
    { kind: "pie", title: "比例", firstRow: 0, lastRow: 1, categoryCol: 0, seriesCols: [2, 1] },
  ],
};

describe("a report's layout", () => {
  it("puts each part on its row: title, subtitle, header, rows, a blank row, notes, a blank row, the signature line", () => {
    const l = layoutReport(report);
    // Counted by hand: 1 title, 2 subtitle, 3 header, 4–6 rows, 7 blank, 8–9 notes, 10 blank, 11 signatures.
    expect(l.width).toBe(3);
    expect(l.titleRow).toBe(1);
    expect(l.subtitleRow).toBe(2);
    expect(l.headerRow).toBe(3);
    expect(l.firstDataRow).toBe(4);
    expect(l.noteRows).toEqual([8, 9]);
    expect(l.signatureRow).toBe(11);
    expect(l.signature).toBe("制表人：　　　　审核人：　　　　日期：");
    expect(l.mergedRows).toEqual([1, 2]);
    expect(l.titleHeight).toBe(30);
    expect(l.freezeRows).toBe(3);
    // A blank row (12) under the signature line, then charts of 16 rows with one row between, at least 8 columns wide; a pie draws one series.
    expect(l.below).toBe(13);
    expect(l.charts).toEqual([
      { top: 13, bottom: 28, right: 8, seriesCols: [1] },
      { top: 30, bottom: 45, right: 8, seriesCols: [2] },
    ]);
  });

  it("fits the widths, gives the formats and looks, and sets up the page", () => {
    const l = layoutReport(report);
    // 姓名: "欧阳小明" is 8 wide, + 2 = 10. 得分: "175.50" is 6, + 3 = 9, under its own 10. 比例: "20.0%" as its format shows it is 5, + 3 = 8.
    expect(l.columnWidths).toEqual([10, 10, 8]);
    expect(l.numberFormats).toEqual([undefined, "0.00", "0.0%"]);
    expect(l.rowLooks).toEqual([
      { index: 0, look: "strong" },
      { index: 1, look: "warn" },
      { index: 2, look: "strongWarn" },
    ]);
    expect(l.looks).toEqual({ title: "title", subtitle: "subtitle", header: "header" });
    expect(looks.strongWarn).toEqual({ bold: true, fill: "#FFC7CE", color: "#9C0006" });
    expect(l.border).toBe("#808080");
    // 28 units are far narrower than the page: fitted to the width, which prints at 100%; the title in the page header.
    expect(l.print).toMatchObject({ paper: "A4", landscape: true, pagesWide: 1, pagesTall: 0, scale: 100, centered: true, titleRows: [3, 3], header: "&C汇总表", footer: "&C第 &P 页 共 &N 页" });
    expect(l.print.titleColumns).toBeUndefined();
  });

  it("without subtitle, notes or signatures: the header on row 2, nothing merged in a one-column report", () => {
    const l = layoutReport({ name: "审计", title: "审计", columns: [{ header: "项目" }], rows: [["a"], ["b"]] });
    expect([l.titleRow, l.subtitleRow, l.headerRow, l.firstDataRow]).toEqual([1, undefined, 2, 3]);
    expect(l.noteRows).toEqual([]);
    expect(l.signatureRow).toBeUndefined();
    expect(l.below).toBe(6);
    expect(l.mergedRows).toEqual([]);
    expect(l.print.landscape).toBe(false);
    expect(l.print.titleRows).toEqual([2, 2]);
  });

  it("hides a column kept for the program (the 考核方案 sheet's 键), and it takes no paper", () => {
    const keyed: ReportSheet = { ...report, charts: [], columns: [{ header: "键", hidden: true, width: 200 }, ...report.columns] };
    const l = layoutReport(keyed);
    expect(l.hiddenColumns).toEqual([1]);
    expect(layoutReport(report).hiddenColumns).toEqual([]);
    // 200 units shown would not fit one page wide at 82%; hidden, the other 28 units fit at 100%.
    expect(l.print).toMatchObject({ pagesWide: 1, scale: 100 });
  });

  it("a report without columns still spans one column", () => {
    expect(layoutReport({ name: "空", title: "空", columns: [], rows: [] }).width).toBe(1);
  });

  it("refuses a chart that reads outside its report, before anything is drawn", () => {
    const bad = { ...report, charts: [{ kind: "bar" as const, title: "越界", firstRow: 0, lastRow: 3, categoryCol: 0, seriesCols: [1] }] };
    expect(() => layoutReport(bad)).toThrow(/越界.*outside the report/);
    const noSeries = { ...report, charts: [{ kind: "bar" as const, title: "无系列", firstRow: 0, lastRow: 1, categoryCol: 0, seriesCols: [] }] };
    expect(() => layoutReport(noSeries)).toThrow(/无系列/);
  });
});

describe("a cell's number format", () => {
  it("is its column's, or Text for text Excel would take for a formula", () => {
    expect(columnFormat({ header: "得分", format: "money" })).toBe("#,##0.00");
    expect(columnFormat({ header: "姓名" })).toBeUndefined();
    expect(cellNumberFormat(85, "0.00")).toBe("0.00");
    expect(cellNumberFormat("张三", undefined)).toBeUndefined();
    for (const s of ["=SUM(A1)", "+86", "-张三", "@王五"]) expect(cellNumberFormat(s, "0.00")).toBe("@");
  });
});
