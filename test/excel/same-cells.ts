// Compares what the add-in drew into the fake Excel with what the command line drew into ExcelJS: values, formulas, number formats, merges, and the look (fonts, fills, borders, widths, print setup).
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
  // A date a return typed (a 负面清单记录 or ledger date), as ExcelJS reads it: the same day on both sides compares equal.
  if (v instanceof Date) return { value: v.toISOString(), numberFormat };
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

// ---------------------------------------------------------------- the look

/** A cell's look, in one notation for both hosts: what is not set reads as Excel's default. */
interface Look {
  bold: boolean;
  size?: number;
  color?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap: boolean;
  /** Thin borders on all four sides, and their colour. */
  border?: string;
}

const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);
const officeAlign: Record<string, string> = { center: "Center", middle: "Center", left: "Left", right: "Right", top: "Top", bottom: "Bottom" };

function xlsxLook(ws: Worksheet, row: number, col: number): Look {
  const s = (ws as unknown as { findCell(r: number, c: number): { style?: import("exceljs").Style } | undefined }).findCell(row, col)?.style;
  const sides = s?.border ? [s.border.top, s.border.bottom, s.border.left, s.border.right] : [];
  const boxed = sides.length === 4 && sides.every((b) => b?.style === "thin");
  const fill = s?.fill && s.fill.type === "pattern" ? hex(s.fill.fgColor?.argb) : undefined;
  return {
    bold: Boolean(s?.font?.bold),
    size: s?.font?.size,
    color: hex(s?.font?.color?.argb),
    fill,
    horizontal: s?.alignment?.horizontal ? officeAlign[s.alignment.horizontal] : undefined,
    vertical: s?.alignment?.vertical ? officeAlign[s.alignment.vertical] : undefined,
    wrap: Boolean(s?.alignment?.wrapText),
    border: boxed ? hex(sides[0]?.color?.argb) : undefined,
  };
}

/**
 * A cell's look in the fake, from the last format set over it. A border set over a range puts
 * edges and inside lines on every cell of it when all six are set, as the drawers set them.
 */
function fakeLook(ws: FakeSheetView, row: number, col: number): Look {
  const at = `${columnLetter(col)}${row}`;
  const get = (key: string) => ws.style(at, key);
  const boxed = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].every((e) => get(`border.${e}.style`) === "Continuous");
  const color = get("font.color") as string | undefined;
  const fill = get("fill.color") as string | undefined;
  return {
    bold: Boolean(get("font.bold")),
    size: get("font.size") as number | undefined,
    color: color?.toUpperCase(),
    fill: fill?.toUpperCase(),
    horizontal: get("horizontalAlignment") as string | undefined,
    vertical: get("verticalAlignment") as string | undefined,
    wrap: Boolean(get("wrapText")),
    border: boxed ? (get("border.EdgeTop.color") as string).toUpperCase() : undefined,
  };
}

/** Points Excel gives a column of so many characters (Calibri 11: 7 pixels a character, 5 of padding). */
const points = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/**
 * Every difference in the look of what both hosts drew: each report cell's font, fill, alignment and
 * borders, its column widths (to a tenth of a point), the title's height, the frozen rows, the rows
 * printed on every page and the orientation; and the headers of the result columns.
 */
export function lookDifferences(plan: Plan, wb: Workbook, fake: FakeExcel): string[] {
  const out: string[] = [];
  const compare = (sheet: string, x: Worksheet, f: FakeSheetView, row: number, col: number) => {
    const a = xlsxLook(x, row, col);
    const b = fakeLook(f, row, col);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${sheet}!${columnLetter(col)}${row} look: ExcelJS ${JSON.stringify(a)}, Office.js ${JSON.stringify(b)}`);
  };
  for (const block of plan.results) {
    const x = wb.getWorksheet(block.sheet)!;
    const f = fake.sheet(block.sheet);
    for (const c of block.columns) compare(block.sheet, x, f, block.headerRow, c.col);
  }
  for (const report of plan.reports) {
    const x = wb.getWorksheet(report.name);
    if (!x) continue;
    const f = fake.sheet(report.name);
    const size = lastCell(x);
    const cols = Math.max(size.cols, report.columns.length);
    for (let r = 1; r <= size.rows; r++) for (let c = 1; c <= cols; c++) compare(report.name, x, f, r, c);
    for (let c = 1; c <= report.columns.length; c++) {
      const xw = x.getColumn(c).width;
      const fw = f.columnWidth(columnLetter(c));
      if (xw === undefined || fw === undefined || Math.abs(points(xw) - fw) > 0.1) out.push(`${report.name} column ${columnLetter(c)} width: ExcelJS ${xw} characters (${xw === undefined ? "-" : points(xw)} pt), Office.js ${fw} pt`);
      const xHidden = Boolean(x.getColumn(c).hidden);
      if (xHidden !== f.columnHidden(columnLetter(c))) out.push(`${report.name} column ${columnLetter(c)} hidden: ExcelJS ${xHidden}, Office.js ${f.columnHidden(columnLetter(c))}`);
    }
    const xh = x.getRow(1).height;
    if (xh !== f.rowHeight(1)) out.push(`${report.name} title height: ExcelJS ${xh}, Office.js ${f.rowHeight(1)}`);
    const view = x.views[0] as { state?: string; ySplit?: number } | undefined;
    const xFrozen = view?.state === "frozen" ? view.ySplit : undefined;
    if (xFrozen !== f.freeze()?.rows) out.push(`${report.name} frozen rows: ExcelJS ${xFrozen}, Office.js ${f.freeze()?.rows}`);
    const xTitles = x.pageSetup.printTitlesRow?.split(":").map((r) => `$${r}`).join(":");
    if (xTitles !== f.printTitleRows()) out.push(`${report.name} print titles: ExcelJS ${xTitles}, Office.js ${f.printTitleRows()}`);
    const xOrientation = x.pageSetup.orientation;
    const fOrientation = String(f.pageLayout().orientation ?? "").toLowerCase();
    if (xOrientation !== fOrientation) out.push(`${report.name} orientation: ExcelJS ${xOrientation}, Office.js ${fOrientation}`);
  }
  return out;
}
