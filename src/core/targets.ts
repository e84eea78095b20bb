// County targets (the county's rural Party-building measures): a rate or an amount per head against its target, compared exactly.
import { RuleError, valueError } from "./errors";
import { exactOf, type Ratio } from "./exact";
import { FEN_PER_YUAN } from "./money";

/**
 * count / total ≥ target, exactly: count and total are read as the decimals they display as, so 13 of
 * 20 meets 65% and 9000 yuan for 300 members meets 30 yuan a head. A total of 0 has no rate: #DIV/0!.
 */
export function meetsTarget(count: number, total: number, target: Ratio): boolean {
  if (count < 0) throw valueError("negative", { arg: "count", value: count });
  if (total < 0) throw valueError("negative", { arg: "total", value: total });
  if (total === 0) throw new RuleError("#DIV/0!", "zeroTotal", { arg: "total" });
  const c = exactOf(count);
  const t = exactOf(total);
  // c.num/c.den ≥ (target.num/target.den) × (t.num/t.den)
  return c.num * target.den * t.den >= target.num * t.num * c.den;
}

/** What an area's organisations add up to, for the county targets of the county's rural Party-building measures. */
export interface TargetTally {
  /** Organisations rated "five good" or not. */
  rated: number;
  fiveGood: number;
  /** Satisfaction percentages (0–100) summed, and how many organisations gave one. */
  satisfactionSum: number;
  satisfactionCount: number;
  /** Rural members, and of them the "five lead" members. */
  members: number;
  fiveLead: number;
}

/**
 * The three county targets (the county's rural Party-building measures), in the scheme's order: the "five good" share, the mean
 * satisfaction, the "five lead" share; each met or not, compared exactly, or null when there is
 * nothing to measure it on.
 */
export function countyTargetsMet(t: TargetTally, targets: readonly (Ratio | undefined)[]): (boolean | null)[] {
  const [good, satisfaction, lead] = targets;
  return [
    good && t.rated > 0 ? meetsTarget(t.fiveGood, t.rated, good) : null,
    // The mean of percentages against a share: Σ s ≥ target × 100 × n.
    satisfaction && t.satisfactionCount > 0 ? meetsTarget(t.satisfactionSum, t.satisfactionCount * 100, satisfaction) : null,
    lead && t.members > 0 ? meetsTarget(t.fiveLead, t.members, lead) : null,
  ];
}

/**
 * The three figures countyTargetsMet judges, as shares of 1 (what the five-good template's 全县实际
 * formulas give): the five-good share, the mean satisfaction over 100, the five-lead share; null
 * where there is nothing to measure it on.
 */
export function countyActuals(t: TargetTally): [number | null, number | null, number | null] {
  return [
    t.rated > 0 ? t.fiveGood / t.rated : null,
    t.satisfactionCount > 0 ? t.satisfactionSum / t.satisfactionCount / 100 : null,
    t.members > 0 ? t.fiveLead / t.members : null,
  ];
}

/**
 * An organisation's "five lead" share: its five-lead members over its rural members. A blank count is
 * missing data, not 0 (a township committee leaves it blank, 填表说明), so it has no share; nor has an
 * organisation without rural members.
 */
export function fiveLeadShare(fiveLead: number | null, members: number | null): number | null {
  if (fiveLead === null || members === null || members === 0) return null;
  return fiveLead / members;
}

/**
 * An amount in yuan per head, cut to the fen and never rounded up: 599.99 yuan for 20 members is
 * 29.99 a head, where a rounded 30.00 would show a 30-yuan target met that meetsTarget finds missed.
 * The amount is read as the decimal it displays as; no heads: #DIV/0!.
 */
export function perHeadYuan(amountYuan: number, heads: number): number {
  if (amountYuan < 0) throw valueError("negative", { arg: "amount", value: amountYuan });
  if (!Number.isSafeInteger(heads) || heads < 0) throw valueError("notInteger", { arg: "heads", value: heads });
  if (heads === 0) throw new RuleError("#DIV/0!", "zeroTotal", { arg: "heads" });
  const a = exactOf(amountYuan);
  return Number((a.num * BigInt(FEN_PER_YUAN)) / (a.den * BigInt(heads))) / FEN_PER_YUAN;
}

/** One organisation's figures for the county targets; a blank is null and counts nowhere. */
export interface OrganisationFigures {
  /** Rated "five good" (true), rated not (false), or not rated (null). */
  fiveGood: boolean | null;
  satisfaction: number | null;
  members: number | null;
  fiveLead: number | null;
}

/**
 * What an area's organisations add up to: an organisation whose "five lead" count is blank is left out
 * of the share, its rural members too (a township committee leaves it blank, 填表说明).
 */
export function tallyOf(orgs: readonly OrganisationFigures[]): TargetTally {
  const t: TargetTally = { rated: 0, fiveGood: 0, satisfactionSum: 0, satisfactionCount: 0, members: 0, fiveLead: 0 };
  for (const o of orgs) {
    if (o.fiveGood !== null) {
      t.rated++;
      if (o.fiveGood) t.fiveGood++;
    }
    if (o.satisfaction !== null) {
      t.satisfactionSum += o.satisfaction;
      t.satisfactionCount++;
    }
    if (o.fiveLead !== null) {
      t.members += o.members ?? 0;
      t.fiveLead += o.fiveLead;
    }
  }
  return t;
}
