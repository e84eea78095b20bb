// A cadre's 绩效工资 under each pay.method and pool, worked by hand: the template's formula and the pipeline give the same fen.
import { describe, expect, it } from "vitest";
import { type Scheme } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import { dataSheet } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";
import { evaluate } from "./harness";
import { ordered, type Row } from "./random-tables";

/** 绩效工资 and 说明 of each row, as [formula, pipeline, 说明]; `sheetPool`, typed into the template's total cell (pay.pool = sheet). */
function pay(rows: Row[], change: (s: Scheme) => void = () => {}, sheetPool?: number) {
  const scheme = defaultScheme("cadre", 2025);
  change(scheme);
  const spec = templateSpec("cadre", { scheme, year: 2025 });
  if (sheetPool !== undefined) {
    const payCol = dataSheet(spec).columns.find((c) => c.header === "绩效工资")!.col;
    dataSheet(spec).band.find((b) => b.row === 2)!.cells.find((c) => c.col === payCol)!.value = sheetPool;
  }
  const e = evaluate(spec, scheme, { rows: ordered(spec, rows) });
  const first = dataSheet(spec).firstDataRow;
  const block = e.plan.results[0];
  const note = block.columns.findIndex((c) => c.header === "说明");
  return rows.map((_, k) => {
    const p = e.pairs.find((x) => x.column === "绩效工资" && x.row === first + k)!;
    return [p.fromFormula, p.fromPipeline, block.rows[k].cells[note]];
  });
}

// Three 称职 cadres (85 and 85: under 90, and ⌊20% × 3⌋ = 0 优秀 places anyway), post coefficients 1.2, 1.0, 0.8.
// Pay 20000, 10000 and 3333.33: performance parts 6000.00, 3000.00 and 1000.00 (3333.33 − 2333.33, the basic part
// 3333.33 × 0.7 = 2333.331 rounded to the fen), so the township's pool is 10,000.00 yuan = 1,000,000 fen.
const three: Row[] = [
  { township: "东镇", name: "赵甲", id: "P1", post: "镇长", postCoefficient: 1.2, taskScore: 85, yearEnd: 85, pay: 20000 },
  { township: "东镇", name: "钱乙", id: "P2", post: "科员", postCoefficient: 1.0, taskScore: 85, yearEnd: 85, pay: 10000 },
  { township: "东镇", name: "孙丙", id: "P3", post: "办事员", postCoefficient: 0.8, taskScore: 85, yearEnd: 85, pay: 3333.33 },
];

describe("a cadre's 绩效工资, formula and pipeline alike", () => {
  it("coefficient (the default, RULES.md §3): 10,000.00 × 1.2 / 1.0 / 0.8 over Σc = 3 is 4000.00 / 3333.33 / 2666.67", () => {
    // 1,000,000 × 1.2 / 3 = 400,000; × 1.0 / 3 = 333,333⅓; × 0.8 / 3 = 266,666⅔. The floors sum to 999,999 fen:
    // the fen left goes to the largest remainder, ⅔ (孙丙), so 266,667.
    expect(pay(three)).toEqual([
      [4000, 4000, ""],
      [3333.33, 3333.33, ""],
      [2666.67, 2666.67, ""],
    ]);
  });

  it("baseCoefficient: each person's own performance part × coefficient, 6000 × 1.2, 3000 × 1.0, 1000 × 0.8", () => {
    // Weights 7200, 3000, 800, Σ = 11,000. 1,000,000 × 7200 / 11000 = 654,545.45…; × 3000 / 11000 = 272,727.27…;
    // × 800 / 11000 = 72,727.27…. Floors 999,999; the last fen to the largest remainder (.45, 赵甲): 654,546.
    expect(pay(three, (s) => (s.pay.method = "baseCoefficient"))).toEqual([
      [6545.46, 6545.46, ""],
      [2727.27, 2727.27, ""],
      [727.27, 727.27, ""],
    ]);
  });

  it("score: by 综合得分 alone, 85 each: 1,000,000 / 3 = 333,333⅓ fen each, the last fen to the first row", () => {
    expect(pay(three, (s) => (s.pay.method = "score"))).toEqual([
      [3333.34, 3333.34, ""],
      [3333.33, 3333.33, ""],
      [3333.33, 3333.33, ""],
    ]);
  });

  it("a pool given in the scheme (pay.pool = 10000) is shared over the whole table, every township at once", () => {
    const rows: Row[] = [...three, { township: "西镇", name: "李丁", id: "P4", post: "科员", postCoefficient: 1.0, taskScore: 85, yearEnd: 85, pay: 5000 }];
    // Coefficients 1.2, 1.0, 0.8, 1.0, Σ = 4: 10,000 × 1.2 / 4 = 3000; 2500; 2000; 2500, exact.
    expect(pay(rows, (s) => (s.pay.pool = 10000))).toEqual([
      [3000, 3000, ""],
      [2500, 2500, ""],
      [2000, 2000, ""],
      [2500, 2500, ""],
    ]);
  });

  it("a pool written in the sheet (pay.pool = sheet): the template's 绩效工资总额（元） cell in row 2, read by the formula and the pipeline alike", () => {
    const rows: Row[] = [...three, { township: "西镇", name: "李丁", id: "P4", post: "科员", postCoefficient: 1.0, taskScore: 85, yearEnd: 85, pay: 5000 }];
    // 8000 over Σc = 4: 8000 × 1.2 / 4 = 2400; 2000; 1600; 2000.
    expect(pay(rows, (s) => (s.pay.pool = "sheet"), 8000)).toEqual([
      [2400, 2400, ""],
      [2000, 2000, ""],
      [1600, 1600, ""],
      [2000, 2000, ""],
    ]);
  });

  it("the pool stays each township's when the grade quota counts over the whole county (grade.groupBy = none)", () => {
    const rows: Row[] = [...three, { township: "西镇", name: "李丁", id: "P4", post: "科员", postCoefficient: 1.0, taskScore: 85, yearEnd: 85, pay: 5000 }];
    // 东镇 as in the first case; 西镇 alone: its own 1500.00 (5000 × 0.3) all to 李丁.
    expect(pay(rows, (s) => (s.grade.groupBy = "none"))).toEqual([
      [4000, 4000, ""],
      [3333.33, 3333.33, ""],
      [2666.67, 2666.67, ""],
      [1500, 1500, ""],
    ]);
  });

  it("a township whose cadres are all 不称职 (coefficient 0): 0 on both sides, the pool unshared and 说明 saying so", () => {
    const rows: Row[] = [
      // 50 < 60: 不称职, coefficient 0 whatever the post coefficient.
      { township: "北镇", name: "周戊", id: "Z1", post: "科员", postCoefficient: 1.0, taskScore: 50, yearEnd: 50, pay: 5000 },
      { township: "北镇", name: "吴己", id: "Z2", post: "科员", postCoefficient: 1.2, taskScore: 55, yearEnd: 55, pay: 6000 },
    ];
    const unshared = "全部系数为 0，绩效工资池未分配";
    expect(pay(rows)).toEqual([
      [0, 0, unshared],
      [0, 0, unshared],
    ]);
  });
});
