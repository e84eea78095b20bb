// Reads an .xlsx's values by one streaming pass over its XML (JSZip inflating, saxes parsing), never holding a model of a sheet: the values ExcelJS's reader gives, in bounded memory.
import type JSZip from "jszip";
import { SaxesParser } from "saxes";
import type { CellValue, MergeArea, SheetData, WorkbookData } from "../workbook/sheet";
import { parseArea } from "../workbook/sheet";
import { mentions } from "./bytes";
import { XlsxError } from "./errors";
import { readFailure } from "./exceljs-failure";
import { EXTERNAL } from "./external-links";
import { streamEntry } from "./inflate";
import { attr, resolvePart } from "./parts";
import { notXlsx, sniff } from "./sniff";
import { dateStyles, isDate1904 } from "./styles";
import { checkZip, MAX_PART_BYTES, partText } from "./zip-guard";

/** What the streaming pass gives beyond the values: padding rows left out, external formulas, and where formulas are. */
export interface StreamedWorkbook {
  data: WorkbookData;
  dropped: { sheet: string; rows: number }[];
  externalFormulas: number;
  holdsFormula: (sheet: string, row: number, col: number) => boolean;
}

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
/** Excel's columns run to XFD (16,384): a cell's key is its row times this plus its column. */
const COLUMNS = 16_384;

/**
 * A date-formatted number as ExcelJS reads it (a Date made at the millisecond, the 1904 system's 1,462
 * days added) and dateToSerial gives it back: the same serial to the last bit as the ExcelJS path.
 */
function dateSerial(v: number, date1904: boolean): number | null {
  const ms = Math.round((v - UNIX_EPOCH_SERIAL + (date1904 ? 1462 : 0)) * DAY_MS);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  const serial = UNIX_EPOCH_SERIAL + ms / DAY_MS;
  return Math.round(serial * DAY_MS) / DAY_MS;
}

/** ST_Xstring's escapes (_x000D_) undone, as ExcelJS undoes them in shared strings and rich text runs. */
const unescapeXstring = (s: string) => (s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** An element's name without its namespace prefix ("x:c" → "c"): some generators write prefixed SpreadsheetML. */
const local = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

/** A cell reference's column, 0-based ("AB12" → 27), or −1 when it has none. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** Feeds a part's inflated bytes to a saxes parser as text, chunk by chunk; a UTF-8 character split between chunks is joined by the decoder. */
async function parsePart(zip: JSZip, path: string, parser: SaxesParser, fail: (e: unknown) => XlsxError): Promise<void> {
  const decoder = new TextDecoder("utf-8");
  try {
    await streamEntry(zip, path, MAX_PART_BYTES, (chunk) => {
      parser.write(decoder.decode(chunk, { stream: true }));
    });
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    throw e instanceof XlsxError ? e : fail(e);
  }
}

/** The shared strings, in order, as ExcelJS gives them: runs joined, phonetic runs left out; an item with no text at all is blank. */
export async function sharedStrings(zip: JSZip, path: string | undefined, fail: (e: unknown) => XlsxError): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  if (!path) return out;
  const parser = new SaxesParser({ position: false });
  let item: string | null = null;
  let inItem = false;
  let phonetic = 0;
  let text: string | undefined;
  parser.on("opentag", (tag) => {
    const name = local(tag.name);
    if (name === "si") {
      inItem = true;
      item = null;
    } else if (name === "rPh") phonetic++;
    else if (name === "t" && inItem && phonetic === 0) text = "";
  });
  parser.on("text", (t) => {
    if (text !== undefined) text += t;
  });
  parser.on("closetag", (tag) => {
    const name = local(tag.name);
    if (name === "t" && text !== undefined) {
      item = (item ?? "") + unescapeXstring(text);
      text = undefined;
    } else if (name === "rPh") phonetic--;
    else if (name === "si") {
      out.push(item);
      inItem = false;
    }
  });
  await parsePart(zip, path, parser, fail);
  return out;
}

/**
 * The shared strings of bytes read before, by identity (not kept alive by this): the writer needs them
 * again for the same bytes, and the values hold the same strings already, so keeping the list is cheap.
 */
const readStrings = new WeakMap<Uint8Array, (string | null)[]>();

/** The shared strings a read of these very bytes found, if one did. */
export const stringsRead = (bytes: Uint8Array): (string | null)[] | undefined => readStrings.get(bytes);

/** One sheet's cells while they stream past. */
interface SheetRead {
  rows: CellValue[][];
  merges: MergeArea[];
  uncached: { row: number; col: number }[];
  formulas: Set<number>;
  external: number;
}

interface SheetContext {
  strings: (string | null)[];
  dates: (style: number) => boolean;
  date1904: boolean;
  /** Whether formulas into other workbooks become their values (ExcelJS drops the links they need). */
  externalAsValues: boolean;
  fail: (e: unknown) => XlsxError;
}

/**
 * One worksheet's values, merged areas, formulas without results and formula cells, by one SAX pass.
 * Each cell becomes what ExcelJS's reader makes of it (src/xlsx/exceljs-read.ts's plainValue of it):
 * a formula its cached result, a shared string its text, an error its text, a date-formatted number
 * its serial, a boolean a boolean.
 */
async function readSheet(zip: JSZip, path: string, ctx: SheetContext): Promise<SheetRead> {
  const parser = new SaxesParser({ position: false });
  const read: SheetRead = { rows: [], merges: [], uncached: [], formulas: new Set(), external: 0 };
  const sharedExternal = new Set<string>();
  let rowIndex = -1;
  let row: CellValue[] = [];
  let col = -1;
  let type: string | undefined;
  let style = 0;
  let value: string | undefined;
  let formula: string | undefined;
  let formulaType: string | undefined;
  let sharedIndex: string | undefined;
  let runs: string | undefined;
  /** What text goes where: the cell's <v>, its <f>, an inline string's <t>, or a rich run's <t>. */
  let into: "v" | "f" | "t" | "run" | undefined;
  let inInline = false;
  let inRun = false;
  let phonetic = 0;

  let inRow = false;
  const endRow = () => {
    // A row without cells (formatting only, often a million of them) is not kept: it reads as empty anyway.
    if (inRow && rowIndex >= 0 && row.length) read.rows[rowIndex] = row;
    inRow = false;
  };
  parser.on("opentag", (tag) => {
    const name = local(tag.name);
    const a = tag.attributes as Record<string, string>;
    switch (name) {
      case "row": {
        endRow();
        inRow = true;
        const r = a.r !== undefined ? parseInt(a.r, 10) : NaN;
        rowIndex = Number.isFinite(r) && r >= 1 ? r - 1 : rowIndex + 1;
        row = [];
        col = -1;
        break;
      }
      case "c": {
        const c = a.r !== undefined ? columnOf(a.r) : -1;
        col = c >= 0 ? c : col + 1;
        type = a.t;
        style = a.s !== undefined ? parseInt(a.s, 10) || 0 : 0;
        value = formula = formulaType = sharedIndex = runs = undefined;
        break;
      }
      case "v":
        into = "v";
        break;
      case "f":
        into = "f";
        formula ??= "";
        formulaType = a.t;
        sharedIndex = a.si;
        break;
      case "is":
        inInline = true;
        break;
      case "r":
        if (inInline) inRun = true;
        break;
      case "rPh":
        phonetic++;
        break;
      case "t":
        if (inInline && phonetic === 0) into = inRun ? "run" : "t";
        break;
      case "mergeCell": {
        const area = a.ref !== undefined ? parseArea(a.ref) : undefined;
        if (area) read.merges.push(area);
        break;
      }
    }
  });
  let runText = "";
  parser.on("text", (t) => {
    switch (into) {
      case "v":
      case "t":
        value = value === undefined ? t : value + t;
        break;
      case "f":
        formula += t;
        break;
      case "run":
        runText += t;
        break;
    }
  });
  parser.on("closetag", (tag) => {
    const name = local(tag.name);
    switch (name) {
      case "v":
      case "f":
        into = undefined;
        break;
      case "t":
        if (into === "run") {
          runs = (runs ?? "") + unescapeXstring(runText);
          runText = "";
        }
        if (into === "t" || into === "run") into = undefined;
        break;
      case "r":
        inRun = false;
        break;
      case "rPh":
        phonetic--;
        break;
      case "is":
        inInline = false;
        break;
      case "c":
        if (col >= 0) endCell();
        break;
      case "row":
        endRow();
        break;
    }
  });

  function endCell(): void {
    const isFormula = (formula !== undefined && formula !== "") || !!formulaType;
    if (isFormula) {
      const shared = formulaType === "shared" && sharedIndex !== undefined;
      const external = ctx.externalAsValues && (EXTERNAL.test(formula ?? "") || (shared && !formula && sharedExternal.has(sharedIndex!)));
      if (shared && formula && ctx.externalAsValues && EXTERNAL.test(formula)) sharedExternal.add(sharedIndex!);
      if (external) read.external++;
      else read.formulas.add((rowIndex + 1) * COLUMNS + col + 1);
      let result: CellValue = null;
      if (value) {
        if (type === "str") result = value;
        else if (type === "b") result = parseInt(value, 10) !== 0;
        else if (type === "e") result = value;
        else {
          const n = parseFloat(value);
          result = ctx.dates(style) ? dateSerial(n, ctx.date1904) : Number.isFinite(n) ? n : null;
        }
      } else if (!external) read.uncached.push({ row: rowIndex, col });
      row[col] = result;
      return;
    }
    if (runs !== undefined) {
      row[col] = runs;
      return;
    }
    if (value === undefined) return;
    switch (type) {
      case "s": {
        const i = parseInt(value, 10);
        if (!(i >= 0 && i < ctx.strings.length)) throw ctx.fail(new Error(`shared string ${value} is not in the table of ${ctx.strings.length}`));
        row[col] = ctx.strings[i];
        return;
      }
      case "str":
      case "inlineStr":
        row[col] = value;
        return;
      case "b":
        row[col] = parseInt(value, 10) !== 0;
        return;
      case "e":
        row[col] = value;
        return;
      default: {
        const n = parseFloat(value);
        row[col] = ctx.dates(style) ? dateSerial(n, ctx.date1904) : Number.isFinite(n) ? n : null;
      }
    }
  }

  await parsePart(zip, path, parser, ctx.fail);
  endRow();
  return read;
}

/** The sheet's values as sheetData gives them: covered cells of a merged area blank, each row trimmed of trailing blanks, trailing empty rows dropped. */
function sheetValues(name: string, read: SheetRead): SheetData {
  const { rows, merges } = read;
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= Math.min(m.right, row.length - 1); c++) if ((r !== m.top || c !== m.left) && row[c] !== undefined) row[c] = null;
    }
  let lastRow = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = [];
      continue;
    }
    let last = row.length - 1;
    while (last >= 0 && (row[last] === null || row[last] === undefined)) last--;
    row.length = last + 1;
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    if (row.length > 0) lastRow = r;
  }
  rows.length = lastRow + 1;
  const covered = (p: { row: number; col: number }) => merges.some((m) => p.row >= m.top && p.row <= m.bottom && p.col >= m.left && p.col <= m.right && (p.row !== m.top || p.col !== m.left));
  const uncached = merges.length ? read.uncached.filter((p) => !covered(p)) : read.uncached;
  const data: SheetData = merges.length ? { name, rows, merges } : { name, rows };
  if (uncached.length) data.uncached = uncached;
  return data;
}

/** The target of the workbook's first relationship of this type, as a part name. */
function relTarget(rels: string, type: string): string | undefined {
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!(attr(tag, "Type") ?? "").endsWith(`/${type}`)) continue;
    const target = attr(tag, "Target");
    if (target) return resolvePart("xl/workbook.xml", target);
  }
  return undefined;
}

/**
 * Reads the workbook's values by streaming: the zip is checked first (checkZip: bounds, bombs,
 * missing parts, padding rows counted), then the shared strings and each sheet pass once through a
 * SAX parser. Only the values are kept, never the cells' styles or a row object per row.
 */
export async function streamWorkbook(bytes: Uint8Array, name: string): Promise<StreamedWorkbook> {
  const kind = sniff(bytes);
  if (kind !== "xlsx") throw notXlsx(kind, name);
  const checked = await checkZip(bytes, name, { dropEmptyRows: false });
  const fail = (e: unknown) => readFailure(name, e);
  const zip = checked.zip;
  if (!zip) throw fail(new Error("the zip has no readable directory"));
  const actual = new Map(Object.keys(zip.files).map((p) => [p.toLowerCase(), p]));
  const find = (part: string | undefined) => (part === undefined ? undefined : actual.get(part.toLowerCase()));
  const workbookXml = await partText(zip, find("xl/workbook.xml"));
  const rels = (await partText(zip, find("xl/_rels/workbook.xml.rels"))) ?? "";
  if (workbookXml === undefined || checked.sheets.length === 0)
    throw new XlsxError("unreadable", `“${name}”不是有效的 Excel 工作簿（没有工作表）`, `"${name}" is not a valid Excel workbook (it has no worksheets)`);
  const stylesXml = await partText(zip, find(relTarget(rels, "styles") ?? "xl/styles.xml"));
  const strings = await sharedStrings(zip, find(relTarget(rels, "sharedStrings") ?? "xl/sharedStrings.xml"), fail);
  readStrings.set(bytes, strings);
  const ctx: SheetContext = {
    strings,
    dates: dateStyles(stylesXml ?? ""),
    date1904: isDate1904(workbookXml),
    externalAsValues: mentions(bytes, "xl/externalLinks/"),
    fail,
  };
  const sheets: SheetData[] = [];
  const formulas = new Map<string, Set<number>>();
  let externalFormulas = 0;
  for (const { sheet, part } of checked.sheets) {
    const path = find(part);
    if (!path) continue;
    const read = await readSheet(zip, path, ctx);
    sheets.push(sheetValues(sheet, read));
    formulas.set(sheet, read.formulas);
    externalFormulas += read.external;
  }
  return {
    data: { sheets },
    dropped: checked.dropped,
    externalFormulas,
    holdsFormula: (sheet, row, col) => formulas.get(sheet)?.has(row * COLUMNS + col) ?? false,
  };
}
