// The look of what the add-in draws (fills, fonts, borders, print setup), the same colours the command line uses.

export const colors = {
  header: "#D9E1F2",
  /** Excel's own "Bad" cell style, which users already read as "look at this". */
  warnFill: "#FFC7CE",
  warnFont: "#9C0006",
  subtitle: "#595959",
  border: "#808080",
  /** Templates: result headers are orange, so people see at once which columns they need not fill. */
  resultHeader: "#FCE4D6",
  result: "#FFF7F0",
  constants: "#F2F2F2",
  constantsFont: "#404040",
  templateBorder: "#000000",
};

/** The signature line under a printed report; full-width spaces leave room to sign by hand. */
export const SIGNATURE_LINE = "制表人：　　　　审核人：　　　　日期：";

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

/** A table header: bold on the header blue, centred, wrapped. */
export function headerLook(range: Excel.Range, fill = colors.header): void {
  range.format.font.bold = true;
  range.format.fill.color = fill;
  range.format.horizontalAlignment = "Center";
  range.format.verticalAlignment = "Center";
  range.format.wrapText = true;
}

/**
 * A4, fitted to one page wide and as many pages down as the rows need (0, as Excel itself records
 * "fit all columns on one page"), centred, the given rows repeated on every page.
 */
export function printSetup(ws: Excel.Worksheet, landscape: boolean, titleRows: string | undefined): void {
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = landscape ? "Landscape" : "Portrait";
  layout.centerHorizontally = true;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (titleRows) layout.setPrintTitleRows(titleRows);
}
