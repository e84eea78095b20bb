// The least and greatest of a list by a loop: Math.min(...xs) passes every value as an argument and overflows the stack near 100,000.

/** The least value, or undefined for an empty list. */
export function minOf(xs: readonly number[]): number | undefined {
  let lo: number | undefined;
  for (const x of xs) if (lo === undefined || x < lo) lo = x;
  return lo;
}

/** The greatest value, or undefined for an empty list. */
export function maxOf(xs: readonly number[]): number | undefined {
  let hi: number | undefined;
  for (const x of xs) if (hi === undefined || x > hi) hi = x;
  return hi;
}
