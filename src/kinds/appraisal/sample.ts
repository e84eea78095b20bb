// The sample county's appraisal rows: deterministic, realistic, and as a clerk fills the template.
import { CellValue } from "../../workbook/sheet";
import { dataSheet, inputColumns, type TemplateSpec } from "../../workbook/templates";
import { Dice, clamp, round1 } from "../sample/county-shape";

/**
 * The rater groups' scores of one person whose weighted mean is `composite` exactly: three groups drawn
 * about it, the heaviest group's score solved for (to the hundredth, as a mean of many raters' scores is).
 * Group 3 (群众评议) sometimes did not rate; its weight is then shared out, as the scheme says.
 */
function raterScores(d: Dice, composite: number, weights: readonly number[]): (number | null)[] {
  const publicMissing = d.chance(0.03);
  // The heaviest group's score is solved for; the others are drawn about the composite (self-assessment a little kinder).
  const k = weights.indexOf(Math.max(...weights));
  const spread = [[5, 3], [0, 5], [-2, 5], [0, 4]];
  const drawn = weights.map<number | null>((_, i) => {
    const [shift, sd] = spread[i] ?? [0, 4];
    const score = round1(clamp(d.normal(composite + shift, sd), 50, 100));
    return i === k || (i === 2 && publicMissing) ? null : score;
  });
  // In exact hundredths: Σ wᵢ·sᵢ = composite · Σ wᵢ over the groups that rated.
  const solve = (scores: (number | null)[]) => {
    const weightSum = weights.reduce((t, w, i) => (i === k || scores[i] !== null ? t + w : t), 0);
    const others = scores.reduce<number>((t, s, i) => (s === null ? t : t + weights[i] * s), 0);
    return Math.round(((composite * weightSum - others) / weights[k]) * 100) / 100;
  };
  let scores = drawn;
  let solved = solve(scores);
  // Drawn too far apart for the heaviest group to make up the difference: every group gives the composite.
  if (solved < 50 || solved > 100) {
    scores = drawn.map((s) => (s === null ? null : composite));
    solved = composite;
  }
  return scores.map((s, i) => (i === k ? solved : s));
}

/**
 * One appraisal row per secretary. `composites` are the results the county's appraisal gave each of
 * them (the secretaries' 民主测评, which their own return leaves to this table): the groups' scores are
 * drawn to give exactly that composite under `weights`.
 */
export function appraisalRows(d: Dice, spec: TemplateSpec, secretaries: CellValue[][], secretarySpec: TemplateSpec, composites: readonly number[], weights: readonly number[]): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const sCols = inputColumns(dataSheet(secretarySpec));
  const at = (row: CellValue[], field: string) => row[sCols.findIndex((c) => c.field === field)];
  return secretaries.map((s, i) => {
    const voters = d.int(20, 60);
    const cast = voters - d.int(0, 3);
    const topShare = clamp(d.normal(0.78, 0.14), 0.2, 1);
    const top = Math.round(cast * topShare);
    const second = Math.round((cast - top) * clamp(d.normal(0.8, 0.1), 0, 1));
    const bottom = Math.min(cast - top - second, d.chance(0.1) ? d.int(1, 3) : 0);
    const third = cast - top - second - bottom;
    const scores = raterScores(d, composites[i], weights);
    return cols.map<CellValue>((c) => {
      const f = c.field!;
      if (f === "township") return at(s, "township");
      if (f === "name") return at(s, "name");
      if (f === "id") return at(s, "id");
      if (f.startsWith("rater")) return scores[Number(f.slice(5)) - 1] ?? null;
      if (f === "votesTop") return top;
      if (f === "votesSecond") return second;
      if (f === "votesThird") return third;
      if (f === "votesBottom") return bottom;
      if (f === "voters") return voters;
      return null;
    });
  });
}
