// The standard templates filled with seeded random tables (ties at the quota cut, blanks, 缺考, zero coefficients, a township of one, a branch of two), formulas beside the pipeline.
import { beforeAll, describe, expect, it } from "vitest";
import { type SchemeKind } from "../../src/core/scheme";
import { schemeKinds } from "../../src/kinds/registry";
import { agreeingColumns, differences, evaluate, type Difference, type Evaluation } from "./harness";
import { expectAgreementWithValues, expectedAgreeing, expectLayout, known, ordered } from "./compare";
import { randomTable, type RandomTable } from "./random-tables";

const SEEDS = [1, 2, 3, 4, 5, 6];

describe("the templates' formulas over random tables equal the pipeline's cells, but for the known differences", () => {
  const runs = {} as Record<SchemeKind, { seed: number; t: RandomTable; e: Evaluation }[]>;
  beforeAll(() => {
    for (const kind of schemeKinds)
      runs[kind] = SEEDS.map((seed) => {
        const t = randomTable(kind, seed);
        return { seed, t, e: evaluate(t.spec, t.scheme, t.data) };
      });
  });

  /** Every way the columns differ over all the tables, each with the first seed and row that shows it. */
  const allDifferences = (kind: SchemeKind) => {
    const first = new Map<string, Difference & { seed: number }>();
    for (const { seed, e } of runs[kind]) for (const d of differences(e)) if (!first.has(`${d.column}|${d.shape}`)) first.set(`${d.column}|${d.shape}`, { ...d, seed });
    return [...first.values()];
  };

  it.each(schemeKinds)("%s: the columns that differ are exactly the known ones, with the first seed and cell that shows each", (kind) => {
    const found = ordered(allDifferences(kind).map((d) => ({ column: d.column, shape: d.shape, seed: d.seed, ...d.sample })));
    expect(found).toEqual(known(kind, "random"));
  });

  it.each(schemeKinds)("%s: every other formula column agrees on every row of every table", (kind) => {
    const expected = expectedAgreeing(runs[kind][0].e, "random");
    for (const { seed, e } of runs[kind]) {
      const agreeing = agreeingColumns(e);
      expect(expectedAgreeing(e, "random"), `${kind} seed ${seed}`).toEqual(expected);
      for (const c of expected) expect(agreeing, `${kind} seed ${seed}`).toContain(c);
    }
    const merged: Evaluation = { ...runs[kind][0].e, pairs: runs[kind].flatMap((r) => r.e.pairs) };
    expectAgreementWithValues(merged, expected);
  });

  it.each(schemeKinds)("%s: the formulas show nothing below the data, and the layout is the sample county's", (kind) => {
    for (const { e } of runs[kind]) {
      expect(e.emptyRows.filter((c) => c.value !== "")).toEqual([]);
      expect(e.emptyRows.length).toBeGreaterThan(0);
      expectLayout(e);
    }
  });

  it.each(["secretary", "cadre"] as const)("%s: two rows tied at the top of a township whose quota is one are neither 优秀, on both sides (并列跨过名额线时均不评为优秀)", (kind) => {
    let ties = 0;
    for (const { t, e } of runs[kind]) {
      const first = e.sheet.firstDataRow;
      const score = new Map(e.pairs.filter((p) => p.column === "综合得分").map((p) => [p.row, p.fromFormula]));
      const grade = new Map(e.pairs.filter((p) => p.column === "等次").map((p) => [p.row, p]));
      const byTownship = new Map<unknown, number[]>();
      t.data.rows.forEach((r, i) => byTownship.set(r[0], [...(byTownship.get(r[0]) ?? []), first + i]));
      for (const rows of byTownship.values()) {
        const quota = Math.floor(rows.length * 0.2);
        const [top, twin] = [rows[0], rows[rows.length - 1]];
        const tied = score.get(top) === score.get(twin) && rows.every((r) => r === top || r === twin || (score.get(r) as number) < (score.get(top) as number));
        if (quota !== 1 || !tied || (score.get(top) as number) < 90) continue;
        ties++;
        for (const r of [top, twin]) expect([grade.get(r)!.fromFormula, grade.get(r)!.fromPipeline], `${kind} seed ${t.seed} row ${r}`).toEqual(["称职", "称职"]);
      }
    }
    expect(ties).toBeGreaterThan(0);
  });

  it("the tables carry negative-list records that act: bars and points for secretaries and cadres, stars removed and bars for members", () => {
    const shown = (kind: SchemeKind, column: string) => runs[kind].flatMap((r) => r.e.formulaOnly.filter((c) => c.column === column && c.value !== "" && c.value !== 0).map((c) => c.value));
    for (const kind of ["secretary", "cadre"] as const) expect(new Set(shown(kind, "负面清单")), kind).toEqual(new Set(["不得评优", "定为末等"]));
    expect(shown("member", "负面清单摘星").length).toBeGreaterThan(0);
    expect(shown("member", "负面清单不得评优").length).toBeGreaterThan(0);
    // Points come off 综合得分 on both sides: 说明 names the item's points somewhere in every kind that scores.
    for (const kind of ["secretary", "cadre"] as const) expect(runs[kind].some((r) => r.e.plan.results[0].rows.some((row) => row.cells.some((c) => typeof c === "string" && /负面清单 .*扣 \d+ 分/.test(c)))), kind).toBe(true);
  });

  it("the secretaries' tables award 四诺 stars (60%, 80%, 100% of 5 points) from none to three, blank where the item is blank", () => {
    const shown = new Set(runs.secretary.flatMap((r) => r.e.pairs.filter((p) => p.column === "四诺星级").map((p) => p.fromFormula)));
    expect(shown).toEqual(new Set([0, 1, 2, 3, ""]));
  });

  it("the tables hold what they are for: a township with one cadre, a branch with two members, blanks and 缺考", () => {
    const t = randomTable("cadre", 1).data.rows;
    const townships = t.map((r) => r[0]);
    expect(townships.filter((x) => x === townships[0]).length).toBe(1);
    const m = randomTable("member", 1).data.rows;
    expect(m.filter((r) => r[1] === "甲村党支部").length).toBe(2);
    const s = SEEDS.flatMap((seed) => randomTable("secretary", seed).data.rows);
    expect(s.some((r) => r.includes(null))).toBe(true);
  });
});
