// Rows the template's formulas compute and the pipeline refuses: a blank aspect a member is rated on, a blank 年终考评 under the cadres' default scheme.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import { dataSheet } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";
import { fillTemplate } from "./harness";
import { ordered, type Row } from "./random-tables";

/** The template's value in the first data row's column `header`, and the pipeline's outcome, for the same rows. */
function bothSides(kind: "member" | "cadre", rows: Row[], header: string) {
  const scheme = defaultScheme(kind, 2025);
  const spec = templateSpec(kind, { scheme, year: 2025 });
  const sheet = dataSheet(spec);
  const filled = fillTemplate(spec, { rows: ordered(spec, rows) });
  const col = sheet.columns.find((c) => c.header === header)!.col;
  const result = runAssessment(filled.workbook, { scheme });
  return { first: sheet.firstDataRow, formula: filled.value(sheet.firstDataRow, col), result, colOf: (h: string) => sheet.columns.find((c) => c.header === h)!.col };
}

describe("known differences: the formula computes a row the pipeline refuses", () => {
  it("member: a blank 遵纪守法 for 在村务农党员 is #N/A to KAOHE.STARS (it was 5 stars, 2+0+1+0+2, before issue 10) and a problem of that cell to the pipeline", () => {
    const rows: Row[] = [
      { township: "东镇", branch: "甲村党支部", name: "张三", id: "D1", category: "在村务农党员", aspect1: 95, aspect2: null, aspect3: 80, aspect4: 74, aspect5: 90, tiebreak: 90 },
      { township: "东镇", branch: "甲村党支部", name: "李四", id: "D2", category: "在村务农党员", aspect1: 90, aspect2: 90, aspect3: 90, aspect4: 90, aspect5: 90, tiebreak: 95 },
    ];
    const { first, formula, result, colOf } = bothSides("member", rows, "星数");
    expect(formula).toBe("#N/A");
    expect(result.status).toBe("problems");
    expect(result.problems.map((p) => [p.row, p.col])).toEqual([[first, colOf("遵纪守法")]]);
    expect(result.problems[0].zh).toContain("缺少“遵纪守法”得分");
    // The quota reads every member's stars, so 最终星数 shows the error too until the score is typed, as the 填表说明 says.
    expect(String(bothSides("member", rows, "最终星数").formula)).toMatch(/^#(N\/A|VALUE!)$/);
  });

  it("cadre: a blank 年终考评 leaves 综合得分 = 任务得分 in the formula (86 reweighted alone), a problem under the default missing.parts = problem", () => {
    const rows: Row[] = [
      { township: "东镇", name: "王五", id: "G1", post: "科员", taskScore: 86, yearEnd: null, pay: 5000 },
      { township: "东镇", name: "赵六", id: "G2", post: "科员", taskScore: 90, yearEnd: 80, pay: 5000 },
    ];
    const { first, formula, result, colOf } = bothSides("cadre", rows, "综合得分");
    expect(formula).toBe(86);
    expect(result.status).toBe("problems");
    expect(result.problems.map((p) => [p.row, p.col])).toEqual([[first, colOf("年终考评")]]);
    expect(result.problems[0].zh).toContain("缺少年终考评得分");
  });
});
