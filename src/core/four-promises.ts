// The 四诺 register summed up per secretary: promises set at the start of the year, practice each quarter, the half-year evaluation and the year-end result, into the 四诺 item.
import { RuleError, valueError } from "./errors";
import { ZERO, compare, dividedBy, exactOf, plus, times, toNumber, type Exact } from "./exact";
import { labelKey } from "./grade";
import { nonNegativeAt } from "./scores";

/**
 * One promise of one secretary (承诺事项), as the register records it: for each quarter whether its
 * practice was recorded (践诺), the half-year evaluation out of 100 (评诺), and the year-end result as
 * a share kept (授星: 兑现 1, 部分兑现 ½, 未兑现 0). null is a blank cell.
 */
export interface PromiseRecord {
  readonly quarters: readonly boolean[];
  readonly halfYear: number | null;
  readonly yearEnd: number | null;
}

/**
 * The weights of practice, half-year evaluation and year-end result. 北戴河区《农村基层党建工作责任落实办法》
 * names the stages (建诺 at the start of the year, 践诺 each quarter, 评诺 at half year, 授星 at year end)
 * and gives no weights, so each stage after the promise weighs the same by default: a setting.
 */
export interface FourPromiseWeights {
  readonly practice: number;
  readonly halfYear: number;
  readonly yearEnd: number;
}

export const DEFAULT_FOUR_PROMISE_WEIGHTS: FourPromiseWeights = { practice: 1, halfYear: 1, yearEnd: 1 };

export const QUARTERS = 4;

/** Words of the year-end result and the share of the promise each means. */
export const YEAR_END_WORDS: Readonly<Record<string, number>> = { 兑现: 1, 已兑现: 1, 全部兑现: 1, 部分兑现: 0.5, 基本兑现: 0.5, 未兑现: 0, 没有兑现: 0 };

/** A year-end result as typed (兑现 / 部分兑现 / 未兑现, or a share 0–1); undefined when it is neither. */
export function yearEndShare(text: string): number | undefined {
  const k = labelKey(text);
  for (const [word, share] of Object.entries(YEAR_END_WORDS)) if (labelKey(word) === k) return share;
  const n = Number(k.replace(/%$/, ""));
  if (k !== "" && Number.isFinite(n)) {
    const share = k.endsWith("%") ? n / 100 : n;
    if (share >= 0 && share <= 1) return share;
  }
  return undefined;
}

/** Where a register needs a value it lacks: the promise (0-based, in the register's order) and the stage. */
export interface PromiseGap {
  readonly promise: number;
  readonly stage: "halfYear" | "yearEnd";
}

export type FourPromiseResult =
  | {
      readonly ok: true;
      /** The 四诺 item's points, out of its maximum. */
      readonly score: number;
      /** The three stages as shares of 1: quarters practised of all, the mean half-year evaluation / 100, the mean year-end share. */
      readonly practice: number;
      readonly halfYear: number;
      readonly yearEnd: number;
      /** No promise was set at the start of the year: the item scores 0. */
      readonly noPromise: boolean;
    }
  | { readonly ok: false; readonly gaps: PromiseGap[] };

/**
 * A secretary's 四诺 points: max × (wₚ·P + wₕ·H + wᵧ·Y) / (wₚ + wₕ + wᵧ), where over his n promises
 * P = quarters with a practice record / (4n), H = Σ half-year evaluations / (100n), Y = Σ year-end
 * shares / n. A secretary who set no promise scored nothing (the stages follow the promise); a promise
 * with a blank half-year evaluation or year-end result is a gap to fill, never a 0 guessed. Exact,
 * rounded once.
 */
export function fourPromiseScore(promises: readonly PromiseRecord[], max: number, weights: FourPromiseWeights = DEFAULT_FOUR_PROMISE_WEIGHTS): FourPromiseResult {
  nonNegativeAt(max, { arg: "max" });
  const w = [weights.practice, weights.halfYear, weights.yearEnd].map((x, i) => exactOf(nonNegativeAt(x, { arg: "weights", row: i + 1 })));
  const weightSum = w.reduce(plus, ZERO);
  if (weightSum.num === 0n) throw new RuleError("#DIV/0!", "zeroWeights", { arg: "weights" });
  if (promises.length === 0) return { ok: true, score: 0, practice: 0, halfYear: 0, yearEnd: 0, noPromise: true };

  const gaps: PromiseGap[] = [];
  let practised = 0;
  let half: Exact = ZERO;
  let year: Exact = ZERO;
  promises.forEach((p, i) => {
    if (p.quarters.length > QUARTERS) throw valueError("outOfRange", { arg: "quarters", row: i + 1, value: p.quarters.length, min: 0, max: QUARTERS });
    practised += p.quarters.filter(Boolean).length;
    if (p.halfYear === null) gaps.push({ promise: i, stage: "halfYear" });
    else {
      nonNegativeAt(p.halfYear, { arg: "half_year", row: i + 1 });
      if (p.halfYear > 100) throw valueError("outOfRange", { arg: "half_year", row: i + 1, value: p.halfYear, min: 0, max: 100 });
      half = plus(half, exactOf(p.halfYear));
    }
    if (p.yearEnd === null) gaps.push({ promise: i, stage: "yearEnd" });
    else {
      nonNegativeAt(p.yearEnd, { arg: "year_end", row: i + 1 });
      if (p.yearEnd > 1) throw valueError("outOfRange", { arg: "year_end", row: i + 1, value: p.yearEnd, min: 0, max: 1 });
      year = plus(year, exactOf(p.yearEnd));
    }
  });
  if (gaps.length > 0) return { ok: false, gaps };

  const n = BigInt(promises.length);
  const P: Exact = { num: BigInt(practised), den: n * BigInt(QUARTERS) };
  const H = dividedBy(half, { num: 100n * n, den: 1n });
  const Y = dividedBy(year, { num: n, den: 1n });
  const stages = plus(plus(times(w[0], P), times(w[1], H)), times(w[2], Y));
  const score = dividedBy(times(exactOf(max), stages), weightSum);
  return { ok: true, score: toNumber(score), practice: toNumber(P), halfYear: toNumber(H), yearEnd: toNumber(Y), noPromise: false };
}

/**
 * Stars at year end (授星), where a scheme awards them: one star per threshold the 四诺 points reach as
 * a percentage of the item's maximum (以上 includes), as member aspects earn theirs.
 */
export function fourPromiseStars(score: number, max: number, thresholds: readonly number[]): number {
  if (max <= 0) return 0;
  // score / max × 100 ≥ t, compared exactly: 4.35 of 5 is 87%, which binary division makes 86.99999999999999.
  const points = times(exactOf(score), HUNDRED);
  return thresholds.filter((t) => compare(points, times(exactOf(t), exactOf(max))) >= 0).length;
}

const HUNDRED: Exact = { num: 100n, den: 1n };
