// Finds the cells a plan would overwrite that are not its own: result columns under another header, filled cells under an empty one, and a user's own formulas in any result column.
import type { Plan, ResultBlock } from "../workbook/plan";
import { columnLetter } from "../workbook/sheet";
import { place } from "./cells";
import { asHostError, hostError, messages } from "./errors";
import { probeFormulas, readFormulas, type ColumnFormulas } from "./formulas";
import { readChunkRows } from "./read";
import type { Session } from "./session";
import { probeSpills, spilledColumns } from "./spills";

const isEmpty = (v: unknown) => v === "" || v === null || v === undefined;

/** Where a column's foreign cells are: 1-based rows, in order. */
interface Found {
  col: number;
  rows: number[];
}

function describe(sheet: string, f: Found, locale: Session["locale"]): string {
  const letter = columnLetter(f.col);
  const first = f.rows[0];
  const last = f.rows[f.rows.length - 1];
  const ref = place(sheet, first === last ? `${letter}${first}` : `${letter}${first}:${letter}${last}`);
  return messages.conflict(ref, f.rows.length)[locale];
}

/** "D2:D4" for a column's formula cells, first to last row: where to look, with how many there are. */
function describeFormulas(sheet: string, f: ColumnFormulas, locale: Session["locale"]): string {
  const rows = [...f.own.keys()].sort((a, b) => a - b);
  const letter = columnLetter(f.col);
  const ref = place(sheet, rows.length === 1 ? `${letter}${rows[0]}` : `${letter}${rows[0]}:${letter}${rows[rows.length - 1]}`);
  return messages.conflictFormulas(ref, rows.length, f.own.get(rows[0])!)[locale];
}

/**
 * A column is the plan's own when its header cell already holds the column's header (a previous
 * run's, or a header the user typed for it): drawing rewrites its values freely. A column a spilled
 * formula fills is never written, nor is a cell holding the template's KAOHE formula. A formula of
 * the user's own in any result column is named, whatever its header. Any other column written to is
 * checked: its header cell and the cells of the rows the plan writes, read a chunk at a time.
 */
async function blockConflicts(session: Session, block: ResultBlock): Promise<string[]> {
  const ws = session.context.workbook.worksheets.getItemOrNullObject(block.sheet);
  ws.load("name");
  const sync = async () => {
    try {
      await session.sync();
    } catch (e) {
      throw asHostError(e, block.sheet, session.locale);
    }
  };
  await sync();
  if (ws.isNullObject) throw hostError(messages.sheetMissing(block.sheet)[session.locale]);
  const width = Math.max(1, ...block.columns.map((c) => c.col));
  const header = ws.getRangeByIndexes(block.headerRow - 1, 0, 1, width);
  header.load("values");
  const spills = probeSpills(session, block);
  const formulaProbe = probeFormulas(session, block, block.columns.map((c) => c.col));
  await sync();
  const heads = header.values[0] ?? [];
  // A column a spill fills is not written at all (drawing leaves it to its formula), so it overwrites nothing.
  let spilled: Set<number>;
  let formulas: ColumnFormulas[];
  try {
    // Only a column that would be checked is looked at for a spill: one under another header, or one holding formulas.
    const withFormulas = formulaProbe();
    const checked = (col: number) => withFormulas.has(col) || heads[col - 1] !== block.columns.find((c) => c.col === col)?.header;
    spilled = new Set((await spilledColumns(session, block, spills().filter(checked))).map((c) => c.col));
    formulas = await readFormulas(session, block, new Map([...withFormulas].filter(([col]) => !spilled.has(col))));
  } catch (e) {
    throw asHostError(e, block.sheet, session.locale);
  }
  const out = formulas.filter((f) => f.own.size > 0).map((f) => describeFormulas(block.sheet, f, session.locale));
  const foreign = block.columns.filter((c) => heads[c.col - 1] !== c.header && !spilled.has(c.col)).map((c) => c.col).sort((a, b) => a - b);
  if (foreign.length === 0) return out;
  // A formula cell is said above (the user's) or kept (the template's): neither is counted again as a filled cell.
  const formulaRows = new Map(formulas.map((f) => [f.col, new Set([...f.kaohe.keys(), ...f.own.keys()])]));
  const found = new Map<number, Found>(foreign.map((col) => [col, { col, rows: isEmpty(heads[col - 1]) ? [] : [block.headerRow] }]));
  const planned = block.rows.map((r) => r.row).sort((a, b) => a - b);
  const size = readChunkRows(1);
  for (let i = 0; i < planned.length; i += size) {
    const part = planned.slice(i, i + size);
    const first = part[0];
    const span = part[part.length - 1] - first + 1;
    const ranges = foreign.map((col) => {
      const r = ws.getRangeByIndexes(first - 1, col - 1, span, 1);
      r.load("values");
      return { col, r };
    });
    await sync();
    for (const { col, r } of ranges) {
      const values = r.values;
      for (const row of part) if (!isEmpty(values[row - first]?.[0]) && !formulaRows.get(col)?.has(row)) found.get(col)!.rows.push(row);
    }
  }
  return [...out, ...[...found.values()].filter((f) => f.rows.length > 0).map((f) => describe(block.sheet, f, session.locale))];
}

/** Every foreign cell the plan's result columns would overwrite. Report sheets are the plan's own and never listed. */
export async function planConflicts(session: Session, plan: Plan): Promise<string[]> {
  const out: string[] = [];
  for (const block of plan.results) out.push(...(await blockConflicts(session, block)));
  return out;
}
