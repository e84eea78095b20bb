// A second table of the ledger's workbook found by its headers (联系点名单, 满意度测评): searched outside the ledger's own sheet and the reports, then in the linked workbooks, and only where it is whole or on its own sheet.
import { problemSheetOf } from "../../core/link";
import { reportSheetNames } from "../../workbook/plan";
import type { AssessInput } from "../../workbook/assess/common";
import type { FieldDef } from "../../workbook/fields";
import { readRecords, type ReadResult } from "../../workbook/read";
import type { Problem } from "../../workbook/sheet";
import { findTableIn, type FoundTable } from "../../workbook/table";

export interface SecondSheet {
  table: FoundTable;
  read: ReadResult;
  /** The linked workbook it was found in (`--with`); undefined for this workbook. */
  file?: string;
}

/** Where a second table was found, as a message names it: “满意度测评”, or “五好.xlsx”的“满意度测评”. */
export const secondSheetPlace = (found: SecondSheet) => ({
  zh: `${found.file ? `“${found.file}”的` : ""}“${found.table.sheet}”`,
  en: `${found.file ? `${found.file}, ` : ""}${found.table.sheet}`,
});

/** The sheet a problem of the table names: in a linked workbook, with the file's name before it. */
export const problemSheet = (found: SecondSheet) => problemSheetOf({ file: found.file, sheet: found.table.sheet });

/**
 * The table, when the workbook has it: another sheet counts only with every column (a roster with a
 * 姓名 column is not a list of contact points); the sheet of its own name with a column missing is a
 * problem naming the columns.
 */
export function secondSheet(input: AssessInput, fields: readonly FieldDef[], sheet: string, what: { zh: string; en: string }): { found?: SecondSheet; problems: Problem[] } {
  const skip = new Set<string>([input.table.sheet, ...Object.values(reportSheetNames)]);
  const own = findTableIn(
    input.workbook.sheets.filter((s) => !skip.has(s.name)),
    fields,
    sheet,
  );
  // A list kept once, in the workbook of the assessment that needs it too (the ratings in the five-good workbook), is read there,
  // whole and filled, when this workbook has none or only the template's blank sheet.
  const ownEmpty = own !== undefined && own.missing.length === 0 && readRecords(own, fields).records.length === 0;
  if (!own || (own.missing.length > 0 && own.sheet !== sheet) || ownEmpty)
    for (const book of input.linked ?? []) {
      const there = findTableIn(book.workbook.sheets, fields, sheet);
      if (!there || there.missing.length > 0) continue;
      const found: SecondSheet = { table: there, read: readRecords(there, fields), file: book.name };
      if (found.read.records.length > 0) return { found, problems: found.read.problems.map((p) => ({ ...p, sheet: problemSheet(found) })) };
    }
  const table = own;
  if (!table || (table.missing.length > 0 && table.sheet !== sheet)) return { problems: [] };
  if (table.missing.length > 0)
    return {
      problems: [
        {
          sheet: table.sheet,
          row: table.headerRow + 1,
          col: 0,
          zh: `找不到“${sheet}”表的列：${table.missing.map((f) => f.header).join("、")}。请按${what.zh}的模板填写表头`,
          en: `the ${sheet} sheet (${what.en}) lacks the columns ${table.missing.map((f) => f.header).join(", ")}; use the template's headers`,
        },
      ],
    };
  const read = readRecords(table, fields);
  return { found: { table, read }, problems: read.problems };
}
