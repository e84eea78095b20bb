// Calendar dates as Excel serial numbers (1900 date system), read from serials or from date text.
import { valueError } from "./errors";
import type { MessageParams } from "./messages";

const DAY_MS = 86_400_000;

/** 9999-12-31, the last date Excel accepts (Excel's documented date limit). */
export const EXCEL_MAX_SERIAL = 2_958_465;

/**
 * Excel keeps Lotus 1-2-3's phantom 1900-02-29 as serial 60, so from 1900-03-01 on a serial counts
 * days since 1899-12-30, and before that since 1899-12-31.
 */
const LEAP_BUG_SERIAL = 60;
const EPOCH_FROM_MARCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_MARCH_1900 = Date.UTC(1899, 11, 31);
const MARCH_1_1900 = Date.UTC(1900, 2, 1);

/** The Excel serial of a calendar date, or undefined when no such date exists in Excel. */
export function excelSerial(year: number, month: number, day: number): number | undefined {
  if (![year, month, day].every(Number.isInteger)) return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (year === 1900 && month === 2 && day === 29) return LEAP_BUG_SERIAL;
  const time = Date.UTC(year, month - 1, day);
  if (new Date(time).getUTCDate() !== day) return undefined; // 2025-2-30 rolls over: not a date
  const epoch = time >= MARCH_1_1900 ? EPOCH_FROM_MARCH_1900 : EPOCH_BEFORE_MARCH_1900;
  return (time - epoch) / DAY_MS;
}

// Year, month, day with -, /, . or 年月日 between them, as users type dates in Chinese workbooks.
const dateText = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;

/** The Excel serial of "2025-3-5", "2025/03/05", "2025.3.5" or "2025年3月5日" (ASCII digits), or undefined. */
export function parseDateText(text: string): number | undefined {
  const m = dateText.exec(text.trim());
  if (!m) return undefined;
  return excelSerial(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * A date as Excel holds it: a serial number (a time of day may ride along as the fraction) or date
 * text. Anything else is #VALUE! naming where it sits.
 */
export function toExcelDate(value: number | string, at: MessageParams = {}): number {
  if (typeof value === "number") {
    if (Number.isFinite(value) && value >= 0 && value < EXCEL_MAX_SERIAL + 1) return value;
    throw valueError("notDate", { ...at, value });
  }
  const serial = parseDateText(value);
  if (serial === undefined) throw valueError("notDate", { ...at, value });
  return serial;
}

/** Whole calendar days from one date to a later one; 0 when the second is not later. Times of day are ignored. */
export function daysAfter(from: number, to: number): number {
  return Math.max(0, Math.floor(to) - Math.floor(from));
}

/** The calendar date of a serial (its whole days): year, month 1–12, day, and weekday 0 = Monday … 6 = Sunday. */
export function calendarOf(serial: number): { year: number; month: number; day: number; weekday: number } {
  const whole = Math.floor(serial);
  if (whole === LEAP_BUG_SERIAL) return { year: 1900, month: 2, day: 29, weekday: 2 };
  const epoch = whole > LEAP_BUG_SERIAL ? EPOCH_FROM_MARCH_1900 : EPOCH_BEFORE_MARCH_1900;
  const d = new Date(epoch + whole * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: (d.getUTCDay() + 6) % 7 };
}
