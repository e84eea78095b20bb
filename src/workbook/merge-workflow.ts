// kaohe merge carries each return's 负面清单记录 and 异议记录 into the county workbook, so the county's run bars, deducts and changes what each township's run did.
import { negativeRecordFields, NEGATIVE_RECORD_SHEET } from "./negative-records";
import { objectionFields, OBJECTION_SHEET } from "./objections";
import { readRecords } from "./read";
import type { CellValue, SheetData, WorkbookData } from "./sheet";
import { findTableIn } from "./table";
import type { FieldDef } from "./fields";

/** One return as the workflow merge needs it: its name, its workbook, its table's sheet and the township its rows are of (when one). */
export interface WorkflowReturn {
  name: string;
  data: WorkbookData;
  /** The sheet of its assessment table, never read as a record sheet. */
  table: string;
  /** The one township all its rows are of; undefined for a return of several. */
  township?: string;
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * One record sheet of every return under one header, with the file and row each came from. A record
 * with a blank unit meant "this name in this township's return": the township is written into it, or
 * the county's run would apply it to a namesake of another township.
 */
function mergedSheet(returns: readonly WorkflowReturn[], sheet: string, fields: readonly FieldDef[], unitField: string | undefined, sourceHeader: string): SheetData | undefined {
  const rows: CellValue[][] = [[...fields.map((f) => f.header), sourceHeader]];
  for (const ret of returns) {
    const table = findTableIn(
      ret.data.sheets.filter((s) => s.name !== ret.table),
      fields,
      sheet,
    );
    if (!table || table.missing.length > 0) continue;
    for (const rec of readRecords(table, fields).records) {
      const raw = table.rows[rec.row - 1] ?? [];
      rows.push([
        ...fields.map((f) => {
          const col = table.columns.get(f.id);
          const typed = col === undefined ? null : (raw[col] ?? null);
          return f.id === unitField && blank(typed) && ret.township ? ret.township : typed;
        }),
        `${ret.name} 第${rec.row}行`,
      ]);
    }
  }
  return rows.length > 1 ? { name: sheet, rows } : undefined;
}

/** The county's 负面清单记录 and 异议记录, where any return has records. */
export function mergedWorkflowSheets(returns: readonly WorkflowReturn[], sourceHeader: string): SheetData[] {
  return [mergedSheet(returns, NEGATIVE_RECORD_SHEET, negativeRecordFields, "unit", sourceHeader), mergedSheet(returns, OBJECTION_SHEET, objectionFields, "unit", sourceHeader)].filter((s): s is SheetData => s !== undefined);
}
