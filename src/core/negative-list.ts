// The negative list (负面清单): its five categories, items and their consequences, its validation, and one person's records applied to it.
import { naError, valueError } from "./errors";
import { exactOf, plus, times, toNumber, ZERO, type Exact } from "./exact";
import { labelKey } from "./grade";
import { yuanToFen } from "./money";
import { parseFlagText } from "./text";
import type { SchemeProblem } from "./scheme";

/**
 * The five categories of the negative list, in the order of 北戴河区《农村基层党建工作责任落实办法》:
 * Party organisational and work discipline, democratic decision-making, democratic management and
 * democratic supervision of village affairs, and social order management.
 */
export const NEGATIVE_CATEGORIES = ["党的组织纪律和工作纪律", "村务民主决策", "村务民主管理", "村务民主监督", "社会秩序管理"] as const;
export type NegativeCategory = (typeof NEGATIVE_CATEGORIES)[number];

/** The document the categories come from, as the 考核方案 sheet names it. */
export const NEGATIVE_LIST_SOURCE = "北戴河区《农村基层党建工作责任落实办法》";

/**
 * What one recorded event of an item costs. Points, stars and yuan count per event (an item recorded
 * twice costs twice); the point cap bounds the item as a whole (扣完为止 within the item); a bar on
 * the top grade or a forced lowest grade follows from a single event. Any combination may be given.
 */
export interface NegativeConsequence {
  /** Points deducted per event. */
  readonly points?: number;
  /** The most points the item deducts in the assessment, however many events; none: no cap. */
  readonly pointsCap?: number;
  /** Stars removed per event (摘星). */
  readonly removeStars?: number;
  /** No 优秀 (and, for stars, no place at a quota's threshold) this year. */
  readonly noTop?: boolean;
  /** Graded 不称职/不合格 whatever the score. */
  readonly fail?: boolean;
  /** Yuan deducted from performance pay per event; whole fen. */
  readonly yuan?: number;
}

/** An item with its consequences beside its text, one row of the list as the scheme and the pane's form hold it. */
export interface NegativeItem extends NegativeConsequence {
  /** The item's number as the county's list gives it, e.g. "2-1"; a record names it by this or by its text. */
  readonly id: string;
  readonly category: NegativeCategory;
  readonly text: string;
}

export interface NegativeList {
  readonly items: readonly NegativeItem[];
}

/**
 * Example items, a few per category: the categories are the measures' own; the measures name 46 items
 * without printing them, so these are examples for a county to replace with its own list.
 */
export const DEFAULT_NEGATIVE_LIST: NegativeList = {
  items: [
    { id: "1-1", category: "党的组织纪律和工作纪律", text: "无故不参加“三会一课”等组织生活", points: 2, pointsCap: 6, removeStars: 1 },
    { id: "1-2", category: "党的组织纪律和工作纪律", text: "无故脱岗、擅离职守", points: 1, pointsCap: 5 },
    { id: "1-3", category: "党的组织纪律和工作纪律", text: "违反党的纪律受到党纪处分", fail: true },
    { id: "2-1", category: "村务民主决策", text: "重大事项未经“四议两公开”程序擅自决策", points: 5, pointsCap: 10, noTop: true },
    { id: "2-2", category: "村务民主决策", text: "违规举债或擅自处置集体资产", fail: true, yuan: 500 },
    { id: "3-1", category: "村务民主管理", text: "集体资金、资产、资源管理不规范", points: 3, pointsCap: 9 },
    { id: "3-2", category: "村务民主管理", text: "虚报冒领、违规发放补贴", removeStars: 2, yuan: 200 },
    { id: "4-1", category: "村务民主监督", text: "村务、财务未按时公开", points: 2, pointsCap: 8 },
    { id: "4-2", category: "村务民主监督", text: "阻挠、不配合村务监督委员会监督", noTop: true },
    { id: "5-1", category: "社会秩序管理", text: "发生越级上访、集体访且处置不力", noTop: true },
    { id: "5-2", category: "社会秩序管理", text: "发生重大安全事故或群体性事件", fail: true },
    { id: "5-3", category: "社会秩序管理", text: "违反殡葬改革等政策规定", removeStars: 1 },
  ],
};

// ---------------------------------------------------------------- validation

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function categoryOf(v: unknown): NegativeCategory | undefined {
  if (typeof v !== "string") return undefined;
  return NEGATIVE_CATEGORIES.find((c) => labelKey(c) === labelKey(v));
}

/**
 * Every problem of a negative list as read from a scheme, each with its path (negativeList.items[2].consequence.yuan),
 * and the list when there is none. An item with no consequence at all is a problem: recording it
 * would change nothing, which a county would read as the tool ignoring its list.
 */
export function validateNegativeList(raw: unknown, path = "negativeList"): { list?: NegativeList; problems: SchemeProblem[] } {
  const { items, problems } = validateNegativeItems(isObject(raw) ? raw.items : undefined, `${path}.items`);
  return items ? { list: { items }, problems } : { problems };
}

/** The items alone, as a scheme holds them (negativeList[0] …): the same checks, paths under `path`. */
export function validateNegativeItems(raw: unknown, path = "negativeList"): { items?: NegativeItem[]; problems: SchemeProblem[] } {
  const problems: SchemeProblem[] = [];
  const add = (at: string, zh: string, en: string) => problems.push({ path: at, zh, en });
  if (!Array.isArray(raw)) {
    add(path, "应为负面清单条目的列表", "must be a list of negative-list items");
    return { problems };
  }
  const seen = new Map<string, number>();
  const items: NegativeItem[] = [];
  raw.forEach((item: unknown, i: number) => {
    const at = `${path}[${i}]`;
    if (!isObject(item)) return add(at, "应为一个条目（编号、类别、内容、后果）", "must be an item (id, category, text, consequence)");
    const before = problems.length;
    const id = typeof item.id === "number" ? String(item.id) : item.id;
    if (typeof id !== "string" || id.trim() === "") add(`${at}.id`, "编号不能为空", "the id cannot be blank");
    else {
      const key = labelKey(id);
      if (seen.has(key)) add(`${at}.id`, `编号“${id}”与第 ${seen.get(key)! + 1} 条重复；每条编号须不同`, `the id "${id}" repeats item ${seen.get(key)! + 1}; each id must differ`);
      else seen.set(key, i);
    }
    const category = categoryOf(item.category);
    if (!category) add(`${at}.category`, `类别应为五类之一：${NEGATIVE_CATEGORIES.join("、")}`, `the category must be one of the five: ${NEGATIVE_CATEGORIES.join(", ")}`);
    if (typeof item.text !== "string" || item.text.trim() === "") add(`${at}.text`, "内容不能为空", "the text cannot be blank");
    const consequence = consequenceOf(item, at, add);
    if (problems.length === before && category && consequence) items.push({ id: String(id).trim(), category, text: String(item.text).trim(), ...consequence });
  });
  return problems.length ? { problems } : { items, problems };
}

/** Money is read as the pay sheet reads it (yuanToFen), so the list and the pay agree on what a whole fen is. */
function wholeFen(yuan: number): boolean {
  try {
    yuanToFen(yuan);
    return true;
  } catch {
    return false;
  }
}

/** The consequences of an item, read from the item's own fields; a blank one (an empty cell of the form) is none. */
function consequenceOf(raw: Record<string, unknown>, at: string, add: (at: string, zh: string, en: string) => void): NegativeConsequence | undefined {
  let ok = true;
  const amount = (key: string, opts: { integer?: boolean; fen?: boolean }): number | undefined => {
    const v = raw[key];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      add(`${at}.${key}`, "应为不小于 0 的数字", "must be a number of at least 0");
      ok = false;
      return undefined;
    }
    if (opts.integer && !Number.isInteger(v)) {
      add(`${at}.${key}`, `应为整数（${v}）；请去掉小数`, `must be a whole number (${v}); drop the decimals`);
      ok = false;
    }
    if (opts.fen && !wholeFen(v)) {
      add(`${at}.${key}`, `${v} 元不是整分；金额最多两位小数`, `${v} yuan is not a whole number of fen; write at most two decimals`);
      ok = false;
    }
    return v;
  };
  const flag = (key: string): boolean | undefined => {
    const typed = raw[key];
    if (typed === undefined || typed === null || typed === "") return undefined;
    // The 考核方案 sheet shows 是/否.
    const v = typeof typed === "string" ? (parseFlagText(typed) ?? typed) : typed;
    if (typeof v !== "boolean") {
      add(`${at}.${key}`, "应为 是/否", "must be yes or no");
      ok = false;
      return undefined;
    }
    return v;
  };
  const c: NegativeConsequence = {
    points: amount("points", {}),
    pointsCap: amount("pointsCap", {}),
    removeStars: amount("removeStars", { integer: true }),
    noTop: flag("noTop"),
    fail: flag("fail"),
    yuan: amount("yuan", { fen: true }),
  };
  if (c.pointsCap !== undefined && !c.points) {
    add(`${at}.pointsCap`, "有扣分上限却没有每次扣分；请填写每次扣分或删去上限", "a point cap without points per event; give the points or drop the cap");
    ok = false;
  }
  if (ok && !c.points && !c.removeStars && !c.noTop && !c.fail && !c.yuan) {
    add(at, "没有任何后果；请至少填写一项（扣分、摘星、不得评优、定为不称职、扣绩效工资）", "has no consequence; give at least one (points, stars, no top grade, fail, yuan)");
    ok = false;
  }
  return ok ? Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== false)) : undefined;
}

// ---------------------------------------------------------------- applying records

/** One recorded event (or several of the same item): 负面清单记录 sheet, one row. */
export interface NegativeRecord {
  /** The item's id or its text, as the record sheet has it. */
  readonly item: string;
  /** Events this record stands for; 1 when blank. */
  readonly count?: number;
  /** Where the record sits, for a message naming it (1-based row of the record sheet). */
  readonly row?: number;
}

/** What one person's records cost, every consequence added up, with a line per item for 说明 and 审计. */
export interface NegativeOutcome {
  /** Points off the score. */
  readonly deduction: number;
  readonly starsRemoved: number;
  /** No 优秀 (or top star place) this year; true as well whenever forcedFail is. */
  readonly noTop: boolean;
  readonly forcedFail: boolean;
  /** Off performance pay, in whole fen. */
  readonly yuanDeducted: number;
  readonly reasons: string[];
}

/** The item a record names, by id or by text (width, spaces and letter case ignored). */
export function findNegativeItem(list: NegativeList, name: string): NegativeItem | undefined {
  const key = labelKey(name);
  if (key === "") return undefined;
  return list.items.find((it) => labelKey(it.id) === key) ?? list.items.find((it) => labelKey(it.text) === key);
}

const yuanText = (fen: number) => (fen / 100).toFixed(2);

/**
 * Adds up one person's records. An item's points are per event × events, bounded by the item's cap;
 * stars and yuan are per event; one event of a no-top or fail item is enough. A record naming no item
 * of the list is #N/A naming it, and a count that is not a whole number of at least 1 is #VALUE!:
 * leaving either out would be a silent wrong number. `failLabel` is the lowest grade as the reasons
 * name it (不称职 for cadres, 不合格 for members); `arg` is how a message names the records.
 */
export function applyNegativeList(records: readonly NegativeRecord[], list: NegativeList, failLabel = "不称职", arg = "records"): NegativeOutcome {
  const events = new Map<NegativeItem, number>();
  records.forEach((r, i) => {
    const row = r.row ?? i + 1;
    const item = findNegativeItem(list, r.item);
    if (!item) throw naError("unknownNegativeItem", { arg, row, value: r.item });
    const n = r.count ?? 1;
    if (!Number.isSafeInteger(n) || n < 1) throw valueError("notInteger", { arg: arg === "records" ? "counts" : "record_counts", row, value: n });
    events.set(item, (events.get(item) ?? 0) + n);
  });
  let deduction: Exact = ZERO;
  let starsRemoved = 0;
  let yuanFen = 0;
  let noTop = false;
  let forcedFail = false;
  const reasons: string[] = [];
  // List order, not record order, so the same records always read the same.
  for (const item of list.items) {
    const n = events.get(item);
    if (n === undefined) continue;
    const c = item;
    const parts: string[] = [];
    if (c.points) {
      const raw = times(exactOf(c.points), exactOf(n));
      const capped = c.pointsCap !== undefined && toNumber(raw) > c.pointsCap;
      const pts = capped ? exactOf(c.pointsCap!) : raw;
      deduction = plus(deduction, pts);
      parts.push(`扣 ${toNumber(pts)} 分${capped ? `（每次 ${c.points} 分，本项上限 ${c.pointsCap} 分）` : ""}`);
    }
    if (c.removeStars) {
      starsRemoved += c.removeStars * n;
      parts.push(`摘 ${c.removeStars * n} 星`);
    }
    if (c.noTop && !c.fail) {
      noTop = true;
      parts.push("本年度不得评为优秀");
    }
    if (c.fail) {
      forcedFail = noTop = true;
      parts.push(`定为${failLabel}`);
    }
    if (c.yuan) {
      const fen = Number(yuanToFen(c.yuan, { arg: "yuan" })) * n;
      yuanFen += fen;
      parts.push(`扣绩效工资 ${yuanText(fen)} 元`);
    }
    reasons.push(`负面清单 ${item.id}「${item.text}」${n} 次：${parts.join("，")}`);
  }
  return { deduction: toNumber(deduction), starsRemoved, noTop, forcedFail, yuanDeducted: yuanFen, reasons };
}
