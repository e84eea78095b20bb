import { reportSheetNames } from "../../src/workbook/plan";
import { describe, expect, it } from "vitest";
import { drawPlan as drawXlsx, workbookFromData } from "../../src/cli/draw";
import { defaultScheme } from "../../src/kinds/registry";
import type { Plan, ReportSheet, ResultBlock } from "../../src/workbook/plan";
import { schemeSheet } from "../../src/workbook/scheme-sheet";
import type { WorkbookData } from "../../src/workbook/sheet";
import type { FakeWorkbookInit } from "./fake-office";
import { setup } from "./helpers";
import { differences, lookDifferences } from "./same-cells";

const tricky = ["=SUM(A1:A3)", "+8613800000000", "-张三", "@王五", "007", "20%", "1/3", "TRUE", "'引号", "#N/A", "张三", ""];

const data: WorkbookData = {
  sheets: [
    { name: "说明", rows: [["本表说明"]] },
    {
      name: "干部考核",
      rows: [
        ["2025年度乡镇干部绩效考核表"],
        [],
        ["乡镇", "姓名", "编号", "任务得分", "综合得分"],
        ...tricky.map((name, i) => ["城关镇", name === "" ? "空" : name, `A${i + 1}`, 80 + i, i === 3 ? "旧值" : null]),
      ],
    },
    { name: "汇总", rows: [["上一次的汇总"]] },
  ],
};

const block: ResultBlock = {
  sheet: "干部考核",
  headerRow: 3,
  columns: [
    { header: "综合得分", format: "score", col: 5 },
    { header: "排名", format: "integer", col: 6 },
    { header: "等次", format: "text", col: 7 },
    { header: "说明", col: 9 },
  ],
  // Row 7 is left out, as a row skipped for its problems is.
  rows: tricky
    .map((s, i) => ({ row: i + 4, cells: [80.5 + i, i + 1, i % 3 === 0 ? "优秀" : "称职", s || null] }))
    .filter((r) => r.row !== 7),
};

const summary: ReportSheet = {
  name: "汇总",
  title: "汇总",
  subtitle: "2025年度考核　2025-12-31",
  columns: [
    { header: "乡镇", width: 14 },
    { header: "人数", format: "integer" },
    { header: "平均得分", format: "score" },
    { header: "优秀", format: "integer" },
    { header: "比例", format: "percent" },
  ],
  rows: [
    ["城关镇", 5, 88.4, 1, 0.2],
    ["=东山乡", 3, 80.123, 0, 0],
    ["合计", 8, { formula: "AVERAGE(C4:C5)", result: 84.26 }, 1, null],
  ],
  strongRows: [2],
  warnRows: [1],
  notes: ["- 以项目符号开头的说明", "+ 加号开头", "所有分组均未超过比例。"],
  signatures: true,
  charts: [{ kind: "pie", title: "优秀分布", firstRow: 0, lastRow: 1, categoryCol: 0, seriesCols: [3] }],
};

const ranking: ReportSheet = {
  name: "排名",
  title: "排名表",
  columns: [{ header: "姓名" }, { header: "得分", format: "score" }, { header: "比例" }, { header: "否决", format: "text" }],
  rows: tricky.map((s, i) => [s, 90 - i, "20%", i % 2 === 0]),
  landscape: true,
};

const plan: Plan = { results: [block], reports: [summary, ranking, schemeSheet(defaultScheme("cadre", 2025))], replaceable: Object.values(reportSheetNames), summary: { kind: "cadre", title: "", rows: 0, zh: [], en: [] } };

function fakeInit(d: WorkbookData): FakeWorkbookInit {
  return { sheets: d.sheets.map((s) => ({ name: s.name, rows: s.rows, merges: [] })) };
}

describe("the same plan drawn by the add-in and by the command line", () => {
  it("gives the same cells: values, formulas, number formats, merges and sheet order", async () => {
    const wb = workbookFromData(data);
    drawXlsx(wb, plan);
    const { fake, host } = setup(fakeInit(data));
    await host.drawPlan(plan);
    expect(differences(plan, wb, fake)).toEqual([]);
  });

  it("gives the same look: fonts, fills, alignment, borders, widths, title height, frozen rows and print setup", async () => {
    const wb = workbookFromData(data);
    drawXlsx(wb, plan);
    const { fake, host } = setup(fakeInit(data));
    await host.drawPlan(plan);
    expect(lookDifferences(plan, wb, fake)).toEqual([]);
  });

  it("and again over a workbook the plan was already drawn into", async () => {
    const wb = workbookFromData(data);
    drawXlsx(wb, plan);
    drawXlsx(wb, plan);
    const { fake, host } = setup(fakeInit(data));
    await host.drawPlan(plan);
    await host.drawPlan(plan);
    expect(differences(plan, wb, fake)).toEqual([]);
    expect(lookDifferences(plan, wb, fake)).toEqual([]);
  });
});
