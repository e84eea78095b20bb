// The public notice (公示) of results: its period, the objections raised during it, and a result changed after an objection only by an override with a reason.
import { calendarOf, toExcelDate } from "./dates";
import { valueError } from "./errors";

/**
 * Seven days: 《关于乡镇党委规范化建设试点工作的意见》 sets the notice of an appointment at "generally
 * seven days" (公示期一般为七天); 5-day notices are also in use, so it is a setting.
 */
export const DEFAULT_NOTICE_DAYS = 7;

/** A notice period as Excel date serials, both ends included. */
export interface NoticePeriod {
  readonly start: number;
  readonly days: number;
  readonly end: number;
}

/**
 * The period of a notice posted on `start` for `days` calendar days. The start day counts as the
 * first day: the opinions speak of a period of seven days, and a notice posted on the 1st for seven
 * days is read as "1日至7日", so end = start + days − 1. Weekends and holidays are not skipped, since
 * the opinions count days, not working days. `start` is a serial or date text ("2025-12-1").
 */
export function noticePeriod(start: number | string, days: number = DEFAULT_NOTICE_DAYS): NoticePeriod {
  if (!Number.isSafeInteger(days) || days < 1) throw valueError("notInteger", { arg: "days", value: days });
  const first = Math.floor(toExcelDate(start, { arg: "start" }));
  return { start: first, days, end: first + days - 1 };
}

/** A date serial as a notice prints it: 2025年12月1日. */
export function chineseDate(serial: number): string {
  const c = calendarOf(serial);
  return `${c.year}年${c.month}月${c.day}日`;
}

/** A date serial as the English audit line prints it: 2025-12-01. */
export function isoDate(serial: number): string {
  const c = calendarOf(serial);
  return `${c.year}-${String(c.month).padStart(2, "0")}-${String(c.day).padStart(2, "0")}`;
}

/** The period as the notice states it: 公示时间：2025年12月1日至2025年12月7日（共7天）. */
export function noticePeriodText(p: NoticePeriod): string {
  return `公示时间：${chineseDate(p.start)}至${chineseDate(p.end)}（共${p.days}天）`;
}

/** Whether a date falls within the period, both ends included. */
export function withinNotice(p: NoticePeriod, date: number): boolean {
  const d = Math.floor(date);
  return d >= p.start && d <= p.end;
}

/** What became of an objection: upheld (成立), not upheld (不成立), or not yet decided (待处理). */
export type ObjectionOutcome = "upheld" | "rejected" | "pending";

export const objectionOutcomeWords: Readonly<Record<ObjectionOutcome, string>> = { upheld: "成立", rejected: "不成立", pending: "待处理" };

/** The names users type for an outcome. */
export const objectionOutcomeNames: Readonly<Record<string, ObjectionOutcome>> = {
  成立: "upheld",
  属实: "upheld",
  upheld: "upheld",
  不成立: "rejected",
  不属实: "rejected",
  rejected: "rejected",
  待处理: "pending",
  处理中: "pending",
  pending: "pending",
};

/** One objection (异议) raised during a notice. */
export interface Objection {
  /** Who objected; may be blank, since an objection may be made without a name. */
  readonly objector: string;
  /** When, as a date serial. */
  readonly date: number;
  /** About whom: the name as the notice lists it. */
  readonly subject: string;
  readonly matter: string;
  readonly outcome: ObjectionOutcome;
}

/** A result changed by hand after the notice: to what, why, by whom, and on which objection if any. */
export interface Override {
  readonly subject: string;
  readonly to: string | number;
  readonly reason: string;
  readonly by?: string;
  readonly date?: number;
}

/** One line of the 审计 sheet: whom it is about and what happened, in Chinese and English. */
export interface AuditLine {
  readonly subject: string;
  readonly zh: string;
  readonly en: string;
}

/** An objection as 审计 records it, with a note when it came after the period closed. */
export function objectionAudit(o: Objection, period?: NoticePeriod): AuditLine {
  const late = period && !withinNotice(period, o.date) ? "（不在公示期内）" : "";
  const lateEn = period && !withinNotice(period, o.date) ? " (outside the notice period)" : "";
  const who = o.objector.trim() || "匿名";
  return {
    subject: o.subject,
    zh: `${chineseDate(o.date)}${late}，${who}对${o.subject}提出异议：${o.matter}；处理结果：${objectionOutcomeWords[o.outcome]}`,
    en: `${isoDate(o.date)}${lateEn}: ${o.objector.trim() || "anonymous"} objected to the result of ${o.subject}: ${o.matter}; outcome: ${o.outcome}`,
  };
}

/**
 * The result after an override, and its 审计 line. The reason is required, always; an override that
 * rests on an objection is refused unless the objection was upheld, since a result must not move on
 * an objection that was rejected or is still open. Without an objection it is a correction the
 * committee made, which 审计 records just as plainly.
 */
export function applyOverride(current: string | number | null, override: Override, objection?: Objection): { value: string | number; audit: AuditLine } {
  if (override.reason.trim() === "") throw valueError("overrideNeedsReason", { value: override.subject });
  if (objection && objection.outcome !== "upheld") throw valueError("objectionNotUpheld", { value: objection.subject, outcome: objection.outcome });
  const from = current === null || current === "" ? "（空）" : String(current);
  const by = override.by?.trim() ? `，${override.by.trim()}调整` : "";
  const when = override.date !== undefined ? `${chineseDate(override.date)}，` : "";
  const whenEn = override.date !== undefined ? `${isoDate(override.date)}: ` : "";
  const basis = objection ? `（异议成立：${objection.matter}）` : "";
  return {
    value: override.to,
    audit: {
      subject: override.subject,
      zh: `${when}${override.subject}的结果由“${from}”改为“${override.to}”${basis}${by}；原因：${override.reason.trim()}`,
      en: `${whenEn}the result of ${override.subject} changed from "${from}" to "${override.to}"${objection ? " after an upheld objection" : ""}${override.by?.trim() ? `, by ${override.by.trim()}` : ""}; reason: ${override.reason.trim()}`,
    },
  };
}
