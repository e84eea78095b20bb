// Satisfaction with the grass roots: the share of the rating units (county departments, grass-roots stations) rated satisfied, or the mean score where a scheme asks for it.
import { atLeastShare, compare, exactOf, plus, reduce, ZERO, type Exact, type Ratio } from "./exact";
import { labelKey } from "./grade";
import { parseFlagText } from "./text";

/**
 * How the satisfaction target is measured: "share", the units rated satisfied over the units that
 * rated, as 《我县农村党建工作措施》 says (≥ 65% of the county departments and grass-roots stations
 * satisfied); "mean", the mean of satisfaction scores over 100, kept for a scheme that asks for it.
 */
export type SatisfactionMeasure = "share" | "mean";

/** What a rating says: 满意 is satisfied; 基本满意 and 不满意 are not (the document counts units satisfied, not units not dissatisfied). */
export const SATISFIED_WORDS: readonly string[] = ["满意", "非常满意"];
export const NOT_SATISFIED_WORDS: readonly string[] = ["基本满意", "不满意", "不太满意", "很不满意"];

export interface SatisfactionShare {
  /** Units rated satisfied, and units that gave a rating. */
  readonly satisfied: number;
  readonly rated: number;
  /** satisfied / rated, exact and in lowest terms; null when no unit rated. */
  readonly share: Ratio | null;
  /** Indexes of ratings that are neither word list nor a yes/no: not counted, to be reported. */
  readonly unreadable: number[];
}

/**
 * Each unit's rating read as satisfied or not: a word of either list, or a yes/no (是/否, √/×); a
 * blank is a unit that did not rate. Anything else is neither counted nor guessed.
 */
export function satisfactionShare(
  ratings: readonly (string | boolean | null)[],
  satisfiedWords: readonly string[] = SATISFIED_WORDS,
  notSatisfiedWords: readonly string[] = NOT_SATISFIED_WORDS,
): SatisfactionShare {
  const yes = new Set(satisfiedWords.map(labelKey));
  const no = new Set(notSatisfiedWords.map(labelKey));
  let satisfied = 0;
  let rated = 0;
  const unreadable: number[] = [];
  ratings.forEach((r, i) => {
    if (r === null || (typeof r === "string" && r.trim() === "")) return;
    const k = typeof r === "string" ? labelKey(r) : "";
    const verdict = typeof r === "boolean" ? r : yes.has(k) ? true : no.has(k) ? false : parseFlagText(r);
    if (verdict === undefined) {
      unreadable.push(i);
      return;
    }
    rated++;
    if (verdict) satisfied++;
  });
  return { satisfied, rated, share: rated === 0 ? null : reduce(BigInt(satisfied), BigInt(rated)), unreadable };
}

/** The share meets the target, exactly (13 of 20 meets 65%); null when no unit rated. */
export function satisfactionShareMet(s: SatisfactionShare, target: Ratio): boolean | null {
  return s.rated === 0 ? null : atLeastShare(s.satisfied, s.rated, target);
}

/** The mean of satisfaction scores (0–100) over 100, exact; null when no score was given. Blanks are not scores. */
export function satisfactionMean(scores: readonly (number | null)[]): Exact | null {
  const given = scores.filter((x): x is number => x !== null);
  if (given.length === 0) return null;
  const sum = given.reduce<Exact>((s, x) => plus(s, exactOf(x)), ZERO);
  return reduce(sum.num, sum.den * BigInt(given.length) * 100n);
}

/** The mean meets the target, exactly (a mean of 65 meets 65%); null when no score was given. */
export function satisfactionMeanMet(mean: Exact | null, target: Ratio): boolean | null {
  return mean === null ? null : compare(mean, target) >= 0;
}
