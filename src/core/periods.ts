// Period scores combined into one: half-year and annual tests, quarterly practice, daily work and the year-end appraisal.
import { valueError } from "./errors";
import { weightedMean } from "./composite";
import { byRow, type Locate } from "./scores";

/** What a period with no score means: "skip" shares its weight among the periods present; "zero" counts it as 0. */
export type MissingPeriod = "skip" | "zero";

/**
 * A period nobody scored (a new cadre, a test not yet held) is left out rather than counted as failed:
 * the renormalisation docs/rules.md §3 gives the rater composite, applied to periods.
 */
export const DEFAULT_MISSING_PERIOD: MissingPeriod = "skip";

/** Daily work 80, year-end appraisal 20: docs/rules.md §3 other composites, from village-secretary schemes. */
export const DAILY_AND_YEAR_END: readonly [number, number] = [0.8, 0.2];

/**
 * Σ wₚ·sₚ / Σ wₚ over the periods, in order (e.g. half-year test, annual test). Without weights every
 * period weighs the same. A null score is a period without a score, handled by `missing`. No period
 * scored at all: #N/A under either policy, as an empty row is not yet an assessment.
 */
export function aggregatePeriods(
  scores: readonly (number | null)[],
  weights?: readonly (number | null)[],
  missing: MissingPeriod = DEFAULT_MISSING_PERIOD,
  locate: Locate = byRow,
): number {
  if (weights !== undefined && weights.length !== scores.length)
    throw valueError("sizeMismatch", { arg: "weights", got: weights.length, other: "scores", expected: scores.length });
  const anyScored = scores.some((s) => s !== null);
  const entries = scores.map((s, i) => {
    const weight = weights === undefined ? 1 : weights[i];
    // A row with neither score nor weight is not a period, whatever the policy.
    const zeroed = s === null && missing === "zero" && anyScored && weight !== null;
    return { score: zeroed ? 0 : s, weight };
  });
  return weightedMean(entries, locate);
}
