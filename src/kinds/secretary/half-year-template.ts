// The town's half-year test as a template sheet: the annual table's items, deductions and bonus per secretary, which half-year.ts reads item by item.
import type { Scheme } from "../../core/scheme";
import { type KindSheet, SheetBuilder, colOf, scoreResult, subtitleRow, titleRow } from "../../workbook/templates";
import { HALF_YEAR_SHEET, periodFields } from "./half-year";
import { HALF_RESULT_HEADER, HALF_TOTAL_HEADER, halfYearFormulas } from "./period-formulas";

/** Its title, after the year: it says 半年, which is how the reader knows the sheet. */
export const HALF_YEAR_TITLE = "村党组织书记半年考核表";

/** The note above the header: who fills it, what a blank is, where the result goes. */
export function halfYearNote(s: Scheme): string {
  const [half, annual] = s.periods;
  return `乡镇半年考核按与年度考核相同的指标逐项打分，每名书记填一行（姓名、乡镇、村与年度考核表一致）；每项都要填分数，得0分的填0，空白会被逐格列出。扣分项填发生次数；满分、每次扣分和扣分上限按年度考核表第2、3行。本表填了以后，年度考核表的公式、kaohe run 和加载项都按本表逐项算出${half.name}，按${half.name}×${half.weight}＋${annual.name}×${annual.weight}计入量化得分，年度考核表的“半年考核”列可以不填。`;
}

/**
 * The sheet, for the secretary template's extra sheets; none when the scheme has no half-year period.
 * Its two result columns read the maxima, points and caps from the data sheet (`data`), so one edit there serves both tests.
 */
export function halfYearSheet(s: Scheme, data: SheetBuilder): { name: string; title: string; sheet: KindSheet } | null {
  if (s.periods.length < 2) return null;
  const b = new SheetBuilder(
    periodFields(s),
    [
      scoreResult(HALF_TOTAL_HEADER, `各项得分（每项不超过满分）之和＋加分（不超过${s.bonusCap}分）－扣分；低于0分的照实保留：与年度考核逐项合并后才按最低0分计`),
      scoreResult(HALF_RESULT_HEADER, `${HALF_TOTAL_HEADER}，最低0分：本人的${s.periods[0].name}成绩，kaohe run 和加载项计算后写入年度考核表的“${HALF_YEAR_SHEET}”列`),
    ],
    s,
  );
  return {
    name: HALF_YEAR_SHEET,
    title: HALF_YEAR_TITLE,
    sheet: { band: [titleRow("", b.columns.length), subtitleRow(2, halfYearNote(s), b.columns)], headerRow: 3, blankRows: 200, freezeColumns: colOf(b, "name"), formulas: halfYearFormulas(s, b, data), builder: b, subject: "一名村党组织书记的半年考核" },
  };
}
