// The secretaries' template columns that the pipeline now fills too: 扣分, 分类 and an adjusted 等次, beside their formulas.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { templateSpec } from "../../src/workbook/template-spec";
import { evaluate } from "./harness";
import { ordered, type Row } from "./random-tables";

const reason = "经党委会研究调整";

/**
 * Ten secretaries of one township, every item at full marks (100), with deductions (2 a time capped
 * at 10; 5 a time uncapped): 扣分 0, 2, 4, 6, 8 (缺席 0–4 times), then 10, 15, 20, 25, 30 (弄虚作假
 * 2–6 times). No half-year test, no ballot: 综合得分 = 年度得分 = 100 − 扣分.
 */
function rows(): Row[] {
  const s = defaultScheme("secretary", 2025);
  return Array.from({ length: 10 }, (_, i) => {
    const r: Row = { township: "东镇", village: `村${i + 1}`, name: `书记${i + 1}`, id: `S${i + 1}` };
    s.items.forEach((it, k) => (r[`item${k + 1}`] = it.max));
    if (i < 5) r.deduction1 = i;
    else r.deduction3 = i - 3;
    if (i === 9) Object.assign(r, { override: "不称职", overrideReason: reason });
    return r;
  });
}

describe("secretary: the template's own columns, filled by the pipeline with the formula's values", () => {
  const scheme = defaultScheme("secretary", 2025);
  const spec = templateSpec("secretary", { scheme, year: 2025 });
  const e = evaluate(spec, scheme, { rows: ordered(spec, rows()) });
  const column = (header: string) => {
    const pairs = e.pairs.filter((p) => p.column === header).sort((a, b) => a.row - b.row);
    return { formula: pairs.map((p) => p.fromFormula), pipeline: pairs.map((p) => p.fromPipeline) };
  };

  it("扣分: 0, 2, 4, 6, 8, 10, 15, 20, 25, 30 on both sides", () => {
    const expected = [0, 2, 4, 6, 8, 10, 15, 20, 25, 30];
    expect(column("扣分")).toEqual({ formula: expected, pipeline: expected });
  });

  it("乡镇内名次: 1 to 10 (100 down to 70, no ties)", () => {
    const expected = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(column("乡镇内名次")).toEqual({ formula: expected, pipeline: expected });
  });

  it("分类 3:5:2 of ten: 3 一类 (100, 98, 96), 5 二类 (94 … 80), 2 三类 (75, 70)", () => {
    const expected = ["一类", "一类", "一类", "二类", "二类", "二类", "二类", "二类", "三类", "三类"];
    expect(column("分类")).toEqual({ formula: expected, pipeline: expected });
  });

  it("等次: ⌊20% × 10⌋ = 2 优秀 (100, 98); 96 … 80 称职; 75 基本称职; 70 adjusted by hand to 不称职, on both sides", () => {
    const expected = ["优秀", "优秀", "称职", "称职", "称职", "称职", "称职", "称职", "基本称职", "不称职"];
    expect(column("等次")).toEqual({ formula: expected, pipeline: expected });
  });
});

describe("secretary: 四诺星级 from the template's formula and from the pipeline, where the scheme sets thresholds", () => {
  /** Secretaries with every item at full marks but the 四诺 item (5 points), which takes `points`. */
  const starRows = (points: (number | null)[]): Row[] => {
    const s = defaultScheme("secretary", 2025);
    const k = s.items.findIndex((it) => it.name.includes("四诺"));
    return points.map((p, i) => {
      const r: Row = { township: "东镇", village: `村${i + 1}`, name: `书记${i + 1}`, id: `S${i + 1}` };
      s.items.forEach((it, j) => (r[`item${j + 1}`] = j === k ? p : it.max));
      return r;
    });
  };
  const stars = (thresholds: number[], points: (number | null)[]) => {
    const scheme = { ...defaultScheme("secretary", 2025), fourPromises: { starThresholds: thresholds } };
    const spec = templateSpec("secretary", { scheme, year: 2025 });
    const e = evaluate(spec, scheme, { rows: ordered(spec, starRows(points)) });
    const pairs = e.pairs.filter((p) => p.column === "四诺星级").sort((a, b) => a.row - b.row);
    return { formula: pairs.map((p) => p.fromFormula), pipeline: pairs.map((p) => p.fromPipeline) };
  };

  it("60%, 80%, 100% of 5 points: 3 → 1 star, 4 → 2, 5 → 3, 2.9 → 0, a blank item → blank (never 0), on both sides", () => {
    const expected = [1, 2, 3, 0, ""];
    expect(stars([60, 80, 100], [3, 4, 5, 2.9, null])).toEqual({ formula: expected, pipeline: expected });
  });

  it("87% of 5 points is reached by 4.35 exactly (4.35 × 100 / 5 is 86.99999999999999 in binary) and not by 4.34, on both sides", () => {
    expect(stars([87], [4.35, 4.34])).toEqual({ formula: [1, 0], pipeline: [1, 0] });
  });

  it("is no column of the template without thresholds", () => {
    const spec = templateSpec("secretary", { scheme: defaultScheme("secretary", 2025), year: 2025 });
    expect(evaluate(spec, defaultScheme("secretary", 2025), { rows: ordered(spec, starRows([3])) }).sheet.columns.map((c) => c.header)).not.toContain("四诺星级");
  });
});
