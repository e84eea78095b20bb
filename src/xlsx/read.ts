// Reads .xlsx bytes into the values the pipeline needs and the notes a host shows about them: by a streaming pass over the zip's XML, or through ExcelJS's model.
import type { WorkbookData } from "../workbook/sheet";
import { asBytes } from "./bytes";
import { holdsFormula } from "./draw";
import { loadModel, workbookData } from "./exceljs-read";
import { inputNotes, type Note } from "./notes";
import { refuseOverlong } from "./overlong";
import { streamWorkbook } from "./stream-read";

// Its own module, so a reader of values alone (the pane's linked workbook) leaves ExcelJS out.
export { refuseOverlong };

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
