// The five-good template's 全县实际 and 是否达标 rows: the pipeline writes the figures the band formulas give, which are 汇总's 全县 row (issue 10).
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import { sampleCounty } from "../../src/kinds/sample-county";
import type { SheetData } from "../../src/workbook/sheet";
import type { PlanCell } from "../../src/workbook/plan";
import type { TemplateFormat } from "../../src/workbook/templates";
import { agree, evaluate, type Evaluation, type Shown } from "./harness";
import { randomTable } from "./random-tables";

/** A table of the pipeline alone. */
function evaluateBare(sheet: SheetData) {
  const r = runAssessment({ sheets: [sheet] }, { kind: "fiveGood", now: new Date("2026-01-15T00:00:00Z") });
  expect(r.problems).toEqual([]);
  return r.plan!;
}

/** Each band formula cell beside the cell the pipeline's band block writes at the same row and column. */
function bandPairs(e: Evaluation) {
  const band = e.plan.results[1];
  expect(band, "the pipeline writes no band block").toBeDefined();
  const format = (row: number): TemplateFormat => (row === 3 ? "percent" : "text");
  const shown = (v: PlanCell | undefined): Shown => (v === null || v === undefined ? "" : typeof v === "object" ? (v.result ?? "") : v);
  return e.band.map((b) => {
    const col = e.sheet.columns.find((c) => c.header === b.column)!.col;
    const i = band.columns.findIndex((c) => c.col === col);
    const cell = band.rows.find((r) => r.row === b.row)?.cells[i];
    return { row: b.row, column: b.column, format: format(b.row), fromFormula: b.value, fromPipeline: shown(cell) };
  });
}

describe("five good: the band rows above the header", () => {
  const county = sampleCounty();
  const e = evaluate(county.files.fiveGood.spec, defaultScheme("fiveGood", county.year), county.files.fiveGood);

  it("the sample county: each of the six band cells is the formula's value, and 汇总's 全县 row gives the same", () => {
    const pairs = bandPairs(e);
    expect(pairs.map((p) => `${p.row}:${p.column}`).sort()).toEqual(["3:是否“五好”", "3:群众满意度", "3:“五带头”比例", "4:是否“五好”", "4:群众满意度", "4:“五带头”比例"].sort());
    for (const p of pairs) expect(agree(p), `${p.row} ${p.column}: ${p.fromFormula} vs ${p.fromPipeline}`).toBe(true);
    const summary = e.plan.reports.find((r) => r.name === "汇总")!;
    const all = summary.rows.find((r) => r[0] === "全县")!;
    // 汇总: “五好”比例, 平均满意度 (points out of 100, shown to two places), “五带头”比例; 目标完成情况 全部达标.
    const at = (column: string, row: number) => pairs.find((p) => p.column === column && p.row === row)!.fromPipeline as number;
    expect(Math.abs(at("是否“五好”", 3) - (all[3] as number))).toBeLessThan(1e-9);
    // The county's units rated on 满意度测评: the band's satisfaction is the share rated 满意, while 汇总 keeps the organisations' mean score.
    const ratings = county.files.fiveGood.extra!.flatMap((x) => x.rows).filter((r) => r.length === 2);
    expect(ratings).toHaveLength(20);
    expect(at("群众满意度", 3)).toBe(ratings.filter((r) => r[1] === "满意").length / 20);
    const scores = county.files.fiveGood.rows.map((r) => r[e.sheet.columns.find((c) => c.header === "群众满意度")!.col - 1] as number);
    expect(Math.abs(scores.reduce((t, x) => t + x, 0) / scores.length - (all[4] as number))).toBeLessThan(0.005);
    expect(Math.abs(at("“五带头”比例", 3) - (all[7] as number))).toBeLessThan(1e-9);
    expect(all[8]).toBe("全部达标");
    expect(pairs.filter((p) => p.row === 4).map((p) => p.fromPipeline)).toEqual(["达标", "达标", "达标"]);
    // The header row keeps its own text: the band block names each column as the sheet does.
    expect(e.plan.results[1].columns.map((c) => c.header)).toEqual(["群众满意度", "是否“五好”", "“五带头”比例"]);
  });

  it("random tables (blank counts, blank satisfaction): the band cells agree on every seed", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const t = randomTable("fiveGood", seed);
      for (const p of bandPairs(evaluate(t.spec, t.scheme, t.data))) expect(agree(p), `seed ${seed} ${p.row} ${p.column}: ${p.fromFormula} vs ${p.fromPipeline}`).toBe(true);
    }
  });

  it("a table without the band's labels above its header gets no band block; a blank “五带头”党员数 has no share, not 0", () => {
    const sheet = { name: "五好", rows: [["乡镇", "党组织", "类型", "领导班子好", "党员队伍好", "工作机制好", "发展业绩好", "群众反映好", "群众满意度", "农村党员数", "“五带头”党员数"], ["东镇", "甲村党支部", "村党支部", "是", "是", "是", "是", "是", 90, 40, 10], ["东镇", "乙村党支部", "村党支部", "是", "是", "是", "否", "是", 80, 30, null]] };
    const r = evaluateBare(sheet);
    expect(r.results).toHaveLength(1);
    // 甲: every criterion 是: 5 met, 五好; 10 ÷ 40 = 0.25. 乙: 4 met, not 五好; its count is blank, so no share (it was 0 before issue 10).
    expect(r.results[0].rows.map((x) => x.cells)).toEqual([
      [5, "是", 0.25],
      [4, "否", ""],
    ]);
    // 汇总's 全县 row leaves 乙 out of the “五带头” share, its 30 members too: 10 ÷ 40 = 0.25 (before issue 10: 10 ÷ 70).
    const county = r.reports.find((x) => x.name === "汇总")!.rows.find((row) => row[0] === "全县")!;
    expect([county[5], county[6], county[7]]).toEqual([40, 10, 0.25]);
  });
});
