// The cadre kind's columns: headers, other spellings, types and limits.
import type { Scheme } from "../../core/scheme";
import { gradeOverride, person, personId, township, veto, type FieldDef } from "../../workbook/fields";

/** The columns of its table under this scheme. */
export function cadreFields(scheme: Scheme): FieldDef[] {
  return [
    township,
    person,
    personId,
    { id: "post", header: "职务", aliases: ["岗位", "职务岗位"], type: "text", required: false },
    {
      id: "postCoefficient",
      header: "岗位系数",
      aliases: ["职务系数"],
      type: "number",
      required: false,
      min: 0,
      max: 10,
      absent: { zh: "没有“岗位系数”列：每人岗位系数按 1 计算", en: "no 岗位系数 (post coefficient) column: everyone's is taken as 1" },
    },
    { id: "taskScore", header: "任务得分", aliases: ["日常考核", "日常考核得分", "百分制得分", "量化得分"], type: "score", required: true, min: 0, max: 100 },
    { id: "yearEnd", header: "年终考评", aliases: ["年终考评得分", "年终考核", "年终测评"], type: "score", required: false, min: 0, max: 100 },
    // With the pool given as one total, the shares follow the grades alone and 应发工资 may be absent, unless each share is weighted by its own base.
    { id: "pay", header: "应发工资", aliases: ["工资总额", "应发工资总额", "工资"], type: "money", required: scheme.pay.pool === "rows" || scheme.pay.method === "baseCoefficient" },
    veto,
    ...gradeOverride,
  ];
}
