// The leader and contact-point list (联系点名单) and each leader's visits to his own point, counted for the ledger's report.
import { contactVisits, type UncountedReason } from "../../core/contact-visits";
import { calendarOf } from "../../core/dates";
import { labelKey } from "../../core/grade";
import type { DutyDef } from "../../core/scheme";
import type { AssessInput } from "../../workbook/assess/common";
import { num, str } from "../../workbook/assess/common";
import type { FieldDef } from "../../workbook/fields";
import type { PlanCell } from "../../workbook/plan";
import type { Problem } from "../../workbook/sheet";
import { problemSheet, secondSheet } from "./second-sheet";
import { headerKey } from "../../workbook/table";

export const CONTACT_SHEET = "联系点名单";

/** One row per leader and contact point. */
export const contactFields: readonly FieldDef[] = [
  { id: "township", header: "乡镇", aliases: ["所属乡镇", "乡镇（街道）"], type: "text", required: false, fillDown: true },
  { id: "leader", header: "领导", aliases: ["领导姓名", "联系领导", "县领导", "乡镇领导"], type: "text", required: true },
  { id: "post", header: "职务", aliases: ["领导职务"], type: "text", required: false },
  { id: "contactPoint", header: "联系点", aliases: ["联系点（村）", "联系村", "联系组织"], type: "text", required: true },
];

/**
 * The ledger's column naming who went on a visit, where a county adds one beside the template's
 * columns: a visit naming nobody counts for the point's one leader.
 */
export const VISITOR_HEADERS = ["走访领导", "走访人", "参加领导", "走访人员"];

/** The 0-based column of the ledger holding the visitor, by its header; undefined without one. */
function visitorColumn(input: AssessInput): number | undefined {
  const header = input.table.rows[input.table.headerRow] ?? [];
  const wanted = new Set(VISITOR_HEADERS.map(headerKey));
  const at = header.findIndex((h) => wanted.has(headerKey(h)));
  return at < 0 ? undefined : at;
}

/**
 * The duties counted per leader once a contact-point list is given: those named for contact points
 * (联系点), as 《我县农村党建工作措施》 charges each leader with visits to his own point, never each village.
 */
export const isContactDuty = (duty: DutyDef): boolean => duty.name.includes("联系点");

const what = { zh: "联系点名单（领导、联系点）", en: "the leaders and their contact points" };

export function readContacts(input: AssessInput) {
  return secondSheet(input, contactFields, CONTACT_SHEET, what);
}

/** A contact point not on the list of organisations cannot be visited in the ledger: named with its row. */
export function contactProblems(input: AssessInput, organisations: ReadonlySet<string>, listFound: boolean): Problem[] {
  const { found, problems } = readContacts(input);
  if (!found || !listFound) return problems;
  const col = found.table.columns.get("contactPoint")!;
  for (const r of found.read.records) {
    const point = str(r.values.contactPoint);
    if (point && !organisations.has(labelKey(point)))
      problems.push({
        sheet: problemSheet(found),
        row: r.row,
        col: col + 1,
        header: found.table.headers.get("contactPoint"),
        zh: `联系点“${point}”不在“组织名单”中；请与组织名单中的组织名称写法一致`,
        en: `the contact point "${point}" is not on the 组织名单 sheet; spell it as the list does`,
      });
  }
  return problems;
}

const reasonWords: Record<UncountedReason, string> = {
  notContactPoint: "该组织不是任何领导的联系点，不计入",
  notHisContactPoint: "不是该领导的联系点，不计入",
  unknownLeader: "该领导不在联系点名单中，不计入",
  whichLeader: "该联系点有几位领导，未写走访领导，无法确定计入谁",
};

export interface ContactCount {
  /** Report rows in the ledger's duty layout: 乡镇, 领导（联系点）, 职责, 要求, 应有期数, 实际次数, 未落实期数, 未落实的期. */
  rows: PlanCell[][];
  /** Indexes of rows short of the minimum. */
  short: number[];
  shortfalls: number;
  /** Visits counted for nobody: 行, 组织, 日期, 走访领导, 原因. */
  uncounted: PlanCell[][];
}

/**
 * Each contact duty counted per leader at his own point, year by year from `fromYear` to `toYear`;
 * undefined when the workbook has no contact-point list (the duty is then counted per organisation).
 */
export function countContacts(input: AssessInput, duties: readonly DutyDef[], fromYear: number, toYear: number, dateText: (serial: number) => string): ContactCount | undefined {
  const { found } = readContacts(input);
  // An empty list (a merged county whose returns carry none) is no list: the duty stays per organisation.
  if (!found || found.read.records.length === 0) return undefined;
  const list = found.read.records.map((r) => ({ row: r.row, leader: str(r.values.leader), contactPoint: str(r.values.contactPoint), township: str(r.values.township), post: str(r.values.post) }));
  const out: ContactCount = { rows: [], short: [], shortfalls: 0, uncounted: [] };
  const visitor = visitorColumn(input);
  for (const duty of duties.filter(isContactDuty)) {
    const words = new Set(duty.events.map(labelKey));
    const visits = input.records
      .filter((r) => words.has(labelKey(str(r.values.eventType))) && num(r.values.date) !== null)
      .map((r) => {
        const who = visitor === undefined ? null : input.table.rows[r.row - 1]?.[visitor];
        return { row: r.row, organisation: str(r.values.organisation), date: num(r.values.date)!, leader: who === null || who === undefined ? null : String(who).trim() || null };
      });
    const counted = contactVisits(list, visits, fromYear, toYear, duty.min);
    counted.leaders.forEach((l, i) => {
      const short = l.years.filter((y) => y.shortfall > 0);
      if (short.length) {
        out.short.push(out.rows.length);
        out.shortfalls += short.length;
      }
      const who = list[i].post ? `${l.leader}（${list[i].post}）` : l.leader;
      out.rows.push([
        list[i].township,
        `${who}：联系点${l.contactPoint}`,
        duty.name,
        `每位领导每年到本人联系点不少于${duty.min}次`,
        l.years.length,
        l.years.reduce((s, y) => s + y.count, 0),
        short.length,
        short.length ? short.map((y) => `${y.year}年（${y.count}次，差${y.shortfall}次）`).join("、") : "全部落实",
      ]);
    });
    for (const u of counted.uncounted) out.uncounted.push([u.visit.row, u.visit.organisation, dateText(u.visit.date), u.leader ?? "", reasonWords[u.reason]]);
  }
  return out;
}

/** The years a ledger spans, first to last. */
export const yearsOf = (start: number, end: number) => ({ fromYear: calendarOf(start).year, toYear: calendarOf(end).year });
