// One report sheet drawn with Office.js where its layout (src/workbook/layout.ts) puts each part: replaced whole, then title, header, rows in chunks, notes, signatures, widths, print setup and charts.
import { columnLetter } from "../workbook/sheet";
import { layoutReport, type SheetLayout } from "../workbook/layout";
import { looks, type LookName } from "../workbook/look";
import type { ChartKind, PlanCell, ReportSheet } from "../workbook/plan";
import { a1, cellFormat, cellInput, charsToPoints, elementBytes, textInput, type CellInput } from "./cells";
import { splitChunks, STATEMENT_BYTES, type ChunkLimits } from "./chunks";
import { applyLook, printLayout, thinBorders } from "./look";
import { supports, type Session } from "./session";

const chartTypes: Record<ChartKind, Excel.ChartType> = {
  column: "ColumnClustered" as Excel.ChartType,
  bar: "BarClustered" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
};

export interface ReportJob {
  report: ReportSheet;
  layout: SheetLayout;
  chunks: [number, number][];
  draw(session: Session, old: { name: string; position: number } | undefined, checkStop: () => void, step: () => Promise<void>): Promise<void>;
}

/** Requests a report takes: one per chunk of rows, and one for a report without rows. */
export const reportChunks = (job: ReportJob) => Math.max(1, job.chunks.length);

/** Consecutive rows with the same look, so each run is one format call: [first, end, look]. */
function runsOf(rowLooks: SheetLayout["rowLooks"]): [number, number, LookName][] {
  const out: [number, number, LookName][] = [];
  for (const { index, look } of rowLooks) {
    const last = out[out.length - 1];
    if (last && last[1] === index && last[2] === look) last[1] = index + 1;
    else out.push([index, index + 1, look]);
  }
  return out;
}

/** Format statements a row's look takes: bold 3, a warning's fill and font 4. */
const lookStatements = (look: LookName | undefined) => (look === undefined ? 0 : (looks[look].bold ? 3 : 0) + (looks[look].fill ? 4 : 0));

export function reportJob(report: ReportSheet, limits: ChunkLimits): ReportJob {
  const layout = layoutReport(report);
  const { width } = layout;
  const formats = layout.numberFormats;
  const rowLooks = new Map(layout.rowLooks.map((r) => [r.index, r.look]));
  const sizes = report.rows.map((row, i) => {
    // A bold or warning row may start a run of its own: a range and its format settings.
    let bytes = 6 + lookStatements(rowLooks.get(i)) * STATEMENT_BYTES;
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
    sizes[sizes.length - 1] += (30 + 3 * width) * STATEMENT_BYTES + notes + charts + text(layout.signature);
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
    ws.getRange(a1(layout.titleRow, 1)).values = [[textInput(report.title)]];
    if (layout.subtitleRow !== undefined && report.subtitle) ws.getRange(a1(layout.subtitleRow, 1)).values = [[textInput(report.subtitle)]];
    for (const row of layout.mergedRows) ws.getRange(a1(row, 1, 1, width)).merge(false);
    const titleRow = ws.getRange(a1(layout.titleRow, 1, 1, width));
    applyLook(titleRow, looks[layout.looks.title]);
    titleRow.format.rowHeight = layout.titleHeight;
    if (layout.subtitleRow !== undefined && report.subtitle) applyLook(ws.getRange(a1(layout.subtitleRow, 1, 1, width)), looks[layout.looks.subtitle]);
    const header = ws.getRange(a1(layout.headerRow, 1, 1, width));
    header.values = [report.columns.map((c) => cellInput(c.header))];
    applyLook(header, looks[layout.looks.header]);
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
    for (const [a, b, look] of runsOf(layout.rowLooks.filter((r) => inChunk(r.index)))) applyLook(ws.getRangeByIndexes(layout.firstDataRow - 1 + a, 0, b - a, width), looks[look]);
  }

  function queueEnd(ws: Excel.Worksheet): void {
    const tableRows = report.rows.length + 1;
    thinBorders(ws.getRangeByIndexes(layout.headerRow - 1, 0, tableRows, width), layout.border, tableRows, width);
    (report.notes ?? []).forEach((note, i) => {
      const cell = ws.getRange(a1(layout.noteRows[i], 1));
      cell.values = [[textInput(note)]];
      // Notes are text even when they begin with "-" or "=", as a bullet list often does.
      const f = cellFormat(note, undefined);
      if (f !== null) cell.numberFormat = [[f]];
    });
    if (layout.signatureRow !== undefined) ws.getRange(a1(layout.signatureRow, 1)).values = [[layout.signature]];
    layout.columnWidths.forEach((chars, j) => {
      ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = charsToPoints(chars);
    });
    for (const col of layout.hiddenColumns) ws.getRangeByIndexes(0, col - 1, 1, 1).columnHidden = true;
    ws.freezePanes.freezeRows(layout.freezeRows);
    if (supports("1.9")) printLayout(ws, layout.print);
    queueCharts(ws);
  }

  function queueCharts(ws: Excel.Worksheet): void {
    (report.charts ?? []).forEach((spec, i) => {
      const first = layout.firstDataRow - 1 + spec.firstRow;
      const count = spec.lastRow - spec.firstRow + 1;
      const categories = ws.getRangeByIndexes(first, spec.categoryCol, count, 1);
      const place = layout.charts[i];
      const { seriesCols } = place;
      const chart = ws.charts.add(chartTypes[spec.kind], ws.getRangeByIndexes(first, seriesCols[0], count, 1), "Columns" as Excel.ChartSeriesBy);
      chart.title.text = spec.title;
      seriesCols.forEach((col, k) => {
        const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(report.columns[col].header);
        if (k === 0) series.name = report.columns[col].header;
        else series.setValues(ws.getRangeByIndexes(first, col, count, 1));
        series.setXAxisValues(categories);
      });
      chart.setPosition(a1(place.top, 1), `${columnLetter(place.right)}${place.bottom}`);
    });
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
