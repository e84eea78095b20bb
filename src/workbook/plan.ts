// The plan: what a computed assessment writes into a workbook, as plain data that Office.js and ExcelJS draw alike.

/**
 * A cell to write. A string is always written as text, even when it begins with = + - or @ (never a
 * formula); a formula is written only as { formula }, with the value the pipeline computed for hosts
 * that cannot calculate it.
 */
export type PlanCell = string | number | boolean | null | { formula: string; result: string | number | boolean | null };

/** Number formats the plan uses, in Excel's syntax. */
export const formats = {
  integer: "0",
  score: "0.00",
  percent: "0.0%",
  /** A percent rank as Excel shows PERCENTRANK: three decimals. */
  fraction: "0.000",
  money: "#,##0.00",
  date: "yyyy-mm-dd",
  text: "@",
} as const;

export type FormatName = keyof typeof formats;

export interface PlanColumn {
  header: string;
  /** Other headers of the same result in a user's table (an earlier template's 排名): the result is written there, under `header`. */
  aliases?: readonly string[];
  format?: FormatName;
  /** Characters; the drawers turn it into the host's unit. */
  width?: number;
  /** Kept for the program to read back, neither shown nor printed (the 考核方案 sheet's 键). */
  hidden?: boolean;
}

/** A result column: where it goes in the user's sheet. */
export interface ResultColumn extends PlanColumn {
  /** 1-based column: a column of the table that already has this header, else the next free one on its right. */
  col: number;
}

/** Result columns written beside the user's table, one value per data row. */
export interface ResultBlock {
  sheet: string;
  /** 1-based row of the table's header. */
  headerRow: number;
  columns: ResultColumn[];
  /** By data row: the 1-based Excel row, and one cell per column (in the order of columns). */
  rows: { row: number; cells: PlanCell[] }[];
}

export type ChartKind = "column" | "bar" | "pie";

/** A chart drawn from a block of a report sheet: categories in one column, each series in another. */
export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** 0-based index into the report's rows and columns of the data block the chart reads. */
  firstRow: number;
  lastRow: number;
  categoryCol: number;
  seriesCols: number[];
}

export interface ReportSheet {
  name: string;
  title: string;
  /** A line under the title: the scheme and the date. */
  subtitle?: string;
  columns: PlanColumn[];
  rows: PlanCell[][];
  /** Row indexes (into rows) drawn bold, e.g. a totals row. */
  strongRows?: number[];
  /** Row indexes drawn as a warning (over quota, a check that failed). */
  warnRows?: number[];
  /** Lines printed below the table (notes, checks). */
  notes?: string[];
  /** 制表人 / 审核人 / 日期 lines for printing. */
  signatures?: boolean;
  landscape?: boolean;
  charts?: ChartSpec[];
}

export interface Summary {
  kind: string;
  title: string;
  rows: number;
  /** Lines for a one-screen summary, in Chinese and English. */
  zh: string[];
  en: string[];
}

export interface Plan {
  results: ResultBlock[];
  reports: ReportSheet[];
  /**
   * Sheets already in the workbook that drawing may replace: report sheets an earlier run drew (listed
   * in its 审计 sheet) and the scheme sheet. Any other sheet is the user's and is never overwritten;
   * a report whose name a user's sheet has takes another name ("汇总（考核）").
   */
  replaceable: string[];
  summary: Summary;
}

/** The report sheets' names; a user's own sheet of the same name is never replaced (see Plan.replaceable). */
export const reportSheetNames = {
  summary: "汇总",
  quota: "配额核查",
  pay: "绩效工资发放表",
  ranking: "排名",
  ledger: "组织生活落实情况",
  audit: "审计",
  scheme: "考核方案",
  notice: "公示",
  commendation: "表彰名单",
  helpers: "帮扶名单",
} as const;

/** The row of the 审计 sheet that lists the report sheets a run drew, so the next run knows they are its own. */
export const OWNED_SHEETS_KEY = "报表工作表";

// ---------------------------------------------------------------- widths

/** Display width of text in Excel's character units: a Chinese character (and full-width punctuation) takes two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2018-\u201d\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}

/** A cell as Excel would show it, for fitting its column. */
export function shownText(v: PlanCell): string {
  if (v === null) return "";
  if (typeof v === "object") return v.result === null ? "" : String(v.result);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return String(v);
}

/**
 * A column's width in characters, fitted to its header and a sample of its values (both hosts fit it
 * so). A width the plan gives is kept for numbers, and is the least a text column takes: text widens
 * to its widest value (up to 50), so a long 职务 or unit name is never cut off at the cell's edge.
 */
export function columnWidth(col: PlanColumn, values: readonly PlanCell[]): number {
  const text = col.format === undefined || col.format === "text";
  if (col.width !== undefined && !text) return col.width;
  let w = textWidth(col.header);
  const step = Math.max(1, Math.floor(values.length / 500));
  for (let i = 0; i < values.length; i += step) w = Math.max(w, textWidth(shownText(values[i])));
  const fitted = Math.min(50, Math.max(6, w + 2));
  return col.width === undefined ? fitted : Math.max(col.width, fitted);
}
