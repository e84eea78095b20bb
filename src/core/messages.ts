// The one bilingual catalogue of every message a user can see from the rules, in Chinese and English.

export type Locale = "zh-CN" | "en-US";

/** Values a message may name: an argument, a 1-based row or column, the offending value, a limit. */
export type MessageParams = Record<string, string | number | undefined>;

type Template = (p: MessageParams) => string;

interface Entry {
  zh: Template;
  en: Template;
}

const show = (v: unknown): string => (typeof v === "string" ? v : String(v));

/** Where a value sits: "参数 scores 第3行" / "scores, row 3"; row omitted for a single value. */
export function where(p: MessageParams, locale: Locale): string {
  const arg = p.arg ?? "";
  if (locale === "zh-CN") {
    let s = arg ? `参数 ${arg}` : "";
    if (p.row !== undefined) s += `第${p.row}行`;
    if (p.col !== undefined && p.col !== 1) s += `第${p.col}列`;
    return s;
  }
  let s = arg ? `${arg}` : "";
  if (p.row !== undefined) s += `${s ? ", " : ""}row ${p.row}`;
  if (p.col !== undefined && p.col !== 1) s += `, column ${p.col}`;
  return s;
}

const catalogue = {
  // ---- arguments (shared by every family) ----
  notNumber: {
    zh: (p) => `${p.at}：“${show(p.value)}”不是数字`,
    en: (p) => `${p.at}: "${show(p.value)}" is not a number`,
  },
  notFinite: {
    zh: (p) => `${p.at}：数值无效（非有限数）`,
    en: (p) => `${p.at}: the value is not a finite number`,
  },
  required: {
    zh: (p) => `${p.at}：不能为空`,
    en: (p) => `${p.at}: a value is required`,
  },
  emptyRange: {
    zh: (p) => `参数 ${p.arg}：区域中没有可用的数字`,
    en: (p) => `${p.arg}: the range holds no numbers`,
  },
  sizeMismatch: {
    zh: (p) => `参数 ${p.arg} 有 ${p.got} 个单元格，应与参数 ${p.other} 相同（${p.expected} 个）`,
    en: (p) => `${p.arg} has ${p.got} cells; it must match ${p.other} (${p.expected} cells)`,
  },
  negative: {
    zh: (p) => `${p.at}：不能为负数（${show(p.value)}）`,
    en: (p) => `${p.at}: must not be negative (${show(p.value)})`,
  },
  outOfRange: {
    zh: (p) => `${p.at}：${show(p.value)} 超出允许范围 ${p.min} 至 ${p.max}`,
    en: (p) => `${p.at}: ${show(p.value)} is outside the allowed range ${p.min} to ${p.max}`,
  },
  notInteger: {
    zh: (p) => `${p.at}：应为整数（${show(p.value)}）`,
    en: (p) => `${p.at}: must be a whole number (${show(p.value)})`,
  },
  unknownOption: {
    zh: (p) => `${p.at}：无法识别“${show(p.value)}”，可选：${p.options}`,
    en: (p) => `${p.at}: "${show(p.value)}" is not recognised; choose one of ${p.options}`,
  },
  notBoolean: {
    zh: (p) => `${p.at}：“${show(p.value)}”不是 TRUE/FALSE`,
    en: (p) => `${p.at}: "${show(p.value)}" is not TRUE or FALSE`,
  },
  // ---- ranking and percent ranks ----
  notInRef: {
    zh: (p) => `${p.at}：${show(p.value)} 不在参数 ${p.ref} 的数字中，无法排名`,
    en: (p) => `${p.at}: ${show(p.value)} is not among the numbers of ${p.ref}, so it has no rank`,
  },
  outsideData: {
    zh: (p) => `${p.at}：${show(p.value)} 超出参数 ${p.data} 的数据范围（${p.min} 至 ${p.max}）`,
    en: (p) => `${p.at}: ${show(p.value)} is outside the data of ${p.data} (${p.min} to ${p.max})`,
  },
  // (end ranking)
  // ---- scores ----
  noScores: {
    zh: (p) => `参数 ${p.arg}：没有分数（全部为空）`,
    en: (p) => `${p.arg}: there are no scores (every cell is blank)`,
  },
  zeroWeights: {
    zh: (p) => `参数 ${p.arg}：有分数的各项权重之和为 0`,
    en: (p) => `${p.arg}: the weights of the scores present add up to 0`,
  },
  raterWeightsNeedFour: {
    zh: (p) => `省略 weights 时，参数 scores 应为自评、互评、群众评议、支部评定 4 个分数（现有 ${p.got} 个）`,
    en: (p) => `without weights, scores must be the 4 scores self, peer, public, branch (it has ${p.got})`,
  },
  notDate: {
    zh: (p) => `${p.at}：“${show(p.value)}”不是日期（可写 2025-3-5、2025/03/05、2025年3月5日 或日期序号）`,
    en: (p) => `${p.at}: "${show(p.value)}" is not a date (write 2025-3-5, 2025/03/05, 2025年3月5日 or a date serial number)`,
  },
  trimTooMany: {
    zh: (p) => `参数 min_count（${p.value}）应大于 drop_high 与 drop_low 之和（${p.drops}），否则去掉最高、最低分后可能没有分数`,
    en: (p) => `min_count (${p.value}) must be more than drop_high + drop_low (${p.drops}), or dropping could leave no scores`,
  },
  voteCells: {
    zh: (p) => `参数 votes 应为 4 个票数（优秀、称职、基本称职、不称职），现有 ${p.got} 个`,
    en: (p) => `votes must be 4 counts (优秀, 称职, 基本称职, 不称职); it has ${p.got}`,
  },
  voteThresholdCells: {
    zh: (p) => `参数 thresholds 应为 3 个比例（优秀票、优秀加称职票、不称职票），现有 ${p.got} 个`,
    en: (p) => `thresholds must be 3 shares (优秀 votes, 优秀 + 称职 votes, 不称职 votes); it has ${p.got}`,
  },
  voteLabelCells: {
    zh: (p) => `参数 labels 应为 4 个等次名称（由高到低），现有 ${p.got} 个`,
    en: (p) => `labels must be 4 grade names, best first; it has ${p.got}`,
  },
  noVotes: {
    zh: () => `参数 votes：总票数为 0，无法计算得票率`,
    en: () => `votes: no votes were cast, so there is no vote share`,
  },
  votesOverVoters: {
    zh: (p) => `参数 votes：总票数 ${p.cast} 超过应参评人数 ${p.voters}`,
    en: (p) => `votes: ${p.cast} votes is more than the ${p.voters} voters entitled`,
  },
  turnoutNotMet: {
    zh: (p) => `实收 ${p.cast} 票，不足应参评人数 ${p.voters} 的 ${p.ratio}，测评无效`,
    en: (p) => `${p.cast} votes cast, fewer than ${p.ratio} of the ${p.voters} voters entitled: the ballot does not count`,
  },
  // (end scores)
  // ---- grades, quotas, classes, stars and money ----
  ratioAboveOne: {
    zh: (p) => `${p.at}：比例 ${show(p.value)} 大于 1（100%）；30% 请写作 0.3 或 "30%"`,
    en: (p) => `${p.at}: the ratio ${show(p.value)} is above 1 (100%); write 30% as 0.3 or "30%"`,
  },
  duplicateEntry: {
    zh: (p) => `${p.at}：“${show(p.value)}”重复出现`,
    en: (p) => `${p.at}: "${show(p.value)}" appears more than once`,
  },
  labelCount: {
    zh: (p) => `${p.at}：有 ${p.got} 个等次名称，应比分数线多一个（${p.expected} 个）`,
    en: (p) => `${p.at}: ${p.got} labels given; there must be one more than the cut-offs (${p.expected})`,
  },
  allZero: {
    zh: (p) => `${p.at}：比例不能全为 0`,
    en: (p) => `${p.at}: the ratios must not all be 0`,
  },
  tableColumns: {
    zh: (p) => `${p.at}：应为 ${p.expected} 列（现有 ${p.got} 列）`,
    en: (p) => `${p.at}: must have ${p.expected} columns (it has ${p.got})`,
  },
  unknownCategory: {
    zh: (p) => `${p.at ? `${p.at}：` : ""}党员类别“${show(p.value)}”不在星级上限表中`,
    en: (p) => `${p.at ? `${p.at}: ` : ""}the member category "${show(p.value)}" is not in the star cap table`,
  },
  starsAboveCap: {
    zh: (p) => `${p.at}：星数 ${show(p.value)} 超过该党员的星级上限 ${p.cap}`,
    en: (p) => `${p.at}: ${show(p.value)} stars is above the member's cap of ${p.cap}`,
  },
  notWholeFen: {
    zh: (p) => `${p.at}：${show(p.value)} 元不是整分（金额最多两位小数）`,
    en: (p) => `${p.at}: ${show(p.value)} yuan is not a whole number of fen (at most two decimals)`,
  },
  notMultipleOfUnit: {
    zh: (p) => `${p.at}：${show(p.value)} 元不是分配单位 ${p.unit} 元的整数倍`,
    en: (p) => `${p.at}: ${show(p.value)} yuan is not a whole multiple of the unit ${p.unit} yuan`,
  },
  weightsAllZero: {
    zh: (p) => `${p.at}：权数全为 0 或为空，无法按比例分配`,
    en: (p) => `${p.at}: the weights are all 0 or blank; nothing to share in proportion to`,
  },
  unknownGrade: {
    zh: (p) => `${p.at ? `${p.at}：` : ""}等次“${show(p.value)}”不在系数表中`,
    en: (p) => `${p.at ? `${p.at}: ` : ""}the grade "${show(p.value)}" is not in the coefficient table`,
  },
  // (end quotas)
  // ---- ledgers ----
  zeroTotal: {
    zh: (p) => `${p.at}：总数为 0，无法计算比例`,
    en: (p) => `${p.at}: the total is 0, so there is no rate`,
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
