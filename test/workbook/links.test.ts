import { describe, expect, it } from "vitest";
import { runAssessment, type RunResult } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";
import type { PlanCell } from "../../src/workbook/plan";

const now = new Date("2025-12-31T08:00:00Z");

function cadreSheet(rows: CellValue[][]): SheetData {
  return { name: "干部考核", rows: [["2025年度乡镇干部绩效考核表"], [], ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"], ...rows] };
}

/** Rater groups' scores; with the default weights .2 .4 .2 .2. */
function appraisalSheet(rows: CellValue[][]): SheetData {
  return { name: "民主测评", rows: [["单位", "姓名", "编号", "自评", "互评", "群众评议", "支部评定"], ...rows] };
}

/** A result of the table's own block, by header and sheet row. */
function result(r: RunResult, header: string, row: number): PlanCell | undefined {
  const block = r.plan!.results[0];
  const at = block.columns.findIndex((c) => c.header === header);
  return block.rows.find((x) => x.row === row)?.cells[at];
}

const cadres: CellValue[][] = [
  ["城关镇", "张三", "a1", "科员", 95, null, 5000, ""], // row 4: 年终考评 blank, the appraisal gives it
  ["城关镇", "李四", "A2", "科员", 90, 80, 4000, ""], // row 5: typed 80, the appraisal says 75
  ["东山乡", "周八", "B1", "科员", 60, 50, 3000, ""], // row 6: only a namesake of 城关镇 was appraised
];
const appraisals: CellValue[][] = [
  ["城关镇", "张三", "Ａ1", 80, 90, 70, 100], // composite .2×80 + .4×90 + .2×70 + .2×100 = 86
  ["城关镇", "李四", "A2", 75, 75, 75, 75], // 75
  ["城关镇", "周八", "", 90, 90, 90, 90], // another 周八: not the one of 东山乡
];

describe("a cadre table's 年终考评 linked to the appraisal", () => {
  it("takes the appraisal's composite from a sheet of the same workbook, and lists every person", () => {
    const r = runAssessment({ sheets: [cadreSheet(cadres), appraisalSheet(appraisals)] }, { kind: "cadre", sheet: "干部考核", now });
    expect(r.status).toBe("ok");
    // 张三: .8 × 95 + .2 × 86 = 93.2; 李四: .8 × 90 + .2 × 75 = 87 (not 88 from the typed 80); 周八 keeps his typed 50: .8 × 60 + .2 × 50 = 58
    expect([result(r, "综合得分", 4), result(r, "综合得分", 5), result(r, "综合得分", 6)]).toEqual([93.2, 87, 58]);
    // The values counted are written into the table's own 年终考评 column (F).
    const linked = r.plan!.results.find((b) => b.columns[0]?.header === "年终考评")!;
    expect(linked.columns[0].col).toBe(6);
    expect(linked.rows).toEqual([
      { row: 4, cells: [86] },
      { row: 5, cells: [75] },
    ]);
    const report = r.plan!.reports.find((x) => x.name === "关联核对")!;
    const byRow = (row: number) => report.rows.filter((x) => x[1] === row);
    expect(byRow(4)[0].slice(0, 4)).toEqual(["年终考评", 4, "张三", 86]);
    expect(byRow(4)[0][5]).toBe("取自“民主测评”表第2行");
    expect(byRow(5)[0][5]).toBe("本表填 80，与“民主测评”表第3行的综合得分 75 不同，已按后者计算；请改正本表");
    expect(byRow(6)[0][5]).toContain("同名的城关镇周八（第4行）是另一单位的人，未采用");
    // The appraisal's 周八 of 城关镇 is nobody of this table.
    expect(report.rows.filter((x) => x[1] === "").map((x) => x[5])).toEqual(["“民主测评”表第4行 城关镇周八：本表中没有此人，其结果未被采用。请核对本表是否漏填此人"]);
    expect(r.plan!.summary.zh.some((l) => l.includes("“年终考评”取自“民主测评”表的综合得分：2 人，1 人未取到，1 人与本表所填不同"))).toBe(true);
  });

  it("takes it from another workbook (--with), naming the file", () => {
    const other = { name: "民主测评.xlsx", workbook: { sheets: [appraisalSheet(appraisals)] } };
    const r = runAssessment({ sheets: [cadreSheet(cadres)] }, { kind: "cadre", now, with: [other] });
    expect(r.status).toBe("ok");
    expect(result(r, "综合得分", 4)).toBe(93.2);
    expect(r.linkedUsed).toEqual(["民主测评.xlsx"]);
    const report = r.plan!.reports.find((x) => x.name === "关联核对")!;
    expect(report.rows.find((x) => x[1] === 4)![5]).toBe("取自“民主测评.xlsx”的“民主测评”表第2行");
  });

  it("without an appraisal anywhere, computes from the typed column as before", () => {
    const r = runAssessment({ sheets: [cadreSheet(cadres.slice(1))] }, { kind: "cadre", now });
    expect(r.status).toBe("ok");
    // 李四: .8 × 90 + .2 × 80 = 88
    expect(result(r, "综合得分", 4)).toBe(88);
    expect(r.plan!.reports.some((x) => x.name === "关联核对")).toBe(false);
  });

  it("leaves a blank the appraisal cannot fill to the kind's own rule: a cadre's missing 年终考评 is a problem with its row", () => {
    const r = runAssessment({ sheets: [cadreSheet([["东山乡", "周八", "B1", "科员", 60, null, 3000, ""]]), appraisalSheet(appraisals)] }, { kind: "cadre", sheet: "干部考核", now });
    expect(r.status).toBe("problems");
    expect(r.problems.some((p) => p.row === 4 && p.sheet === "干部考核")).toBe(true);
  });
});
