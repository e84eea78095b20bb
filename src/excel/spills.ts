// Finds the result columns a spilled formula fills (a template's =KAOHE.GRADES over the whole column), so drawing leaves them to their formula: a value written into a spill makes the formula show #SPILL!.
import { append } from "../core/append";
import { maxOf } from "../core/extremes";
import type { ResultBlock } from "../workbook/plan";
import { columnLetter } from "../workbook/sheet";
import { place } from "./cells";
import { messages } from "./errors";
import { adjacentRuns } from "./formulas";
import { readChunks } from "./read";
import { supports, type Session } from "./session";

/** A result column left to the spilled formula that fills it. */
export interface SpilledColumn {
  /** 1-based column. */
  col: number;
  /** What the pane says about it, in the user's language. */
  note: string;
}

const isFormula = (f: unknown) => typeof f === "string" && f.startsWith("=");
const isEmpty = (v: unknown) => v === "" || v === null || v === undefined;

/** The 1-based rows a result block writes: from the row under its header to its last data row. */
function span(block: ResultBlock): { first: number; last: number } | undefined {
  if (block.rows.length === 0) return undefined;
  return { first: block.headerRow + 1, last: maxOf(block.rows.map((r) => r.row))! };
}

/**
 * Where a column's first formula is, among `formulas` read from `first` down, and whether a value
 * that is not a formula sits right under a formula: what a spill looks like when the host cannot say
 * (before ExcelApi 1.12). A column of one formula per row has a formula under each formula instead.
 */
function lookLikeSpill(formulas: unknown[], values: unknown[], first: number): { anchor?: { row: number; formula: string }; spilled: boolean } {
  let anchor: { row: number; formula: string } | undefined;
  for (let i = 0; i < formulas.length; i++) {
    if (!isFormula(formulas[i])) continue;
    anchor ??= { row: first + i, formula: String(formulas[i]) };
    if (i + 1 < formulas.length && !isFormula(formulas[i + 1]) && !isEmpty(values[i + 1])) return { anchor: { row: first + i, formula: String(formulas[i]) }, spilled: true };
  }
  return { anchor, spilled: false };
}

/**
 * Queues, for one sync the caller makes, whether a spill fills any of the block's result columns
 * within the rows drawing writes (Range.hasSpill, ExcelApi 1.12). After the sync, the returned
 * function gives the columns to look at: those Excel says a spill fills, or, before ExcelApi 1.12,
 * every result column.
 */
export function probeSpills(session: Session, block: ResultBlock): () => number[] {
  const rows = span(block);
  const cols = [...new Set(block.columns.map((c) => c.col))].sort((a, b) => a - b);
  if (!rows) return () => [];
  if (!supports("1.12")) return () => cols;
  const ws = session.context.workbook.worksheets.getItem(block.sheet);
  const probes = cols.map((col) => {
    const r = ws.getRangeByIndexes(rows.first - 1, col - 1, rows.last - rows.first + 1, 1);
    r.load("hasSpill");
    return { col, r };
  });
  // false: no cell of the column is in a spill; true or null (some are): a spill fills it.
  return () => probes.filter((p) => p.r.hasSpill !== false).map((p) => p.col);
}

/**
 * Of the block's result columns `candidates` (from probeSpills), those a spill fills within the rows
 * drawing writes. Each is read (formulas and values), to name its formula; with ExcelApi 1.12 Excel
 * has said which columns are spilled. Before it, a formula with a value under it that is not a
 * formula is taken for a spill (a county's own single formula above typed values is then left alone
 * too, and said so).
 */
export async function spilledColumns(session: Session, block: ResultBlock, candidates: readonly number[]): Promise<SpilledColumn[]> {
  const rows = span(block);
  if (!rows || candidates.length === 0) return [];
  const exact = supports("1.12");
  const count = rows.last - rows.first + 1;
  const out: SpilledColumn[] = [];
  // Side-by-side columns are read as one range: one request per chunk of rows, not one per column.
  for (const run of adjacentRuns(candidates)) {
    const formulas: unknown[][] = [];
    const values: unknown[][] = [];
    await readChunks(session, block.sheet, { row: rows.first - 1, col: run[0] - 1, rows: count, cols: run.length }, ["formulas", "values"], (_, chunk) => {
      append(formulas, chunk.formulas);
      append(values, chunk.values);
    });
    run.forEach((col, k) => {
      const seen = lookLikeSpill(
        formulas.map((row) => row[k]),
        values.map((row) => row[k]),
        rows.first,
      );
      if (!exact && !seen.spilled) return;
      const header = block.columns.find((c) => c.col === col)?.header ?? "";
      const area = place(block.sheet, `${columnLetter(col)}${rows.first}:${columnLetter(col)}${rows.last}`);
      const anchor = seen.anchor ? place(block.sheet, `${columnLetter(col)}${seen.anchor.row}`) : undefined;
      out.push({ col, note: messages.spilledColumn(area, header, anchor, seen.anchor?.formula)[session.locale] });
    });
  }
  return out;
}
