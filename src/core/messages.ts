// The one bilingual catalogue of every message a user can see from the rules, in Chinese and English.
import { numberText } from "./number-text";

export type Locale = "zh-CN" | "en-US";

/** Values a message may name: an argument, a 1-based row or column, the offending value, a limit. */
export type MessageParams = Record<string, string | number | undefined>;

type Template = (p: MessageParams) => string;

interface Entry {
  zh: Template;
  en: Template;
}

/** Text a message quotes: a long cell is cut, since a message is read in a tooltip or on one line. */
const QUOTE_LIMIT = 40;

const shown = (locale: Locale) => (v: unknown): string => {
  if (typeof v === "number") return numberText(v, locale);
  const s = typeof v === "string" ? v : String(v);
  return s.length > QUOTE_LIMIT ? `${s.slice(0, QUOTE_LIMIT)}…` : s;
};
const show = shown("zh-CN");
const showEn = shown("en-US");

/** The place a message opens with, and its colon; nothing when the caller shows the place itself. */
const lead = (p: MessageParams) => (p.at ? `${p.at}：` : "");
const leadEn = (p: MessageParams) => (p.at ? `${p.at}: ` : "");

/**
 * The worksheet functions' arguments in Chinese. Excel's tooltip shows the English name even in Chinese
 * Excel, so a message gives both: 参数“分数”（scores）.
 */
const argNames: Record<string, string> = {
  count: "达到数",
  total: "总数",
  ratio: "比例",
  number: "要排名的数字",
  ref: "排名区域",
  order: "排序方式",
  method: "排名方式",
  groups: "分组",
  array: "数据区域",
  values: "数据",
  x: "要排位的值",
  significance: "保留位数",
  exclusive: "是否按 EXC 计算",
  scores: "分数",
  score: "分数",
  maxes: "满分",
  max: "分值",
  bonus: "加分",
  bonus_cap: "加分上限",
  deductions: "扣分",
  due: "截止日期",
  done: "完成日期",
  per_day: "每天扣分",
  quality: "质量比例",
  counts: "次数",
  points: "每次扣分",
  caps: "上限",
  weights: "权重",
  drop_high: "去掉最高分个数",
  drop_low: "去掉最低分个数",
  min_count: "最少分数个数",
  votes: "票数",
  thresholds: "门槛",
  labels: "等次名称",
  voters: "应参评人数",
  turnout: "参评比例",
  missing: "缺项处理",
  cutoffs: "分数线",
  veto: "一票否决",
  veto_mode: "否决方式",
  n: "人数",
  rounding: "取整方式",
  minimum: "最少名额",
  top_ratio: "最高等次比例",
  eligible: "可评最高等次",
  tiebreak: "并列比较分",
  tie_policy: "并列处理",
  ratios: "各类比例",
  aspect_scores: "各方面得分",
  cap: "星级上限",
  category: "党员类别",
  table: "对照表",
  stars: "星数",
  rules: "名额规则",
  basic_ratio: "基本工资比例",
  pool: "分配总额",
  unit: "分配单位",
  grades: "等次",
  dates: "日期",
  period: "周期",
  min_per_period: "每周期次数",
  start: "开始日期",
  end: "结束日期",
  target: "目标",
  records: "负面清单记录",
  record_names: "记录姓名",
  record_items: "记录条目",
  record_counts: "记录次数",
  list: "负面清单",
  what: "结果项",
  name: "姓名",
  days: "公示天数",
  id: "编号",
  person_unit: "所在单位",
  source_ids: "来源编号",
  source_names: "来源姓名",
  source_units: "来源单位",
  source_values: "来源取值",
  if_none: "未找到时",
  combine: "合并方式",
};

/** An argument as a Chinese message names it: 参数“分数”（scores）; an unlisted one by its own name. */
export function argText(arg: string): string {
  const zh = Object.hasOwn(argNames, arg) ? argNames[arg] : undefined;
  return zh ? `参数“${zh}”（${arg}）` : `参数 ${arg}`;
}

/** Where a value sits: "参数“分数”（scores）第3行" / "scores, row 3"; row omitted for a single value. */
export function where(p: MessageParams, locale: Locale): string {
  const arg = String(p.arg ?? "");
  if (locale === "zh-CN") {
    let s = arg ? argText(arg) : "";
    if (p.row !== undefined) s += `第${p.row}行`;
    if (p.col !== undefined && p.col !== 1) s += `第${p.col}列`;
    return s;
  }
  let s = arg ? `${arg}` : "";
  if (p.row !== undefined) s += `${s ? ", " : ""}row ${p.row}`;
  if (p.col !== undefined && p.col !== 1) s += `, column ${p.col}`;
  return s;
}

/** An allowed range in words; an open end is "不小于 0", never "0 至 Infinity". */
function boundsZh(p: MessageParams): string {
  const low = typeof p.min === "number" && Number.isFinite(p.min);
  const high = typeof p.max === "number" && Number.isFinite(p.max);
  if (low && high) return `应在 ${show(p.min)} 至 ${show(p.max)} 之间`;
  if (low) return `应不小于 ${show(p.min)}`;
  if (high) return `应不大于 ${show(p.max)}`;
  return "应为有限的数";
}

function boundsEn(p: MessageParams): string {
  const low = typeof p.min === "number" && Number.isFinite(p.min);
  const high = typeof p.max === "number" && Number.isFinite(p.max);
  if (low && high) return `it must be from ${showEn(p.min)} to ${showEn(p.max)}`;
  if (low) return `it must be at least ${showEn(p.min)}`;
  if (high) return `it must be at most ${showEn(p.max)}`;
  return "it must be a finite number";
}

const catalogue = {
  // ---- arguments (shared by every family) ----
  notNumber: {
    zh: (p) => `${lead(p)}“${show(p.value)}”不是数字；请填写数字，或留空`,
    en: (p) => `${leadEn(p)}"${showEn(p.value)}" is not a number; enter a number or leave it blank`,
  },
  notFinite: {
    zh: (p) => `${lead(p)}数值无效（无穷大或无法计算的数）；请检查该单元格的公式或数据`,
    en: (p) => `${leadEn(p)}the value is not a finite number; check the cell's formula or data`,
  },
  errorValue: {
    zh: (p) => `${lead(p)}单元格是错误值 ${show(p.value)}；请先改正该单元格的公式或数据`,
    en: (p) => `${leadEn(p)}the cell holds the error ${showEn(p.value)}; fix its formula or data first`,
  },
  linkAmbiguous: {
    zh: (p) => `${lead(p)}第${show(p.rows)}行都可能是“${show(p.value)}”，无法确定是哪一位，未取数；请填写编号区分，或删去重复的行`,
    en: (p) => `${leadEn(p)}rows ${p.rowsEn ?? showEn(p.rows)} could each be "${showEn(p.value)}"; which one is meant is unknown, so nothing was taken. Tell them apart by ID, or remove the repeated row`,
  },
  notSingle: {
    zh: (p) => `${lead(p)}应为一个值，却给了 ${show(p.rows)} 行 ${show(p.cols)} 列的区域；请只选一个单元格`,
    en: (p) => `${leadEn(p)}takes one value, not a range of ${showEn(p.rows)} rows by ${showEn(p.cols)} columns; select one cell`,
  },
  tooLarge: {
    zh: (p) => `${lead(p)}${show(p.value)} 太大，超出能精确计算的范围：${boundsZh(p)}；请检查是否多输了数字`,
    en: (p) => `${leadEn(p)}${showEn(p.value)} is too large to compute exactly: ${boundsEn(p)}; check for extra digits`,
  },
  endBeforeStart: {
    zh: (p) => `${lead(p)}结束日期 ${show(p.value)} 早于开始日期 ${show(p.start)}；请交换两者或改正日期`,
    en: (p) => `${leadEn(p)}the end ${showEn(p.value)} is before the start ${showEn(p.start)}; swap them or correct the dates`,
  },
  required: {
    zh: (p) => `${lead(p)}不能为空；请填写`,
    en: (p) => `${leadEn(p)}a value is required; fill it in`,
  },
  emptyRange: {
    zh: (p) => `${lead(p)}区域中没有可用的数字；请选中填有数字的区域`,
    en: (p) => `${leadEn(p)}the range holds no numbers; select a range that holds some`,
  },
  sizeMismatch: {
    zh: (p) => `${argText(String(p.arg))}有 ${show(p.got)} 个单元格，应与${argText(String(p.other))}相同（${show(p.expected)} 个）；请选中同样大小的区域`,
    en: (p) => `${p.arg} has ${showEn(p.got)} cells; it must match ${p.other} (${showEn(p.expected)} cells): select ranges of the same size`,
  },
  negative: {
    zh: (p) => `${lead(p)}不能为负数（${show(p.value)}）；请填写 0 或正数`,
    en: (p) => `${leadEn(p)}must not be negative (${showEn(p.value)}); enter 0 or more`,
  },
  outOfRange: {
    zh: (p) => `${lead(p)}${show(p.value)} 超出允许范围：${boundsZh(p)}`,
    en: (p) => `${leadEn(p)}${showEn(p.value)} is out of range: ${boundsEn(p)}`,
  },
  notInteger: {
    zh: (p) => `${lead(p)}应为整数（${show(p.value)}）；请去掉小数`,
    en: (p) => `${leadEn(p)}must be a whole number (${showEn(p.value)}); drop the decimals`,
  },
  unknownOption: {
    zh: (p) => `${lead(p)}无法识别“${show(p.value)}”，可选：${p.options}`,
    en: (p) => `${leadEn(p)}"${showEn(p.value)}" is not recognised; choose one of ${p.options}`,
  },
  notBoolean: {
    zh: (p) => `${lead(p)}“${show(p.value)}”不是 TRUE/FALSE；请填写 TRUE、FALSE、是 或 否`,
    en: (p) => `${leadEn(p)}"${showEn(p.value)}" is not TRUE or FALSE; enter TRUE, FALSE, 是 or 否`,
  },
  // ---- ranking and percent ranks ----
  notInRef: {
    zh: (p) => `${lead(p)}${show(p.value)} 不在${argText(String(p.ref))}的数字中，无法排名；请检查排名区域是否包含该数字`,
    en: (p) => `${leadEn(p)}${showEn(p.value)} is not among the numbers of ${p.ref}, so it has no rank`,
  },
  outsideData: {
    zh: (p) => `${lead(p)}${show(p.value)} 超出${argText(String(p.data))}的数据范围（${show(p.min)} 至 ${show(p.max)}）；请给出此范围内的值`,
    en: (p) => `${leadEn(p)}${showEn(p.value)} is outside the data of ${p.data} (${showEn(p.min)} to ${showEn(p.max)})`,
  },
  // (end ranking)
  // ---- scores ----
  noScores: {
    zh: (p) => `${lead(p)}没有分数（全部为空）；请至少填写一个分数`,
    en: (p) => `${leadEn(p)}there are no scores (every cell is blank); enter at least one score`,
  },
  zeroWeights: {
    zh: (p) => `${lead(p)}有分数的各项权重之和为 0；请给至少一项有分数的权重填大于 0 的数`,
    en: (p) => `${leadEn(p)}the weights of the scores present add up to 0; give at least one of them a weight above 0`,
  },
  raterWeightsNeedFour: {
    zh: (p) => `省略${argText("weights")}时，${argText("scores")}应为自评、互评、群众评议、支部评定 4 个分数（现有 ${show(p.got)} 个）；请选 4 个单元格，或给出同样大小的权重`,
    en: (p) => `without weights, scores must be the 4 scores self, peer, public, branch (it has ${showEn(p.got)}); select 4 cells or give weights of the same size`,
  },
  notDate: {
    zh: (p) => `${lead(p)}“${show(p.value)}”不是日期（可写 2025-3-5、2025/03/05、2025年3月5日 或日期序号）`,
    en: (p) => `${leadEn(p)}"${showEn(p.value)}" is not a date (write 2025-3-5, 2025/03/05, 2025年3月5日 or a date serial number)`,
  },
  trimTooMany: {
    zh: (p) => `${argText("min_count")}（${show(p.value)}）应大于去掉的最高分与最低分个数之和（${show(p.drops)}），否则去掉后可能没有分数；请调大最少分数个数，或减少去掉的个数`,
    en: (p) => `min_count (${showEn(p.value)}) must be more than drop_high + drop_low (${showEn(p.drops)}), or dropping could leave no scores; raise min_count or lower the drops`,
  },
  voteCells: {
    zh: (p) => `${argText("votes")}应为 4 个票数（优秀、称职、基本称职、不称职），现有 ${show(p.got)} 个；请选中 4 个单元格`,
    en: (p) => `votes must be 4 counts (优秀, 称职, 基本称职, 不称职); it has ${showEn(p.got)}: select 4 cells`,
  },
  voteThresholdCells: {
    zh: (p) => `${argText("thresholds")}应为 3 个比例（优秀票、优秀加称职票、不称职票），现有 ${show(p.got)} 个；请给出 3 个比例，如 {0.9,0.7,0.3}`,
    en: (p) => `thresholds must be 3 shares (优秀 votes, 优秀 + 称职 votes, 不称职 votes); it has ${showEn(p.got)}: give 3, e.g. {0.9,0.7,0.3}`,
  },
  voteLabelCells: {
    zh: (p) => `${argText("labels")}应为 4 个等次名称（由高到低），现有 ${show(p.got)} 个；请给出 4 个名称`,
    en: (p) => `labels must be 4 grade names, best first; it has ${showEn(p.got)}: give 4`,
  },
  noVotes: {
    zh: () => `${argText("votes")}：总票数为 0，无法计算得票率；请填写各等次的票数`,
    en: () => `votes: no votes were cast, so there is no vote share; enter the votes of each grade`,
  },
  votesOverVoters: {
    zh: (p) => `${argText("votes")}：总票数 ${show(p.cast)} 超过应参评人数 ${show(p.voters)}；请核对票数和应参评人数`,
    en: (p) => `votes: ${showEn(p.cast)} votes is more than the ${showEn(p.voters)} voters entitled; check both`,
  },
  turnoutNotMet: {
    zh: (p) => `实收 ${show(p.cast)} 票，不足应参评人数 ${show(p.voters)} 的 ${show(p.ratio)}，测评无效`,
    en: (p) => `${showEn(p.cast)} votes cast, fewer than ${showEn(p.ratio)} of the ${showEn(p.voters)} voters entitled: the ballot does not count`,
  },
  // (end scores)
  // ---- grades, quotas, classes, stars and money ----
  ratioAboveOne: {
    zh: (p) => `${lead(p)}比例 ${show(p.value)} 大于 1（100%）；30% 请写作 0.3 或 "30%"`,
    en: (p) => `${leadEn(p)}the ratio ${showEn(p.value)} is above 1 (100%); write 30% as 0.3 or "30%"`,
  },
  duplicateEntry: {
    zh: (p) => `${lead(p)}“${show(p.value)}”重复出现；每项只写一次`,
    en: (p) => `${leadEn(p)}"${showEn(p.value)}" appears more than once; list each once`,
  },
  labelCount: {
    zh: (p) => `${lead(p)}有 ${show(p.got)} 个等次名称，应比分数线多一个（${show(p.expected)} 个）`,
    en: (p) => `${leadEn(p)}${showEn(p.got)} labels given; there must be one more than the cut-offs (${showEn(p.expected)})`,
  },
  allZero: {
    zh: (p) => `${lead(p)}比例不能全为 0；请至少给一类大于 0 的比例`,
    en: (p) => `${leadEn(p)}the ratios must not all be 0; give at least one above 0`,
  },
  tableColumns: {
    zh: (p) => `${lead(p)}应为 ${show(p.expected)} 列（现有 ${show(p.got)} 列）；请选中 ${show(p.expected)} 列、不含表头的区域`,
    en: (p) => `${leadEn(p)}must have ${showEn(p.expected)} columns (it has ${showEn(p.got)}); select ${showEn(p.expected)} columns without the header`,
  },
  unknownCategory: {
    zh: (p) => `${lead(p)}党员类别“${show(p.value)}”不在星级上限表中；请改为表中的类别，或在表中加上它`,
    en: (p) => `${leadEn(p)}the member category "${showEn(p.value)}" is not in the star cap table; use one of its categories or add it`,
  },
  blankAspect: {
    zh: (p) => `${lead(p)}没有得分；该党员按这一方面评星，不能留空（0 分请填 0）。只评前几个方面的党员，区域只选这几个方面`,
    en: (p) => `${leadEn(p)}has no score; the member is rated on this aspect, so it cannot be blank (enter 0 for none). For a member rated on fewer aspects, select only those aspects`,
  },
  starsAboveCap: {
    zh: (p) => `${lead(p)}星数 ${show(p.value)} 超过该党员的星级上限 ${show(p.cap)}；请核对星数或党员类别`,
    en: (p) => `${leadEn(p)}${showEn(p.value)} stars is above the member's cap of ${showEn(p.cap)}; check the stars or the category`,
  },
  notWholeFen: {
    zh: (p) => `${lead(p)}${show(p.value)} 元不是整分；金额最多两位小数，请改到分`,
    en: (p) => `${leadEn(p)}${showEn(p.value)} yuan is not a whole number of fen; write at most two decimals`,
  },
  notMultipleOfUnit: {
    zh: (p) => `${lead(p)}${show(p.value)} 元不是分配单位 ${show(p.unit)} 元的整数倍；请调整金额或分配单位`,
    en: (p) => `${leadEn(p)}${showEn(p.value)} yuan is not a whole multiple of the unit ${showEn(p.unit)} yuan; change the amount or the unit`,
  },
  unknownGrade: {
    zh: (p) => `${lead(p)}等次“${show(p.value)}”不在系数表中；请改为表中的等次，或在系数表中加上它`,
    en: (p) => `${leadEn(p)}the grade "${showEn(p.value)}" is not in the coefficient table; use one of its grades or add it`,
  },
  // (end quotas)
  // ---- negative list, notices ----
  unknownNegativeItem: {
    zh: (p) => `${lead(p)}“${show(p.value)}”不是负面清单中的条目；请填写清单中的编号或内容，或先在考核方案中加上这一条`,
    en: (p) => `${leadEn(p)}"${showEn(p.value)}" is not an item of the negative list; give an item's id or text, or add the item to the scheme first`,
  },
  overrideNeedsReason: {
    zh: (p) => `${lead(p)}改变了“${show(p.value)}”的结果，必须填写调整原因`,
    en: (p) => `${leadEn(p)}the result of "${showEn(p.value)}" was changed: the reason is required`,
  },
  badNegativeList: {
    zh: (p) => `${lead(p)}负面清单有误${p.detail === undefined ? "，请检查负面清单的各列" : `：${p.detail}`}`,
    en: (p) => `${leadEn(p)}the negative list is wrong${p.detailEn === undefined ? "; check the list's columns" : `: ${p.detailEn}`}`,
  },
  objectionNotUpheld: {
    zh: (p) => `${lead(p)}对“${show(p.value)}”的异议${p.outcome === "pending" ? "尚未处理" : "未成立"}，结果不能因此改变；异议成立后再调整，或删去这条调整`,
    en: (p) => `${leadEn(p)}the objection about "${showEn(p.value)}" is ${p.outcome === "pending" ? "not yet decided" : "not upheld"}, so the result cannot change on it; change it once the objection is upheld, or remove the change`,
  },
  // ---- ledgers ----
  zeroTotal: {
    zh: (p) => `${lead(p)}总数为 0，无法计算比例；请填写大于 0 的总数`,
    en: (p) => `${leadEn(p)}the total is 0, so there is no rate; enter a total above 0`,
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof catalogue;

/** Every key, for tests that check each message exists in both languages. */
export const messageKeys = Object.keys(catalogue) as MessageKey[];

/** The message for key in locale; params.at is filled from arg/row/col when not given. */
export function formatMessage(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const entry: Entry = catalogue[key];
  const p = params.at === undefined ? { ...params, at: where(params, locale) } : params;
  return locale === "zh-CN" ? entry.zh(p) : entry.en(p);
}
