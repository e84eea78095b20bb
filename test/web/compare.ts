// Cell-by-cell comparison of two result workbooks read with ExcelJS: every sheet, value, formula and number format.
import type { Workbook } from "exceljs";
import { columnLetter } from "../../src/workbook/sheet";
import { xlsxCell, type Cell } from "../excel/same-cells";

/** Every cell where the two workbooks differ, as "sheet!A1: … / …" lines, and the sheets' order; `shown` may blank out what is allowed to differ. */
export function differences(a: Workbook, b: Workbook, shown: (c: Cell) => Cell = (c) => c): string[] {
  const out: string[] = [];
  const names = (wb: Workbook) => wb.worksheets.map((w) => w.name);
  if (JSON.stringify(names(a)) !== JSON.stringify(names(b))) out.push(`sheets: ${names(a).join(",")} / ${names(b).join(",")}`);
  for (const x of a.worksheets) {
    const y = b.getWorksheet(x.name);
    if (!y) continue;
    const rows = Math.max(x.rowCount, y.rowCount);
    const cols = Math.max(x.columnCount, y.columnCount);
    for (let r = 1; r <= rows; r++)
      for (let c = 1; c <= cols; c++) {
        const p = JSON.stringify(shown(xlsxCell(x, r, c)));
        const q = JSON.stringify(shown(xlsxCell(y, r, c)));
        if (p !== q) out.push(`${x.name}!${columnLetter(c)}${r}: ${p} / ${q}`);
      }
  }
  return out;
}

/** The cell with its dates (2025-12-31, 2025年12月31日) and times of day written as 日期 and 时刻: for two runs made at different moments. */
export function withoutMoment(c: Cell): Cell {
  return typeof c.value === "string" ? { ...c, value: c.value.replace(/\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日/g, "日期").replace(/\d{1,2}:\d{2}(:\d{2})?/g, "时刻") } : c;
}
