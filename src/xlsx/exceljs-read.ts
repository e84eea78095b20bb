// Reads an .xlsx with ExcelJS into WorkbookData: the model the result is drawn into, and the values the pipeline sees, as Office.js would give them.
import { Workbook, type CellValue as ExcelCellValue, type Worksheet } from "exceljs";
import { parseArea, type CellValue, type MergeArea, type SheetData, type WorkbookData } from "../workbook/sheet";
import { XlsxError } from "./errors";
import { readFailure } from "./exceljs-failure";
import { keepExternalValues } from "./external-links";
import { mentions } from "./bytes";
import { notXlsx, sniff } from "./sniff";
import { checkZip, type CheckedZip } from "./zip-guard";

const DAY_MS = 86_400_000;
/** Days from Excel's 1900-system epoch (serial 0 = 1899-12-30 after the phantom 1900-02-29) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * The Excel serial (1900 date system) of a date ExcelJS read. ExcelJS makes the Date as
 * `(serial − 25569) days` after 1970-01-01 UTC (adding 1462 days first in a 1904-system workbook),
 * so inverting that arithmetic gives the serial back exactly, including serials before 1900-03-01
 * that the phantom 1900-02-29 shifts by a day; converting the calendar date instead would be a day
 * off there. Only UTC time is used, so the machine's time zone never moves a date.
 */
export function dateToSerial(d: Date): number | null {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return null;
  const serial = UNIX_EPOCH_SERIAL + ms / DAY_MS;
  // ExcelJS rounds to the millisecond: snap to it so 45000.5 does not come back as 45000.50000000001.
  return Math.round(serial * DAY_MS) / DAY_MS;
}

function richTextOf(v: unknown): string | undefined {
  if (typeof v === "object" && v !== null && Array.isArray((v as { richText?: unknown }).richText))
    return (v as { richText: { text?: unknown }[] }).richText.map((r) => (typeof r?.text === "string" ? r.text : "")).join("");
  return undefined;
}

/** One cell as the pipeline sees it: what Office.js would give for the same cell. */
export function plainValue(v: ExcelCellValue | unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v !== "object") return null;
  const rich = richTextOf(v);
  if (rich !== undefined) return rich;
  const o = v as Record<string, unknown>;
  // A formula (plain, shared or array) is its cached result; a file saved without results has none.
  if ("formula" in o || "sharedFormula" in o) return "result" in o ? plainValue(o.result) : null;
  if ("error" in o && typeof o.error === "string") return o.error;
  if ("hyperlink" in o || "text" in o) {
    const t = o.text;
    return typeof t === "string" ? t : (richTextOf(t) ?? (t === undefined || t === null ? null : String(t)));
  }
  // { error: "#N/A" }: the error's text, as Office.js gives it, so a broken score is reported, not read as blank.
  if (typeof o.error === "string") return o.error;
  return null;
}

/** Merged areas of a sheet, 0-based. ExcelJS keeps them in `_merges`; its public model lists them as "B1:C2". */
function mergesOf(ws: Worksheet): MergeArea[] {
  const internal = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  const out: MergeArea[] = [];
  if (internal) {
    for (const m of Object.values(internal)) {
      if (m?.model) out.push({ top: m.model.top - 1, left: m.model.left - 1, bottom: m.model.bottom - 1, right: m.model.right - 1 });
    }
    return out;
  }
  for (const range of ws.model.merges ?? []) {
    const area = parseArea(range);
    if (area) out.push(area);
  }
  return out;
}


/**
 * A sheet's values row-major from A1. Only existing rows and cells are visited (eachRow and eachCell
 * without empties), because getRow/getCell would create cells that would then be written back.
 * The cells a merged area covers, other than its top-left, are blank, as Office.js gives them.
 */
export function sheetData(ws: Worksheet): SheetData {
  const rows: CellValue[][] = [];
  const uncached: { row: number; col: number }[] = [];
  let lastRow = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    let last = -1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const isCovered = cell.isMerged && cell.master !== cell;
      // The value is read once: ExcelJS builds a formula's value object anew on every read.
      const raw = isCovered ? null : cell.value;
      const v = plainValue(raw);
      values[colNumber - 1] = v;
      // A formula with no result kept in the file reads as blank; the pipeline must say so, not compute with it.
      if (v === null && raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw) && (raw.result === undefined || raw.result === null))
        uncached.push({ row: rowNumber - 1, col: colNumber - 1 });
      if (v !== null) last = colNumber - 1;
    });
    const trimmed = values.slice(0, last + 1);
    for (let i = 0; i < trimmed.length; i++) if (trimmed[i] === undefined) trimmed[i] = null;
    rows[rowNumber - 1] = trimmed;
    if (trimmed.length > 0) lastRow = rowNumber - 1;
  });
  const dense = rows.slice(0, lastRow + 1);
  for (let i = 0; i < dense.length; i++) if (dense[i] === undefined) dense[i] = [];
  const merges = mergesOf(ws);
  const data: SheetData = merges.length ? { name: ws.name, rows: dense, merges } : { name: ws.name, rows: dense };
  if (uncached.length) data.uncached = uncached;
  return data;
}

/** Every worksheet of a loaded workbook as plain data. */
export function workbookData(wb: Workbook): WorkbookData {
  return { sheets: wb.worksheets.map(sheetData) };
}

/** An ExcelJS workbook from .xlsx bytes, after the zip's sizes and parts are checked (see checkZip), with the padding rows it dropped. */
export async function loadModel(buf: Uint8Array, name: string): Promise<{ workbook: Workbook; dropped: CheckedZip["dropped"]; externalFormulas: number }> {
  const kind = sniff(buf);
  if (kind !== "xlsx") throw notXlsx(kind, name);
  const checked = await checkZip(buf, name);
  const wb = new Workbook();
  try {
    await wb.xlsx.load(checked.bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw readFailure(name, e);
  }
  if (wb.worksheets.length === 0) throw new XlsxError("unreadable", `“${name}”不是有效的 Excel 工作簿（没有工作表）`, `"${name}" is not a valid Excel workbook (it has no worksheets)`);
  // ExcelJS drops the link parts such formulas need: they keep their last values instead.
  const externalFormulas = mentions(checked.bytes, "xl/externalLinks/") ? keepExternalValues(wb) : 0;
  return { workbook: wb, dropped: checked.dropped, externalFormulas };
}
