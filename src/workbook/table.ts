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

function matches(field: FieldDef, key: string, mapped: string | undefined): number {
  if (mapped !== undefined) return headerKey(mapped) === key ? 4 : 0;
  const names = [field.header, ...(field.aliases ?? [])].map(headerKey);
  if (names.includes(key)) return 3;
  const b = unnumbered(bare(key));
  if (names.includes(b) || names.map(bare).includes(b)) return 2;
  return 0;
}

/** Assign columns to fields for one candidate header row: best match first, each column used once. */
function assign(cells: string[][], fields: readonly FieldDef[], mapping: Record<string, string>) {
  const scored: { field: number; col: number; score: number }[] = [];
  fields.forEach((f, fi) => {
    cells.forEach((keys, col) => {
      const score = Math.max(0, ...keys.map((k) => matches(f, k, mapping[f.id])));
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
  return columns;
}

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The table of these fields in the sheet: the header row is the one (among the first rows) that names
 * the most required fields; title rows above it and extra columns are ignored. `mapping` (from the
 * scheme) names the workbook's own header for a field when it differs from the standard ones.
 */
export function findTable(sheet: SheetData, fields: readonly FieldDef[], mapping: Record<string, string> = {}): FoundTable | undefined {
  const rows = fillMerges(sheet);
  let best: { row: number; columns: Map<string, number>; score: number } | undefined;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const columns = assign(headerCells(rows, r), fields, mapping);
    const required = fields.filter((f) => f.required && columns.has(f.id)).length;
    const score = required * 1000 + columns.size;
    if (columns.size > 0 && (!best || score > best.score)) best = { row: r, columns, score };
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
