// The column mapping offered when a table is not found: the missing columns, the header texts a sheet offers for them, and the scheme with the user's choices.
import type { Scheme } from "../../core/scheme";
import { type FieldDef } from "../../workbook/fields";
import { fieldsFor } from "../../kinds/registry";
import type { RunResult } from "../../workbook/pipeline";
import { reportSheetNames } from "../../workbook/plan";
import type { CellValue, WorkbookData } from "../../workbook/sheet";
import { findTable, HEADER_SEARCH_ROWS } from "../../workbook/table";

/** The required columns the run could not find (all of them when no table was found at all). */
export function missingFields(result: RunResult): FieldDef[] {
  return result.table?.missing ?? fieldsFor(result.scheme).filter((f) => f.required);
}

/** Sheets that can hold the data: every sheet but the reports the add-in writes (the scheme sheet among them). */
export function dataSheetNames(workbook: WorkbookData): string[] {
  const reports = new Set<string>(Object.values(reportSheetNames));
  return workbook.sheets.map((s) => s.name).filter((n) => !reports.has(n));
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/**
 * The 0-based header row of a sheet: where the table search puts it for this scheme, else the first
 * row (among those searched) with at least two texts in it, a row of headers rather than a title.
 */
export function headerRowOf(workbook: WorkbookData, sheetName: string, scheme: Scheme): number | undefined {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  if (!sheet) return undefined;
  const found = findTable(sheet, fieldsFor(scheme), scheme.columns);
  if (found) return found.headerRow;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) if ((sheet.rows[r] ?? []).filter((v) => typeof v === "string" && v.trim() !== "").length >= 2) return r;
  return undefined;
}

export interface HeaderOption {
  /** The header as the workbook spells it: the value stored in the mapping. */
  header: string;
  /** 1-based column, to show the column letter. */
  col: number;
}

/**
 * The header texts of a sheet's header row, in column order, each once. A blank cell under a merged
 * group heading takes the heading above it, as the table search reads a two-row header.
 */
export function headerOptions(workbook: WorkbookData, sheetName: string, scheme: Scheme): HeaderOption[] {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  const r = headerRowOf(workbook, sheetName, scheme);
  if (!sheet || r === undefined) return [];
  const row = sheet.rows[r] ?? [];
  const above = r > 0 ? sheet.rows[r - 1] ?? [] : [];
  const seen = new Set<string>();
  const out: HeaderOption[] = [];
  for (let c = 0; c < Math.max(row.length, above.length); c++) {
    const header = text(row[c]) || text(above[c]);
    if (header === "" || seen.has(header)) continue;
    seen.add(header);
    out.push({ header, col: c + 1 });
  }
  return out;
}

/** The sheet the mapping starts on: the one the run looked at, else the first data sheet. */
export function mappingSheet(result: RunResult, workbook: WorkbookData): string | undefined {
  const names = dataSheetNames(workbook);
  const sheet = result.table?.sheet ?? result.problems[0]?.sheet;
  return sheet !== undefined && names.includes(sheet) ? sheet : names[0];
}

/** The scheme with the user's choices (field id → header); an empty choice removes a mapping. */
export function withMapping(scheme: Scheme, choices: Record<string, string>): Scheme {
  const columns = { ...scheme.columns };
  for (const [id, header] of Object.entries(choices)) {
    if (header.trim() === "") delete columns[id];
    else columns[id] = header;
  }
  return { ...scheme, columns };
}
