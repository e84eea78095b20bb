// Reads an .xlsx file into WorkbookData with ExcelJS, and explains in plain words every way a file can fail to be one.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { Workbook, type CellValue as ExcelCellValue, type Worksheet } from "exceljs";
import { CELL_TEXT_LIMIT, overlongCells } from "../workbook/cell-limit";
import { describeDataProblem, parseArea, problemPlace, type CellValue, type MergeArea, type SheetData, type WorkbookData } from "../workbook/sheet";
import { reportSheetNames } from "../workbook/plan";
import { sheetsWithCharts } from "./chart-sheets";
import { CliError, ExitCode } from "./errors";
import { readFailure } from "./exceljs-failure";
import { keepExternalValues } from "./external-links";
import { checkZip, MAX_TOTAL_BYTES, type CheckedZip } from "./zip-guard";
import { isLegacyKind, openLegacy } from "./legacy";

export { CliError, ExitCode } from "./errors";

/** An input workbook: its bytes, ExcelJS's model of it (kept to draw the result into), and its values as plain data. */
export interface OpenedWorkbook {
  path: string;
  name: string;
  /** SHA-256 of the file's bytes, hex. */
  checksum: string;
  workbook: Workbook;
  data: WorkbookData;
  /** Parts of the file that ExcelJS does not carry into the result workbook (the input itself is never changed). */
  unkept: { zh: string; en: string }[];
}

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

// ---------------------------------------------------------------- recognising the file

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, "utf16le");

/** What the first bytes (and, for containers, the names inside) say the file is. */
export type FileKind = "xlsx" | "xls" | "encrypted" | "ole" | "xlsb" | "ods" | "html" | "text" | "unknown";

/**
 * The kind of file, from its bytes, never its name. An encrypted .xlsx and an old .xls are both OLE
 * compound files (D0 CF 11 E0); the encrypted one holds the streams "EncryptionInfo" and
 * "EncryptedPackage", an .xls holds "Workbook" (or "Book" before Excel 97). Stream names are UTF-16
 * in the directory, which may sit anywhere in the file, so the whole file is searched.
 */
export function sniff(buf: Buffer): FileKind {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_SIGNATURE)) {
    if (buf.includes(utf16("EncryptedPackage")) || buf.includes(utf16("EncryptionInfo"))) return "encrypted";
    if (buf.includes(utf16("Workbook")) || buf.includes(utf16("Book"))) return "xls";
    return "ole";
  }
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5 || buf[2] === 7)) {
    // Names in a zip's directory are plain bytes: enough to tell the spreadsheet formats apart.
    if (buf.includes(Buffer.from("xl/workbook.bin"))) return "xlsb";
    if (buf.includes(Buffer.from("application/vnd.oasis.opendocument.spreadsheet"))) return "ods";
    // Anything else that starts as a zip goes to the loader: it tells a damaged workbook from another archive.
    return "xlsx";
  }
  const head = buf.subarray(0, 512).toString("utf8").replace(/^\uFEFF/, "").trimStart().toLowerCase();
  // Many government systems export "Excel" files that are really web pages or XML spreadsheets.
  if (head.startsWith("<")) return "html";
  if (looksLikeText(buf.subarray(0, 4096))) return "text";
  return "unknown";
}

function looksLikeText(b: Buffer): boolean {
  if (b.length === 0) return false;
  let control = 0;
  for (const byte of b) if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) control++;
  return control / b.length < 0.01;
}

const saveAsXlsx = { zh: "请在 Excel 或 WPS 中打开，选择“文件 → 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”", en: "open it in Excel or WPS and use File → Save As, type \"Excel Workbook (*.xlsx)\"" };

/** The error for a file whose bytes are not an .xlsx workbook. */
function notXlsx(kind: FileKind, name: string): CliError {
  const u = ExitCode.unreadable;
  switch (kind) {
    case "xls":
      return new CliError(u, `“${name}”是旧版 Excel 97-2003 格式（.xls），请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is an old Excel 97-2003 file (.xls); save it as .xlsx: ${saveAsXlsx.en}`);
    case "encrypted":
      return new CliError(u, `“${name}”设置了打开密码（已加密），无法读取。请在 Excel 中打开，选择“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存，再试`, `"${name}" is password-protected (encrypted) and cannot be read. Open it in Excel, File → Info → Protect Workbook → Encrypt with Password, clear the password, save, and try again`);
    case "ole":
      return new CliError(u, `“${name}”是旧版 Office 文件或设置了密码的文件，不是 .xlsx。若有打开密码，请先取消密码；若是 .xls，请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is an old Office file or a password-protected one, not .xlsx. Remove any password; if it is .xls, save it as .xlsx: ${saveAsXlsx.en}`);
    case "xlsb":
      return new CliError(u, `“${name}”是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is an Excel binary workbook (.xlsb); save it as .xlsx: ${saveAsXlsx.en}`);
    case "ods":
      return new CliError(u, `“${name}”是 OpenDocument 表格（.ods），请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is an OpenDocument spreadsheet (.ods); save it as .xlsx: ${saveAsXlsx.en}`);
    case "html":
      return new CliError(u, `“${name}”是网页（HTML/XML）格式的表格，只是扩展名像 Excel，请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is a web-page (HTML/XML) table with an Excel-like name; save it as .xlsx: ${saveAsXlsx.en}`);
    case "text":
      return new CliError(u, `“${name}”是文本文件（如 CSV 或 TXT），不是 .xlsx 工作簿，请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is a text file (such as CSV or TXT), not an .xlsx workbook; save it as .xlsx: ${saveAsXlsx.en}`);
    default:
      return new CliError(u, `“${name}”不是 Excel 工作簿（.xlsx）`, `"${name}" is not an Excel workbook (.xlsx)`);
  }
}

const SHOWN_ERRNO: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: "文件不存在，请检查路径和文件名", en: "the file does not exist; check the path and the name" },
  EACCES: { zh: "没有读取这个文件的权限", en: "no permission to read the file" },
  EPERM: { zh: "没有读取这个文件的权限", en: "no permission to read the file" },
  EBUSY: { zh: "文件正被其他程序占用，请关闭后重试", en: "the file is in use by another program; close it and try again" },
  EISDIR: { zh: "这是一个文件夹，不是文件", en: "this is a folder, not a file" },
  ENOTDIR: { zh: "路径中有一段是文件而不是文件夹，请检查路径", en: "a part of the path is a file, not a folder; check the path" },
};

/** The bytes of an input file, or a CliError saying in plain words why they cannot be had. */
export async function readInputBytes(path: string): Promise<Buffer> {
  const name = basename(path);
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    // Deflated or stored, a zip's content is at least about as large as the file: one past the bound on content is refused unread.
    if (st.size > MAX_TOTAL_BYTES)
      throw new CliError(
        ExitCode.unreadable,
        `“${name}”有 ${Math.ceil(st.size / 2 ** 20).toLocaleString("en-US")} MB，太大，不像真实的上报文件（可读取的内容最多 ${MAX_TOTAL_BYTES / 2 ** 20} MB）。请核对文件来源，或把表格分成几个文件`,
        `"${name}" is ${Math.ceil(st.size / 2 ** 20).toLocaleString("en-US")} MB, too large to be a real return (at most ${MAX_TOTAL_BYTES / 2 ** 20} MB of content can be read). Check where it came from, or split the table into several files`,
      );
    const buf = await readFile(path);
    if (buf.length === 0) throw new CliError(ExitCode.unreadable, `“${name}”是空文件（0 字节），可能没有保存完整，请重新保存或重新拷贝`, `"${name}" is empty (0 bytes); it may not have been saved completely; save or copy it again`);
    return buf;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException)?.code ?? "";
    const why = SHOWN_ERRNO[code] ?? { zh: `无法读取（${code || (e as Error)?.message}）`, en: `cannot be read (${code || (e as Error)?.message})` };
    throw new CliError(ExitCode.unreadable, `无法读取“${path}”：${why.zh}`, `cannot read "${path}": ${why.en}`);
  }
}

/** An ExcelJS workbook from .xlsx bytes; anything else, or a damaged file, is a CliError with exit code 3. */
export async function loadXlsx(buf: Buffer, name: string): Promise<Workbook> {
  return (await loadChecked(buf, name)).workbook;
}

/** The same, after the zip's sizes and parts are checked (see checkZip), with the padding rows it dropped. */
async function loadChecked(buf: Buffer, name: string): Promise<{ workbook: Workbook; dropped: CheckedZip["dropped"] }> {
  const kind = sniff(buf);
  if (kind !== "xlsx") throw notXlsx(kind, name);
  const checked = await checkZip(buf, name);
  const wb = new Workbook();
  try {
    await wb.xlsx.load(checked.bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw readFailure(name, e);
  }
  if (wb.worksheets.length === 0) throw new CliError(ExitCode.unreadable, `“${name}”不是有效的 Excel 工作簿（没有工作表）`, `"${name}" is not a valid Excel workbook (it has no worksheets)`);
  return { workbook: wb, dropped: checked.dropped };
}

/** Parts ExcelJS reads past and so cannot write back, found by their names in the zip's directory. */
const UNKEPT_PARTS: { path: string; zh: string; en: string }[] = [
  { path: "xl/charts/", zh: "图表", en: "charts" },
  { path: "xl/pivotTables/", zh: "数据透视表", en: "PivotTables" },
  { path: "xl/slicers/", zh: "切片器", en: "slicers" },
  { path: "xl/timelines/", zh: "日程表", en: "timelines" },
  { path: "xl/vbaProject.bin", zh: "宏", en: "macros" },
];

/** What of this .xlsx the result workbook will not have, so the user is told before they look for it. */
export function unkeptParts(buf: Buffer): { zh: string; en: string }[] {
  return UNKEPT_PARTS.filter((p) => buf.includes(Buffer.from(p.path)) && !(p.path === "xl/charts/" && onlyReportCharts(buf))).map(({ zh, en }) => ({ zh, en }));
}

const ownReports: ReadonlySet<string> = new Set(Object.values(reportSheetNames));

/** Charts only on the report sheets a run draws (an earlier result as input): the new run draws them again, so nothing is lost. */
function onlyReportCharts(buf: Buffer): boolean {
  const sheets = sheetsWithCharts(buf);
  return sheets !== undefined && sheets.every((s) => ownReports.has(s));
}

/** The same, as lines of the 审计 sheet, so the result says what it lacks after the screen is gone. */
export function unkeptAuditNotes(unkept: OpenedWorkbook["unkept"]): [string, string, string][] {
  return unkept.map((u) => ["未带入结果文件", u.zh, "原文件不受影响，请在原文件中查看"]);
}

export function sha256(buf: Buffer): string {
  return createHash("sha256").update(buf).digest("hex");
}

/** Reads an input .xlsx: its bytes once, ExcelJS's model once, and the values the pipeline needs. */
export async function openXlsx(path: string): Promise<OpenedWorkbook> {
  const buf = await readInputBytes(path);
  const name = basename(path);
  // .xls, WPS .et, .ods and .xlsb are read by SheetJS (the result is still .xlsx), then checked like any input.
  const kind = sniff(buf);
  const legacy = isLegacyKind(kind) ? openLegacy(path, buf, kind) : undefined;
  const { workbook, dropped } = legacy ? { workbook: legacy.workbook, dropped: [] } : await loadChecked(buf, name);
  const data = legacy?.data ?? workbookData(workbook);
  const overlong = overlongCells(data);
  if (overlong.length) {
    // The places are in the message itself, as merge lists each unreadable file by its message alone.
    const shown = overlong.slice(0, 5);
    const more = overlong.length > shown.length;
    throw new CliError(
      ExitCode.dataProblems,
      `“${name}”中有 ${overlong.length} 个单元格的文字超过 Excel 每个单元格 ${CELL_TEXT_LIMIT.toLocaleString("en-US")} 个字符的上限，未计算：${shown.map((p) => problemPlace(p, "zh-CN")).join("；")}${more ? " 等" : ""}。请缩短这些单元格的内容`,
      `"${name}" has ${overlong.length} cell(s) with more than Excel's ${CELL_TEXT_LIMIT.toLocaleString("en-US")} characters a cell; nothing was computed: ${shown.map((p) => problemPlace(p, "en-US")).join("; ")}${more ? " and more" : ""}. Shorten them`,
      more ? overlong.map((p) => ({ zh: describeDataProblem(p, "zh-CN"), en: describeDataProblem(p, "en-US") })) : [],
    );
  }
  if (legacy) return legacy;
  const unkept = unkeptParts(buf);
  for (const d of dropped)
    unkept.push({ zh: `工作表“${d.sheet}”中 ${d.rows.toLocaleString("en-US")} 个没有内容的行的格式`, en: `the formatting of ${d.rows.toLocaleString("en-US")} rows without content in sheet "${d.sheet}"` });
  if (buf.includes(Buffer.from("xl/externalLinks/"))) {
    const formulas = keepExternalValues(workbook);
    unkept.push({
      zh: `外部链接（引用其他工作簿的 ${formulas} 个公式在结果文件中只保留计算值）`,
      en: `external links (${formulas} formula(s) referring to other workbooks keep only their values in the result)`,
    });
  }
  return { path, name, checksum: sha256(buf), workbook, data, unkept };
}
