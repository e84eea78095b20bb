// The standard templates filled with the whole sample county, their KAOHE formulas evaluated by HyperFormula, beside the cells the pipeline writes.
import { beforeAll, describe, expect, it } from "vitest";
import { defaultScheme, schemeKinds, type SchemeKind } from "../../src/core/scheme";
import { sampleCounty } from "../../src/workbook/sample-county";
import { agreeingColumns, differences, evaluate, type Evaluation } from "./harness";
import { expectAgreementWithValues, expectedAgreeing, expectLayout, known, ordered } from "./compare";
import { notWrittenByPipeline } from "./known-differences";

describe("the templates' formulas over the sample county equal the pipeline's cells, but for the known differences", () => {
  const runs = {} as Record<SchemeKind, Evaluation>;
  beforeAll(() => {
    const county = sampleCounty();
    for (const kind of schemeKinds) runs[kind] = evaluate(county.files[kind].spec, defaultScheme(kind, county.year), county.files[kind]);
  });

  it.each(schemeKinds)("%s: each formula column agrees on every row (numbers within 0.005, money to the fen, text exactly)", (kind) => {
    const e = runs[kind];
    expect(agreeingColumns(e)).toEqual(expectedAgreeing(kind, "sampleCounty"));
    expectAgreementWithValues(e, agreeingColumns(e));
  });

  it.each(schemeKinds)("%s: the columns that differ are exactly the known ones, with the sample cell's two values", (kind) => {
    const found = ordered(differences(runs[kind]).map((d) => ({ column: d.column, shape: d.shape, ...d.sample, rows: d.rows, of: d.of })));
    expect(found).toEqual(known(kind, "sampleCounty"));
  });

  it.each(schemeKinds)("%s: the formulas show nothing in the template's empty rows", (kind) => {
    expect(runs[kind].emptyRows.filter((c) => c.value !== "")).toEqual([]);
  });

  it.each(schemeKinds)("%s: columns only one side has, and counterparts written beside the table", (kind) => {
    expectLayout(runs[kind]);
  });

  it("five good: 全县实际 and 是否达标 give the numbers of 汇总's 全县 row, and the pipeline leaves both rows empty", () => {
    const e = runs.fiveGood;
    const summary = e.plan.reports.find((r) => r.name === "汇总")!;
    const county = summary.rows.find((r) => r[0] === "全县")!;
    const scheme = defaultScheme("fiveGood", 2025);
    // 汇总: “五好”比例, 平均满意度 (points out of 100), “五带头”比例; 目标完成情况 names the targets missed.
    const actual = [county[3] as number, (county[4] as number) / 100, county[7] as number];
    const missed = String(county[8]);
    const reached = scheme.targets.slice(0, 3).map((t) => (missed === "全部达标" || !missed.includes(t.name) ? "达标" : "未达标"));
    const band = e.band;
    expect(band.filter((b) => b.row === 3).map((b) => b.value as number).map((v, i) => Math.abs(v - actual[i]) <= 0.005)).toEqual([true, true, true]);
    expect(band.filter((b) => b.row === 4).map((b) => b.value)).toEqual(reached);
    // Known difference (issue 10): the plan writes data rows only, so rows 3 and 4 stay as the template left them.
    expect(e.plan.results.every((block) => block.rows.every((r) => r.row > e.sheet.headerRow))).toBe(true);
    const [entry] = notWrittenByPipeline;
    const cells = (xs: [number, string][]) => xs.map(([r, c]) => `${r}:${c}`).sort();
    expect(cells(band.map((b) => [b.row, b.column]))).toEqual(cells(entry.rows.flatMap((row) => entry.columns.map((column): [number, string] => [row, column]))));
    const sample = band.find((b) => b.row === entry.sampleCounty.row && b.column === entry.sampleCounty.column)!;
    expect(Math.abs((sample.value as number) - (entry.sampleCounty.fromFormula as number))).toBeLessThan(1e-9);
  });
});
