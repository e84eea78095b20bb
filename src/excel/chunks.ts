// How many rows go into one request: a few thousand, and never more bytes than Excel accepts at once.

/** Rows written per request: a few thousand, as Excel's guidance for large ranges says. */
export const CHUNK_ROWS = 5000;

/**
 * The most a write request may carry, by estimate. Excel on the web refuses requests over 5 MB; the
 * estimate counts the JSON of every value and number format sent, and the margin covers the
 * request's own framing.
 */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

export interface ChunkLimits {
  rows: number;
  bytes: number;
}

export const defaultLimits: ChunkLimits = { rows: CHUNK_ROWS, bytes: PAYLOAD_BUDGET };

/**
 * What one statement of a request (a property set or a method call, with the path of the object it
 * acts on) adds beyond its arguments, by a generous estimate: Office.js sends each as a few JSON
 * objects with ids, names and types.
 */
export const STATEMENT_BYTES = 250;

/**
 * [start, end) ranges of consecutive items, each at most `rows` items and, unless one item alone is
 * bigger, `bytes` bytes including `perChunk` bytes that every request carries whatever its rows.
 */
export function splitChunks(sizes: readonly number[], limits: ChunkLimits, perChunk = 0): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let bytes = perChunk;
  for (let i = 0; i < sizes.length; i++) {
    if (i > start && (i - start >= limits.rows || bytes + sizes[i] > limits.bytes)) {
      out.push([start, i]);
      start = i;
      bytes = perChunk;
    }
    bytes += sizes[i];
  }
  if (sizes.length > start) out.push([start, sizes.length]);
  return out;
}
