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
  // (end ranking)
  // ---- scores ----
  // (end scores)
  // ---- grades, quotas, classes, stars and money ----
  // (end quotas)
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
