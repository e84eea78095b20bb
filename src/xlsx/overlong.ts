// Text longer than an Excel cell holds, refused with each place: Excel would cut it, so nothing is computed with it.
import { CELL_TEXT_LIMIT, overlongCells } from "../workbook/cell-limit";
import { describeDataProblem, problemPlace, type WorkbookData } from "../workbook/sheet";
import { XlsxError } from "./errors";

/** Refuses a workbook with text longer than a cell may hold: Excel would cut it, so nothing is computed with it. */
export function refuseOverlong(data: WorkbookData, name: string): void {
  const overlong = overlongCells(data);
  if (!overlong.length) return;
  // The places are in the message itself, as merge lists each unreadable file by its message alone.
  const shown = overlong.slice(0, 5);
  const more = overlong.length > shown.length;
  throw new XlsxError(
    "dataProblems",
    `“${name}”中有 ${overlong.length} 个单元格的文字超过 Excel 每个单元格 ${CELL_TEXT_LIMIT.toLocaleString("en-US")} 个字符的上限，未计算：${shown.map((p) => problemPlace(p, "zh-CN")).join("；")}${more ? " 等" : ""}。请缩短这些单元格的内容`,
    `"${name}" has ${overlong.length} cell(s) with more than Excel's ${CELL_TEXT_LIMIT.toLocaleString("en-US")} characters a cell; nothing was computed: ${shown.map((p) => problemPlace(p, "en-US")).join("; ")}${more ? " and more" : ""}. Shorten them`,
    more ? overlong.map((p) => ({ zh: describeDataProblem(p, "zh-CN"), en: describeDataProblem(p, "en-US") })) : [],
  );
}
