// Which cell styles of a workbook format numbers as dates, and which date system it counts in: read as ExcelJS reads them, so a date's serial comes out the same.
import { attr } from "./parts";

/** The built-in number formats by id, as ExcelJS knows them (its defaultnumformats.js). */
export const BUILT_IN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/**
 * Ids 27–36 and 50–58 are built-in dates and times whose text depends on the locale (in zh-CN 31 is
 * yyyy"年"m"月"d"日", 32 h"时"mm"分"): every locale ExcelJS lists gives them date letters, yet it has
 * no one format for them and reads their numbers as plain numbers. Here they are dates: it matters
 * only in a 1904-system workbook, where ExcelJS would be 1,462 days off.
 */
const LOCALE_DATES = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** ExcelJS's test of a date format: a date or time letter outside quotes and brackets. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** For each cell style index (a cell's s attribute), whether its number format is a date's, from xl/styles.xml. */
export function dateStyles(stylesXml: string): (style: number) => boolean {
  const custom = new Map<number, string>();
  for (const [tag] of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attr(tag, "numFmtId"));
    const code = attr(tag, "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const block = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? "";
  const dates: boolean[] = [];
  for (const [tag] of block.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attr(tag, "numFmtId") ?? 0);
    const code = custom.get(id) ?? BUILT_IN[id];
    dates.push(id ? (code !== undefined ? isDateFormat(code) : LOCALE_DATES.has(id)) : false);
  }
  return (style) => dates[style] === true;
}

/** Whether the workbook counts dates from 1904 (workbookPr date1904, "1" as Excel writes it or "true"). */
export function isDate1904(workbookXml: string): boolean {
  const tag = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0];
  const v = tag && attr(tag, "date1904");
  return v === "1" || v === "true";
}
