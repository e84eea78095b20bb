// The entries a zip file (an .xlsx) declares in its central directory, ZIP64 included, read from its bytes without inflating anything.

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

const u64 = (buf: Buffer, at: number) => Number(buf.readBigUInt64LE(at));

function findEocd(buf: Buffer): number {
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - EOCD_SEARCH); at--) if (buf.readUInt32LE(at) === EOCD) return at;
  return -1;
}

/**
 * The directory's place and entry count, from the ZIP64 record when the classic one says "see ZIP64".
 * `shift` is how far the whole zip sits from where its offsets say (bytes put before it, as some tools
 * do): the directory must end where its end record begins, so the difference is the shift, which
 * JSZip applies too.
 */
function directoryPlace(buf: Buffer, eocd: number): { count: number; offset: number; shift: number } | undefined {
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  let end = eocd;
  if (count === U16_MAX || offset === U32_MAX || size === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR) return undefined;
    let record = u64(buf, locator + 8);
    // The record sits just before its locator; a prefix moves it as it moves everything.
    if (record + 56 > buf.length || buf.readUInt32LE(record) !== ZIP64_EOCD) record = locator - 56;
    if (record < 0 || buf.readUInt32LE(record) !== ZIP64_EOCD) return undefined;
    count = u64(buf, record + 32);
    size = u64(buf, record + 40);
    offset = u64(buf, record + 48);
    end = record;
  }
  const shift = end - (offset + size);
  if (shift < 0) return undefined;
  return { count, offset: offset + shift, shift };
}

/** Sizes and offset a ZIP64 "extended information" extra field (id 1) holds in place of 0xFFFFFFFF. */
function zip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let p = at + 4;
      const end = Math.min(extra.length, p + length);
      const next = () => (p + 8 <= end ? u64(extra, (p += 8) - 8) : undefined);
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
export function zipDirectory(buf: Buffer): ZipEntry[] | undefined {
  if (buf.length < 22) return undefined;
  const eocd = findEocd(buf);
  if (eocd < 0) return undefined;
  const place = directoryPlace(buf, eocd);
  if (!place) return undefined;
  const entries: ZipEntry[] = [];
  let at = place.offset;
  for (let i = 0; i < place.count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return undefined;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength > buf.length) return undefined;
    const entry: ZipEntry = {
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    zip64Extra(buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entry.localOffset += place.shift;
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes (a view into buf), or undefined when its local header or data lies outside the file. */
export function entryData(buf: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) return undefined;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end <= buf.length ? buf.subarray(start, end) : undefined;
}
