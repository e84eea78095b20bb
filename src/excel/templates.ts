// Inserts a standard template into the open workbook from its host-neutral spec: sheets, looks, validations, print setup, and the formulas only the add-in can write.
import type { Locale } from "../core/messages";
import { calendarOf } from "../core/dates";
import { formats } from "../workbook/plan";
import { columnLetter } from "../workbook/sheet";
import {
  dataSheet,
  formulaCells,
  NOTES_SHEET_NAME,
  notesSheet,
  type BandRow,
  type DataSheetSpec,
  type FormulaCell,
  type NotesSheetSpec,
  type PrintSetup,
  type TemplateFormat,
  type TemplateSpec,
  type TemplateValidation,
} from "../workbook/templates";
import { a1, charsToPoints, textInput } from "./cells";
import { asHostError, hostError, messages } from "./errors";
import { applyMargins, colors, headerLook, printSetup, thinBorders } from "./look";
import { supports, type Session } from "./session";

const BODY_FONT = "宋体";
const NOTES_FONT = "等线";

const numberFormat = (f: TemplateFormat | undefined) => (f === undefined || f === "general" ? "General" : formats[f]);

const alignment: Record<"left" | "center" | "right", Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
};

/** The Office.js data validation rule of a template's validation; strict lists stop other text, other lists only warn. */
export function validationRule(v: TemplateValidation): Excel.DataValidationRule {
  if (v.type === "list") return { list: { inCellDropDown: true, source: v.values.join(",") } };
  if (v.type === "date") return { date: { formula1: isoDate(v.min), formula2: isoDate(v.max), operator: "Between" as Excel.DataValidationOperator } };
  const basic: Excel.BasicDataValidation =
    v.max === undefined ? { formula1: v.min, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator } : { formula1: v.min, formula2: v.max, operator: "Between" as Excel.DataValidationOperator };
  return v.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

export function errorStyle(v: TemplateValidation): Excel.DataValidationAlertStyle {
  return ((v.type === "list" || v.type === "date") && !v.strict ? "Warning" : "Stop") as Excel.DataValidationAlertStyle;
}

/** An Excel date serial as the ISO date Office.js takes for a date validation's bounds. */
function isoDate(serial: number): string {
  const d = calendarOf(serial);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** "&L制表人：&C第 &P 页&R审核人：" → its left, centre and right parts. */
export function footerParts(footer: string): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  let at: keyof typeof out = "center";
  for (const piece of footer.split(/(&[LCR])/)) {
    if (piece === "&L") at = "left";
    else if (piece === "&C") at = "center";
    else if (piece === "&R") at = "right";
    else out[at] += piece;
  }
  return out;
}

function applyPrint(ws: Excel.Worksheet, p: PrintSetup): void {
  if (!supports("1.9")) return;
  printSetup(ws, p.orientation === "landscape", p.titleRows ? p.titleRows.split(":").map((r) => `$${r}`).join(":") : undefined);
  const layout = ws.pageLayout;
  // A table too wide to fit legibly prints at a fixed scale, split across pages, its key columns repeated (print.ts).
  if (p.fitToWidth === 0) layout.zoom = { scale: p.scale };
  if (p.titleColumns) layout.setPrintTitleColumns(p.titleColumns.split(":").map((c) => `$${c}`).join(":"));
  applyMargins(layout, p.margins);
  const f = footerParts(p.footer);
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = f.left;
  footer.centerFooter = f.center;
  footer.rightFooter = f.right;
}

/** The band's values and merges; its looks come after the formulas (see queueDataSheet). */
function queueBandValues(ws: Excel.Worksheet, band: readonly BandRow[]): void {
  for (const b of band)
    for (const cell of b.cells) {
      if (cell.value !== null) ws.getRange(a1(b.row, cell.col)).values = [[typeof cell.value === "string" ? textInput(cell.value) : cell.value]];
      if (cell.toCol && cell.toCol > cell.col) ws.getRange(a1(b.row, cell.col, 1, cell.toCol - cell.col + 1)).merge(false);
    }
}

function queueBandLooks(ws: Excel.Worksheet, band: readonly BandRow[], width: number): void {
  for (const b of band) {
    const row = ws.getRange(a1(b.row, 1, 1, width));
    if (b.height) row.format.rowHeight = b.height;
    if (b.role === "constants") {
      // Constants rows are boxed across the table, so the numbers read as part of the header.
      row.format.font.size = 10;
      row.format.font.color = colors.constantsFont;
      row.format.fill.color = colors.constants;
      row.format.horizontalAlignment = "Center";
      thinBorders(row, colors.templateBorder, 1, width);
    }
    for (const cell of b.cells) {
      const to = cell.toCol && cell.toCol > cell.col ? cell.toCol : cell.col;
      const target = ws.getRange(a1(b.row, cell.col, 1, to - cell.col + 1));
      if (b.role === "title") {
        target.format.font.bold = true;
        target.format.font.size = 16;
        target.format.horizontalAlignment = "Center";
        target.format.verticalAlignment = "Center";
      } else if (b.role === "subtitle") {
        target.format.font.size = 10;
        target.format.horizontalAlignment = "Left";
        target.format.wrapText = true;
      } else if (cell.toCol) target.format.horizontalAlignment = "Right";
      else ws.getRange(a1(b.row, cell.col)).numberFormat = [[numberFormat(cell.format)]];
    }
  }
}

/** Formula cells grouped by column into runs of consecutive rows: one range.formulas call each. */
export function formulaRuns(cells: readonly FormulaCell[]): { row: number; col: number; formulas: string[] }[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { row: number; col: number; formulas: string[] }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === c.col && last.row + last.formulas.length === c.row) last.formulas.push(c.formula);
    else runs.push({ row: c.row, col: c.col, formulas: [c.formula] });
  }
  return runs;
}

function queueDataSheet(ws: Excel.Worksheet, sheet: DataSheetSpec): void {
  const width = sheet.columns.length;
  const first = sheet.firstDataRow;
  const rows = Math.max(1, sheet.blankRows);
  for (const c of sheet.columns) ws.getRange(`${c.letter}1`).format.columnWidth = charsToPoints(c.width);
  queueBandValues(ws, sheet.band);
  const header = ws.getRange(a1(sheet.headerRow, 1, 1, width));
  header.values = [sheet.columns.map((c) => textInput(c.header))];

  // Add-in formulas are written by the add-in, after the sheet exists: Excel only recognises them so.
  // They go in before any number format: a formula entered into a Text (@) cell, as 等次 is, would stay text.
  for (const run of formulaRuns(formulaCells(sheet))) ws.getRange(a1(run.row, run.col, run.formulas.length, 1)).formulas = run.formulas.map((f) => [f]);

  queueBandLooks(ws, sheet.band, width);
  header.format.rowHeight = sheet.headerHeight;
  header.format.font.name = BODY_FONT;
  headerLook(header);
  thinBorders(header, colors.templateBorder, 1, width);
  for (const c of sheet.columns) if (c.role === "result") ws.getRange(`${c.letter}${sheet.headerRow}`).format.fill.color = colors.resultHeader;

  const body = ws.getRange(a1(first, 1, rows, width));
  body.numberFormat = Array.from({ length: rows }, () => sheet.columns.map((c) => numberFormat(c.format)));
  body.format.font.name = BODY_FONT;
  body.format.font.size = 11;
  body.format.verticalAlignment = "Center";
  thinBorders(body, colors.templateBorder, rows, width);
  for (const c of sheet.columns) {
    const column = ws.getRange(a1(first, c.col, rows, 1));
    column.format.horizontalAlignment = alignment[c.align];
    if (c.format === "text" && c.width >= 16) column.format.wrapText = true;
    if (c.role === "result") column.format.fill.color = colors.result;
    if (c.validation) {
      const v = c.validation;
      column.dataValidation.rule = validationRule(v);
      column.dataValidation.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
      column.dataValidation.errorAlert = { showAlert: true, style: errorStyle(v), title: v.errorTitle, message: v.error };
    }
  }

  if (sheet.freeze.columns > 0) ws.freezePanes.freezeAt(ws.getRange(a1(1, 1, sheet.freeze.rows, sheet.freeze.columns)));
  else ws.freezePanes.freezeRows(sheet.freeze.rows);
  applyPrint(ws, sheet.print);
}

function queueNotesSheet(ws: Excel.Worksheet, notes: NotesSheetSpec): void {
  ws.getRange("A1").format.columnWidth = charsToPoints(notes.width);
  if (supports("1.8")) ws.showGridlines = false;
  const title = ws.getRange("A1");
  title.values = [[textInput(notes.title)]];
  title.format.font.name = NOTES_FONT;
  title.format.font.size = 16;
  title.format.font.bold = true;
  title.format.horizontalAlignment = "Center";
  title.format.rowHeight = 30;
  let r = 3;
  for (const s of notes.sections) {
    const h = ws.getRange(`A${r}`);
    h.values = [[textInput(s.heading)]];
    h.format.font.name = NOTES_FONT;
    h.format.font.size = 12;
    h.format.font.bold = true;
    h.format.rowHeight = 22;
    r++;
    if (s.lines.length > 0) {
      const body = ws.getRange(`A${r}:A${r + s.lines.length - 1}`);
      body.values = s.lines.map((l) => [textInput(l)]);
      body.format.font.name = NOTES_FONT;
      body.format.font.size = 11;
      body.format.wrapText = true;
      body.format.verticalAlignment = "Top";
      body.format.indentLevel = 1;
      s.lines.forEach((line, i) => {
        // Wrapped rows do not grow by themselves when written through the API.
        const cells = [...line].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
        ws.getRange(`A${r + i}`).format.rowHeight = Math.max(1, Math.ceil(cells / (notes.width - 4))) * 15 + 4;
      });
      r += s.lines.length;
    }
    r++;
  }
  applyPrint(ws, notes.print);
}

/**
 * The names the template's sheets take: the data sheet's own (never taken over), and 填表说明, or
 * 填表说明（<data sheet>） when that is taken. A second table the workbook already has (the 负面清单记录
 * another kind's template brought) is kept as it is and shared, never added twice nor overwritten.
 */
export function templateSheetNames(spec: TemplateSpec, existing: readonly string[], locale: Locale): { data: string; notes: string; extra: string[] } {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const data = dataSheet(spec).name;
  if (taken.has(data.toLowerCase())) throw hostError(messages.templateSheetTaken(data)[locale]);
  const extra = (spec.extra ?? []).map((x) => x.name).filter((name) => !taken.has(name.toLowerCase()));
  let notes = notesSheet(spec).name;
  if (taken.has(notes.toLowerCase())) notes = `${NOTES_SHEET_NAME}（${data}）`;
  if (taken.has(notes.toLowerCase())) throw hostError(messages.templateSheetTaken(notes)[locale]);
  return { data, notes, extra };
}

/** Adds the template's two sheets and writes everything in one request, then shows the data sheet. */
export async function insertTemplate(session: Session, spec: TemplateSpec): Promise<string[]> {
  const book = session.context.workbook;
  book.worksheets.load("items/name");
  book.protection.load("protected");
  const data = dataSheet(spec);
  try {
    await session.sync();
  } catch (e) {
    throw asHostError(e, data.name, session.locale);
  }
  if (book.protection.protected) throw hostError(messages.protectedStructure()[session.locale]);
  const names = templateSheetNames(
    spec,
    book.worksheets.items.map((s) => s.name),
    session.locale,
  );
  const ws = book.worksheets.add(names.data);
  // Second tables (the ledger's 组织名单) follow the data sheet, before the instructions.
  for (const extra of spec.extra ?? []) if (names.extra.includes(extra.name)) queueDataSheet(book.worksheets.add(extra.name), extra);
  const notesWs = book.worksheets.add(names.notes);
  queueDataSheet(ws, data);
  queueNotesSheet(notesWs, { ...notesSheet(spec), name: names.notes });
  ws.activate();
  ws.getRange(`${columnLetter(1)}${data.firstDataRow}`).select();
  session.suspendCalculation();
  try {
    await session.sync();
  } catch (e) {
    throw asHostError(e, names.data, session.locale);
  }
  return [names.data, ...names.extra, names.notes];
}
