// The standard columns of each kind of assessment table: their Chinese headers, other spellings, types and limits.
import type { Scheme, SchemeKind } from "../core/scheme";

export type FieldType =
  /** free text: names, units */
  | "text"
  /** a score: number (or numeric text), blank = not scored; within [min, max] */
  | "score"
  /** a whole count ≥ 0, blank = 0 */
  | "count"
  /** any number ≥ 0, blank allowed */
  | "number"
  /** yuan, whole fen */
  | "money"
  /** yes/no: 是/否, √, TRUE/FALSE, 1/0; blank = no */
  | "flag"
  /** a date: an Excel serial or date text (2025-3-5, 2025/03/05, 2025年3月5日, 2025.3.5) */
  | "date";

export interface FieldDef {
  id: string;
  /** The header the standard template uses. */
  header: string;
  /** Other headers counties use for the same column. */
  aliases?: string[];
  type: FieldType;
  required: boolean;
  min?: number;
  max?: number;
  /** A group label (township, branch) that may be merged over its rows or written once above them. */
  fillDown?: boolean;
  /** A key that must not repeat (an ID number): compared as people read it, case and spaces aside. */
  unique?: boolean;
  /** The person's name: the same name twice in one unit is a suspected duplicate when there is no ID. */
  person?: boolean;
  /** Part of the unit a person belongs to (township, branch, village). */
  unit?: boolean;
  /** What the computation takes when this optional column is absent: said on screen and in 审计. */
  absent?: { zh: string; en: string };
}

/** The sheet each kind's table is looked for in first (any sheet is searched when it is not there). */
export const standardSheetNames: Record<SchemeKind, string> = {
  secretary: "村书记考核",
  cadre: "干部考核",
  member: "党员星级",
  appraisal: "民主测评",
  fiveGood: "五好评定",
  ledger: "组织生活台账",
};

const township: FieldDef = { id: "township", header: "乡镇", aliases: ["乡镇（街道）", "乡镇街道", "镇街", "所属乡镇", "乡（镇）"], type: "text", required: true, fillDown: true, unit: true };
const person: FieldDef = { id: "name", header: "姓名", aliases: ["名字"], type: "text", required: true, person: true };
/** A real ID. 序号, 行号, No. number the rows (often again in each branch) and are never an ID. */
const personId: FieldDef = {
  id: "id",
  header: "编号",
  aliases: ["党员编号", "干部编号", "人员编号", "身份证号", "身份证号码", "公民身份号码", "工号"],
  type: "text",
  required: false,
  unique: true,
};

const gradeOverride: FieldDef[] = [
  { id: "override", header: "调整后等次", aliases: ["人工调整等次", "调整等次"], type: "text", required: false },
  { id: "overrideReason", header: "调整原因", aliases: ["调整理由", "调整说明"], type: "text", required: false },
];
const veto: FieldDef = {
  id: "veto",
  header: "一票否决",
  aliases: ["否决", "一票否决事项"],
  type: "flag",
  required: false,
  absent: { zh: "没有“一票否决”列：按无人被一票否决计算", en: "no 一票否决 (veto) column: nobody is taken as vetoed" },
};

export const itemFieldId = (i: number) => `item${i + 1}`;
export const deductionFieldId = (i: number) => `deduction${i + 1}`;
export const aspectFieldId = (i: number) => `aspect${i + 1}`;
export const raterFieldId = (i: number) => `rater${i + 1}`;

/** The columns of the kind's table under this scheme (the secretary's items come from the scheme). */
export function fieldsFor(scheme: Scheme): FieldDef[] {
  switch (scheme.kind) {
    case "secretary":
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
    case "cadre":
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
    case "member":
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
        { id: "override", header: "调整后星数", aliases: ["人工调整星数"], type: "number", required: false, min: 0 },
        { id: "overrideReason", header: "调整原因", aliases: ["调整理由", "调整说明"], type: "text", required: false },
      ];
    case "appraisal":
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
    case "ledger":
      return [...ledgerFields];
    case "fiveGood":
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
}

/** The five criteria of a "five good" organisation (the county's rural Party-building measures). */
export const FIVE_GOOD_CRITERIA = ["领导班子好", "党员队伍好", "工作机制好", "发展业绩好", "群众反映好"] as const;

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
