// Draws a template, and optionally rows of data, into an ExcelJS workbook: styles, validations, frozen panes and print setup.
import { writeFile } from "node:fs/promises";
import { Workbook, type Alignment, type Borders, type DataValidation, type Fill, type Font, type Style, type Worksheet } from "exceljs";
import { argb, colors } from "../workbook/look";
import { formats, textWidth } from "../workbook/plan";
import { columnLetter } from "../workbook/sheet";
import {
  dataSheets,
  inputColumns,
  notesSheet,
  type BandRow,
  type DataSheetSpec,
  type NotesSheetSpec,
  type PrintSetup,
  type TemplateData,
  type TemplateFormat,
  type TemplateSpec,
  type TemplateValidation,
} from "../workbook/templates";

/** The creation date written into generated templates, so the same generator gives the same file. */
export const TEMPLATE_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

export interface RenderOptions {
  /**
   * Data validations over the data rows (default true). A county of 100,000 members may turn them
   * off: ExcelJS expands each validated range into one entry per cell when it reads the file back.
   */
  validations?: boolean;
  /** Created and modified date of the workbook; TEMPLATE_DATE by default. */
  date?: Date;
}

// ---------------------------------------------------------------- styles (shared, never changed after creation)

const BODY_FONT = "宋体";
const NOTES_FONT = "等线";
const thin = { style: "thin" as const, color: { argb: argb(colors.templateBorder) } };
const box: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const solid = (color: string): Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(color) } });

const fills = {
  inputHeader: solid(colors.header),
  resultHeader: solid(colors.resultHeader),
  result: solid(colors.result),
  constants: solid(colors.constants),
};

const font = (size: number, extra: Partial<Font> = {}): Partial<Font> => ({ name: BODY_FONT, size, family: 3, charset: 134, ...extra });

const numFmt = (f: TemplateFormat) => (f === "general" ? "General" : formats[f]);

/** The styles of one data sheet, one object per column, so 100,000 rows share a handful of styles. */
function columnStyles(sheet: DataSheetSpec) {
  return sheet.columns.map((c) => {
    const cell: Partial<Style> = {
      font: font(11),
      border: box,
      numFmt: numFmt(c.format),
      alignment: { horizontal: c.align as Alignment["horizontal"], vertical: "middle", wrapText: c.format === "text" && c.width >= 16 },
      ...(c.role === "result" ? { fill: fills.result } : {}),
    };
    const header: Partial<Style> = {
      font: font(11, { bold: true }),
      border: box,
      fill: c.role === "result" ? fills.resultHeader : fills.inputHeader,
      alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    };
    return { cell, header };
  });
}

const bandStyles = {
  title: { font: font(16, { bold: true }), alignment: { horizontal: "center", vertical: "middle" } } as Partial<Style>,
  subtitle: { font: font(10), alignment: { horizontal: "left", vertical: "middle", wrapText: true } } as Partial<Style>,
  label: { font: font(10, { color: { argb: argb(colors.constantsFont) } }), fill: fills.constants, border: box, alignment: { horizontal: "right", vertical: "middle" } } as Partial<Style>,
};

function constantStyle(format: TemplateFormat | undefined): Partial<Style> {
  return {
    font: font(10, { color: { argb: argb(colors.constantsFont) } }),
    fill: fills.constants,
    border: box,
    numFmt: numFmt(format ?? "general"),
    alignment: { horizontal: "center", vertical: "middle" },
  };
}

// ---------------------------------------------------------------- pieces

/** ExcelJS takes a width of exactly 9 for its default and leaves it out of the file, where Excel's default is 8.43. */
const excelWidth = (w: number) => (w === 9 ? 9.01 : w);

type WithValidations = Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };

function excelValidation(v: TemplateValidation): DataValidation {
  const messages = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.promptTitle,
    prompt: v.prompt,
    showErrorMessage: true,
    errorTitle: v.errorTitle,
    error: v.error,
  };
  if (v.type === "list") return { type: "list", formulae: [`"${v.values.join(",")}"`], errorStyle: v.strict ? "stop" : "warning", ...messages };
  // ExcelJS writes a date validation's bounds from Date objects; the spec keeps Excel serials.
  if (v.type === "date") return { type: "date", operator: "between", formulae: [serialToDate(v.min), serialToDate(v.max)], errorStyle: v.strict ? "stop" : "warning", ...messages };
  return v.max === undefined
    ? { type: v.type, operator: "greaterThanOrEqual", formulae: [v.min], errorStyle: "stop", ...messages }
    : { type: v.type, operator: "between", formulae: [v.min, v.max], errorStyle: "stop", ...messages };
}

/** The UTC midnight of an Excel serial (1900 system, from 1900-03-01 on), the inverse of the reader's dateToSerial. */
const serialToDate = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);

function applyPrint(ws: Worksheet, p: PrintSetup, shift: number): void {
  ws.pageSetup = {
    paperSize: p.paperSize,
    orientation: p.orientation,
    // Fitted to the page width when that keeps the print legible (print.ts), else a fixed scale split across pages.
    ...(p.fitToWidth === 1 ? { fitToPage: true, fitToWidth: 1, fitToHeight: p.fitToHeight } : { fitToPage: false, scale: p.scale }),
    horizontalCentered: true,
    margins: p.margins,
    ...(p.titleRows ? { printTitlesRow: shiftRows(p.titleRows, shift) } : {}),
    ...(p.titleColumns ? { printTitlesColumn: p.titleColumns } : {}),
  };
  ws.headerFooter = { oddFooter: p.footer };
}

/** "1:4" moved down by `shift` rows: the title rows stay the lines from the top through the header. */
function shiftRows(rows: string, shift: number): string {
  const [a, b] = rows.split(":").map(Number);
  return `${a}:${b + shift}`;
}

function drawBand(ws: Worksheet, band: readonly BandRow[], shift: number, width: number): void {
  for (const b of band) {
    const r = b.row + shift;
    const row = ws.getRow(r);
    if (b.height) row.height = b.height;
    if (b.role === "constants") {
      // Constants rows are boxed across the table, so the numbers read as part of the header.
      for (let c = 1; c <= width; c++) row.getCell(c).style = constantStyle(undefined);
    }
    for (const cell of b.cells) {
      const target = row.getCell(cell.col);
      target.value = cell.value;
      target.style = b.role === "title" ? bandStyles.title : b.role === "subtitle" ? bandStyles.subtitle : cell.toCol ? bandStyles.label : constantStyle(cell.format);
      if (cell.toCol && cell.toCol > cell.col) ws.mergeCells(r, cell.col, r, cell.toCol);
    }
  }
}

function drawDataSheet(wb: Workbook, sheet: DataSheetSpec, data: TemplateData | undefined, options: RenderOptions): void {
  const preamble = data?.preamble ?? [];
  const shift = preamble.length;
  const width = sheet.columns.length;
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows + shift, topLeftCell: `${columnLetter(sheet.freeze.columns + 1)}${sheet.freeze.rows + shift + 1}`, activeCell: `A${sheet.firstDataRow + shift}`, showGridLines: true }],
  });
  ws.columns = sheet.columns.map((c) => ({ width: excelWidth(c.width) }));

  preamble.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.style = bandStyles.subtitle;
    ws.mergeCells(i + 1, 1, i + 1, width);
  });
  drawBand(ws, sheet.band, shift, width);

  const styles = columnStyles(sheet);
  const headerRow = ws.getRow(sheet.headerRow + shift);
  headerRow.height = sheet.headerHeight;
  sheet.columns.forEach((c, i) => {
    const cell = headerRow.getCell(c.col);
    cell.value = c.header;
    cell.style = styles[i].header;
  });

  const first = sheet.firstDataRow + shift;
  const count = data ? data.rows.length : sheet.blankRows;
  const last = first + Math.max(count, 1) - 1;
  const inputs = inputColumns(sheet);
  for (let r = first; r <= last; r++) {
    const row = ws.getRow(r);
    const values = data?.rows[r - first];
    for (let i = 0; i < width; i++) {
      const cell = row.getCell(i + 1);
      cell.style = styles[i].cell;
    }
    if (values) {
      for (let j = 0; j < inputs.length && j < values.length; j++) {
        const v = values[j];
        if (v !== null && v !== undefined) row.getCell(inputs[j].col).value = v;
      }
    }
  }
  for (const m of data?.merges ?? []) ws.mergeCells(m.top + first, m.left + 1, m.bottom + first, m.right + 1);

  if (options.validations !== false) {
    const dv = (ws as WithValidations).dataValidations;
    for (const c of sheet.columns) if (c.validation) dv.add(`${c.letter}${first}:${c.letter}${last}`, excelValidation(c.validation));
  }
  applyPrint(ws, sheet.print, shift);
}

function drawNotesSheet(wb: Workbook, notes: NotesSheetSpec): void {
  const ws = wb.addWorksheet(notes.name, { views: [{ state: "normal", showGridLines: false }] });
  ws.columns = [{ width: excelWidth(notes.width) }];
  const title = ws.getCell(1, 1);
  title.value = notes.title;
  title.style = { font: { name: NOTES_FONT, size: 16, bold: true, charset: 134 }, alignment: { horizontal: "center", vertical: "middle" } };
  ws.getRow(1).height = 30;
  const heading: Partial<Style> = { font: { name: NOTES_FONT, size: 12, bold: true, charset: 134 }, alignment: { vertical: "middle" } };
  const body: Partial<Style> = { font: { name: NOTES_FONT, size: 11, charset: 134 }, alignment: { vertical: "top", wrapText: true, indent: 1 } };
  let r = 3;
  for (const s of notes.sections) {
    const h = ws.getCell(r, 1);
    h.value = s.heading;
    h.style = heading;
    ws.getRow(r).height = 22;
    r++;
    for (const line of s.lines) {
      const cell = ws.getCell(r, 1);
      cell.value = line;
      cell.style = body;
      // Wrapped rows do not grow by themselves in a file Excel has not laid out yet.
      // A CJK glyph at 11 pt is a little wider than two of Excel's units: reckon a tenth more, so no line is cut.
      const lines = Math.max(1, Math.ceil((textWidth(line) * 1.1) / (notes.width - 4)));
      ws.getRow(r).height = lines * 16 + 4;
      r++;
    }
    r++;
  }
  applyPrint(ws, notes.print, 0);
}

// ---------------------------------------------------------------- the workbook

/**
 * The template as an ExcelJS workbook: the data sheet (with `data` when given, else empty formatted
 * rows), any extra data sheets (with `data.extra`), and 填表说明. Result cells are left empty: the
 * add-in writes their formulas after insertion (Excel does not recognise add-in formulas another
 * tool writes), or `kaohe run` computes them.
 */
export function renderTemplate(spec: TemplateSpec, data?: TemplateData, options: RenderOptions = {}): Workbook {
  const wb = new Workbook();
  const date = options.date ?? TEMPLATE_DATE;
  wb.creator = "Kaohe";
  wb.lastModifiedBy = "Kaohe";
  wb.created = date;
  wb.modified = date;
  wb.title = spec.title;
  wb.calcProperties = { fullCalcOnLoad: true };
  dataSheets(spec).forEach((sheet, i) => drawDataSheet(wb, sheet, i === 0 ? data : data?.extra?.[i - 1], options));
  drawNotesSheet(wb, notesSheet(spec));
  return wb;
}

/** The workbook's bytes with every zip entry's time set to the workbook date, so unchanged content gives unchanged bytes. */
export async function workbookBytes(wb: Workbook, date: Date = wb.modified ?? TEMPLATE_DATE): Promise<Buffer> {
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return withZipTimes(raw, date);
}

/** Renders a template and writes it to `path`. */
export async function writeTemplate(spec: TemplateSpec, path: string, data?: TemplateData, options: RenderOptions = {}): Promise<void> {
  const wb = renderTemplate(spec, data, options);
  await writeFile(path, await workbookBytes(wb, options.date ?? TEMPLATE_DATE));
}

/**
 * Sets the DOS time and date of every entry of a zip (local headers and the central directory).
 * The zip library stamps entries with the current time; timestamps are outside the CRC, so
 * changing them leaves the archive valid.
 */
export function withZipTimes(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip archive: no end of central directory");
  const entries = out.readUInt16LE(end + 10);
  let p = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error(`not a zip archive: bad central directory entry ${i}`);
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(day, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error(`not a zip archive: bad local header ${i}`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
