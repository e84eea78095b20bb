// The secretaries' half-year test read item by item from its own table (a sheet, or the town's workbook), never typed as one number.
import { describe, expect, it } from "vitest";
import type { Scheme } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import type { PlanCell } from "../../src/workbook/plan";
import { runAssessment, type RunResult } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");

/** Three items (40, 30, 30), no deductions, no bonus cap in play; half year .4, year .6; results .7, ballot .3. */
function scheme(missing: "reweight" | "problem" = "reweight"): Scheme {
  const s = defaultScheme("secretary", 2025);
  return { ...s, items: [{ name: "甲项", max: 40 }, { name: "乙项", max: 30 }, { name: "丙项", max: 30 }], deductions: [], missing: { ...s.missing, periods: missing } };
}

const HEADER = ["乡镇", "村", "姓名", "编号", "甲项", "乙项", "丙项", "加分", "半年考核", "民主测评"];
const annual = (rows: CellValue[][]): SheetData => ({ name: "村书记考核", rows: [["2025年度村党组织书记考核表"], HEADER, ...rows] });
const halfYear = (rows: CellValue[][], name = "半年考核", title = "2025年上半年村党组织书记考核"): SheetData => ({ name, rows: [[title], HEADER.slice(0, 8), ...rows] });

const ANNUAL: CellValue[][] = [
  ["城关镇", "东关村", "王一", "S1", 30, 20, 25, null, null, 90], // row 3: annual 75
  ["城关镇", "西关村", "李二", "S2", 35, 25, 20, null, null, 80], // row 4: annual 80; no half-year test
  ["河西乡", "南村", "张三", "S3", 30, 30, 30, null, 60, 70], // row 5: annual 90; 半年考核 typed 60
];
const HALF: CellValue[][] = [
  ["城关镇", "东关村", "王一", "s1", 40, 10, 20, null], // half 70
  ["河西乡", "南村", "张三", "", 30, 20, 20, null], // half 70, matched by name in 河西乡南村
];

function results(r: RunResult, header: string): PlanCell[] {
  const block = r.plan!.results[0];
  const at = block.columns.findIndex((c) => c.header === header);
  return block.rows.map((x) => x.cells[at]);
}

describe("the secretaries' half-year test item by item", () => {
  it("combines each item of the half-year sheet with the annual test by the period weights", () => {
    const r = runAssessment({ sheets: [annual(ANNUAL), halfYear(HALF)] }, { scheme: scheme(), sheet: "村书记考核", now });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    // 王一 .4 × 70 + .6 × 75 = 73; 李二 no half year, reweighted: 80; 张三 .4 × 70 + .6 × 90 = 82 (not the typed 60)
    expect(results(r, "年度得分")).toEqual([75, 80, 90]);
    expect(results(r, "量化得分")).toEqual([73, 80, 82]);
    // 综合得分 .7 × 73 + .3 × 90 = 78.1; .7 × 80 + .3 × 80 = 80; .7 × 82 + .3 × 70 = 78.4
    expect(results(r, "综合得分")).toEqual([78.1, 80, 78.4]);
    const notes = results(r, "说明");
    expect(notes[1]).toContain("无半年考核，按年度考核计算");
    expect(notes[2]).toContain("本表半年考核填 60，按半年考核表逐项计算为 70，已按后者");
    expect(r.plan!.summary.zh).toContain("提示：半年考核逐项取自“半年考核”表：2 人；1 人没有半年考核，按年度考核计算（见各行说明）");
    // The half-year results computed are written into the table's own 半年考核 column (I); 李二 has none.
    const written = r.plan!.results.find((b) => b.columns[0]?.header === "半年考核")!;
    expect(written.columns[0].col).toBe(9);
    expect(written.rows).toEqual([
      { row: 3, cells: [70] },
      { row: 5, cells: [70] },
    ]);
  });

  it("gives the same year when half-year points move from one item to another", () => {
    const moved = [["城关镇", "东关村", "王一", "s1", 20, 30, 20, null], HALF[1]];
    const r = runAssessment({ sheets: [annual(ANNUAL), halfYear(moved)] }, { scheme: scheme(), sheet: "村书记考核", now });
    expect(results(r, "量化得分")).toEqual([73, 80, 82]);
  });

  it("takes the town's half-year workbook passed along, titled 上半年", () => {
    const town = { name: "城关镇半年考核.xlsx", workbook: { sheets: [halfYear(HALF, "村书记考核")] } };
    const r = runAssessment({ sheets: [annual(ANNUAL)] }, { scheme: scheme(), now, with: [town] });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    expect(results(r, "量化得分")).toEqual([73, 80, 82]);
    expect(r.linkedUsed).toEqual(["城关镇半年考核.xlsx"]);
  });

  it("makes a secretary without a half-year test a problem where the scheme says so, and a blank half-year item always", () => {
    const r = runAssessment({ sheets: [annual(ANNUAL), halfYear(HALF)] }, { scheme: scheme("problem"), sheet: "村书记考核", now });
    expect(r.status).toBe("problems");
    expect(r.problems).toEqual([expect.objectContaining({ sheet: "村书记考核", row: 4, col: 3 })]);
    expect(r.problems[0].zh).toContain("“半年考核”表中没有此人的半年考核");
    const blank = runAssessment({ sheets: [annual(ANNUAL), halfYear([["城关镇", "东关村", "王一", "s1", 40, null, 20, null], HALF[1]])] }, { scheme: scheme(), sheet: "村书记考核", now });
    expect(blank.status).toBe("problems");
    expect(blank.problems.some((p) => p.sheet === "半年考核" && p.row === 3 && p.zh.includes("“乙项”为空"))).toBe(true);
  });

  it("without a half-year table, reads the typed 半年考核 as before", () => {
    const r = runAssessment({ sheets: [annual(ANNUAL)] }, { scheme: scheme(), now });
    // 张三 .4 × 60 + .6 × 90 = 78; the others have no half year: reweighted to the annual.
    expect(results(r, "量化得分")).toEqual([75, 80, 78]);
  });
});

describe("each township's own half-year workbook (kaohe run … --with 城关镇.xlsx --with 河西乡.xlsx)", () => {
  const town = (name: string, rows: CellValue[][]) => ({ name, workbook: { sheets: [halfYear(rows, "Sheet1")] } });

  it("takes every secretary from his township's workbook, not only the first workbook's", () => {
    const r = runAssessment({ sheets: [annual(ANNUAL)] }, { scheme: scheme(), now, with: [town("城关镇半年考核.xlsx", [HALF[0]]), town("河西乡半年考核.xlsx", [HALF[1]])] });
    expect(r.status, JSON.stringify(r.problems)).toBe("ok");
    // 王一 from 城关镇's: .4 × 70 + .6 × 75 = 73; 李二 in neither: 80; 张三 from 河西乡's: .4 × 70 + .6 × 90 = 82.
    expect(results(r, "量化得分")).toEqual([73, 80, 82]);
    expect(r.linkedUsed?.sort()).toEqual(["城关镇半年考核.xlsx", "河西乡半年考核.xlsx"]);
    expect(r.plan!.summary.zh).toContain("提示：半年考核逐项取自“城关镇半年考核.xlsx”的“Sheet1”表、“河西乡半年考核.xlsx”的“Sheet1”表：2 人；1 人没有半年考核，按年度考核计算（见各行说明）");
    expect(r.plan!.summary.zh).toContain("提示：半年考核：第4行 城关镇西关村李二：在“城关镇半年考核.xlsx”的“Sheet1”表、“河西乡半年考核.xlsx”的“Sheet1”表中都找不到此人。请补上此人，或核对姓名、单位、编号");
  });

  it("takes nothing for a secretary two workbooks both hold, and says where", () => {
    const r = runAssessment({ sheets: [annual(ANNUAL)] }, { scheme: scheme(), now, with: [town("城关镇半年考核.xlsx", [HALF[0]]), town("城关镇补报.xlsx", [HALF[0], HALF[1]])] });
    expect(r.status).toBe("problems");
    expect(r.problems.map((p) => [p.row, p.zh])).toEqual([[3, "第3行 城关镇东关村王一：“城关镇半年考核.xlsx”的“Sheet1”表第3行和“城关镇补报.xlsx”的“Sheet1”表第3行都是此人，无法确定以哪一张为准，未取数。请删去多余的一行"]]);
  });

  it("names a blank item with the workbook it is in", () => {
    const r = runAssessment({ sheets: [annual(ANNUAL)] }, { scheme: scheme(), now, with: [town("城关镇半年考核.xlsx", [HALF[0]]), town("河西乡半年考核.xlsx", [["河西乡", "南村", "张三", "", 30, null, 20, null]])] });
    expect(r.problems.map((p) => [p.sheet, p.row, p.header])).toEqual([["河西乡半年考核.xlsx：Sheet1", 3, "乙项"]]);
    expect(r.problems[0].zh).toContain("“河西乡半年考核.xlsx”的“Sheet1”表第3行 张三：“乙项”为空");
  });
});
