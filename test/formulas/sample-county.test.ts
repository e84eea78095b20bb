// The standard templates filled with the whole sample county, their KAOHE formulas evaluated by HyperFormula, beside the cells the pipeline writes.
import { beforeAll, describe, expect, it } from "vitest";
import { type SchemeKind } from "../../src/core/scheme";
import { defaultScheme, kindById, schemeKinds } from "../../src/kinds/registry";
import { sampleCounty, type SampleCounty, type SampleSheet } from "../../src/kinds/sample-county";
import type { CellValue } from "../../src/workbook/sheet";
import { dataSheet, inputColumns } from "../../src/workbook/templates";
import { agreeingColumns, differences, evaluate, type Evaluation } from "./harness";
import { expectAgreementWithValues, expectedAgreeing, expectLayout, known, ordered } from "./compare";

/**
 * The county's returns as Excel holds them once linked: a return that leaves a column to another
 * (the secretaries' 民主测评) has in it what `kaohe run --with` writes there, the source's result as
 * its own template's formulas compute it, matched by 编号.
 */
function linkedData(county: SampleCounty, kind: SchemeKind, runs: Partial<Record<SchemeKind, Evaluation>>): SampleSheet {
  const file = county.files[kind];
  const links = kindById(kind).links ?? [];
  const sources = county.sources[kind] ?? [];
  const cols = inputColumns(dataSheet(file.spec));
  const idAt = cols.findIndex((c) => c.field === "id");
  let rows = file.rows;
  for (const link of links.filter((l) => sources.includes(l.from))) {
    const source = runs[link.from]!;
    const sourceIds = county.files[link.from].rows.map((r) => r[inputColumns(dataSheet(county.files[link.from].spec)).findIndex((c) => c.field === "id")]);
    const valueOf = new Map(source.pairs.filter((p) => p.column === link.result).map((p) => [sourceIds[p.row - source.sheet.firstDataRow], p.fromFormula]));
    const at = cols.findIndex((c) => c.field === link.field);
    rows = rows.map((r) => r.map((v, i) => (i === at ? ((valueOf.get(r[idAt]) as CellValue | undefined) ?? null) : v)));
  }
  return { ...file, rows };
}

describe("the templates' formulas over the sample county equal the pipeline's cells, but for the known differences", () => {
  const runs = {} as Record<SchemeKind, Evaluation>;
  const county = sampleCounty();
  beforeAll(() => {
    // Sources first, so a return's linked column holds their results.
    const order = [...schemeKinds].sort((a, b) => Number(a in county.sources) - Number(b in county.sources));
    for (const kind of order) runs[kind] = evaluate(county.files[kind].spec, defaultScheme(kind, county.year), linkedData(county, kind, runs));
  });

  it("the secretaries' 民主测评 is the appraisal's 综合得分 for all 180, as a linked run writes it", () => {
    const ballots = inputColumns(dataSheet(county.files.secretary.spec)).findIndex((c) => c.field === "ballot");
    const filled = linkedData(county, "secretary", runs).rows.map((r) => r[ballots]);
    expect(filled.filter((v) => typeof v === "number")).toHaveLength(180);
  });

  it.each(schemeKinds)("%s: each formula column agrees on every row (numbers within 0.005, money to the fen, text exactly)", (kind) => {
    const e = runs[kind];
    expect(agreeingColumns(e)).toEqual(expectedAgreeing(e, "sampleCounty"));
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

  /** The formula's value in the column of the person with this 编号. */
  const cellOf = (kind: SchemeKind, id: string, column: string) => {
    const e = runs[kind];
    const idCol = e.sheet.columns.find((c) => c.field === "id")!.col;
    const row = e.sheet.firstDataRow + sampleCounty().files[kind].rows.findIndex((r) => r[idCol - 1] === id);
    const pair = e.pairs.find((p) => p.column === column && p.row === row);
    const only = e.formulaOnly.find((p) => p.column === column && p.row === row);
    return { row, value: pair ? pair.fromFormula : only?.value };
  };

  it("the negative list acts in the formulas as in the pipeline: the sample county's deliberate cases, hand-computed", () => {
    // 北塘镇: 17 secretaries, floor(17 × 20%) = 3 优秀. 苏云强 (94.33, first) is barred by 4-2, so the place passes to 杨春 (90.26).
    expect(cellOf("secretary", "SJ074", "负面清单").value).toBe("不得评优");
    expect(cellOf("secretary", "SJ074", "综合得分").value).toBe(94.33);
    expect([cellOf("secretary", "SJ074", "等次").value, cellOf("secretary", "SJ072", "等次").value, cellOf("secretary", "SJ064", "等次").value, cellOf("secretary", "SJ078", "等次").value]).toEqual(["称职", "优秀", "优秀", "优秀"]);
    // 李永: 90.08 − 4-1 twice (2 × 2 = 4 points, under the cap of 8) = 86.08, 称职; 郭静东 takes 桃源乡's third place.
    expect(cellOf("secretary", "SJ101", "综合得分").value).toBe(86.08);
    expect(cellOf("secretary", "SJ101", "等次").value).toBe("称职");
    expect(cellOf("secretary", "SJ106", "等次").value).toBe("优秀");
    // 彭东金 (81.46) is failed by 1-3 whatever his score; 徐平春 90.08 − 3 × 1 = 87.08, 称职.
    expect(cellOf("cadre", "GB018", "等次").value).toBe("不称职");
    expect(cellOf("cadre", "GB012", "综合得分").value).toBe(87.08);
    expect(cellOf("cadre", "GB012", "等次").value).toBe("称职");
    // 青龙岗村党支部, cap 6: 6 members, floor(6 × 30%) = 1 place at 5 stars or more. 王宏海 6 − 2 (5-3 twice) = 4, so 潘涛丽 keeps her 5.
    expect(cellOf("member", "DY000016", "负面清单摘星").value).toBe(2);
    expect(cellOf("member", "DY000016", "最终星数").value).toBe(4);
    expect(cellOf("member", "DY000018", "最终星数").value).toBe(5);
    // 叶东生 (10 stars, barred by 5-1) is held below 9: 8.
    expect(cellOf("member", "DY000017", "最终星数").value).toBe(8);
  });

  it("the upheld objection changes exactly its one cell: 吴永's 等次, 优秀 as announced, 称职 after it", () => {
    const e = evaluate(county.files.secretary.spec, defaultScheme("secretary", county.year), linkedData(county, "secretary", runs), { withObjections: true });
    const changed = e.pairs.filter((p) => p.fromFormula !== p.fromPipeline && !(typeof p.fromFormula === "number" && typeof p.fromPipeline === "number" && Math.abs(p.fromFormula - p.fromPipeline) <= 0.005));
    expect(changed.map((p) => [p.column, p.fromFormula, p.fromPipeline])).toEqual([["等次", "优秀", "称职"]]);
    expect(changed[0].row).toBe(cellOf("secretary", "SJ006", "等次").row);
  });
});
