// Sums of whole amounts (fen, counts, votes): one loop, no spread, a blank counting as nothing.

/** The sum of whole amounts; null (a blank) adds nothing. */
export function sumOf(values: Iterable<number | null | undefined>): number {
  let s = 0;
  for (const v of values) if (typeof v === "number") s += v;
  return s;
}
