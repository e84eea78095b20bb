// The town's half-year test as a template sheet: the annual table's items, deductions and bonus per secretary, which half-year.ts reads item by item.
import type { Scheme } from "../../core/scheme";
import { type KindSheet, SheetBuilder, colOf, subtitleRow, titleRow } from "../../workbook/templates";
import { HALF_YEAR_SHEET, periodFields } from "./half-year";

/** Its title, after the year: it says 半年, which is how the reader knows the sheet. */
export const HALF_YEAR_TITLE = "村党组织书记半年考核表";

/** The note above the header: who fills it, what a blank is, where the result goes. */
export function halfYearNote(s: Scheme): string {
  const [half, annual] = s.periods;
  return `乡镇半年考核按与年度考核相同的指标逐项打分，每名书记填一行（姓名、乡镇、村与年度考核表一致）；每项都要填分数，得0分的填0，空白会被逐格列出。扣分项填发生次数。kaohe run 和加载项计算时按本表逐项算出${half.name}，按${half.name}×${half.weight}＋${annual.name}×${annual.weight}计入量化得分，年度考核表的“半年考核”列可以不填。`;
}

/** The sheet, for the secretary template's extra sheets; none when the scheme has no half-year period. */
export function halfYearSheet(s: Scheme): { name: string; title: string; sheet: KindSheet } | null {
  if (s.periods.length < 2) return null;
  const b = new SheetBuilder(periodFields(s), [], s);
  return {
    name: HALF_YEAR_SHEET,
    title: HALF_YEAR_TITLE,
    sheet: { band: [titleRow("", b.columns.length), subtitleRow(2, halfYearNote(s), b.columns)], headerRow: 3, blankRows: 200, freezeColumns: colOf(b, "name"), formulas: [], builder: b, subject: "一名村党组织书记的半年考核" },
  };
}
