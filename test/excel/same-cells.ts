// Compares what the add-in drew into the fake Excel with what the command line drew into ExcelJS: values, formulas, number formats, merges.
import type { Workbook, Worksheet } from "exceljs";
import type { Plan } from "../../src/workbook/plan";
import { columnLetter } from "../../src/workbook/sheet";
import type { FakeExcel, FakeSheetView } from "./fake-office";

export interface Cell {
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
}

/** An ExcelJS cell as Excel would show it: a formula as "=…", an empty cell as "". */
export function xlsxCell(ws: Worksheet, row: number, col: number): Cell {
  const cell = (ws as unknown as { findCell(r: number, c: number): { value: unknown; numFmt?: string; isMerged: boolean; master: unknown } | undefined }).findCell(row, col);
  const numberFormat = cell?.numFmt ?? "General";
  // ExcelJS shows a merged area's value in every cell it covers; the file (and Excel) keeps it in the first only.
  const v = cell && cell.isMerged && cell.master !== cell ? null : cell?.value;
  if (v === null || v === undefined) return { value: "", numberFormat };
  if (typeof v === "object" && "formula" in (v as object)) return { value: "", formula: `=${(v as { formula: string }).formula}`, numberFormat };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { value: v, numberFormat };
  throw new Error(`an ExcelJS value the comparison does not know: ${JSON.stringify(v)}`);
}

export function fakeCell(ws: FakeSheetView, row: number, col: number): Cell {
  const c = ws.cell(`${columnLetter(col)}${row}`);
  return c.formula !== undefined ? { value: "", formula: c.formula, numberFormat: c.numberFormat } : { value: c.value, numberFormat: c.numberFormat };
}

function lastCell(ws: Worksheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (_, c) => {
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  return { rows, cols };
}

/** Every difference between the two drawings, as "sheet!A1: …" lines; none when they agree. */
export function differences(plan: Plan, wb: Workbook, fake: FakeExcel): string[] {
  const out: string[] = [];
  const compare = (sheet: string, x: Worksheet, f: FakeSheetView, row: number, col: number) => {
    const a = xlsxCell(x, row, col);
    const b = fakeCell(f, row, col);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${sheet}!${columnLetter(col)}${row}: ExcelJS ${JSON.stringify(a)}, Office.js ${JSON.stringify(b)}`);
  };
  for (const block of plan.results) {
    const x = wb.getWorksheet(block.sheet)!;
    const f = fake.sheet(block.sheet);
    const last = Math.max(block.headerRow, ...block.rows.map((r) => r.row));
    for (let r = block.headerRow; r <= last + 1; r++) for (const c of block.columns) compare(block.sheet, x, f, r, c.col);
  }
  for (const report of plan.reports) {
    const x = wb.getWorksheet(report.name);
    if (!x) {
      out.push(`${report.name}: not in the ExcelJS workbook`);
      continue;
    }
    const f = fake.sheet(report.name);
    const fv = f.values();
    const size = lastCell(x);
    const rows = Math.max(size.rows, fv.length);
    const cols = Math.max(size.cols, ...fv.map((r) => r.length));
    for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) compare(report.name, x, f, r, c);
    const xm = [...((x.model as { merges?: string[] }).merges ?? [])].sort();
    const fm = f.merges().sort();
    if (JSON.stringify(xm) !== JSON.stringify(fm)) out.push(`${report.name} merges: ExcelJS ${xm.join(" ")}, Office.js ${fm.join(" ")}`);
  }
  const xsheets = wb.worksheets.map((w) => w.name);
  if (JSON.stringify(xsheets) !== JSON.stringify(fake.sheetNames())) out.push(`sheet order: ExcelJS ${xsheets.join(",")}, Office.js ${fake.sheetNames().join(",")}`);
  return out;
}
