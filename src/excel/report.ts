// One report sheet drawn with Office.js: replaced whole, then title, header, rows in chunks, notes, signatures, widths, print setup and charts.
import { columnLetter } from "../workbook/sheet";
import type { ChartKind, PlanCell, ReportSheet } from "../workbook/plan";
import { columnWidth } from "../workbook/plan";
import { a1, cellFormat, cellInput, charsToPoints, elementBytes, formatOf, textInput, type CellInput } from "./cells";
import { splitChunks, STATEMENT_BYTES, type ChunkLimits } from "./chunks";
import { colors, headerLook, printSetup, SIGNATURE_LINE, thinBorders } from "./look";
import { supports, type Session } from "./session";

const chartTypes: Record<ChartKind, Excel.ChartType> = {
  column: "ColumnClustered" as Excel.ChartType,
  bar: "BarClustered" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
};

/** Rows a chart takes below the table, and the gap between charts. */
const CHART_ROWS = 16;

/** Where everything of a report goes, 1-based rows: the same layout the command line draws. */
export interface ReportLayout {
  width: number;
  titleRow: number;
  subtitleRow?: number;
  headerRow: number;
  firstDataRow: number;
  /** Rows of the notes, then of the signature line. */
  noteRows: number[];
  signatureRow?: number;
  /** First row free below everything, where the charts go. */
  below: number;
}

export function reportLayout(report: ReportSheet): ReportLayout {
  let r = 1;
  const titleRow = r++;
  const subtitleRow = report.subtitle ? r++ : undefined;
  const headerRow = r++;
  const firstDataRow = r;
  r += report.rows.length;
  const noteRows: number[] = [];
  if (report.notes?.length) {
    r++;
    for (let i = 0; i < report.notes.length; i++) noteRows.push(r++);
  }
  let signatureRow: number | undefined;
  if (report.signatures) {
    r++;
    signatureRow = r++;
  }
  return { width: Math.max(1, report.columns.length), titleRow, subtitleRow, headerRow, firstDataRow, noteRows, signatureRow, below: r + 1 };
}

export interface ReportJob {
  report: ReportSheet;
  layout: ReportLayout;
  chunks: [number, number][];
  draw(session: Session, old: { name: string; position: number } | undefined, checkStop: () => void, step: () => Promise<void>): Promise<void>;
}

/** Requests a report takes: one per chunk of rows, and one for a report without rows. */
export const reportChunks = (job: ReportJob) => Math.max(1, job.chunks.length);

function checkCharts(report: ReportSheet): void {
  for (const c of report.charts ?? []) {
    const cols = [c.categoryCol, ...c.seriesCols];
    if (c.seriesCols.length === 0 || c.firstRow < 0 || c.lastRow < c.firstRow || c.lastRow >= report.rows.length || cols.some((k) => k < 0 || k >= report.columns.length))
      throw new Error(`the plan's chart "${c.title}" on report "${report.name}" reads rows ${c.firstRow}–${c.lastRow}, columns ${cols.join(",")}, outside the report`);
  }
}

/** Consecutive row indexes with the same look, so each run is one format call. */
function runsOf(indexes: readonly number[]): [number, number][] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

export function reportJob(report: ReportSheet, limits: ChunkLimits): ReportJob {
  checkCharts(report);
  const layout = reportLayout(report);
  const { width } = layout;
  const formats = report.columns.map(formatOf);
  const strong = new Set(report.strongRows ?? []);
  const warn = new Set(report.warnRows ?? []);
  const sizes = report.rows.map((row, i) => {
    // A bold or warning row may start a run of its own: a range and its format settings.
    let bytes = 6 + (strong.has(i) ? 3 : 0) * STATEMENT_BYTES + (warn.has(i) ? 4 : 0) * STATEMENT_BYTES;
    for (let j = 0; j < width; j++) {
      const v = row[j] ?? null;
      bytes += elementBytes(cellInput(v)) + elementBytes(cellFormat(v, formats[j]));
    }
    return bytes;
  });
  if (sizes.length > 0) {
    const text = (s: string | undefined) => (s ? elementBytes(textInput(s)) : 0);
    // The sheet, title, subtitle and header go with the first rows; notes, widths, print setup and charts with the last.
    sizes[0] += 30 * STATEMENT_BYTES + text(report.title) + text(report.subtitle) + report.columns.reduce((n, c) => n + text(c.header), 0);
    const charts = (report.charts ?? []).reduce((n, c) => n + (6 + 4 * c.seriesCols.length) * STATEMENT_BYTES + text(c.title), 0);
    const notes = (report.notes ?? []).reduce((n, s) => n + 4 * STATEMENT_BYTES + text(s), 0);
    sizes[sizes.length - 1] += (30 + 3 * width) * STATEMENT_BYTES + notes + charts + text(SIGNATURE_LINE);
  }
  const chunks = splitChunks(sizes, limits, 4 * STATEMENT_BYTES);

  /** Replaces the sheet: a fresh one takes the old one's place among the tabs. */
  function replaceSheet(session: Session, old: { name: string; position: number } | undefined): Excel.Worksheet {
    const sheets = session.context.workbook.worksheets;
    if (!old) return sheets.add(report.name);
    // Added before the old one goes, so a workbook whose only sheet is this report never has none.
    const fresh = sheets.add(`~${report.name.slice(0, 29)}~`);
    sheets.getItem(old.name).delete();
    fresh.name = report.name;
    fresh.position = old.position;
    return fresh;
  }

  function queueTop(ws: Excel.Worksheet): void {
    const title = ws.getRange(a1(layout.titleRow, 1));
    title.values = [[textInput(report.title)]];
    const titleRow = ws.getRange(a1(layout.titleRow, 1, 1, width));
    if (width > 1) titleRow.merge(false);
    titleRow.format.font.bold = true;
    titleRow.format.font.size = 16;
    titleRow.format.horizontalAlignment = "Center";
    titleRow.format.verticalAlignment = "Center";
    titleRow.format.rowHeight = 30;
    if (layout.subtitleRow !== undefined && report.subtitle) {
      ws.getRange(a1(layout.subtitleRow, 1)).values = [[textInput(report.subtitle)]];
      const sub = ws.getRange(a1(layout.subtitleRow, 1, 1, width));
      if (width > 1) sub.merge(false);
      sub.format.font.size = 10;
      sub.format.font.color = colors.subtitle;
      sub.format.horizontalAlignment = "Center";
      sub.format.verticalAlignment = "Center";
    }
    const header = ws.getRange(a1(layout.headerRow, 1, 1, width));
    header.values = [report.columns.map((c) => cellInput(c.header))];
    headerLook(header);
  }

  function queueRows(ws: Excel.Worksheet, [start, end]: [number, number]): void {
    const n = end - start;
    const values: CellInput[][] = [];
    const numberFormats: (string | null)[][] = [];
    let anyFormat = false;
    for (let i = start; i < end; i++) {
      const row = report.rows[i];
      const v: CellInput[] = [];
      const f: (string | null)[] = [];
      for (let j = 0; j < width; j++) {
        const cell: PlanCell = row[j] ?? null;
        v.push(cellInput(cell));
        const fmt = cellFormat(cell, formats[j]);
        f.push(fmt);
        if (fmt !== null) anyFormat = true;
      }
      values.push(v);
      numberFormats.push(f);
    }
    const range = ws.getRangeByIndexes(layout.firstDataRow - 1 + start, 0, n, width);
    range.values = values;
    if (anyFormat) range.numberFormat = numberFormats;
    const inChunk = (i: number) => i >= start && i < end;
    for (const [a, b] of runsOf([...warn].filter(inChunk))) {
      const r = ws.getRangeByIndexes(layout.firstDataRow - 1 + a, 0, b - a, width);
      r.format.fill.color = colors.warnFill;
      r.format.font.color = colors.warnFont;
    }
    for (const [a, b] of runsOf([...strong].filter(inChunk))) ws.getRangeByIndexes(layout.firstDataRow - 1 + a, 0, b - a, width).format.font.bold = true;
  }

  function queueEnd(ws: Excel.Worksheet): void {
    const tableRows = report.rows.length + 1;
    thinBorders(ws.getRangeByIndexes(layout.headerRow - 1, 0, tableRows, width), colors.border, tableRows, width);
    (report.notes ?? []).forEach((note, i) => {
      const cell = ws.getRange(a1(layout.noteRows[i], 1));
      cell.values = [[textInput(note)]];
      // Notes are text even when they begin with "-" or "=", as a bullet list often does.
      const f = cellFormat(note, undefined);
      if (f !== null) cell.numberFormat = [[f]];
    });
    if (layout.signatureRow !== undefined) ws.getRange(a1(layout.signatureRow, 1)).values = [[SIGNATURE_LINE]];
    report.columns.forEach((col, j) => {
      ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = charsToPoints(
        columnWidth(
          col,
          report.rows.map((row) => row[j] ?? null),
        ),
      );
    });
    ws.freezePanes.freezeRows(layout.headerRow);
    if (supports("1.9")) printSetup(ws, Boolean(report.landscape), `$${layout.headerRow}:$${layout.headerRow}`);
    queueCharts(ws);
  }

  function queueCharts(ws: Excel.Worksheet): void {
    let top = layout.below;
    for (const spec of report.charts ?? []) {
      const first = layout.firstDataRow - 1 + spec.firstRow;
      const count = spec.lastRow - spec.firstRow + 1;
      const categories = ws.getRangeByIndexes(first, spec.categoryCol, count, 1);
      // A pie shows one series; the others would be drawn nowhere.
      const seriesCols = spec.kind === "pie" ? spec.seriesCols.slice(0, 1) : spec.seriesCols;
      const chart = ws.charts.add(chartTypes[spec.kind], ws.getRangeByIndexes(first, seriesCols[0], count, 1), "Columns" as Excel.ChartSeriesBy);
      chart.title.text = spec.title;
      seriesCols.forEach((col, k) => {
        const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(report.columns[col].header);
        if (k === 0) series.name = report.columns[col].header;
        else series.setValues(ws.getRangeByIndexes(first, col, count, 1));
        series.setXAxisValues(categories);
      });
      chart.setPosition(a1(top, 1), `${columnLetter(Math.max(width, 8))}${top + CHART_ROWS - 1}`);
      top += CHART_ROWS + 1;
    }
  }

  return {
    report,
    layout,
    chunks,
    async draw(session, old, checkStop, step) {
      checkStop();
      const ws = replaceSheet(session, old);
      queueTop(ws);
      if (chunks.length === 0) {
        queueEnd(ws);
        await step();
        return;
      }
      for (let c = 0; c < chunks.length; c++) {
        if (c > 0) checkStop();
        queueRows(ws, chunks[c]);
        if (c === chunks.length - 1) queueEnd(ws);
        await step();
      }
    },
  };
}
