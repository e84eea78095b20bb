// Where the cadre results go: the template's own columns, or a county's own result columns named otherwise; only 说明 is appended.
import { describe, expect, it } from "vitest";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");
const people: CellValue[][] = [
  ["城关镇", "张三", "A1", 95, 95, 5000],
  ["城关镇", "李四", "A2", 85, 85, 5000],
];

function run(header: CellValue[]) {
  const r = runAssessment({ sheets: [{ name: "干部考核", rows: [header, ...people.map((p) => [...p, ...header.slice(p.length).map(() => null)])] }] }, { kind: "cadre", now });
  expect(r.problems).toEqual([]);
  return r.plan!.results[0];
}

describe("the cadre result columns", () => {
  it("fill a county's own 考核等次 and 应发绩效工资（元） columns, and append nothing but the rest after the table", () => {
    const header = ["乡镇", "姓名", "编号", "任务得分", "年终考评", "应发工资", "考核等次", "应发绩效工资（元）"];
    const block = run(header);
    const colOf = (h: string) => block.columns.find((c) => c.header === h)!.col;
    // G and H (7, 8) are the county's own columns; the others follow the table from column I (9).
    expect(colOf("等次")).toBe(7);
    expect(colOf("绩效工资")).toBe(8);
    expect(block.columns.map((c) => c.col).filter((c) => c !== 7 && c !== 8)).toEqual([9, 10, 11, 12, 13]);
    // Two 5000 pays: pool 1500 + 1500 = 3000; ⌊20% × 2⌋ = 0 优秀 places, both 称职 (1.0): 1500 each.
    const k = block.columns.findIndex((c) => c.header === "绩效工资");
    expect(block.rows.map((r) => r.cells[k])).toEqual([1500, 1500]);
  });

  it("use the template's 系数 and 绩效工资 before a column an earlier version appended (绩效系数, 绩效工资实发)", () => {
    const header = ["乡镇", "姓名", "编号", "任务得分", "年终考评", "应发工资", "综合得分", "排名", "等次", "系数", "基本工资", "绩效工资", "说明", "绩效系数", "绩效工资实发"];
    const block = run(header);
    expect(block.columns.map((c) => [c.header, c.col])).toEqual([
      ["综合得分", 7],
      // The earlier templates' 排名 is the rank column, relabelled by where it is counted.
      ["乡镇内名次", 8],
      ["等次", 9],
      ["系数", 10],
      ["基本工资", 11],
      ["绩效工资", 12],
      ["说明", 13],
    ]);
  });
});
