// The 四诺承诺践诺台账 as a template sheet: one row per promise, beside the secretaries' table, ready for the secretary template's extra sheets.
import type { Scheme } from "../../core/scheme";
import { type KindSheet, SheetBuilder, colOf, subtitleRow, titleRow } from "../../workbook/templates";
import { fourPromiseFields } from "./four-promises-sheet";

/** Its title, after the year. */
export const FOUR_PROMISES_TITLE = "四诺承诺践诺台账";

/**
 * The register's sheet: the promise set at the start of the year (建诺), a practice record each quarter
 * (践诺), the half-year evaluation (评诺) and the year-end result (授星), as 北戴河区《农村基层党建工作责任落实办法》
 * describes 四诺. Entry for the secretary template: `extra: [{ name: FOUR_PROMISES_SHEET, title: FOUR_PROMISES_TITLE, sheet: fourPromiseSheet(s) }]`.
 */
export function fourPromiseSheet(s: Scheme): KindSheet {
  const b = new SheetBuilder(fourPromiseFields, [], s);
  const note =
    "每条承诺填一行（同一书记的几条承诺可合并姓名等单元格）；各季度践诺栏填写践诺情况，未践诺的留空或填“否”；半年评诺填0–100分；年终兑现填“兑现”“部分兑现”或“未兑现”。四诺得分按季度践诺、半年评诺、年终兑现各占三分之一计算，计入村书记考核表的“四诺”一项。";
  return {
    band: [titleRow("", b.columns.length), subtitleRow(2, note, b.columns)],
    headerRow: 3,
    blankRows: 600,
    freezeColumns: colOf(b, "name"),
    formulas: [],
    builder: b,
    subject: "一条承诺",
  };
}
