// The one coercion layer: Excel arguments in, core inputs out; core errors out as Excel errors in the user's language.
import { RuleError, valueError, type ErrorCode } from "../core/errors";
import type { Locale, MessageParams } from "../core/messages";
import { toRatio, type Ratio } from "../core/exact";
import { normaliseText, parseNumericText } from "../core/text";
import { toExcelDate } from "../core/dates";
import { numberText } from "../core/number-text";

export { normaliseText, parseNumericText };

/** An Excel error as a custom function returns it; outside Excel a plain object of the same shape. */
export interface ExcelError {
  code: ErrorCode;
  message: string;
}

type Cell = unknown;

/** The user's language: Office's display language when running in Office, Chinese otherwise. */
export function userLocale(): Locale {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const lang = office?.context?.displayLanguage;
  if (typeof lang === "string" && lang !== "" && !lang.toLowerCase().startsWith("zh")) return "en-US";
  return "zh-CN";
}

const errorCodeNames: Record<ErrorCode, string> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
};

/** An Excel error value: CustomFunctions.Error inside Excel, { code, message } elsewhere. */
export function excelError(code: ErrorCode, message: string): ExcelError {
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (cf?.Error && cf.ErrorCode) {
    const enumName = errorCodeNames[code] as keyof typeof CustomFunctions.ErrorCode;
    // Only #VALUE! and #N/A display a message; Excel rejects one on the others.
    const withMessage = code === "#VALUE!" || code === "#N/A";
    return new cf.Error(cf.ErrorCode[enumName], withMessage ? message : undefined) as unknown as ExcelError;
  }
  return { code, message };
}

/**
 * Turn anything thrown into an Excel error; a bug still becomes #VALUE!, never an escaped exception.
 * A RangeError (a stack, string or array too large) means the data outgrew the engine, which a user
 * can act on; anything else is a defect to report, with the engine's words kept for the maintainer.
 */
export function toExcelError(e: unknown, locale: Locale = userLocale()): ExcelError {
  if (e instanceof RuleError) return excelError(e.code, e.describe(locale));
  const detail = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError)
    return excelError(
      "#VALUE!",
      locale === "zh-CN"
        ? `计算出错：数据量超出本函数能处理的范围（${detail}）；请缩小所选区域或分批计算`
        : `Calculation failed: the data is more than this function can handle (${detail}); select a smaller range or compute in parts`,
    );
  return excelError(
    "#VALUE!",
    locale === "zh-CN" ? `计算出错：程序未能处理这些参数（${detail}）；请把公式和数据报告给维护人员` : `Calculation failed: the program could not handle these arguments (${detail}); report the formula and data to the maintainers`,
  );
}

export function isExcelError(v: unknown): v is ExcelError {
  return typeof v === "object" && v !== null && "code" in v && typeof (v as ExcelError).code === "string";
}

/** Run a function body; any RuleError becomes the Excel error it names. Per-cell RuleErrors in a grid too. */
export function guard<R>(body: () => R): R | ExcelError {
  const locale = userLocale();
  try {
    const result = body();
    if (Array.isArray(result) && result.some((row) => Array.isArray(row) && row.some((c) => c instanceof RuleError))) {
      // Only a grid that holds an error is copied; the common all-values spill is returned as it is.
      return result.map((row) =>
        Array.isArray(row) ? row.map((c) => (c instanceof RuleError ? toExcelError(c, locale) : c)) : row,
      ) as R;
    }
    return result;
  } catch (e) {
    return toExcelError(e, locale);
  }
}

// ---------------------------------------------------------------- cells

export function isBlank(v: Cell): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "string" && v.trim() === "");
}

/** The code of an Excel error value handed over in a cell (#N/A, #REF!…), or undefined for any other value. */
export function cellErrorCode(v: Cell): string | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Refuse an error value with its place: it is never read as a blank, a 0 or a label. */
function refuseError(v: Cell, at: MessageParams): void {
  const code = cellErrorCode(v);
  if (code !== undefined) throw valueError("errorValue", { ...at, value: code });
}

/** A cell's value as a message quotes it: never "[object Object]" or "1e+308". */
export function cellText(v: Cell): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (Array.isArray(v)) return "（区域）";
  return cellErrorCode(v) ?? "（无法识别的值）";
}

/**
 * An argument that takes one value: a 1 × 1 range is that cell, an empty one is blank; a larger range is
 * refused by name (reading it as text would quote every cell in the message); an error value is refused.
 */
export function scalarArg(v: Cell, arg: string): Cell {
  let single = v;
  if (Array.isArray(single)) {
    const rows = single.length;
    const first: unknown = single[0];
    const cols = rows === 0 ? 0 : Array.isArray(first) ? first.length : 1;
    if (rows === 0 || cols === 0) return null;
    if (rows > 1 || cols > 1) throw valueError("notSingle", { arg, rows, cols });
    single = Array.isArray(single[0]) ? single[0][0] : single[0];
  }
  refuseError(single, { arg });
  return single;
}

/** A grid as Excel passes a range: always 2-D; a single value is a 1 × 1 grid. */
export interface Grid {
  readonly cells: Cell[]; // row-major
  readonly rows: number;
  readonly cols: number;
}

export function grid(value: Cell, arg: string): Grid {
  if (!Array.isArray(value)) return { cells: [value], rows: 1, cols: 1 };
  if (value.length === 0) throw valueError("emptyRange", { arg });
  // Excel's ranges are rectangular; a ragged array from elsewhere takes its widest row, short rows blank.
  let cols = 0;
  for (const row of value) cols = Math.max(cols, Array.isArray(row) ? row.length : 1);
  if (cols === 0) throw valueError("emptyRange", { arg });
  // Sized once and every slot written (no holes): growing by push costs twice the reading at 100,000 rows.
  const cells = new Array<Cell>(value.length * cols);
  let i = 0;
  for (const row of value) {
    const r = Array.isArray(row) ? row : [row];
    for (let c = 0; c < cols; c++) cells[i++] = r[c];
  }
  return { cells, rows: value.length, cols };
}

/** Position of the i-th cell of a grid, 1-based, as messages name it. */
export function position(g: Pick<Grid, "cols">, i: number, arg: string): MessageParams {
  return { arg, row: Math.floor(i / g.cols) + 1, col: (i % g.cols) + 1 };
}

/** Lay flat results back into the grid's shape. */
export function reshape<T>(g: Grid, flat: T[]): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < g.rows; r++) out.push(flat.slice(r * g.cols, (r + 1) * g.cols));
  return out;
}

export function sameSize(a: Grid, aName: string, b: Grid, bName: string): void {
  if (a.cells.length !== b.cells.length)
    throw valueError("sizeMismatch", { arg: bName, got: b.cells.length, other: aName, expected: a.cells.length });
}

function finite(n: number, at: MessageParams): number {
  if (!Number.isFinite(n)) throw valueError("notFinite", at);
  return n;
}

/**
 * Excel's rule for numbers inside a range (RANK, PERCENTRANK, AVERAGE): numbers count; blanks, text
 * (even "5") and booleans are ignored. Returns the number or undefined for an ignored cell.
 */
export function excelRangeNumber(v: Cell, at: MessageParams): number | undefined {
  if (typeof v === "number") return finite(v, at);
  // Excel's RANK answers an error in its range with that error: never rank around it in silence.
  refuseError(v, at);
  return undefined;
}

/**
 * A score cell: a number, or numeric text ("85", "８５"); blank is null (not 0); any other text or a
 * boolean is an error naming the cell, so 缺考 never silently counts as 0.
 */
export function scoreCell(v: Cell, at: MessageParams): number | null {
  if (isBlank(v)) return null;
  if (typeof v === "number") return finite(v, at);
  if (typeof v === "string") {
    const n = parseNumericText(v);
    if (n !== undefined) return finite(n, at);
  }
  refuseError(v, at);
  throw valueError("notNumber", { ...at, value: cellText(v) });
}

/** Every cell of a range as scores (null for blank). */
export function scoreCells(value: Cell, arg: string): { g: Grid; values: (number | null)[] } {
  const g = grid(value, arg);
  return { g, values: g.cells.map((c, i) => scoreCell(c, position(g, i, arg))) };
}

/** A single numeric argument; omitted (null/undefined/"") gives the default, or an error without one. */
export function numberArg(v: Cell, arg: string, fallback?: number): number {
  const single = scalarArg(v, arg);
  if (isBlank(single)) {
    if (fallback === undefined) throw valueError("required", { arg });
    return fallback;
  }
  if (typeof single === "boolean") return single ? 1 : 0;
  if (typeof single === "number") return finite(single, { arg });
  if (typeof single === "string") {
    const n = parseNumericText(single);
    if (n !== undefined) return finite(n, { arg });
  }
  throw valueError("notNumber", { arg, value: cellText(single) });
}

export function integerArg(v: Cell, arg: string, fallback?: number, min = -Infinity, max = Infinity): number {
  const n = numberArg(v, arg, fallback);
  if (!Number.isInteger(n)) throw valueError("notInteger", { arg, value: n });
  if (n < min || n > max) throw valueError("outOfRange", { arg, value: n, min, max });
  return n;
}

export function booleanArg(cell: Cell, arg: string, fallback: boolean): boolean {
  const v = scalarArg(cell, arg);
  if (isBlank(v)) return fallback;
  if (typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return v !== 0;
  if (typeof v === "string") {
    const t = normaliseText(v).toUpperCase();
    if (t === "TRUE" || t === "是" || t === "真") return true;
    if (t === "FALSE" || t === "否" || t === "假") return false;
  }
  throw valueError("notBoolean", { arg, value: cellText(v) });
}

/** A choice among named options (case-insensitive; Chinese synonyms welcome in the table). */
export function optionArg<T extends string>(cell: Cell, arg: string, table: Record<string, T>, fallback: T): T {
  const v = scalarArg(cell, arg);
  if (isBlank(v)) return fallback;
  const key = normaliseText(cellText(v)).toLowerCase();
  const hit = Object.hasOwn(table, key) ? table[key] : undefined;
  if (hit === undefined) throw valueError("unknownOption", { arg, value: cellText(v), options: Object.keys(table).join(" / ") });
  return hit;
}

/** An exact ratio argument: 0.3, =2/3, "30%", "2/3". */
export function ratioArg(cell: Cell, arg: string, fallback?: Ratio): Ratio {
  const v = scalarArg(cell, arg);
  if (isBlank(v)) {
    if (fallback === undefined) throw valueError("required", { arg });
    return fallback;
  }
  if (typeof v === "number") return toRatio(v, { arg });
  if (typeof v === "string") return toRatio(normaliseText(v), { arg });
  throw valueError("notNumber", { arg, value: cellText(v) });
}

/** A date argument: a serial, or date text (2025-3-5, 2025/03/05, 2025.3.5, 2025年3月5日, full-width digits too); blank is null. */
export function dateArg(v: Cell, arg: string): number | null {
  const cell = scalarArg(v, arg);
  if (isBlank(cell)) return null;
  if (typeof cell === "number") return toExcelDate(cell, { arg });
  const text = normaliseText(cellText(cell));
  return toExcelDate(parseNumericText(text) ?? text, { arg });
}

/** Every date in a range (blank cells skipped), each bad one an error naming its cell. */
export function dateCells(v: Cell, arg: string): number[] {
  const g = grid(v, arg);
  const out: number[] = [];
  g.cells.forEach((c, i) => {
    if (isBlank(c)) return;
    const at = position(g, i, arg);
    if (typeof c === "number") out.push(toExcelDate(c, at));
    else {
      refuseError(c, at);
      const text = normaliseText(cellText(c));
      out.push(toExcelDate(parseNumericText(text) ?? text, at));
    }
  });
  return out;
}
