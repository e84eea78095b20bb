// The member kind's columns: headers, other spellings, types and limits.
import type { Scheme } from "../../core/scheme";
import { aspectFieldId, person, personId, township, type FieldDef } from "../../workbook/fields";
import { reviewFields } from "./review-stage";


/** The columns of its table under this scheme. */
export function memberFields(scheme: Scheme): FieldDef[] {
  return [
    township,
    { id: "branch", header: "支部", aliases: ["党支部", "所在支部", "党组织"], type: "text", required: true, fillDown: true, unit: true },
    person,
    personId,
    { id: "category", header: "党员类别", aliases: ["类别", "党员类型"], type: "text", required: true },
    ...scheme.stars.aspects.map<FieldDef>((a, i) => ({ id: aspectFieldId(i), header: a, aliases: [`${a}得分`], type: "score", required: i < 3, min: 0, max: 100 })),
    {
      id: "tiebreak",
      header: "综合得分",
      aliases: ["总分", "测评得分"],
      type: "score",
      required: false,
      min: 0,
      max: 100,
      absent: { zh: "没有“综合得分”列：星数并列时按各方面得分之和取舍", en: "no 综合得分 column: ties in stars are decided by the sum of the aspects" },
    },
    // 三评两公开: the rater groups' stars and the 初审, between the aspects and a change by hand, as the stages follow.
    ...reviewFields(scheme),
    { id: "override", header: "调整后星数", aliases: ["人工调整星数"], type: "number", required: false, min: 0 },
    { id: "overrideReason", header: "调整原因", aliases: ["调整理由", "调整说明"], type: "text", required: false },
  ];
}
