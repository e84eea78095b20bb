// Writes a plan's result cells into a worksheet's XML as it streams past: rows the plan does not touch pass through as they are, touched rows get their cells put in column order, missing rows are added in order.
import { columnWidth, type PlanCell, type ResultBlock } from "../workbook/plan";
import { cellNumberFormat, columnFormat } from "../workbook/layout";
import { columnLetter, parseArea } from "../workbook/sheet";
import { XlsxError } from "./errors";
import { attr, unescapeXml } from "./parts";
import { setAttr, type StyleBook } from "./style-book";
import { xstring } from "./xml-text";

/** The sheet's XML holds something this writer does not rewrite safely (the caller then draws through ExcelJS). */
export class NotStreamable extends Error {}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A 1-based column from a cell reference, or 0. */
function columnOf(ref: string | undefined): number {
  if (!ref) return 0;
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else break;
  }
  return col;
}

/** One cell the plan writes: its value, and either a header (written only when the cell does not hold it already) or a number format. */
interface Planned {
  value: PlanCell;
  header?: boolean;
  numFmt?: string;
}

/** What the patcher needs of the rest of the workbook. */
export interface PatchContext {
  styles: StyleBook;
  /** The input's shared strings as text, to see whether a header cell holds its header already. */
  sharedString: (index: number) => string | null | undefined;
  /** The style index of a result column's header cell. */
  headerXf: number;
  /** The index of a text among the shared strings, added when new. */
  stringIndex: (text: string) => number;
}

/** A string as a shared string item, written as Excel writes text XML cannot carry (see xstring). */
export const stringItem = (text: string): string => `<si><t xml:space="preserve">${escapeText(xstring(text))}</t></si>`;

/**
 * A cell's XML: value and style. Text goes into the shared strings (appended to the input's), as
 * ExcelJS and Excel write it: readers undo the _xHHHH_ escapes there, not in every inline string.
 */
export function cellXml(ref: string, v: PlanCell, s: number, stringIndex: (text: string) => number): string {
  const style = s > 0 ? ` s="${s}"` : "";
  if (v === null || (typeof v === "number" && !Number.isFinite(v))) return s > 0 ? `<c r="${ref}"${style}/>` : "";
  if (typeof v === "number") return `<c r="${ref}"${style}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${style} t="s"><v>${stringIndex(v)}</v></c>`;
  const formula = `<f>${escapeText(v.formula.replace(/^=/, ""))}</f>`;
  const r = v.result;
  if (r === null || r === undefined) return `<c r="${ref}"${style}>${formula}</c>`;
  if (typeof r === "number") return Number.isFinite(r) ? `<c r="${ref}"${style}>${formula}<v>${r}</v></c>` : `<c r="${ref}"${style}>${formula}</c>`;
  if (typeof r === "boolean") return `<c r="${ref}"${style} t="b">${formula}<v>${r ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="str">${formula}<v>${escapeText(xstring(r))}</v></c>`;
}

/** The text a cell holds, for comparing a header: a shared or inline string, else undefined. */
function cellText(cell: string, ctx: PatchContext): string | undefined {
  const open = /^<c\b[^>]*>/.exec(cell)?.[0] ?? "";
  const t = attr(open, "t");
  if (t === "s") {
    const v = /<v>([^<]*)<\/v>/.exec(cell)?.[1];
    return v === undefined ? undefined : (ctx.sharedString(Number(v)) ?? undefined);
  }
  if (t === "inlineStr" || t === "str") {
    const texts = [...cell.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>|<v>([^<]*)<\/v>/g)].map((m) => m[1] ?? m[2] ?? "");
    return unescapeXml(texts.join(""));
  }
  return undefined;
}

/**
 * Patches one worksheet's XML with the blocks the plan writes into it. Feed it text (decoded as it
 * inflates) with push(), then end(); take() gives what is ready so far. Throws NotStreamable for a
 * sheet it cannot safely rewrite (rows or cells without references, a shared or array formula in a
 * result cell), and the same refusal as the ExcelJS drawer for a result column through merged cells.
 */
export class SheetPatcher {
  private readonly rows = new Map<number, Map<number, Planned>>();
  private readonly order: number[];
  private next = 0;
  private state: "head" | "rows" | "tail" = "head";
  private buf = "";
  private out: string[] = [];
  private readonly widths = new Map<number, number>();
  private tailText = "";

  constructor(
    private readonly sheet: string,
    private readonly blocks: ResultBlock[],
    private readonly ctx: PatchContext,
  ) {
    for (const block of blocks) {
      const put = (row: number, col: number, p: Planned) => {
        let cells = this.rows.get(row);
        if (!cells) this.rows.set(row, (cells = new Map()));
        cells.set(col, p);
      };
      block.columns.forEach((col, i) => {
        put(block.headerRow, col.col, { value: col.header, header: true });
        this.widths.set(
          col.col,
          columnWidth(
            col,
            block.rows.map((r) => r.cells[i] ?? null),
          ),
        );
      });
      for (const r of block.rows) block.columns.forEach((col, i) => put(r.row, col.col, { value: r.cells[i] ?? null, numFmt: columnFormat(col) }));
    }
    this.order = [...this.rows.keys()].sort((a, b) => a - b);
  }

  push(text: string): void {
    this.buf += text;
    this.work(false);
  }

  end(): void {
    this.work(true);
    if (this.state !== "tail") throw new NotStreamable(`the sheet "${this.sheet}" has no complete <sheetData>`);
    this.refuseMergedTargets();
  }

  /** The XML made so far, handed over (and forgotten here). */
  take(): string {
    const s = this.out.join("");
    this.out = [];
    return s;
  }

  private work(final: boolean): void {
    if (this.state === "head") {
      const at = this.buf.search(/<sheetData\b/);
      if (at < 0) {
        if (final) throw new NotStreamable(`the sheet "${this.sheet}" has no <sheetData>`);
        return;
      }
      const close = this.buf.indexOf(">", at);
      if (close < 0) return;
      const selfClosing = this.buf[close - 1] === "/";
      this.out.push(this.head(this.buf.slice(0, at)), "<sheetData>");
      this.buf = (selfClosing ? "</sheetData>" : "") + this.buf.slice(close + 1);
      this.state = "rows";
    }
    if (this.state === "rows") this.rowsPart();
    if (this.state === "tail") {
      // Kept whole only to find the merged areas in it: the tail is small (merges, validations, page setup).
      this.tailText += this.buf;
      this.out.push(this.buf);
      this.buf = "";
    }
  }

  /** The part before <sheetData>: the dimension widened to the results, and widths for result columns that have none. */
  private head(head: string): string {
    let h = head;
    const maxRow = this.order.length ? this.order[this.order.length - 1] : 0;
    const maxCol = Math.max(0, ...this.widths.keys());
    h = h.replace(/<dimension\b[^>]*\/>/, (tag) => {
      const area = parseArea(attr(tag, "ref") ?? "");
      if (!area) return tag;
      const bottom = Math.max(area.bottom + 1, maxRow);
      const right = Math.max(area.right + 1, maxCol);
      return setAttr(tag, "ref", `${columnLetter(area.left + 1)}${area.top + 1}:${columnLetter(right)}${bottom}`);
    });
    const cols = /<cols\b[^>]*>([\s\S]*?)<\/cols>/.exec(h);
    const existing = cols ? [...cols[1].matchAll(/<col\b[^>]*\/?>/g)].map((m) => m[0]) : [];
    const covered = (c: number) => existing.some((t) => Number(attr(t, "min")) <= c && c <= Number(attr(t, "max")) && attr(t, "width") !== undefined);
    const added = [...this.widths]
      .filter(([c]) => !covered(c))
      .map(([c, w]) => ({ c, tag: `<col min="${c}" max="${c}" width="${w === 9 ? 9.01 : w}" customWidth="1"/>` }));
    if (added.length === 0) return h;
    // A column inside an existing range without a width is split out of it: ranges may not overlap.
    const split: { min: number; tag: string }[] = [];
    for (const t of existing) {
      const min = Number(attr(t, "min"));
      const max = Number(attr(t, "max"));
      const inside = added.filter((a) => a.c >= min && a.c <= max).map((a) => a.c);
      if (inside.length === 0) {
        split.push({ min, tag: t });
        continue;
      }
      let from = min;
      for (const c of inside) {
        if (c > from) split.push({ min: from, tag: setAttr(setAttr(t, "min", String(from)), "max", String(c - 1)) });
        from = c + 1;
      }
      if (from <= max) split.push({ min: from, tag: setAttr(setAttr(t, "min", String(from)), "max", String(max)) });
    }
    for (const a of added) split.push({ min: a.c, tag: a.tag });
    split.sort((a, b) => a.min - b.min);
    const block = `<cols>${split.map((s) => s.tag).join("")}</cols>`;
    if (cols) return h.replace(cols[0], () => block);
    // <cols> comes just before <sheetData> in CT_Worksheet (ECMA-376 Part 1, 18.3.1.99).
    return h + block;
  }

  /** Rows as they come: each whole row is passed on or patched; an unfinished one waits for the next chunk. */
  private rowsPart(): void {
    const buf = this.buf;
    let p = 0;
    for (;;) {
      const rowAt = this.nextRowStart(buf, p);
      const endAt = buf.indexOf("</sheetData>", p);
      if (endAt >= 0 && (rowAt < 0 || endAt < rowAt)) {
        this.out.push(buf.slice(p, endAt));
        this.flushPlannedBefore(Infinity);
        this.out.push("</sheetData>");
        this.buf = buf.slice(endAt + "</sheetData>".length);
        this.state = "tail";
        return;
      }
      if (rowAt < 0) {
        // A "<row" or "</sheetData>" cut by the chunk's end is kept for the next chunk.
        const lt = buf.lastIndexOf("<");
        const cut = lt >= p && lt > buf.length - 12 ? lt : buf.length;
        this.out.push(buf.slice(p, cut));
        this.buf = buf.slice(cut);
        return;
      }
      const tagEnd = buf.indexOf(">", rowAt);
      const selfClosing = tagEnd >= 0 && buf[tagEnd - 1] === "/";
      const close = tagEnd < 0 || selfClosing ? -1 : buf.indexOf("</row>", tagEnd);
      if (tagEnd < 0 || (!selfClosing && close < 0)) {
        this.out.push(buf.slice(p, rowAt));
        this.buf = buf.slice(rowAt);
        return;
      }
      const rowEnd = selfClosing ? tagEnd + 1 : close + "</row>".length;
      this.out.push(buf.slice(p, rowAt));
      p = rowEnd;
      const open = buf.slice(rowAt, tagEnd + 1);
      const r = Number(attr(open, "r"));
      if (!Number.isInteger(r) || r < 1) throw new NotStreamable(`a row of sheet "${this.sheet}" has no reference`);
      this.flushPlannedBefore(r);
      if (this.order[this.next] === r) {
        this.next++;
        this.out.push(this.patchRow(r, open, selfClosing ? "" : buf.slice(tagEnd + 1, close)));
      } else this.out.push(buf.slice(rowAt, rowEnd));
    }
  }

  private nextRowStart(buf: string, from: number): number {
    for (let i = buf.indexOf("<row", from); i >= 0; i = buf.indexOf("<row", i + 4)) {
      const c = buf[i + 4];
      if (c === undefined) return i;
      if (c === " " || c === ">" || c === "/" || c === "\t" || c === "\n" || c === "\r") return i;
    }
    return -1;
  }

  /** Rows the plan writes that the sheet does not have, before row `r`, as new rows. */
  private flushPlannedBefore(r: number): void {
    while (this.next < this.order.length && this.order[this.next] < r) {
      const row = this.order[this.next++];
      this.out.push(this.patchRow(row, `<row r="${row}">`, ""));
    }
  }

  private patchRow(r: number, open: string, inner: string): string {
    const planned = this.rows.get(r)!;
    const cells: { col: number; xml: string }[] = [];
    let rest = "";
    let last = 0;
    for (const m of inner.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
      rest += inner.slice(last, m.index).trim();
      last = m.index + m[0].length;
      const tag = /^<c\b[^>]*>/.exec(m[0])![0];
      const col = columnOf(attr(tag, "r"));
      if (!col) throw new NotStreamable(`a cell of sheet "${this.sheet}" row ${r} has no reference`);
      cells.push({ col, xml: m[0] });
    }
    // Anything else in the row (an extension list) goes after its cells, as it came.
    rest += inner.slice(last).trim();
    const byCol = new Map(cells.map((c) => [c.col, c]));
    for (const [col, p] of planned) {
      const ref = `${columnLetter(col)}${r}`;
      const old = byCol.get(col);
      if (old && /<f\b[^>]*\bt="(shared|array)"[^>]*\bref=/.test(old.xml)) throw new NotStreamable(`${ref} of sheet "${this.sheet}" starts a shared or array formula`);
      const oldTag = old ? /^<c\b[^>]*>/.exec(old.xml)![0] : "";
      const s = old ? Number(attr(oldTag, "s") ?? 0) : 0;
      let xml: string;
      if (p.header) {
        if (old && cellText(old.xml, this.ctx) === p.value) continue;
        xml = cellXml(ref, p.value, this.ctx.headerXf, this.ctx.stringIndex);
      } else {
        const fmt = cellNumberFormat(p.value, p.numFmt);
        const style = !fmt || (s > 0 && this.ctx.styles.numFmtOf(s) === fmt) ? s : this.ctx.styles.withNumFmt(s, fmt);
        xml = cellXml(ref, p.value, style, this.ctx.stringIndex);
      }
      if (old) old.xml = xml;
      else cells.push({ col, xml });
    }
    cells.sort((a, b) => a.col - b.col);
    // spans is a hint of the row's first and last column; with cells added it would be wrong, so it goes.
    const head = open.replace(/\sspans="[^"]*"/, "").replace(/\/>$/, ">");
    return `${head}${cells.map((c) => c.xml).join("")}${rest}</row>`;
  }

  /** The ExcelJS drawer's refusal: a result column may not run through a merged area. */
  private refuseMergedTargets(): void {
    for (const [tag] of this.tailText.matchAll(/<mergeCell\b[^>]*>/g)) {
      const range = attr(tag, "ref") ?? "";
      const m = parseArea(range);
      if (!m) continue;
      for (const block of this.blocks) {
        const top = block.headerRow;
        const bottom = block.rows.reduce((b, r) => Math.max(b, r.row), top);
        if (m.bottom + 1 < top || m.top + 1 > bottom) continue;
        const hit = block.columns.find((c) => c.col >= m.left + 1 && c.col <= m.right + 1);
        if (hit)
          throw new XlsxError(
            "notWritten",
            `结果列“${hit.header}”要写入的位置与工作表“${this.sheet}”中的合并单元格 ${range} 重叠。请取消这个合并单元格，或把它移到表格以外，再运行`,
            `the result column "${hit.header}" would run through the merged cells ${range} of sheet "${this.sheet}"; unmerge them or move them away from the table, then run again`,
          );
      }
    }
  }
}
