// The five-good kind's columns: headers, other spellings, types and limits.
import { township, type FieldDef } from "../../workbook/fields";

/** The columns of its table under this scheme. */
export function fiveGoodFields(): FieldDef[] {
  return [
    township,
    { id: "organisation", header: "党组织", aliases: ["党组织名称", "单位"], type: "text", required: true },
    { id: "orgType", header: "类型", aliases: ["组织类型"], type: "text", required: false },
    ...FIVE_GOOD_CRITERIA.map<FieldDef>((c, i) => ({ id: `criterion${i + 1}`, header: c, type: "flag", required: true })),
    {
      id: "satisfaction",
      header: "群众满意度",
      aliases: ["满意度"],
      type: "number",
      required: false,
      min: 0,
      max: 100,
      absent: { zh: "没有“群众满意度”列：满意度目标不核算", en: "no 群众满意度 (satisfaction) column: the satisfaction target is not worked out" },
    },
    {
      id: "members",
      header: "农村党员数",
      aliases: ["党员数", "党员人数"],
      type: "count",
      required: false,
      absent: { zh: "没有“农村党员数”列：“五带头”比例不核算", en: "no 农村党员数 (members) column: the five-lead share is not worked out" },
    },
    {
      id: "fiveLead",
      header: "“五带头”党员数",
      aliases: ["五带头党员数", "五带头"],
      type: "count",
      required: false,
      absent: { zh: "没有“‘五带头’党员数”列：“五带头”比例不核算", en: "no 五带头 (five-lead) column: the five-lead share is not worked out" },
    },
  ];
}

/** The five criteria of a "five good" organisation (the county's rural Party-building measures). */
export const FIVE_GOOD_CRITERIA = ["领导班子好", "党员队伍好", "工作机制好", "发展业绩好", "群众反映好"] as const;
