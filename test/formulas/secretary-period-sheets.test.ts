// The secretary template's formulas read its 半年考核 sheet and 四诺 register as kaohe run does: random tables with both filled agree cell for cell, hand-worked examples, and #N/A where the pipeline refuses a person two rows could be.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { FOUR_PROMISES_SHEET } from "../../src/kinds/secretary/four-promises-sheet";
import { HALF_YEAR_SHEET } from "../../src/kinds/secretary/half-year";
import { runAssessment } from "../../src/workbook/pipeline";
import { templateSpec } from "../../src/workbook/template-spec";
import type { TemplateData } from "../../src/workbook/templates";
import { differences, evaluate, fillTemplate, type Evaluation } from "./harness";
import { withPeriodSheets } from "./random-period-sheets";
import { ordered, type Row } from "./random-tables";

const SEEDS = [1, 2, 3, 4, 5, 6];

const column = (e: Evaluation, header: string) => new Map(e.pairs.filter((p) => p.column === header).map((p) => [p.row, p]));

describe("random secretary tables with a filled 半年考核 sheet and 四诺 register", () => {
  const runs = SEEDS.map((seed) => {
    const t = withPeriodSheets(seed);
    return { seed, t, e: evaluate(t.spec, t.scheme, t.data) };
  });

  it.each(SEEDS)("seed %i: every formula column (年度得分, 量化得分, 综合得分, 四诺星级 …) agrees with the pipeline on every row", (seed) => {
    const { e } = runs.find((r) => r.seed === seed)!;
    expect(differences(e).map((d) => [d.column, d.shape, d.rows, d.sample])).toEqual([]);
    expect(column(e, "量化得分").size).toBeGreaterThan(3);
  });

  it("the sheets are read, not the typed columns: the person missing from 半年考核 is scored on the annual test alone, on both sides", () => {
    for (const { t, e } of runs) {
      const missing = e.sheet.firstDataRow + 1; // the second secretary (withPeriodSheets leaves him out)
      const q = column(e, "量化得分").get(missing)!;
      const a = column(e, "年度得分").get(missing)!;
      expect(q.fromFormula, `seed ${t.seed}`).toBe(a.fromFormula);
      expect(q.fromPipeline).toBe(a.fromPipeline);
    }
  });

  it("a half year below 0 enters the combination unfloored: 8 points (0.4 × −20) come off 0.6 × the annual result", () => {
    let seen = 0;
    for (const { t, e } of runs) {
      // The third of the reversed list is the secretary whose half year is all 0 with four 5-point deductions (none when he is the second, whom the sheet leaves out).
      const index = t.data.rows.length - 3;
      if (index === 1 || index < 0) continue;
      const row = e.sheet.firstDataRow + index;
      const annual = column(e, "年度得分").get(row)!.fromFormula as number;
      if (annual < 14) continue;
      // 年度得分 is shown rounded, so 0.6 × it is within 0.003 of the unrounded product; floored at 0 the half year would give 0.6 × annual, 8 more.
      const expected = 0.6 * annual - 8;
      for (const side of ["fromFormula", "fromPipeline"] as const) expect(Math.abs((column(e, "量化得分").get(row)![side] as number) - expected), `seed ${t.seed} row ${row} ${side}`).toBeLessThanOrEqual(0.01);
      seen++;
    }
    expect(seen).toBeGreaterThan(0);
  });
});

/** One township's secretaries, every item at full marks but the 四诺 item, as the hand examples set them. */
function people(n: number): Row[] {
  const s = defaultScheme("secretary", 2025);
  return Array.from({ length: n }, (_, i) => {
    const r: Row = { township: "东镇", village: `村${i + 1}`, name: `书记${i + 1}`, id: `S${i + 1}` };
    s.items.forEach((it, k) => (r[`item${k + 1}`] = it.max));
    return r;
  });
}

function dataWith(spec: ReturnType<typeof templateSpec>, main: Row[], half: Row[], register: Row[]): TemplateData {
  return {
    rows: ordered(spec, main),
    extra: (spec.extra ?? []).map((x, i) => ({ rows: x.name === HALF_YEAR_SHEET ? ordered(spec, half, i + 1) : x.name === FOUR_PROMISES_SHEET ? ordered(spec, register, i + 1) : [] })),
  };
}

describe("hand-worked: the half year item by item and the 四诺 register", () => {
  const scheme = defaultScheme("secretary", 2025);
  const spec = templateSpec("secretary", { scheme, year: 2025 });
  const items = scheme.items;
  const four = items.findIndex((it) => it.name.includes("四诺"));

  const main = people(3);
  // 书记1: annual 90: 村集体经济发展 (8) typed 0, “三会一课” (6) typed 4, and 四诺 typed 0 but 5 from the register
  // (one promise, all four quarters practised, 半年评诺 100, 兑现: 5 × (4/4 + 100/100 + 1) / 3 = 5): 100 − 8 − 2 = 90.
  main[0][`item${four + 1}`] = 0;
  main[0].item11 = 0;
  main[0].item2 = 4;
  // 书记2: annual 100 with 四诺 typed 5; not in the register, so the typed 5 counts. Half year 60 + 2.5 bonus − 2 (one absence) = 60.5.
  // 书记3: annual 100, typed 半年考核 100, but not in the 半年考核 sheet: the sheet is filled, so his 量化得分 is his annual 100 alone.
  main[2].halfYear = 50;
  const half: Row[] = [
    // 书记1 found by his ID typed in lower case: items summing to 80 (the first 13 at full marks are 67, then 5 + 5 + 3).
    { township: "东镇", village: "村1", name: "书记1", id: "s1", ...Object.fromEntries(items.map((it, k) => [`item${k + 1}`, k < 13 ? it.max : 0])), item14: 5, item15: 5, item16: 3 },
    // 书记2 found by name and unit (no ID): items 60 (the first 11 at full marks are 57, then 3), bonus 2.5, one absence (2 points).
    { township: "东镇", village: "村2", name: "书记2", ...Object.fromEntries(items.map((it, k) => [`item${k + 1}`, k < 11 ? it.max : 0])), item12: 3, bonus: 2.5, deduction1: 1 },
  ];
  const register: Row[] = [
    { township: "东镇", village: "村1", name: "书记1", promise: "修村道", quarter1: "已践诺", quarter2: "已践诺", quarter3: "已践诺", quarter4: "已践诺", halfYear: 100, yearEnd: "兑现" },
  ];

  it("the sums the example rests on: the half-year items of 书记1 are 80, of 书记2 60", () => {
    const sum = (r: Row) => items.reduce((t, _, k) => t + Number(r[`item${k + 1}`] ?? 0), 0);
    expect(sum(half[0])).toBe(80);
    expect(sum(half[1])).toBe(60);
  });

  const e = evaluate(spec, scheme, dataWith(spec, main, half, register));
  const at = (header: string) => [...column(e, header).values()].map((p) => [p.fromFormula, p.fromPipeline]);

  it("年度得分: 书记1 90 (四诺 5 from the register over his typed 0), 书记2 100, 书记3 100, on both sides", () => {
    expect(at("年度得分")).toEqual([
      [90, 90],
      [100, 100],
      [100, 100],
    ]);
  });

  it("量化得分 with weights 0.4 / 0.6: 书记1 80 × 0.4 + 90 × 0.6 = 86.00; 书记2 60.5 × 0.4 + 100 × 0.6 = 84.20; 书记3 100 (annual alone, his typed 50 not read)", () => {
    expect(at("量化得分")).toEqual([
      [86, 86],
      [84.2, 84.2],
      [100, 100],
    ]);
  });

  it("the 半年考核 sheet shows each half year: 书记1 80, 书记2 60.5 (加减后合计 and 半年成绩)", () => {
    const f = fillTemplate(spec, dataWith(spec, main, half, register));
    expect(f.lastData).toBe(7);
    const sheet = spec.extra!.find((x) => x.name === HALF_YEAR_SHEET)!;
    const total = sheet.columns.find((c) => c.header === "加减后合计")!;
    const result = sheet.columns.find((c) => c.header === "半年成绩")!;
    expect([total.role, result.role]).toEqual(["result", "result"]);
    expect(sheet.formulas.map((x) => x.header)).toEqual(["加减后合计", "半年成绩"]);
  });
});

describe("a person two rows of the 半年考核 sheet could be: the pipeline refuses him, the formula is #N/A", () => {
  const scheme = defaultScheme("secretary", 2025);
  const spec = templateSpec("secretary", { scheme, year: 2025 });
  const main = people(2).map((r) => ({ ...r, id: null }));
  const full = Object.fromEntries(scheme.items.map((it, k) => [`item${k + 1}`, it.max]));
  const half: Row[] = [
    { township: "东镇", village: "村1", name: "书记1", ...full },
    { township: "东镇", village: "村1", name: "书记1", ...full, item1: 0 },
    { township: "东镇", village: "村2", name: "书记2", ...full },
  ];
  const data = dataWith(spec, main, half, []);

  it("量化得分 of 书记1 is #N/A, of 书记2 100", () => {
    const f = fillTemplate(spec, data);
    const col = spec.sheets[0].columns.find((c) => c.header === "量化得分")!.col;
    expect([f.value(5, col), f.value(6, col)]).toEqual(["#N/A", 100]);
  });

  it("the pipeline refuses the run, naming 书记1's row", () => {
    const result = runAssessment(fillTemplate(spec, data).workbook, { scheme, now: new Date("2026-01-15T00:00:00Z") });
    expect(result.status).toBe("problems");
    expect(result.problems.map((p) => [p.sheet, p.row])).toContainEqual([spec.sheets[0].name, 5]);
  });
});

describe("a register row with a blank 半年评诺: the pipeline refuses it, the secretary's 年度得分 is an error and only his", () => {
  const scheme = defaultScheme("secretary", 2025);
  const spec = templateSpec("secretary", { scheme, year: 2025 });
  const register: Row[] = [
    { township: "东镇", village: "村1", name: "书记1", promise: "修村道", quarter1: "是", yearEnd: "兑现" },
    { township: "东镇", village: "村2", name: "书记2", promise: "建书屋", quarter1: "是", halfYear: 80, yearEnd: "部分兑现" },
  ];
  const data = dataWith(spec, people(2), [], register);

  it("书记1's 年度得分 is #VALUE!; 书记2's is 95 + 5 × (1/4 + 0.8 + 0.5) / 3 = 97.58 (rounded)", () => {
    const f = fillTemplate(spec, data);
    const col = spec.sheets[0].columns.find((c) => c.header === "年度得分")!.col;
    expect(f.value(5, col)).toBe("#VALUE!");
    expect(f.value(6, col)).toBe(97.58);
  });

  it("the pipeline names the blank cell", () => {
    const result = runAssessment(fillTemplate(spec, data).workbook, { scheme, now: new Date("2026-01-15T00:00:00Z") });
    expect(result.status).toBe("problems");
    expect(result.problems.some((p) => p.sheet === FOUR_PROMISES_SHEET && p.row === 4)).toBe(true);
  });
});

describe("two people of the register who could be one secretary: the pipeline refuses him, the formula is an error", () => {
  const scheme = defaultScheme("secretary", 2025);
  const spec = templateSpec("secretary", { scheme, year: 2025 });
  // 书记1 has no ID in the secretaries' table; the register has a 书记1 of 村1 under A1 and another under A2.
  const main = people(2).map((r, i) => (i === 0 ? { ...r, id: null } : r));
  const promise = { promise: "修村道", quarter1: "是", halfYear: 90, yearEnd: "兑现" };
  const register: Row[] = [
    { township: "东镇", village: "村1", name: "书记1", id: "A1", ...promise },
    { township: "东镇", village: "村1", name: "书记1", id: "A2", ...promise },
    { township: "东镇", village: "村2", name: "书记2", id: "S2", ...promise },
  ];
  const data = dataWith(spec, main, [], register);

  it("年度得分 of 书记1 is an error (KAOHE.LINK's #N/A, refused by KAOHE.SCORE as #VALUE!); 书记2's is 95 + 5 × (1/4 + 0.9 + 1) / 3 = 98.58 (rounded)", () => {
    const f = fillTemplate(spec, data);
    const col = spec.sheets[0].columns.find((c) => c.header === "年度得分")!.col;
    expect([f.value(5, col), f.value(6, col)]).toEqual(["#VALUE!", 98.58]);
  });

  it("the pipeline refuses the run at 书记1's row, saying which register rows could be him", () => {
    const result = runAssessment(fillTemplate(spec, data).workbook, { scheme, now: new Date("2026-01-15T00:00:00Z") });
    expect(result.status).toBe("problems");
    const p = result.problems.find((x) => x.sheet === spec.sheets[0].name && x.row === 5)!;
    expect(p.zh).toContain("四诺承诺践诺台账");
    expect(p.zh).toContain("第4行、第5行");
  });
});

describe("a half-year row with a blank item, and a secretary missing where the scheme makes that a problem: errors in the formulas, problems in the pipeline", () => {
  const scheme = { ...defaultScheme("secretary", 2025) };
  scheme.missing = { ...scheme.missing, periods: "problem" };
  const spec = templateSpec("secretary", { scheme, year: 2025 });
  const full = Object.fromEntries(scheme.items.map((it, k) => [`item${k + 1}`, it.max]));
  const half: Row[] = [
    { township: "东镇", village: "村1", name: "书记1", ...full, item3: null },
    { township: "东镇", village: "村2", name: "书记2", ...full },
  ];
  const data = dataWith(spec, people(3), half, []);

  it("量化得分: 书记1 (a blank item) and 书记3 (not in the sheet) #VALUE!, 书记2 100", () => {
    const f = fillTemplate(spec, data);
    const col = spec.sheets[0].columns.find((c) => c.header === "量化得分")!.col;
    expect([5, 6, 7].map((r) => f.value(r, col))).toEqual(["#VALUE!", 100, "#VALUE!"]);
  });

  it("the pipeline names the blank item and the missing secretary", () => {
    const result = runAssessment(fillTemplate(spec, data).workbook, { scheme, now: new Date("2026-01-15T00:00:00Z") });
    expect(result.status).toBe("problems");
    expect(result.problems.some((p) => p.sheet === HALF_YEAR_SHEET && p.header === scheme.items[2].name)).toBe(true);
    expect(result.problems.some((p) => p.sheet === spec.sheets[0].name && p.row === 7)).toBe(true);
  });
});
