// The 四诺承诺践诺台账 as a template sheet: one row per promise, beside the secretaries' table, ready for the secretary template's extra sheets.
import type { Scheme } from "../../core/scheme";
import { type KindSheet, SheetBuilder, colOf, scoreResult, subtitleRow, titleRow } from "../../workbook/templates";
import { fourPromiseFields, fourPromiseItem } from "./four-promises-sheet";
import { PROMISE_SCORE_HEADER, promiseFormula } from "./period-formulas";

/** Its title, after the year. */
export const FOUR_PROMISES_TITLE = "四诺承诺践诺台账";

/**
 * The register's sheet: the promise set at the start of the year (建诺), a practice record each quarter
 * (践诺), the half-year evaluation (评诺) and the year-end result (授星), as 北戴河区《农村基层党建工作责任落实办法》
 * describes 四诺, with each promise's 本条得分, whose mean per secretary the data sheet's 年度得分 reads. `data`: the data sheet, whose row 3 holds the item's maximum.
 */
export function fourPromiseSheet(s: Scheme, data: SheetBuilder): KindSheet {
  const k = fourPromiseItem(s.items);
  const max = k >= 0 ? s.items[k].max : 0;
  const b = new SheetBuilder(fourPromiseFields, [scoreResult(PROMISE_SCORE_HEADER, `本条承诺的得分：${max}分×（践诺季度数÷4＋半年评诺÷100＋年终兑现）÷3（兑现1、部分兑现0.5、未兑现0）；一名书记各条的平均分即其“四诺”得分`)], s);
  const note =
    "每条承诺填一行，乡镇、村、姓名每行都填（同一书记的几条承诺合并这几格也可以：表内公式和计算都按上一行读）；各季度践诺栏填写践诺情况，未践诺的留空或填“否”；半年评诺填0–100分；年终兑现填“兑现”“部分兑现”或“未兑现”。四诺得分按季度践诺、半年评诺、年终兑现各占三分之一计算，一名书记各条承诺的平均分计入村书记考核表的“四诺”一项（年度考核表的公式也读本表）。";
  return {
    band: [titleRow("", b.columns.length), subtitleRow(2, note, b.columns)],
    headerRow: 3,
    blankRows: 600,
    freezeColumns: colOf(b, "name"),
    formulas: k >= 0 ? [promiseFormula(s, b, data, k)] : [],
    builder: b,
    subject: "一条承诺",
  };
}
