// Which result cells held formulas before a host wrote values, and how the summary and 审计 say it.
import { describe, expect, it } from "vitest";
import { OWNED_SHEETS_KEY, type Plan } from "../../src/workbook/plan";
import { noteReplacedFormulas, replacedFormulas } from "../../src/workbook/replaced-formulas";

function plan(): Plan {
  return {
    results: [
      {
        sheet: "星级",
        headerRow: 3,
        columns: [
          { header: "星数", col: 14 },
          { header: "最终星数", col: 16 },
          { header: "说明", col: 17 },
        ],
        rows: [4, 5, 6].map((row) => ({ row, cells: [5, 5, ""] })),
      },
    ],
    reports: [{ name: "审计", title: "审计", columns: [], rows: [["考核", "x", ""], [OWNED_SHEETS_KEY, "审计", ""], ["", "", ""], ["人工调整", "", ""]], strongRows: [3] }],
    replaceable: [],
    summary: { kind: "member", title: "x", rows: 3, zh: [], en: [] },
  };
}

describe("result cells that held formulas", () => {
  // 星数 (N) holds a formula in every row, 最终星数 (P) one spilled formula in its first row, 说明 none.
  const formulaAt = (sheet: string, row: number, col: number) => sheet === "星级" && (col === 14 || (col === 16 && row === 4));

  it("are found per column, with their rows; a column without formulas is not listed", () => {
    expect(replacedFormulas(plan(), formulaAt)).toEqual([
      { sheet: "星级", header: "星数", col: 14, rows: [4, 5, 6] },
      { sheet: "星级", header: "最终星数", col: 16, rows: [4] },
    ]);
  });

  it("are said in the summary and in a 审计 row after the run's facts, the bold rows below moving down by one", () => {
    const p = plan();
    noteReplacedFormulas(p, replacedFormulas(p, formulaAt));
    const list = "“星数”（N4:N6，3 个公式）、“最终星数”（P4，1 个公式）";
    expect(p.summary.zh[0]).toContain(list);
    expect(p.summary.en[0]).toContain("星数 (N4:N6, 3 formulas), 最终星数 (P4, 1 formula)");
    const audit = p.reports[0];
    expect(audit.rows[2]).toEqual(["公式改为数值", list, "结果列原有公式，结果文件中写入计算值，不再随数据更新"]);
    expect(audit.rows[4][0]).toBe("人工调整");
    expect(audit.strongRows).toEqual([4]);
  });

  it("none found: the plan is left as it was", () => {
    const p = plan();
    noteReplacedFormulas(p, replacedFormulas(p, () => false));
    expect(p).toEqual(plan());
  });
});
