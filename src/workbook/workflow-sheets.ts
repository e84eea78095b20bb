// The template sheets of the work around the numbers: 负面清单记录 and 异议记录, for the kinds whose results are announced.
import type { Scheme } from "../core/scheme";
import type { FieldDef } from "./fields";
import { NEGATIVE_RECORD_SHEET, negativeRecordFields } from "./negative-records";
import { OBJECTION_SHEET, objectionFields } from "./objections";
import { colOf, type KindSheet, SheetBuilder, subtitleRow, titleRow } from "./templates";

function inputSheet(s: Scheme, fields: readonly FieldDef[], note: string, subject: string, key: string): KindSheet {
  const b = new SheetBuilder(fields, [], s);
  return { band: [titleRow("", b.columns.length), subtitleRow(2, note, b.columns)], headerRow: 3, blankRows: 200, freezeColumns: colOf(b, key), formulas: [], builder: b, subject };
}

/** What the record sheet's subtitle tells the person filling it, with the scheme's own list size. */
export function negativeRecordNote(s: Scheme): string {
  return `每发生一次负面清单事项填一行：姓名与考核表一致（有同名的请填单位），条目填考核方案“负面清单”中的编号或内容（现有 ${s.negativeList.length} 条），次数空为1次。计算时按清单扣分、摘星、取消评优或定为末等，逐条写入“说明”和“审计”。`;
}

export const OBJECTION_NOTE = "公示期间收到的异议每条填一行：被异议人与公示名单一致，处理结果填 成立、不成立 或 待处理；异议成立需改变结果的，在“调整为”填新结果并写明调整原因，计算时改正结果并记入“审计”。";

/** The two sheets, as a kind's template lists them in `extra`. */
export function workflowSheets(s: Scheme): NonNullable<KindSheet["extra"]> {
  return [
    { name: NEGATIVE_RECORD_SHEET, title: "负面清单记录", sheet: inputSheet(s, negativeRecordFields, negativeRecordNote(s), "一条负面清单记录", "name") },
    { name: OBJECTION_SHEET, title: "公示异议记录", sheet: inputSheet(s, objectionFields, OBJECTION_NOTE, "一条异议", "subject") },
  ];
}
