// The template's KAOHE formulas a drawing keeps in a result column: which cells are left to them, and, once Excel has calculated, whether they give the plan's values.
import { append } from "../core/append";
import { roundHalfUp } from "../core/exact";
import { maxOf, minOf } from "../core/extremes";
import type { Locale } from "../core/messages";
import type { FormatName, PlanCell, ResultBlock } from "../workbook/plan";
import { columnLetter } from "../workbook/sheet";
import { place } from "./cells";
import { messages } from "./errors";
import { adjacentRuns, type ColumnFormulas } from "./formulas";
import { readChunks } from "./read";
import type { Session } from "./session";

/** Differences named one by one; past these the report says how many more. */
export const DIFFERENCES_SHOWN = 50;

/** Scores, ranks and ratios agree within half a hundredth, what a two-decimal cell shows. */
const TOLERANCE = 0.005;

/** What a cell a formula fills shows while Excel is still calculating a custom function. */
const BUSY = "#BUSY!";

/**
 * Whether a value Excel shows agrees with the plan's: text exactly, money to the fen, other numbers
 * within 0.005, an empty plan cell with an empty cell.
 */
export function agrees(shown: unknown, planned: PlanCell, format: FormatName | undefined): boolean {
  const want = planned !== null && typeof planned === "object" ? planned.result : planned;
  if (want === null || want === "") return shown === "" || shown === null || shown === undefined;
  if (typeof want === "number") {
    if (typeof shown !== "number") return false;
    if (format === "money") return roundHalfUp(shown, 2) === roundHalfUp(want, 2);
    return Math.abs(shown - want) <= TOLERANCE;
  }
  return shown === want;
}

/** A value as the report names it: text in quotes, so "90" and 90 are told apart, and an empty cell said so. */
function shownAs(v: unknown, locale: Locale): string {
  if (v === "" || v === null || v === undefined) return locale === "zh-CN" ? "（空）" : "(empty)";
  if (typeof v === "string") return locale === "zh-CN" ? `“${v}”` : `"${v}"`;
  return String(v);
}

/** "C2:C4" or "C2:C4、C9" for sorted 1-based rows of one column. */
function rowsRef(col: number, rows: readonly number[], locale: Locale): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const letter = columnLetter(col);
    parts.push(i === j ? `${letter}${rows[i]}` : `${letter}${rows[i]}:${letter}${rows[j]}`);
    i = j + 1;
  }
  return parts.join(locale === "zh-CN" ? "、" : ", ");
}

/** A result column's cells left to the template's formulas, and the plan's rows of it that have none. */
export interface KeptColumn {
  col: number;
  header: string;
  format?: FormatName;
  /** Index of the column in its block. */
  index: number;
  /** 1-based rows whose KAOHE formula stays, sorted. */
  rows: number[];
  /** 1-based rows of the plan with no KAOHE formula in this column: written with values, sorted. */
  valueRows: number[];
}

/** The columns of a block that hold KAOHE formulas in any row the plan writes. */
export function keptColumns(block: ResultBlock, formulas: readonly ColumnFormulas[]): KeptColumn[] {
  const out: KeptColumn[] = [];
  for (const f of formulas) {
    if (f.kaohe.size === 0) continue;
    const index = block.columns.findIndex((c) => c.col === f.col);
    if (index < 0) continue;
    const column = block.columns[index];
    const rows = [...f.kaohe.keys()].sort((a, b) => a - b);
    const valueRows = block.rows.map((r) => r.row).filter((r) => !f.kaohe.has(r)).sort((a, b) => a - b);
    out.push({ col: f.col, header: column.header, format: column.format, index, rows, valueRows });
  }
  return out;
}

/** What checking a block's kept columns found: a note per column and the cells that differ. */
export interface KeptCheck {
  notes: string[];
  differences: string[];
  /** Differences beyond those named. */
  more: number;
}

/**
 * Reads what the kept formulas show, now that the drawing's last sync has let Excel calculate
 * (side-by-side columns as one range, a chunk of rows per sync), and compares each cell with the
 * plan's value. A cell still #BUSY! is counted, not compared: its value is not known yet.
 */
export async function checkKept(session: Session, block: ResultBlock, kept: readonly KeptColumn[], shownSoFar = 0): Promise<KeptCheck> {
  const locale = session.locale;
  const planned = new Map(block.rows.map((r) => [r.row, r.cells]));
  const byCol = new Map(kept.map((k) => [k.col, k]));
  const found = new Map<number, { differ: number; busy: number }>(kept.map((k) => [k.col, { differ: 0, busy: 0 }]));
  const differences: string[] = [];
  let more = 0;
  for (const run of adjacentRuns(kept.map((k) => k.col))) {
    const first = minOf(run.map((c) => byCol.get(c)!.rows[0]))!;
    const last = maxOf(run.map((c) => byCol.get(c)!.rows[byCol.get(c)!.rows.length - 1]))!;
    const values: unknown[][] = [];
    await readChunks(session, block.sheet, { row: first - 1, col: run[0] - 1, rows: last - first + 1, cols: run.length }, ["values"], (_, chunk) => {
      append(values, chunk.values);
    });
    run.forEach((col, k) => {
      const column = byCol.get(col)!;
      const tally = found.get(col)!;
      for (const row of column.rows) {
        const shown = values[row - first]?.[k];
        if (shown === BUSY) {
          tally.busy++;
          continue;
        }
        const want = planned.get(row)?.[column.index] ?? null;
        if (agrees(shown, want, column.format)) continue;
        tally.differ++;
        if (shownSoFar + differences.length >= DIFFERENCES_SHOWN) {
          more++;
          continue;
        }
        const computed = want !== null && typeof want === "object" ? want.result : want;
        differences.push(messages.formulaDiffers(place(block.sheet, `${columnLetter(col)}${row}`), shownAs(shown, locale), shownAs(computed, locale))[locale]);
      }
    });
  }
  const notes = kept.map((k) => {
    const t = found.get(k.col)!;
    const area = place(block.sheet, rowsRef(k.col, k.rows, locale));
    const valuesAt = k.valueRows.length > 0 ? place(block.sheet, rowsRef(k.col, k.valueRows, locale)) : undefined;
    return messages.keptFormulas(area, k.header, k.rows.length, t.differ, t.busy, valuesAt)[locale];
  });
  return { notes, differences, more };
}
