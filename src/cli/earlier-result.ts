// What a file already at the output path says of itself: its sheets, and the input its 审计 sheet records if `kaohe` wrote it.
import { readFile, stat } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { SOURCES_SHEET } from "../workbook/merge";
import { reportSheetNames } from "../workbook/plan";
import { sheetPart } from "../xlsx/parts";
import { entryData, zipDirectory } from "../xlsx/zip-directory";

/** An existing workbook as far as replacing it is concerned. */
export interface ResultRecord {
  /** Its sheet names, in order. */
  sheets: string[];
  /** Whether it is a county workbook a merge wrote (it has the 合并来源 sheet). */
  merged: boolean;
  /** The input file name(s) its 审计 sheet records: one for run, the returns joined by "、" for merge; "" when none. */
  input: string;
  /** The input checksum (SHA-256, hex) its 审计 sheet records; "" when none. */
  checksum: string;
  /** The sheet of the input that held the table computed, as its 审计 sheet records it; "" when none. */
  table: string;
}

/** The labels of the 审计 rows that name the input (written by the pipeline's audit report). */
const INPUT_LABEL = "输入文件";
const CHECKSUM_LABEL = "输入校验和（SHA-256）";
const TABLE_LABEL = "数据表";
/** The labels sit near the top of the 审计 sheet; rows after this are not looked at. */
const LAST_ROW = 200;
/** A result of 100,000 rows is a few tens of MB; a larger file is not read (it may be hostile), nor a larger part inflated. */
const MAX_FILE = 256 * 2 ** 20;
const MAX_PART = 64 * 2 ** 20;

/** Reads parts of the zip by name: undefined when missing, not stored or deflated, or larger than MAX_PART (declared or inflated). */
function zipParts(buf: Buffer): ((name: string) => string | undefined) | undefined {
  const entries = zipDirectory(buf);
  if (!entries) return undefined;
  return (name) => {
    const e = entries.find((x) => x.name === name);
    const data = e && e.size <= MAX_PART ? entryData(buf, e) : undefined;
    if (!e || !data || (e.method !== 0 && e.method !== 8)) return undefined;
    try {
      // The declared size may lie (a zip bomb): the bound holds whatever it says.
      return (e.method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_PART }) : data).toString("utf8");
    } catch {
      return undefined;
    }
  };
}

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e[0] === "#") {
      const n = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n <= 0x10ffff ? String.fromCodePoint(n) : "";
    }
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
};

/** The text of the <t> runs inside an element (a shared string or an inline string), phonetic runs left out. */
const runsText = (xml: string) =>
  [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => decode(m[1])).join("");

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) => runsText(m[1] ?? ""));
}

/** Columns A and B of the sheet's first rows, as text, by row number. */
function firstColumns(xml: string, sst: () => string[]): Map<number, { a?: string; b?: string }> {
  const rows = new Map<number, { a?: string; b?: string }>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const ref = /^([A-Z]+)(\d+)$/.exec(attr(m[1], "r") ?? "");
    if (!ref) continue;
    const row = Number(ref[2]);
    if (row > LAST_ROW) break;
    if (ref[1] !== "A" && ref[1] !== "B") continue;
    const inner = m[2] ?? "";
    const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
    const type = attr(m[1], "t");
    const text = type === "s" ? (v !== undefined ? sst()[Number(v)] : undefined) : type === "inlineStr" ? runsText(inner) : v !== undefined ? decode(v) : undefined;
    const cells = rows.get(row) ?? {};
    cells[ref[1] === "A" ? "a" : "b"] = text;
    rows.set(row, cells);
  }
  return rows;
}

export { sheetPart } from "../xlsx/parts";

/**
 * What the .xlsx at `path` records of itself, inflating only its workbook, 审计 sheet and shared
 * strings, each within a bound. Undefined when it is not a workbook that can be read so:
 * for deciding whether it may be replaced, that means "not an earlier result".
 */
export async function readResultRecord(path: string): Promise<ResultRecord | undefined> {
  try {
    if ((await stat(path)).size > MAX_FILE) return undefined;
    const part = zipParts(await readFile(path));
    if (!part) return undefined;
    const workbookXml = part("xl/workbook.xml");
    const relsXml = part("xl/_rels/workbook.xml.rels");
    if (!workbookXml || !relsXml) return undefined;
    const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => attr(m[0], "name") ?? "");
    const record: ResultRecord = { sheets, merged: sheets.includes(SOURCES_SHEET), input: "", checksum: "", table: "" };
    const auditPath = sheetPart(workbookXml, relsXml, reportSheetNames.audit);
    const auditXml = auditPath && part(auditPath);
    if (!auditXml) return record;
    let sst: string[] | undefined;
    for (const { a, b } of firstColumns(auditXml, () => (sst ??= sharedStrings(part("xl/sharedStrings.xml")))).values()) {
      if (a === INPUT_LABEL) record.input = b ?? "";
      if (a === CHECKSUM_LABEL) record.checksum = b ?? "";
      if (a === TABLE_LABEL) record.table = b ?? "";
    }
    return record;
  } catch {
    return undefined;
  }
}
