// An input's styles.xml, kept as it is, with styles appended: the report sheets' (ExcelJS wrote them with its own indexes) and a user cell's style with another number format.
import { attr } from "./parts";
import { BUILT_IN } from "./styles";

/** One group of styles.xml (fonts, fills, …): where it sits and its items' XML. */
interface Group {
  tag: string;
  item: string;
  items: string[];
  /** How many the input had, so only appended items are written after them. */
  original: number;
}

/** Text as an attribute's value. */
export const escapeAttr = (s: string): string => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The tag with this attribute set (replaced, or added at the end of the opening tag). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  if (re.test(tag)) return tag.replace(re, `$1${escapeAttr(value)}$2`);
  return tag.replace(/\s*(\/?>)/, ` ${name}="${escapeAttr(value)}"$1`);
}

/** The top-level items of a group's XML: <font>…</font>, <xf …/>. */
function itemsOf(inner: string, item: string): string[] {
  return [...inner.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g"))].map((m) => m[0]);
}

function groupOf(xml: string, tag: string, item: string): Group {
  const m = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
  const items = m ? itemsOf(m[1] ?? "", item) : [];
  return { tag, item, items, original: items.length };
}

/**
 * The input's styles, appended to and written back: every style the input has keeps its index, so
 * the input's cells need no change. Appended items are de-duplicated by their XML.
 */
export class StyleBook {
  private readonly groups: Record<"numFmts" | "fonts" | "fills" | "borders" | "cellXfs", Group>;
  private readonly codes = new Map<number, string>();
  private nextFmt = 164;
  private readonly derived = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.groups = {
      numFmts: groupOf(xml, "numFmts", "numFmt"),
      fonts: groupOf(xml, "fonts", "font"),
      fills: groupOf(xml, "fills", "fill"),
      borders: groupOf(xml, "borders", "border"),
      cellXfs: groupOf(xml, "cellXfs", "xf"),
    };
    for (const f of this.groups.numFmts.items) {
      const id = Number(attr(f, "numFmtId"));
      const code = attr(f, "formatCode");
      if (Number.isInteger(id) && code !== undefined) {
        this.codes.set(id, code);
        this.nextFmt = Math.max(this.nextFmt, id + 1);
      }
    }
  }

  /** Whether the styles.xml has the groups this book appends to (a file without them is left to ExcelJS). */
  get usable(): boolean {
    return this.groups.cellXfs.items.length > 0 && /<fonts\b/.test(this.xml) && /<fills\b/.test(this.xml) && /<borders\b/.test(this.xml);
  }

  private add(group: keyof StyleBook["groups"], item: string): number {
    const g = this.groups[group];
    const at = g.items.indexOf(item);
    if (at >= 0) return at;
    g.items.push(item);
    return g.items.length - 1;
  }

  /** The id of a number format: a built-in's, one the input has, or a new one. */
  numFmtId(code: string): number {
    for (const [id, c] of this.codes) if (c === code) return id;
    for (const [id, c] of Object.entries(BUILT_IN)) if (c === code) return Number(id);
    const id = this.nextFmt++;
    this.codes.set(id, code);
    this.groups.numFmts.items.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The number format of a cell style, as its code ("General" when it has none). */
  numFmtOf(xf: number): string {
    const tag = this.groups.cellXfs.items[xf];
    const id = Number((tag && attr(tag, "numFmtId")) ?? 0);
    return this.codes.get(id) ?? BUILT_IN[id] ?? "General";
  }

  /** A cell style like `xf` (0: none) with this number format instead: the user's font, fill and borders stay. */
  withNumFmt(xf: number, code: string): number {
    const key = `${xf}|${code}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const base = xf > 0 && this.groups.cellXfs.items[xf] ? this.groups.cellXfs.items[xf] : '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const open = /^<xf\b[^>]*?\/?>/.exec(base)![0];
    const changed = setAttr(setAttr(open, "numFmtId", String(this.numFmtId(code))), "applyNumberFormat", "1");
    const index = this.add("cellXfs", base.replace(open, changed));
    this.derived.set(key, index);
    return index;
  }

  /**
   * Appends the cell styles of another styles.xml (ExcelJS's, for the report sheets) with the fonts,
   * fills, borders and number formats they use, and gives each of its cell styles' new index.
   */
  importFrom(otherXml: string): number[] {
    const other = new StyleBook(otherXml);
    const fonts = other.groups.fonts.items.map((f) => this.add("fonts", f));
    const fills = other.groups.fills.items.map((f) => this.add("fills", f));
    const borders = other.groups.borders.items.map((b) => this.add("borders", b));
    return other.groups.cellXfs.items.map((xf) => {
      const open = /^<xf\b[^>]*?\/?>/.exec(xf)![0];
      let tag = open;
      const remap = (name: string, map: number[]) => {
        const v = attr(tag, name);
        if (v !== undefined && map[Number(v)] !== undefined) tag = setAttr(tag, name, String(map[Number(v)]));
      };
      remap("fontId", fonts);
      remap("fillId", fills);
      remap("borderId", borders);
      const fmt = Number(attr(tag, "numFmtId") ?? 0);
      const code = fmt ? (other.codes.get(fmt) ?? BUILT_IN[fmt]) : undefined;
      if (code !== undefined) tag = setAttr(tag, "numFmtId", String(this.numFmtId(code)));
      // Styles of the cell-style table (xfId) are the input's: ExcelJS's only one, Normal, is the input's 0 too.
      tag = setAttr(tag, "xfId", "0");
      return this.add("cellXfs", xf.replace(open, tag));
    });
  }

  /** The styles.xml with the appended items after the input's own, counts updated. */
  toXml(): string {
    let xml = this.xml;
    for (const g of Object.values(this.groups)) {
      if (g.items.length === g.original) continue;
      const block = `<${g.tag} count="${g.items.length}">${g.items.join("")}</${g.tag}>`;
      const re = new RegExp(`<${g.tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${g.tag}>)`);
      if (re.test(xml)) xml = xml.replace(re, () => block);
      // Only numFmts may be missing: it comes first in CT_Stylesheet (ECMA-376 Part 1, 18.8.39).
      else xml = xml.replace(/(<styleSheet\b[^>]*>)/, (m) => m + block);
    }
    return xml;
  }
}
