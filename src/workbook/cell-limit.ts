// Excel's limit on the text of one cell: input cells over it are problems, and no plan drawn by either host writes a cell over it.
import { OWNED_SHEETS_KEY, type Plan, type PlanCell } from "./plan";
import type { Problem, WorkbookData } from "./sheet";

/** "Total number of characters that a cell can contain: 32,767" (Microsoft, Excel specifications and limits); Excel refuses to open a file with more. */
export const CELL_TEXT_LIMIT = 32_767;

const MARK = "…";

/** Every cell of the input whose text is longer than a cell may hold: a file Excel would not open, so a problem naming the cell. */
export function overlongCells(data: WorkbookData): Problem[] {
  const out: Problem[] = [];
  for (const sheet of data.sheets)
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "string" && v.length > CELL_TEXT_LIMIT)
          out.push({
            sheet: sheet.name,
            row: r + 1,
            col: c + 1,
            zh: `有 ${v.length.toLocaleString("en-US")} 个字符，超过 Excel 每个单元格最多 ${CELL_TEXT_LIMIT.toLocaleString("en-US")} 个字符的上限（Excel 打不开这样的文件）。请缩短这个单元格的内容`,
            en: `holds ${v.length.toLocaleString("en-US")} characters, over Excel's limit of ${CELL_TEXT_LIMIT.toLocaleString("en-US")} a cell (Excel cannot open such a file). Shorten it`,
          });
      }),
    );
  return out;
}

/** Text cut to the limit, ending in "…" so the cut shows. */
const cut = (s: string) => `${s.slice(0, CELL_TEXT_LIMIT - MARK.length)}${MARK}`;

/**
 * Cuts every text the plan would write into a cell (values, formulas' results, titles, subtitles,
 * headers, notes) to CELL_TEXT_LIMIT, and says so in the 审计 sheet and the summary. A scheme's title,
 * repeated in every report's subtitle, is where such text comes from. Runs where the plan is made,
 * so the add-in and the command line alike never write a cell Excel would refuse.
 */
export function withinCellLimit(plan: Plan): Plan {
  const places: string[] = [];
  const text = (s: string, where: () => string) => {
    if (s.length <= CELL_TEXT_LIMIT) return s;
    places.push(where());
    return cut(s);
  };
  const cell = (v: PlanCell, where: () => string): PlanCell => {
    if (typeof v === "string") return text(v, where);
    if (v !== null && typeof v === "object") {
      const formula = text(v.formula, where);
      const result = typeof v.result === "string" ? text(v.result, where) : v.result;
      return formula === v.formula && result === v.result ? v : { formula, result };
    }
    return v;
  };
  for (const block of plan.results) {
    for (const col of block.columns) col.header = text(col.header, () => `“${block.sheet}”第 ${block.headerRow} 行`);
    for (const r of block.rows) r.cells = r.cells.map((v) => cell(v, () => `“${block.sheet}”第 ${r.row} 行`));
  }
  for (const rep of plan.reports) {
    const at = (i: number) => () => `“${rep.name}”第 ${i + 1} 行`;
    rep.title = text(rep.title, () => `“${rep.name}”标题`);
    if (rep.subtitle !== undefined) rep.subtitle = text(rep.subtitle, () => `“${rep.name}”副标题`);
    for (const col of rep.columns) col.header = text(col.header, () => `“${rep.name}”表头`);
    rep.rows = rep.rows.map((row, i) => row.map((v) => cell(v, at(i))));
    if (rep.notes) rep.notes = rep.notes.map((n) => text(n, () => `“${rep.name}”附注`));
  }
  if (places.length === 0) return plan;
  const shown = [...new Set(places)].slice(0, 10).join("、");
  const zh = `${places.length} 处文字超过 Excel 每个单元格 ${CELL_TEXT_LIMIT.toLocaleString("en-US")} 个字符的上限，已截断（以“${MARK}”结尾）：${shown}`;
  const en = `${places.length} text(s) longer than Excel's ${CELL_TEXT_LIMIT.toLocaleString("en-US")} characters a cell were cut (ending in "${MARK}")`;
  const audit = plan.reports.find((r) => r.rows.some((row) => row[0] === OWNED_SHEETS_KEY));
  audit?.rows.splice(audit.rows.findIndex((row) => row[0] === OWNED_SHEETS_KEY) + 1, 0, ["截断的文字", zh, ""]);
  plan.summary.zh.push(zh);
  plan.summary.en.push(en);
  return plan;
}
