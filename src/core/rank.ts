// Excel-exact ranks (RANK.EQ, RANK.AVG and dense 中国式 ranks) of one value or of a whole column, in groups too.
import { naError, valueError } from "./errors";

/** "desc": the largest is 1 (Excel's order 0 or omitted); "asc": the smallest is 1 (any nonzero order). */
export type RankOrder = "desc" | "asc";

/** "eq": ties share the best rank, 1,1,3 (RANK.EQ); "avg": ties share the average, 1.5,1.5,3 (RANK.AVG); "dense": 1,1,2 (中国式). */
export type RankMethod = "eq" | "avg" | "dense";

/** A group label as it comes from a cell; undefined (blank) is the group "". */
export type GroupLabel = string | number | undefined;

// ---------------------------------------------------------------- one sort, walked tie by tie

/** The defined values of a column in ascending order, as runs of equal values. */
export interface Ties {
  /** The row of each defined value, ascending by value; rows of equal values stay in row order. */
  readonly rows: Uint32Array;
  /** Where each run of equal values starts in `rows`, then the number of defined values: runs + 1 entries. */
  readonly starts: Uint32Array;
}

// Below this a comparator sort is cheaper than the radix sort's fixed cost (3 passes over 2048 buckets, 6 where
// values share their high bits), which matters when a column is split into many small groups.
const RADIX_FROM = 1024;
// Up to this a run of values sharing their high bits is sorted by insertion, in place.
const INSERTION_UP_TO = 32;
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
/** 11-bit digits of a 32-bit word: 11 + 11 + 10. */
const DIGITS = 3;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The positions of keys in ascending order, stable. A least-significant-digit radix sort on the bits of
 * each double, turned into unsigned integers that sort as the doubles do: no comparator call per
 * comparison, and no binary search per row afterwards, which is what keeps a whole column of 100,000
 * near the cost of a bare numeric sort. The high 32 bits (sign, exponent, 20 bits of mantissa) are
 * sorted first; only runs that share them and differ below (values within a millionth of each other)
 * are then sorted by the low 32 bits, so scores like 85.5 take three passes instead of six.
 */
export function ascendingOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < RADIX_FROM) return order.sort((a, b) => keys[a] - keys[b] || a - b);

  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  const hiAt = LITTLE_ENDIAN ? 1 : 0;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + hiAt];
    const l = words[2 * i + 1 - hiAt];
    // Negative doubles sort backwards by their bits: flip them all; positive ones go above: set the sign bit.
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  const spare = new Uint32Array(n);
  const count = new Uint32Array(DIGITS * BUCKETS);
  radixSort(order, spare, hi, count);
  for (let start = 0; start < n; ) {
    const h = hi[order[start]];
    const l = lo[order[start]];
    let end = start + 1;
    let mixed = false;
    for (; end < n && hi[order[end]] === h; end++) if (lo[order[end]] !== l) mixed = true;
    // Positions of one run are still ascending (the sort is stable), so a tie on lo keeps them so.
    if (mixed) {
      // Mostly pairs, when distinct values share the high bits by chance: an insertion sort in place costs less than a sort call.
      if (end - start <= INSERTION_UP_TO) insertionSort(order, start, end, lo);
      else if (end - start < RADIX_FROM) order.subarray(start, end).sort((a, b) => lo[a] - lo[b] || a - b);
      else radixSort(order.subarray(start, end), spare.subarray(start, end), lo, count);
    }
    start = end;
  }
  return order;
}

/** Sort order[start, end) in place, stably, by word[position]. */
function insertionSort(order: Uint32Array, start: number, end: number, word: Uint32Array): void {
  for (let i = start + 1; i < end; i++) {
    const at = order[i];
    const key = word[at];
    let j = i - 1;
    for (; j >= start && word[order[j]] > key; j--) order[j + 1] = order[j];
    order[j + 1] = at;
  }
}

/** Sort positions in place, stably, by word[position]: three 11-bit digits, all counted in one pass. */
function radixSort(order: Uint32Array, spare: Uint32Array, word: Uint32Array, count: Uint32Array): void {
  const n = order.length;
  count.fill(0);
  for (let i = 0; i < n; i++) {
    const w = word[order[i]];
    count[w & MASK]++;
    count[BUCKETS + ((w >>> DIGIT_BITS) & MASK)]++;
    count[2 * BUCKETS + (w >>> (2 * DIGIT_BITS))]++;
  }
  let from = order;
  let to = spare;
  for (let d = 0; d < DIGITS; d++) {
    const base = d * BUCKETS;
    const shift = d * DIGIT_BITS;
    // A digit that is the same in every key (the exponent of scores in one band, say) moves nothing.
    if (count[base + ((word[from[0]] >>> shift) & MASK)] === n) continue;
    let sum = 0;
    for (let b = base; b < base + BUCKETS; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = from[i];
      to[count[base + ((word[at] >>> shift) & MASK)]++] = at;
    }
    [from, to] = [to, from];
  }
  if (from !== order) order.set(from);
}

/**
 * A column as the whole-column rules take it: one double a row, NaN where the row has no number (a
 * blank, text, a boolean). A typed array, not (number | undefined)[]: at 100,000 rows the boxed
 * values and their garbage cost as much as the sort itself.
 */
export type Column = Float64Array;

/** values as a Column; NaN and ±Infinity are #VALUE! naming the row, never taken for a blank. */
export function columnOf(values: readonly (number | undefined)[]): Column {
  const column = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) column[i] = NaN;
    else if (Number.isFinite(v)) column[i] = v;
    else throw valueError("notFinite", { row: i + 1 });
  }
  return column;
}

/** A Column's results back as an array: NaN (no number) is undefined. */
export function valuesOf(column: Column): (number | undefined)[] {
  const out = new Array<number | undefined>(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    out[i] = v === v ? v : undefined;
  }
  return out;
}

/** Sort the defined values once and find the runs of equal values. NaN and ±Infinity are #VALUE!. */
export function tiesOf(values: readonly (number | undefined)[]): Ties {
  return tiesOfColumn(columnOf(values));
}

/** tiesOf for a Column: NaN rows are left out; ±Infinity is #VALUE!. */
export function tiesOfColumn(column: Column): Ties {
  const length = column.length;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const v = column[i];
    if (v !== v) continue;
    if (v === Infinity || v === -Infinity) throw valueError("notFinite", { row: i + 1 });
    n++;
  }
  // A column with no blanks is its own list of keys, and the sorted positions are the rows.
  let keys = column;
  let rows: Uint32Array;
  if (n === length) rows = ascendingOrder(keys);
  else {
    keys = new Float64Array(n);
    const rowOf = new Uint32Array(n);
    for (let i = 0, j = 0; i < length; i++) {
      const v = column[i];
      if (v !== v) continue;
      keys[j] = v;
      rowOf[j++] = i;
    }
    rows = ascendingOrder(keys);
    for (let t = 0; t < n; t++) rows[t] = rowOf[rows[t]];
  }
  const starts = new Uint32Array(n + 1);
  let runs = 0;
  let previous = NaN;
  for (let t = 0; t < n; t++) {
    const v = column[rows[t]];
    // !== makes 0 and −0 one run: they sort next to each other, and Excel has no −0.
    if (t === 0 || v !== previous) starts[runs++] = t;
    previous = v;
  }
  starts[runs] = n;
  return { rows, starts: starts.subarray(0, runs + 1) };
}

// ---------------------------------------------------------------- ranks

/**
 * The rank of a value that is in the data, from how many values lie below it, at or below it, and
 * (for dense) how many distinct values lie at or below it; n values, `distinct` distinct ones.
 */
function rankFromCounts(
  below: number,
  atMost: number,
  distinctAtMost: number,
  n: number,
  distinct: number,
  order: RankOrder,
  method: RankMethod,
): number {
  const above = n - atMost;
  if (method === "eq") return order === "asc" ? below + 1 : above + 1;
  if (method === "avg") return (order === "asc" ? below : above) + (atMost - below + 1) / 2;
  return order === "asc" ? distinctAtMost : distinct - distinctAtMost + 1;
}

/**
 * The rank of every value among all the values, as Excel's RANK.EQ / RANK.AVG (or dense) would give
 * it in each row; undefined in, undefined out. One sort, then one walk over the runs of ties.
 */
export function rankAll(values: readonly (number | undefined)[], order: RankOrder, method: RankMethod): (number | undefined)[] {
  return valuesOf(rankColumn(columnOf(values), order, method));
}

/** rankAll for a Column: NaN in, NaN out. */
export function rankColumn(column: Column, order: RankOrder, method: RankMethod): Column {
  return expandRuns(rankRuns(column, order, method));
}

/** rankColumn as runs of ties: one rank a run. */
export function rankRuns(column: Column, order: RankOrder, method: RankMethod): RunResults {
  const { runOf, starts } = runsOf(column);
  const runs = starts.length - 1;
  const n = starts[runs];
  const value = new Float64Array(runs);
  for (let d = 0; d < runs; d++) value[d] = rankFromCounts(starts[d], starts[d + 1], d + 1, n, runs, order, method);
  return { runOf, value };
}

/**
 * A whole-column result as the runs of ties have it: every row of a run gets the same result, so it is
 * kept once a run. value[d] is run d's result; runOf[row] is the row's run, −1 for a row with no number.
 * A caller that builds an object per result (a spill's row) can then build one a run instead of one a row.
 */
export interface RunResults {
  readonly runOf: Int32Array;
  readonly value: Float64Array;
}

/** Sort once: each row's run of ties (−1 for no number), and where each run starts among the sorted values, then n. */
export function runsOf(column: Column): { runOf: Int32Array; starts: Uint32Array } {
  const { rows, starts } = tiesOfColumn(column);
  const runOf = new Int32Array(column.length).fill(-1);
  for (let d = 0; d < starts.length - 1; d++) for (let t = starts[d]; t < starts[d + 1]; t++) runOf[rows[t]] = d;
  return { runOf, starts };
}

/** RunResults as a Column: each row's result, NaN where it has none. */
export function expandRuns({ runOf, value }: RunResults): Column {
  const out = new Float64Array(runOf.length);
  for (let i = 0; i < runOf.length; i++) out[i] = runOf[i] < 0 ? NaN : value[runOf[i]];
  return out;
}

/**
 * The rank of x among values, as RANK.EQ(x, ref, order) / RANK.AVG / dense. One pass, no sort: the
 * single-cell function. x not among the values is #N/A, as in Excel; so is a ref with no numbers.
 */
export function rankOf(x: number, values: readonly (number | undefined)[], order: RankOrder, method: RankMethod): number {
  // NaN compares false both ways and would count as equal to everything.
  if (!Number.isFinite(x)) throw valueError("notFinite", { arg: "number" });
  let below = 0;
  let equal = 0;
  let above = 0;
  const distinctBelow = new Set<number>();
  const distinctAbove = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) continue;
    if (!Number.isFinite(v)) throw valueError("notFinite", { arg: "ref", row: i + 1 });
    if (v < x) {
      below++;
      if (method === "dense") distinctBelow.add(v);
    } else if (v > x) {
      above++;
      if (method === "dense") distinctAbove.add(v);
    } else equal++;
  }
  if (below + equal + above === 0) throw naError("emptyRange", { arg: "ref" });
  if (equal === 0) throw naError("notInRef", { arg: "number", value: x, ref: "ref" });
  const n = below + equal + above;
  const distinct = distinctBelow.size + 1 + distinctAbove.size;
  return rankFromCounts(below, below + equal, distinctBelow.size + 1, n, distinct, order, method);
}

/**
 * The key that decides which rows share a group. Labels compare as COUNTIFS compares them: trimmed,
 * case-insensitive, and the number 1 is the label "1". A blank label is the group "": all the rows
 * with no label are ranked together, among themselves, so a missing label never drops a row silently.
 */
export function groupKey(label: GroupLabel): string {
  if (label === undefined) return "";
  return String(label).trim().toLowerCase();
}

/** The row indices of each group, groups in order of first appearance, rows in row order. */
export function groupRows(groups: readonly GroupLabel[]): number[][] {
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const key = groupKey(groups[i]);
    let rows = byKey.get(key);
    if (rows === undefined) byKey.set(key, (rows = []));
    rows.push(i);
  }
  return [...byKey.values()];
}

/** Groups must line up with the values, one label a row. */
export function checkGroupSize(values: { readonly length: number }, groups: readonly GroupLabel[]): void {
  if (groups.length !== values.length)
    throw valueError("sizeMismatch", { arg: "groups", got: groups.length, other: "values", expected: values.length });
}

/** Apply a whole-column computation to each group separately; results land back in their rows. Runs stay each group's own. */
export function perGroupRuns(column: Column, groups: readonly GroupLabel[], compute: (subset: Column) => RunResults): RunResults {
  checkGroupSize(column, groups);
  const runOf = new Int32Array(column.length).fill(-1);
  const value: number[] = [];
  for (const rows of groupRows(groups)) {
    const subset = new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) subset[j] = column[rows[j]];
    const results = compute(subset);
    const first = value.length;
    for (let d = 0; d < results.value.length; d++) value.push(results.value[d]);
    for (let j = 0; j < rows.length; j++) if (results.runOf[j] >= 0) runOf[rows[j]] = first + results.runOf[j];
  }
  return { runOf, value: Float64Array.from(value) };
}

/** rankAll within each group: one sort per group. */
export function rankAllInGroups(
  values: readonly (number | undefined)[],
  groups: readonly GroupLabel[],
  order: RankOrder,
  method: RankMethod,
): (number | undefined)[] {
  checkGroupSize(values, groups);
  return valuesOf(expandRuns(rankRunsInGroups(columnOf(values), groups, order, method)));
}

/** rankRuns within each group. */
export function rankRunsInGroups(column: Column, groups: readonly GroupLabel[], order: RankOrder, method: RankMethod): RunResults {
  return perGroupRuns(column, groups, (subset) => rankRuns(subset, order, method));
}
