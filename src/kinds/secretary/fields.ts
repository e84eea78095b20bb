// The secretary kind's columns: headers, other spellings, types and limits.
import type { Scheme } from "../../core/scheme";
import { deductionFieldId, itemFieldId, gradeOverride, person, personId, township, veto, type FieldDef } from "../../workbook/fields";


/** The columns of its table under this scheme. */
export function secretaryFields(scheme: Scheme): FieldDef[] {
  return [
    township,
    { id: "village", header: "村", aliases: ["村名", "行政村", "村（社区）", "村党组织", "村党支部"], type: "text", required: true, unit: true },
    person,
    personId,
    ...scheme.items.map<FieldDef>((it, i) => ({ id: itemFieldId(i), header: it.name, type: "score", required: true, min: 0, max: it.max })),
    ...scheme.deductions.map<FieldDef>((d, i) => ({
      id: deductionFieldId(i),
      header: `${d.name}（次）`,
      aliases: [d.name],
      type: "count",
      required: false,
      absent: { zh: `没有“${d.name}”列：按 0 次、不扣分计算`, en: `no ${d.name} column: taken as 0 times, nothing deducted` },
    })),
    {
      id: "bonus",
      header: "加分",
      aliases: ["加分项", "奖励加分"],
      type: "number",
      required: false,
      absent: { zh: "没有“加分”列：按无加分计算", en: "no 加分 (bonus) column: no bonus is added" },
    },
    { id: "halfYear", header: "半年考核", aliases: ["半年考核得分", "半年得分"], type: "score", required: false, min: 0, max: 100 + scheme.bonusCap },
    { id: "ballot", header: "民主测评", aliases: ["民主测评得分", "测评得分"], type: "score", required: false, min: 0, max: 100 },
    veto,
    ...gradeOverride,
  ];
}
