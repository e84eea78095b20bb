// The KAOHE.* worksheet functions: each turns Excel's arguments into core inputs and core errors into Excel errors.
// The JSDoc of each export is its Excel metadata (English); the Chinese help is in help-zh.ts.
import { quorum as quorumRule, TWO_THIRDS } from "../core/quorum";
import { guard, integerArg, ratioArg, type ExcelError } from "./values";
// imports: ranking
// imports: scores
// imports: quotas, stars and money

/**
 * TRUE when count is at least ratio × total, compared exactly (no floating-point error at 2/3). Example: =KAOHE.QUORUM(8, 12) is TRUE.
 * @customfunction QUORUM
 * @param count Members present or in favour (a whole number). Example: 8
 * @param total All members (a whole number). Example: 12
 * @param [ratio] The share required, e.g. 2/3, 0.8, "4/5" or "80%"; default 2/3. Example: 4/5
 * @returns TRUE or FALSE.
 */
export function quorum(count: number, total: number, ratio?: number | string): boolean | ExcelError {
  return guard(() =>
    quorumRule(integerArg(count, "count", undefined, 0), integerArg(total, "total", undefined, 0), ratioArg(ratio, "ratio", TWO_THIRDS)),
  );
}

// ================================================================ Ranking

// (end Ranking)

// ================================================================ Scores

// (end Scores)

// ================================================================ Quotas, stars and money

// (end Quotas, stars and money)
