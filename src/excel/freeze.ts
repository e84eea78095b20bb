// Copies of the report sheets with values in place of formulas, for offices that open the file without the add-in.
import type { Plan } from "../workbook/plan";
import { columnLetter } from "../workbook/sheet";
import { elementBytes, place, textInput, type CellInput } from "./cells";
import { defaultLimits, splitChunks, type ChunkLimits } from "./chunks";
import { asHostError, features, hostError, messages } from "./errors";
import { readChunks, type UsedArea } from "./read";
import { supports, type Session } from "./session";

/** "汇总" → "汇总（值）", within Excel's 31 characters for a sheet name. */
export const frozenName = (name: string) => `${name.slice(0, 28)}（值）`;

/**
 * The formula that gives each error value Excel can show in a report, so the frozen copy holds the
 * error itself (ISERROR stays TRUE, a sum over it stays an error) and not its text. Office.js cannot
 * write an error value directly, and text such as "#N/A" would be typed in as text behind an
 * apostrophe.
 */
export const errorFormulas: Readonly<Record<string, string>> = {
  "#N/A": "=NA()",
  "#DIV/0!": "=1/0",
  "#VALUE!": '="a"+1',
  "#NUM!": "=SQRT(-1)",
  "#REF!": "=#REF!",
  "#NAME?": "=#NAME?",
  "#NULL!": "=#NULL!",
};

/** An error a frozen copy cannot keep: the report was not finished (#BUSY!, #SPILL!, …), so its copy would be wrong. */
export class UnfreezableError extends Error {
  constructor(readonly error: string) {
    super(error);
  }
}

/**
 * What to write over one cell of the copy: its value, text kept as text, an error as the formula
 * that gives it; an empty cell is left as it is (null). Every value is written, not only the
 * formulas' results: a cell inside a spilled array shows a value but holds no formula of its own, and
 * would be emptied when its anchor became a value.
 */
export function frozenCell(value: unknown, valueType?: unknown): CellInput {
  if (valueType === "Error") {
    const formula = errorFormulas[String(value)];
    if (!formula) throw new UnfreezableError(String(value));
    return formula;
  }
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") return textInput(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * For each report sheet the workbook has: a copy named "<name>（值）" beside it (a previous copy of
 * that name is replaced: the name belongs to the report), whose cells are then rewritten as values.
 * All chunks are read before any is written, so no formula loses its inputs midway.
 */
export async function freezeReports(session: Session, plan: Plan, onChunk?: (sheet: string) => void, limits: ChunkLimits = defaultLimits): Promise<string[]> {
  if (!supports("1.7")) throw hostError(messages.needsApi(features.copySheet, "1.7")[session.locale]);
  const sheets = session.context.workbook.worksheets;
  sheets.load("items/name");
  const sync = async (sheet: string) => {
    try {
      await session.sync();
    } catch (e) {
      throw asHostError(e, sheet, session.locale);
    }
  };
  await sync("");
  const existing = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
  for (const report of plan.reports) if (!existing.has(report.name.toLowerCase())) throw hostError(messages.reportMissing(report.name)[session.locale]);
  const made: string[] = [];
  for (const report of plan.reports) {
    const name = existing.get(report.name.toLowerCase())!;
    const target = frozenName(name);
    const old = existing.get(target.toLowerCase());
    if (old) sheets.getItem(old).delete();
    const source = sheets.getItem(name);
    const copy = source.copy("After" as Excel.WorksheetPositionType, source);
    copy.name = target;
    const used = copy.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await sync(target);
    existing.set(target.toLowerCase(), target);
    if (!used.isNullObject) {
      const area: UsedArea = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
      const values: unknown[][] = [];
      const types: unknown[][] = [];
      await readChunks(session, target, area, ["values", "valueTypes"], (_, chunk) => {
        for (const row of chunk.values) values.push(row);
        for (const row of chunk.valueTypes) types.push(row);
      }, () => onChunk?.(target));
      let bad: { ref: string; error: string } | undefined;
      const out = values.map((row, i) =>
        row.map((v, j) => {
          try {
            return frozenCell(v, types[i]?.[j]);
          } catch (e) {
            if (!(e instanceof UnfreezableError)) throw e;
            bad ??= { ref: place(name, `${columnLetter(area.col + j + 1)}${area.row + i + 1}`), error: e.error };
            return null;
          }
        }),
      );
      if (bad) {
        // The copy is removed: a half-frozen report must not pass for a finished one.
        sheets.getItem(target).delete();
        await sync(target);
        throw hostError(messages.unfreezable(bad.ref, bad.error)[session.locale]);
      }
      const sizes = out.map((row) => row.reduce<number>((n, v) => n + elementBytes(v), 4));
      const ws = sheets.getItem(target);
      for (const [a, b] of splitChunks(sizes, limits)) {
        const range = ws.getRangeByIndexes(area.row + a, area.col, b - a, area.cols);
        const rows = out.slice(a, b);
        const isError = (v: CellInput, i: number, j: number) => typeof v === "string" && v.startsWith("=") && types[a + i]?.[j] === "Error";
        // An error's formula entered into a Text (@) cell would stay text: such cells are made General first.
        if (rows.some((row, i) => row.some((v, j) => isError(v, i, j)))) range.numberFormat = rows.map((row, i) => row.map((v, j) => (isError(v, i, j) ? "General" : null)));
        range.values = rows;
        session.suspendCalculation();
        await sync(target);
        onChunk?.(target);
      }
    }
    made.push(target);
  }
  return made;
}
