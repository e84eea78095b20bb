// How plan cells become what Office.js takes (range.values, range.numberFormat), request sizes, widths and addresses.
import { cellNumberFormat, columnFormat } from "../workbook/layout";
import type { PlanCell } from "../workbook/plan";
import { columnLetter, parseArea, type MergeArea } from "../workbook/sheet";

/** What range.values accepts for one cell: "" clears it, null leaves it as it is. */
export type CellInput = string | number | boolean | null;

const englishMonth = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/**
 * Whether Excel would store the text as something else when it arrives through range.values, which
 * parses its input as if typed: "=A1" and "+A1" become formulas, "-x" and "@x" too, "007" and
 * "20%" numbers, "1/3" a date, "TRUE" a logical, "#N/A" an error, "８５" a number in a Chinese
 * Excel, and a leading apostrophe is eaten. Such text is written behind an apostrophe, which Excel
 * takes as "this is text" and does not keep in the value. The test errs on the side of quoting:
 * a quoted string that Excel would have kept as text anyway is stored the same.
 */
export function needsQuote(s: string): boolean {
  if (s === "") return false;
  const t = s.trim();
  if (t === "") return false;
  if (/^[=+\-@'#]/.test(s) || /^[=+\-@'#]/.test(t)) return true;
  if (/^[\d.,(（$¥€£%]/.test(t)) return true;
  if (/^[０-９＋－＝＠．（％￥]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return englishMonth.test(t);
}

/** A string as range.values must get it so that Excel stores exactly that text. */
export function textInput(s: string): string {
  return needsQuote(s) ? `'${s}` : s;
}

/** A plan cell for range.values: text stays text, a formula is written as its text, empty and non-finite clear the cell. */
export function cellInput(v: PlanCell): CellInput {
  if (v === null) return "";
  if (typeof v === "string") return textInput(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  const f = v.formula.trim();
  return f.startsWith("=") ? f : `=${f}`;
}

/** A plan cell's number format: the column's, or Text for text that looks like a formula; null leaves the cell's own format. */
export function cellFormat(v: PlanCell, format: string | undefined): string | null {
  return cellNumberFormat(v, format) ?? null;
}

export const formatOf = columnFormat;

// ---------------------------------------------------------------- request sizes

/** Bytes of a string once sent as UTF-8, without building the bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes one array element adds to a request: its JSON and a comma. */
export function elementBytes(v: CellInput): number {
  if (v === null) return 5;
  if (typeof v === "string") return utf8Length(JSON.stringify(v)) + 1;
  return String(v).length + 1;
}

// ---------------------------------------------------------------- widths

/**
 * Excel's column width in characters as the points Office.js takes: a character is the widest digit
 * of the default font (7 px at 11 pt), plus 5 px of padding, at 96 px to 72 pt.
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

// ---------------------------------------------------------------- addresses

/** "A1" or "A1:C3" for 1-based rows and columns. */
export function a1(row: number, col: number, rows = 1, cols = 1): string {
  const first = `${columnLetter(col)}${row}`;
  return rows === 1 && cols === 1 ? first : `${first}:${columnLetter(col + cols - 1)}${row + rows - 1}`;
}


/**
 * The areas of a RangeAreas address such as "Sheet1!A1:B4, 'My sheet'!D1:D4". Each area is the cell
 * reference after the last "!" before the next comma; a sheet name may itself hold commas or "!"
 * only inside quotes, which the pattern steps over.
 */
export function parseAreas(address: string): MergeArea[] {
  const out: MergeArea[] = [];
  const pattern = /(?:'(?:[^']|'')*'|[^'!,]*)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)\s*(?:,|$)/g;
  for (const m of address.matchAll(pattern)) {
    const area = parseArea(m[1]);
    if (area) out.push(area);
  }
  if (out.length === 0) {
    // An address without sheet names ("A1:B2, C3:D4").
    for (const part of address.split(",")) {
      const area = parseArea(part);
      if (area) out.push(area);
    }
  }
  return out;
}

/** A sheet name as an address prefix shows it to a person: plain. */
export const place = (sheet: string, ref: string) => `${sheet}!${ref}`;
