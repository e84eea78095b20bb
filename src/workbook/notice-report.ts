// The 公示 report sheet: the announced results with the notice period, where objections go, and the issuing body, printable on A4; personal columns never shown.
import { DEFAULT_PERSONAL_HEADERS, maskIdsInText, personalKind, type PersonalKind } from "../core/mask";
import { chineseDate, noticePeriodText, type NoticePeriod } from "../core/notice";
import { reportSheetNames, type PlanCell, type PlanColumn, type ReportSheet } from "./plan";

/** The sheet's name, the same for every kind. */
export const NOTICE_SHEET = reportSheetNames.notice;

/** What a notice says beyond its list: who issues it, when, for how long, and where objections go. */
export interface NoticeSettings {
  /** The issuing body as it signs, e.g. 中共××镇委员会. */
  readonly issuer: string;
  /** The date printed under the issuer, an Excel serial. */
  readonly issued: number;
  readonly period: NoticePeriod;
  /** Where and to whom objections go, e.g. 镇党委组织办. */
  readonly objectionsTo: string;
  /** The office's telephone for objections: the office's own line, not a person's. */
  readonly phone?: string;
}

export interface NoticeInput {
  /** The title as printed: 2025年度党员星级评定结果公示. */
  readonly title: string;
  /** What is announced, for the opening line: 2025年度党员星级评定结果. */
  readonly subject: string;
  readonly columns: readonly PlanColumn[];
  readonly rows: readonly PlanCell[][];
  readonly settings: NoticeSettings;
  /** Headers the scheme says are personal, beyond the ones the tool knows (身份证号, 联系电话, 家庭住址 …). */
  readonly personalHeaders?: Readonly<Record<PersonalKind, readonly string[]>>;
}

/**
 * The notice. A notice is posted where anyone can read it, so columns holding an ID-card number, a
 * phone number or an address are left out whatever the kind passes, and an ID-card number that
 * slipped into a text cell (a 说明) is masked. A 序号 column leads, as printed notices number their
 * lines. The period, where to object, 特此公示, the issuer and the date follow the list.
 */
export function noticeReport(input: NoticeInput): ReportSheet {
  const extra = input.personalHeaders;
  const headers = extra ? { id: [...DEFAULT_PERSONAL_HEADERS.id, ...extra.id], phone: [...DEFAULT_PERSONAL_HEADERS.phone, ...extra.phone], address: [...DEFAULT_PERSONAL_HEADERS.address, ...extra.address] } : DEFAULT_PERSONAL_HEADERS;
  const keep = input.columns.map((c, i) => (personalKind(c.header, headers) === undefined ? i : -1)).filter((i) => i >= 0);
  const safe = (v: PlanCell): PlanCell => (typeof v === "string" ? maskIdsInText(v) : v);
  const s = input.settings;
  const phone = s.phone?.trim() ? `（联系电话：${s.phone.trim()}）` : "";
  return {
    name: NOTICE_SHEET,
    title: input.title,
    subtitle: `现将${input.subject}予以公示，接受党员和群众监督。`,
    columns: [{ header: "序号", format: "integer", width: 6 }, ...keep.map((i) => input.columns[i])],
    rows: input.rows.map((r, n) => [n + 1, ...keep.map((i) => safe(r[i] ?? ""))]),
    notes: [
      noticePeriodText(s.period),
      `公示期间，如有异议，请以书面或当面方式向${s.objectionsTo}反映${phone}。反映问题应实事求是，提倡署真实姓名。`,
      "特此公示。",
      s.issuer,
      chineseDate(s.issued),
    ],
    signatures: true,
  };
}
