// A performance pool shared among people: each person's coefficient and weight under pay.method, and the pool shared by the weights (all-zero stated).
import { exactOf, times, toNumber } from "./exact";
import { allocateFen, fenToYuan, gradeCoefficient, poolUnshared, type CoefficientTable } from "./money";
import type { PayMethod } from "./scheme";

/**
 * Grade coefficient × post coefficient (a blank post coefficient is 1), as the decimal it is: 0.8 × 1.1
 * is 0.88, never 0.8800000000000001. No grade (a row not graded) is 0.
 */
export function payCoefficient(grade: string | null, post: number | null, table: CoefficientTable): number {
  return grade === null ? 0 : toNumber(times(exactOf(gradeCoefficient(grade, table)), exactOf(post ?? 1)));
}

/**
 * A person's weight in the pool (pay schemes, docs/rules.md §3): "coefficient", the coefficient (the
 * documented rule); "baseCoefficient", the person's own performance part in yuan × the coefficient, as
 * the template's (应发工资−基本工资)×系数 reads it; "score", 综合得分. Null takes no part.
 */
export function payWeight(method: PayMethod, p: { performanceFen: number; coefficient: number; score: number | null }): number | null {
  if (method === "score") return p.score;
  if (method === "baseCoefficient") return toNumber(times(exactOf(fenToYuan(p.performanceFen)), exactOf(p.coefficient)));
  return p.coefficient;
}

/** The pool in fen shared by the weights to the fen (allocateFen); a share of a null weight is 0. `unshared`: every weight 0, so nobody is paid and the pool stays. */
export function sharePool(poolFen: number, weights: readonly (number | null)[]): { shares: number[]; unshared: boolean } {
  return { shares: allocateFen(poolFen, weights).map((x) => x ?? 0), unshared: poolUnshared(poolFen, weights) };
}
