// Village Party secretaries: 20 items with deductions and bonus, half-year and annual tests, the ballot, grades and classes.
import { toRatio } from "../../core/exact";
import { className, classes } from "../../core/classes";
import { weightedMean } from "../../core/composite";
import { aggregatePeriods } from "../../core/periods";
import { combineItemPeriods } from "../../core/item-periods";
import { numberText } from "../../core/number-text";
import { halfYearGaps, readHalfYear, type HalfYear } from "./half-year";
import { fourPromiseItem, readFourPromises } from "./four-promises-sheet";
import { fourPromiseStarColumn, fourPromiseStarRules, fourPromiseStarsOf, fourPromiseStarWarnings } from "./four-promise-stars";
import { sheetTotal, totalDeduction } from "../../core/scores";
import { deductionFieldId, itemFieldId } from "../../workbook/fields";
import type { PlanCell } from "../../workbook/plan";
import { type AssessInput, type Assessment, type KindRules, cell, num, roundScore, str } from "../../workbook/assess/common";
import { atRecord } from "../../workbook/assess/place";
import { gradeOverrideProblems, gradeScores, gradedReports, gradedSummary } from "../../workbook/assess/graded";
import { rankColumn } from "../../workbook/rank-column";
import { missingParts, withNote, type PartSpec } from "../../workbook/assess/missing";
import type { Problem } from "../../workbook/sheet";
import { applyNegativeRecords, peopleOf } from "../../workbook/negative-apply";
import { readNegativeRecords } from "../../workbook/negative-records";

/** The half-year test beside the annual one, and the ballot beside the quantified score: each composite's parts. */
function composites(input: AssessInput): { periods: PartSpec[]; parts: PartSpec[] } {
  const { scheme } = input;
  const [half, year] = scheme.periods.length === 2 ? scheme.periods : [{ name: "半年考核", weight: 0 }, { name: "年度考核", weight: 1 }];
  const [work, ballot] = scheme.parts.length === 2 ? scheme.parts : [{ name: "量化考核", weight: 1 }, { name: "民主测评", weight: 0 }];
  return {
    periods: [
      { field: "halfYear", name: half.name, weight: half.weight },
      { field: null, name: year.name, weight: year.weight },
    ],
    parts: [
      { field: null, name: work.name, weight: work.weight },
      { field: "ballot", name: ballot.name, weight: ballot.weight },
    ],
  };
}

/** With a half-year table its gaps are the period gaps; without one, the typed 半年考核 column's. */
function missing(input: AssessInput, half: HalfYear | undefined) {
  const c = composites(input);
  return [half ? halfYearGaps(input, half) : missingParts(input, c.periods, input.scheme.missing.periods, "periods"), missingParts(input, c.parts, input.scheme.missing.parts, "parts")];
}

function check(input: AssessInput): Problem[] {
  return [...gradeOverrideProblems(input), ...missing(input, readHalfYear(input)).flatMap((m) => m.problems), ...(readFourPromises(input)?.problems ?? []), ...readNegativeRecords(input.workbook, { items: input.scheme.negativeList }).problems];
}

function assess(input: AssessInput): Assessment {
  const { scheme, records } = input;
  const deductions: number[] = [];
  const annual: number[] = [];
  const quantified: (number | null)[] = [];
  const totals: (number | null)[] = [];
  const half = readHalfYear(input);
  const typedApart: string[] = records.map(() => "");
  const halfResults: (number | null)[] = records.map(() => null);
  const promiseResults: (number | null)[] = records.map(() => null);
  // The 四诺 item summed from its register, where the workbook or a linked one has it.
  const promises = readFourPromises(input);
  const promiseItem = itemFieldId(fourPromiseItem(scheme.items));
  const starRules = fourPromiseStarRules(scheme);
  const stars = records.map(() => ({ stars: null as number | null, note: "" }));
  records.forEach((r, ri) => atRecord(input, r, [], () => {
    let v = r.values;
    const fromRegister = promises?.scores[ri];
    if (fromRegister !== undefined && fromRegister !== null) {
      const typed = num(v[promiseItem]);
      if (typed !== null && roundScore(typed) !== roundScore(fromRegister)) typedApart[ri] = withNote(typedApart[ri], `本表“四诺”填 ${numberText(typed)}，按四诺承诺践诺台账计算为 ${numberText(roundScore(fromRegister))}，已按后者`);
      v = { ...v, [promiseItem]: fromRegister };
      promiseResults[ri] = roundScore(fromRegister);
    }
    // Stars from the points the table shows in the 四诺 item: the register's result as written there, else the typed points.
    if (starRules) stars[ri] = fourPromiseStarsOf(starRules, promiseResults[ri] ?? num(r.values[promiseItem]), promiseResults[ri] !== null);
    const deducted = totalDeduction(scheme.deductions.map((d, i) => ({ count: num(v[deductionFieldId(i)]), points: d.points, cap: d.cap })));
    deductions.push(roundScore(deducted));
    const total = sheetTotal({
      items: scheme.items.map((it, i) => ({ score: num(v[itemFieldId(i)]), max: it.max })),
      bonus: [num(v.bonus)],
      bonusCap: scheme.bonusCap,
      deductions: [deducted],
    }).total;
    annual.push(roundScore(total));
    // The year combines the half-year test and the annual test; a missing half year is a problem, or (as the scheme says) leaves the annual alone, said in 说明.
    const [halfWeight, yearWeight] = scheme.periods.length === 2 ? scheme.periods.map((p) => p.weight) : [0, 1];
    let q: number;
    if (half) {
      // Item by item: the half-year result is the town's items computed, never a typed number.
      const annualTest = { items: scheme.items.map((_, i) => num(v[itemFieldId(i)]) ?? 0), bonus: num(v.bonus), deductions: deducted };
      const halfTest = half.tests[ri] ?? { items: scheme.items.map(() => null) };
      const res = combineItemPeriods({ maxes: scheme.items.map((it) => it.max), weights: [halfWeight, yearWeight], tests: [halfTest, annualTest], bonusCap: scheme.bonusCap, missing: scheme.missing.periods });
      // check() made every gap a problem of its row, so only a row of a run skipping bad rows gets here without a result.
      if (!res.ok) throw new Error(`half-year gaps of row ${r.row} were not reported`);
      q = res.total;
      const typed = num(v.halfYear);
      const computed = res.periodTotals[0];
      halfResults[ri] = computed === null ? null : roundScore(computed);
      if (typed !== null && computed !== null && roundScore(typed) !== roundScore(computed)) typedApart[ri] = withNote(typedApart[ri], `本表半年考核填 ${numberText(typed)}，按半年考核表逐项计算为 ${numberText(roundScore(computed))}，已按后者`);
    } else q = aggregatePeriods([num(v.halfYear), total], [halfWeight, yearWeight]);
    quantified.push(roundScore(q));
    const parts = scheme.parts.length === 2 ? scheme.parts : [{ weight: 1 }, { weight: 0 }];
    totals.push(roundScore(weightedMean([
      { score: q, weight: parts[0].weight },
      { score: num(v.ballot), weight: parts[1].weight },
    ])));
  }));
  const names = records.map((r) => str(r.values.name));
  // The negative list acts on the final score and on the grade, before the quota: its points come off 综合得分 (not below 0).
  const negative = applyNegativeRecords(input.workbook, { items: scheme.negativeList }, peopleOf(input.fields, records), { failLabel: scheme.grade.labels[scheme.grade.labels.length - 1] });
  negative.outcomes.forEach((o, i) => {
    if (o.deduction > 0 && totals[i] !== null) totals[i] = roundScore(Math.max(0, totals[i]! - o.deduction));
  });
  const graded = gradeScores(input, totals, names, negative.outcomes);
  const gaps = missing(input, half);
  const klass = classes(
    totals.map((s, i) => ({ score: s, group: graded.groups[i] })),
    scheme.classes.map((x) => toRatio(x)),
  );
  // 中国式排名 and 百分比排位 are in the 排名 report; the table holds the template's own columns.
  const cells = records.map<PlanCell[]>((_, i) => [
    deductions[i],
    annual[i],
    cell(quantified[i]),
    cell(totals[i]),
    cell(graded.ranks.rank[i]),
    cell(graded.final[i]),
    klass[i] === null ? "" : className(klass[i]!),
    ...(starRules ? [cell(stars[i].stars)] : []),
    withNote(withNote(gaps.reduce((note, m) => withNote(m.notes[i], note), withNote(negative.outcomes[i].reasons.join("；"), graded.notes[i])), typedApart[i]), stars[i].note),
  ]);
  return {
    columns: [
      { header: "扣分", format: "score", width: 7 },
      { header: "年度得分", format: "score", width: 9 },
      { header: "量化得分", format: "score", width: 9 },
      { header: "综合得分", format: "score", width: 9 },
      rankColumn(scheme.rank.scope),
      { header: "等次", width: 9 },
      { header: "分类", width: 7 },
      ...(starRules ? [fourPromiseStarColumn] : []),
      { header: "说明", width: 24 },
    ],
    cells,
    warnings: [...gaps.flatMap((m) => m.warnings), ...(promises?.warnings ?? []), ...fourPromiseStarWarnings(scheme)],
    linkedUsed: [...(half?.linked ?? []), ...(promises?.linked ?? [])],
    inputs: [
      ...(half ? [{ field: "halfYear", values: halfResults }] : []),
      ...(promises ? [{ field: promiseItem, values: promiseResults }] : []),
    ],
    reports: gradedReports(scheme, graded, totals, names, "综合得分"),
    overrides: graded.overrides,
    summary: gradedSummary(scheme, graded, records.length),
  };
}

export const secretaryRules: KindRules = { check, assess };
