// Result cells that held formulas (the template's KAOHE formulas) and that a host writing values replaces: found per column, then said in the summary and in 审计.
import { OWNED_SHEETS_KEY, type Plan } from "./plan";
import { columnLetter } from "./sheet";

/** One result column whose cells held formulas before the plan was drawn. */
export interface ReplacedColumn {
  sheet: string;
  header: string;
  /** 1-based column, and the 1-based rows whose cell held a formula. */
  col: number;
  rows: number[];
}

/**
 * The result cells of the plan that hold a formula now, column by column: the host says which cells do
 * (ExcelJS reads the file, Office.js the sheet). A spilled formula is one cell, its first row.
 */
export function replacedFormulas(plan: Plan, hasFormula: (sheet: string, row: number, col: number) => boolean): ReplacedColumn[] {
  const out: ReplacedColumn[] = [];
  for (const block of plan.results)
    for (const column of block.columns) {
      const rows = block.rows.map((r) => r.row).filter((row) => hasFormula(block.sheet, row, column.col));
      if (rows.length) out.push({ sheet: block.sheet, header: column.header, col: column.col, rows });
    }
  return out;
}

/** A column's cells in words: “最终星数”（P4，1 个公式） / 等次 (P4:P203, 200 formulas). */
function place(c: ReplacedColumn, zh: boolean): string {
  const letter = columnLetter(c.col);
  const first = Math.min(...c.rows);
  const last = Math.max(...c.rows);
  const range = first === last ? `${letter}${first}` : `${letter}${first}:${letter}${last}`;
  // A header that quotes a phrase itself (“五带头”比例) is not quoted again.
  const name = c.header.includes("“") ? c.header : `“${c.header}”`;
  return zh ? `${name}（${range}，${c.rows.length} 个公式）` : `${c.header} (${range}, ${c.rows.length} formula${c.rows.length > 1 ? "s" : ""})`;
}

/**
 * Says in the plan's summary and in its 审计 sheet (after the run's facts) which result columns had
 * formulas that the drawn values replace: those cells no longer follow the data, and a person who
 * filled the template must hear that, not find out by editing a score.
 */
export function noteReplacedFormulas(plan: Plan, replaced: readonly ReplacedColumn[]): void {
  if (replaced.length === 0) return;
  const sheets = [...new Set(replaced.map((c) => c.sheet))];
  const zhList = replaced.map((c) => place(c, true)).join("、");
  const enList = replaced.map((c) => place(c, false)).join(", ");
  const zh = `工作表“${sheets.join("”“")}”中结果列原有公式，结果文件中已改写为计算值：${zhList}。这些单元格不再随数据自动更新；如需保留公式，请在 Excel 中用加载项计算`;
  const en = `result columns of sheet ${sheets.map((s) => `"${s}"`).join(", ")} held formulas, replaced by computed values in the result file: ${enList}. Those cells no longer follow the data; to keep the formulas, compute with the add-in in Excel`;
  plan.summary.zh.push(zh);
  plan.summary.en.push(en);
  const audit = plan.reports.find((r) => r.rows.some((row) => row[0] === OWNED_SHEETS_KEY));
  if (!audit) return;
  const at = audit.rows.findIndex((row) => row[0] === OWNED_SHEETS_KEY) + 1;
  audit.rows.splice(at, 0, ["公式改为数值", zhList, "结果列原有公式，结果文件中写入计算值，不再随数据更新"]);
  audit.strongRows = audit.strongRows?.map((i) => (i >= at ? i + 1 : i));
  audit.warnRows = audit.warnRows?.map((i) => (i >= at ? i + 1 : i));
}
