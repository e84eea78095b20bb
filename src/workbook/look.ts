// The look of what both hosts draw, as plain data: the colours, a report's named cell looks and its signature line.

/** Colours as "#RRGGBB"; each host turns them into its own notation. */
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
} as const;

/** The signature line under a printed report; full-width spaces leave room to sign by hand. */
export const SIGNATURE_LINE = "制表人：　　　　审核人：　　　　日期：";

/** A cell's look; what it leaves out is the host's default (Calibri 11, no fill, left, bottom). */
export interface CellLook {
  bold?: boolean;
  /** Points. */
  size?: number;
  color?: string;
  fill?: string;
  /** Centred across and down. */
  centered?: boolean;
  wrap?: boolean;
}

export type LookName = "title" | "subtitle" | "header" | "strong" | "warn" | "strongWarn";

/** The looks of a report sheet, by name. */
export const looks: Readonly<Record<LookName, CellLook>> = {
  title: { bold: true, size: 16, centered: true },
  subtitle: { size: 10, color: colors.subtitle, centered: true },
  header: { bold: true, fill: colors.header, centered: true, wrap: true },
  /** A totals row. */
  strong: { bold: true },
  /** Over quota, a check that failed. */
  warn: { fill: colors.warnFill, color: colors.warnFont },
  strongWarn: { bold: true, fill: colors.warnFill, color: colors.warnFont },
};

/** "#RRGGBB" as ExcelJS and the file format write it: "FFRRGGBB", opaque. */
export const argb = (color: string): string => `FF${color.slice(1).toUpperCase()}`;
