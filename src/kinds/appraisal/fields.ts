// The appraisal kind's columns: headers, other spellings, types and limits.
import type { Scheme } from "../../core/scheme";
import { raterFieldId, person, personId, township, type FieldDef } from "../../workbook/fields";


/** The sheet its table is looked for in first. */
export const APPRAISAL_SHEET = "民主测评";

/** The columns of its table under this scheme. */
export function appraisalFields(scheme: Scheme): FieldDef[] {
  return [
    { ...township, header: "单位", aliases: ["乡镇", "工作单位", "所在单位"] },
    person,
    personId,
    ...scheme.raters.map<FieldDef>((r, i) => ({
      id: raterFieldId(i),
      header: r.name,
      aliases: [`${r.name}得分`],
      type: "score",
      required: false,
      min: 0,
      max: 100,
      absent: {
        zh: `没有“${r.name}”列：按该评议主体未评议计算，其权重按比例分给其他评议主体`,
        en: `no ${r.name} column: that rater group is taken as not rating, its weight shared among the others`,
      },
    })),
    { id: "votesTop", header: "优秀票", aliases: ["优秀"], type: "count", required: false },
    { id: "votesSecond", header: "称职票", aliases: ["称职"], type: "count", required: false },
    { id: "votesThird", header: "基本称职票", aliases: ["基本称职"], type: "count", required: false },
    { id: "votesBottom", header: "不称职票", aliases: ["不称职"], type: "count", required: false },
    {
      id: "voters",
      header: "应参评人数",
      aliases: ["参评人数", "应到人数"],
      type: "count",
      required: false,
      absent: { zh: "没有“应参评人数”列：不核查参评率，得票等次按所投票数计算", en: "no 应参评人数 (voters) column: the turnout is not checked, vote grades use the votes cast" },
    },
  ];
}

/**
 * The appraisal's optional 评分明细: one row per rater and person appraised, so each rater group's
 * score can be the trimmed mean of its raters. 编号 repeats here (one row per rater), so it is not
 * unique, and 序号 is not one of its spellings: a detail sheet numbers its own rows.
 */
export const raterDetailFields: readonly FieldDef[] = [
  { id: "name", header: "姓名", aliases: ["被评议人", "被测评人", "被评议人姓名", "被测评人姓名"], type: "text", required: true },
  { id: "id", header: "编号", aliases: ["身份证号", "身份证号码", "工号", "人员编号"], type: "text", required: false },
  { id: "raterGroup", header: "评议主体", aliases: ["测评主体", "评议类别"], type: "text", required: true },
  { id: "score", header: "分数", aliases: ["评分", "得分"], type: "score", required: true, min: 0, max: 100 },
];

export const RATER_DETAIL_SHEET = "评分明细";
