// Scores of several raters combined into one: the weighted composite over the raters present, and the trimmed mean.
import { RuleError, naError, valueError } from "./errors";
import { ZERO, dividedBy, exactOf, plus, roundHalfUp, times, toNumber, type Exact } from "./exact";
import { byRow, finiteAt, nonNegativeAt, type Locate } from "./scores";

/** The rater groups of 三评: self (自评), peer (互评), public (群众评议), branch committee (支部评定), in this order. */
export const RATER_GROUPS = ["self", "peer", "public", "branch"] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

/** self .2, peer .4, public .2, branch .2: docs/rules.md §3 composite, from an open-source party-member system. */
export const DEFAULT_RATER_WEIGHTS: Readonly<Record<RaterGroup, number>> = { self: 0.2, peer: 0.4, public: 0.2, branch: 0.2 };

/** Work results 70, democratic ballot 30: docs/rules.md §3 other composites, from village-secretary schemes. */
export const WORK_AND_BALLOT: readonly [number, number] = [0.7, 0.3];

/** A score and its weight; a null score is absent (a rater group that did not rate). */
export interface Weighted {
  readonly score: number | null;
  readonly weight: number | null;
}

/**
 * Σ wᵢ·sᵢ / Σ wᵢ over the scores present: a missing rater group's weight is shared out among the
 * others in proportion, rather than counting the group as 0. All absent: #N/A. A present score
 * needs a weight; present weights adding to 0: #DIV/0!.
 */
export function weightedMean(entries: readonly Weighted[], locate: Locate = byRow): number {
  let sum: Exact = ZERO;
  let weights: Exact = ZERO;
  let present = 0;
  entries.forEach((e, i) => {
    if (e.weight !== null) nonNegativeAt(e.weight, locate("weights", i));
    if (e.score === null) return;
    if (e.weight === null) throw valueError("required", locate("weights", i));
    const w = exactOf(e.weight);
    sum = plus(sum, times(w, exactOf(finiteAt(e.score, locate("scores", i)))));
    weights = plus(weights, w);
    present++;
  });
  if (present === 0) throw naError("noScores", { arg: "scores" });
  if (weights.num === 0n) throw new RuleError("#DIV/0!", "zeroWeights", { arg: "weights" });
  return toNumber(dividedBy(sum, weights));
}

/** The default rater weights for a list of scores, which must be the four groups in RATER_GROUPS order. */
export function defaultRaterWeights(count: number): number[] {
  if (count !== RATER_GROUPS.length) throw valueError("raterWeightsNeedFour", { got: count });
  return RATER_GROUPS.map((g) => DEFAULT_RATER_WEIGHTS[g]);
}

/** The composite of the rater groups' scores (null or missing = that group did not rate). */
export function raterComposite(
  scores: Partial<Record<RaterGroup, number | null>>,
  weights: Readonly<Record<RaterGroup, number>> = DEFAULT_RATER_WEIGHTS,
): number {
  return weightedMean(RATER_GROUPS.map((g) => ({ score: scores[g] ?? null, weight: weights[g] })));
}

// ---------------------------------------------------------------- trimmed mean

/** How many of the highest and lowest scores to drop, and from how many raters on. */
export interface TrimRule {
  readonly dropHigh: number;
  readonly dropLow: number;
  readonly minCount: number;
}

/**
 * Drop 1 highest and 1 lowest when there are more than 5 raters (超过5人, which excludes 5, so from 6):
 * docs/rules.md §3 rater trim, from ballot templates.
 */
export const DEFAULT_TRIM: TrimRule = { dropHigh: 1, dropLow: 1, minCount: 6 };

function checkTrim(rule: TrimRule): void {
  const whole = (n: number, arg: string) => {
    if (!Number.isInteger(n)) throw valueError("notInteger", { arg, value: n });
    nonNegativeAt(n, { arg });
  };
  whole(rule.dropHigh, "drop_high");
  whole(rule.dropLow, "drop_low");
  whole(rule.minCount, "min_count");
  // Below this, dropping could leave nothing to average.
  const drops = rule.dropHigh + rule.dropLow;
  if (drops > 0 && rule.minCount <= drops) throw valueError("trimTooMany", { value: rule.minCount, drops });
}

/**
 * The mean of the scores present (nulls are raters who did not score), after dropping the dropHigh
 * highest and dropLow lowest when at least minCount are present. None present: #N/A.
 */
export function trimmedMean(scores: readonly (number | null)[], rule: TrimRule = DEFAULT_TRIM, locate: Locate = byRow): number {
  checkTrim(rule);
  const present = scores
    .map((s, i) => (s === null ? null : finiteAt(s, locate("scores", i))))
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  if (present.length === 0) throw naError("noScores", { arg: "scores" });
  const kept = present.length >= rule.minCount ? present.slice(rule.dropLow, present.length - rule.dropHigh) : present;
  const sum = kept.reduce<Exact>((s, x) => plus(s, exactOf(x)), ZERO);
  return toNumber(dividedBy(sum, exactOf(kept.length)));
}

/** The plain mean of the numbers, rounded half up to `digits` as a report shows it; none: undefined. */
export function roundedMean(xs: readonly number[], digits: number): number | undefined {
  if (xs.length === 0) return undefined;
  let sum = 0;
  for (const x of xs) sum += x;
  return roundHalfUp(sum / xs.length, digits);
}
