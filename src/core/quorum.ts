// Exact majority and attendance checks: "more than two thirds present", "four fifths of ballots".
import { valueError } from "./errors";
import { atLeastShare, type Ratio } from "./exact";

export const TWO_THIRDS: Ratio = { num: 2n, den: 3n };

/** TRUE when count ≥ ratio × total (以上 includes the number itself), compared exactly. */
export function quorum(count: number, total: number, ratio: Ratio = TWO_THIRDS): boolean {
  if (!Number.isInteger(count) || count < 0) throw valueError("notInteger", { arg: "count", value: count });
  if (!Number.isInteger(total) || total < 0) throw valueError("notInteger", { arg: "total", value: total });
  if (count > total) throw valueError("outOfRange", { arg: "count", value: count, min: 0, max: total });
  return atLeastShare(count, total, ratio);
}
