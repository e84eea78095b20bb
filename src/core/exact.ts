// Exact rational arithmetic for ratios and thresholds: "two thirds" and "30%" compared without floating-point drift.
import { create, fractionDependencies } from "mathjs";
import { valueError } from "./errors";
import type { MessageParams } from "./messages";

const math = create({ fractionDependencies });

/** A non-negative exact ratio num/den in lowest terms. */
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
      f = math.fraction(value);
    } else {
      if (text === "") throw valueError("required", at);
      f = math.fraction(text);
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
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x) < 1e-300 ? 0 : x));
  if (!m) return x;
  const frac = m[3] ?? "";
  let int = BigInt(m[2] + frac);
  let scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) {
    int *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (scale > digits) {
    const div = 10n ** BigInt(scale - digits);
    const q = int / div;
    int = int - q * div >= (div + 1n) / 2n ? q + 1n : q;
    scale = digits;
  }
  const value = Number(int) / 10 ** scale;
  return m[1] === "-" ? -value : value;
}
