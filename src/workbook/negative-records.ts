// The 负面清单记录 sheet: who, which item, how often, when, on what evidence, recorded by whom; read and checked against the scheme's list.
import { findNegativeItem, type NegativeList, type NegativeRecord } from "../core/negative-list";
import type { FieldDef } from "./fields";
import { readRecords } from "./read";
import type { Problem, WorkbookData } from "./sheet";
import { findTableIn } from "./table";

export const NEGATIVE_RECORD_SHEET = "负面清单记录";

/** The record sheet's columns, as the secretary, cadre and member templates carry them. */
export const negativeRecordFields: FieldDef[] = [
  { id: "unit", header: "单位", aliases: ["乡镇", "村", "支部", "所在单位", "所在支部"], type: "text", required: false },
  // Not a person key: one person has as many rows as records.
  { id: "name", header: "姓名", aliases: ["考核对象", "当事人", "责任人"], type: "text", required: true },
  { id: "item", header: "负面清单条目", aliases: ["条目", "条目编号", "负面清单编号", "事项"], type: "text", required: true },
  // At least 1 where typed, as KAOHE.NEGATIVE takes it (a typed 0 there is #VALUE!); blank is one event.
  { id: "count", header: "次数", aliases: ["发生次数"], type: "count", required: false, min: 1 },
  { id: "date", header: "日期", aliases: ["发生日期", "记录日期"], type: "date", required: false },
  { id: "evidence", header: "依据", aliases: ["证据", "佐证材料", "事实依据"], type: "text", required: false },
  { id: "recordedBy", header: "记录人", aliases: ["登记人"], type: "text", required: false },
];

/** One row of the record sheet. */
export interface NegativeEntry {
  readonly name: string;
  /** The unit typed beside the name (a township, village or branch); "" when none. */
  readonly unit: string;
  readonly record: NegativeRecord;
  readonly date: number | null;
  readonly evidence: string;
  readonly recordedBy: string;
}

export interface NegativeRecords {
  /** False when the workbook has no record sheet: nobody has a record, which 审计 says. */
  readonly found: boolean;
  /** The sheet the records were read from (found by its headers, so possibly not of the standard name). */
  readonly sheet: string;
  readonly entries: NegativeEntry[];
  /** Each with its sheet, row and column: an item not on the list, a count that is not a count, a date that is not a date. */
  readonly problems: Problem[];
  /** Rows dated outside the assessed period, left out with their row. */
  readonly outside: { row: number; zh: string; en: string }[];
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

/**
 * The records of the workbook's 负面清单记录 sheet (found by its headers, the sheet of that name
 * first). An item is checked against the list here, with its place, so one typo is named before
 * anything is computed rather than failing a whole person's result. A row dated outside `period`
 * (Excel serials, both ends included) belongs to another year and is left out, with its row said.
 */
export function readNegativeRecords(workbook: WorkbookData, list: NegativeList, period?: { from: number; to: number }): NegativeRecords {
  const table = findTableIn(workbook.sheets, negativeRecordFields, NEGATIVE_RECORD_SHEET);
  if (!table || table.missing.length > 0) return { found: false, sheet: NEGATIVE_RECORD_SHEET, entries: [], problems: [], outside: [] };
  const read = readRecords(table, negativeRecordFields);
  const problems = [...read.problems];
  const entries: NegativeEntry[] = [];
  const outside: NegativeRecords["outside"] = [];
  const itemCol = table.columns.get("item")! + 1;
  for (const r of read.records) {
    const item = text(r.values.item);
    if (!findNegativeItem(list, item)) {
      problems.push({
        sheet: table.sheet,
        row: r.row,
        col: itemCol,
        header: table.headers.get("item"),
        zh: `“${item}”不是负面清单中的条目；请填写考核方案负面清单中的编号或内容`,
        en: `"${item}" is not an item of the negative list; give an id or text from the scheme's negative list`,
      });
      continue;
    }
    const date = typeof r.values.date === "number" ? r.values.date : null;
    if (period && date !== null && (Math.floor(date) < period.from || Math.floor(date) > period.to)) {
      outside.push({ row: r.row, zh: `第${r.row}行的日期不在本次考核期内，未计入`, en: `row ${r.row} is dated outside the assessed period and is not counted` });
      continue;
    }
    // A blank 次数 reads as 0: the row itself records one event (a typed 0 is a problem at its cell).
    const count = typeof r.values.count === "number" && r.values.count > 0 ? r.values.count : undefined;
    entries.push({
      name: text(r.values.name),
      unit: text(r.values.unit),
      record: { item, count, row: r.row },
      date,
      evidence: text(r.values.evidence),
      recordedBy: text(r.values.recordedBy),
    });
  }
  return { found: true, sheet: table.sheet, entries, problems, outside };
}

/**
 * One person's records: entries of that name whose unit is blank or is one of the person's units
 * (township, village, branch as the assessment table has them), so two people of one name in two
 * townships are told apart wherever the record sheet names the unit.
 */
export function recordsOf(entries: readonly NegativeEntry[], name: string, units: readonly string[]): NegativeRecord[] {
  const who = name.trim();
  const mine = new Set(units.map((u) => u.trim()).filter((u) => u !== ""));
  return entries.filter((e) => e.name === who && (e.unit === "" || mine.has(e.unit))).map((e) => e.record);
}
