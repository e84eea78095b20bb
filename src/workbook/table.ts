// Finds an assessment table in a sheet by its Chinese headers, wherever it starts and however its columns are ordered.
import type { FieldDef } from "./fields";
import { fillMerges, type CellValue, type SheetData } from "./sheet";

/** How headers are compared: full-width to half-width, no spaces or line breaks, no quotes, lower case. */
export function headerKey(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return String(v)
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[“”"'‘’「」『』]/g, "")
    .toLowerCase();
}

/** The header without a trailing unit or note in brackets: "得分（分）" → "得分", "党员发展(5分)" → "党员发展". */
function bare(key: string): string {
  return key.replace(/[（(【[][^（(【[）)】\]]*[）)】\]]$/, "");
}

/** Leading numbering such as "1.", "一、", "（3）" in front of an item name. */
function unnumbered(key: string): string {
  return key.replace(/^([（(]?[0-9一二三四五六七八九十]+[）).、．]?)+/, "");
}

export interface FoundTable {
  sheet: string;
  /** 0-based index of the header row (the lower row when the header has two). */
  headerRow: number;
  /** 0-based column of each field found. */
  columns: Map<string, number>;
  /** Header text as the workbook spells it, by field id. */
  headers: Map<string, string>;
  missing: FieldDef[];
  /** The sheet's values with merged areas filled in. */
  rows: CellValue[][];
  /** 0-based index of the first data row. */
  firstDataRow: number;
  /** Fields that more than one column answers to (two 任务得分 columns), with every such 0-based column. */
  duplicates: { id: string; cols: number[] }[];
  /** Cells ("row,col", 0-based) holding a formula the file keeps no result for. */
  uncached: Set<string>;
  /** The host could not list merged areas, so a blank group cell may be inside one. */
  mergesUnknown?: boolean;
}

/** Header texts of row r; with a row above it, a blank lower cell takes the upper cell (a two-row header). */
function headerCells(rows: CellValue[][], r: number): string[][] {
  const row = rows[r] ?? [];
  const above = r > 0 ? rows[r - 1] ?? [] : [];
  const width = Math.max(row.length, above.length);
  const out: string[][] = [];
  for (let c = 0; c < width; c++) {
    const lower = headerKey(row[c] ?? null);
    const upper = headerKey(above[c] ?? null);
    const candidates = [lower];
    if (lower === "" && upper !== "") candidates.push(upper);
    if (lower !== "" && upper !== "" && upper !== lower) candidates.push(upper + lower);
    out.push(candidates.filter((k) => k !== ""));
  }
  return out;
}

/** Every name a field answers to, as header keys, worked out once per search. */
interface FieldNames {
  mapped?: string;
  names: string[];
  bare: string[];
}

function fieldNames(fields: readonly FieldDef[], mapping: Record<string, string>): FieldNames[] {
  return fields.map((f) => {
    if (mapping[f.id] !== undefined) return { mapped: headerKey(mapping[f.id]), names: [], bare: [] };
    const names = [f.header, ...(f.aliases ?? [])].map(headerKey);
    return { names, bare: names.map(bare) };
  });
}

function matches(n: FieldNames, key: string): number {
  if (n.mapped !== undefined) return n.mapped === key ? 4 : 0;
  if (n.names.includes(key)) return 3;
  const b = unnumbered(bare(key));
  if (n.names.includes(b) || n.bare.includes(b)) return 2;
  return 0;
}

/**
 * Assign columns to fields for one candidate header row: best match first, each column used once.
 * A field that another unused column also answers to is a duplicate: which one holds the data is not
 * for the program to guess.
 */
function assign(cells: string[][], fields: readonly FieldDef[], names: FieldNames[]) {
  const scored: { field: number; col: number; score: number }[] = [];
  fields.forEach((_, fi) => {
    cells.forEach((keys, col) => {
      const score = Math.max(0, ...keys.map((k) => matches(names[fi], k)));
      if (score > 0) scored.push({ field: fi, col, score });
    });
  });
  scored.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns = new Map<string, number>();
  const usedCols = new Set<number>();
  for (const s of scored) {
    const id = fields[s.field].id;
    if (columns.has(id) || usedCols.has(s.col)) continue;
    columns.set(id, s.col);
    usedCols.add(s.col);
  }
  const duplicates: { id: string; cols: number[] }[] = [];
  for (const [id, col] of columns) {
    const others = scored.filter((s) => fields[s.field].id === id && s.col !== col && !usedCols.has(s.col)).map((s) => s.col);
    if (others.length) duplicates.push({ id, cols: [col, ...new Set(others)].sort((a, b) => a - b) });
  }
  return { columns, duplicates };
}

/** A row is looked at as a header only when it has this many texts: a title or a data row rarely names two fields. */
const HEADER_MIN_TEXTS = 2;

/** Each row's texts as header keys, worked out once per sheet: every kind's search reads the same rows. */
const textKeys = new WeakMap<CellValue[][], (string[] | undefined)[]>();

function textsOf(rows: CellValue[][], r: number): string[] {
  let cache = textKeys.get(rows);
  if (!cache) textKeys.set(rows, (cache = []));
  return (cache[r] ??= (rows[r] ?? []).filter((v) => typeof v === "string" && v.trim() !== "").map((v) => headerKey(v)));
}

/** Whether row r (or, for a two-row header, with the row above) could be a header: enough texts, one of them a field's name. */
function couldBeHeader(rows: CellValue[][], r: number, known: Set<string>): boolean {
  const own = textsOf(rows, r);
  const above = r > 0 ? textsOf(rows, r - 1) : [];
  if (own.length < HEADER_MIN_TEXTS && !(own.length > 0 && above.length >= HEADER_MIN_TEXTS)) return false;
  return own.some((k) => known.has(k) || known.has(unnumbered(bare(k)))) || above.some((k) => known.has(k) || known.has(unnumbered(bare(k))));
}

/** How many rows from the top the pane offers when guessing a header row by hand; the table search itself reads the whole sheet. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The table of these fields in the sheet: the header row is the one, anywhere in the sheet, that
 * names the most required fields (the first such row: a header repeated on every printed page is
 * not a new table); title rows and explanation blocks above it and extra columns are ignored.
 * `mapping` (from the scheme) names the workbook's own header for a field when it differs from the
 * standard ones.
 */
export function findTable(sheet: SheetData, fields: readonly FieldDef[], mapping: Record<string, string> = {}): FoundTable | undefined {
  const rows = fillMerges(sheet);
  const names = fieldNames(fields, mapping);
  const known = new Set(names.flatMap((n) => (n.mapped !== undefined ? [n.mapped] : [...n.names, ...n.bare])));
  let best: { row: number; columns: Map<string, number>; duplicates: { id: string; cols: number[] }[]; score: number } | undefined;
  for (let r = 0; r < rows.length; r++) {
    if (!couldBeHeader(rows, r, known)) continue;
    const { columns, duplicates } = assign(headerCells(rows, r), fields, names);
    const required = fields.filter((f) => f.required && columns.has(f.id)).length;
    const score = required * 1000 + columns.size;
    if (columns.size > 0 && (!best || score > best.score)) best = { row: r, columns, duplicates, score };
  }
  if (!best) return undefined;
  const headers = new Map<string, string>();
  for (const [id, col] of best.columns) {
    const lower = rows[best.row]?.[col];
    const upper = best.row > 0 ? rows[best.row - 1]?.[col] : null;
    headers.set(id, String(lower ?? upper ?? "").trim());
  }
  return {
    sheet: sheet.name,
    headerRow: best.row,
    columns: best.columns,
    headers,
    missing: fields.filter((f) => f.required && !best.columns.has(f.id)),
    rows,
    firstDataRow: best.row + 1,
    duplicates: best.duplicates,
    uncached: new Set((sheet.uncached ?? []).map((c) => `${c.row},${c.col}`)),
    mergesUnknown: sheet.mergesUnknown,
  };
}

/**
 * The table in the workbook: the standard sheet first, then any sheet; the one with the fewest missing
 * required columns wins.
 */
export function findTableIn(sheets: readonly SheetData[], fields: readonly FieldDef[], preferred: string, mapping: Record<string, string> = {}): FoundTable | undefined {
  const ordered = [...sheets].sort((a, b) => Number(b.name === preferred) - Number(a.name === preferred));
  let best: FoundTable | undefined;
  for (const s of ordered) {
    const t = findTable(s, fields, mapping);
    if (!t) continue;
    if (!best || t.missing.length < best.missing.length || (t.missing.length === best.missing.length && t.columns.size > best.columns.size)) best = t;
    if (best.missing.length === 0 && best.sheet === preferred) break;
  }
  return best;
}
