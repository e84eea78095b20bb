// The ledger kind's columns: headers, other spellings, types and limits.
import type { FieldDef } from "../../workbook/fields";

/** The sheet its table is looked for in first. */
export const LEDGER_SHEET = "组织生活台账";

/** The ledger of organisational life: one row per meeting, talk, training or visit. */
export const ledgerFields: readonly FieldDef[] = [
  { id: "organisation", header: "组织", aliases: ["党组织", "组织名称", "单位"], type: "text", required: true, fillDown: true },
  { id: "eventType", header: "类型", aliases: ["活动类型", "会议类型", "事项类型"], type: "text", required: true },
  { id: "date", header: "日期", aliases: ["时间", "召开日期", "活动日期"], type: "date", required: true },
  { id: "due", header: "应到人数", aliases: ["应到"], type: "count", required: false, absent: { zh: "没有“应到人数”列：不核查到会人数和表决票数", en: "no 应到人数 column: neither quorum nor majority is checked" } },
  { id: "present", header: "实到人数", aliases: ["实到"], type: "count", required: false, absent: { zh: "没有“实到人数”列：不核查到会人数", en: "no 实到人数 column: the quorum is not checked" } },
  { id: "decision", header: "人事事项", aliases: ["干部任免", "人事决定"], type: "flag", required: false, absent: { zh: "没有“人事事项”列：不核查人事表决", en: "no 人事事项 column: personnel votes are not checked" } },
  { id: "inFavour", header: "赞成人数", aliases: ["同意人数", "赞成"], type: "count", required: false, absent: { zh: "没有“赞成人数”列：人事事项按赞成 0 人核查", en: "no 赞成人数 column: personnel decisions are checked with 0 in favour" } },
  { id: "notes", header: "备注", aliases: ["议题", "内容"], type: "text", required: false },
];

/** The organisations a ledger covers. */
export const organisationFields: readonly FieldDef[] = [
  { id: "organisation", header: "组织名称", aliases: ["组织", "党组织"], type: "text", required: true, unique: true },
  { id: "township", header: "乡镇", aliases: ["所属乡镇", "乡镇（街道）"], type: "text", required: false, fillDown: true },
  { id: "orgType", header: "组织类型", aliases: ["类型"], type: "text", required: true },
  { id: "members", header: "党员人数", aliases: ["党员数"], type: "count", required: false },
  { id: "trainingSpend", header: "培训经费", aliases: ["培训经费（元）", "教育培训经费"], type: "money", required: false },
  { id: "fiveGood", header: "是否“五好”", aliases: ["五好"], type: "flag", required: false },
  { id: "satisfaction", header: "群众满意度", aliases: ["满意度"], type: "number", required: false, min: 0, max: 100 },
  { id: "fiveLead", header: "“五带头”党员数", aliases: ["五带头党员数"], type: "count", required: false },
];

export const ORGANISATION_SHEET = "组织名单";
