// The figures of a whole table that its template shows above the header (the five-good 全县实际 / 是否达标 rows), as a result block of their own.
import type { BandCell } from "./assess/common";
import type { ResultBlock } from "./plan";
import type { FoundTable } from "./table";

/** The labels of the five-good template's band rows, which the pipeline looks for above the header. */
export const BAND_ACTUAL = "全县实际";
export const BAND_REACHED = "是否达标";

/**
 * A block writing each band cell under its column: a result column where the plan placed it, an input
 * field where the table has it. Each column is named by the header the sheet already shows, so drawing
 * leaves the header as it is; no number format is set, so the template's own (percent, text) stays.
 * A cell whose column the table lacks is not written. No cells: no block.
 */
export function bandBlock(table: FoundTable, results: ResultBlock, band: readonly BandCell[] | undefined): ResultBlock | null {
  if (!band?.length) return null;
  const header = table.rows[table.headerRow] ?? [];
  const colOf = ({ under }: BandCell): number | undefined => {
    if ("result" in under) return results.columns.find((r) => r.header === under.result)?.col;
    const i = table.columns.get(under.field);
    return i === undefined ? undefined : i + 1;
  };
  const cols = [...new Set(band.map(colOf).filter((c): c is number => c !== undefined))].sort((a, b) => a - b);
  if (cols.length === 0) return null;
  const rows = [...new Set(band.map((c) => c.row + 1))].sort((a, b) => a - b);
  const at = new Map(band.map((c) => [`${c.row + 1}:${colOf(c)}`, c.value]));
  return {
    sheet: results.sheet,
    headerRow: results.headerRow,
    columns: cols.map((col) => ({ col, header: String(header[col - 1] ?? results.columns.find((r) => r.col === col)?.header ?? "") })),
    rows: rows.map((row) => ({ row, cells: cols.map((col) => at.get(`${row}:${col}`) ?? null) })),
  };
}
