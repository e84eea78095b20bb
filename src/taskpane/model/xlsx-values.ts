// The values of an .xlsx file a link reads, by the streaming reader alone: its own chunk, loaded when a file is first chosen, and without ExcelJS.
import type { WorkbookData } from "../../workbook/sheet";
import { refuseOverlong } from "../../xlsx/overlong";
import { streamWorkbook } from "../../xlsx/stream-read";

/** The workbook's values as the pipeline reads them; an XlsxError (in Chinese and English) for a file that is no readable .xlsx. */
export async function readXlsxValues(bytes: Uint8Array, name: string): Promise<WorkbookData> {
  const read = await streamWorkbook(bytes, name);
  refuseOverlong(read.data, name);
  return read.data;
}
