// Byte searching and decoding on plain Uint8Arrays, so the adapter runs where Node's Buffer does not (a browser's Web Worker).

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** The UTF-8 bytes of a string (the markers searched for are ASCII). */
export const utf8Bytes = (s: string): Uint8Array => encoder.encode(s);

/** Bytes as UTF-8 text. */
export const utf8Text = (b: Uint8Array): string => decoder.decode(b);

/**
 * Where `needle` first occurs in `hay` at or after `from`, or −1. The first byte is found by the typed
 * array's own indexOf, which is fast, and the rest compared by hand.
 */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const n = needle.length;
  if (n === 0) return from <= hay.length ? from : -1;
  const first = needle[0];
  for (let i = hay.indexOf(first, from); i >= 0 && i + n <= hay.length; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && hay[i + k] === needle[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

export const includesBytes = (hay: Uint8Array, needle: Uint8Array): boolean => indexOfBytes(hay, needle) >= 0;

/** The arrays one after another in one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A little-endian view of the bytes, for the zip's records. */
export const viewOf = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Bytes given as an ArrayBuffer or any typed array, as a Uint8Array over the same memory. */
export function asBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** Whether the bytes hold this text anywhere: a zip's directory lists its part names as plain bytes. */
export const mentions = (b: Uint8Array, text: string): boolean => includesBytes(b, utf8Bytes(text));
