// Reads a few named parts of a zip file (an .xlsx) from disk without reading the rest, each inflated with a size bound.
import { open, type FileHandle } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";

/** The end-of-central-directory record is 22 bytes, after which a comment of up to 65,535 bytes may follow. */
const EOCD_MAX = 22 + 0xffff;

interface Entry {
  method: number;
  compressed: number;
  size: number;
  local: number;
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new Error("truncated zip");
  return buf;
}

/** The central directory's entries by name; ZIP64 and multi-disk archives are not read (an .xlsx under 4 GB needs neither). */
async function directory(fh: FileHandle, fileSize: number, maxBytes: number): Promise<Map<string, Entry>> {
  const tailLength = Math.min(fileSize, EOCD_MAX);
  const tail = await readAt(fh, fileSize - tailLength, tailLength);
  const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (at < 0 || at + 22 > tail.length) throw new Error("no zip directory");
  const count = tail.readUInt16LE(at + 10);
  const length = tail.readUInt32LE(at + 12);
  const offset = tail.readUInt32LE(at + 16);
  if (offset + length > fileSize || length > maxBytes) throw new Error("zip directory out of bounds");
  const dir = await readAt(fh, offset, length);
  const entries = new Map<string, Entry>();
  let p = 0;
  for (let i = 0; i < count && p + 46 <= dir.length; i++) {
    if (dir.readUInt32LE(p) !== 0x02014b50) throw new Error("bad zip directory entry");
    const nameLength = dir.readUInt16LE(p + 28);
    const name = dir.toString("utf8", p + 46, p + 46 + nameLength);
    entries.set(name, { method: dir.readUInt16LE(p + 10), compressed: dir.readUInt32LE(p + 20), size: dir.readUInt32LE(p + 24), local: dir.readUInt32LE(p + 42) });
    p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return entries;
}

async function inflateEntry(fh: FileHandle, e: Entry, fileSize: number, maxBytes: number): Promise<Buffer | undefined> {
  if (e.size > maxBytes || e.compressed > maxBytes) return undefined;
  const header = await readAt(fh, e.local, 30);
  if (header.readUInt32LE(0) !== 0x04034b50) return undefined;
  const start = e.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + e.compressed > fileSize) return undefined;
  const data = await readAt(fh, start, e.compressed);
  if (e.method === 0) return data;
  if (e.method !== 8) return undefined;
  try {
    // The declared size may lie (a zip bomb): the bound holds whatever it says.
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  }
}

/**
 * Opens a zip for `use`, which reads the parts it needs by name: reading only the directory and
 * those parts. A part that is missing, or larger than `maxBytes` (declared or inflated), is
 * undefined; a file that is not a readable zip throws. Meant for small parts of a file that may be
 * hostile: nothing is inflated without a bound.
 */
export async function withZip<T>(path: string, maxBytes: number, use: (part: (name: string) => Promise<string | undefined>) => Promise<T>): Promise<T> {
  const fh = await open(path, "r");
  try {
    const { size } = await fh.stat();
    const entries = await directory(fh, size, maxBytes);
    return await use(async (name) => {
      const e = entries.get(name);
      const bytes = e && (await inflateEntry(fh, e, size, maxBytes));
      return bytes ? bytes.toString("utf8") : undefined;
    });
  } finally {
    await fh.close();
  }
}
