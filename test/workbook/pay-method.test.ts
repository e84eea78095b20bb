// The pay.method setting: its three values in JSON and in the 考核方案 sheet, and a wrong one named with the choices.
import { describe, expect, it } from "vitest";
import { schemeSources } from "../../src/core/scheme";
import { defaultScheme, validateScheme } from "../../src/kinds/registry";
import { schemeFromSheet, schemeSheet } from "../../src/workbook/scheme-sheet";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

/** The scheme as its 考核方案 sheet, with pay.method's 设置值 typed as `value`. */
function sheetWith(value: CellValue): SheetData {
  const s = schemeSheet(defaultScheme("cadre", 2025));
  return { name: "考核方案", rows: [[s.title], s.columns.map((c) => c.header), ...s.rows.map((r) => (r[0] === "pay.method" ? [r[0], r[1], value, r[3]] : r) as CellValue[])] };
}

describe("pay.method", () => {
  it("defaults to coefficient, the documented pool-by-coefficient rule, and its source says an earlier coefficient meant base × coefficient", () => {
    expect(defaultScheme("cadre", 2025).pay.method).toBe("coefficient");
    expect(schemeSources["pay.method"].zh).toContain("绩效工资池×本人系数÷本乡镇系数之和");
    expect(schemeSources["pay.method"].zh).toContain("此前版本保存的方案");
    expect(schemeSources["pay.method"].en).toContain("baseCoefficient");
  });

  it("takes coefficient, baseCoefficient and score, and names the three when given another", () => {
    for (const method of ["coefficient", "baseCoefficient", "score"]) {
      const s = { ...defaultScheme("cadre", 2025), pay: { ...defaultScheme("cadre", 2025).pay, method } };
      expect(validateScheme(s).problems).toEqual([]);
    }
    const bad = validateScheme({ ...defaultScheme("cadre", 2025), pay: { ...defaultScheme("cadre", 2025).pay, method: "base" } });
    expect(bad.problems.map((p) => p.path)).toEqual(["pay.method"]);
    expect(bad.problems[0].zh).toContain("coefficient、baseCoefficient、score");
  });

  it("reads 按绩效基数×系数分配 in the 考核方案 sheet as baseCoefficient, and writes it back in those words", () => {
    const back = schemeFromSheet(sheetWith("按绩效基数×系数分配"));
    expect(back.problems).toEqual([]);
    expect(back.scheme!.pay.method).toBe("baseCoefficient");
    expect(schemeSheet(back.scheme!).rows.find((r) => r[0] === "pay.method")?.[2]).toBe("按绩效基数×系数分配");
    expect(schemeFromSheet(sheetWith("按等次系数×岗位系数")).scheme!.pay.method).toBe("coefficient");
  });
});
