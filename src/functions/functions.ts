// The KAOHE.* worksheet functions: each turns Excel's arguments into core inputs and core errors into Excel errors.
// The JSDoc of each export is its Excel metadata (English); the Chinese help is in help-zh.ts.
import { quorum as quorumRule, TWO_THIRDS } from "../core/quorum";
import { missingPeriods, periodNames, type Period } from "../core/cadence";
import { meetsTarget } from "../core/targets";
import { negativeFor } from "./negative";
import { linkFor } from "./link";
import { maxOf, minOf } from "../core/extremes";
import { rankOf, rankRuns, rankRunsInGroups, type Column, type GroupLabel, type RankMethod, type RankOrder, type RunResults } from "../core/rank";
import { DEFAULT_SIGNIFICANCE, percentRank as percentRankRule, percentRanksRuns, percentRanksRunsInGroups } from "../core/percentrank";
import {
  booleanArg,
  cellErrorCode,
  cellText,
  dateArg,
  dateCells,
  excelRangeNumber,
  grid,
  guard,
  integerArg,
  isBlank,
  normaliseText,
  numberArg,
  optionArg,
  parseNumericText,
  position,
  ratioArg,
  reshape,
  sameSize,
  scalarArg,
  scoreCell,
  scoreCells,
  toExcelError,
  type ExcelError,
  type Grid,
} from "./values";
import { byRow, DEFAULT_POINTS_PER_DAY_LATE, DEFAULT_QUALITY, scoreTask, sheetTotal, totalDeduction, type Locate } from "../core/scores";
import { DEFAULT_TRIM, defaultRaterWeights, trimmedMean, weightedMean } from "../core/composite";
import { DEFAULT_TURNOUT, DEFAULT_VOTE_LABELS, DEFAULT_VOTE_THRESHOLDS, ballotGrade, voteLabels, voteThresholds } from "../core/votes";
import { aggregatePeriods, DEFAULT_MISSING_PERIOD, type MissingPeriod } from "../core/periods";
import * as ruleErrors from "../core/errors";
import { classes as classesRule } from "../core/classes";
import {
  DEFAULT_CUTOFFS,
  DEFAULT_LABELS,
  DEFAULT_VETO_MODE,
  grade as gradeRule,
  gradeScale,
  gradesWithQuota,
  OVER_QUOTA_MARK,
  vetoModeNames,
  type GradeScale,
  type VetoMode,
} from "../core/grade";
import {
  allocateFen,
  BASIC_PAY_RATIO,
  coefficientTable,
  DEFAULT_COEFFICIENT_TABLE,
  DEFAULT_UNIT_FEN,
  fenToYuan,
  gradeCoefficient,
  paySplit as paySplitRule,
  yuanToFen,
  type CoefficientTable,
} from "../core/money";
import {
  DEFAULT_MINIMUM,
  DEFAULT_ROUNDING,
  DEFAULT_TIE_POLICY,
  quota as quotaRule,
  ratioText,
  roundingNames,
  tiePolicyNames,
  type QuotaRule,
  type Rounding,
  type TiePolicy,
} from "../core/quota";
import {
  DEFAULT_STAR_CAP_TABLE,
  DEFAULT_STAR_QUOTA_RULES,
  DEFAULT_STAR_THRESHOLDS,
  starCap as starCapRule,
  starCapTable,
  starQuota as starQuotaRule,
  stars as starsRule,
  type StarCapTable,
  type StarQuotaRule,
} from "../core/stars";

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

/** The numbers of a range as Excel's RANK and PERCENTRANK see them: blanks, text and booleans are ignored (undefined). */
function rankingNumbers(value: unknown, arg: string): { g: Grid; values: (number | undefined)[] } {
  const g = grid(value, arg);
  const values = new Array<number | undefined>(g.cells.length);
  for (let i = 0; i < g.cells.length; i++) {
    const c = g.cells[i];
    // The common case, a finite number, skips building the position that only an error message needs.
    values[i] = typeof c === "number" && Number.isFinite(c) ? c : excelRangeNumber(c, position(g, i, arg));
  }
  return { g, values };
}

/** A range's shape, which a whole-column spill gives its results back in. */
type Shape = Pick<Grid, "rows" | "cols">;

/**
 * rankingNumbers for the whole-column functions: a Column, NaN where a cell is ignored. A rectangular
 * range (what Excel passes) is read row by row where it lies, without grid's flat copy of every cell,
 * which at 100,000 rows is garbage as large as the column; anything else goes through grid.
 */
function rankingColumn(value: unknown, arg: string): { g: Shape; values: Column } {
  const rows = rectangular(value);
  if (rows === undefined) {
    const g = grid(value, arg);
    const values = new Float64Array(g.cells.length);
    for (let i = 0; i < g.cells.length; i++) values[i] = rankingNumber(g.cells[i], g, i, arg);
    return { g, values };
  }
  const g = { rows: rows.length, cols: rows[0].length };
  const values = new Float64Array(g.rows * g.cols);
  for (let r = 0, i = 0; r < g.rows; r++) {
    const row = rows[r];
    for (let c = 0; c < g.cols; c++, i++) values[i] = rankingNumber(row[c], g, i, arg);
  }
  return { g, values };
}

/** One cell as rankingColumn reads it: a finite number, else NaN for an ignored cell, or the cell's error. */
function rankingNumber(c: unknown, g: Shape, i: number, arg: string): number {
  // The common case, a finite number, skips building the position that only an error message needs.
  if (typeof c === "number" && c - c === 0) return c;
  return excelRangeNumber(c, position(g, i, arg)) ?? NaN;
}

/** value's rows when it is a non-empty array of arrays all of one non-zero width, else undefined. */
function rectangular(value: unknown): unknown[][] | undefined {
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) return undefined;
  const cols = (value[0] as unknown[]).length;
  if (cols === 0) return undefined;
  for (let r = 1; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row) || row.length !== cols) return undefined;
  }
  return value as unknown[][];
}

/** Group labels from a range of the same size as the data; a blank cell is the group "". */
function rankingGroups(value: unknown, data: Shape, dataArg: string): GroupLabel[] {
  const g = grid(value, "groups");
  const expected = data.rows * data.cols;
  if (g.cells.length !== expected) throw ruleErrors.valueError("sizeMismatch", { arg: "groups", got: g.cells.length, other: dataArg, expected });
  return g.cells.map((c, i) => {
    if (isBlank(c)) return undefined;
    if (typeof c === "number" || typeof c === "string") return c;
    return labelCell(c, position(g, i, "groups")); // an error value is refused; TRUE/FALSE is its text
  });
}

const rankOrderWords: Record<string, RankOrder> = {
  desc: "desc",
  descending: "desc",
  降序: "desc",
  asc: "asc",
  ascending: "asc",
  升序: "asc",
};

/** Excel's order: 0 or omitted is descending, any other number ascending; "asc"/"升序" and "desc"/"降序" also read. */
function rankOrderArg(v: unknown): RankOrder {
  if (typeof v === "string" && !isBlank(v) && parseNumericText(v) === undefined) return optionArg(v, "order", rankOrderWords, "desc");
  return numberArg(v, "order", 0) === 0 ? "desc" : "asc";
}

const rankMethodWords: Record<string, RankMethod> = {
  eq: "eq",
  "rank.eq": "eq",
  avg: "avg",
  average: "avg",
  "rank.avg": "avg",
  平均: "avg",
  dense: "dense",
  中国式: "dense",
  密集: "dense",
};

const rankMethodArg = (v: unknown): RankMethod => optionArg(v, "method", rankMethodWords, "eq");

/** Core results as a spill of the input's shape: a cell with no result is "", never null (Excel shows null as 0). */
function rankingSpill(g: Shape, { runOf, value }: RunResults): (number | string)[][] {
  // reshape's shape, built row by row in one pass: slicing a flat array per row costs as much as the sort at 100,000 rows.
  const out = new Array<(number | string)[]>(g.rows);
  if (g.cols === 1) {
    // Mostly distinct results: an array literal a row, as it is needed. Building them a run ahead, in a
    // second array as long as the column, costs the collector twice as much.
    if (value.length * 2 > g.rows) {
      for (let r = 0; r < g.rows; r++) {
        const d = runOf[r];
        out[r] = d < 0 ? [""] : [value[d]];
      }
      return out;
    }
    // Many ties: one row array a run, shared by the run's rows (Excel reads a spill, never writes into it):
    // scores with one decimal make a few hundred arrays at 100,000 rows instead of 100,000.
    const runRows = new Array<number[]>(value.length);
    for (let d = 0; d < value.length; d++) runRows[d] = [value[d]];
    const blank = [""];
    for (let r = 0; r < g.rows; r++) {
      const d = runOf[r];
      out[r] = d < 0 ? blank : runRows[d];
    }
    return out;
  }
  for (let r = 0, i = 0; r < g.rows; r++) {
    const row: (number | string)[] = [];
    for (let c = 0; c < g.cols; c++, i++) {
      const d = runOf[i];
      row.push(d < 0 ? "" : value[d]);
    }
    out[r] = row;
  }
  return out;
}

/**
 * guard for a spill that never holds a per-cell error: the same conversion of anything thrown, without
 * guard's scan of every returned cell, which at 100,000 rows costs twice the sort. The error comes back
 * as a 1 × 1 grid so the return type stays a matrix: the metadata generator reads a union such as
 * `X[][] | ExcelError` as a scalar, and Excel shows #VALUE! for an array from a scalar function
 * (office-js issue 2486). The spills' return types are written Array<Array<…>> because the generator
 * rejects a parenthesised element type such as (number | string)[][].
 */
function guardRankingSpill(body: () => (number | string)[][]): Array<Array<number | string | ExcelError>> {
  try {
    return body();
  } catch (e) {
    return [[toExcelError(e)]];
  }
}

/**
 * The rank of a number in a range, exactly as Excel's RANK.EQ or RANK.AVG, or the dense rank (中国式排名, 1,1,2). Example: =KAOHE.RANK(B2, B$2:B$50) ranks B2 among the scores, the highest first.
 * @customfunction RANK
 * @param number The number to rank; a number not in ref gives #N/A, as in Excel. Example: B2
 * @param ref The scores; blanks, text and TRUE/FALSE in it are ignored. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B$2:B$50
 * @param [order] 0 or omitted: the highest is 1; any other number (or "asc"): the lowest is 1. Example: 0
 * @param [method] "eq" (ties share the best rank, 1,1,3; default), "avg" (ties share the average rank) or "dense" ("中国式", 1,1,2). Example: "dense"
 * @returns The rank.
 */
export function rank(
  number: number,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ref: any[][],
  order?: number | string,
  method?: string,
): number | ExcelError {
  return guard(() => {
    const x = numberArg(number, "number", 0); // a blank cell is 0 to Excel's RANK
    const { values } = rankingNumbers(ref, "ref");
    return rankOf(x, values, rankOrderArg(order), rankMethodArg(method));
  });
}

/**
 * The rank of every score in a range at once (a spill of the same shape), as RANK.EQ, RANK.AVG or dense ranks, within each group when groups are given. Example: =KAOHE.RANKS(B2:B50, 0, "dense", A2:A50) ranks each township's cadres among themselves.
 * @customfunction RANKS
 * @param ref The scores; blanks, text and TRUE/FALSE get an empty result. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B2:B50
 * @param [order] 0 or omitted: the highest is 1; any other number (or "asc"): the lowest is 1. Example: 0
 * @param [method] "eq" (1,1,3; default), "avg" (average of tied ranks) or "dense" ("中国式", 1,1,2). Example: "eq"
 * @param [groups] Group labels, the same size as ref; each row is ranked within its group, blank labels forming one group. Example: A2:A50
 * @returns The ranks, in the shape of ref.
 */
export function ranks(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ref: any[][],
  order?: number | string,
  method?: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  groups?: any[][],
): Array<Array<number | string | ExcelError>> {
  return guardRankingSpill(() => {
    const { g, values } = rankingColumn(ref, "ref");
    const o = rankOrderArg(order);
    const m = rankMethodArg(method);
    if (isBlank(groups)) return rankingSpill(g, rankRuns(values, o, m));
    return rankingSpill(g, rankRunsInGroups(values, rankingGroups(groups, g, "ref"), o, m));
  });
}

/**
 * The percent rank of a value in a data set, exactly as Excel's PERCENTRANK.INC, or PERCENTRANK.EXC when exclusive is TRUE (truncated, not rounded). Example: =KAOHE.PERCENTRANK(B$2:B$50, B2) is the share of scores below B2.
 * @customfunction PERCENTRANK
 * @param array The scores; blanks, text and TRUE/FALSE in it are ignored. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B$2:B$50
 * @param x The value to place; between two scores the result is interpolated; outside them it is #N/A. Example: B2
 * @param [significance] Digits kept after the point, truncated; default 3. Example: 3
 * @param [exclusive] FALSE or omitted: PERCENTRANK.INC (0 to 1); TRUE: PERCENTRANK.EXC (strictly between 0 and 1). Example: FALSE
 * @returns The percent rank, between 0 and 1.
 */
export function percentRank(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  array: any[][],
  x: number,
  significance?: number,
  exclusive?: boolean,
): number | ExcelError {
  return guard(() => {
    const { values } = rankingNumbers(array, "array");
    const at = numberArg(x, "x", 0); // a blank cell is 0 to Excel's PERCENTRANK
    const digits = numberArg(significance, "significance", DEFAULT_SIGNIFICANCE);
    return percentRankRule(values, at, digits, booleanArg(exclusive, "exclusive", false));
  });
}

/**
 * The percent rank of every score in a range at once (a spill of the same shape), as PERCENTRANK.INC or .EXC, within each group when groups are given. Example: =KAOHE.PERCENTRANKS(B2:B50, 3, FALSE, A2:A50)
 * @customfunction PERCENTRANKS
 * @param array The scores; blanks, text and TRUE/FALSE get an empty result. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B2:B50
 * @param [significance] Digits kept after the point, truncated; default 3. Example: 3
 * @param [exclusive] FALSE or omitted: PERCENTRANK.INC; TRUE: PERCENTRANK.EXC. Example: FALSE
 * @param [groups] Group labels, the same size as array; each row is placed within its group, blank labels forming one group. Example: A2:A50
 * @returns The percent ranks, in the shape of array.
 */
export function percentRanks(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  array: any[][],
  significance?: number,
  exclusive?: boolean,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  groups?: any[][],
): Array<Array<number | string | ExcelError>> {
  return guardRankingSpill(() => {
    const { g, values } = rankingColumn(array, "array");
    const digits = numberArg(significance, "significance", DEFAULT_SIGNIFICANCE);
    const exc = booleanArg(exclusive, "exclusive", false);
    if (isBlank(groups)) return rankingSpill(g, percentRanksRuns(values, digits, exc));
    return rankingSpill(g, percentRanksRunsInGroups(values, rankingGroups(groups, g, "array"), digits, exc));
  });
}

// (end Ranking)

// ================================================================ Scores

/** A range read as scores: numbers or numeric text; blank is null; other text is #VALUE! naming the cell. */
interface ScoreRange {
  readonly g: Grid;
  readonly values: (number | null)[];
}

/** Values lined up with the cells of `to`: a range of the same size, or one cell that applies to every row. */
function spreadTo(to: ScoreRange, toArg: string, from: ScoreRange, fromArg: string): (number | null)[] {
  if (from.values.length === 1 && to.values.length > 1) return to.values.map(() => from.values[0]);
  sameSize(to.g, toArg, from.g, fromArg);
  return from.values;
}

/** Rules name a value by its index; this names the cell it came from, by row and column of its own range. */
function cellLocator(ranges: Record<string, Grid>): Locate {
  return (arg, i) => {
    const g = ranges[arg];
    if (g === undefined) return byRow(arg, i);
    return position(g, g.cells.length === 1 ? 0 : i, arg);
  };
}

/** An optional range the user left out: omitted, or a reference to one blank cell. */
function leftOut(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  const g = grid(v, "");
  return g.cells.length === 1 && isBlank(g.cells[0]);
}

// Optional numbers are typed `number | string` (Excel's "any"): declared as number, a reference to a
// blank cell would arrive as 0 (a bonus capped at 0, no penalty per day) instead of as blank, the default.


/**
 * The total of a quantified sheet: each item's score clamped to [0, its maximum], plus the bonus up to its cap, minus the deductions, never below 0. Example: =KAOHE.SCORE(C2:C21, B2:B21, D2:D4, 5, E2:E6)
 * @customfunction SCORE
 * @param scores Points given for each item; a blank item earns 0, text such as "absent" is an error. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: C2:C21
 * @param maxes The maximum of each item, or one cell for all items; a row with neither a score nor a maximum is skipped. Example: B2:B21
 * @param [bonus] Bonus points; blank cells add nothing. Example: D2:D4
 * @param [bonus_cap] The most the bonus may add; omitted: the bonus counts in full. Example: 5
 * @param [deductions] Points deducted, e.g. from KAOHE.DEDUCT; blank cells deduct nothing. Example: E2:E6
 * @returns The total, at least 0.
 */
export function score(
  scores: unknown[][],
  maxes: unknown[][],
  bonus?: unknown[][],
  bonus_cap?: number | string,
  deductions?: unknown[][],
): number | ExcelError {
  return guard(() => {
    const given = scoreCells(scores, "scores");
    const maxima = scoreCells(maxes, "maxes");
    const maxValues = spreadTo(given, "scores", maxima, "maxes");
    const extra = scoreCells(bonus, "bonus");
    const lost = scoreCells(deductions, "deductions");
    const cap = isBlank(bonus_cap) ? null : numberArg(bonus_cap, "bonus_cap");
    const items = given.values.map((s, i) => ({ score: s, max: maxValues[i] }));
    const locate = cellLocator({ scores: given.g, maxes: maxima.g, bonus: extra.g, deductions: lost.g });
    return sheetTotal({ items, bonus: extra.values, bonusCap: cap, deductions: lost.values }, locate).total;
  });
}

/**
 * A task scored by completion time and quality: max × quality, less per_day points for each whole day after the due date, never below 0; a task not done scores 0. Example: =KAOHE.TASKSCORE(10, "2025-3-5", "2025-3-8") is 7
 * @customfunction TASKSCORE
 * @param max The task's points. Example: 10
 * @param due The due date: a date cell or text such as 2025-3-5, 2025/03/05 or 2025年3月5日. Example: "2025-3-5"
 * @param done The completion date; blank means not done (0 points). Example: "2025-3-8"
 * @param [per_day] Points lost per day late; default 1. Example: 2
 * @param [quality] The share of the points the quality earns, 0 to 1 (0.9 or "90%"); default 1. Example: 0.9
 * @returns The task's points, at least 0.
 */
export function taskScore(max: number, due: unknown, done: unknown, per_day?: number | string, quality?: number | string): number | ExcelError {
  return guard(() => {
    const share = ratioArg(quality, "quality", { num: BigInt(DEFAULT_QUALITY), den: 1n });
    return scoreTask({
      max: numberArg(max, "max"),
      due: dateArg(due, "due"),
      done: dateArg(done, "done"),
      perDay: numberArg(per_day, "per_day", DEFAULT_POINTS_PER_DAY_LATE),
      quality: Number(share.num) / Number(share.den),
    });
  });
}

/**
 * Points deducted: Σ min(count × points, cap) over the deduction items (deduct down to the cap and no further). Example: =KAOHE.DEDUCT(B2:B6, C2:C6, D2:D6)
 * @customfunction DEDUCT
 * @param counts How often each deduction item happened; blank means never. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B2:B6
 * @param points Points per event, or one cell for all items. Example: C2:C6
 * @param [caps] The most each item may deduct, or one cell for all; blank means no cap. Example: D2:D6
 * @returns The points deducted.
 */
export function deduct(counts: unknown[][], points: unknown[][], caps?: unknown[][]): number | ExcelError {
  return guard(() => {
    const events = scoreCells(counts, "counts");
    const each = scoreCells(points, "points");
    const limits = scoreCells(caps, "caps");
    const eachValues = spreadTo(events, "counts", each, "points");
    const limitValues = spreadTo(events, "counts", limits, "caps");
    const rules = events.values.map((count, i) => ({ count, points: eachValues[i], cap: limitValues[i] }));
    return totalDeduction(rules, cellLocator({ counts: events.g, points: each.g, caps: limits.g }));
  });
}

/**
 * The weighted composite of several raters' scores: Σ weight × score / Σ weight over the scores present, so a rater group that did not rate is left out and the other weights are scaled up. Example: =KAOHE.COMPOSITE(B2:E2, {0.2,0.4,0.2,0.2})
 * @customfunction COMPOSITE
 * @param scores The scores of the rater groups; a blank score is a group that did not rate. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B2:E2
 * @param [weights] The weight of each score, same size; omitted: self 0.2, peer 0.4, public 0.2, branch 0.2 for four scores in that order. Example: {0.2,0.4,0.2,0.2}
 * @returns The composite score; #N/A when every score is blank.
 */
export function composite(scores: unknown[][], weights?: unknown[][]): number | ExcelError {
  return guard(() => {
    const given = scoreCells(scores, "scores");
    if (leftOut(weights)) {
      const defaults = defaultRaterWeights(given.values.length);
      const entries = given.values.map((score, i) => ({ score, weight: defaults[i] }));
      return weightedMean(entries, cellLocator({ scores: given.g }));
    }
    const w = scoreCells(weights, "weights");
    sameSize(given.g, "scores", w.g, "weights");
    const entries = given.values.map((score, i) => ({ score, weight: w.values[i] }));
    return weightedMean(entries, cellLocator({ scores: given.g, weights: w.g }));
  });
}

/**
 * The mean of raters' scores after dropping the highest and the lowest, when there are enough raters. Example: =KAOHE.TRIMMEAN(B2:B9)
 * @customfunction TRIMMEAN
 * @param scores The raters' scores; blank cells are raters who did not score. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B2:B9
 * @param [drop_high] How many of the highest scores to drop; default 1. Example: 1
 * @param [drop_low] How many of the lowest scores to drop; default 1. Example: 1
 * @param [min_count] Drop only when at least this many scores are present; default 6 (more than 5 raters). Example: 6
 * @returns The trimmed mean; #N/A when every score is blank.
 */
export function trimMean(scores: unknown[][], drop_high?: number | string, drop_low?: number | string, min_count?: number | string): number | ExcelError {
  return guard(() => {
    const given = scoreCells(scores, "scores");
    const rule = {
      dropHigh: integerArg(drop_high, "drop_high", DEFAULT_TRIM.dropHigh, 0),
      dropLow: integerArg(drop_low, "drop_low", DEFAULT_TRIM.dropLow, 0),
      minCount: integerArg(min_count, "min_count", DEFAULT_TRIM.minCount, 0),
    };
    return trimmedMean(given.values, rule, cellLocator({ scores: given.g }));
  });
}

/**
 * The grade from a ballot's vote shares: 优秀 if 优秀 votes reach 90%; else 称职 if 优秀 + 称职 reach 70%; else 不称职 if 不称职 reach 30%; else 基本称职. Shares are compared exactly. Example: =KAOHE.VOTEGRADE({46,3,1,0}) is 优秀
 * @customfunction VOTEGRADE
 * @param votes Four vote counts: 优秀, 称职, 基本称职, 不称职; a blank count is 0 votes. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B2:E2
 * @param [thresholds] Three shares: 优秀 votes, 优秀 + 称职 votes, 不称职 votes; default {0.9,0.7,0.3}. Example: {0.9,0.7,0.3}
 * @param [labels] Four grade names, best first; default 优秀, 称职, 基本称职, 不称职. Example: {"优秀","合格","基本合格","不合格"}
 * @param [voters] The number of voters entitled; when given and fewer than turnout of them voted, the result is the text 测评无效 (the ballot does not count), not a grade. Example: 50
 * @param [turnout] The share of voters who must vote, e.g. 4/5 or "80%"; default 4/5. Example: 4/5
 * @returns The grade label, or 测评无效 when too few voted.
 */
export function voteGrade(
  votes: unknown[][],
  thresholds?: unknown[][],
  labels?: unknown[][],
  voters?: number | string,
  turnout?: number | string,
): string | ExcelError {
  return guard(() => {
    const counts = scoreCells(votes, "votes");
    const limitsGrid = leftOut(thresholds) ? undefined : grid(thresholds, "thresholds");
    const locate = cellLocator(limitsGrid ? { votes: counts.g, thresholds: limitsGrid } : { votes: counts.g });
    const limits = limitsGrid
      ? voteThresholds(
          limitsGrid.cells.map((c, i) => (isBlank(c) ? null : typeof c === "number" ? c : normaliseText(labelCell(c, position(limitsGrid, i, "thresholds"))))),
          locate,
        )
      : DEFAULT_VOTE_THRESHOLDS;
    const labelGrid = leftOut(labels) ? undefined : grid(labels, "labels");
    const names = labelGrid
      ? voteLabels(labelGrid.cells.map((c, i) => (isBlank(c) ? null : labelCell(c, position(labelGrid, i, "labels")))))
      : DEFAULT_VOTE_LABELS;
    // A turnout without the number of voters cannot be checked: ask for the number rather than ignore it.
    const checked = !isBlank(voters) || !isBlank(turnout);
    return ballotGrade(counts.values, names, limits, checked ? integerArg(voters, "voters", undefined, 0) : null, ratioArg(turnout, "turnout", DEFAULT_TURNOUT), locate);
  });
}

const missingPeriodWords: Record<string, MissingPeriod> = {
  skip: "skip",
  跳过: "skip",
  不计: "skip",
  zero: "zero",
  "0": "zero",
  零分: "zero",
  计零: "zero",
};

/**
 * One score from period scores, e.g. half-year and annual tests or four quarters: Σ weight × score / Σ weight. Example: =KAOHE.PERIODS(B2:C2, {0.4,0.6})
 * @customfunction PERIODS
 * @param scores The score of each period; a blank is a period without a score. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B2:E2
 * @param [weights] The weight of each period, same size; omitted: all periods weigh the same. Example: {0.4,0.6}
 * @param [missing] A period without a score: "skip" (default) shares its weight among the others, "zero" counts it as 0. Example: "zero"
 * @returns The combined score; #N/A when every period is blank.
 */
export function periods(scores: unknown[][], weights?: unknown[][], missing?: string): number | ExcelError {
  return guard(() => {
    const given = scoreCells(scores, "scores");
    const policy = optionArg(missing, "missing", missingPeriodWords, DEFAULT_MISSING_PERIOD);
    if (leftOut(weights)) return aggregatePeriods(given.values, undefined, policy, cellLocator({ scores: given.g }));
    const w = scoreCells(weights, "weights");
    sameSize(given.g, "scores", w.g, "weights");
    return aggregatePeriods(given.values, w.values, policy, cellLocator({ scores: given.g, weights: w.g }));
  });
}

// (end Scores)

// ================================================================ Quotas, stars and money

// ---- argument readers of this family (the shared ones are in values.ts)

type CellAt = ReturnType<typeof position>;

/** Run a reader on one cell; a rule error it raises is raised again naming that cell. */
function atCell<T>(at: CellAt, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ruleErrors.RuleError) throw new ruleErrors.RuleError(e.code, e.key, { ...e.params, ...at });
    throw e;
  }
}

/** One cell of a spill: its value, or its own Excel error in that cell only. */
function cellOrError<T>(at: CellAt, read: () => T): T | ExcelError {
  try {
    return atCell(at, read);
  } catch (e) {
    if (e instanceof ruleErrors.RuleError) return toExcelError(e);
    throw e;
  }
}

/**
 * guard for a spill: an error comes back as a 1 × 1 grid, so the return type stays a matrix (the
 * metadata generator reads a union with ExcelError as a scalar, and Excel rejects an array from a
 * scalar function); no scan of the returned cells, which hold Excel errors already where they must.
 */
function guardQuotaSpill<T>(body: () => T[][]): Array<Array<T | ExcelError>> {
  try {
    return body();
  } catch (e) {
    return [[toExcelError(e)]];
  }
}

/** A cell that must not be blank. */
function filledCell(v: unknown, at: CellAt): unknown {
  if (isBlank(v)) throw ruleErrors.valueError("required", at);
  return v;
}

/** The non-blank cells of a list argument ({90,80,60} or a range), row by row, each with its place. */
function listCells(v: unknown, arg: string): { cell: unknown; at: CellAt }[] {
  if (isBlank(v)) return [];
  const g = grid(v, arg);
  const out: { cell: unknown; at: CellAt }[] = [];
  g.cells.forEach((cell, i) => {
    if (!isBlank(cell)) out.push({ cell, at: position(g, i, arg) });
  });
  return out;
}

/** A list of numbers, or undefined when omitted. */
function numberList(v: unknown, arg: string): number[] | undefined {
  const cells = listCells(v, arg);
  return cells.length === 0 ? undefined : cells.map(({ cell, at }) => scoreCell(cell, at) as number);
}

/** A label read from a cell: its text; an error value is refused with its place, never taken for a label. */
function labelCell(v: unknown, at: CellAt): string {
  const code = cellErrorCode(v);
  if (code !== undefined) throw ruleErrors.valueError("errorValue", { ...at, value: code });
  return cellText(v).trim();
}

/** A list of labels, or undefined when omitted. */
function labelList(v: unknown, arg: string): string[] | undefined {
  const cells = listCells(v, arg);
  return cells.length === 0 ? undefined : cells.map(({ cell, at }) => labelCell(cell, at));
}

/** A column beside the data, as group keys; a blank label is the group "". */
function groupColumn(v: unknown, data: Grid, dataArg: string): string[] | undefined {
  if (isBlank(v)) return undefined;
  const g = grid(v, "groups");
  sameSize(data, dataArg, g, "groups");
  // A column holds few distinct labels (townships, branches): normalise each once.
  const seen = new Map<unknown, string>();
  return g.cells.map((c, i) => {
    let key = seen.get(c);
    if (key === undefined) seen.set(c, (key = isBlank(c) ? "" : normaliseText(labelCell(c, position(g, i, "groups")))));
    return key;
  });
}

/** A column of scores beside the data (blank is null). */
function scoreColumn(v: unknown, data: Grid, dataArg: string, arg: string): (number | null)[] | undefined {
  if (isBlank(v)) return undefined;
  const { g, values } = scoreCells(v, arg);
  sameSize(data, dataArg, g, arg);
  return values;
}

/** A column of TRUE/FALSE beside the data; a blank cell takes the fallback. */
function flagColumn(v: unknown, data: Grid, dataArg: string, arg: string, fallback: boolean): boolean[] | undefined {
  if (isBlank(v)) return undefined;
  const g = grid(v, arg);
  sameSize(data, dataArg, g, arg);
  return g.cells.map((c, i) => (typeof c === "boolean" ? c : atCell(position(g, i, arg), () => booleanArg(c, arg, fallback))));
}

/** What a negative-list bar reads as: the veto modes' names, and the words the templates' 负面清单 column shows. */
const barredNames: Record<string, VetoMode> = { ...vetoModeNames, 不得评优: "noTop", 末等: "fail", 定为末等: "fail" };

/** A column of bars beside the data: undefined where none, else the bar's effect (TRUE bars the top grade). */
function barredColumn(v: unknown, data: Grid): (VetoMode | undefined)[] | undefined {
  if (isBlank(v)) return undefined;
  const g = grid(v, "barred");
  sameSize(data, "scores", g, "barred");
  return g.cells.map((c, i) => {
    if (isBlank(c) || c === "") return undefined;
    const named = typeof c === "string" ? barredNames[c.trim().toLowerCase()] : undefined;
    if (named) return named;
    return atCell(position(g, i, "barred"), () => booleanArg(c, "barred", false)) ? "noTop" : undefined;
  });
}

/** A whole number ≥ 0 in one cell, or null when blank. */
function countCell(v: unknown, at: CellAt): number | null {
  return isBlank(v) ? null : atCell(at, () => integerArg(v, String(at.arg), undefined, 0));
}

/** Every cell of a range read by `read`; a plain whole number skips it, so a place is only built for a cell that needs one. */
function countColumn(g: Grid, arg: string, read: (v: unknown, at: CellAt) => number | null): (number | null)[] {
  return g.cells.map((c, i) => (typeof c === "number" && Number.isSafeInteger(c) && c >= 0 ? c : read(c, position(g, i, arg))));
}

/** The rows of a table argument with `cols` columns (no header row), blank rows skipped. */
function tableRows(v: unknown, arg: string, cols: number): { cells: unknown[]; at: CellAt[] }[] {
  const g = grid(v, arg);
  if (g.cols !== cols) throw ruleErrors.valueError("tableColumns", { arg, expected: cols, got: g.cols });
  const rows: { cells: unknown[]; at: CellAt[] }[] = [];
  for (let r = 0; r < g.rows; r++) {
    const cells = g.cells.slice(r * cols, (r + 1) * cols);
    if (cells.every((c) => isBlank(c))) continue;
    rows.push({ cells, at: cells.map((_, c) => position(g, r * cols + c, arg)) });
  }
  return rows;
}

/** A share between 0 and 1; above 1 is refused, since 30 typed for 30% is the usual slip. */
function shareArg(v: unknown, arg: string, fallback?: QuotaRule["ratio"]): QuotaRule["ratio"] {
  const r = ratioArg(v, arg, fallback);
  if (r.num > r.den) throw ruleErrors.valueError("ratioAboveOne", { arg, value: ratioText(r) });
  return r;
}

const roundingArg = (v: unknown): Rounding => optionArg(v, "rounding", roundingNames, DEFAULT_ROUNDING);
const minimumArg = (v: unknown): number => integerArg(v, "minimum", DEFAULT_MINIMUM, 0);
const vetoModeArg = (v: unknown): VetoMode => optionArg(v, "veto_mode", vetoModeNames, DEFAULT_VETO_MODE);

/** STARQUOTA shows numbers, which cannot carry an over-quota mark, so it offers strict and order only. */
const starTiePolicyNames: Record<string, TiePolicy> = Object.fromEntries(Object.entries(tiePolicyNames).filter(([, p]) => p !== "all"));

/** The scale from cutoffs and labels, each defaulting on its own. */
function scaleArg(cutoffs: unknown, labels: unknown): GradeScale {
  return gradeScale(numberList(cutoffs, "cutoffs") ?? DEFAULT_CUTOFFS, labelList(labels, "labels") ?? DEFAULT_LABELS);
}

/** An amount of money in yuan as whole fen. */
function fenArg(v: unknown, arg: string, fallback?: number): bigint {
  return yuanToFen(numberArg(v, arg, fallback), { arg });
}

/** A star cap: a whole number, or a member category read with the default table. */
function capCell(v: unknown, at: CellAt): number | null {
  if (typeof v === "string" && !isBlank(v) && parseNumericText(v) === undefined) return atCell(at, () => starCapRule(v));
  return countCell(v, at);
}

/** A 2-column (category, cap) table, or the default four categories of the star-striving action opinions. */
function starCapTableArg(v: unknown): StarCapTable {
  if (isBlank(v)) return DEFAULT_STAR_CAP_TABLE;
  return starCapTable(
    tableRows(v, "table", 2).map(({ cells, at }) => ({
      name: labelCell(filledCell(cells[0], at[0]), at[0]),
      aliases: [],
      cap: countCell(filledCell(cells[1], at[1]), at[1]) as number,
    })),
  );
}

/** A 3-column (cap, threshold, ratio) table, or the rules of the star-striving action opinions. */
function starRulesArg(v: unknown): readonly StarQuotaRule[] {
  if (isBlank(v)) return DEFAULT_STAR_QUOTA_RULES;
  return tableRows(v, "rules", 3).map(({ cells, at }) => ({
    cap: countCell(filledCell(cells[0], at[0]), at[0]) as number,
    threshold: countCell(filledCell(cells[1], at[1]), at[1]) as number,
    ratio: atCell(at[2], () => shareArg(cells[2], "rules")),
  }));
}

/** A 2-column (grade, coefficient) table, or the default coefficients. */
function coefficientTableArg(v: unknown): CoefficientTable {
  if (isBlank(v)) return DEFAULT_COEFFICIENT_TABLE;
  return coefficientTable(
    tableRows(v, "table", 2).map(({ cells, at }) => ({
      label: labelCell(filledCell(cells[0], at[0]), at[0]),
      aliases: [],
      coefficient: scoreCell(filledCell(cells[1], at[1]), at[1]) as number,
    })),
  );
}

// ---- the functions

/**
 * The grade band of one score: at or above the first cut-off the first label, and so on; a veto bars the top grade, or forces the lowest with veto_mode "fail". Example: =KAOHE.GRADE(B2) is "称职" for 85.
 * @customfunction GRADE
 * @param score The score; blank gives an empty result, text such as 缺考 is an error. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B2
 * @param [cutoffs] The cut-offs, each included in its band; default {90,80,60}. Example: {90,75,60}
 * @param [labels] One label more than cut-offs, best first; default {"优秀","称职","基本称职","不称职"}. Example: {"优秀","合格","基本合格","不合格"}
 * @param [veto] TRUE when a one-vote veto applies to this person. Example: C2
 * @param [veto_mode] What a veto does: "no_top" (no top grade; default) or "fail" (the lowest grade; "不称职" also read). Example: "fail"
 * @returns The grade label.
 */
export function grade(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  score: any,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cutoffs?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  labels?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  veto?: any,
  veto_mode?: string,
): string | ExcelError {
  return guard(() => {
    const s = scoreCell(scalarArg(score, "score"), { arg: "score" });
    const scale = scaleArg(cutoffs, labels);
    const vetoed = booleanArg(veto, "veto", false);
    const mode = vetoModeArg(veto_mode);
    return s === null ? "" : gradeRule(s, scale, vetoed, mode);
  });
}

/**
 * The largest count a quota allows in a group of n: ratio × n rounded as chosen, at least minimum, never more than n; computed exactly. Example: =KAOHE.QUOTA(3, 30%) is 0, =KAOHE.QUOTA(3, 30%, "floor", 1) is 1.
 * @customfunction QUOTA
 * @param n The group size (a whole number). Example: 12
 * @param ratio The share allowed, e.g. 0.3, "30%" or 1/3. Example: 30%
 * @param [rounding] "floor" (去尾法; default), "round" (四舍五入) or "ceil" (进一法). Example: "floor"
 * @param [minimum] The least quota, e.g. 1 so a small group still has one place; default 0. Example: 1
 * @returns The quota.
 */
export function quota(n: number, ratio: number | string, rounding?: string, minimum?: number): number | ExcelError {
  return guard(() => quotaRule(integerArg(n, "n", undefined, 0), shareArg(ratio, "ratio"), roundingArg(rounding), minimumArg(minimum)));
}

/**
 * Grades of a whole column with the top grade limited per group: quota(group size, top_ratio) where the group size counts the rows with a numeric score; ineligible and vetoed rows cannot take the top grade; rows that lose it to the quota get the next grade. Example: =KAOHE.GRADES(C2:C80, , , 20%, A2:A80)
 * @customfunction GRADES
 * @param scores The scores; blanks give an empty result and do not count. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: C2:C80
 * @param [cutoffs] The cut-offs, each included in its band; default {90,80,60}. Example: {90,80,60}
 * @param [labels] One label more than cut-offs, best first; default {"优秀","称职","基本称职","不称职"}. Example: {"优秀","合格","基本合格","不合格"}
 * @param [top_ratio] The share of each group that may have the top grade; omitted: no limit. Example: 20%
 * @param [groups] Group labels (township, branch), the same size as scores; quotas are per group, blank labels forming one group. Example: A2:A80
 * @param [eligible] TRUE/FALSE per row, the same size as scores; FALSE bars the top grade; blank is TRUE. Example: D2:D80
 * @param [tiebreak] A second score per row: among equal scores the higher keeps the top grade; blank ranks below any number. Example: E2:E80
 * @param [tie_policy] Rows still tied across the quota: "strict" (none of them gets it; default), "all" (all get it, marked "（超额）"), "order" (row order). Example: "strict"
 * @param [rounding] How the quota is rounded: "floor" (default), "round" or "ceil". Example: "floor"
 * @param [minimum] The least quota per group; default 0. Example: 1
 * @param [veto] TRUE/FALSE per row: a one-vote veto, applied as veto_mode. Example: F2:F80
 * @param [veto_mode] "no_top" (no top grade; default) or "fail" (the lowest grade). Example: "fail"
 * @param [barred] Per row, from the negative list: blank or FALSE none; TRUE or "不得评优" no top grade whatever veto_mode; "定为末等" (or "fail") the lowest grade. Example: G2:G80
 * @returns The grades, in the shape of scores.
 */
export function grades(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  scores: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cutoffs?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  labels?: any[][],
  top_ratio?: number | string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  groups?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  eligible?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tiebreak?: any[][],
  tie_policy?: string,
  rounding?: string,
  minimum?: number,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  veto?: any[][],
  veto_mode?: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  barred?: any[][],
): Array<Array<string | ExcelError>> {
  return guardQuotaSpill(() => {
    const { g, values } = scoreCells(scores, "scores");
    const scale = scaleArg(cutoffs, labels);
    const round = roundingArg(rounding);
    const least = minimumArg(minimum);
    const topQuota = isBlank(top_ratio) ? undefined : { ratio: shareArg(top_ratio, "top_ratio"), rounding: round, minimum: least };
    const keys = groupColumn(groups, g, "scores");
    const allowed = flagColumn(eligible, g, "scores", "eligible", true);
    const vetoes = flagColumn(veto, g, "scores", "veto", false);
    const second = scoreColumn(tiebreak, g, "scores", "tiebreak");
    const tiePolicy = optionArg(tie_policy, "tie_policy", tiePolicyNames, DEFAULT_TIE_POLICY);
    const mode = vetoModeArg(veto_mode);
    const bars = barredColumn(barred, g);
    // A bar from the negative list acts as its own item says, whatever the table's veto_mode, as the pipeline applies it.
    const rows = values.map((score, i) => {
      const bar = bars?.[i];
      const vetoed = vetoes?.[i] === true;
      return { score, group: keys?.[i], eligible: allowed?.[i], veto: vetoed || bar !== undefined, vetoMode: bar === "fail" || (vetoed && mode === "fail") ? ("fail" as const) : ("noTop" as const), tiebreak: second?.[i] };
    });
    const result = gradesWithQuota(rows, { scale, topQuota, tiePolicy, vetoMode: mode });
    return reshape(
      g,
      result.rows.map((r) => (r.grade === null ? "" : r.overQuota ? r.grade + OVER_QUOTA_MARK : r.grade)),
    );
  });
}

/**
 * Relative classes within each group: rank by score and split by ratios such as {3,5,2} with largest-remainder class sizes; members tied on score share the better class. Example: =KAOHE.CLASSES(C2:C60, {3,5,2}, A2:A60)
 * @customfunction CLASSES
 * @param scores The scores, higher better; blanks give an empty result and do not count. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: C2:C60
 * @param ratios The share of each class, best first. Example: {3,5,2}
 * @param [groups] Group labels, the same size as scores; each group is split on its own, blank labels forming one group. Example: A2:A60
 * @returns Class numbers 1, 2, 3…, in the shape of scores.
 */
export function classes(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  scores: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ratios: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  groups?: any[][],
): Array<Array<number | string | ExcelError>> {
  return guardQuotaSpill(() => {
    const { g, values } = scoreCells(scores, "scores");
    const shares = listCells(ratios, "ratios").map(({ cell, at }) => atCell(at, () => ratioArg(cell, "ratios")));
    if (shares.length === 0) throw ruleErrors.valueError("required", { arg: "ratios" });
    const keys = groupColumn(groups, g, "scores");
    const out = classesRule(
      values.map((score, i) => ({ score, group: keys?.[i] })),
      shares,
    );
    return reshape(
      g,
      out.map((c) => c ?? ""),
    );
  });
}

/**
 * A Party member's stars from the scores of the aspects (the star-striving action opinions): each aspect earns one star per threshold it reaches (≥ 90: 2, ≥ 75: 1), the total is at most cap. A blank aspect is #N/A: give only the aspects the member is rated on, 0 points as 0. Example: =KAOHE.STARS(C2:G2, , 10)
 * @customfunction STARS
 * @param aspect_scores The scores of the aspects the member is rated on, one row; a blank one is #N/A (enter 0 for none). With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: C2:G2
 * @param [thresholds] One star for each threshold reached; default {90,75}. Example: {90,75}
 * @param [cap] The most stars: a number, or a member category such as "外出流动党员"; omitted: no cap. Example: 10
 * @returns The number of stars.
 */
export function stars(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  aspect_scores: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  thresholds?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cap?: any,
): number | ExcelError {
  return guard(() => {
    const { g, values } = scoreCells(aspect_scores, "aspect_scores");
    // Named by its place in the range as given, which may be a column as well as a row.
    const blank = values.indexOf(null);
    if (blank >= 0) throw ruleErrors.naError("blankAspect", position(g, blank, "aspect_scores"));
    const most = capCell(scalarArg(cap, "cap"), { arg: "cap" });
    return starsRule(values, numberList(thresholds, "thresholds") ?? DEFAULT_STAR_THRESHOLDS, most ?? undefined);
  });
}

/**
 * The star cap of a member category: 村干部党员 and 在村务农党员 (有劳动能力无职党员) 10; 无劳动能力党员 (年老体弱党员) and 外出流动党员 6, or as a table says. Example: =KAOHE.STARCAP(B2)
 * @customfunction STARCAP
 * @param category The member category; blank gives an empty result; an unknown category is #N/A. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: B2
 * @param [table] Two columns, category and cap, without a header row; default the four categories of the star rules. Example: $J$2:$K$5
 * @returns The cap.
 */
export function starCap(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  category: any,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  table?: any[][],
): number | string | ExcelError {
  return guard(() => {
    const caps = starCapTableArg(table);
    const name = scalarArg(category, "category");
    return isBlank(name) ? "" : atCell({ arg: "category" }, () => starCapRule(cellText(name), caps));
  });
}

/**
 * Stars after the quota of the star-striving action opinions (《关于开展“奉献我村、服务群众”农村党员创星行动的意见》), per group: of the members whose cap is 10, those with 9 stars or more at most 30%; of cap 6, those with 5 or more at most 30%. Members over the quota drop to the threshold less one, the lowest (stars, then tiebreak) first. Example: =KAOHE.STARQUOTA(H2:H90, I2:I90, J2:J90, A2:A90)
 * @customfunction STARQUOTA
 * @param stars Each member's stars; blanks give an empty result and do not count. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: H2:H90
 * @param caps Each member's cap (10 or 6), or the member category; the same size as stars. Example: I2:I90
 * @param [tiebreak] A score per member: among equal stars the higher keeps; blank ranks below any number. Example: J2:J90
 * @param [groups] The branch of each member; the quota is per group, blank labels forming one group. Example: A2:A90
 * @param [rules] Three columns, cap, threshold and ratio, without a header row; default {10,9,0.3; 6,5,0.3}. Example: {10,9,0.3;6,5,0.3}
 * @param [tie_policy] Members still tied across the quota: "strict" (none of them keeps; default) or "order" (row order). Example: "strict"
 * @param [rounding] How the quota is rounded: "floor" (default: "not more than 30%"), "round" or "ceil". Example: "floor"
 * @param [minimum] The least quota per group and cap; default 0. Example: 1
 * @param [barred] TRUE/FALSE per member (from the negative list): TRUE holds the member below the threshold of the cap's rule, takes no place, and the place passes to the next. Example: K2:K90
 * @param [removed] Stars removed per member before the quota (摘星, from the negative list), not below 0; blank is none. Example: L2:L90
 * @returns The stars after the quota, in the shape of stars.
 */
export function starQuota(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  stars: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  caps: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tiebreak?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  groups?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rules?: any[][],
  tie_policy?: string,
  rounding?: string,
  minimum?: number,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  barred?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  removed?: any[][],
): Array<Array<number | string | ExcelError>> {
  return guardQuotaSpill(() => {
    const g = grid(stars, "stars");
    const earned = countColumn(g, "stars", countCell);
    let counts = earned;
    if (!isBlank(removed)) {
      const r = grid(removed, "removed");
      sameSize(g, "stars", r, "removed");
      const off = countColumn(r, "removed", countCell);
      // Stars are removed before the quota, as the pipeline applies the negative list; the cap is checked on the stars earned.
      counts = earned.map((s, i) => (s === null ? null : Math.max(0, s - (off[i] ?? 0))));
    }
    const capGrid = grid(caps, "caps");
    sameSize(g, "stars", capGrid, "caps");
    const capOf = countColumn(capGrid, "caps", capCell);
    earned.forEach((s, i) => {
      if (s === null) return;
      if (capOf[i] === null) throw ruleErrors.valueError("required", position(capGrid, i, "caps"));
      if (s > (capOf[i] as number)) throw ruleErrors.valueError("starsAboveCap", { ...position(g, i, "stars"), value: s, cap: capOf[i] as number });
    });
    const keys = groupColumn(groups, g, "stars");
    const second = scoreColumn(tiebreak, g, "stars", "tiebreak");
    const bars = flagColumn(barred, g, "stars", "barred", false);
    const result = starQuotaRule(
      counts.map((s, i) => ({ stars: s, cap: capOf[i], tiebreak: second?.[i], group: keys?.[i], barred: bars?.[i] })),
      {
        rules: starRulesArg(rules),
        tiePolicy: optionArg(tie_policy, "tie_policy", starTiePolicyNames, DEFAULT_TIE_POLICY),
        rounding: roundingArg(rounding),
        minimum: minimumArg(minimum),
      },
    );
    return reshape(
      g,
      result.rows.map((r) => r.stars ?? ""),
    );
  });
}

/**
 * Basic and performance pay from a total, exact to the fen: basic = total × basic_ratio rounded half up to the fen, performance = total − basic, so the two add up to the total. Spills 1 × 2. Example: =KAOHE.PAYSPLIT(5000) is {3500, 1500}.
 * @customfunction PAYSPLIT
 * @param total The total pay in yuan, at most two decimals. Example: 5000
 * @param [basic_ratio] The basic share; default 0.7 (70/30); village secretaries often 0.6. Example: 0.6
 * @returns Basic pay and performance pay, side by side.
 */
export function paySplit(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  total: any,
  basic_ratio?: number | string,
): Array<Array<number | ExcelError>> {
  return guardQuotaSpill(() => {
    const split = paySplitRule(fenArg(total, "total"), shareArg(basic_ratio, "basic_ratio", BASIC_PAY_RATIO));
    return [[fenToYuan(split.basicFen), fenToYuan(split.performanceFen)]];
  });
}

/**
 * Shares a pool in proportion to weights (scores, coefficients), each share a multiple of unit and the shares adding up to the pool exactly: each gets its share rounded down, and the fen left over go to the largest remainders, ties by row order. Example: =KAOHE.ALLOCATE(100000, D2:D40)
 * @customfunction ALLOCATE
 * @param pool The amount to share, in yuan, a multiple of unit. Example: 100000
 * @param weights Each row's weight, 0 or more; a blank row gets an empty result and takes no part; all 0 (say, every cadre of a township 不称职) leaves nobody to share with: every row gets 0 and the pool is not shared. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: D2:D40
 * @param [unit] The smallest amount handed out, in yuan; default 0.01 (one fen). Example: 1
 * @returns The shares in yuan, in the shape of weights.
 */
export function allocate(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  pool: any,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  weights: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  unit?: any,
): Array<Array<number | string | ExcelError>> {
  return guardQuotaSpill(() => {
    const poolFen = fenArg(pool, "pool");
    const unitFen = isBlank(unit) ? BigInt(DEFAULT_UNIT_FEN) : fenArg(unit, "unit");
    if (unitFen === 0n) throw ruleErrors.valueError("outOfRange", { arg: "unit", value: 0, min: 0.01 });
    const { g, values } = scoreCells(weights, "weights");
    values.forEach((w, i) => {
      if (w !== null && w < 0) throw ruleErrors.valueError("negative", { ...position(g, i, "weights"), value: w });
    });
    const fen = allocateFen(poolFen, values, Number(unitFen));
    return reshape(
      g,
      fen.map((f) => (f === null ? "" : fenToYuan(f))),
    );
  });
}

/**
 * The pay coefficient of each grade: 优秀 1.2, 称职 (合格) 1.0, 基本称职 (基本合格) 0.8, 不称职 (不合格) 0, or as a table says; the same shape as grades. Example: =KAOHE.COEF(E2:E40)
 * @customfunction COEF
 * @param grades The grade labels; blanks give an empty result; an unknown label is #N/A in its cell. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: E2:E40
 * @param [table] Two columns, grade and coefficient, without a header row. Example: $J$2:$K$5
 * @returns The coefficients, in the shape of grades.
 */
export function coef(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  grades: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  table?: any[][],
): Array<Array<number | string | ExcelError>> {
  return guardQuotaSpill(() => {
    const coefficients = coefficientTableArg(table);
    const g = grid(grades, "grades");
    const out = g.cells.map((c, i): number | string | ExcelError =>
      isBlank(c) ? "" : cellOrError(position(g, i, "grades"), () => gradeCoefficient(labelCell(c, position(g, i, "grades")), coefficients)),
    );
    return reshape(g, out);
  });
}

// (end Quotas, stars and money)

// ================================================================ Ledgers

/**
 * The number of periods (week, month, quarter, half year, year) from start to end with fewer than min_per_period of the dates in them. Example: =KAOHE.CADENCE(C2:C40, "month", 1, "2025-1-1", "2025-12-31") counts the months without a meeting
 * @customfunction CADENCE
 * @param dates The dates of the meetings, talks or trainings; blank cells are skipped; date text such as 2025-3-5 or 2025年3月5日 is read. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: C2:C40
 * @param period "week", "month", "quarter", "half" or "year" (also 周, 月, 季度, 半年, 年). Example: "month"
 * @param [min_per_period] How many are due in each period; default 1. Example: 2
 * @param [start] The first day of the time checked; default the earliest date. Example: "2025-1-1"
 * @param [end] The last day of the time checked; default the latest date. Example: "2025-12-31"
 * @returns The number of periods short of the duty.
 */
export function cadence(dates: unknown[][], period: string, min_per_period?: number | string, start?: unknown, end?: unknown): number | ExcelError {
  return guard(() => {
    const serials = dateCells(dates, "dates");
    const p = optionArg<Period>(period, "period", periodNames, "month");
    const min = integerArg(min_per_period, "min_per_period", 1, 1);
    const from = dateArg(start, "start") ?? minOf(serials) ?? null;
    const to = dateArg(end, "end") ?? maxOf(serials) ?? null;
    if (from === null || to === null) throw ruleErrors.valueError("required", { arg: serials.length ? "end" : "start" });
    return missingPeriods(serials, p, min, from, to).length;
  });
}

/**
 * TRUE when count / total is at least the target, compared exactly: a rate (65%) or an amount per head (30 yuan per member). Example: =KAOHE.TARGET(13, 20, "65%") is TRUE
 * @customfunction TARGET
 * @param count What was achieved: organisations rated five good, satisfied answers, or yuan spent. Example: 13
 * @param total What it is out of: all organisations, all answers, or members. Example: 20
 * @param target The target share or amount per head, e.g. 0.65, "65%", 30. Example: "65%"
 * @returns TRUE or FALSE.
 */
export function target(count: number | string, total: number | string, target: number | string): boolean | ExcelError {
  return guard(() => meetsTarget(numberArg(count, "count"), numberArg(total, "total"), ratioArg(target, "target")));
}

/**
 * One person's negative-list records applied to the list: points deducted (default), stars removed, TRUE when barred from 优秀, TRUE when forced to 不称职/不合格, yuan off performance pay, or the reasons as one text. Example: =KAOHE.NEGATIVE(B2, 负面清单记录!$B$19:$B$218, 负面清单记录!$C$19:$C$218, 负面清单记录!$A$5:$I$16)
 * @customfunction NEGATIVE
 * @param name The person's name; blank gives an empty result. Example: B2
 * @param record_names The names column of the 负面清单记录 sheet. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: 负面清单记录!$B$19:$B$218
 * @param record_items The item column of the record sheet: an item's number or its text; an item not on the list is #N/A. Example: 负面清单记录!$C$19:$C$218
 * @param list The negative list, nine columns without a header: number, category, text, points per event, point cap, stars removed, no 优秀, forced fail, yuan per event. Example: 负面清单记录!$A$5:$I$16
 * @param [what] "points" (default), "stars", "notop", "fail", "yuan" or "reasons" (扣分, 摘星, 不得评优, 不称职, 扣绩效工资, 说明). Example: "stars"
 * @param [record_counts] The count column of the record sheet; blank means one event. Example: 负面清单记录!$D$19:$D$218
 * @returns The part of the outcome asked for.
 */
export function negative(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  name: any,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  record_names: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  record_items: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  list: any[][],
  what?: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  record_counts?: any[][],
): number | boolean | string | ExcelError {
  return guard(() => negativeFor(name, record_names, record_items, list, what, record_counts));
}

/**
 * One person's value from another sheet: his row found by ID, else by name within his unit (case, spaces and full width aside), as kaohe run links sheets. Example: =KAOHE.LINK(D5, C5, A5:B5, 半年考核!$D$4:$D$203, 半年考核!$C$4:$C$203, 半年考核!$A$4:$B$203, 半年考核!$AC$4:$AC$203, 0)
 * @customfunction LINK
 * @param id The person's ID; blank: found by name and unit. Example: D5
 * @param name The person's name; blank with no ID gives an empty result. Example: C5
 * @param person_unit The person's unit, one cell or a row of cells joined (乡镇, 村); blank: the name decides alone. Example: A5:B5
 * @param source_ids The source's ID column; a source row with an ID is never a person with another ID. With an error value here (#N/A, #DIV/0!…) Excel does not compute the formula and shows an error; correct that cell. Example: 半年考核!$D$4:$D$203
 * @param source_names The source's name column. Example: 半年考核!$C$4:$C$203
 * @param source_units The source's unit columns, as many as person_unit has. Example: 半年考核!$A$4:$B$203
 * @param source_values The column whose value is taken. Example: 半年考核!$AC$4:$AC$203
 * @param [if_none] The result when the person is not in the source; default empty. Example: 0
 * @param [combine] "one" (default): one row per person, two rows that could be him are #N/A; "mean": a person's several rows (one per promise), blank name and unit cells taking the row above's, averaged. Example: "mean"
 * @returns The value found, if_none, or #N/A when two rows could be the person.
 */
export function link(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  id: any,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  name: any,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  person_unit: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  source_ids: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  source_names: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  source_units: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  source_values: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  if_none?: any,
  combine?: string,
): number | string | boolean | ExcelError {
  return guard(() => linkFor(id, name, person_unit, source_ids, source_names, source_units, source_values, if_none, combine));
}
