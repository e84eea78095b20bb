// The look of what the add-in draws (fills, fonts, borders, print setup) set through Office.js, from the plain looks the command line draws too.

import { colors, looks, type CellLook } from "../workbook/look";
import { pageSetup, type PrintLayout } from "../workbook/layout";
import { columnLetter } from "../workbook/sheet";

export { colors, SIGNATURE_LINE } from "../workbook/look";

type BorderName = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/** Thin borders around and, where the range has more than one row or column, inside it. */
export function thinBorders(range: Excel.Range, color: string, rows: number, cols: number): void {
  const items: BorderName[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (rows > 1) items.push("InsideHorizontal");
  if (cols > 1) items.push("InsideVertical");
  for (const index of items) {
    const b = range.format.borders.getItem(index);
    b.style = "Continuous";
    b.color = color;
  }
}

/** Sets what a look names; what it leaves out stays as the range has it. */
export function applyLook(range: Excel.Range, look: CellLook): void {
  const f = range.format;
  if (look.bold !== undefined) f.font.bold = look.bold;
  if (look.size !== undefined) f.font.size = look.size;
  if (look.color !== undefined) f.font.color = look.color;
  if (look.fill !== undefined) f.fill.color = look.fill;
  if (look.centered) {
    f.horizontalAlignment = "Center";
    f.verticalAlignment = "Center";
  }
  if (look.wrap !== undefined) f.wrapText = look.wrap;
}

/** A table header: bold on the header blue (or another fill, a template's result header), centred, wrapped. */
export function headerLook(range: Excel.Range, fill: string = colors.header): void {
  applyLook(range, { ...looks.header, fill });
}

/** The centre section of a one-section header or footer ("&C…"), as Office.js takes it. */
const centreSection = (codes: string): string | undefined => (codes.startsWith("&C") && !/&[LR]/.test(codes.slice(2)) ? codes.slice(2) : undefined);

/** Sets the page layout a print setup describes; titleRows ("$3:$3") overrides the setup's own. */
export function printLayout(ws: Excel.Worksheet, print: PrintLayout, titleRows = print.titleRows && `$${print.titleRows[0]}:$${print.titleRows[1]}`): void {
  const layout = ws.pageLayout;
  layout.paperSize = print.paper;
  layout.orientation = print.landscape ? "Landscape" : "Portrait";
  layout.centerHorizontally = print.centered;
  layout.zoom = print.pagesWide === 1 ? { horizontalFitToPages: 1, verticalFitToPages: print.pagesTall } : { scale: print.scale };
  applyMargins(layout, print.margins);
  if (titleRows) layout.setPrintTitleRows(titleRows);
  if (print.titleColumns) layout.setPrintTitleColumns(`$${columnLetter(print.titleColumns[0])}:$${columnLetter(print.titleColumns[1])}`);
  const pages = layout.headersFooters.defaultForAllPages;
  const header = centreSection(print.header);
  const footer = centreSection(print.footer);
  if (header !== undefined) pages.centerHeader = header;
  if (footer !== undefined) pages.centerFooter = footer;
}

/** A template's print setup: the same as a report's. */
export function printSetup(ws: Excel.Worksheet, landscape: boolean, titleRows: string | undefined): void {
  printLayout(ws, pageSetup(landscape), titleRows);
}

/** A page's margins: Office.js takes points, the print layout keeps Excel's inches. */
export function applyMargins(layout: Excel.PageLayout, m: { left: number; right: number; top: number; bottom: number; header: number; footer: number }): void {
  layout.leftMargin = m.left * 72;
  layout.rightMargin = m.right * 72;
  layout.topMargin = m.top * 72;
  layout.bottomMargin = m.bottom * 72;
  layout.headerMargin = m.header * 72;
  layout.footerMargin = m.footer * 72;
}
