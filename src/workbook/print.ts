// How a sheet goes onto A4 paper, worked out from its column widths alone so both hosts print it alike: orientation, scale or fit, repeated columns, header and footer.

/** Millimetres across A4. */
export const A4_MM = { portrait: 210, landscape: 297 } as const;

/** Inches, as Excel stores them: narrow at the sides so a table gets the width, room for the header and footer lines. */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

const MM_PER_INCH = 25.4;
/** Excel's screen and print geometry: 96 pixels to the inch. */
const PX_PER_INCH = 96;

/**
 * Millimetres a column of `chars` Excel width units takes at 100%: Excel draws w units as
 * trunc(7w + 5) pixels (Calibri 11's widest digit is 7 px, plus 5 px of padding), at 96 px an inch,
 * so one unit is about 1.85 mm.
 */
export const columnMm = (chars: number): number => (Math.trunc(chars * 7 + 5) * MM_PER_INCH) / PX_PER_INCH;

/** Printable width of A4 inside the side margins, in millimetres: 189.7 portrait, 276.7 landscape. */
export const printableMm = (landscape: boolean): number => (landscape ? A4_MM.landscape : A4_MM.portrait) - (PRINT_MARGINS.left + PRINT_MARGINS.right) * MM_PER_INCH;

/** Points of the body text the hosts write (Calibri or the CJK body font, 11 pt). */
export const BODY_PT = 11;
/** Body text must print at 9 pt at least, and nothing below 60%: 9 ÷ 11 makes it 82%. */
export const MIN_SCALE = Math.max(60, Math.ceil((9 / BODY_PT) * 100));

/** Headers of the columns that say whose row it is, repeated on every page when a table is split across pages. */
const KEY_HEADER = /^(序号|姓名|单位|乡镇|村|党组织|党支部|组织名称|编号)/;
/** A split table repeats its key columns only while they leave most of the page for the rest. */
const KEY_SHARE = 0.4;

/**
 * A4, centred across, header row(s) repeated on every page. A table that fits one page wide at
 * MIN_SCALE or more is fitted to the width (pagesWide 1, as many pages down as needed: pagesTall 0,
 * as Excel records it); a wider one prints at MIN_SCALE, landscape, split across pages, its key
 * columns repeated on the left of each.
 */
export interface PrintLayout {
  paper: "A4";
  landscape: boolean;
  /** 1: fitted to one page wide; 0: printed at `scale` and split across pages. */
  pagesWide: 0 | 1;
  pagesTall: 0;
  /** Percent the sheet prints at: the fitted scale (at most 100) or the fixed one. */
  scale: number;
  centered: true;
  /** 1-based rows repeated at the top of every page, first and last. */
  titleRows?: [number, number];
  /** 1-based columns repeated at the left of every page, first and last, when split. */
  titleColumns?: [number, number];
  margins: typeof PRINT_MARGINS;
  /** Excel header and footer codes: the title centred on top, 第 &P 页 共 &N 页 at the foot. */
  header: string;
  footer: string;
}

/** The page footer of every printed sheet. */
export const PAGE_FOOTER = "&C第 &P 页 共 &N 页";

/** Excel keeps at most 255 characters of a page header, codes included. */
const HEADER_LIMIT = 255;

/** Characters a page header cannot hold (it is plain XML text, unlike a cell, which has an escape): controls, U+FFFE/U+FFFF, lone surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are what it drops
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A header line of Excel codes showing `title`: invisible characters dropped, line breaks as spaces,
 * "&" doubled (Excel reads a lone "&" as a code), and cut with … to fit Excel's 255 characters.
 */
export function titleHeader(title: string): string {
  const text = title.replace(UNPRINTABLE, "").replace(/[\r\n\t]+/g, " ").trim();
  if (!text) return "";
  const room = HEADER_LIMIT - 2;
  let out = "";
  for (const ch of text) {
    const piece = ch === "&" ? "&&" : ch;
    if (out.length + piece.length > room - 1) return `&C${out}…`;
    out += piece;
  }
  return `&C${out}`;
}

/** The percent a table of these widths prints at when fitted to one page wide: at most 100, floored as Excel shows it. */
export function fitScale(widths: readonly number[], landscape: boolean): number {
  const mm = widths.reduce((s, w) => s + columnMm(w), 0);
  return mm <= 0 ? 100 : Math.min(100, Math.floor((printableMm(landscape) / mm) * 100));
}

export interface PrintInput {
  /** Column widths in Excel's units, left to right. */
  widths: readonly number[];
  headers?: readonly string[];
  titleRows?: [number, number];
  /** Shown in the page header. */
  title?: string;
  /** Landscape even when portrait would do (the plan asks for it). */
  landscape?: boolean;
  /** The footer, when a sheet has its own (a template's signature places). */
  footer?: string;
}

/** The leading run of key columns (1-based, last one), when it takes no more than KEY_SHARE of the page. */
function keyColumns(input: PrintInput, landscape: boolean): [number, number] | undefined {
  let last = 0;
  for (let j = 0; j < Math.min(5, input.headers?.length ?? 0); j++) if (KEY_HEADER.test(input.headers![j].trim())) last = j + 1;
  if (last === 0) return undefined;
  const mm = input.widths.slice(0, last).reduce((s, w) => s + columnMm(w), 0) * (MIN_SCALE / 100);
  return mm <= printableMm(landscape) * KEY_SHARE ? [1, last] : undefined;
}

export function printLayout(input: PrintInput): PrintLayout {
  const common = {
    paper: "A4" as const,
    pagesTall: 0 as const,
    centered: true as const,
    margins: PRINT_MARGINS,
    header: titleHeader(input.title ?? ""),
    footer: input.footer ?? PAGE_FOOTER,
    ...(input.titleRows ? { titleRows: input.titleRows } : {}),
  };
  for (const landscape of input.landscape ? [true] : [false, true]) {
    const scale = fitScale(input.widths, landscape);
    if (scale >= MIN_SCALE) return { ...common, landscape, pagesWide: 1, scale };
  }
  const titleColumns = keyColumns(input, true);
  return { ...common, landscape: true, pagesWide: 0, scale: MIN_SCALE, ...(titleColumns ? { titleColumns } : {}) };
}
