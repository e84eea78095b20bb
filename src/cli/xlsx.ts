// Reads an input file for the command line: its bytes from disk (with plain words for every way that fails), its checksum, and its values through the .xlsx adapter (src/xlsx) or, for old formats, SheetJS.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Workbook } from "exceljs";
import type { WorkbookData } from "../workbook/sheet";
import { readWorkbookBytes, sniff, type Note } from "../xlsx";
import { loadModel } from "../xlsx/exceljs-read";
import { unkeptParts as unkeptPartsOf } from "../xlsx/notes";
import { refuseOverlong } from "../xlsx/read";
import { MAX_TOTAL_BYTES } from "../xlsx/zip-guard";
import { cliError, CliError, ExitCode } from "./errors";
import { isLegacyKind, openLegacy } from "./legacy";

export { CliError, ExitCode } from "./errors";
export { dateToSerial, plainValue, sheetData, workbookData } from "../xlsx/exceljs-read";
export { sniff, type FileKind } from "../xlsx/sniff";
export { unkeptAuditNotes } from "../xlsx/notes";

/** An input workbook: its bytes, its values as plain data, and (old formats only) the ExcelJS model the result is drawn into. */
export interface OpenedWorkbook {
  path: string;
  name: string;
  /** SHA-256 of the file's bytes, hex. */
  checksum: string;
  /** The file's bytes (an .xlsx is drawn into from them); undefined for an old format, which has `workbook` instead. */
  bytes?: Uint8Array;
  /** An old format's values as a new workbook (SheetJS read it; ExcelJS cannot). */
  workbook?: Workbook;
  data: WorkbookData;
  /** Parts of the file that the result workbook will not carry (the input itself is never changed). */
  unkept: Note[];
  /** Whether a cell (1-based) of the input holds a formula. */
  holdsFormula: (sheet: string, row: number, col: number) => boolean;
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
  try {
    return (await loadModel(buf, name)).workbook;
  } catch (e) {
    throw cliError(e);
  }
}

/** What of this .xlsx the result workbook will not have. */
export function unkeptParts(buf: Buffer): Promise<Note[]> {
  return unkeptPartsOf(buf);
}

export function sha256(buf: Buffer): string {
  return createHash("sha256").update(buf).digest("hex");
}

/** Reads an input file: its bytes once, and the values the pipeline needs, streamed from an .xlsx (KAOHE_XLSX_READER=exceljs reads through ExcelJS's model instead). */
export async function openXlsx(path: string): Promise<OpenedWorkbook> {
  const buf = await readInputBytes(path);
  const name = basename(path);
  // .xls, WPS .et, .ods and .xlsb are read by SheetJS (the result is still .xlsx), then checked like any input.
  const kind = sniff(buf);
  if (isLegacyKind(kind)) {
    const legacy = openLegacy(path, buf, kind);
    try {
      refuseOverlong(legacy.data, name);
    } catch (e) {
      throw cliError(e);
    }
    return legacy;
  }
  try {
    const read = await readWorkbookBytes(buf, { name, engine: process.env.KAOHE_XLSX_READER === "exceljs" ? "exceljs" : "stream" });
    return { path, name, checksum: sha256(buf), bytes: buf, data: read.data, unkept: read.notes, holdsFormula: read.holdsFormula };
  } catch (e) {
    throw cliError(e);
  }
}
