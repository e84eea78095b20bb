// Relative classes: rank within a unit and split by ratios such as 3:5:2, with largest-remainder class sizes.
import { valueError } from "./errors";
import { type Ratio } from "./exact";
import { groupRows } from "./quota";

/** A county's village-secretary classes: 30% first, 50% second, 20% third (docs/rules.md §3, relative classes). */
export const DEFAULT_CLASS_RATIOS: readonly Ratio[] = [
  { num: 3n, den: 1n },
  { num: 5n, den: 1n },
  { num: 2n, den: 1n },
];

/**
 * Class sizes for n members by the largest-remainder (Hamilton) method: each class gets the floor of
 * its exact share n × rᵢ / Σr, and the members left over go one each to the largest remainders; equal
 * remainders favour the better class (the earlier one), so the result never depends on anything but
 * the ratios. The sizes always sum to n.
 */
export function classSizes(n: number, ratios: readonly Ratio[]): number[] {
  if (!Number.isSafeInteger(n) || n < 0) throw valueError("notInteger", { arg: "n", value: n });
  if (ratios.length === 0) throw valueError("required", { arg: "ratios" });
  // Bring the ratios to one denominator so shares compare as integers.
  const den = ratios.reduce((d, r) => lcm(d, r.den), 1n);
  const weights = ratios.map((r) => (r.num * den) / r.den);
  const total = weights.reduce((s, w) => s + w, 0n);
  if (total === 0n) throw valueError("allZero", { arg: "ratios" });
  const N = BigInt(n);
  const sizes = weights.map((w) => (N * w) / total);
  const remainders = weights.map((w, k) => N * w - sizes[k] * total);
  let left = N - sizes.reduce((s, x) => s + x, 0n);
  const order = remainders.map((_, k) => k).sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b));
  for (const k of order) {
    if (left === 0n) break;
    sizes[k] += 1n;
    left -= 1n;
  }
  return sizes.map(Number);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** One row to class: blank score has no class and does not count in its group. */
export interface ClassInput {
  readonly score: number | null;
  readonly group?: string;
}

/**
 * Class 1..k of each row by rank within its group (higher score better). A row's class is the class
 * that holds its competition rank (RANK.EQ, 1,1,3): members tied on score always share a class, the
 * better one, and the next classes shrink by as many. So a tie never splits equal scores between
 * classes, and with distinct scores each class has exactly its Hamilton size.
 * O(n log n). Blank scores give null.
 */
export function classes(rows: readonly ClassInput[], ratios: readonly Ratio[] = DEFAULT_CLASS_RATIOS): (number | null)[] {
  const out: (number | null)[] = rows.map(() => null);
  const groups = groupRows(
    rows.map((r) => r.group),
    (i) => rows[i].score !== null,
    rows.length,
  );
  for (const members of groups.values()) {
    const sizes = classSizes(members.length, ratios);
    // bounds[k] = first position (0-based) after class k+1.
    const bounds: number[] = [];
    let acc = 0;
    for (const s of sizes) bounds.push((acc += s));
    const score = (i: number) => rows[i].score as number;
    const sorted = [...members].sort((a, b) => score(b) - score(a) || a - b);
    let k = 0;
    let blockStart = 0;
    for (let p = 0; p < sorted.length; p++) {
      if (p > 0 && score(sorted[p]) !== score(sorted[p - 1])) blockStart = p;
      // The class holding position blockStart; classes of size 0 are skipped.
      while (bounds[k] <= blockStart) k++;
      out[sorted[p]] = k + 1;
    }
  }
  return out;
}

/** The numerals of class names 一类 … 十类: a scheme has at most ten classes, and a template's formula names them from the same string. */
export const CLASS_NUMERALS = "一二三四五六七八九十";

/** 1 → 一类, as a county names its classes of village secretaries. */
export function className(k: number): string {
  return `${CLASS_NUMERALS[k - 1]}类`;
}
