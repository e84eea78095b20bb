// A second table of the ledger's workbook found by its headers (联系点名单, 满意度测评): searched outside the ledger's own sheet and the reports, and only where it is whole or on its own sheet.
import { reportSheetNames } from "../../workbook/plan";
import type { AssessInput } from "../../workbook/assess/common";
import type { FieldDef } from "../../workbook/fields";
import { readRecords, type ReadResult } from "../../workbook/read";
import type { Problem } from "../../workbook/sheet";
import { findTableIn, type FoundTable } from "../../workbook/table";

export interface SecondSheet {
  table: FoundTable;
  read: ReadResult;
}

/**
 * The table, when the workbook has it: another sheet counts only with every column (a roster with a
 * 姓名 column is not a list of contact points); the sheet of its own name with a column missing is a
 * problem naming the columns.
 */
export function secondSheet(input: AssessInput, fields: readonly FieldDef[], sheet: string, what: { zh: string; en: string }): { found?: SecondSheet; problems: Problem[] } {
  const skip = new Set<string>([input.table.sheet, ...Object.values(reportSheetNames)]);
  const table = findTableIn(
    input.workbook.sheets.filter((s) => !skip.has(s.name)),
    fields,
    sheet,
  );
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
