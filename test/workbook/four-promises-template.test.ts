import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { fourPromiseFields } from "../../src/kinds/secretary/four-promises-sheet";
import { fourPromiseSheet } from "../../src/kinds/secretary/four-promises-template";
import { findTable } from "../../src/workbook/table";

describe("the 四诺承诺践诺台账 template sheet", () => {
  const sheet = fourPromiseSheet(defaultScheme("secretary", 2025));

  it("has the register's columns in order, every one an input", () => {
    expect(sheet.builder.columns.map((c) => [c.header, c.role])).toEqual(fourPromiseFields.map((f) => [f.header, "input"]));
  });

  it("is found by the reader: its header row gives every field, nothing missing", () => {
    const rows = [["2025年度四诺承诺践诺台账"], ["说明"], sheet.builder.columns.map((c) => c.header)];
    const t = findTable({ name: "四诺承诺践诺台账", rows }, fourPromiseFields)!;
    expect(t.missing).toEqual([]);
    expect(t.headerRow).toBe(sheet.headerRow - 1);
  });
});
