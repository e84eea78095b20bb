// The entries a zip file (an .xlsx) declares in its central directory, ZIP64 included, read from its bytes without inflating anything.
import { utf8Text, viewOf } from "./bytes";

/** One file inside the zip, as its central directory declares it. Sizes are claims: the data may inflate to more. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; JSZip (and so ExcelJS) reads no other method. */
  method: number;
  flags: number;
  compressedSize: number;
  /** The declared size once inflated. */
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end-of-central-directory record is 22 bytes and may be followed by a comment of up to 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

const u16 = (v: DataView, at: number) => v.getUint16(at, true);
const u32 = (v: DataView, at: number) => v.getUint32(at, true);
const u64 = (v: DataView, at: number) => Number(v.getBigUint64(at, true));

function findEocd(buf: Uint8Array, v: DataView): number {
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - EOCD_SEARCH); at--) if (u32(v, at) === EOCD) return at;
  return -1;
}

/**
 * The directory's place and entry count, from the ZIP64 record when the classic one says "see ZIP64".
 * `shift` is how far the whole zip sits from where its offsets say (bytes put before it, as some tools
 * do): the directory must end where its end record begins, so the difference is the shift, which
 * JSZip applies too.
 */
function directoryPlace(buf: Uint8Array, v: DataView, eocd: number): { count: number; offset: number; shift: number } | undefined {
  let count = u16(v, eocd + 10);
  let size = u32(v, eocd + 12);
  let offset = u32(v, eocd + 16);
  let end = eocd;
  if (count === U16_MAX || offset === U32_MAX || size === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || u32(v, locator) !== ZIP64_LOCATOR) return undefined;
    let record = u64(v, locator + 8);
    // The record sits just before its locator; a prefix moves it as it moves everything.
    if (record + 56 > buf.length || u32(v, record) !== ZIP64_EOCD) record = locator - 56;
    if (record < 0 || u32(v, record) !== ZIP64_EOCD) return undefined;
    count = u64(v, record + 32);
    size = u64(v, record + 40);
    offset = u64(v, record + 48);
    end = record;
  }
  const shift = end - (offset + size);
  if (shift < 0) return undefined;
  return { count, offset: offset + shift, shift };
}

/** Sizes and offset a ZIP64 "extended information" extra field (id 1) holds in place of 0xFFFFFFFF. */
function zip64Extra(extra: Uint8Array, entry: ZipEntry): void {
  const x = viewOf(extra);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = u16(x, at);
    const length = u16(x, at + 2);
    if (id === 1) {
      let p = at + 4;
      const end = Math.min(extra.length, p + length);
      const next = () => (p + 8 <= end ? u64(x, (p += 8) - 8) : undefined);
      if (entry.size === U32_MAX) entry.size = next() ?? entry.size;
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localOffset === U32_MAX) entry.localOffset = next() ?? entry.localOffset;
      return;
    }
    at += 4 + length;
  }
}

/**
 * The entries of the zip's central directory, or undefined when the bytes hold no readable directory
 * (a truncated or damaged file, which the loader then reports as damaged). Names are decoded as UTF-8,
 * as Excel and WPS write them.
 */
export function zipDirectory(buf: Uint8Array): ZipEntry[] | undefined {
  if (buf.length < 22) return undefined;
  const v = viewOf(buf);
  const eocd = findEocd(buf, v);
  if (eocd < 0) return undefined;
  const place = directoryPlace(buf, v, eocd);
  if (!place) return undefined;
  const entries: ZipEntry[] = [];
  let at = place.offset;
  for (let i = 0; i < place.count; i++) {
    if (at + 46 > buf.length || u32(v, at) !== CENTRAL) return undefined;
    const nameLength = u16(v, at + 28);
    const extraLength = u16(v, at + 30);
    const commentLength = u16(v, at + 32);
    if (at + 46 + nameLength + extraLength > buf.length) return undefined;
    const entry: ZipEntry = {
      name: utf8Text(buf.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(v, at + 8),
      method: u16(v, at + 10),
      compressedSize: u32(v, at + 20),
      size: u32(v, at + 24),
      localOffset: u32(v, at + 42),
    };
    zip64Extra(buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entry.localOffset += place.shift;
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes (a view into buf), or undefined when its local header or data lies outside the file. */
export function entryData<T extends Uint8Array>(buf: T, entry: ZipEntry): T | undefined {
  const v = viewOf(buf);
  const at = entry.localOffset;
  if (at + 30 > buf.length || u32(v, at) !== LOCAL) return undefined;
  const start = at + 30 + u16(v, at + 26) + u16(v, at + 28);
  const end = start + entry.compressedSize;
  // A Buffer's subarray is a Buffer: callers in Node get back what they gave.
  return end <= buf.length ? (buf.subarray(start, end) as T) : undefined;
}
