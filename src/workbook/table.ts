// Finds an assessment table in a sheet by its Chinese headers, wherever it starts and however its columns are ordered.
import type { FieldDef } from "./fields";
import { fillMerges, type CellValue, type SheetData } from "./sheet";

/** How headers are compared: full-width to half-width, no spaces or line breaks, no quotes, lower case. */
export function headerKey(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string" || v.length > MAX_KEYED_LENGTH) return keyOf(String(v));
  let k = keys.get(v);
  if (k === undefined) {
    // Bounded, as the add-in lives long: a workbook's texts repeat (townships, grades), so a cleared memo soon fills again.
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(v, (k = keyOf(v)));
  }
  return k;
}

/** The keys of texts already seen: NFKC and two replacements cost more than a look-up, and every search and row check asks again. */
const keys = new Map<string, string>();
const MAX_KEYS = 50_000;
/** Headers, names and labels are short; a long note is keyed without being kept. */
const MAX_KEYED_LENGTH = 200;

function keyOf(s: string): string {
  return s
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

/**
 * A sheet's texts, read once for every search: how many texts each row has, and the rows where each
 * text occurs as a header key, with and without its unit and numbering (what a field's name is matched
 * against). A search then looks up its fields' names instead of reading every row again.
 */
interface SheetTexts {
  counts: number[];
  rowsOf: Map<string, number[]>;
}

const sheetTexts = new WeakMap<CellValue[][], SheetTexts>();

function textsOf(rows: CellValue[][]): SheetTexts {
  const known = sheetTexts.get(rows);
  if (known) return known;
  const counts: number[] = [];
  const rowsOf = new Map<string, number[]>();
  const add = (k: string, r: number) => {
    const list = rowsOf.get(k);
    if (!list) rowsOf.set(k, [r]);
    else if (list[list.length - 1] !== r) list.push(r);
  };
  for (let r = 0; r < rows.length; r++) {
    let count = 0;
    for (const v of rows[r] ?? []) {
      if (typeof v !== "string" || v.trim() === "") continue;
      count++;
      const k = headerKey(v);
      add(k, r);
      add(unnumbered(bare(k)), r);
    }
    counts.push(count);
  }
  const texts = { counts, rowsOf };
  sheetTexts.set(rows, texts);
  return texts;
}

/**
 * The rows that could be a header, in order: those with enough texts (or, for a two-row header, some
 * texts under a row with enough) where the row, or the row above, has a field's name.
 */
function headerCandidates(rows: CellValue[][], wanted: Set<string>): number[] {
  const { counts, rowsOf } = textsOf(rows);
  const named = new Set<number>();
  for (const k of wanted)
    for (const r of rowsOf.get(k) ?? []) {
      named.add(r);
      if (r + 1 < rows.length) named.add(r + 1);
    }
  const enough = (r: number) => counts[r] >= HEADER_MIN_TEXTS || (counts[r] > 0 && r > 0 && counts[r - 1] >= HEADER_MIN_TEXTS);
  return [...named].filter(enough).sort((a, b) => a - b);
}

interface HeaderFound {
  row: number;
  columns: Map<string, number>;
  duplicates: { id: string; cols: number[] }[];
}

/**
 * Header rows found, by sheet and by the fields and mapping searched for: finding the kind asks every
 * kind of every sheet, then the run asks its own kind again, and each search reads the whole sheet.
 */
const searches = new WeakMap<SheetData, Map<string, HeaderFound | null>>();

/** What a search depends on: the fields' names and whether each is required, and the mapping. */
function searchKey(fields: readonly FieldDef[], mapping: Record<string, string>): string {
  return JSON.stringify([fields.map((f) => [f.id, f.header, f.aliases ?? [], f.required === true]), Object.entries(mapping).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}

/** The header row of these fields in the sheet (see findTable), searched once per sheet and search. */
function headerRowOf(sheet: SheetData, rows: CellValue[][], fields: readonly FieldDef[], mapping: Record<string, string>): HeaderFound | undefined {
  let bySearch = searches.get(sheet);
  if (!bySearch) searches.set(sheet, (bySearch = new Map()));
  const key = searchKey(fields, mapping);
  const known = bySearch.get(key);
  if (known !== undefined) return known ?? undefined;
  const names = fieldNames(fields, mapping);
  const wanted = new Set(names.flatMap((n) => (n.mapped !== undefined ? [n.mapped] : [...n.names, ...n.bare])));
  let best: (HeaderFound & { score: number }) | undefined;
  for (const r of headerCandidates(rows, wanted)) {
    const { columns, duplicates } = assign(headerCells(rows, r), fields, names);
    const required = fields.filter((f) => f.required && columns.has(f.id)).length;
    const score = required * 1000 + columns.size;
    if (columns.size > 0 && (!best || score > best.score)) best = { row: r, columns, duplicates, score };
  }
  const found = best ? { row: best.row, columns: best.columns, duplicates: best.duplicates } : undefined;
  bySearch.set(key, found ?? null);
  return found;
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
  const found = headerRowOf(sheet, rows, fields, mapping);
  if (!found) return undefined;
  // Each caller gets its own maps and lists: the search's answer is shared, what is built from it is not.
  const best = { row: found.row, columns: new Map(found.columns), duplicates: found.duplicates.map((d) => ({ id: d.id, cols: [...d.cols] })) };
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
