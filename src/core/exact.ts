// Exact rational arithmetic for ratios and thresholds: "two thirds" and "30%" compared without floating-point drift.
// Only mathjs's Fraction class (fraction.js): create({ fractionDependencies }) carried mathjs's typed
// functions, BigNumber and Complex into both add-in scripts, a third of the task pane's download.
import { Fraction } from "mathjs";
import { numError, valueError } from "./errors";
import type { MessageParams } from "./messages";

/** An exact rational num/den (den > 0); ratios read from users are non-negative and in lowest terms. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * The exact ratio a user meant. A double such as 0.3 or =2/3 is read as the simplest fraction that
 * rounds to it (3/10, 2/3), which is what was typed; text may say "2/3", "30%" or "0.3".
 */
export function toRatio(value: number | string, at: MessageParams = {}): Ratio {
  let text = typeof value === "string" ? value.trim() : "";
  let scale = 1n;
  if (text.endsWith("%")) {
    text = text.slice(0, -1).trim();
    scale = 100n;
  }
  let f;
  try {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw valueError("notFinite", at);
      f = new Fraction(value);
    } else {
      if (text === "") throw valueError("required", at);
      f = new Fraction(text);
    }
  } catch (e) {
    if (e instanceof Error && e.name === "RuleError") throw e;
    throw valueError("notNumber", { ...at, value });
  }
  const sign = BigInt(f.s);
  if (sign < 0n && f.n !== 0n) throw valueError("negative", { ...at, value });
  return reduce(BigInt(f.n), BigInt(f.d) * scale);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function reduce(num: bigint, den: bigint): Ratio {
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

/** Exactly count ≥ ratio × total, for whole counts. */
export function atLeastShare(count: number, total: number, ratio: Ratio): boolean {
  return BigInt(count) * ratio.den >= ratio.num * BigInt(total);
}

/** floor, round half up, or ceil of ratio × n, computed exactly. */
export type Rounding = "floor" | "round" | "ceil";

export function roundedShare(n: number, ratio: Ratio, rounding: Rounding): number {
  const p = ratio.num * BigInt(n);
  const q = ratio.den;
  const fl = p / q;
  const rem = p - fl * q;
  if (rounding === "floor" || rem === 0n) return Number(fl);
  if (rounding === "ceil") return Number(fl + 1n);
  return Number(2n * rem >= q ? fl + 1n : fl);
}

/**
 * x rounded half up (四舍五入) to `digits` decimals, on the decimal x prints as: 89.995 becomes 90.00,
 * where binary arithmetic (89.99499999…) would give 89.99. Scores are rounded so before they are
 * ranked and graded, so what a report shows is what was ranked.
 */
export function roundHalfUp(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const d = decimalOf(Math.abs(x) < 1e-300 ? 0 : Math.abs(x));
  let int = d.int;
  let scale = d.scale;
  if (scale > digits) {
    const div = 10n ** BigInt(scale - digits);
    const q = int / div;
    int = int - q * div >= (div + 1n) / 2n ? q + 1n : q;
    scale = digits;
  }
  const value = Number(int) / 10 ** scale;
  return x < 0 ? -value : value;
}

// ---------------------------------------------------------------- decimals

/** An exact decimal: int / 10^scale. */
export interface Decimal {
  readonly int: bigint;
  readonly scale: number;
}

/**
 * The decimal a double displays as (its shortest round-trip form, String(x)): the number a user typed.
 * 5.43 means 5.43, not 5.42999999999999971578…, and 0.1 + 0.2 read this way is 0.3.
 */
export function decimalOf(x: number): Decimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!m) throw valueError("notFinite", { value: x });
  const frac = m[3] ?? "";
  let int = BigInt(m[2] + frac);
  let scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) {
    int *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { int: m[1] === "-" ? -int : int, scale };
}

// ---------------------------------------------------------------- exact sums

/**
 * An exact rational num/den (den > 0). Scores are decimals people typed (85.5, 0.1); adding them as
 * binary doubles shows 0.30000000000000004 where the sheet's author expects 0.3, and a rounded
 * total (say to 1e-9) would still break "the composite of equal scores is that score". So each
 * input is read as the decimal it displays as, the arithmetic is exact, and only the result is
 * rounded, once, to the nearest double.
 */
export type Exact = Ratio;

export const ZERO: Exact = { num: 0n, den: 1n };

/** The decimal a finite double displays as (String(x): "0.1", "85.5", "1e-7"), exactly. */
export function exactOf(x: number): Exact {
  const d = decimalOf(x);
  return { num: d.int, den: 10n ** BigInt(d.scale) };
}

export function plus(a: Exact, b: Exact): Exact {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  // Decimal denominators are powers of ten, so one usually divides the other.
  if (a.den % b.den === 0n) return { num: a.num + b.num * (a.den / b.den), den: a.den };
  if (b.den % a.den === 0n) return { num: a.num * (b.den / a.den) + b.num, den: b.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function minus(a: Exact, b: Exact): Exact {
  return plus(a, { num: -b.num, den: b.den });
}

export function times(a: Exact, b: Exact): Exact {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** a / b; the caller makes sure b is not zero. */
export function dividedBy(a: Exact, b: Exact): Exact {
  if (b.num === 0n) throw new RangeError("division by zero");
  const num = a.num * b.den;
  const den = a.den * b.num;
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compare(a: Exact, b: Exact): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export const lesser = (a: Exact, b: Exact): Exact => (compare(a, b) <= 0 ? a : b);
export const greater = (a: Exact, b: Exact): Exact => (compare(a, b) >= 0 ? a : b);

const bitLength = (n: bigint): number => n.toString(2).length;

/** The double nearest to an exact value (ties to even), as a correctly rounded division would give. */
export function toNumber(e: Exact): number {
  if (e.num === 0n) return 0;
  const negative = e.num < 0n;
  const a = negative ? -e.num : e.num;
  const b = e.den;
  // Scale so the quotient has 54 or 55 bits: 53 for the mantissa, one to round on, the rest sticky.
  let shift = 54 - (bitLength(a) - bitLength(b));
  const [n, d] = shift >= 0 ? [a << BigInt(shift), b] : [a, b << BigInt(-shift)];
  let q = n / d;
  let sticky = n % d !== 0n;
  if (q >= 1n << 54n) {
    sticky ||= (q & 1n) === 1n;
    q >>= 1n;
    shift -= 1;
  }
  let mantissa = q >> 1n;
  if ((q & 1n) === 1n && (sticky || (mantissa & 1n) === 1n)) mantissa += 1n;
  // Two steps, so a tiny result does not underflow on the power of two before meeting its mantissa.
  const exponent = 1 - shift;
  const half = Math.trunc(exponent / 2);
  const value = Number(mantissa) * 2 ** half * 2 ** (exponent - half);
  // Beyond the largest double: Excel's answer to a result too large is #NUM!.
  if (!Number.isFinite(value)) throw numError("notFinite", {});
  return negative ? -value : value;
}
