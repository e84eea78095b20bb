// kaohe merge carries each return's member period sheets (第一季度 … 第四季度), so the county's 星级进展 has every township's periods.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { mergeReturns } from "../../src/workbook/merge";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");
const header = ["乡镇", "支部", "姓名", "党员类别", "思想政治", "遵纪守法", "文明风尚", "联系服务", "岗位责任"];
// Stars per aspect: ≥ 90 two, ≥ 75 one (the default thresholds).
const eight: CellValue[] = [95, 95, 95, 95, 60]; // 2+2+2+2+0
const six: CellValue[] = [95, 80, 80, 80, 80]; // 2+1+1+1+1
const five: CellValue[] = [80, 80, 80, 80, 80];
const none: CellValue[] = [60, 60, 60, 60, 60];
const sheet = (name: string, rows: CellValue[][]): SheetData => ({ name, rows: [header, ...rows] });
const member = (town: string, name: string, aspects: CellValue[]): CellValue[] => [town, "一村支部", name, "在村务农党员", ...aspects];

describe("merging the members' returns with their period sheets", () => {
  const scheme = defaultScheme("member", 2025);
  // 城关镇 kept 第一季度 and 半年预评; 河口镇 only 第一季度, on a sheet named with a stray space.
  const sources = [
    { name: "城关镇.xlsx", data: { sheets: [sheet("党员星级", [member("城关镇", "张", eight)]), sheet("第一季度", [member("城关镇", "张", five)]), sheet("半年预评", [member("城关镇", "张", six)])] } },
    { name: "河口镇.xlsx", data: { sheets: [sheet("党员星级", [member("河口镇", "王", six)]), sheet("第一季度 ", [member("河口镇", "王", none)])] } },
  ];
  const merged = mergeReturns(sources, scheme);

  it("holds each period every return kept, under its name, and no period none kept", () => {
    const names = merged.workbook.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["第一季度", "半年预评"]));
    expect(names).not.toContain("第二季度");
    expect(merged.workbook.sheets.find((s) => s.name === "第一季度")!.rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ["城关镇", "张"],
      ["河口镇", "王"],
    ]);
  });

  it("the county's 星级进展: 张 5 → 6 → 8, 王 0 → (no 半年预评) → 6", () => {
    const r = runAssessment(merged.workbook, { scheme, now });
    expect(r.status, JSON.stringify(r.problems.slice(0, 2))).toBe("ok");
    const progress = r.plan!.reports.find((x) => x.name === "星级进展")!;
    expect(progress.columns.map((c) => c.header)).toEqual(["乡镇", "支部", "姓名", "第一季度", "半年预评", "年终"]);
    expect(progress.rows).toEqual([
      ["城关镇", "一村支部", "张", 5, 6, 8],
      ["河口镇", "一村支部", "王", 0, "", 6],
    ]);
  });
});
