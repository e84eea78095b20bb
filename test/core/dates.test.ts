import { describe, expect, it } from "vitest";
import { RuleError } from "../../src/core/errors";
import { EXCEL_MAX_SERIAL, daysAfter, excelSerial, parseDateText, toExcelDate } from "../../src/core/dates";

describe("excelSerial", () => {
  it("matches Excel's 1900 date system, phantom 1900-02-29 included", () => {
    expect(excelSerial(1900, 1, 1)).toBe(1);
    expect(excelSerial(1900, 2, 28)).toBe(59);
    expect(excelSerial(1900, 2, 29)).toBe(60);
    expect(excelSerial(1900, 3, 1)).toBe(61);
    expect(excelSerial(2025, 1, 1)).toBe(45658);
    expect(excelSerial(2025, 3, 5)).toBe(45721);
    expect(excelSerial(2024, 2, 29)).toBe(45351);
    expect(excelSerial(9999, 12, 31)).toBe(EXCEL_MAX_SERIAL);
  });
  it("refuses dates that do not exist or that Excel cannot hold", () => {
    expect(excelSerial(2025, 2, 29)).toBeUndefined();
    expect(excelSerial(2025, 13, 1)).toBeUndefined();
    expect(excelSerial(2025, 4, 31)).toBeUndefined();
    expect(excelSerial(1899, 12, 31)).toBeUndefined();
    expect(excelSerial(10000, 1, 1)).toBeUndefined();
    expect(excelSerial(2025, 1.5, 1)).toBeUndefined();
  });
});

describe("parseDateText", () => {
  it("reads the ways dates are typed in Chinese workbooks", () => {
    for (const text of ["2025-3-5", "2025/03/05", "2025.3.5", "2025年3月5日", "2025 年 3 月 5 日", "2025年3月5", " 2025-03-05 "])
      expect(parseDateText(text), text).toBe(45721);
  });
  it("returns undefined for anything else", () => {
    for (const text of ["3/5/2025", "2025-3", "昨天", "", "2025-02-30", "25-3-5"]) expect(parseDateText(text), text).toBeUndefined();
  });
});

describe("toExcelDate", () => {
  it("passes serials through, time of day included", () => {
    expect(toExcelDate(45721)).toBe(45721);
    expect(toExcelDate(45721.5)).toBe(45721.5);
    expect(toExcelDate(0)).toBe(0);
  });
  it("is #VALUE! naming the argument for anything not a date", () => {
    for (const bad of [-1, NaN, Infinity, EXCEL_MAX_SERIAL + 1, "下周"]) {
      let error: unknown;
      try {
        toExcelDate(bad, { arg: "due" });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RuleError);
      expect(error).toMatchObject({ code: "#VALUE!", key: "notDate", params: { arg: "due" } });
    }
  });
});

describe("daysAfter", () => {
  it("counts whole calendar days, never negative", () => {
    expect(daysAfter(45721, 45724)).toBe(3);
    expect(daysAfter(45721.9, 45722.1)).toBe(1);
    expect(daysAfter(45724, 45721)).toBe(0);
  });
});
