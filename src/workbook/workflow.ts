// The work after the numbers, for any kind that announces results: the 公示 sheet, objections applied to the announced result, and for stars the 表彰名单 and 帮扶名单.
import { commendationList, helperList } from "../core/commend";
import { parseDateText } from "../core/dates";
import { chinaDate } from "../core/local-time";
import { noticePeriod } from "../core/notice";
import type { Scheme } from "../core/scheme";
import { reportTitle } from "../core/title-text";
import { personalHeaders } from "../core/workflow-rules";
import type { Assessment } from "./assess/common";
import type { FieldDef } from "./fields";
import { noticeReport } from "./notice-report";
import { applyObjections } from "./objections";
import { applyNegativeRecords, peopleOf } from "./negative-apply";
import type { PlanCell, ReportSheet } from "./plan";
import type { RowRecord } from "./read";
import { describeDataProblem, type WorkbookData } from "./sheet";
import { commendationReport, helperKey, helperReport, HELPER_SHEET, helpersFromSheet, type ListRow } from "./star-lists";

/** What a kind announces: the result columns a notice shows (the last is the result an objection may change), and whether stars lead to the star lists. */
export interface Announced {
  readonly columns: readonly string[];
  readonly starLists?: boolean;
}

export interface WorkflowOutcome {
  readonly reports: ReportSheet[];
  /** Rows for 审计 (事项, 姓名, 经过), under the heading 负面清单、公示与异议. */
  readonly audit: PlanCell[][];
  /** Said on screen and in 审计: rows of the objection sheet that could not be applied, with their place. */
  readonly warnings: { zh: string; en: string }[];
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

/** The notice's first day: the scheme's, else the day of computing in China. */
function startOf(scheme: Scheme, now: Date): number {
  const s = scheme.notice.start;
  if (typeof s === "number") return s;
  const typed = s.trim() === "" ? undefined : parseDateText(s);
  if (typed !== undefined) return typed;
  return parseDateText(chinaDate(now))!;
}

/**
 * Builds the notice from the results as computed (what is posted), then applies the objection sheet
 * to the announced result in `assessment.cells` (what stands after the notice), saying each change in
 * the row's 说明, then the star lists from the results that stand. The notice names each person by
 * the table's unit columns and name only: personal columns never reach it.
 */
export function runWorkflow(args: { workbook: WorkbookData; scheme: Scheme; fields: readonly FieldDef[]; records: readonly RowRecord[]; assessment: Assessment; announced: Announced; now: Date }): WorkflowOutcome {
  const { workbook, scheme, fields, records, assessment, announced } = args;
  const cols = announced.columns.map((h) => assessment.columns.findIndex((c) => c.header === h));
  if (cols.some((c) => c < 0)) return { reports: [], audit: [], warnings: [] };
  const units = fields.filter((f) => f.unit);
  const nameField = fields.find((f) => f.id === "name");
  if (!nameField) return { reports: [], audit: [], warnings: [] };
  const names = records.map((r) => text(r.values.name));
  const s = scheme.notice;
  const period = noticePeriod(startOf(scheme, args.now), s.days);
  const notice = noticeReport({
    title: reportTitle(scheme.title, "结果公示"),
    subject: `${scheme.title}结果`,
    columns: [...units.map((f) => ({ header: f.header, width: 12 })), { header: nameField.header, width: 10 }, ...cols.map((c) => assessment.columns[c])],
    rows: records.map((r, i) => [...units.map((f) => text(r.values[f.id])), names[i], ...cols.map((c) => assessment.cells[i][c] ?? "")]),
    settings: { issuer: s.issuer || "______________（盖章）", issued: period.start, period, objectionsTo: s.objectionsTo || "______________", phone: s.phone },
    personalHeaders: personalHeaders(scheme.personal),
  });
  const reports: ReportSheet[] = [notice];

  // Objections change the announced result only; 说明 says so where the kind has one.
  const result = cols[cols.length - 1];
  const noteCol = assessment.columns.findIndex((c) => c.header === "说明");
  const before = assessment.cells.map((row) => row[result] as string | number | null);
  const people = peopleOf(fields, records);
  const objections = applyObjections(workbook, names, before.map((v) => (v === "" ? null : v)), period, people.map((p) => p.units));
  const audit: PlanCell[][] = [...objections.audit];
  objections.values.forEach((v, i) => {
    if (v === before[i] || v === null) return;
    assessment.cells[i][result] = v;
    if (noteCol >= 0) {
      const note = text(assessment.cells[i][noteCol]);
      assessment.cells[i][noteCol] = `${note ? `${note}；` : ""}公示后异议成立，由 ${String(before[i])} 调整为 ${String(v)}`;
    }
  });
  const warnings = objections.problems.map((p) => ({ zh: describeDataProblem(p, "zh-CN"), en: describeDataProblem(p, "en-US") }));
  // The kind applied the negative list before its quota; here its consequences and any record that matched nobody go to 审计.
  if (scheme.negativeList.length) {
    const negative = applyNegativeRecords(workbook, { items: scheme.negativeList }, people, { failLabel: scheme.grade.labels[scheme.grade.labels.length - 1] });
    audit.unshift(...negative.audit);
    for (const p of negative.unmatched) warnings.push({ zh: describeDataProblem(p, "zh-CN"), en: describeDataProblem(p, "en-US") });
  }

  if (announced.starLists) {
    const earlier = workbook.sheets.find((sh) => sh.name === HELPER_SHEET);
    const kept = earlier ? helpersFromSheet(earlier) : new Map<string, string>();
    const members: ListRow[] = records.map((r, i) => {
      const stars = assessment.cells[i][result];
      return {
        township: text(r.values.township),
        branch: text(r.values.branch),
        name: names[i],
        category: text(r.values.category),
        stars: typeof stars === "number" ? stars : null,
        tiebreak: typeof r.values.tiebreak === "number" ? r.values.tiebreak : null,
        helper: kept.get(helperKey(text(r.values.branch), names[i])),
      };
    });
    // A branch is named within its township: two townships may each have a 第一支部.
    const scoped = members.map((m) => ({ ...m, branch: `${m.township} ${m.branch}` }));
    const l = scheme.starLists;
    const commended = commendationList(scoped, l.commendThreshold, l.reserveCandidates);
    const helped = helperList(scoped, { threshold: l.backwardThreshold, maxHelped: l.maxHelped });
    reports.push(commendationReport(reportTitle(scheme.title, "表彰名单"), members, commended, l.commendThreshold));
    reports.push(helperReport(reportTitle(scheme.title, "帮扶名单"), members, helped, l.backwardThreshold, l.maxHelped));
  }
  return { reports, audit, warnings };
}
