import { describe, expect, it } from "vitest";
import { CELL_TEXT_LIMIT, overlongCells, withinCellLimit } from "../../src/workbook/cell-limit";
import { OWNED_SHEETS_KEY, type Plan } from "../../src/workbook/plan";

describe("Excel's 32,767 characters a cell", () => {
  it("is the limit Microsoft states", () => {
    expect(CELL_TEXT_LIMIT).toBe(32_767);
  });

  it("finds input cells over the limit with their 1-based place, and lets a cell of exactly the limit pass", () => {
    const problems = overlongCells({
      sheets: [
        { name: "甲", rows: [["x".repeat(32_767)], [null, "y".repeat(32_768)]] },
        { name: "乙", rows: [[1, true, null]] },
      ],
    });
    expect(problems.map((p) => [p.sheet, p.row, p.col])).toEqual([["甲", 2, 2]]);
    expect(problems[0].zh).toContain("32,768 个字符");
  });

  it("cuts every text of a plan to the limit, ending in …, and notes it in 审计 and the summary", () => {
    const long = "考".repeat(40_000);
    const plan: Plan = {
      results: [{ sheet: "表", headerRow: 3, columns: [{ header: "得分", col: 9 }], rows: [{ row: 4, cells: [long] }] }],
      reports: [
        {
          name: "审计",
          title: long,
          subtitle: `${long}  2025-12-31`,
          columns: [{ header: "项目" }, { header: "内容" }],
          rows: [
            ["考核", long],
            [OWNED_SHEETS_KEY, "审计"],
            ["公式", { formula: "A1", result: long }],
          ],
          notes: [long],
        },
      ],
      replaceable: [],
      summary: { kind: "cadre", title: long, rows: 1, zh: [], en: [] },
    };
    withinCellLimit(plan);
    const audit = plan.reports[0];
    const texts = [plan.results[0].rows[0].cells[0], audit.title, audit.subtitle, audit.rows[0][1], (audit.rows[3][1] as { result: string }).result, audit.notes![0]];
    for (const t of texts) {
      expect(typeof t === "string" && t.length).toBe(32_767);
      expect((t as string).endsWith("…")).toBe(true);
    }
    expect(audit.rows[2][0]).toBe("截断的文字");
    expect(audit.rows[2][1]).toMatch(/^6 处文字超过/);
    expect(plan.summary.zh.at(-1)).toMatch(/^6 处文字超过/);
  });

  it("leaves a plan within the limit as it is", () => {
    const plan: Plan = { results: [], reports: [{ name: "汇总", title: "汇总", columns: [], rows: [["甲", 1]] }], replaceable: [], summary: { kind: "cadre", title: "t", rows: 0, zh: [], en: [] } };
    const before = JSON.stringify(plan);
    withinCellLimit(plan);
    expect(JSON.stringify(plan)).toBe(before);
  });
});
