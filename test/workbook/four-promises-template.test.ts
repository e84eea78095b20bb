import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { FOUR_PROMISES_SHEET, fourPromiseFields } from "../../src/kinds/secretary/four-promises-sheet";
import { templateSpec } from "../../src/workbook/template-spec";
import { findTable } from "../../src/workbook/table";

describe("the 四诺承诺践诺台账 template sheet", () => {
  const sheet = templateSpec("secretary", { scheme: defaultScheme("secretary", 2025) }).extra!.find((x) => x.name === FOUR_PROMISES_SHEET)!;

  it("has the register's columns in order as inputs, then 本条得分, the one result (its formula per row)", () => {
    expect(sheet.columns.map((c) => [c.header, c.role])).toEqual([...fourPromiseFields.map((f) => [f.header, "input"]), ["本条得分", "result"]]);
    expect(sheet.formulas.map((f) => [f.header, f.fill])).toEqual([["本条得分", "row"]]);
  });

  it("is found by the reader: its header row gives every field, nothing missing", () => {
    const rows = [["2025年度四诺承诺践诺台账"], ["说明"], sheet.columns.map((c) => c.header)];
    const t = findTable({ name: "四诺承诺践诺台账", rows }, fourPromiseFields)!;
    expect(t.missing).toEqual([]);
    expect(t.headerRow).toBe(sheet.headerRow - 1);
  });
});
