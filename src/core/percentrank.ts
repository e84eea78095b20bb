// Excel-exact PERCENTRANK.INC and PERCENTRANK.EXC of one value or of a whole column, truncated exactly.
import { RuleError, naError, numError, valueError } from "./errors";
import { decimalOf } from "./exact";
import { checkGroupSize, columnOf, expandRuns, perGroupRuns, runsOf, valuesOf, type Column, type GroupLabel, type RunResults } from "./rank";

/** Excel's default: three digits after the point (0.xxx). */
export const DEFAULT_SIGNIFICANCE = 3;

/** Beyond this Excel answers #DIV/0! (10^-significance underflows; [MS-OI29500] 2.1.1015). */
export const MAX_SIGNIFICANCE = 308;

/**
 * The number of digits to keep. Excel truncates significance to a whole number, answers #NUM! below
 * 1 and #DIV/0! above 308 ([MS-OI29500] 2.1.1015, and the PERCENTRANK.INC/EXC help).
 */
export function significanceDigits(significance: number): number {
  const digits = Math.trunc(significance);
  const at = { arg: "significance", value: significance, min: 1, max: MAX_SIGNIFICANCE };
  if (!(digits >= 1)) throw numError("outOfRange", at);
  if (digits > MAX_SIGNIFICANCE) throw new RuleError("#DIV/0!", "outOfRange", at);
  return digits;
}

// ---------------------------------------------------------------- exact truncation

// Powers of ten a double holds exactly; the quotient q / 10^d of two exact doubles is then the
// double nearest the decimal 0.xxx, the same double Excel shows.
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

function decimalToNumber(q: bigint, digits: number): number {
  if (digits < POW10.length && q <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(q) / POW10[digits];
  return Number(`${q}e-${digits}`);
}

/** num/den (num ≥ 0, den > 0) truncated to `digits` decimals, computed exactly. */
export function truncateFraction(num: bigint, den: bigint, digits: number): number {
  return decimalToNumber((num * 10n ** BigInt(digits)) / den, digits);
}

/**
 * num/den for whole num ≥ 0 and den > 0 truncated to `digits` decimals. The fast path stays in exact
 * integer doubles (every product below 2^53) and corrects the floor of the division by one step either
 * way, so 7/10 gives 0.7 and never 0.699; otherwise BigInt.
 */
export function truncateShare(num: number, den: number, digits: number): number {
  if (digits < POW10.length) {
    const scaled = num * POW10[digits];
    if (scaled <= Number.MAX_SAFE_INTEGER) {
      let q = Math.floor(scaled / den);
      if (q * den > scaled) q--;
      else if ((q + 1) * den <= scaled) q++;
      return q / POW10[digits];
    }
  }
  return truncateFraction(BigInt(num), BigInt(den), digits);
}

// ---------------------------------------------------------------- decimals

/** Several decimals over one common power of ten. */
function commonScale(xs: readonly number[]): bigint[] {
  const ds = xs.map(decimalOf);
  const scale = Math.max(...ds.map((d) => d.scale));
  return ds.map((d) => d.int * 10n ** BigInt(scale - d.scale));
}

// ---------------------------------------------------------------- one value

/** What one pass over the data tells about x: the counts, and the greatest value below x and the least above it. */
interface Standing {
  readonly n: number;
  readonly below: number;
  readonly equal: number;
  readonly lower: number;
  readonly upper: number;
  readonly min: number;
  readonly max: number;
}

function standing(values: readonly (number | undefined)[], x: number): Standing {
  // Locals, not fields of a result object, so the loop runs on unboxed numbers.
  let n = 0;
  let below = 0;
  let equal = 0;
  let lower = -Infinity;
  let upper = Infinity;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) continue;
    if (!Number.isFinite(v)) throw valueError("notFinite", { arg: "array", row: i + 1 });
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v < x) {
      below++;
      if (v > lower) lower = v;
    } else if (v > x) {
      if (v < upper) upper = v;
    } else equal++;
  }
  return { n, below, equal, lower, upper, min, max };
}

/**
 * PERCENTRANK.INC(array, x, significance) or .EXC. For x in the data: count(< x) / (n − 1), or
 * (count(< x) + 1) / (n + 1). Between two data points: linear interpolation between the positions of
 * the two neighbours in the sorted data, i.e. the inverse of PERCENTILE.INC / .EXC. With ties at the
 * lower neighbour its position is that of its last copy: (k − 1 + f) / (n − 1) and (k + f) / (n + 1),
 * k = count(< x), f = (x − lower) / (upper − lower) — as LibreOffice, Gnumeric and Julia's StatsBase
 * compute Excel's function. A single value: 1 for INC (Excel's answer to 0/0); EXC keeps its formula.
 * Empty data is #NUM! and x outside [min, max] is #N/A, as Microsoft documents.
 */
export function percentRank(values: readonly (number | undefined)[], x: number, significance: number, exclusive: boolean): number {
  const digits = significanceDigits(significance);
  if (!Number.isFinite(x)) throw valueError("notFinite", { arg: "x" });
  const s = standing(values, x);
  if (s.n === 0) throw numError("emptyRange", { arg: "array" });
  if (x < s.min || x > s.max) throw naError("outsideData", { arg: "x", value: x, data: "array", min: s.min, max: s.max });
  if (s.equal > 0) {
    if (exclusive) return truncateShare(s.below + 1, s.n + 1, digits);
    return s.n === 1 ? 1 : truncateShare(s.below, s.n - 1, digits);
  }
  // Exact rationals on the displayed decimals: f = (X − L) / (H − L) over one power of ten.
  const [X, L, H] = commonScale([x, s.lower, s.upper]);
  const k = BigInt(s.below);
  const width = H - L;
  const offset = X - L;
  return exclusive
    ? truncateFraction(k * width + offset, BigInt(s.n + 1) * width, digits)
    : truncateFraction((k - 1n) * width + offset, BigInt(s.n - 1) * width, digits);
}

/** PERCENTRANK.INC(values, x, significance). */
export function percentRankInc(values: readonly (number | undefined)[], x: number, significance = DEFAULT_SIGNIFICANCE): number {
  return percentRank(values, x, significance, false);
}

/** PERCENTRANK.EXC(values, x, significance). */
export function percentRankExc(values: readonly (number | undefined)[], x: number, significance = DEFAULT_SIGNIFICANCE): number {
  return percentRank(values, x, significance, true);
}

// ---------------------------------------------------------------- whole column

/**
 * The percent rank of every value among all the values, as PERCENTRANK.INC / .EXC in each row would
 * give it; undefined in, undefined out. Each value is in the data, so no interpolation: one sort, and
 * count(< v) is where v's run of ties starts. O(n log n).
 */
export function percentRanksAll(
  values: readonly (number | undefined)[],
  significance: number,
  exclusive: boolean,
): (number | undefined)[] {
  const digits = significanceDigits(significance);
  return valuesOf(percentRanksColumn(columnOf(values), digits, exclusive));
}

/** percentRanksAll for a Column: NaN in, NaN out. */
export function percentRanksColumn(column: Column, significance: number, exclusive: boolean): Column {
  return expandRuns(percentRanksRuns(column, significance, exclusive));
}

/** percentRanksColumn as runs of ties: one share a run, so one truncation a distinct value. */
export function percentRanksRuns(column: Column, significance: number, exclusive: boolean): RunResults {
  const digits = significanceDigits(significance);
  const { runOf, starts } = runsOf(column);
  const runs = starts.length - 1;
  const n = starts[runs];
  const value = new Float64Array(runs);
  for (let d = 0; d < runs; d++) {
    const below = starts[d];
    value[d] = exclusive ? truncateShare(below + 1, n + 1, digits) : n === 1 ? 1 : truncateShare(below, n - 1, digits);
  }
  return { runOf, value };
}

/** percentRanksAll within each group: one sort per group. */
export function percentRanksAllInGroups(
  values: readonly (number | undefined)[],
  groups: readonly GroupLabel[],
  significance: number,
  exclusive: boolean,
): (number | undefined)[] {
  const digits = significanceDigits(significance);
  checkGroupSize(values, groups);
  return valuesOf(expandRuns(percentRanksRunsInGroups(columnOf(values), groups, digits, exclusive)));
}

/** percentRanksRuns within each group. */
export function percentRanksRunsInGroups(
  column: Column,
  groups: readonly GroupLabel[],
  significance: number,
  exclusive: boolean,
): RunResults {
  const digits = significanceDigits(significance);
  return perGroupRuns(column, groups, (subset) => percentRanksRuns(subset, digits, exclusive));
}
