// A result changed by hand (调整后等次 / 调整后星数 with its reason): the template's grade formulas show the computed value, the pipeline the adjusted one.
import { describe, expect, it } from "vitest";
import { type SchemeKind } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import { dataSheet } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";
import { evaluate } from "./harness";
import { ordered, type Row } from "./random-tables";

/** The formula's and the pipeline's value in the first data row of the column `header`, and of any other columns asked for. */
function firstRow(kind: SchemeKind, rows: Row[], headers: string[]) {
  const scheme = defaultScheme(kind, 2025);
  const spec = templateSpec(kind, { scheme, year: 2025 });
  const e = evaluate(spec, scheme, { rows: ordered(spec, rows) });
  const row = dataSheet(spec).firstDataRow;
  return headers.map((h) => {
    const p = e.pairs.find((x) => x.column === h && x.row === row)!;
    return [h, p.fromFormula, p.fromPipeline];
  });
}

const reason = "经党委会研究调整";

describe("known differences: an adjusted grade or star count", () => {
  it("cadre: 70 points is 基本称职 computed, but 等次 is the adjusted 称职 on both sides (issue 10: the formula reads 调整后等次), and 系数 follows it (1.0)", () => {
    const rows: Row[] = [
      { township: "东镇", name: "赵六", id: "G1", post: "科员", taskScore: 70, yearEnd: 70, pay: 5000, override: "称职", overrideReason: reason },
      { township: "东镇", name: "钱七", id: "G2", post: "科员", taskScore: 85, yearEnd: 85, pay: 5000 },
    ];
    expect(firstRow("cadre", rows, ["等次", "系数"])).toEqual([
      ["等次", "称职", "称职"],
      ["系数", 1, 1],
    ]);
  });

  it("secretary: full marks alone in a township (quota ⌊20% × 1⌋ = 0) is 称职 computed, but 等次 is the adjusted 基本称职 on both sides (issue 10: the formula reads 调整后等次)", () => {
    const s = defaultScheme("secretary", 2025);
    const row: Row = { township: "东镇", village: "甲村", name: "孙八", id: "S1", override: "基本称职", overrideReason: reason };
    s.items.forEach((it, k) => (row[`item${k + 1}`] = it.max));
    expect(firstRow("secretary", [row], ["等次"])).toEqual([["等次", "基本称职", "基本称职"]]);
  });

  it("member: 80 on each of five aspects is 5 stars (5 × 1); 最终星数 is the adjusted 6 on both sides (issue 10: the formula reads 调整后星数)", () => {
    const rows: Row[] = [
      { township: "东镇", branch: "甲村党支部", name: "周九", id: "D1", category: "在村务农党员", aspect1: 80, aspect2: 80, aspect3: 80, aspect4: 80, aspect5: 80, tiebreak: 80, override: 6, overrideReason: reason },
    ];
    expect(firstRow("member", rows, ["星数", "最终星数"])).toEqual([
      ["星数", 5, 5],
      ["最终星数", 6, 6],
    ]);
  });
});
