// The assessment scheme (考核方案): every setting of one assessment, its defaults with their sources, and its validation.
import { toRatio, type Ratio } from "./exact";
import { labelKey } from "./grade";
import type { Locale } from "./messages";
import { numberText } from "./number-text";
import type { SatisfactionMeasure } from "./satisfaction";

/**
 * A setting's value as a problem quotes it: JSON would print 1e400 as null and a 5,000,000-character
 * title whole; a number is plain digits, text is cut, a list or object is named as such.
 */
function settingText(v: unknown, locale: Locale): string {
  const zh = locale === "zh-CN";
  if (typeof v === "number") return numberText(v, locale);
  if (typeof v === "string") return `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;
  if (v === null || v === undefined) return zh ? "空" : "empty";
  if (Array.isArray(v)) return zh ? "列表" : "a list";
  if (typeof v === "object") return zh ? "一组设置" : "a group of settings";
  return String(v);
}
import { roundingNames, tiePolicyNames, type Rounding, type TiePolicy } from "./quota";
import { roundingWords } from "./wording";
import { validateWorkflow, workflowDefaults, workflowSources, type WorkflowRules } from "./workflow-rules";

/**
 * What is assessed: the id of an assessment kind (the kinds are defined in src/kinds and listed in its
 * registry; the rules here know no kind by name).
 */
export type SchemeKind = string;

/** What checking a scheme needs to know of the kinds: which exist, their defaults, and which pay by grade. */
export interface KnownKinds {
  ids: readonly SchemeKind[];
  defaults(kind: SchemeKind): Scheme;
  /** Paid by grade: every grade the kind can give needs its pay coefficient. */
  paidByGrade(kind: SchemeKind): boolean;
}

/** A ratio as people write it in a scheme: 0.3, "30%", "2/3". */
export type RatioText = number | string;

export interface ItemDef {
  name: string;
  max: number;
}

/** A deduction: points per event, and the most this item can take off (null: no cap of its own). */
export interface DeductionDef {
  name: string;
  points: number;
  cap: number | null;
}

export interface WeightDef {
  name: string;
  weight: number;
}

export type GroupBy = "township" | "branch" | "none";
export type VetoMode = "noTop" | "fail";

export interface GradeRules {
  cutoffs: number[];
  labels: string[];
  /** Share of a group that may be top grade; null for no quota. */
  topRatio: RatioText | null;
  rounding: Rounding;
  minimum: number;
  tiePolicy: TiePolicy;
  veto: VetoMode;
  groupBy: GroupBy;
}

export interface StarCategoryDef {
  name: string;
  aliases: string[];
  cap: number;
  /** How many of the five aspects the category is rated on (the star-striving action opinions: 5, or the first 3). */
  aspects: number;
}

export interface StarQuotaDef {
  cap: number;
  threshold: number;
  ratio: RatioText;
}

export interface StarRules {
  aspects: string[];
  thresholds: number[];
  categories: StarCategoryDef[];
  quota: StarQuotaDef[];
  rounding: Rounding;
  tiePolicy: TiePolicy;
  groupBy: GroupBy;
}

export interface CoefficientDef {
  grade: string;
  coefficient: number;
}

export interface PayRules {
  basicRatio: RatioText;
  /**
   * How the performance pool is shared (pay schemes, docs/rules.md §3): "coefficient", pool × cᵢ / Σc
   * with c = grade coefficient × post coefficient (the documented rule; a scheme saved by an earlier version
   * meant base × coefficient by this word, and now gets the documented rule); "baseCoefficient", by each
   * person's own performance base × c; "score", pool × sᵢ / Σs by 综合得分.
   */
  method: PayMethod;
  coefficients: CoefficientDef[];
  /** Money in yuan, whole fen. */
  unit: number;
  /**
   * Where the performance pool comes from: "rows", each person's 应发工资 × the performance share
   * (per township); "sheet", the total written in a line above or below the table (绩效工资总额：368000元);
   * or a given amount in yuan. A single total is shared among everyone of the table.
   */
  pool: PoolSource;
}

export type PoolSource = "rows" | "sheet" | number;

export type PayMethod = "coefficient" | "baseCoefficient" | "score";

/** Where a rank is counted: among the rows of the same township, or among every row of the table (the whole county). */
export type RankScope = "township" | "county";

export interface RankRules {
  scope: RankScope;
}

/** What a composite does when one of its parts is blank: a problem for that row, or the others' weights shared out. */
export type MissingPartPolicy = "problem" | "reweight";

export interface MissingRules {
  /** The final composite's parts (a cadre's task and year-end scores; a secretary's results and ballot). */
  parts: MissingPartPolicy;
  /** The periods combined into the year (a secretary's half-year and annual tests). */
  periods: MissingPartPolicy;
  /** Rater groups of a multi-rater appraisal. */
  raters: MissingPartPolicy;
}

export interface BallotRules {
  /** 优秀 share, 优秀+称职 share, 不称职 share (docs/rules.md §3 vote-share grade). */
  thresholds: [RatioText, RatioText, RatioText];
  turnout: RatioText;
}

export interface TrimRules {
  dropHigh: number;
  dropLow: number;
  minCount: number;
}

export interface TargetDef {
  name: string;
  ratio: RatioText;
}

export type DutyPeriod = "week" | "month" | "quarter" | "half" | "year";

/** A countable duty of organisational life: which kinds of event count, for which organisations, how often. */
export interface DutyDef {
  name: string;
  /** The 类型 entries of the ledger that count for this duty. */
  events: string[];
  /** The organisations it applies to, by their 类型 (乡镇党委, 村党组织); "" for all. */
  orgType: string;
  period: DutyPeriod;
  /** At least this many in each period. */
  min: number;
}

export interface LedgerRules {
  duties: DutyDef[];
  /** Members present for a meeting to count (三分之二以上: at least). */
  quorum: RatioText;
  /** Members in favour of a personnel decision. */
  majority: RatioText;
  /** Training spending per member per year, yuan. */
  trainingPerMember: number;
  /** The satisfaction target measured as the share of rating units satisfied (the document's), or the mean of satisfaction scores, kept for a scheme that asks for it. */
  satisfaction: SatisfactionMeasure;
}

/** 四诺 at year end (授星): the stars a secretary's 四诺 item earns, where the scheme awards them. */
export interface FourPromiseRules {
  /**
   * One star per threshold the item's points reach, each a percentage of the item's maximum (以上
   * includes), from low to high; empty: no stars (北戴河区《农村基层党建工作责任落实办法》 names the stage, not thresholds).
   */
  starThresholds: number[];
}

export interface Scheme {
  version: 1;
  kind: SchemeKind;
  title: string;
  items: ItemDef[];
  deductions: DeductionDef[];
  bonusCap: number;
  /** Period tests combined into the year (半年考核, 年度考核). */
  periods: WeightDef[];
  /** The final composite of parts (量化考核 70, 民主测评 30). */
  parts: WeightDef[];
  raters: WeightDef[];
  trim: TrimRules;
  ballot: BallotRules;
  grade: GradeRules;
  stars: StarRules;
  pay: PayRules;
  classes: number[];
  /** The 排名 column: within each township or over the whole table. */
  rank: RankRules;
  targets: TargetDef[];
  ledger: LedgerRules;
  /** The 四诺 item's stars at year end. */
  fourPromises: FourPromiseRules;
  /** What each composite does with a missing part. */
  missing: MissingRules;
  /** The workbook's own header for a field, where it differs from the standard one (field id → header). */
  columns: Record<string, string>;
  /** 公示: the notice period and where objections go. */
  notice: WorkflowRules["notice"];
  /** 负面清单: the negative list's items and their consequences. */
  negativeList: WorkflowRules["negativeList"];
  /** 表彰名单 and 帮扶名单 of member stars. */
  starLists: WorkflowRules["starLists"];
  /** Columns that hold personal data: never on a notice, the ID masked elsewhere. */
  personal: WorkflowRules["personal"];
}

// ---------------------------------------------------------------- defaults

const gradeDefaults: GradeRules = {
  cutoffs: [90, 80, 60],
  labels: ["优秀", "称职", "基本称职", "不称职"],
  topRatio: "20%",
  rounding: "floor",
  minimum: 0,
  tiePolicy: "strict",
  veto: "noTop",
  groupBy: "township",
};

const starDefaults: StarRules = {
  aspects: ["思想政治", "遵纪守法", "文明风尚", "联系服务", "岗位责任"],
  thresholds: [90, 75],
  categories: [
    { name: "村干部党员", aliases: ["村干部"], cap: 10, aspects: 5 },
    { name: "在村务农党员", aliases: ["有劳动能力无职党员", "在村务农"], cap: 10, aspects: 5 },
    { name: "无劳动能力党员", aliases: ["年老体弱党员", "年老体弱"], cap: 6, aspects: 3 },
    { name: "外出流动党员", aliases: ["流动党员", "外出务工党员"], cap: 6, aspects: 3 },
  ],
  quota: [
    { cap: 10, threshold: 9, ratio: "30%" },
    { cap: 6, threshold: 5, ratio: "30%" },
  ],
  rounding: "floor",
  tiePolicy: "strict",
  groupBy: "branch",
};

const payDefaults: PayRules = {
  basicRatio: "70%",
  method: "coefficient",
  coefficients: [
    { grade: "优秀", coefficient: 1.2 },
    { grade: "称职", coefficient: 1.0 },
    { grade: "基本称职", coefficient: 0.8 },
    { grade: "不称职", coefficient: 0 },
  ],
  unit: 0.01,
  pool: "rows",
};

const common = {
  version: 1 as const,
  items: [] as ItemDef[],
  deductions: [] as DeductionDef[],
  bonusCap: 0,
  periods: [] as WeightDef[],
  parts: [] as WeightDef[],
  raters: [
    { name: "自评", weight: 0.2 },
    { name: "互评", weight: 0.4 },
    { name: "群众评议", weight: 0.2 },
    { name: "支部评定", weight: 0.2 },
  ],
  trim: { dropHigh: 1, dropLow: 1, minCount: 6 },
  ballot: { thresholds: ["90%", "70%", "30%"] as [RatioText, RatioText, RatioText], turnout: "4/5" },
  grade: gradeDefaults,
  stars: starDefaults,
  pay: payDefaults,
  classes: [3, 5, 2],
  rank: { scope: "township" } as RankRules,
  targets: [] as TargetDef[],
  ledger: {
    duties: [
      { name: "党委会议每月召开", events: ["党委会", "党委会议"], orgType: "乡镇党委", period: "month", min: 1 },
      { name: "民主生活会每半年一次", events: ["民主生活会"], orgType: "乡镇党委", period: "half", min: 1 },
      { name: "书记谈心谈话每半年一次", events: ["谈心谈话", "谈话"], orgType: "村党组织", period: "half", min: 1 },
      { name: "村干部培训每年不少于2次", events: ["培训", "村干部培训"], orgType: "村党组织", period: "year", min: 2 },
      { name: "村委会每周例会", events: ["村委会", "村委会议", "村两委会议"], orgType: "村党组织", period: "week", min: 1 },
      { name: "联系点每年走访不少于2次", events: ["走访", "联系点走访"], orgType: "村党组织", period: "year", min: 2 },
      { name: "乡镇干部每月集中学习1天", events: ["学习日", "集中学习日", "干部学习日"], orgType: "乡镇党委", period: "month", min: 1 },
      { name: "书记每季度向党委扩大会议报告财务收支", events: ["财务报告", "财务收支报告"], orgType: "乡镇党委", period: "quarter", min: 1 },
      // The tally goes in the row's 应到/实到/赞成人数, as every vote of the ledger does.
      { name: "每年民主推荐优秀干部（记录计票结果）", events: ["推荐优秀干部", "民主推荐优秀干部"], orgType: "乡镇党委", period: "year", min: 1 },
      { name: "每年专题研究农村党建不少于1次", events: ["专题研究农村党建", "农村党建专题会"], orgType: "乡镇党委", period: "year", min: 1 },
      { name: "每年听取农村党建工作汇报不少于2次", events: ["听取党建汇报", "农村党建工作汇报"], orgType: "乡镇党委", period: "year", min: 2 },
      // Words of their own, so a talk with village cadres never counts as the half-yearly talk with the secretary.
      { name: "乡镇党委书记每年与村干部谈话", events: ["村干部谈话", "与村干部谈话"], orgType: "村党组织", period: "year", min: 1 },
    ] as DutyDef[],
    quorum: "2/3",
    majority: "2/3",
    trainingPerMember: 30,
    satisfaction: "share",
  } as LedgerRules,
  // Off: the document awards stars at year end without saying for what, so a county sets its own thresholds.
  fourPromises: { starThresholds: [] } as FourPromiseRules,
  // A missing rater group is shared out by the documented rule; a missing score of a person's own is a problem, never a silent reweighting.
  missing: { parts: "problem", periods: "problem", raters: "reweight" } as MissingRules,
  columns: {} as Record<string, string>,
  ...workflowDefaults(),
};

/**
 * What a default title holds in place of the year where no data says which year is assessed (a blank
 * template, a scheme exported on its own): plainly a blank to fill, never the current year, which is
 * the wrong one for the past year's assessment done in the new year. The blank templates' own blank.
 */
export const YEAR_BLANK = "______";

/** The year a title names ("2025年度…"), if it names one. */
export function yearInTitle(title: string): number | undefined {
  const m = /(19|20)\d{2}(?=\s*年)/.exec(title);
  return m ? Number(m[0]) : undefined;
}

/**
 * The scheme for the year assessed: a title that names a year was set so by the user and is kept; a
 * title with the blank gets the year the data names.
 */
export function withAssessedYear(scheme: Scheme, year: number): Scheme {
  return yearInTitle(scheme.title) === undefined && scheme.title.includes(YEAR_BLANK) ? { ...scheme, title: scheme.title.replace(YEAR_BLANK, String(year)) } : scheme;
}

/**
 * The settings every kind's standard scheme starts from, every value a default from docs/rules.md with its
 * source in schemeSources; the kind adds its own (src/kinds). Without a year the title has the blank.
 */
export function baseScheme(kind: SchemeKind, name: string, year?: number): Scheme {
  return structuredClone({ ...common, kind, title: `${year ?? YEAR_BLANK}年度${name}` });
}

/** Where each default comes from, shown beside the setting (docs/rules.md §2–§3 and the documents it lists). */
export const schemeSources: Record<string, { zh: string; en: string }> = {
  items: { zh: "村书记年度工作20项，每项量化（北戴河区《农村基层党建工作责任落实办法》）", en: "20 quantified items a year (the Beidaihe rural Party-building responsibility measures)" },
  deductions: { zh: "各地方案：如无故缺席每次扣2分，扣完为止", en: "local schemes: e.g. −2 per unexcused absence, down to zero" },
  bonusCap: { zh: "各地方案：加分5–10分封顶", en: "local schemes: bonus capped at 5–10" },
  periods: { zh: "乡镇党委半年一考、组织部年度一考（北戴河区《农村基层党建工作责任落实办法》）", en: "town test each half year, Organization Department yearly (the Beidaihe rural Party-building responsibility measures)" },
  parts: { zh: "村书记方案：工作实绩70%+民主测评30%；日常80%+年终20%", en: "village-secretary schemes: results 70 + ballot 30; daily 80 + year-end 20" },
  raters: {
    zh: "四方评议：自评、互评、群众评议、支部评定（《关于开展“奉献我村、服务群众”农村党员创星行动的意见》的三评两公开）；权重自评0.2、互评0.4、群众评议0.2、支部评定0.2（开源党建系统）",
    en: "four rater groups: self, peer, public, branch committee (the star-striving action opinions' 三评两公开); weights .2, .4, .2, .2 (an open-source party system)",
  },
  trim: { zh: "测评表：评议人超过5人时去掉一个最高分和一个最低分", en: "ballot templates: more than 5 raters, drop highest and lowest" },
  ballot: { zh: "乡镇方案：优秀票≥90%为优秀，优秀+称职≥70%为称职，不称职≥30%为不称职；参评≥4/5有效", en: "a township scheme: 90% / 70% / 30%, turnout 4/5" },
  "grade.cutoffs": { zh: "≥90优秀，80–90称职，60–80基本称职，<60不称职（多地方案）", en: "≥ 90, [80, 90), [60, 80), < 60 (several schemes)" },
  "grade.topRatio": { zh: "优秀比例：干部20%，党员1/3（公务员与党员评议规定）", en: "top-grade share: cadres 20%, members 1/3 (appraisal rules)" },
  "grade.rounding": { zh: `“不超过”按${roundingWords.floor.zh}`, en: "\"at most\" rounds down" },
  "grade.tiePolicy": { zh: "并列时先比次要分数，仍并列则严格不超额", en: "ties: tiebreak keys, then never over quota" },
  "grade.veto": { zh: "一票否决：不得评为优秀（信访等规定）", en: "veto: no top grade (petition rules)" },
  "stars.thresholds": { zh: "每方面≥90分2星、≥75分1星（《关于开展“奉献我村、服务群众”农村党员创星行动的意见》的默认解读）", en: "per aspect ≥ 90: 2 stars, ≥ 75: 1 (default reading of the star-striving action opinions)" },
  "stars.categories": { zh: "四类党员：村干部、在村务农上限10星；无劳动能力、外出流动上限6星（《关于开展“奉献我村、服务群众”农村党员创星行动的意见》）", en: "four categories, caps 10/10/6/6 (the star-striving action opinions)" },
  "stars.quota": { zh: "9星以上不超过10星党员的30%，5星以上不超过6星党员的30%（《关于开展“奉献我村、服务群众”农村党员创星行动的意见》）", en: "9+ of cap 10 at most 30%, 5+ of cap 6 at most 30% (the star-striving action opinions)" },
  "pay.basicRatio": { zh: "基本工资70%、绩效30%；村书记60/40（薪酬方案）", en: "basic 70 / performance 30; 60/40 for village secretaries (pay schemes)" },
  "pay.method": {
    zh: "按系数分配：个人绩效工资＝绩效工资池×本人系数÷本乡镇系数之和（薪酬方案）；“按绩效基数×系数分配”按各人应发工资的绩效部分×系数分配。此前版本保存的方案中“按等次系数×岗位系数”（coefficient）指后者，现指前者；如需原算法，请改为“按绩效基数×系数分配”（baseCoefficient）",
    en: "pool by coefficient: shareᵢ = pool × cᵢ / Σc (pay schemes); baseCoefficient weights each person's own performance base × c. Schemes saved by earlier versions meant the latter by coefficient; it now means the former: set baseCoefficient to keep the old rule",
  },
  "pay.coefficients": { zh: "优秀1.2、称职1.0、基本称职0.8、不称职0（薪酬方案）", en: "1.2 / 1.0 / 0.8 / 0 (pay schemes)" },
  "pay.pool": { zh: "绩效工资池：“按各人应发工资合计”即各人应发工资的绩效部分之和（各乡镇）；“按表中写明的总额”取表头或表尾写明的绩效工资总额；或直接填写金额（元）", en: "the pool: rows (Σ each person's performance part, per township), sheet (the total written above or below the table), or an amount in yuan" },
  "missing.parts": { zh: "综合得分缺少一项：“列为问题”（干部的任务得分、年终考评默认如此），或“按其余各项权重折算”并在说明和审计中注明（村书记未参加民主测评默认如此）", en: "a composite missing a part: problem (cadres' default) or reweight, stated in 说明 and 审计 (village secretaries' default)" },
  "missing.periods": { zh: "缺少一个考核期（如半年考核）：“列为问题”，或“按其余各项权重折算”，即按其余考核期的权重折算，并在说明和审计中注明（村书记默认如此）", en: "a missing period: problem, or reweight, stated in 说明 and 审计 (village secretaries' default)" },
  "missing.raters": { zh: "某评议主体未评议：按其余主体权重比例折算（docs/rules.md §3 综合评议）", en: "a rater group missing: its weight shared among the others (docs/rules.md §3 composite)" },
  classes: { zh: "村书记分类：一类、二类、三类按3:5:2（某县方案）", en: "classes 3:5:2 (a county's scheme)" },
  "rank.scope": { zh: "排名范围：乡镇内，与村书记分类同在本乡镇内比较（某县方案：相对分类在本单位内排名）", en: "rank within each township, as the secretaries' classes are (a county's scheme: relative classes rank within a unit)" },
  "ledger.duties": {
    zh: "党委会每月一次、民主生活会每半年一次、乡镇干部每月集中学习1天、书记每季度向党委扩大会议报告财务收支、每年民主推荐优秀干部并投票（《关于乡镇党委规范化建设试点工作的意见》）；每年专题研究农村党建至少1次、每年听取农村党建工作汇报至少2次、联系点每年至少走访2次（《我县农村党建工作措施》）；乡镇党委书记每半年与村党组织书记谈话一次、每年与村干部谈话，村干部培训每年至少2次，村委会每周一次（东乡县《村（社区）规范化管理制度》）",
    en: "committee monthly, democratic life meeting each half year, cadres' study day monthly, the secretary's finance report to the enlarged committee quarterly, the vote recommending outstanding cadres yearly (the opinions on standardising township Party committees); a special study on rural Party building and two reports heard a year, two contact-point visits a year (the county's rural Party-building measures); the township secretary's talks with the village secretary each half year and with village cadres yearly, training twice a year, village committee weekly (the Dongxiang standard management of villages)",
  },
  "ledger.quorum": { zh: "党委会须三分之二以上委员到会（《关于乡镇党委规范化建设试点工作的意见》）", en: "more than two thirds present (the opinions on standardising township Party committees)" },
  "ledger.majority": { zh: "干部任免须三分之二以上委员同意（《关于乡镇党委规范化建设试点工作的意见》）", en: "personnel decisions: more than two thirds in favour (the opinions on standardising township Party committees)" },
  "ledger.trainingPerMember": { zh: "党员教育培训经费每人每年不少于30元（《我县农村党建工作措施》）", en: "training funds at least 30 yuan per member a year (the county's rural Party-building measures)" },
  "ledger.satisfaction": { zh: "县直部门和基层站所中满意单位所占比例（《我县农村党建工作措施》）；“按满意度平均分”只在本县方案要求时使用", en: "the share of county departments and grass-roots stations satisfied (the county's rural Party-building measures); the mean score only where a county's scheme asks for it" },
  "fourPromises.starThresholds": {
    zh: "年终授星：“四诺”一项得分每达到一个门槛（占该项满分的百分比，含本数）得一星；北戴河区《农村基层党建工作责任落实办法》规定年终授星，未规定门槛，默认不评星，由本县填写（如 60、80、100）",
    en: "stars at year end: one star per threshold the 四诺 item reaches, as a percentage of its maximum (inclusive); the Beidaihe rural Party-building responsibility measures award stars at year end without thresholds, so none by default: a county writes its own (e.g. 60, 80, 100)",
  },
  targets: { zh: "“五好”≥65%，满意度≥65%，“五带头”≥60%（《我县农村党建工作措施》）", en: "five good ≥ 65%, satisfaction ≥ 65%, five lead ≥ 60% (the county's rural Party-building measures)" },
  ...workflowSources,
};

// ---------------------------------------------------------------- validation

export interface SchemeProblem {
  /** Where in the scheme, e.g. "grade.cutoffs[1]"; "" when the problem is a row of the 考核方案 sheet that names no setting. */
  path: string;
  /** The 1-based row of the 考核方案 sheet, when the problem is with one row of it. */
  row?: number;
  zh: string;
  en: string;
}

export function describeProblem(p: SchemeProblem, locale: Locale): string {
  const zh = locale === "zh-CN";
  const row = p.row ? (zh ? `第${p.row}行：` : `row ${p.row}: `) : "";
  return `${row}${p.path ? `${p.path}: ` : ""}${zh ? p.zh : p.en}`;
}

/**
 * The deepest a scheme nests: ledger.duties[0].events[0] is 4 levels; twice that leaves room and
 * stops a crafted file nested thousands deep before anything walks it.
 */
export const MAX_SCHEME_DEPTH = 8;

/** A name that reaches a built-in object when used as a key ("__proto__", "constructor", "toString", …): never a setting. */
export function isForbiddenKey(key: string): boolean {
  return key === "prototype" || key in Object.prototype;
}

/**
 * Keys that could reach a built-in object and nesting past MAX_SCHEME_DEPTH, found without recursion
 * (a crafted file may nest thousands deep). JSON.parse keeps "__proto__" as an own key, which a
 * later spread or assignment could turn into a change of Object.prototype.
 */
function shapeProblems(raw: object): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  // Breadth first, so the problems come in the order of the keys.
  const queue: { value: object; path: string; depth: number }[] = [{ value: raw, path: "", depth: 0 }];
  for (let next = 0; next < queue.length; next++) {
    const { value, path, depth } = queue[next];
    if (depth > MAX_SCHEME_DEPTH) {
      problems.push({
        path,
        zh: `嵌套超过 ${MAX_SCHEME_DEPTH} 层，不是考核方案的结构。请删除这一项`,
        en: `is nested more than ${MAX_SCHEME_DEPTH} levels deep, which no setting is. Remove it`,
      });
      continue;
    }
    const isList = Array.isArray(value);
    for (const key of Object.keys(value)) {
      const at = isList ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!isList && isForbiddenKey(key)) {
        problems.push({
          path: at,
          zh: `“${key}”不能用作设置名（它会改动程序内部的对象）。请删除这一项`,
          en: `"${key}" cannot name a setting (it would change the program's own objects). Remove it`,
        });
        continue;
      }
      const v = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === "object") queue.push({ value: v, path: at, depth: depth + 1 });
    }
  }
  return problems;
}

class Checker {
  readonly problems: SchemeProblem[] = [];
  add(path: string, zh: string, en: string): void {
    this.problems.push({ path, zh, en });
  }
  number(v: unknown, path: string, opts: { min?: number; max?: number; integer?: boolean } = {}): v is number {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.add(path, `应为数字（现为 ${settingText(v, "zh-CN")}）；请改为数字`, `must be a number (is ${settingText(v, "en-US")}); write a number`);
      return false;
    }
    const n = (x: number, locale: Locale) => numberText(x, locale);
    if (opts.integer && !Number.isInteger(v)) this.add(path, `应为整数（${n(v, "zh-CN")}）；请去掉小数`, `must be a whole number (${n(v, "en-US")}); drop the decimals`);
    if (opts.min !== undefined && v < opts.min) this.add(path, `不能小于 ${n(opts.min, "zh-CN")}（${n(v, "zh-CN")}）`, `must be at least ${n(opts.min, "en-US")} (${n(v, "en-US")})`);
    if (opts.max !== undefined && v > opts.max) this.add(path, `不能大于 ${n(opts.max, "zh-CN")}（${n(v, "zh-CN")}）`, `must be at most ${n(opts.max, "en-US")} (${n(v, "en-US")})`);
    return true;
  }
  text(v: unknown, path: string): v is string {
    if (typeof v !== "string" || v.trim() === "") {
      this.add(path, "应为非空文字", "must be non-empty text");
      return false;
    }
    return true;
  }
  ratio(v: unknown, path: string): Ratio | undefined {
    if (typeof v !== "number" && typeof v !== "string") {
      this.add(path, `应为比例，如 0.3、"30%"、"2/3"`, `must be a ratio such as 0.3, "30%" or "2/3"`);
      return undefined;
    }
    try {
      const r = toRatio(v);
      const said = (locale: Locale) => (typeof v === "number" ? numberText(v, locale) : v);
      if (r.num > r.den) this.add(path, `比例不能大于 100%（${said("zh-CN")}）；30% 请写作 0.3 或 "30%"`, `a ratio cannot exceed 100% (${said("en-US")}); write 30% as 0.3 or "30%"`);
      return r;
    } catch {
      this.add(path, `“${v}”不是比例，如 0.3、"30%"、"2/3"`, `"${v}" is not a ratio such as 0.3, "30%" or "2/3"`);
      return undefined;
    }
  }
  option<T extends string>(v: unknown, path: string, names: Record<string, T>): void {
    // Own names only: "toString" or "constructor" is in every object but is no option.
    if (typeof v !== "string" || !Object.hasOwn(names, v)) this.add(path, `无法识别“${String(v)}”，可选：${Object.keys(names).join("、")}`, `"${String(v)}" is not one of ${Object.keys(names).join(", ")}`);
  }
  list(v: unknown, path: string): v is unknown[] {
    if (!Array.isArray(v)) {
      this.add(path, "应为列表", "must be a list");
      return false;
    }
    return true;
  }
  weights(v: unknown, path: string): void {
    if (!this.list(v, path)) return;
    v.forEach((w, i) => {
      const o = w as Partial<WeightDef>;
      this.text(o?.name, `${path}[${i}].name`);
      this.number(o?.weight, `${path}[${i}].weight`, { min: 0 });
    });
    if (v.length > 0 && v.every((w) => (w as WeightDef)?.weight === 0)) this.add(path, "权重不能全为 0", "the weights cannot all be 0");
  }
}

const groupByNames: Record<GroupBy, GroupBy> = { township: "township", branch: "branch", none: "none" };
const vetoNames: Record<VetoMode, VetoMode> = { noTop: "noTop", fail: "fail" };
const methodNames: Record<PayMethod, PayMethod> = { coefficient: "coefficient", baseCoefficient: "baseCoefficient", score: "score" };
const poolNames = { rows: "rows", sheet: "sheet" } as const;
const missingNames: Record<MissingPartPolicy, MissingPartPolicy> = { problem: "problem", reweight: "reweight" };
const rankScopeNames: Record<RankScope, RankScope> = { township: "township", county: "county" };
const satisfactionNames: Record<SatisfactionMeasure, SatisfactionMeasure> = { share: "share", mean: "mean" };

/** The 四诺 star thresholds: percentages of the item's maximum in (0, 100], from low to high, none twice. */
function fourPromiseThresholds(c: Checker, v: unknown): void {
  const path = "fourPromises.starThresholds";
  if (!c.list(v, path)) return;
  let numbers = true;
  v.forEach((t, i) => {
    // "80%" is what people type for a percentage; the setting holds the number.
    const percent = typeof t === "string" ? /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(t) : null;
    if (percent) {
      numbers = false;
      c.add(`${path}[${i}]`, `四诺授星门槛只写数字，不带百分号：“${t}”请写作 ${percent[1]}`, `a 四诺 star threshold is the number alone, without a percent sign: write "${t}" as ${percent[1]}`);
    } else if (!c.number(t, `${path}[${i}]`)) numbers = false;
    else if (t <= 0 || t > 100)
      c.add(
        `${path}[${i}]`,
        `四诺授星门槛是占该项满分的百分比，应大于 0、不超过 100（现为 ${numberText(t, "zh-CN")}）；如 80% 请写作 80`,
        `a 四诺 star threshold is a percentage of the item's maximum, above 0 and at most 100 (is ${numberText(t, "en-US")}); write 80% as 80`,
      );
  });
  if (numbers && v.some((t, i) => i > 0 && (t as number) <= (v[i - 1] as number)))
    c.add(path, `四诺授星门槛应从低到高排列，且不能相同（现为 ${v.join("、")}）`, `the 四诺 star thresholds must run from low to high, none equal (are ${v.join(", ")})`);
}

/**
 * Checks a scheme read from JSON or from the workbook, listing every problem (not just the first).
 * Missing sections take the kind's defaults, so an old or partial scheme still loads.
 */
export function validateScheme(raw: unknown, known: KnownKinds): { scheme?: Scheme; problems: SchemeProblem[] } {
  const c = new Checker();
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    c.add("", "考核方案应为一个对象", "a scheme must be an object");
    return { problems: c.problems };
  }
  const shape = shapeProblems(raw);
  if (shape.length) return { problems: shape };
  const r = raw as Partial<Scheme>;
  if (typeof r.kind !== "string" || !known.ids.includes(r.kind)) {
    c.add("kind", `考核类型“${String(r.kind)}”无法识别，可选：${known.ids.join("、")}`, `unknown kind "${String(r.kind)}"; one of ${known.ids.join(", ")}`);
    return { problems: c.problems };
  }
  if (r.version !== undefined && r.version !== 1) c.add("version", `不支持的方案版本 ${String(r.version)}`, `unsupported scheme version ${String(r.version)}`);
  const d = known.defaults(r.kind);
  const s: Scheme = {
    ...d,
    ...r,
    version: 1,
    trim: { ...d.trim, ...r.trim },
    ballot: { ...d.ballot, ...r.ballot },
    grade: { ...d.grade, ...r.grade },
    stars: { ...d.stars, ...r.stars },
    pay: { ...d.pay, ...r.pay },
    ledger: { ...d.ledger, ...r.ledger },
    fourPromises: { ...d.fourPromises, ...r.fourPromises },
    missing: { ...d.missing, ...r.missing },
    rank: { ...d.rank, ...r.rank },
    columns: { ...d.columns, ...r.columns },
  };

  c.text(s.title, "title");
  if (c.list(s.items, "items")) {
    const names = new Set<string>();
    s.items.forEach((it, i) => {
      if (c.text(it?.name, `items[${i}].name`)) {
        if (names.has(it.name)) c.add(`items[${i}].name`, `指标“${it.name}”重复`, `item "${it.name}" appears twice`);
        names.add(it.name);
      }
      c.number(it?.max, `items[${i}].max`, { min: 0 });
    });
  }
  if (c.list(s.deductions, "deductions"))
    s.deductions.forEach((it, i) => {
      c.text(it?.name, `deductions[${i}].name`);
      c.number(it?.points, `deductions[${i}].points`, { min: 0 });
      if (it?.cap !== null) c.number(it?.cap, `deductions[${i}].cap`, { min: 0 });
    });
  c.number(s.bonusCap, "bonusCap", { min: 0 });
  c.weights(s.periods, "periods");
  c.weights(s.parts, "parts");
  c.weights(s.raters, "raters");
  c.number(s.trim.dropHigh, "trim.dropHigh", { min: 0, integer: true });
  c.number(s.trim.dropLow, "trim.dropLow", { min: 0, integer: true });
  if (c.number(s.trim.minCount, "trim.minCount", { min: 1, integer: true }) && s.trim.minCount <= s.trim.dropHigh + s.trim.dropLow)
    c.add("trim.minCount", "最少人数必须多于去掉的人数", "the minimum count must exceed the number dropped");
  if (c.list(s.ballot.thresholds, "ballot.thresholds")) {
    if (s.ballot.thresholds.length !== 3) c.add("ballot.thresholds", "应有 3 个比例（优秀、优秀+称职、不称职）", "needs 3 ratios (top, top + second, bottom)");
    s.ballot.thresholds.forEach((t, i) => c.ratio(t, `ballot.thresholds[${i}]`));
  }
  c.ratio(s.ballot.turnout, "ballot.turnout");

  const g = s.grade;
  if (c.list(g.cutoffs, "grade.cutoffs")) {
    g.cutoffs.forEach((x, i) => c.number(x, `grade.cutoffs[${i}]`, { min: 0 }));
    // One line for the list, however many pairs are out of order.
    if (g.cutoffs.some((x, i) => i > 0 && x >= g.cutoffs[i - 1]))
      c.add("grade.cutoffs", `分数线应从高到低排列，且不能相同（现为 ${g.cutoffs.join("、")}）`, `cut-offs must run from high to low, none equal (are ${g.cutoffs.join(", ")})`);
  }
  const labelAt = new Map<string, number>();
  if (c.list(g.labels, "grade.labels")) {
    g.labels.forEach((x, i) => {
      if (!c.text(x, `grade.labels[${i}]`)) return;
      // Labels are matched as KAOHE.COEFFICIENT matches them: full-width, spaces and case aside.
      const first = labelAt.get(labelKey(x));
      if (first !== undefined) c.add(`grade.labels[${i}]`, `等次名称“${x}”与第 ${first + 1} 个重复。请改为不同的名称`, `the grade label "${x}" repeats label ${first + 1}; give it another name`);
      else labelAt.set(labelKey(x), i);
    });
    if (Array.isArray(g.cutoffs) && g.labels.length !== g.cutoffs.length + 1)
      c.add("grade.labels", `等次名称应比分数线多一个（应为 ${g.cutoffs.length + 1} 个）`, `needs one more label than cut-offs (${g.cutoffs.length + 1})`);
  }
  if (g.topRatio !== null) c.ratio(g.topRatio, "grade.topRatio");
  c.option(g.rounding, "grade.rounding", roundingNames);
  c.number(g.minimum, "grade.minimum", { min: 0, integer: true });
  c.option(g.tiePolicy, "grade.tiePolicy", tiePolicyNames);
  c.option(g.veto, "grade.veto", vetoNames);
  c.option(g.groupBy, "grade.groupBy", groupByNames);

  const st = s.stars;
  if (c.list(st.thresholds, "stars.thresholds")) st.thresholds.forEach((x, i) => c.number(x, `stars.thresholds[${i}]`, { min: 0 }));
  if (c.list(st.aspects, "stars.aspects")) st.aspects.forEach((x, i) => c.text(x, `stars.aspects[${i}]`));
  if (c.list(st.categories, "stars.categories")) {
    const seen = new Set<string>();
    st.categories.forEach((cat, i) => {
      c.text(cat?.name, `stars.categories[${i}].name`);
      c.number(cat?.cap, `stars.categories[${i}].cap`, { min: 0, integer: true });
      c.number(cat?.aspects, `stars.categories[${i}].aspects`, { min: 0, max: Array.isArray(st.aspects) ? st.aspects.length : 5, integer: true });
      for (const n of [cat?.name, ...(Array.isArray(cat?.aliases) ? cat.aliases : [])]) {
        if (typeof n !== "string") continue;
        if (seen.has(n)) c.add(`stars.categories[${i}]`, `类别名称“${n}”重复`, `category name "${n}" appears twice`);
        seen.add(n);
      }
    });
  }
  if (c.list(st.quota, "stars.quota"))
    st.quota.forEach((q, i) => {
      c.number(q?.cap, `stars.quota[${i}].cap`, { min: 0, integer: true });
      c.number(q?.threshold, `stars.quota[${i}].threshold`, { min: 1, integer: true });
      c.ratio(q?.ratio, `stars.quota[${i}].ratio`);
    });
  c.option(st.rounding, "stars.rounding", roundingNames);
  c.option(st.tiePolicy, "stars.tiePolicy", tiePolicyNames);
  c.option(st.groupBy, "stars.groupBy", groupByNames);

  c.ratio(s.pay.basicRatio, "pay.basicRatio");
  c.option(s.pay.method, "pay.method", methodNames);
  if (c.list(s.pay.coefficients, "pay.coefficients")) {
    const gradeAt = new Map<string, number>();
    s.pay.coefficients.forEach((e, i) => {
      c.number(e?.coefficient, `pay.coefficients[${i}].coefficient`, { min: 0 });
      if (!c.text(e?.grade, `pay.coefficients[${i}].grade`)) return;
      const first = gradeAt.get(labelKey(e.grade));
      if (first !== undefined)
        c.add(`pay.coefficients[${i}].grade`, `工资系数表中等次“${e.grade}”与第 ${first + 1} 行重复。请只保留一行`, `the pay coefficient table lists the grade "${e.grade}" twice (also entry ${first + 1}); keep one`);
      else gradeAt.set(labelKey(e.grade), i);
    });
    // A kind paid by grade (township cadres): every grade it can give needs its coefficient, or the run would stop at the first person with it.
    if (known.paidByGrade(s.kind))
      for (const [key, i] of labelAt)
        if (!gradeAt.has(key))
          c.add(
            "pay.coefficients",
            `工资系数表（工资 系数）中没有等次“${g.labels[i]}”的系数。请在工资系数表中加上“${g.labels[i]}”，或把等次名称（等次 等次名称）改为表中已有的等次`,
            `the pay coefficient table (pay.coefficients) has no coefficient for the grade "${g.labels[i]}". Add "${g.labels[i]}" to the table, or rename the grade label (grade.labels) to one the table has`,
          );
  }
  c.number(s.pay.unit, "pay.unit", { min: 0.01 });
  if (typeof s.pay.pool === "number") {
    if (c.number(s.pay.pool, "pay.pool", { min: 0 }) && Math.abs(Math.round(s.pay.pool * 100) - s.pay.pool * 100) > 1e-6)
      c.add("pay.pool", `金额最多两位小数（${s.pay.pool} 元）`, `an amount has at most two decimals (${s.pay.pool} yuan)`);
  }
  else if (typeof s.pay.pool !== "string" || !Object.hasOwn(poolNames, s.pay.pool))
    c.add("pay.pool", `无法识别“${String(s.pay.pool)}”：应为 rows（按各人应发工资）、sheet（取表中写明的总额）或金额（元）`, `"${String(s.pay.pool)}" is not rows (from each person's pay), sheet (the total written in the sheet) or an amount in yuan`);
  for (const k of ["parts", "periods", "raters"] as const) c.option(s.missing[k], `missing.${k}`, missingNames);
  if (c.list(s.classes, "classes")) {
    s.classes.forEach((x, i) => c.number(x, `classes[${i}]`, { min: 0 }));
    // Classes are named 一类 … 十类, in the template's formula as in the pipeline.
    if (s.classes.length > 10) c.add("classes", `最多分 10 类，现有 ${s.classes.length} 个比例`, `at most 10 classes; there are ${s.classes.length} ratios`);
  }
  c.option(s.rank.scope, "rank.scope", rankScopeNames);
  if (c.list(s.targets, "targets"))
    s.targets.forEach((t, i) => {
      c.text(t?.name, `targets[${i}].name`);
      c.ratio(t?.ratio, `targets[${i}].ratio`);
    });
  const periodNames = { week: "week", month: "month", quarter: "quarter", half: "half", year: "year" } as const;
  if (c.list(s.ledger.duties, "ledger.duties"))
    s.ledger.duties.forEach((d, i) => {
      c.text(d?.name, `ledger.duties[${i}].name`);
      if (c.list(d?.events, `ledger.duties[${i}].events`)) d.events.forEach((e, k) => c.text(e, `ledger.duties[${i}].events[${k}]`));
      if (typeof d?.orgType !== "string") c.add(`ledger.duties[${i}].orgType`, "应为文字（空表示全部组织）", "must be text (empty for every organisation)");
      c.option(d?.period, `ledger.duties[${i}].period`, periodNames);
      c.number(d?.min, `ledger.duties[${i}].min`, { min: 1, integer: true });
    });
  c.ratio(s.ledger.quorum, "ledger.quorum");
  c.ratio(s.ledger.majority, "ledger.majority");
  c.number(s.ledger.trainingPerMember, "ledger.trainingPerMember", { min: 0 });
  c.option(s.ledger.satisfaction, "ledger.satisfaction", satisfactionNames);
  fourPromiseThresholds(c, s.fourPromises.starThresholds);
  if (typeof s.columns !== "object" || s.columns === null || Array.isArray(s.columns)) c.add("columns", "列对应关系应为对象", "the column mapping must be an object");
  else for (const [k, v] of Object.entries(s.columns)) c.text(v, `columns.${k}`);
  const workflow = validateWorkflow(r as Record<string, unknown>, d);
  for (const p of workflow.problems) c.add(p.path, p.zh, p.en);
  if (workflow.rules) Object.assign(s, workflow.rules);

  return c.problems.length ? { problems: c.problems } : { scheme: s, problems: [] };
}

/** The scheme as JSON, for export and for keeping in the workbook. */
export function schemeToJson(s: Scheme): string {
  return JSON.stringify(s, null, 2);
}

/** A scheme from JSON text: parse errors and rule problems are listed alike. */
export function schemeFromJson(text: string, known: KnownKinds): { scheme?: Scheme; problems: SchemeProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { problems: [{ path: "", zh: `不是有效的 JSON：${detail}`, en: `not valid JSON: ${detail}` }] };
  }
  return validateScheme(raw, known);
}
