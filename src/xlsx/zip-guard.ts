// Checks an .xlsx's zip before it is read: sizes within bounds (declared and real), every sheet's part present, and rows that only carry formatting counted (and dropped from padded sheets for ExcelJS).
import JSZip from "jszip";
import { indexOfBytes, concatBytes, utf8Bytes, utf8Text } from "./bytes";
import { RowSieve } from "./empty-rows";
import { XlsxError } from "./errors";
import { readFailure } from "./exceljs-failure";
import { streamEntry } from "./inflate";
import { zipDirectory, type ZipEntry } from "./zip-directory";

const MiB = 2 ** 20;

/**
 * The largest part read. ExcelJS holds each part as one JavaScript string, and V8's longest string is
 * 2^29 − 24 characters (Node's buffer.constants.MAX_STRING_LENGTH): a larger part cannot be read at
 * all. A real sheet takes about 540 bytes a row of 16 columns (the sample county's member sheet:
 * 3.2 MB for 6,003 rows), so about a million rows of that width fit; a bomb of a gigabyte does not.
 */
export const MAX_PART_BYTES = 512 * MiB;
/** All parts together: a million-row sheet, its shared strings (names, places) and the rest. */
export const MAX_TOTAL_BYTES = 1024 * MiB;
/** Parts other than sheets and shared strings (styles, themes, pictures, properties) are small: a photo is a few MB. */
export const MAX_OTHER_PART_BYTES = 128 * MiB;
/**
 * A sheet this large must list rows: a real row is a few hundred bytes, a row of 16,384 cells a few
 * hundred KB. Fewer than one row a MiB is not a table but filler (a bomb within the bounds).
 */
const PLAUSIBLE_SHEET = { from: 64 * MiB, bytesPerRow: MiB };
/** The same for the shared strings: a real item (a name, a place) is tens of bytes, the longest cell 32,767 characters. */
const PLAUSIBLE_STRINGS = { from: 64 * MiB, bytesPerItem: MiB };
const STRING_ITEM = utf8Bytes("<si");
/** A workbook has a few dozen parts; thousands of pictures would still fit. */
export const MAX_ENTRIES = 10_000;
/**
 * Rows without a value that a sheet may keep. ExcelJS builds a row object for each row the file
 * lists, values or not, about 4 KB each with its style: a sheet formatted down to row 1,048,576 took
 * 4.1 GB. Up to this many such rows (a template's pre-formatted blank rows) are kept as they are.
 */
export const EMPTY_ROWS_KEPT = 10_000;
/** The workbook's list of sheets and its relationships are small; a larger one is not looked into. */
const MAX_INDEX_BYTES = 16 * MiB;

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS_PART = /^xl\/sharedStrings\.xml$/i;

/** What ExcelJS is to load, and what was left out of it. */
export interface CheckedZip {
  bytes: Uint8Array;
  /** The zip as JSZip read it (undefined when it has no readable directory of its own: the loader says damaged). */
  zip?: JSZip;
  /** The workbook's sheets in order with their parts (lower-cased), as xl/workbook.xml lists them. */
  sheets: { sheet: string; part: string }[];
  /** Sheets whose rows without a value were dropped, and how many. */
  dropped: { sheet: string; rows: number }[];
}

const mb = (n: number) => `${Math.ceil(n / MiB).toLocaleString("en-US")} MB`;

function tooLarge(name: string, zhPart: string, enPart: string, size: number, limit: number): XlsxError {
  return new XlsxError(
    "unreadable",
    `“${name}”已损坏或过大，不像真实的上报文件：其中${zhPart}解压后有 ${mb(size)}，超过可读取的 ${mb(limit)}。请核对文件来源，在 Excel 中打开后另存一份再试，或找回原文件`,
    `"${name}" is damaged or too large to be a real return: ${enPart} inflates to ${mb(size)}, over the ${mb(limit)} that can be read. Check where the file came from, open it in Excel and save a copy, or get the original again`,
  );
}

function damaged(name: string, zhWhy: string, enWhy: string): XlsxError {
  return new XlsxError(
    "unreadable",
    `“${name}”已损坏：${zhWhy}。请在 Excel 中打开并另存一份，或找回原文件`,
    `"${name}" is damaged: ${enWhy}. Open it in Excel and save a copy, or get the original again`,
  );
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(Number(e[1] === "x" || e[1] === "X" ? `0x${e.slice(2)}` : e.slice(1))) : (XML_ENTITIES[e] ?? m),
  );
const attr = (tag: string, re: RegExp) => {
  const m = re.exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
};

/** A small part's text, or undefined when it is missing, not inflatable or larger than MAX_INDEX_BYTES. */
function smallPart(zip: JSZip, entries: ZipEntry[], path: string): Promise<string | undefined> {
  return partText(zip, entries.find((e) => e.name.toLowerCase() === path)?.name);
}

/** A part's text by its name in the zip, or undefined when it is missing, not inflatable or larger than `limit`. */
export async function partText(zip: JSZip, path: string | undefined, limit = MAX_INDEX_BYTES): Promise<string | undefined> {
  if (path === undefined) return undefined;
  const chunks: Uint8Array[] = [];
  try {
    const size = await streamEntry(zip, path, limit, (b) => chunks.push(b));
    return size > limit ? undefined : utf8Text(concatBytes(chunks));
  } catch {
    return undefined;
  }
}

/** A relationship's target as a part name: relative to xl/, or from the root when it starts with "/". */
function partName(target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/").toLowerCase();
}

/** The workbook's sheets in order, each with the part that holds it (lower-cased), from xl/workbook.xml and its relationships. */
async function sheetParts(zip: JSZip, entries: ZipEntry[]): Promise<{ sheet: string; part: string }[]> {
  const workbook = await smallPart(zip, entries, "xl/workbook.xml");
  const rels = await smallPart(zip, entries, "xl/_rels/workbook.xml.rels");
  if (workbook === undefined || rels === undefined) return [];
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(tag, /\sId="([^"]*)"/);
    const target = attr(tag, /\sTarget="([^"]*)"/);
    const type = attr(tag, /\sType="([^"]*)"/) ?? "";
    if (id && target && type.endsWith("/worksheet")) targets.set(id, partName(target));
  }
  const sheets: { sheet: string; part: string }[] = [];
  for (const [tag] of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const sheet = attr(tag, /\sname="([^"]*)"/);
    const id = attr(tag, /\s[A-Za-z_][\w.-]*:id="([^"]*)"/);
    const part = id !== undefined ? targets.get(id) : undefined;
    if (sheet !== undefined && part !== undefined) sheets.push({ sheet, part });
  }
  return sheets;
}

/** Passes an entry's inflated bytes to onChunk, refusing it when it inflates past its declared size (a lying zip bomb) or does not inflate. */
export async function inflateEntry(zip: JSZip, entry: ZipEntry, name: string, label: { zh: string; en: string }, onChunk: (b: Uint8Array) => void): Promise<void> {
  let real: number;
  try {
    real = await streamEntry(zip, entry.name, entry.size, onChunk);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw damaged(name, `其中${label.zh}无法解压`, `${label.en} cannot be inflated`);
  }
  if (real > entry.size)
    throw new XlsxError(
      "unreadable",
      `“${name}”已损坏或被改动过，不像真实的上报文件：其中${label.zh}解压后比文件记录的 ${entry.size.toLocaleString("en-US")} 字节更大。请核对文件来源，或找回原文件`,
      `"${name}" is damaged or was tampered with and is not a real return: ${label.en} inflates to more than the ${entry.size.toLocaleString("en-US")} bytes the file declares. Check where it came from, or get the original again`,
    );
}

/** The shared strings' size and number of items ("<si"), counted as they inflate; an item split by a chunk's edge is found by keeping the last bytes. */
async function countItems(zip: JSZip, entry: ZipEntry, name: string, label: { zh: string; en: string }): Promise<{ size: number; items: number }> {
  let size = 0;
  let items = 0;
  let tail = new Uint8Array(0);
  await inflateEntry(zip, entry, name, label, (b) => {
    size += b.length;
    const w = tail.length ? concatBytes([tail, b]) : b;
    for (let at = indexOfBytes(w, STRING_ITEM); at >= 0; at = indexOfBytes(w, STRING_ITEM, at + STRING_ITEM.length)) items++;
    // Fewer bytes than the token: none of it was counted, and none is counted twice.
    tail = w.slice(Math.max(0, w.length - (STRING_ITEM.length - 1)));
  });
  return { size, items };
}

/** The zip with some parts replaced; every other entry is copied compressed as it is. */
async function replaceParts(buf: Uint8Array, parts: Map<string, Uint8Array>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(buf);
  // Stored, not deflated: compressing a large sheet again would only cost time before it is inflated again.
  for (const [path, bytes] of parts) zip.file(path, bytes, { compression: "STORE" });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * Checks an .xlsx's zip before ExcelJS reads it, and gives the bytes ExcelJS is to load. Refuses (exit
 * 3, naming the part) a zip whose parts declare or really inflate to more than the bounds, whose data
 * inflates past its declared size, or whose list of sheets names a part the file lacks. Inflating
 * streams and keeps nothing but counts, so a bomb is refused in seconds and in little memory. A sheet
 * padded with more than EMPTY_ROWS_KEPT rows that hold no value loses those rows (reported in
 * `dropped`). A zip without a readable directory is passed on for the loader to call damaged.
 */
export async function checkZip(buf: Uint8Array, name: string, options: { dropEmptyRows?: boolean } = {}): Promise<CheckedZip> {
  const { dropEmptyRows = true } = options;
  const known = passed.get(buf);
  // The same bytes passed before (read, then drawn into): inflating every part again would find the same.
  if (known && !(dropEmptyRows && known.dropped.length)) return { bytes: buf, zip: await JSZip.loadAsync(buf), sheets: known.sheets, dropped: known.dropped };
  const checked = await checkAnew(buf, name, dropEmptyRows);
  if (checked.zip) passed.set(buf, { sheets: checked.sheets, dropped: checked.dropped });
  return checked;
}

/** Bytes that passed the checks, by identity (not kept alive by this), with what the checks found. */
const passed = new WeakMap<Uint8Array, Pick<CheckedZip, "sheets" | "dropped">>();

async function checkAnew(buf: Uint8Array, name: string, dropEmptyRows: boolean): Promise<CheckedZip> {
  const entries = zipDirectory(buf);
  if (!entries) return { bytes: buf, dropped: [], sheets: [] };
  if (entries.length > MAX_ENTRIES)
    throw damaged(name, `其中有 ${entries.length.toLocaleString("en-US")} 个部件，工作簿不会有这么多`, `it holds ${entries.length.toLocaleString("en-US")} parts, more than a workbook has`);
  let zip: JSZip | undefined;
  let unloadable: unknown;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    unloadable = e;
  }
  const sheets = zip ? await sheetParts(zip, entries) : [];
  const sheetOf = new Map(sheets.map((s) => [s.part, s.sheet]));
  const label = (e: ZipEntry) => {
    const sheet = sheetOf.get(e.name.toLowerCase());
    return sheet !== undefined ? { zh: `工作表“${sheet}”（${e.name}）`, en: `sheet "${sheet}" (${e.name})` } : { zh: `“${e.name}”`, en: `"${e.name}"` };
  };

  let declared = 0;
  for (const e of entries) {
    const limit = WORKSHEET_PART.test(e.name) || SHARED_STRINGS_PART.test(e.name) ? MAX_PART_BYTES : MAX_OTHER_PART_BYTES;
    if (e.size > limit) throw tooLarge(name, label(e).zh, label(e).en, e.size, limit);
    declared += e.size;
  }
  if (declared > MAX_TOTAL_BYTES) throw tooLarge(name, "全部内容", "its content", declared, MAX_TOTAL_BYTES);
  // The same words ExcelJS's loader would give, as it reads the zip with JSZip too.
  if (!zip) throw readFailure(name, unloadable);

  const present = new Set(entries.map((e) => e.name.toLowerCase()));
  for (const s of sheets)
    if (!present.has(s.part))
      throw damaged(name, `工作表“${s.sheet}”的内容（${s.part}）不在文件中`, `the content of sheet "${s.sheet}" (${s.part}) is missing from the file`);

  const padded: { entry: ZipEntry; rows: number }[] = [];
  for (const e of entries) {
    if (SHARED_STRINGS_PART.test(e.name)) {
      const { size, items } = await countItems(zip, e, name, label(e));
      if (size > PLAUSIBLE_STRINGS.from && size / Math.max(1, items) > PLAUSIBLE_STRINGS.bytesPerItem)
        throw damaged(name, `其中${label(e).zh}解压后有 ${mb(size)}，却只有 ${items.toLocaleString("en-US")} 项文字，不是真实的内容`, `${label(e).en} inflates to ${mb(size)} yet holds only ${items.toLocaleString("en-US")} texts: not real content`);
      continue;
    }
    if (!WORKSHEET_PART.test(e.name)) {
      await inflateEntry(zip, e, name, label(e), () => undefined);
      continue;
    }
    const sieve = new RowSieve();
    let size = 0;
    await inflateEntry(zip, e, name, label(e), (b) => {
      size += b.length;
      sieve.push(b);
    });
    sieve.end();
    const rows = sieve.valuedRows + sieve.emptyRows;
    if (size > PLAUSIBLE_SHEET.from && size / Math.max(1, rows) > PLAUSIBLE_SHEET.bytesPerRow)
      throw damaged(name, `其中${label(e).zh}解压后有 ${mb(size)}，却只有 ${rows.toLocaleString("en-US")} 行，不是真实的表格`, `${label(e).en} inflates to ${mb(size)} yet holds only ${rows.toLocaleString("en-US")} rows: not a real table`);
    if (sieve.emptyRows > EMPTY_ROWS_KEPT) padded.push({ entry: e, rows: sieve.emptyRows });
  }
  const dropped = padded.map((p) => ({ sheet: sheetOf.get(p.entry.name.toLowerCase()) ?? p.entry.name, rows: p.rows }));
  // A reader that keeps no rows without values needs no second pass; ExcelJS would build each one.
  if (padded.length === 0 || !dropEmptyRows) return { bytes: buf, zip, sheets, dropped };

  const replaced = new Map<string, Uint8Array>();
  for (const { entry: e } of padded) {
    const sieve = new RowSieve(true);
    await inflateEntry(zip, e, name, label(e), (b) => sieve.push(b));
    sieve.end();
    replaced.set(e.name, sieve.bytes());
  }
  return { bytes: await replaceParts(buf, replaced), zip, sheets, dropped };
}
