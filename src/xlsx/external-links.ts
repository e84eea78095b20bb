// Formulas that reach into other workbooks ("[1]Sheet1!$A$1"): ExcelJS drops the links they need, so the result keeps their last values instead.
import type { Cell, CellValue, Workbook } from "exceljs";

/** An external reference begins with a workbook's index in brackets: [1]Sheet1!A1, '[2]乡镇 表'!B3, [1]!名称. */
export const EXTERNAL = /(^|[^A-Za-z0-9_.\]])'?\[\d+\]/;

/**
 * Replaces every formula that refers to another workbook with the value Excel last computed for it,
 * and returns how many. Without its link part the formula would point at nothing, and Excel would
 * repair the file or show #REF!. All cells are found before any is changed, because a shared
 * formula's copies are read through its first cell.
 */
export function keepExternalValues(wb: Workbook): number {
  const found: { cell: Cell; value: CellValue }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const formula = cell.formula;
        if (typeof formula === "string" && EXTERNAL.test(formula)) found.push({ cell, value: (cell.result as CellValue | undefined) ?? null });
      }),
    ),
  );
  for (const { cell, value } of found) cell.value = value;
  return found.length;
}
