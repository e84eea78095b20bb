// A rule error raised while computing one row, turned into a problem that names the sheet, the row and the column.
import { RuleError } from "../../core/errors";
import type { RowRecord } from "../read";
import type { Problem } from "../sheet";
import type { AssessInput } from "./common";

/** The place a rule error was given by atRecord; the pipeline turns it into the problem's sheet, row and column. */
export interface RowPlace {
  sheet: string;
  row: number;
  col: number;
  header?: string;
}

const places = new WeakMap<RuleError, RowPlace>();

/**
 * Compute one record's values; a rule error names this row and the column it came from. The rules
 * name a value by its argument and index (the second entry of a weighted mean is "scores, row 2"), so
 * `fields` lists the fields in the order the rule was given them: the index picks the column.
 */
export function atRecord<T>(input: AssessInput, record: RowRecord, fields: readonly (string | null)[], compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (!(e instanceof RuleError) || places.has(e)) throw e;
    const index = typeof e.params.row === "number" ? e.params.row - 1 : 0;
    const field = fields.length === 1 ? fields[0] : fields[index];
    const col = field ? input.table.columns.get(field) : undefined;
    // The message's own place ("参数 scores 第2行") speaks of a function's arguments: the problem's place replaces it.
    const placed = new RuleError(e.code, e.key, { ...e.params, at: "" });
    places.set(placed, {
      sheet: input.table.sheet,
      row: record.row,
      col: col === undefined ? 0 : col + 1,
      header: field ? input.table.headers.get(field) : undefined,
    });
    throw placed;
  }
}

/** A rule error as a problem: at its row and column when atRecord placed it, else of the sheet as a whole. */
export function ruleProblem(e: RuleError, sheet: string): Problem {
  const place = places.get(e) ?? { sheet, row: 0, col: 0 };
  const message = places.has(e) ? e : new RuleError(e.code, e.key, { ...e.params, at: "" });
  return { ...place, zh: message.describe("zh-CN"), en: message.describe("en-US") };
}
