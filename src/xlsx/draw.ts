// Draws a plan into an ExcelJS workbook (result columns, report sheets), and turns the workbook into .xlsx bytes with its report charts.
import { Workbook, type Borders, type Cell, type CellValue as ExcelCellValue, type Fill, type Style, type Worksheet } from "exceljs";
import { cellNumberFormat, columnFormat, layoutReport, type PrintLayout, type SheetLayout } from "../workbook/layout";
import { argb, colors, looks, type CellLook, type LookName } from "../workbook/look";
import { sheetProblem } from "../workbook/sheet-checks";
import { columnWidth, shownText, textWidth, type Plan, type PlanCell, type ReportSheet, type ResultBlock } from "../workbook/plan";
import { columnLetter, type WorkbookData } from "../workbook/sheet";
import { addCharts } from "./charts";
import { XlsxError } from "./errors";
import { drawFailure, writeFailure } from "./exceljs-failure";
import { escapeUnwritableText } from "./xml-text";

export { SIGNATURE_LINE } from "../workbook/look";

const thin = { style: "thin" as const, color: { argb: argb(colors.border) } };
const border: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

// ---------------------------------------------------------------- styles
//
// A cell's style is an object ExcelJS may share: cells read from a file share one object per style,
// so `cell.numFmt = …` or `cell.font = …` on one of them would restyle every user cell with that
// style. Styles are therefore only ever replaced whole (`cell.style = …`), never changed in place.
// The objects below are shared by many new cells, which also lets ExcelJS write a style once instead
// of once per cell (a 50,000-row report); they are never changed after they are made.

const styleCache = new Map<string, Partial<Style>>();

function shared(key: string, make: () => Partial<Style>): Partial<Style> {
  let style = styleCache.get(key);
  if (!style) styleCache.set(key, (style = make()));
  return style;
}

/** A plain look as an ExcelJS style, boxed in the table's thin borders or not. */
function lookStyle(look: CellLook, boxed: boolean, numFmt?: string): Partial<Style> {
  const font = { ...(look.bold ? { bold: true } : {}), ...(look.size ? { size: look.size } : {}), ...(look.color ? { color: { argb: argb(look.color) } } : {}) };
  const fill: Fill | undefined = look.fill ? { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } } : undefined;
  const alignment = look.centered || look.wrap ? { ...(look.centered ? { horizontal: "center" as const, vertical: "middle" as const } : {}), ...(look.wrap ? { wrapText: true } : {}) } : undefined;
  return {
    ...(Object.keys(font).length ? { font } : {}),
    ...(fill ? { fill } : {}),
    ...(boxed ? { border } : {}),
    ...(alignment ? { alignment } : {}),
    ...(numFmt ? { numFmt } : {}),
  };
}

/** A named look, boxed or not, with a number format: one shared style object each (the stream writer styles report rows with it too). */
export const namedStyle = (name: LookName | "plain", boxed: boolean, numFmt?: string): Partial<Style> =>
  shared(`${name}|${boxed}|${numFmt ?? ""}`, () => lookStyle(name === "plain" ? {} : looks[name], boxed, numFmt));

/** The look of a result column's header cell (the stream writer takes it from here too). */
export const headerStyle = (): Partial<Style> => namedStyle("header", true);

const numFmtStyle = (numFmt: string): Partial<Style> => shared(`numFmt|${numFmt}`, () => ({ numFmt }));

const isBlankStyle = (style: Partial<Style> | undefined) => !style || Object.keys(style).length === 0;

/**
 * The ExcelJS value of a plan cell. A JavaScript string is written as a string cell by ExcelJS (it
 * never parses "=…" as a formula), so text stays text; only { formula } becomes a formula, stored
 * without its "=" as the file format wants, with the pipeline's result cached for readers that do
 * not calculate.
 */
export function excelValue(v: PlanCell): ExcelCellValue {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const formula = v.formula.replace(/^=/, "");
  return v.result === null ? { formula } : { formula, result: v.result };
}

/**
 * Writes one plan cell into a cell that may already exist in the user's sheet: its value, and its
 * number format on top of whatever style the cell has (a new style object, never the shared one).
 */
export function writePlanCell(cell: Cell, v: PlanCell, numFmt?: string): void {
  cell.value = excelValue(v);
  const fmt = cellNumberFormat(v, numFmt);
  if (!fmt || cell.numFmt === fmt) return;
  cell.style = isBlankStyle(cell.style) ? numFmtStyle(fmt) : { ...cell.style, numFmt: fmt };
}

/**
 * A width ExcelJS will write. It drops a column whose width is exactly 9, its idea of the default,
 * although Excel's default is 8.43: such a column would print narrower than planned.
 */
function setWidth(ws: Worksheet, col: number, width: number): void {
  ws.getColumn(col).width = width === 9 ? 9.01 : width;
}

/** Writes a block's header and values into its sheet, at its rows and columns, and nothing else. */
export function drawResults(wb: Workbook, block: ResultBlock): void {
  const ws = wb.getWorksheet(block.sheet);
  if (!ws) throw new Error(`the plan writes results into sheet "${block.sheet}", which the workbook does not have`);
  block.columns.forEach((col, i) => {
    const c = ws.getCell(block.headerRow, col.col);
    // A column the table already has (a previous run's, or the user's) keeps its header's look and its width.
    if (c.value !== col.header) {
      c.value = col.header;
      c.style = headerStyle();
    }
    if (ws.getColumn(col.col).width === undefined)
      setWidth(
        ws,
        col.col,
        columnWidth(
          col,
          block.rows.map((r) => r.cells[i] ?? null),
        ),
      );
  });
  for (const r of block.rows) {
    block.columns.forEach((col, i) => writePlanCell(ws.getCell(r.row, col.col), r.cells[i] ?? null, columnFormat(col)));
  }
}

/**
 * Whether a cell of the workbook holds a formula (plain, shared or array), for saying which result
 * cells a run replaces with values; a missing sheet has none.
 */
export function holdsFormula(wb: Workbook): (sheet: string, row: number, col: number) => boolean {
  return (sheet, row, col) => {
    const ws = wb.getWorksheet(sheet);
    const v = ws?.findCell(row, col)?.value as unknown;
    return v !== null && typeof v === "object" && v !== undefined && ("formula" in v || "sharedFormula" in v);
  };
}

const userSheet = (name: string) =>
  new XlsxError(
    "notWritten",
    `工作簿中已有名为“${name}”的工作表，它不是考核报表，不能覆盖。请把这个工作表改名后再运行`,
    `the workbook already has a sheet named "${name}" that is not a report sheet and will not be overwritten; rename it and run again`,
  );

/** A report may not take the name of a sheet the user made: only the sheets the plan says it may replace are. */
function refuseUserSheet(wb: Workbook, name: string, replaceable: ReadonlySet<string>): void {
  if (wb.getWorksheet(name) && !replaceable.has(name.toLowerCase())) throw userSheet(name);
}

/**
 * A fresh sheet for a report. A sheet of the same name is replaced only when it is one of the report
 * sheets (a previous run's); the new sheet takes the old one's place among the tabs.
 */
function reportWorksheet(wb: Workbook, name: string, replaceable: ReadonlySet<string>): Worksheet {
  refuseUserSheet(wb, name, replaceable);
  const old = wb.getWorksheet(name);
  let orderNo: number | undefined;
  if (old) {
    orderNo = (old as unknown as { orderNo: number }).orderNo;
    wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(name);
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  return ws;
}

/** ExcelJS's page setup for a print layout: fitted to the width, or at a fixed scale split across pages. */
function pageSetupOf(print: PrintLayout): Partial<Worksheet["pageSetup"]> {
  return {
    paperSize: 9, // A4, the only paper a layout asks for
    orientation: print.landscape ? "landscape" : "portrait",
    ...(print.pagesWide === 1
      ? // 0 pages tall: as many pages down as the rows need; only the width is fitted.
        { fitToPage: true, fitToWidth: 1, fitToHeight: print.pagesTall }
      : { fitToPage: false, scale: print.scale }),
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows[0]}:${print.titleRows[1]}` } : {}),
    ...(print.titleColumns ? { printTitlesColumn: `${columnLetter(print.titleColumns[0])}:${columnLetter(print.titleColumns[1])}` } : {}),
    horizontalCentered: print.centered,
    margins: { ...print.margins },
  };
}

/** The page setup, header and footer of a print layout, on an ExcelJS sheet. */
export function applyPrintLayout(ws: Worksheet, print: PrintLayout): void {
  ws.pageSetup = { ...ws.pageSetup, ...pageSetupOf(print) };
  ws.headerFooter = { ...ws.headerFooter, ...(print.header ? { oddHeader: print.header } : {}), oddFooter: print.footer };
}

/** One report sheet, each part where its layout (src/workbook/layout.ts) puts it. */
export function drawReport(wb: Workbook, report: ReportSheet, replaceable: ReadonlySet<string> = new Set(), layout: SheetLayout = layoutReport(report)): Worksheet {
  const ws = reportWorksheet(wb, report.name, replaceable);
  const { width } = layout;

  const title = ws.getCell(layout.titleRow, 1);
  title.value = report.title;
  title.style = namedStyle(layout.looks.title, false);
  ws.getRow(layout.titleRow).height = layout.titleHeight;
  if (layout.subtitleRow !== undefined && report.subtitle) {
    const sub = ws.getCell(layout.subtitleRow, 1);
    sub.value = report.subtitle;
    sub.style = namedStyle(layout.looks.subtitle, false);
  }
  for (const row of layout.mergedRows) ws.mergeCells(row, 1, row, width);

  report.columns.forEach((col, i) => {
    const c = ws.getCell(layout.headerRow, i + 1);
    c.value = col.header;
    c.style = namedStyle(layout.looks.header, true);
  });

  const rowLooks = new Map(layout.rowLooks.map((r) => [r.index, r.look]));
  report.rows.forEach((cells, i) => {
    const row = ws.getRow(layout.firstDataRow + i);
    const look = rowLooks.get(i) ?? "plain";
    report.columns.forEach((_col, j) => {
      const v = cells[j] ?? null;
      const c = row.getCell(j + 1);
      c.value = excelValue(v);
      c.style = namedStyle(look, true, cellNumberFormat(v, layout.numberFormats[j]));
    });
  });

  // Notes are text even when they begin with "-" or "=", as a bullet list often does.
  (report.notes ?? []).forEach((note, i) => writePlanCell(ws.getCell(layout.noteRows[i], 1), note));
  if (layout.signatureRow !== undefined) ws.getCell(layout.signatureRow, 1).value = layout.signature;

  layout.columnWidths.forEach((chars, j) => setWidth(ws, j + 1, chars));
  for (const col of layout.hiddenColumns) ws.getColumn(col).hidden = true;
  applyPrintLayout(ws, layout.print);
  const frozen = layout.freezeRows;
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}`, activeCell: `A${frozen + 1}` }];

  // ExcelJS cannot write charts: writeXlsxAtomic adds them to the bytes (src/cli/charts.ts).
  return ws;
}

/** Merged areas of a sheet, 1-based. */
function mergedAreas(ws: Worksheet): { top: number; left: number; bottom: number; right: number; range: string }[] {
  const merges = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number }; range?: string }> })._merges ?? {};
  return Object.values(merges)
    .filter((m) => m?.model)
    .map((m) => ({ ...m.model!, range: m.range ?? "" }));
}

/**
 * A result column may not run through a merged area: ExcelJS writes a value given to any cell of
 * the area into its top-left cell, which would overwrite the user's text with each row in turn.
 */
function refuseMergedTargets(ws: Worksheet, block: ResultBlock): void {
  const top = block.headerRow;
  const bottom = block.rows.reduce((b, r) => Math.max(b, r.row), top);
  for (const m of mergedAreas(ws)) {
    if (m.bottom < top || m.top > bottom) continue;
    const hit = block.columns.find((c) => c.col >= m.left && c.col <= m.right);
    if (hit)
      throw new XlsxError(
        "notWritten",
        `结果列“${hit.header}”要写入的位置与工作表“${ws.name}”中的合并单元格 ${m.range} 重叠。请取消这个合并单元格，或把它移到表格以外，再运行`,
        `the result column "${hit.header}" would run through the merged cells ${m.range} of sheet "${ws.name}"; unmerge them or move them away from the table, then run again`,
      );
  }
}

/** The reports drawn into a workbook, so writing it adds their charts, which ExcelJS cannot hold. */
const drawnReports = new WeakMap<Workbook, { report: ReportSheet; layout: SheetLayout }[]>();

/**
 * Draws the whole plan into the workbook: result columns into the user's sheets, then the report
 * sheets. Checks first, so a plan that would collide with the user's sheets changes nothing.
 */
export function drawPlan(wb: Workbook, plan: Plan): void {
  const problem = sheetProblem(plan.results, plan.reports, wb.worksheets.map((w) => w.name), plan.replaceable);
  if (problem?.kind === "resultsIntoReport") throw new Error(`the plan writes results into sheet "${problem.sheet}" and also replaces it with a report`);
  if (problem?.kind === "missing") throw new Error(`the plan writes results into sheet "${problem.sheet}", which the workbook does not have`);
  if (problem?.kind === "taken") throw userSheet(problem.sheet);
  for (const block of plan.results) {
    const ws = wb.getWorksheet(block.sheet);
    if (!ws) throw new Error(`the plan writes results into sheet "${block.sheet}", which the workbook does not have`);
    refuseMergedTargets(ws, block);
  }
  const replaceable = new Set(plan.replaceable.map((n) => n.toLowerCase()));
  // A layout that cannot be drawn (a chart outside its report) is said before anything is written.
  const layouts = plan.reports.map(layoutReport);
  try {
    for (const block of plan.results) drawResults(wb, block);
    plan.reports.forEach((rep, i) => drawReport(wb, rep, replaceable, layouts[i]));
    drawnReports.set(wb, plan.reports.map((report, i) => ({ report, layout: layouts[i] })));
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    // ExcelJS failing inside a user's workbook: said in words, its own kept for KAOHE_DEBUG=1.
    throw drawFailure(e);
  }
}

/** A new ExcelJS workbook holding plain sheets (the merged county table): header row bold, values as they are. */
export function workbookFromData(data: WorkbookData, headerRows: Record<string, number> = {}): Workbook {
  const wb = new Workbook();
  for (const sheet of data.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const widths: number[] = [];
    sheet.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        writePlanCell(ws.getCell(r + 1, c + 1), v);
        widths[c] = Math.max(widths[c] ?? 0, textWidth(shownText(v)));
      });
    });
    const header = Object.hasOwn(headerRows, sheet.name) ? headerRows[sheet.name] : undefined;
    if (header) {
      ws.getRow(header).eachCell((c) => {
        c.style = headerStyle();
      });
      ws.views = [{ state: "frozen", xSplit: 0, ySplit: header }];
    }
    widths.forEach((w, c) => setWidth(ws, c + 1, Math.min(40, Math.max(6, w + 2))));
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return wb;
}

/**
 * The workbook as .xlsx bytes, with the charts of the reports drawPlan drew into it (ExcelJS cannot
 * write charts). `name` is the file the bytes are for, named in a failure's message.
 */
export async function workbookToBytes(wb: Workbook, name: string): Promise<Uint8Array> {
  const restore = escapeUnwritableText(wb);
  try {
    const written: unknown = await wb.xlsx.writeBuffer();
    // Node gives a Buffer (a Uint8Array already), a browser an ArrayBuffer.
    const bytes = written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer);
    const reports = drawnReports.get(wb);
    return reports ? await addCharts(bytes, reports) : bytes;
  } catch (e) {
    throw writeFailure(name, e);
  } finally {
    restore();
  }
}
