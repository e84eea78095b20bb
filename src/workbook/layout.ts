// Where each part of a report sheet goes and how it looks, decided once: the add-in and the command line only draw it.
import { colors, SIGNATURE_LINE, type LookName } from "./look";
import { columnWidth, formats, textWidth, type FormatName, type PlanCell, type PlanColumn, type ReportSheet } from "./plan";
import { printLayout, type PrintLayout } from "./print";

/** Points: the title row is taller, for its 16-point font. */
export const TITLE_HEIGHT = 30;
/** Rows a chart takes below the table; one row is left between charts. */
export const CHART_ROWS = 16;
/** Charts are at least this many columns wide, so a narrow report's chart can still be read. */
const CHART_COLUMNS = 8;

export type { PrintLayout } from "./print";

/** The print setup of a template sheet the add-in inserts: fitted to its widths as a report is. */
export function pageSetup(landscape: boolean, titleRows?: [number, number], widths: readonly number[] = []): PrintLayout {
  return printLayout({ widths, landscape, ...(titleRows ? { titleRows } : {}) });
}

/** A chart's place, 1-based rows and columns, corners included, and the columns (0-based) it draws as series. */
export interface ChartPlace {
  top: number;
  bottom: number;
  right: number;
  seriesCols: number[];
}

/** A report sheet as the hosts draw it: every position 1-based, every width in characters. */
export interface SheetLayout {
  /** Columns the title, subtitle and table span: at least one. */
  width: number;
  titleRow: number;
  /** Points. */
  titleHeight: number;
  subtitleRow?: number;
  headerRow: number;
  firstDataRow: number;
  /** Rows merged across the width (title, subtitle); none when the report has one column. */
  mergedRows: number[];
  /** Rows of the notes, after a blank row below the table. */
  noteRows: number[];
  /** The signature line's row, after a blank row, when the report is signed. */
  signatureRow?: number;
  signature: string;
  /** First row free below everything. */
  below: number;
  charts: ChartPlace[];
  /** By column: its width in characters and its number format (undefined: the cell's own). */
  columnWidths: number[];
  /** 1-based columns hidden from view and from print. */
  hiddenColumns: number[];
  numberFormats: (string | undefined)[];
  looks: { title: LookName; subtitle: LookName; header: LookName };
  /** Data rows drawn other than plain, 0-based into the report's rows, in order. */
  rowLooks: { index: number; look: LookName }[];
  /** Thin borders of this colour around every cell from the header row to the last data row. */
  border: string;
  /** Rows frozen at the top: up to the header. */
  freezeRows: number;
  print: PrintLayout;
}

/** A column's number format in Excel's syntax; undefined leaves the cell's own. */
export const columnFormat = (col: PlanColumn): string | undefined => (col.format ? formats[col.format] : undefined);

/** A string that Excel would take for a formula if a person re-entered it (F2, Enter). */
const formulaLike = /^[=+\-@]/;

/** A plan cell's number format: its column's, or Text for text that looks like a formula, so editing it in Excel keeps it text. */
export function cellNumberFormat(v: PlanCell, format: string | undefined): string | undefined {
  return typeof v === "string" && formulaLike.test(v) ? formats.text : format;
}

/** A plan that draws a chart from outside its report is wrong, and said so before anything is drawn. */
function checkCharts(report: ReportSheet): void {
  for (const c of report.charts ?? []) {
    const cols = [c.categoryCol, ...c.seriesCols];
    if (c.seriesCols.length === 0 || c.firstRow < 0 || c.lastRow < c.firstRow || c.lastRow >= report.rows.length || cols.some((k) => k < 0 || k >= report.columns.length))
      throw new Error(`the plan's chart "${c.title}" on report "${report.name}" reads rows ${c.firstRow}–${c.lastRow}, columns ${cols.join(",")}, outside the report`);
  }
}

/** A number as its column's format shows it (thousands separators, percent, decimals), for fitting the column. */
export function formattedText(v: PlanCell, format: FormatName | undefined): string {
  const n = v !== null && typeof v === "object" ? v.result : v;
  if (typeof n !== "number" || !Number.isFinite(n) || format === undefined || format === "text" || format === "date") return n === null || n === undefined ? "" : String(n);
  const fixed = (x: number, d: number) => x.toFixed(d);
  switch (format) {
    case "integer":
      return fixed(n, 0);
    case "score":
      return fixed(n, 2);
    case "fraction":
      return fixed(n, 3);
    case "percent":
      return `${fixed(n * 100, 1)}%`;
    case "money":
      return n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
}

/**
 * A column's printed width: the plan's fitted width, and for numbers at least their header and
 * their widest formatted value (a bold totals row is a little wider), so no total prints as ###.
 */
function printedWidth(col: PlanColumn, values: readonly PlanCell[]): number {
  const w = columnWidth(col, values);
  if (col.format === undefined || col.format === "text" || col.format === "date") return w;
  let widest = textWidth(col.header);
  for (const v of values) widest = Math.max(widest, textWidth(formattedText(v, col.format)));
  return Math.max(w, Math.min(50, widest + 3));
}

export function layoutReport(report: ReportSheet): SheetLayout {
  checkCharts(report);
  const width = Math.max(1, report.columns.length);
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
  const below = r + 1;

  const charts: ChartPlace[] = [];
  let top = below;
  for (const spec of report.charts ?? []) {
    // A pie shows one series; the others would be drawn nowhere.
    const seriesCols = spec.kind === "pie" ? spec.seriesCols.slice(0, 1) : spec.seriesCols;
    charts.push({ top, bottom: top + CHART_ROWS - 1, right: Math.max(width, CHART_COLUMNS), seriesCols });
    top += CHART_ROWS + 1;
  }

  const strong = new Set(report.strongRows ?? []);
  const warn = new Set(report.warnRows ?? []);
  const rowLooks = [...new Set([...strong, ...warn])]
    .filter((i) => i >= 0 && i < report.rows.length)
    .sort((a, b) => a - b)
    .map((index) => ({ index, look: (warn.has(index) ? (strong.has(index) ? "strongWarn" : "warn") : "strong") as LookName }));

  const columnWidths = report.columns.map((col, j) =>
    printedWidth(
      col,
      report.rows.map((row) => row[j] ?? null),
    ),
  );

  return {
    width,
    titleRow,
    titleHeight: TITLE_HEIGHT,
    subtitleRow,
    headerRow,
    firstDataRow,
    mergedRows: width > 1 ? [titleRow, ...(subtitleRow === undefined ? [] : [subtitleRow])] : [],
    noteRows,
    signatureRow,
    signature: SIGNATURE_LINE,
    below,
    charts,
    columnWidths,
    hiddenColumns: report.columns.flatMap((c, j) => (c.hidden ? [j + 1] : [])),
    numberFormats: report.columns.map(columnFormat),
    looks: { title: "title", subtitle: "subtitle", header: "header" },
    rowLooks,
    border: colors.border,
    freezeRows: headerRow,
    print: printLayout({
      // A hidden column takes no paper.
      widths: columnWidths.map((w, j) => (report.columns[j]?.hidden ? 0 : w)),
      headers: report.columns.map((c) => c.header),
      titleRows: [headerRow, headerRow],
      title: report.title,
      landscape: Boolean(report.landscape),
    }),
  };
}
