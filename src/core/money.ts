// Money in whole fen: basic/performance pay split, pools shared by largest remainder, and grade coefficients.
import { naError, valueError } from "./errors";
import { decimalOf, roundedShare, type Ratio } from "./exact";
import { labelKey, OVER_QUOTA_MARK } from "./grade";
import type { MessageParams } from "./messages";
import { ratioText } from "./wording";

/** 1 yuan = 100 fen: every amount is held as a whole number of fen. */
export const FEN_PER_YUAN = 100;

/** Basic pay 70%, performance pay 30% (pay schemes, docs/rules.md §3). */
export const BASIC_PAY_RATIO: Ratio = { num: 7n, den: 10n };

/** Village secretaries: 60/40 (pay schemes, docs/rules.md §3). */
export const VILLAGE_SECRETARY_BASIC_RATIO: Ratio = { num: 3n, den: 5n };

/** The smallest share handed out: one fen (docs/rules.md §3, exact money). */
export const DEFAULT_UNIT_FEN = 1;

/** The largest amount computed exactly: 2^53 − 1 fen, which read to 15 digits as Excel shows it is 90071992547409.9 yuan. */
export const MAX_YUAN = Number.MAX_SAFE_INTEGER / FEN_PER_YUAN;

/**
 * An amount in yuan as whole fen. The amount is read as Excel shows it, to 15 significant digits, so
 * =0.1+0.2 is 30 fen; an amount with a fraction of a fen is refused rather than rounded, because a
 * split or a pool that silently moved a fraction would no longer add up to the amount the user has.
 */
export function yuanToFen(yuan: number, at: MessageParams = {}): bigint {
  if (!Number.isFinite(yuan)) throw valueError("notFinite", at);
  if (yuan < 0) throw valueError("negative", { ...at, value: yuan });
  const d = decimalOf(Number(yuan.toPrecision(15)));
  if (d.scale > 2) throw valueError("notWholeFen", { ...at, value: yuan });
  const fen = d.int * 10n ** BigInt(2 - d.scale);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) throw valueError("tooLarge", { ...at, value: yuan, min: 0, max: MAX_YUAN });
  return fen;
}

/** Whole fen back to yuan: one correctly rounded division, so 123456 fen prints as 1234.56 exactly. */
export function fenToYuan(fen: number | bigint): number {
  return Number(fen) / FEN_PER_YUAN;
}

/**
 * Basic and performance pay from a total in fen: basic = total × ratio rounded half up to the fen
 * (computed exactly), performance = total − basic, so the two always add up to the total.
 */
export function paySplit(totalFen: bigint | number, basicRatio: Ratio = BASIC_PAY_RATIO): { basicFen: number; performanceFen: number } {
  const total = Number(totalFen);
  if (!Number.isSafeInteger(total) || total < 0) throw valueError("notInteger", { arg: "total", value: total });
  if (basicRatio.num > basicRatio.den) throw valueError("ratioAboveOne", { arg: "basic_ratio", value: ratioText(basicRatio) });
  const basicFen = roundedShare(total, basicRatio, "round");
  return { basicFen, performanceFen: total - basicFen };
}

/**
 * Share `pool` whole units in proportion to integer weights by the largest-remainder method: each row
 * gets the floor of its exact share, and the units left over (fewer than the rows) go one each to the
 * largest remainders, equal remainders by row order. Σ shares = pool exactly; each share is within one
 * unit of its exact share. A null weight gets null and takes no part. O(n log n).
 * Weights all 0 (everyone 不称职): see allocateFen, the pool is not shared and every share is 0.
 */
export function allocateUnits(pool: bigint, weights: readonly (bigint | null)[]): (bigint | null)[] {
  let total = 0n;
  for (const w of weights) if (w !== null) total += w;
  if (pool === 0n || total === 0n) return weights.map((w) => (w === null ? null : 0n));
  const shares: (bigint | null)[] = new Array(weights.length);
  const rest: bigint[] = new Array(weights.length);
  let left = pool;
  const open: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w === null) {
      shares[i] = null;
      continue;
    }
    const p = pool * w;
    const s = p / total;
    shares[i] = s;
    left -= s;
    rest[i] = p - s * total;
    if (rest[i] > 0n) open.push(i);
  }
  if (left > 0n) {
    open.sort((a, b) => (rest[b] > rest[a] ? 1 : rest[b] < rest[a] ? -1 : a - b));
    for (let k = 0; k < Number(left); k++) shares[open[k]] = (shares[open[k]] as bigint) + 1n;
  }
  return shares;
}

/**
 * allocateUnits for the common case where pool × every weight stays below 2^53: the same method and
 * the same result, in doubles that hold every integer involved exactly, several times faster.
 */
function allocateSafeUnits(pool: number, weights: readonly (number | null)[], total: number): (number | null)[] {
  const shares: (number | null)[] = new Array(weights.length);
  const rest = new Float64Array(weights.length);
  let left = pool;
  const open: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w === null) {
      shares[i] = null;
      continue;
    }
    const p = pool * w; // exact: below 2^53
    let s = Math.floor(p / total);
    let r = p - s * total;
    // p / total is rounded; one step either way makes the quotient exact.
    if (r < 0) {
      s -= 1;
      r += total;
    } else if (r >= total) {
      s += 1;
      r -= total;
    }
    shares[i] = s;
    left -= s;
    rest[i] = r;
    if (r > 0) open.push(i);
  }
  if (left > 0) {
    open.sort((a, b) => rest[b] - rest[a] || a - b);
    for (let k = 0; k < left; k++) shares[open[k]] = (shares[open[k]] as number) + 1;
  }
  return shares;
}

/**
 * A weight as Excel shows it, to 15 significant digits, as whole digits and a scale; a computed
 * weight such as =1.2*1.3 (held as 1.5599999999999998) is 1.56, the same as a typed 1.56, so rows
 * that look equal are equal and share alike. Undefined for a form that needs an exponent.
 */
function weightDigits(w: number): { int: number; scale: number } | undefined {
  let s = String(w);
  // Sixteen characters or fewer hold at most 15 digits: already as Excel shows it.
  if (s.length > 16) s = String(Number(w.toPrecision(15)));
  if (s.includes("e")) return undefined;
  const dot = s.indexOf(".");
  // At most 15 digits, so Number reads them exactly.
  if (dot < 0) return { int: Number(s), scale: 0 };
  return { int: Number(s.slice(0, dot) + s.slice(dot + 1)), scale: s.length - dot - 1 };
}

/**
 * Share a pool of whole fen by weights, each share a multiple of unitFen. Weights are read as
 * decimals (as Excel shows them) and compared exactly; a negative weight is an error naming its row.
 * Returns fen, null for a null weight.
 *
 * When every weight is 0 (a township whose cadres are all 不称职, or whose post coefficients are all 0)
 * nobody has a claim on the pool: every share is 0 and the pool stays unshared, so Σ shares = 0, not the
 * pool. This is the one place of that rule: KAOHE.ALLOCATE shows the 0s, the pipeline shows them with
 * 说明 “全部系数为 0，绩效工资池未分配” (poolUnshared tells the two cases apart).
 */
export function allocateFen(poolFen: bigint | number, weights: readonly (number | null)[], unitFen: number = DEFAULT_UNIT_FEN): (number | null)[] {
  const pool = BigInt(poolFen);
  if (pool < 0n) throw valueError("negative", { arg: "pool", value: Number(pool) / FEN_PER_YUAN });
  if (!Number.isSafeInteger(unitFen) || unitFen < 1) throw valueError("notWholeFen", { arg: "unit", value: unitFen / FEN_PER_YUAN });
  const unit = BigInt(unitFen);
  if (pool % unit !== 0n) throw valueError("notMultipleOfUnit", { arg: "pool", value: fenToYuan(pool), unit: fenToYuan(unit) });
  const units = pool / unit;
  weights.forEach((w, i) => {
    if (w === null) return;
    if (!Number.isFinite(w)) throw valueError("notFinite", { arg: "weights", row: i + 1 });
    if (w < 0) throw valueError("negative", { arg: "weights", row: i + 1, value: w });
  });
  if (units === 0n) return weights.map((w) => (w === null ? null : 0));
  const safe = safeWeights(weights, Number(units));
  if (safe?.total === 0) return weights.map((w) => (w === null ? null : 0));
  const shares = safe
    ? allocateSafeUnits(Number(units), safe.ints, safe.total)
    : allocateUnits(units, exactWeights(weights)).map((u) => (u === null ? null : Number(u)));
  return shares.map((u) => (u === null ? null : u * unitFen));
}

/** True when allocateFen leaves a pool above 0 unshared: there are weights, and every one is 0. */
export function poolUnshared(poolFen: bigint | number, weights: readonly (number | null)[]): boolean {
  return BigInt(poolFen) > 0n && weights.some((w) => w !== null) && weights.every((w) => w === null || w === 0);
}

/** The weights as whole numbers at one scale, when pool × each of them and their sum stay below 2^53. */
function safeWeights(weights: readonly (number | null)[], pool: number): { ints: (number | null)[]; total: number } | undefined {
  if (!Number.isSafeInteger(pool)) return undefined;
  const digits: ({ int: number; scale: number } | null)[] = [];
  let scale = 0;
  for (const w of weights) {
    const d = w === null ? null : weightDigits(w);
    if (d === undefined) return undefined;
    if (d && d.scale > scale) scale = d.scale;
    digits.push(d);
  }
  let total = 0;
  let most = 0;
  const ints = digits.map((d) => {
    if (d === null) return null;
    const v = d.int * 10 ** (scale - d.scale);
    total += v;
    if (v > most) most = v;
    return v;
  });
  // pool × weight and the sum at most 2^52, so that p, s × total and p + total are all exact in a
  // double; 10 ** k is exact up to 10^22.
  const limit = 2 ** 52;
  if (scale > 22 || !Number.isSafeInteger(total) || total > limit || most * pool > limit) return undefined;
  return { ints, total };
}

/** The weights as exact big integers at one scale (the general case). */
function exactWeights(weights: readonly (number | null)[]): (bigint | null)[] {
  const decimals = weights.map((w) => (w === null ? null : decimalOf(Number(w.toPrecision(15)))));
  const scale = decimals.reduce((s, d) => (d && d.scale > s ? d.scale : s), 0);
  return decimals.map((d) => (d === null ? null : d.int * 10n ** BigInt(scale - d.scale)));
}

/** A grade label, its other spellings and its pay coefficient. */
export interface GradeCoefficient {
  readonly label: string;
  readonly aliases: readonly string[];
  readonly coefficient: number;
}

/** 优秀 1.2, 称职 1.0, 基本称职 0.8, 不称职 0 (pay schemes, docs/rules.md §3); Party members' 合格 names are synonyms. */
export const DEFAULT_GRADE_COEFFICIENTS: readonly GradeCoefficient[] = [
  { label: "优秀", aliases: [], coefficient: 1.2 },
  { label: "称职", aliases: ["合格"], coefficient: 1.0 },
  { label: "基本称职", aliases: ["基本合格"], coefficient: 0.8 },
  { label: "不称职", aliases: ["不合格"], coefficient: 0 },
];

export type CoefficientTable = ReadonlyMap<string, number>;

/** A lookup from any label or alias to its coefficient; a label given twice is an error. */
export function coefficientTable(entries: readonly GradeCoefficient[]): CoefficientTable {
  const table = new Map<string, number>();
  for (const e of entries) {
    if (!Number.isFinite(e.coefficient)) throw valueError("notFinite", { arg: "table", value: e.label });
    if (e.coefficient < 0) throw valueError("negative", { arg: "table", value: e.coefficient });
    for (const name of [e.label, ...e.aliases]) {
      const k = labelKey(name);
      if (k === "") continue;
      if (table.has(k)) throw valueError("duplicateEntry", { arg: "table", value: name });
      table.set(k, e.coefficient);
    }
  }
  return table;
}

export const DEFAULT_COEFFICIENT_TABLE: CoefficientTable = coefficientTable(DEFAULT_GRADE_COEFFICIENTS);

const overQuotaKey = labelKey(OVER_QUOTA_MARK);

/**
 * The coefficient of a grade label. A top grade marked over quota by KAOHE.GRADES counts as the grade
 * itself: tie policy "all" admitted it. An unknown label is #N/A naming it.
 */
export function gradeCoefficient(label: string, table: CoefficientTable = DEFAULT_COEFFICIENT_TABLE): number {
  let k = labelKey(label);
  if (k.endsWith(overQuotaKey)) k = k.slice(0, -overQuotaKey.length);
  const c = table.get(k);
  if (c === undefined) throw naError("unknownGrade", { value: label });
  return c;
}

/** An amount in fen as yuan with two decimals, as the pay sheet and the messages show it (368000.00). */
export function yuanText(fen: number): string {
  return fenToYuan(fen).toFixed(2);
}

/** Yuan typed or written in a sheet, to the nearest fen (a float's last digit never loses a fen). */
export function nearestFen(yuan: number): number {
  return Math.round(yuan * FEN_PER_YUAN);
}
