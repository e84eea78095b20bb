// The formulas in a plan's result columns: the template's KAOHE formulas, which drawing keeps, and a user's own, which drawing would overwrite.
import { append } from "../core/append";
import { maxOf, minOf } from "../core/extremes";
import type { ResultBlock } from "../workbook/plan";
import { parseAreas } from "./cells";
import { readChunks } from "./read";
import type { Session } from "./session";

/**
 * A formula calling a KAOHE worksheet function: =KAOHE.GRADES(…) as Excel shows it, or the
 * _xldudf_KAOHE_GRADES(…) a file saved where the add-in was not loaded may hold.
 */
export const isKaoheFormula = (f: string) => /(^|[^A-Za-z0-9_.])(KAOHE\.|_xldudf_KAOHE_)/i.test(f);

/** The formula cells of one result column, by 1-based row. */
export interface ColumnFormulas {
  col: number;
  /** Cells holding a KAOHE formula: the template's, kept and checked. */
  kaohe: Map<number, string>;
  /** Cells holding any other formula: the user's own. */
  own: Map<number, string>;
}

/** Sorted columns grouped into runs of neighbours: [3, 4, 7] → [[3, 4], [7]]. */
export function adjacentRuns(cols: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const col of [...new Set(cols)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] + 1 === col) last.push(col);
    else runs.push([col]);
  }
  return runs;
}

/**
 * Queues, for one sync the caller makes, where the formulas are among the block's result columns
 * `cols` over the rows the plan writes (Range.getSpecialCells, ExcelApi 1.9): a sheet of values
 * costs no read. After the sync, the returned function gives each column that holds a formula with
 * the first and last row (1-based) of its formulas.
 */
export function probeFormulas(session: Session, block: ResultBlock, cols: readonly number[]): () => Map<number, { first: number; last: number }> {
  const rows = block.rows.map((r) => r.row);
  const top = minOf(rows);
  const bottom = maxOf(rows);
  if (top === undefined || bottom === undefined || cols.length === 0) return () => new Map();
  const ws = session.context.workbook.worksheets.getItem(block.sheet);
  const probes = adjacentRuns(cols).map((run) => {
    const areas = ws.getRangeByIndexes(top - 1, run[0] - 1, bottom - top + 1, run.length).getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType);
    areas.load("address");
    return { run, areas };
  });
  return () => {
    const out = new Map<number, { first: number; last: number }>();
    for (const { run, areas } of probes) {
      if (areas.isNullObject) continue;
      // Areas outside the range asked about are dropped: Excel's Go To Special looks at the whole sheet when asked about one cell.
      for (const a of parseAreas(areas.address))
        for (const col of run) {
          const first = Math.max(a.top + 1, top);
          const last = Math.min(a.bottom + 1, bottom);
          if (col - 1 < a.left || col - 1 > a.right || first > last) continue;
          const now = out.get(col);
          out.set(col, now ? { first: Math.min(now.first, first), last: Math.max(now.last, last) } : { first, last });
        }
    }
    return out;
  };
}

/**
 * Reads the formulas of the columns a probe found, side-by-side columns as one range, a chunk of
 * rows per sync, and sorts each formula of a row the plan writes into the template's (KAOHE) or the
 * user's own.
 */
export async function readFormulas(session: Session, block: ResultBlock, found: ReadonlyMap<number, { first: number; last: number }>): Promise<ColumnFormulas[]> {
  const planned = new Set(block.rows.map((r) => r.row));
  const out: ColumnFormulas[] = [];
  for (const run of adjacentRuns([...found.keys()])) {
    const first = minOf(run.map((c) => found.get(c)!.first))!;
    const last = maxOf(run.map((c) => found.get(c)!.last))!;
    const formulas: unknown[][] = [];
    await readChunks(session, block.sheet, { row: first - 1, col: run[0] - 1, rows: last - first + 1, cols: run.length }, ["formulas"], (_, chunk) => {
      append(formulas, chunk.formulas);
    });
    run.forEach((col, k) => {
      const column: ColumnFormulas = { col, kaohe: new Map(), own: new Map() };
      formulas.forEach((row, i) => {
        const f = row[k];
        const at = first + i;
        if (typeof f !== "string" || !f.startsWith("=") || !planned.has(at)) return;
        (isKaoheFormula(f) ? column.kaohe : column.own).set(at, f);
      });
      if (column.kaohe.size > 0 || column.own.size > 0) out.push(column);
    });
  }
  return out;
}

/** Both steps for a caller that has no sync of its own to share: the probe's sync, then the reads. */
export async function blockFormulas(session: Session, block: ResultBlock, cols: readonly number[]): Promise<ColumnFormulas[]> {
  const found = probeFormulas(session, block, cols);
  await session.sync();
  return readFormulas(session, block, found());
}
