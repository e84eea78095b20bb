import { describe, expect, it } from "vitest";
import { cellFormat, cellInput, charsToPoints, elementBytes, needsQuote, parseAreas, textInput, utf8Length } from "../../src/excel/cells";
import { splitChunks } from "../../src/excel/chunks";
import { frozenCell } from "../../src/excel/freeze";
import { rowsFromA1 } from "../../src/excel/read";
import { errorStyle, footerParts, formulaRuns, validationRule } from "../../src/excel/templates";

describe("text that Excel would read as something else is quoted", () => {
  it.each(["=SUM(A1)", "+8613800000000", "-abc", "@x", "'quoted", "007", "20%", "1/3", "2025-01-02", "TRUE", "false", "#N/A", "８５", " 12", "(5)", "Jan 5", "$3", "¥3"])("%s", (s) => {
    expect(needsQuote(s)).toBe(true);
    expect(textInput(s)).toBe(`'${s}`);
  });
  it.each(["张三", "城关镇", "A1", "称职", "超出优秀比例，按称职", "", "   ", "True love", "January", "是"])("%s stays as it is", (s) => {
    expect(needsQuote(s)).toBe(false);
    expect(textInput(s)).toBe(s);
  });
});

describe("plan cells as range.values takes them", () => {
  it("clears for null and non-finite numbers, keeps numbers and logicals, writes formulas with =", () => {
    expect(cellInput(null)).toBe("");
    expect(cellInput(Number.NaN)).toBe("");
    expect(cellInput(Infinity)).toBe("");
    expect(cellInput(85.5)).toBe(85.5);
    expect(cellInput(false)).toBe(false);
    expect(cellInput({ formula: "SUM(A1:A3)", result: 6 })).toBe("=SUM(A1:A3)");
    expect(cellInput({ formula: "=A1", result: null })).toBe("=A1");
  });
  it("gives formula-like text the Text format, as the command line does, and every other cell its column's", () => {
    expect(cellFormat("=x", "0.00")).toBe("@");
    expect(cellFormat("-", undefined)).toBe("@");
    expect(cellFormat("007", undefined)).toBeNull();
    expect(cellFormat(85, "0.00")).toBe("0.00");
    expect(cellFormat(null, undefined)).toBeNull();
  });
});

describe("sizes, widths and addresses", () => {
  it("counts UTF-8 bytes: Chinese takes three, astral characters four", () => {
    expect(utf8Length("ab")).toBe(2);
    expect(utf8Length("张三")).toBe(6);
    expect(utf8Length("𠀀")).toBe(4);
    expect(elementBytes("张三")).toBe(9);
    expect(elementBytes(null)).toBe(5);
    expect(elementBytes(12.5)).toBe(5);
  });
  it("turns a width in characters into points", () => {
    expect(charsToPoints(10)).toBe(56.25);
  });
  it("parses a RangeAreas address, quoted sheet names included", () => {
    expect(parseAreas("干部考核!A2:A4, 干部考核!B7")).toEqual([
      { top: 1, left: 0, bottom: 3, right: 0 },
      { top: 6, left: 1, bottom: 6, right: 1 },
    ]);
    expect(parseAreas("'My, ''odd''! sheet'!$A$1:$C$1,'My, ''odd''! sheet'!D5:E6")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 4, left: 3, bottom: 5, right: 4 },
    ]);
    expect(parseAreas("A1:B2, C3")).toHaveLength(2);
  });
  it("lays rows out from A1, dropping trailing blanks as the command line's reader does", () => {
    expect(rowsFromA1({ row: 1, col: 2, rows: 3, cols: 2 }, [["x", ""], ["", ""], [1, "y"]])).toEqual([[], [null, null, "x"], [], [null, null, 1, "y"]]);
  });
});

describe("chunks", () => {
  it("splits by rows and by bytes, never leaving an item out", () => {
    expect(splitChunks([1, 1, 1, 1, 1], { rows: 2, bytes: 100 })).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
    expect(splitChunks([40, 40, 40, 200, 10], { rows: 100, bytes: 100 })).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(splitChunks([], { rows: 2, bytes: 100 })).toEqual([]);
  });
});

describe("template pieces", () => {
  it("splits a footer into its parts", () => {
    expect(footerParts("&L制表人：&C第 &P 页，共 &N 页&R审核人：")).toEqual({ left: "制表人：", center: "第 &P 页，共 &N 页", right: "审核人：" });
    expect(footerParts("&C第 &P 页")).toEqual({ left: "", center: "第 &P 页", right: "" });
  });
  it("groups formula cells into column runs", () => {
    const cells = [5, 6, 7, 9].map((row) => ({ row, col: 3, address: `C${row}`, formula: `=A${row}` }));
    expect(formulaRuns(cells)).toEqual([
      { row: 5, col: 3, formulas: ["=A5", "=A6", "=A7"] },
      { row: 9, col: 3, formulas: ["=A9"] },
    ]);
  });
  it("turns validations into Office.js rules", () => {
    const common = { promptTitle: "t", prompt: "p", errorTitle: "e", error: "x" };
    expect(validationRule({ type: "list", values: ["是", "否"], strict: true, ...common })).toEqual({ list: { inCellDropDown: true, source: "是,否" } });
    expect(validationRule({ type: "decimal", min: 0, max: 10, ...common })).toEqual({ decimal: { formula1: 0, formula2: 10, operator: "Between" } });
    expect(validationRule({ type: "whole", min: 0, ...common })).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(errorStyle({ type: "list", values: ["a"], strict: false, ...common })).toBe("Warning");
    expect(errorStyle({ type: "whole", min: 0, ...common })).toBe("Stop");
  });
});

describe("frozen copies", () => {
  it("rewrites every value, text kept as text, and leaves empty cells alone", () => {
    expect(frozenCell(3)).toBe(3);
    expect(frozenCell("=x")).toBe("'=x");
    expect(frozenCell("")).toBeNull();
    expect(frozenCell(true)).toBe(true);
  });
});
