// What the reports say, as a county office reads them: Beijing time, titles without a doubled word, decimals as typed, 乡镇 beside each branch, and no text cut off.
import { describe, expect, it } from "vitest";
import { columnWidth, type PlanCell, type ReportSheet } from "../../src/workbook/plan";
import { defaultScheme } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import { choiceNamed } from "../../src/workbook/scheme-values";
import type { CellValue } from "../../src/workbook/sheet";

// 20:00 UTC on New Year's Eve is already 04:00 on New Year's Day in Beijing.
const now = new Date("2025-12-31T20:00:00Z");

const longPost = "党政综合办公室副主任兼统计员";
const cadres: CellValue[][] = [
  ["乡镇", "姓名", "职务", "岗位系数", "任务得分", "年终考评", "应发工资"],
  ["城关镇", "甲", longPost, 1.1, 95, 95, 5000],
  ["城关镇", "乙", "科员", 1.1, 70, 70, 5000],
  ["城关镇", "丙", "科员", 1, 85, 85, 5000],
  ["城关镇", "丁", "科员", 1, 85, 85, 5000],
  ["城关镇", "戊", "科员", 1, 50, 50, 5000],
];
const cadreRun = runAssessment({ sheets: [{ name: "干部考核", rows: cadres }] }, { kind: "cadre", now });
const report = (name: string): ReportSheet => cadreRun.plan!.reports.find((r) => r.name === name)!;
const column = (r: ReportSheet, header: string): PlanCell[] => {
  const i = r.columns.findIndex((c) => c.header === header);
  return r.rows.map((row) => row[i] ?? null);
};

describe("the time a report gives", () => {
  it("is Beijing time with its zone in 审计, and the Beijing day under each report's title", () => {
    expect(cadreRun.problems).toEqual([]);
    expect(report("审计").rows.find((r) => r[0] === "计算时间")?.[1]).toBe("2026-01-01 04:00（北京时间）");
    expect(report("汇总").subtitle).toBe("2025年度乡镇干部绩效考核与绩效工资  2026-01-01");
  });
});

describe("the scheme in 审计", () => {
  it("is set down in the words of the 考核方案 sheet, with no program key", () => {
    const rows = report("审计").rows;
    expect(rows.find((r) => r[0] === "类型")).toEqual(["类型", "乡镇干部绩效考核与绩效工资", ""]);
    const snapshot = rows.slice(rows.findIndex((r) => r[0] === "考核方案（快照）") + 1);
    expect(snapshot[0]).toEqual(["项目", "设置值", ""]);
    expect(snapshot).toContainEqual(["等次 取整方式", "去尾法", ""]);
    expect(snapshot).toContainEqual(["工资 绩效工资池", "按各人应发工资合计", ""]);
    for (const r of snapshot) expect(r.join(" ")).not.toMatch(/[A-Za-z]/);
  });
});

describe("a message that names a setting's choice", () => {
  it("gives the 考核方案 sheet's word and the code a scheme file holds", () => {
    expect(choiceNamed("missing.parts", "reweight")).toBe("“按其余各项权重折算”（reweight）");
    expect(choiceNamed("pay.pool", "sheet")).toBe("“按表中写明的总额”（sheet）");
    const scheme = defaultScheme("cadre", 2025);
    scheme.pay.pool = "sheet";
    const r = runAssessment({ sheets: [{ name: "干部考核", rows: cadres }] }, { scheme, now });
    expect(r.problems.map((p) => p.zh)).toEqual([
      "考核方案“工资 绩效工资池”（pay.pool）为“按表中写明的总额”（sheet），但工作表中没有“绩效工资总额：金额”这样的一行。请在表头或表尾写明，或在方案中直接填写金额",
    ]);
  });
});

describe("a report's title", () => {
  it("does not repeat 绩效工资 after an assessment titled …与绩效工资", () => {
    expect(report("绩效工资发放表").title).toBe("2025年度乡镇干部绩效考核与绩效工资发放表");
    expect(report("汇总").title).toBe("2025年度乡镇干部绩效考核与绩效工资汇总");
  });
});

describe("a coefficient", () => {
  it("is the product of grade and post coefficients as a decimal, 0.8 × 1.1 = 0.88", () => {
    // 甲 优秀 1.2 × 1.1; 乙 基本称职 0.8 × 1.1; 丙 丁 称职 1.0; 戊 不称职 0 (only one 优秀 place in 5 at 20%).
    const block = cadreRun.plan!.results[0];
    // The data sheet's column is the template's own 系数 (issue 10: was 绩效系数 appended beside it); the pay report keeps 绩效系数.
    const i = block.columns.findIndex((c) => c.header === "系数");
    expect(block.rows.map((r) => r.cells[i])).toEqual([1.32, 0.88, 1, 1, 0]);
    expect(column(report("绩效工资发放表"), "绩效系数").slice(0, 5)).toEqual([1.32, 0.88, 1, 1, 0]);
  });
});

describe("a text column's width", () => {
  it("fits the widest 职务: 14 Chinese characters take 28, and 2 to spare", () => {
    const pay = report("绩效工资发放表");
    const j = pay.columns.findIndex((c) => c.header === "职务");
    expect(pay.columns[j].width).toBe(10);
    expect(columnWidth(pay.columns[j], column(pay, "职务"))).toBe(30);
  });

  it("keeps the plan's width when the values are narrower, and a number column's width as the plan gives it", () => {
    expect(columnWidth({ header: "职务", width: 10 }, ["科员", "站长"])).toBe(10);
    expect(columnWidth({ header: "绩效系数", format: "score", width: 8 }, [123456789.5])).toBe(8);
    expect(columnWidth({ header: "来源", width: 50 }, ["字".repeat(40)])).toBe(50);
    // At most 50 however long the text: a longer one wraps or is read in the cell.
    expect(columnWidth({ header: "说明", width: 24 }, ["字".repeat(40)])).toBe(50);
  });
});

describe("配额核查 of quotas counted per branch", () => {
  const member = (township: string, branch: string, name: string, score: number): CellValue[] => [township, branch, name, "村干部党员", score, score, score, score, score];
  const r = runAssessment(
    {
      sheets: [
        {
          name: "党员星级",
          rows: [
            ["乡镇", "支部", "姓名", "党员类别", "思想政治", "遵纪守法", "文明风尚", "联系服务", "岗位责任"],
            member("城关镇", "新村党支部", "甲", 95),
            member("城关镇", "新村党支部", "乙", 80),
            member("东山乡", "河东党支部", "丙", 95),
            member("东山乡", "河东党支部", "丁", 70),
          ],
        },
      ],
    },
    { kind: "member", now },
  );

  it("names each branch's township in a 乡镇 column before it", () => {
    expect(r.problems).toEqual([]);
    const quota = r.plan!.reports.find((x) => x.name === "配额核查")!;
    expect(quota.columns.map((c) => c.header).slice(0, 3)).toEqual(["乡镇", "支部", "星级上限"]);
    // Two cap-10 members a branch: ⌊2 × 30%⌋ = 0 may have 9 stars or more; 甲 and 丙 (10 stars from 95 in every aspect) are brought down.
    expect(quota.rows.map((row) => row.slice(0, 4))).toEqual([
      ["城关镇", "新村党支部", 10, 2],
      ["东山乡", "河东党支部", 10, 2],
    ]);
    expect(r.plan!.reports.find((x) => x.name === "汇总")!.title).toBe("2025年度党员星级评定汇总");
  });
});
