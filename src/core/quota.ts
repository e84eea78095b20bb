// Quota counts (how many may hold a grade or a star level) and the cut of a ranked list at its quota, ties included.
import { valueError } from "./errors";
import { roundedShare, type Ratio, type Rounding } from "./exact";
import { ratioText } from "./wording";

export type { Rounding } from "./exact";

/**
 * How a share is rounded to a count. "Not more than 30%" (不超过30%) reads as floor, which is why floor
 * is the default of every quota (civil-servant and member appraisal rules, docs/rules.md §3).
 */
export const DEFAULT_ROUNDING: Rounding = "floor";

/** A quota may not be pushed to zero in a small group when minimum is 1; by default it can (docs/rules.md §3). */
export const DEFAULT_MINIMUM = 0;

/** The names users type for a rounding rule: the wording module's, kept here where quotas are read. */
export { roundingNames, ratioText } from "./wording";

/** What happens to rows tied (on every key) across the quota cut. */
export type TiePolicy = "strict" | "all" | "order";

/**
 * The quota's own default: "strict" never exceeds the quota, so a published list can always be
 * defended against the rule itself (the KAOHE.GRADES contract in src/functions/functions.ts).
 */
export const DEFAULT_TIE_POLICY: TiePolicy = "strict";

/** The names users type for a tie policy, lower case. */
export const tiePolicyNames: Record<string, TiePolicy> = {
  strict: "strict",
  严格: "strict",
  并列均不入选: "strict",
  all: "all",
  全部: "all",
  并列均入选: "all",
  order: "order",
  顺序: "order",
  按行序: "order",
};

/** A quota rule: ratio of the group size, how to round it, and the least count it may give. */
export interface QuotaRule {
  readonly ratio: Ratio;
  readonly rounding: Rounding;
  readonly minimum: number;
}

/**
 * The largest count allowed in a group of n: min(n, max(minimum, R(ratio × n))), computed exactly,
 * so 30% of 3 with floor is 0 and 30% of 10 is exactly 3 (never 2 from 0.3 × 10 = 2.9999…).
 */
export function quota(n: number, ratio: Ratio, rounding: Rounding = DEFAULT_ROUNDING, minimum = DEFAULT_MINIMUM): number {
  if (!Number.isSafeInteger(n) || n < 0) throw valueError("notInteger", { arg: "n", value: n });
  if (!Number.isSafeInteger(minimum) || minimum < 0) throw valueError("notInteger", { arg: "minimum", value: minimum });
  if (ratio.num > ratio.den) throw valueError("ratioAboveOne", { arg: "ratio", value: ratioText(ratio) });
  return Math.min(n, Math.max(minimum, roundedShare(n, ratio, rounding)));
}

/** The quota of a group of n under a rule. */
export function quotaOf(n: number, rule: QuotaRule): number {
  return quota(n, rule.ratio, rule.rounding, rule.minimum);
}

/** The outcome of a cut: which candidates keep the place, and which kept it only past the quota. */
export interface Cut {
  /** Candidate indices (as given) that keep the place. */
  readonly kept: number[];
  /** Candidate indices that lose it. */
  readonly dropped: number[];
  /** Under "all": the tied block at the cut, kept although keeping all of it exceeds the quota. */
  readonly overQuota: number[];
}

/**
 * Cut candidates at limit. `better(a, b)` orders candidates best first (negative when a is better)
 * and returns 0 only for a true tie on every key; row order settles nothing unless the policy is
 * "order", where the smaller index wins. Ties across the cut follow the policy:
 * - strict: none of the tied block is kept, so the quota is never exceeded;
 * - all: the whole tied block is kept, and each of its rows is flagged over quota, because which of
 *   them is the excess cannot be told apart;
 * - order: the block is cut where the quota falls, by row order.
 * O(m log m) for m candidates.
 */
export function cutAtQuota(candidates: readonly number[], limit: number, better: (a: number, b: number) => number, policy: TiePolicy): Cut {
  if (candidates.length <= limit) return { kept: [...candidates], dropped: [], overQuota: [] };
  const sorted = [...candidates].sort((a, b) => better(a, b) || a - b);
  const first = sorted[limit]; // the best candidate left out
  let start = limit;
  while (start > 0 && better(sorted[start - 1], first) === 0) start--;
  let end = limit + 1;
  while (end < sorted.length && better(sorted[end], first) === 0) end++;
  if (start === limit || policy === "order") return { kept: sorted.slice(0, limit), dropped: sorted.slice(limit), overQuota: [] };
  if (policy === "strict") return { kept: sorted.slice(0, start), dropped: sorted.slice(start), overQuota: [] };
  return { kept: sorted.slice(0, end), dropped: sorted.slice(end), overQuota: sorted.slice(start, end) };
}

/** Compare two optional tiebreak values, higher first; a blank tiebreak ranks below any number. */
export function compareTiebreak(a: number | null | undefined, b: number | null | undefined): number {
  const x = a ?? -Infinity;
  const y = b ?? -Infinity;
  return x === y ? 0 : x > y ? -1 : 1;
}

/** Row indices grouped by group key, in row order; rows without a key share the key "". */
export function groupRows(keys: readonly (string | undefined)[] | undefined, include: (i: number) => boolean, n: number): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (!include(i)) continue;
    const k = keys?.[i] ?? "";
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  }
  return groups;
}
