// The template sheets of the work around the numbers: 负面清单记录 (with the scheme's list above it) and 异议记录, for the kinds whose results are announced.
import type { Scheme } from "../core/scheme";
import type { FieldDef } from "./fields";
import { NEGATIVE_RECORD_SHEET, negativeRecordFields } from "./negative-records";
import { OBJECTION_SHEET, objectionFields } from "./objections";
import { type BandRow, colOf, type KindSheet, SheetBuilder, subtitleRow, titleRow } from "./templates";

/** The list's nine columns, in the order KAOHE.NEGATIVE reads them. */
const LIST_HEADINGS = ["编号", "类别", "内容", "每次扣分", "扣分上限", "摘星", "不得评优", "定为不称职", "扣绩效工资（元）"];

/** Rows of the record sheet above its header: title, note, the list's label and headings, its items, a blank row. */
const LIST_FIRST_ROW = 5;
const recordHeaderRow = (s: Scheme) => LIST_FIRST_ROW + s.negativeList.length + 1;
const RECORD_ROWS = 200;

function inputSheet(s: Scheme, fields: readonly FieldDef[], note: string, subject: string, key: string, band: BandRow[] = []): KindSheet {
  const b = new SheetBuilder(fields, [], s);
  const headerRow = band.length ? recordHeaderRow(s) : 3;
  return { band: [titleRow("", b.columns.length), subtitleRow(2, note, b.columns), ...band], headerRow, blankRows: RECORD_ROWS, freezeColumns: colOf(b, key), formulas: [], builder: b, subject };
}

/** The scheme's negative list above the records, so the data sheet's formulas read the list the pipeline applies. */
function listBand(s: Scheme): BandRow[] {
  const yes = (v: boolean | undefined) => (v ? "是" : null);
  return [
    { row: 3, role: "constants", cells: [{ col: 1, value: "负面清单（由考核方案生成，表内公式按此计算；修改清单请在“考核方案”中修改后重新生成模板，或用 kaohe run 计算）", toCol: LIST_HEADINGS.length }] },
    { row: 4, role: "constants", cells: LIST_HEADINGS.map((h, i) => ({ col: i + 1, value: h, format: "text" as const })) },
    ...s.negativeList.map<BandRow>((it, k) => ({
      row: LIST_FIRST_ROW + k,
      role: "constants",
      cells: [it.id, it.category, it.text, it.points ?? null, it.pointsCap ?? null, it.removeStars ?? null, yes(it.noTop), yes(it.fail), it.yuan ?? null].map((value, i) => ({ col: i + 1, value, format: i < 3 || i === 6 || i === 7 ? ("text" as const) : ("general" as const) })),
    })),
  ];
}

/** What the record sheet's subtitle tells the person filling it, with the scheme's own list size. */
export function negativeRecordNote(s: Scheme): string {
  return `每发生一次负面清单事项填一行：姓名与考核表一致（有同名的请填单位），条目填考核方案“负面清单”中的编号或内容（现有 ${s.negativeList.length} 条），次数空为1次。计算时按清单扣分、摘星、取消评优或定为末等，逐条写入“说明”和“审计”。`;
}

export const OBJECTION_NOTE = "公示期间收到的异议每条填一行：被异议人与公示名单一致（有同名的在“被异议人单位”填其乡镇、村或支部），处理结果填 成立、不成立 或 待处理；异议成立需改变结果的，在“调整为”填新结果并写明调整原因，计算时改正结果并记入“审计”。";

/** The two sheets, as a kind's template lists them in `extra`. */
export function workflowSheets(s: Scheme): NonNullable<KindSheet["extra"]> {
  return [
    { name: NEGATIVE_RECORD_SHEET, title: "负面清单记录", sheet: inputSheet(s, negativeRecordFields, negativeRecordNote(s), "一条负面清单记录", "name", s.negativeList.length ? listBand(s) : []) },
    { name: OBJECTION_SHEET, title: "公示异议记录", sheet: inputSheet(s, objectionFields, OBJECTION_NOTE, "一条异议", "subject") },
  ];
}

const letterOf = (id: string) => String.fromCharCode(65 + negativeRecordFields.findIndex((f) => f.id === id));

/**
 * KAOHE.NEGATIVE for the person named in `nameCell` (e.g. "$C{r}"), one part of the outcome, reading
 * the record sheet's rows and the list above them; null when the scheme's list is empty (nothing to apply).
 */
export function negativeCall(s: Scheme, nameCell: string, part: "扣分" | "摘星" | "不得评优" | "不称职"): string | null {
  if (s.negativeList.length === 0) return null;
  const first = recordHeaderRow(s) + 1;
  const last = first + RECORD_ROWS - 1;
  const at = (id: string) => `'${NEGATIVE_RECORD_SHEET}'!$${letterOf(id)}$${first}:$${letterOf(id)}$${last}`;
  const list = `'${NEGATIVE_RECORD_SHEET}'!$A$${LIST_FIRST_ROW}:$I$${LIST_FIRST_ROW + s.negativeList.length - 1}`;
  return `KAOHE.NEGATIVE(${nameCell},${at("name")},${at("item")},${list},"${part}",${at("count")})`;
}

/** The data sheet's column that shows each person's bar from the negative list; 等次 reads it. */
export const NEGATIVE_BAR_HEADER = "负面清单";

export const negativeBarMeaning = "按“负面清单记录”表和其上方的负面清单：定为末等、不得评优，或空白；负面清单扣分已从综合得分中扣除，逐条原因见运行考核后的“说明”";

/** The bar as the 负面清单 column shows it, words KAOHE.GRADES's barred argument reads. */
export function negativeBarFormula(s: Scheme, nameCell: string): string | null {
  const fail = negativeCall(s, nameCell, "不称职");
  const noTop = negativeCall(s, nameCell, "不得评优");
  return fail && noTop ? `IF(${fail},"定为末等",IF(${noTop},"不得评优",""))` : null;
}
