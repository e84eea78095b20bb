// Reads .xlsx bytes into the values the pipeline needs and the notes a host shows about them: by a streaming pass over the zip's XML, or through ExcelJS's model.
import { CELL_TEXT_LIMIT, overlongCells } from "../workbook/cell-limit";
import { describeDataProblem, problemPlace, type WorkbookData } from "../workbook/sheet";
import { asBytes } from "./bytes";
import { holdsFormula } from "./draw";
import { XlsxError } from "./errors";
import { loadModel, workbookData } from "./exceljs-read";
import { inputNotes, type Note } from "./notes";
import { streamWorkbook } from "./stream-read";

export interface ReadOptions {
  /** The file's name, as every message names it. */
  name: string;
  /** "stream" (the default) reads without building a model of the sheets; "exceljs" loads ExcelJS's, as the command line once did. */
  engine?: "stream" | "exceljs";
}

/** An input workbook as the pipeline and the host need it. */
export interface WorkbookRead {
  data: WorkbookData;
  /** What of the file the result workbook will not carry (shown before the run, and in 审计). */
  notes: Note[];
  /** Whether a cell (1-based) of the input holds a formula: result cells that did are said to be replaced by values. */
  holdsFormula: (sheet: string, row: number, col: number) => boolean;
}

/** Refuses a workbook with text longer than a cell may hold: Excel would cut it, so nothing is computed with it. */
export function refuseOverlong(data: WorkbookData, name: string): void {
  const overlong = overlongCells(data);
  if (!overlong.length) return;
  // The places are in the message itself, as merge lists each unreadable file by its message alone.
  const shown = overlong.slice(0, 5);
  const more = overlong.length > shown.length;
  throw new XlsxError(
    "dataProblems",
    `“${name}”中有 ${overlong.length} 个单元格的文字超过 Excel 每个单元格 ${CELL_TEXT_LIMIT.toLocaleString("en-US")} 个字符的上限，未计算：${shown.map((p) => problemPlace(p, "zh-CN")).join("；")}${more ? " 等" : ""}。请缩短这些单元格的内容`,
    `"${name}" has ${overlong.length} cell(s) with more than Excel's ${CELL_TEXT_LIMIT.toLocaleString("en-US")} characters a cell; nothing was computed: ${shown.map((p) => problemPlace(p, "en-US")).join("; ")}${more ? " and more" : ""}. Shorten them`,
    more ? overlong.map((p) => ({ zh: describeDataProblem(p, "zh-CN"), en: describeDataProblem(p, "en-US") })) : [],
  );
}

/**
 * Reads an .xlsx workbook's bytes: its values as the pipeline sees them (what Office.js would give),
 * the notes to show, and which cells hold formulas. Anything that is not a readable .xlsx (another
 * format, a damaged or hostile zip) is an XlsxError saying what is wrong and what to do.
 */
export async function readWorkbookBytes(input: Uint8Array | ArrayBuffer, options: ReadOptions): Promise<WorkbookRead> {
  const bytes = asBytes(input);
  const { name } = options;
  if (options.engine === "exceljs") {
    const { workbook, dropped, externalFormulas } = await loadModel(bytes, name);
    const data = workbookData(workbook);
    refuseOverlong(data, name);
    return { data, notes: await inputNotes(bytes, dropped, externalFormulas), holdsFormula: holdsFormula(workbook) };
  }
  const read = await streamWorkbook(bytes, name);
  refuseOverlong(read.data, name);
  return { data: read.data, notes: await inputNotes(bytes, read.dropped, read.externalFormulas), holdsFormula: read.holdsFormula };
}
