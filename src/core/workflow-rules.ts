// The scheme's settings for the work around the numbers (公示, the negative list, the star lists, personal columns): types, defaults with their sources, validation.
import { DEFAULT_BACKWARD_THRESHOLD, DEFAULT_COMMEND_THRESHOLD, DEFAULT_MAX_HELPED, DEFAULT_RESERVE_CANDIDATES } from "./commend";
import { DEFAULT_PERSONAL_HEADERS, type PersonalKind } from "./mask";
import { DEFAULT_NEGATIVE_LIST, NEGATIVE_LIST_SOURCE, validateNegativeItems, type NegativeItem } from "./negative-list";
import { DEFAULT_NOTICE_DAYS } from "./notice";
import type { SchemeProblem } from "./scheme";
import { parseFlagText } from "./text";
import { EXCEL_MAX_SERIAL, parseDateText } from "./dates";

export interface NoticeRules {
  /** The first day of the notice: date text or an Excel serial; blank: the day of computing. */
  start: string | number;
  /** Calendar days, the start day the first. */
  days: number;
  /** The issuing body as the notice signs; blank until the county fills it in, and the notice says so. */
  issuer: string;
  /** Where and to whom objections go. */
  objectionsTo: string;
  /** The office's telephone for objections. */
  phone: string;
}

export interface StarListRules {
  commendThreshold: number;
  reserveCandidates: boolean;
  backwardThreshold: number;
  maxHelped: number;
}

/** Headers that hold personal data, by kind: the ones the tool knows and any a county adds. */
export interface PersonalRules {
  idCard: string[];
  phone: string[];
  address: string[];
}

/** The personal headers as the masking rules take them. */
export const personalHeaders = (p: PersonalRules): Record<PersonalKind, readonly string[]> => ({ id: p.idCard, phone: p.phone, address: p.address });

export interface WorkflowRules {
  notice: NoticeRules;
  /** The negative list's items, as the scheme holds them. */
  negativeList: NegativeItem[];
  starLists: StarListRules;
  personal: PersonalRules;
}

/** Fresh defaults: a scheme owns and may change its copy. */
export function workflowDefaults(): WorkflowRules {
  return structuredClone({
    notice: { start: "", days: DEFAULT_NOTICE_DAYS, issuer: "", objectionsTo: "", phone: "" },
    negativeList: [...DEFAULT_NEGATIVE_LIST.items],
    starLists: { commendThreshold: DEFAULT_COMMEND_THRESHOLD, reserveCandidates: DEFAULT_RESERVE_CANDIDATES, backwardThreshold: DEFAULT_BACKWARD_THRESHOLD, maxHelped: DEFAULT_MAX_HELPED },
    personal: { idCard: [...DEFAULT_PERSONAL_HEADERS.id], phone: [...DEFAULT_PERSONAL_HEADERS.phone], address: [...DEFAULT_PERSONAL_HEADERS.address] },
  });
}

const STAR_OPINIONS = "《关于开展\"奉献我村、服务群众\"农村党员创星行动的意见》";
const STAR_OPINIONS_EN = "the opinions on the village Party members' star-striving action";

/** Where each default comes from, as the 考核方案 sheet and the pane show it beside the setting. */
export const workflowSources: Record<string, { zh: string; en: string }> = {
  "notice.days": {
    zh: "公示期一般为7天（《关于乡镇党委规范化建设试点工作的意见》）；5天公示也常用",
    en: "a notice generally runs 7 days (the opinions on standardising township Party committees); 5-day notices are also used",
  },
  "notice.start": { zh: "公示张贴的第一天；空为计算当天", en: "the first day the notice is posted; blank: the day of computing" },
  "notice.issuer": { zh: "公示落款的发布机关，由县、乡镇填写", en: "the body that issues the notice, filled in by the county or township" },
  "notice.objectionsTo": { zh: "公示期间受理异议的部门，由县、乡镇填写", en: "the office that takes objections during the notice, filled in by the county or township" },
  "notice.phone": { zh: "受理异议的办公电话（可空）", en: "the office telephone for objections (may be blank)" },
  negativeList: {
    zh: `负面清单5类46条（${NEGATIVE_LIST_SOURCE}）；示例条目，请按本县清单填写`,
    en: "the negative list, 5 categories, 46 items (the Beidaihe rural Party-building responsibility measures); example items: fill in the county's own",
  },
  "starLists.commendThreshold": { zh: `9星（含）以上党员在“七一”和年终表彰（${STAR_OPINIONS}）`, en: `members with 9 stars or more are commended on 1 July and at year end (${STAR_OPINIONS_EN})` },
  "starLists.reserveCandidates": { zh: `符合条件的可纳入村级后备干部重点培养（${STAR_OPINIONS}）`, en: `those who meet the conditions may enter the reserve cadre pool (${STAR_OPINIONS_EN})` },
  "starLists.backwardThreshold": {
    zh: `得星少的党员作为后进党员管理（${STAR_OPINIONS}）；文件未定星数，默认2星（含）以下`,
    en: `low-star members are managed as backward members (${STAR_OPINIONS_EN}); the opinions give no number, 2 stars or fewer by default`,
  },
  "starLists.maxHelped": {
    zh: `由星级高的党员帮扶整改（${STAR_OPINIONS}）；文件未定人数，默认每人帮扶不超过2人`,
    en: `best-star members help them (${STAR_OPINIONS_EN}); the opinions give no number, at most 2 each by default`,
  },
  personal: { zh: "公示张贴于公开场所，不得显示身份证号、电话、住址；其他报表中的身份证号打码", en: "a notice is posted in public: no ID, phone or address; other reports mask the ID number" },
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The workflow settings of a scheme as read from a workbook or JSON, each missing one taken from
 * `base` (the kind's defaults), every problem named by its path. `raw` is the scheme object. A blank
 * text setting (the sheet's empty cell reads back as nothing) is "".
 */
export function validateWorkflow(raw: Record<string, unknown>, base: WorkflowRules = workflowDefaults()): { rules?: WorkflowRules; problems: SchemeProblem[] } {
  const problems: SchemeProblem[] = [];
  const add = (path: string, zh: string, en: string) => problems.push({ path, zh, en });
  const rules: WorkflowRules = structuredClone({ notice: base.notice, negativeList: base.negativeList, starLists: base.starLists, personal: base.personal });
  const whole = (v: unknown, path: string, min: number, max: number): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
      add(path, `应为 ${min} 到 ${max} 之间的整数`, `must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return v;
  };
  const words = (v: unknown, path: string): string | undefined => {
    if (v === undefined) return undefined;
    if (v === null) return "";
    if (typeof v !== "string") {
      add(path, "应为文字", "must be text");
      return undefined;
    }
    return v.trim();
  };
  const section = (key: string): Record<string, unknown> | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!isObject(v)) {
      add(key, "应为一组设置", "must be a group of settings");
      return undefined;
    }
    return v;
  };

  const notice = section("notice");
  if (notice) {
    rules.notice.days = whole(notice.days, "notice.days", 1, 60) ?? rules.notice.days;
    if (notice.start !== undefined) {
      const v = notice.start === null ? "" : notice.start;
      const ok = (typeof v === "string" && (v.trim() === "" || parseDateText(v) !== undefined)) || (typeof v === "number" && Number.isFinite(v) && v >= 1 && v <= EXCEL_MAX_SERIAL);
      if (ok) rules.notice.start = typeof v === "string" ? v.trim() : v;
      else add("notice.start", "应为日期，如 2025-12-1；空为计算当天", "must be a date such as 2025-12-1; blank for the day of computing");
    }
    rules.notice.issuer = words(notice.issuer, "notice.issuer") ?? rules.notice.issuer;
    rules.notice.objectionsTo = words(notice.objectionsTo, "notice.objectionsTo") ?? rules.notice.objectionsTo;
    rules.notice.phone = words(notice.phone, "notice.phone") ?? rules.notice.phone;
  }
  if (raw.negativeList !== undefined) {
    const checked = validateNegativeItems(raw.negativeList);
    problems.push(...checked.problems);
    if (checked.items) rules.negativeList = checked.items;
  }
  const lists = section("starLists");
  if (lists) {
    const s = rules.starLists;
    s.commendThreshold = whole(lists.commendThreshold, "starLists.commendThreshold", 1, 100) ?? s.commendThreshold;
    s.backwardThreshold = whole(lists.backwardThreshold, "starLists.backwardThreshold", 0, 100) ?? s.backwardThreshold;
    s.maxHelped = whole(lists.maxHelped, "starLists.maxHelped", 1, 100) ?? s.maxHelped;
    if (lists.reserveCandidates !== undefined) {
      // The 考核方案 sheet shows 是/否.
      const typed = typeof lists.reserveCandidates === "string" ? parseFlagText(lists.reserveCandidates) : lists.reserveCandidates;
      if (typeof typed === "boolean") s.reserveCandidates = typed;
      else add("starLists.reserveCandidates", "应为 是/否", "must be yes or no");
    }
    if (s.backwardThreshold >= s.commendThreshold)
      add("starLists.backwardThreshold", `后进线（${s.backwardThreshold}星）应低于表彰线（${s.commendThreshold}星）`, `the backward line (${s.backwardThreshold}) must be below the commendation line (${s.commendThreshold})`);
  }
  const personal = section("personal");
  if (personal)
    for (const kind of ["idCard", "phone", "address"] as const) {
      const v = personal[kind];
      if (v === undefined) continue;
      if (!Array.isArray(v) || v.some((h) => typeof h !== "string")) add(`personal.${kind}`, "应为表头文字的列表", "must be a list of headers");
      else rules.personal[kind] = v.map((h: string) => h.trim()).filter((h) => h !== "");
    }
  return problems.length ? { problems } : { rules, problems };
}
