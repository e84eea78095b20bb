// A worksheet as plain data, the same whether it came from Office.js or from an .xlsx file, and the problems found in it.

/** A cell's value as both hosts give it: dates arrive as Excel serial numbers, formulas as their results. */
export type CellValue = string | number | boolean | null;

/** A merged area, 0-based and inclusive. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  name: string;
  /** Row-major values from A1; rows may be ragged. */
  rows: CellValue[][];
  merges?: MergeArea[];
  /**
   * Cells (0-based) holding a formula the file keeps no result for (saved by a script, or with manual
   * calculation): their value above is null, and reading one as blank would be a silent wrong number.
   */
  uncached?: { row: number; col: number }[];
  /** The host could not say which cells are merged (Excel before ExcelApi 1.13): a blank group cell may be inside one. */
  mergesUnknown?: boolean;
}

export interface WorkbookData {
  sheets: SheetData[];
  /** The scheme stored in the workbook, as JSON text, if any. */
  schemeJson?: string;
}

/** One problem with the data, where a person can find it. */
export interface Problem {
  sheet: string;
  /** 1-based Excel row; 0 when the problem is about the sheet as a whole. */
  row: number;
  /** 1-based column; 0 when not about one column. */
  col: number;
  /** The column's header as the workbook spells it. */
  header?: string;
  zh: string;
  en: string;
}

/** "A", "B", …, "Z", "AA", … for a 1-based column number. */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The 1-based column number of letters: "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B1:C2" (or "$B$1", one cell) → 0-based { top: 0, left: 1, bottom: 1, right: 2 }; undefined when it is not an address. */
export function parseArea(ref: string): MergeArea | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const left = columnNumber(m[1]) - 1;
  const top = Number(m[2]) - 1;
  const right = m[3] ? columnNumber(m[3]) - 1 : left;
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** "工作表 乡镇干部 第12行 C列（得分）" / "sheet 乡镇干部, row 12, column C (得分)". */
export function problemPlace(p: Problem, locale: "zh-CN" | "en-US"): string {
  const zh = locale === "zh-CN";
  const parts: string[] = [zh ? `工作表“${p.sheet}”` : `sheet "${p.sheet}"`];
  if (p.row > 0) parts.push(zh ? `第${p.row}行` : `row ${p.row}`);
  if (p.col > 0) parts.push((zh ? `${columnLetter(p.col)}列` : `column ${columnLetter(p.col)}`) + (p.header ? (zh ? `（${p.header}）` : ` (${p.header})`) : ""));
  return parts.join(zh ? " " : ", ");
}

export function describeDataProblem(p: Problem, locale: "zh-CN" | "en-US"): string {
  return `${problemPlace(p, locale)}${locale === "zh-CN" ? "：" : ": "}${locale === "zh-CN" ? p.zh : p.en}`;
}

const filled = new WeakMap<SheetData, CellValue[][]>();

/**
 * The rows with every merged area's value filled into all its cells (a branch name merged over its
 * members). Computed once per sheet: finding a table tries each kind on the same sheets.
 */
export function fillMerges(sheet: SheetData): CellValue[][] {
  const known = filled.get(sheet);
  if (known) return known;
  if (!sheet.merges?.length) {
    filled.set(sheet, sheet.rows);
    return sheet.rows;
  }
  // Only the rows a merged area crosses are copied: the rest are shared, as they are when there are no
  // merges (a template's header band would otherwise copy all 100,000 data rows).
  const rows = sheet.rows.slice();
  const copied = new Set<number>();
  for (const m of sheet.merges ?? []) {
    const v = rows[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      if (!copied.has(r)) {
        rows[r] = rows[r] ? [...rows[r]] : [];
        copied.add(r);
      }
      for (let c = m.left; c <= m.right; c++) rows[r][c] = v;
    }
  }
  filled.set(sheet, rows);
  return rows;
}
