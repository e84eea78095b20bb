// 三评两公开 in the member table: the rater groups' star proposals combined (三评星数) and the township's 初审, before the negative list and the quota.
import { weightedMean } from "../../core/composite";
import { roundHalfUp } from "../../core/exact";
import { applyReview, reviewOutcomeNames, type PreliminaryReview } from "../../core/review";
import type { Scheme, StarCategoryDef } from "../../core/scheme";
import { numberText } from "../../core/number-text";
import type { FieldDef } from "../../workbook/fields";
import type { Problem } from "../../workbook/sheet";
import { type AssessInput, num, str } from "../../workbook/assess/common";
import type { RowRecord } from "../../workbook/read";

/** The column of the stars rater group k proposes (自评星数, 互评星数…), one per group of the scheme's raters. */
export const ratingFieldId = (k: number) => `rating${k + 1}`;

/** The rater groups' columns, then the 初审's outcome, its stars and its reason: all optional, absent in a table rated on the aspects alone. */
export function reviewFields(scheme: Scheme): FieldDef[] {
  return [
    ...scheme.raters.map<FieldDef>((r, k) => ({ id: ratingFieldId(k), header: `${r.name}星数`, aliases: [`${r.name}星级`, `${r.name}建议星数`], type: "number", required: false, min: 0 })),
    { id: "review", header: "初审结果", aliases: ["乡镇初审", "初审"], type: "text", required: false },
    { id: "reviewStars", header: "初审调整星数", aliases: ["初审星数"], type: "number", required: false, min: 0 },
    { id: "reviewReason", header: "初审理由", aliases: ["初审意见", "初审原因"], type: "text", required: false },
  ];
}

/** Whether the table has a rater group's column: without one the member kind rates on the aspects as before. */
export const hasRatings = (input: AssessInput) => input.scheme.raters.some((_, k) => input.table.columns.has(ratingFieldId(k)));

const ratingsOf = (scheme: Scheme, r: RowRecord) => scheme.raters.map((_, k) => num(r.values[ratingFieldId(k)]));

/** Whether any rater group rated this member: then the 三评 gives the stars, not the aspects. */
export const isRated = (scheme: Scheme, r: RowRecord) => ratingsOf(scheme, r).some((x) => x !== null);

/**
 * The stars the rater groups propose: Σ wₖ·Sₖ / Σ wₖ over the groups that rated (a missing group's
 * weight shared out, the composite rule of docs/rules.md §3), rounded half up and held within the cap,
 * as core/review's proposedStars does for the four standard groups; null when nobody rated.
 */
export function proposed(scheme: Scheme, r: RowRecord, cap: number): { stars: number | null; note?: string } {
  const ratings = ratingsOf(scheme, r);
  if (ratings.every((x) => x === null)) return { stars: null };
  const composite = weightedMean(ratings.map((score, k) => ({ score, weight: scheme.raters[k].weight })));
  const stars = Math.min(cap, Math.max(0, roundHalfUp(composite, 0)));
  const missing = scheme.raters.filter((_, k) => ratings[k] === null).map((g) => g.name);
  return { stars, note: missing.length ? `${missing.join("、")}未评，三评星数按其余评议主体的权重折算` : undefined };
}

/** The outcome a typed word names (own keys only: "constructor" is no outcome). */
const outcomeOf = (typed: string) => (Object.hasOwn(reviewOutcomeNames, typed) ? reviewOutcomeNames[typed] : undefined);

/** The 初审 typed in a row, or undefined when the row has none (check has refused a word it does not know). */
export function reviewOf(r: RowRecord): PreliminaryReview | undefined {
  const outcome = outcomeOf(str(r.values.review).trim());
  return outcome && { outcome, stars: num(r.values.reviewStars), reason: str(r.values.reviewReason) };
}

/** The stars after 初审 (null: sent back) and its line for 说明. */
export const reviewed = (stars: number, r: RowRecord, cap: number) => applyReview(stars, reviewOf(r), cap);

/**
 * What the 三评 and 初审 columns say that cannot be computed: a rating that is not a whole number of
 * stars within the cap, a group missing where missing.raters says so is a problem, an outcome not
 * known, 调整 without its stars or a reason, 退回 without a reason, stars typed for another outcome.
 */
export function reviewProblems(input: AssessInput, capOf: (r: RowRecord) => StarCategoryDef | undefined): Problem[] {
  const { table, scheme } = input;
  const out: Problem[] = [];
  const at = (r: RowRecord, field: string, zh: string, en: string) => {
    const col = table.columns.get(field);
    out.push({ sheet: table.sheet, row: r.row, col: col === undefined ? 0 : col + 1, header: table.headers.get(field), zh, en });
  };
  const outcomes = Object.keys(reviewOutcomeNames).filter((k) => /\p{Script=Han}/u.test(k));
  for (const r of input.records) {
    const cat = capOf(r);
    const ratings = ratingsOf(scheme, r);
    ratings.forEach((x, k) => {
      if (x !== null && cat && (!Number.isInteger(x) || x > cat.cap))
        at(r, ratingFieldId(k), `${scheme.raters[k].name}星数应为 0 至 ${cat.cap} 的整数（${numberText(x)}）；请改正，或清空表示该主体未评`, `the ${scheme.raters[k].name} stars must be a whole number from 0 to ${cat.cap} (${numberText(x, "en-US")}); correct it, or clear it if that group did not rate`);
    });
    if (scheme.missing.raters === "problem" && ratings.some((x) => x !== null))
      ratings.forEach((x, k) => {
        if (x === null && table.columns.has(ratingFieldId(k)))
          at(r, ratingFieldId(k), `${scheme.raters[k].name}星数空白，而考核方案“缺少评议主体”（missing.raters）为列为问题。请补上，或把该设置改为按其余各项权重折算`, `no ${scheme.raters[k].name} stars, and the scheme's missing.raters is problem: fill it in, or set it to reweight`);
      });
    const typed = str(r.values.review).trim();
    const outcome = outcomeOf(typed);
    const reason = str(r.values.reviewReason).trim();
    const given = num(r.values.reviewStars);
    if (typed !== "" && outcome === undefined)
      at(r, "review", `初审结果“${typed}”无法识别，应为：${outcomes.join("、")}`, `the preliminary examination's outcome "${typed}" is not known; use 通过, 调整 or 退回`);
    if ((outcome === "adjust" || outcome === "return") && reason === "")
      at(r, "reviewReason", `初审结果为“${typed}”，须填写初审理由`, `the preliminary examination says ${typed}: give its reason`);
    if (outcome === "adjust" && (given === null || !Number.isInteger(given) || given < 0 || (cat !== undefined && given > cat.cap)))
      at(r, "reviewStars", `初审结果为“调整”，初审调整星数应为 0 至 ${cat?.cap ?? ""} 的整数（${given === null ? "空白" : numberText(given)}）`, `the preliminary examination adjusts the stars: the adjusted stars must be a whole number from 0 to ${cat?.cap ?? ""} (${given === null ? "blank" : numberText(given, "en-US")})`);
    if (outcome !== "adjust" && given !== null)
      at(r, "reviewStars", `填了初审调整星数 ${numberText(given)}，而初审结果不是“调整”：请把初审结果填为“调整”，或清空该星数`, `adjusted stars ${numberText(given, "en-US")} are given but the outcome is not 调整: set the outcome to 调整 or clear the stars`);
  }
  return out;
}
