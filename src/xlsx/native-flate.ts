// Inflating and deflating zip entries with the host's own zlib (the standard DecompressionStream / CompressionStream, native in Node and browsers) instead of JSZip's JavaScript one: at 100,000 members the sheet is 80 MB of XML, inflated twice and deflated once.
import type JSZip from "jszip";

/** JSZip's record of an entry read from a file (its CompressedObject): the stored bytes, how they are compressed, and the sizes. */
interface Stored {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compression: { magic: string };
  compressedContent: unknown;
}

const DEFLATE = "\x08\x00";
const STORE = "\x00\x00";

const hasStreams = (): boolean => typeof DecompressionStream === "function" && typeof CompressionStream === "function";

/** The entry's stored bytes and method as read from the file, or undefined when JSZip holds it otherwise (added or replaced in memory). */
function storedOf(file: JSZip.JSZipObject): Stored | undefined {
  const data = (file as unknown as { _data?: Partial<Stored> })._data;
  if (!data || typeof data !== "object" || !(data.compressedContent instanceof Uint8Array) || typeof data.compression?.magic !== "string") return undefined;
  return data as Stored;
}

/**
 * Passes the entry's inflated bytes to onChunk through the host's zlib and resolves with how many came
 * out (stopping once past `limit`, as streamEntry does); undefined when this entry is not one it can
 * take (then JSZip inflates it). Rejects when the data does not inflate.
 */
export async function nativeInflate(file: JSZip.JSZipObject, limit: number, onChunk: (b: Uint8Array) => void): Promise<number | undefined> {
  const stored = storedOf(file);
  if (!stored || !hasStreams()) return undefined;
  const bytes = stored.compressedContent as Uint8Array;
  if (stored.compression.magic === STORE) {
    const size = bytes.length;
    if (size > limit) return size;
    for (let at = 0; at < size; at += 1 << 16) onChunk(bytes.subarray(at, Math.min(size, at + (1 << 16))));
    return size;
  }
  if (stored.compression.magic !== DEFLATE) return undefined;
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  let count = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return count;
      count += value.length;
      if (count > limit) return count;
      onChunk(value);
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(crc: number, b: Uint8Array): number {
  let c = crc ^ -1;
  for (let i = 0; i < b.length; i++) c = (c >>> 8) ^ CRC_TABLE[(c ^ b[i]) & 0xff];
  return c ^ -1;
}

/**
 * Makes `path` hold the bytes fed to the returned sink, deflated as they come by the host's zlib and
 * kept compressed: JSZip writes them into the result as they are. Undefined when the host has no
 * such streams or the zip has no deflated entry to copy JSZip's record from (the caller then gives
 * JSZip the bytes whole).
 */
export function deflatedEntry(zip: JSZip, path: string): { write(b: Uint8Array): Promise<void>; end(): Promise<void> } | undefined {
  if (!hasStreams()) return undefined;
  const model = Object.values(zip.files)
    .map(storedOf)
    .find((s) => s?.compression.magic === DEFLATE);
  if (!model) return undefined;
  // JSZip's CompressedObject replaces its prototype whole (no constructor on it): a record is made from the prototype.
  const proto = Object.getPrototypeOf(model) as object;
  const stream = new CompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const out: Uint8Array[] = [];
  const reading = (async () => {
    const reader = stream.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      out.push(value);
    }
  })();
  let size = 0;
  let crc = 0;
  return {
    async write(b: Uint8Array) {
      if (b.length === 0) return;
      size += b.length;
      crc = crc32(crc, b);
      await writer.write(b as Uint8Array<ArrayBuffer>);
    },
    async end() {
      await writer.close();
      await reading;
      const total = out.reduce((n, c) => n + c.length, 0);
      const data = new Uint8Array(total);
      let at = 0;
      for (const c of out) {
        data.set(c, at);
        at += c.length;
      }
      if (!zip.files[path]) zip.file(path, "");
      const entry = zip.files[path] as unknown as { _data: unknown; _dataBinary: boolean };
      const record: Stored = Object.assign(Object.create(proto) as Stored, { compressedSize: total, uncompressedSize: size, crc32: crc >>> 0, compression: model.compression, compressedContent: data });
      entry._data = record;
      entry._dataBinary = true;
    },
  };
}
