// Reads the workbook formats ExcelJS cannot (Excel 97–2003 .xls, WPS .et, OpenDocument .ods, binary .xlsb) with SheetJS into the pipeline's plain values.
import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { CellObject, WorkBook } from "@e965/xlsx";
import type { CellValue, MergeArea, SheetData, WorkbookData } from "../workbook/sheet";
import { workbookFromData } from "./draw";
import { CliError, ExitCode } from "./errors";
import type { FileKind, OpenedWorkbook } from "./xlsx";
import { zipDirectory } from "../xlsx/zip-directory";

/**
 * SheetJS, loaded when an old format is read: loading it costs about a tenth of a second of every
 * run, and almost every input is an .xlsx that ExcelJS reads.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a require in the function defers the load; an import would not
const sheetJs = (): typeof import("@e965/xlsx") => require("@e965/xlsx");

/** The kinds of file (by their bytes) this module reads; an .et is an OLE file with a Workbook stream, like an .xls. */
export const legacyKinds: readonly FileKind[] = ["xls", "ods", "xlsb"];

export const isLegacyKind = (kind: FileKind): boolean => legacyKinds.includes(kind);

const formatNames: Partial<Record<FileKind, { zh: string; en: string }>> = {
  xls: { zh: "旧版 Excel 97-2003 格式（.xls）或 WPS 表格（.et）", en: "an old Excel 97-2003 file (.xls) or a WPS spreadsheet (.et)" },
  ods: { zh: "OpenDocument 表格（.ods）", en: "an OpenDocument spreadsheet (.ods)" },
  xlsb: { zh: "Excel 二进制工作簿（.xlsb）", en: "an Excel binary workbook (.xlsb)" },
};

const saveAs = { zh: "在 Excel 或 WPS 中打开，选择“文件 → 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”，再用新文件重试", en: 'open it in Excel or WPS, File → Save As, type "Excel Workbook (*.xlsx)", and try the new file' };

/** Excel's error codes as BIFF stores them, to the text Office.js gives for the same cell. */
const errorText: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA" };

/**
 * The most a zip-based old format (.ods, .xlsb) may declare once inflated. SheetJS inflates every part
 * in memory, so a small file declaring gigabytes is refused before it is read; a real county return
 * is a few MB.
 */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

/** The sum of the sizes a zip's directory declares, or undefined when it has no readable directory. */
export function declaredUnzippedBytes(buf: Buffer): number | undefined {
  return zipDirectory(buf)?.reduce((sum, e) => sum + e.size, 0);
}

/** Days from the 1900 system's serial 0 (1899-12-30) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * One SheetJS cell as the pipeline sees it: the cached value of a formula, a date as its 1900-system
 * serial (SheetJS gives it as a Date at UTC midnight, whichever date system the file uses), an error
 * as its text. Anything else (a stub, an unknown type) is blank.
 */
function cellValue(cell: CellObject | undefined): CellValue {
  if (!cell) return null;
  const v = cell.v;
  switch (cell.t) {
    case "n":
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    case "s":
      return typeof v === "string" ? v : v === undefined || v === null ? null : String(v);
    case "b":
      return typeof v === "boolean" ? v : null;
    case "e":
      return typeof v === "number" ? (errorText[v] ?? (typeof cell.w === "string" && cell.w.startsWith("#") ? cell.w : "#VALUE!")) : "#VALUE!";
    case "d":
      return v instanceof Date && Number.isFinite(v.getTime()) ? v.getTime() / 86_400_000 + UNIX_EPOCH_SERIAL : null;
    default:
      return null;
  }
}

/** Only SheetJS's own keys are read, by name: a sheet called "__proto__" or "constructor" is looked up, never inherited. */
const own = <T>(o: Record<string, T> | undefined, key: string): T | undefined => (o && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

/** The worksheets' values row-major from A1, trailing blanks trimmed, with their merged areas. */
export function legacyWorkbookData(wb: WorkBook): WorkbookData {
  const sheets: SheetData[] = [];
  for (const name of wb.SheetNames) {
    if (typeof name !== "string") continue;
    const ws = own(wb.Sheets as Record<string, WorkBook["Sheets"][string]>, name);
    // SheetJS keeps sheets in a plain object, where "__proto__" cannot be a key: such a sheet is refused by name, never dropped.
    if (!ws)
      throw new CliError(ExitCode.unreadable, `工作表“${name}”的名字无法读取，请在 Excel 或 WPS 中给它改个名字后再试`, `the sheet "${name}" cannot be read under that name; rename it in Excel or WPS and try again`);
    // Chart sheets and macro sheets hold no table.
    if (own(ws as Record<string, unknown>, "!type") !== undefined) continue;
    const data = own(ws as Record<string, unknown>, "!data");
    const grid: (CellObject[] | undefined)[] = Array.isArray(data) ? data : [];
    const rows: CellValue[][] = [];
    let lastRow = -1;
    for (let r = 0; r < grid.length; r++) {
      const src = grid[r];
      const row: CellValue[] = [];
      let last = -1;
      if (Array.isArray(src))
        for (let c = 0; c < src.length; c++) {
          const v = cellValue(src[c]);
          row[c] = v;
          if (v !== null) last = c;
        }
      const trimmed = row.slice(0, last + 1);
      for (let c = 0; c < trimmed.length; c++) if (trimmed[c] === undefined) trimmed[c] = null;
      rows[r] = trimmed;
      if (trimmed.length > 0) lastRow = r;
    }
    const dense = rows.slice(0, lastRow + 1);
    for (let r = 0; r < dense.length; r++) if (dense[r] === undefined) dense[r] = [];
    const rawMerges = own(ws as Record<string, unknown>, "!merges");
    const merges: MergeArea[] = [];
    if (Array.isArray(rawMerges))
      for (const m of rawMerges as { s?: { r?: unknown; c?: unknown }; e?: { r?: unknown; c?: unknown } }[]) {
        const [top, left, bottom, right] = [m?.s?.r, m?.s?.c, m?.e?.r, m?.e?.c];
        if ([top, left, bottom, right].every((n) => Number.isInteger(n) && (n as number) >= 0))
          merges.push({ top: top as number, left: left as number, bottom: bottom as number, right: right as number });
      }
    sheets.push(merges.length ? { name, rows: dense, merges } : { name, rows: dense });
  }
  return { sheets };
}

function unreadable(kind: FileKind, name: string, detail: string): CliError {
  const f = formatNames[kind] ?? { zh: "旧格式表格", en: "an old-format spreadsheet" };
  if (/password/i.test(detail))
    return new CliError(ExitCode.unreadable, `“${name}”是${f.zh}，设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码后保存，再试`, `"${name}" is ${f.en} protected by a password and cannot be read. Remove the password in Excel or WPS, save, and try again`);
  return new CliError(ExitCode.unreadable, `“${name}”是${f.zh}，但已损坏或无法识别（${detail}），请另存为 .xlsx：${saveAs.zh}`, `"${name}" is ${f.en} but is damaged or not recognised (${detail}); save it as .xlsx: ${saveAs.en}`);
}

/**
 * An old-format input, read like an .xlsx: its values for the pipeline and an ExcelJS workbook built
 * from them to draw the results into, so the result is always an .xlsx. The workbook keeps values and
 * merged areas only; formats and formulas stay in the input, which is never changed.
 */
export function openLegacy(path: string, buf: Buffer, kind: FileKind): OpenedWorkbook {
  const name = basename(path);
  if (kind !== "xls") {
    const declared = declaredUnzippedBytes(buf);
    if (declared === undefined || declared > MAX_UNZIPPED_BYTES)
      throw unreadable(kind, name, declared === undefined ? "压缩目录无法读取 / unreadable zip directory" : `解压后 ${Math.round(declared / 1048576)} MB / ${Math.round(declared / 1048576)} MB unzipped`);
  }
  let wb: WorkBook;
  try {
    wb = sheetJs().read(buf, { type: "buffer", dense: true, cellDates: true, cellFormula: false, cellHTML: false, cellStyles: false, cellNF: false, sheetStubs: false, bookVBA: false });
  } catch (e) {
    throw unreadable(kind, name, e instanceof Error ? e.message : String(e));
  }
  const data = legacyWorkbookData(wb);
  if (data.sheets.length === 0) throw unreadable(kind, name, "找不到工作表 / no worksheets found");
  let workbook;
  try {
    // No header rows to style; a prototype-less map, so a sheet called "constructor" finds nothing inherited.
    workbook = workbookFromData(data, Object.create(null) as Record<string, number>);
  } catch (e) {
    // ExcelJS refuses sheet names Excel itself would refuse (an .ods may allow them).
    throw unreadable(kind, name, e instanceof Error ? e.message : String(e));
  }
  return {
    path,
    name,
    checksum: createHash("sha256").update(buf).digest("hex"),
    workbook,
    data,
    unkept: [{ zh: "格式和公式（旧格式文件的结果文件只带入数值）", en: "formats and formulas (from an old-format file only the values are carried)" }],
    // Formulas are not read (cellFormula: false): the result carries values only, so none is replaced.
    holdsFormula: () => false,
  };
}
