// Text a cell may hold but an XML file cannot (control characters, U+FFFE, U+FFFF, a surrogate without its pair), written as Excel itself writes it, so the result opens and reads back the same.
import { ValueType, type Cell, type CellValue, type Workbook } from "exceljs";
import { columnLetter, type WorkbookData } from "../workbook/sheet";

/**
 * Characters outside XML 1.0's Char production (W3C XML 1.0 §2.2), which make a file no reader
 * opens, and DEL, which ExcelJS drops without a word. Tab, line feed and carriage return are fine.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNWRITABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text a reader would take for an escape: its underscore is escaped in turn (_x005F_), as Excel does. */
const LOOKS_ESCAPED = /_(?=x[0-9A-Fa-f]{4}_)/g;

/** ECMA-376 Part 1, 22.9.2.19 ST_Xstring: a character XML cannot carry is written _xHHHH_ (UTF-16 code unit in hex). */
const escapeChar = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** Either of the two, in one test: almost every cell has neither, and every text cell of a result is tested. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff\ud800-\udfff]|_x[0-9A-Fa-f]{4}_/;

/** A cell's text as ST_Xstring: unchanged unless it holds a character XML cannot carry or something that looks like an escape. */
export function xstring(s: string): string {
  // A paired surrogate also passes this first test; the replacements below leave it as it is.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(LOOKS_ESCAPED, "_x005F_").replace(UNWRITABLE, escapeChar);
}

/** Only what XML cannot carry: for a formula's cached text, which readers take as it stands (no escapes undone). */
function withoutUnwritable(s: string): string {
  return s.replace(UNWRITABLE, escapeChar);
}

/** The value as it must be written, or undefined when it can be written as it is. */
function writable(v: CellValue): CellValue | undefined {
  if (typeof v === "string") {
    const x = xstring(v);
    return x === v ? undefined : x;
  }
  if (v === null || typeof v !== "object" || v instanceof Date) return undefined;
  if ("richText" in v && Array.isArray(v.richText)) {
    const runs = v.richText.map((r) => (typeof r.text === "string" ? { ...r, text: xstring(r.text) } : r));
    return runs.some((r, i) => r.text !== v.richText[i].text) ? { ...v, richText: runs } : undefined;
  }
  if ("hyperlink" in v && typeof v.text === "string") {
    const text = xstring(v.text);
    return text === v.text ? undefined : { ...v, text };
  }
  if (("formula" in v || "sharedFormula" in v) && "result" in v && typeof v.result === "string") {
    const result = withoutUnwritable(v.result);
    return result === v.result ? undefined : ({ ...v, result } as CellValue);
  }
  return undefined;
}

/** The cell types whose value may hold text. */
const TEXT_TYPES = new Set<ValueType>([ValueType.String, ValueType.SharedString, ValueType.RichText, ValueType.Hyperlink, ValueType.Formula]);

/**
 * Sets every cell's text to what must be written (see xstring) and returns a function that puts the
 * values back, so the workbook is changed only while it is being written. ExcelJS writes text as it
 * is and reads _xHHHH_ back into the character, as Excel does.
 */
export function escapeUnwritableText(wb: Workbook): () => void {
  const changed: [Cell, CellValue][] = [];
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        // Only these hold text; reading a formula's value copies it, so numbers, dates and the like are passed by their type.
        // A covered cell of a merged area (ValueType.Merge) shows its master's value: escaping it again would escape twice.
        if (!TEXT_TYPES.has(cell.type)) return;
        const v = writable(cell.value);
        if (v === undefined) return;
        changed.push([cell, cell.value]);
        cell.value = v;
      }),
    ),
  );
  return () => {
    for (const [cell, v] of changed) cell.value = v;
  };
}

/**
 * Where the input's text holds such characters (invisible in Excel, mostly pasted from another
 * system), to say so: they are kept, but a name with one no longer matches the same name typed.
 */
export function invisibleCharacters(data: WorkbookData): { zh: string; en: string } | undefined {
  const bySheet = new Map<string, string[]>();
  let count = 0;
  for (const sheet of data.sheets)
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        UNWRITABLE.lastIndex = 0;
        if (typeof v !== "string" || !UNWRITABLE.test(v)) return;
        if (++count <= 5) bySheet.set(sheet.name, [...(bySheet.get(sheet.name) ?? []), `${columnLetter(c + 1)}${r + 1}`]);
      }),
    );
  if (count === 0) return undefined;
  const more = count > 5;
  const zh = [...bySheet].map(([name, cells]) => `工作表“${name}”${cells.join("、")}`).join("，") + (more ? " 等" : "");
  const en = [...bySheet].map(([name, cells]) => `sheet "${name}" ${cells.join(", ")}`).join("; ") + (more ? ", …" : "");
  return {
    zh: `${zh}，共 ${count} 个单元格的文字中有看不见的控制字符（多为从其他系统复制带入），已原样写入结果文件；若不是有意的，请在原文件中删除后重新计算`,
    en: `${count} cell(s) (${en}) hold invisible control characters (often pasted from another system); they are written to the result as they are. If not intended, delete them in the input and run again`,
  };
}
