// Grading a scored table: ranks within groups, bands with the top-grade quota, veto, eligibility and overrides with reasons.
import { toRatio } from "../../core/exact";
import { reportTitle } from "../../core/title-text";
import { gradeScale, gradesWithQuota, labelKey, type GradeResult, type GroupQuota } from "../../core/grade";
import type { Scheme } from "../../core/scheme";
import type { PlanCell, ReportSheet } from "../plan";
import type { Problem } from "../sheet";
import { type AssessInput, type Override, cell, flag, gradeQuotaReport, groupOf, groupsOf, groupTownships, groupTitle, overrideProblems, rankWithin, rankingReport, str, summaryReport } from "./common";
import { rankHeader } from "../rank-column";

export interface Graded {
  groups: string[];
  /** Each row's township, for the reports of groups that are branches. */
  townships: string[];
  ranks: ReturnType<typeof rankWithin>;
  results: GradeResult[];
  quotaGroups: GroupQuota[];
  /** The grade after any override. */
  final: (string | null)[];
  notes: string[];
  overrides: Override[];
}

/** A typed override must name one of the scheme's grades, and needs a reason. */
export function gradeOverrideProblems(input: AssessInput): Problem[] {
  const out = overrideProblems(input, "override", "overrideReason");
  const col = input.table.columns.get("override");
  if (col === undefined) return out;
  const labels = new Set(input.scheme.grade.labels.map(labelKey));
  for (const r of input.records) {
    const v = str(r.values.override);
    if (v !== "" && !labels.has(labelKey(v)))
      out.push({
        sheet: input.table.sheet,
        row: r.row,
        col: col + 1,
        header: input.table.headers.get("override"),
        zh: `“${v}”不是考核方案中的等次（${input.scheme.grade.labels.join("、")}）`,
        en: `"${v}" is not a grade of the scheme (${input.scheme.grade.labels.join(", ")})`,
      });
  }
  return out;
}

/**
 * Ranks and grades the scores of a table by the scheme's grade rules. `barred` (from the negative
 * list) bars a row from the top grade, or forces the lowest, besides the table's own 一票否决 column;
 * the kind says why in 说明.
 */
export function gradeScores(input: AssessInput, scores: (number | null)[], names: string[], barred?: readonly { noTop: boolean; forcedFail: boolean }[]): Graded {
  const { scheme, records } = input;
  const g = scheme.grade;
  const groups = groupsOf(records, g.groupBy);
  // The rank is counted where the scheme says (rank.scope), whatever the groups of the grade quota.
  const ranks = rankWithin(scores, records.map((r) => groupOf(r, scheme.rank.scope === "county" ? "none" : "township")));
  const { rows: results, groups: quotaGroups } = gradesWithQuota(
    records.map((r, i) => {
      const typed = flag(r.values.veto);
      const listed = barred?.[i];
      const fail = listed?.forcedFail === true || (typed && g.veto === "fail");
      return { score: scores[i], group: groups[i], veto: typed || listed?.noTop === true, vetoMode: fail ? ("fail" as const) : ("noTop" as const), tiebreak: null };
    }),
    {
      scale: gradeScale(g.cutoffs, g.labels),
      topQuota: g.topRatio === null ? undefined : { ratio: toRatio(g.topRatio), rounding: g.rounding, minimum: g.minimum },
      tiePolicy: g.tiePolicy,
      vetoMode: g.veto,
    },
  );
  const overrides: Override[] = [];
  const final = results.map((res, i) => {
    const given = str(records[i].values.override);
    if (given === "") return res.grade;
    overrides.push({ row: records[i].row, name: names[i], column: "等次", computed: res.grade ?? "", given, reason: str(records[i].values.overrideReason) });
    return given;
  });
  const notes = results.map((res, i) => {
    const parts: string[] = [];
    // A bar from the negative list alone is said by the kind with its item.
    if (res.vetoed && flag(records[i].values.veto)) parts.push(g.veto === "fail" ? "一票否决，定为末等" : "一票否决，不得评为优秀");
    if (res.demoted) parts.push(`超出${g.labels[0]}比例，按${g.labels[1]}`);
    if (res.overQuota) parts.push(`并列入选${g.labels[0]}，超额`);
    if (final[i] !== res.grade) parts.push(`人工调整：${str(records[i].values.overrideReason)}`);
    return parts.join("；");
  });
  return { groups, townships: records.map((r) => str(r.values.township)), ranks, results, quotaGroups, final, notes, overrides };
}

/** The rank columns every graded kind writes. */
export const rankColumns = [
  { header: "排名", format: "integer" as const, width: 7 },
  { header: "中国式排名", format: "integer" as const, width: 10 },
  { header: "百分比排位", format: "fraction" as const, width: 10 },
];

export function rankCells(graded: Graded, i: number): PlanCell[] {
  return [cell(graded.ranks.rank[i]), cell(graded.ranks.dense[i]), cell(graded.ranks.percent[i])];
}

/** 汇总, 配额核查 and 排名 for a graded table. */
export function gradedReports(scheme: Scheme, graded: Graded, scores: (number | null)[], names: string[], scoreHeader: string): ReportSheet[] {
  const g = scheme.grade;
  const header = groupTitle[g.groupBy];
  const demoted = new Map<string, number>();
  const over = new Map<string, number>();
  graded.results.forEach((r, i) => {
    if (r.demoted) demoted.set(graded.groups[i], (demoted.get(graded.groups[i]) ?? 0) + 1);
    if (r.overQuota) over.set(graded.groups[i], (over.get(graded.groups[i]) ?? 0) + 1);
  });
  const reports: ReportSheet[] = [
    summaryReport({ title: reportTitle(scheme.title, "汇总"), groupHeader: header, groups: graded.groups, scores, labels: graded.final, labelOrder: g.labels, scoreHeader }),
  ];
  if (g.topRatio !== null)
    reports.push(
      gradeQuotaReport({
        groupHeader: header,
        label: g.labels[0],
        ratio: String(g.topRatio),
        rounding: g.rounding,
        tiePolicy: g.tiePolicy,
        minimum: g.minimum,
        groups: graded.quotaGroups,
        demoted,
        over,
        townships: g.groupBy === "branch" ? groupTownships(graded.groups, graded.townships) : undefined,
      }),
    );
  reports.push(rankingReport({ groupHeader: header, groups: graded.groups, names, scores, ranks: graded.ranks, rankHeader: rankHeader(scheme.rank.scope), labels: graded.final }));
  return reports;
}

/** Summary lines shared by graded kinds. */
export function gradedSummary(scheme: Scheme, graded: Graded, count: number) {
  const counts = scheme.grade.labels.map((l) => `${l} ${graded.final.filter((x) => x === l).length}`);
  const demoted = graded.results.filter((r) => r.demoted).length;
  const over = graded.results.filter((r) => r.overQuota).length;
  return {
    zh: [`参评 ${count} 人，${graded.quotaGroups.length} 个${groupTitle[scheme.grade.groupBy]}`, `等次：${counts.join("，")}`, `因比例调整 ${demoted} 人，超额 ${over} 人，人工调整 ${graded.overrides.length} 人`],
    en: [`${count} assessed in ${graded.quotaGroups.length} groups`, `grades: ${counts.join(", ")}`, `${demoted} moved down by the quota, ${over} over quota, ${graded.overrides.length} changed by hand`],
  };
}
