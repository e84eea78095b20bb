// County targets (seed 003): a rate or an amount per head against its target, compared exactly.
import { RuleError, valueError } from "./errors";
import { exactOf, type Ratio } from "./exact";

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
