// The cadres' rank column follows rank.scope on both sides: 乡镇内名次 by default, 全县名次 over the whole table.
import { describe, expect, it } from "vitest";
import { type RankScope } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import { templateSpec } from "../../src/workbook/template-spec";
import { evaluate } from "./harness";
import { ordered, type Row } from "./random-tables";

// 综合得分 = task × 0.8 + year-end × 0.2, here both the same: 东镇 90, 80; 西镇 85, 70.
const rows: Row[] = [
  { township: "东镇", name: "甲", id: "C1", taskScore: 90, yearEnd: 90, pay: 5000 },
  { township: "东镇", name: "乙", id: "C2", taskScore: 80, yearEnd: 80, pay: 5000 },
  { township: "西镇", name: "丙", id: "C3", taskScore: 85, yearEnd: 85, pay: 5000 },
  { township: "西镇", name: "丁", id: "C4", taskScore: 70, yearEnd: 70, pay: 5000 },
];

function ranks(scope: RankScope, header: string) {
  const scheme = defaultScheme("cadre", 2025);
  scheme.rank.scope = scope;
  const spec = templateSpec("cadre", { scheme, year: 2025 });
  const e = evaluate(spec, scheme, { rows: ordered(spec, rows) });
  // The harness pairs the default header; the other scope's column is read from the formula cells and the plan directly.
  const first = e.sheet.firstDataRow;
  const formula = rows.map((_, i) => e.pairs.find((p) => p.column === header && p.row === first + i)?.fromFormula ?? e.formulaOnly.find((p) => p.column === header && p.row === first + i)?.value);
  const block = e.plan.results[0];
  const k = block.columns.findIndex((c) => c.header === header);
  const pipeline = rows.map((_, i) => block.rows.find((r) => r.row === first + i)?.cells[k]);
  return { formula, pipeline, sameColumn: block.columns[k].col === e.sheet.columns.findIndex((c) => c.header === header) + 1 };
}

describe("the cadres' rank", () => {
  it("within the township (the default): 东镇 90 > 80 → 1, 2; 西镇 85 > 70 → 1, 2, under 乡镇内名次", () => {
    expect(ranks("township", "乡镇内名次")).toEqual({ formula: [1, 2, 1, 2], pipeline: [1, 2, 1, 2], sameColumn: true });
  });
  it("over the county: 90, 80, 85, 70 → 1, 3, 2, 4, under 全县名次", () => {
    expect(ranks("county", "全县名次")).toEqual({ formula: [1, 3, 2, 4], pipeline: [1, 3, 2, 4], sameColumn: true });
  });
});
