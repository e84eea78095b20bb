// The rank scope (rank.scope) of the secretaries and the appraisal: the header, the template formula and the pipeline follow it, and an older table's 排名 is filled in place; and the appraisal's ballot, one result on both sides.
import { describe, expect, it } from "vitest";
import { type RankScope } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import { sampleCounty } from "../../src/kinds/sample-county";
import { dataSheet, templateWorkbook } from "../../src/workbook/templates";
import { templateSpec } from "../../src/workbook/template-spec";
import { evaluate } from "./harness";
import { ordered, type Row } from "./random-tables";

/** Four people rated the same by every rater group, so 综合得分 is that score: 东镇 90, 80; 西乡 85, 70. */
const rows: Row[] = [
  { township: "东镇", name: "甲", id: "A1", rater1: 90, rater2: 90, rater3: 90, rater4: 90, votesTop: 40, votesSecond: 10, voters: 50 },
  { township: "东镇", name: "乙", id: "A2", rater1: 80, rater2: 80, rater3: 80, rater4: 80, votesTop: 30, votesSecond: 9, voters: 50 },
  { township: "西乡", name: "丙", id: "A3", rater1: 85, rater2: 85, rater3: 85, rater4: 85, votesTop: 46, votesSecond: 3, votesBottom: 1, voters: 50 },
  { township: "西乡", name: "丁", id: "A4", rater1: 70, rater2: 70, rater3: 70, rater4: 70, votesTop: 0, votesSecond: 0, votesThird: 0, votesBottom: 0 },
];

function appraisal(scope: RankScope) {
  const scheme = defaultScheme("appraisal", 2025);
  scheme.rank.scope = scope;
  const spec = templateSpec("appraisal", { scheme, year: 2025 });
  return { scheme, spec, e: evaluate(spec, scheme, { rows: ordered(spec, rows) }) };
}

/** The formula's and the pipeline's values of a column, row by row. */
function both(e: ReturnType<typeof evaluate>, header: string) {
  const first = e.sheet.firstDataRow;
  const fromFormula = rows.map((_, i) => e.pairs.find((p) => p.column === header && p.row === first + i)?.fromFormula ?? e.formulaOnly.find((p) => p.column === header && p.row === first + i)?.value);
  const block = e.plan.results[0];
  const k = block.columns.findIndex((c) => c.header === header);
  const fromPipeline = rows.map((_, i) => block.rows.find((r) => r.row === first + i)?.cells[k]);
  return { fromFormula, fromPipeline, templateCol: e.sheet.columns.findIndex((c) => c.header === header) + 1, planCol: block.columns[k]?.col };
}

describe("rank scope: within the township (the default) or over the whole county", () => {
  it("within the township: 东镇 90 > 80 gives 1, 2; 西乡 85 > 70 gives 1, 2, under 乡镇内名次, formula and pipeline alike", () => {
    const { e } = appraisal("township");
    const r = both(e, "乡镇内名次");
    expect(r.fromFormula).toEqual([1, 2, 1, 2]);
    expect(r.fromPipeline).toEqual([1, 2, 1, 2]);
    expect(r.planCol).toBe(r.templateCol);
    expect(e.formulaOnly.filter((f) => f.column === "全县名次")).toEqual([]);
  });

  it("over the county: 90, 85, 80, 70 give 1, 3, 2, 4 in table order, under 全县名次", () => {
    const { e } = appraisal("county");
    expect(e.sheet.columns.some((c) => c.header === "乡镇内名次" || c.header === "排名")).toBe(false);
    const r = both(e, "全县名次");
    expect(r.fromFormula).toEqual([1, 3, 2, 4]);
    expect(r.fromPipeline).toEqual([1, 3, 2, 4]);
    expect(r.planCol).toBe(r.templateCol);
  });

  it("over the sample county's 180 secretaries: every 全县名次 of the formula equals the pipeline's, and they run over the whole county", () => {
    const county = sampleCounty();
    const scheme = defaultScheme("secretary", county.year);
    scheme.rank.scope = "county";
    const spec = templateSpec("secretary", { scheme, year: county.year });
    const e = evaluate(spec, scheme, county.files.secretary);
    const block = e.plan.results[0];
    const k = block.columns.findIndex((c) => c.header === "全县名次");
    const piped = new Map(block.rows.map((r) => [r.row, r.cells[k]]));
    const formula = e.formulaOnly.filter((f) => f.column === "全县名次");
    expect(formula.length).toBe(180);
    for (const f of formula) expect(f.value, `row ${f.row}`).toBe(piped.get(f.row));
    // Ranks among 180, ties sharing the better one: 1 is there and some rank is beyond any township's size.
    const ranks = formula.map((f) => f.value as number);
    expect(Math.min(...ranks)).toBe(1);
    expect(Math.max(...ranks)).toBeGreaterThan(100);
    expect(block.columns[k].col).toBe(e.sheet.columns.findIndex((c) => c.header === "全县名次") + 1);
  });

  it("a table whose rank column still says 排名 (an earlier template) gets the rank there, relabelled 乡镇内名次", () => {
    const scheme = defaultScheme("appraisal", 2025);
    const spec = templateSpec("appraisal", { scheme, year: 2025 });
    const sheet = dataSheet(spec);
    const workbook = templateWorkbook(spec, { rows: ordered(spec, rows) });
    const col = sheet.columns.findIndex((c) => c.header === "乡镇内名次");
    workbook.sheets[0].rows[sheet.headerRow - 1][col] = "排名";
    const result = runAssessment(workbook, { scheme, now: new Date("2026-01-15T00:00:00Z") });
    const block = result.plan!.results[0];
    const k = block.columns.findIndex((c) => c.header === "乡镇内名次");
    expect(block.columns[k].col).toBe(col + 1);
    expect(block.rows.map((r) => r.cells[k])).toEqual([1, 2, 1, 2]);
  });
});

describe("the appraisal's ballot: one result on both sides", () => {
  it("得票等次 and 优秀得票率: 40+10 of 50 is 80% 优秀 (< 90%) and 100% 优秀+称职, so 称职; 39 of 50 voters is under 4/5 (40), so 测评无效; 46 of 50 is 92%, 优秀; no votes, blank", () => {
    const { e } = appraisal("township");
    const grade = both(e, "得票等次");
    expect(grade.fromFormula).toEqual(["称职", "测评无效", "优秀", ""]);
    expect(grade.fromPipeline).toEqual(["称职", "测评无效", "优秀", ""]);
    // 40/50 = 0.8; 30/39 = 0.76923… → 0.7692; 46/50 = 0.92.
    const share = both(e, "优秀得票率");
    expect(share.fromFormula).toEqual([0.8, 0.7692, 0.92, ""]);
    expect(share.fromPipeline).toEqual([0.8, 0.7692, 0.92, ""]);
    const notes = both(e, "说明").fromPipeline;
    expect(notes[1]).toBe("实收 39 票，不足应参评人数 50 的 4/5，测评无效");
    expect(notes[3]).toBe("无测评票");
  });
});
