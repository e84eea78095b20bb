// What every kind of assessment shares: its input and output shapes, grouping, rounding, and the standard report sheets.
import { roundHalfUp, type Rounding } from "../../core/exact";
import { roundingWords } from "../../core/wording";
import { maxOf, minOf } from "../../core/extremes";
import type { GroupQuota } from "../../core/grade";
import { percentRanksAllInGroups } from "../../core/percentrank";
import { rankAllInGroups } from "../../core/rank";
import type { GroupBy, Scheme, SchemeKind } from "../../core/scheme";
import type { FieldDef } from "../fields";
import type { PlanCell, PlanColumn, ReportSheet } from "../plan";
import type { FieldValue, RowRecord } from "../read";
import type { Problem, WorkbookData } from "../sheet";
import type { FoundTable } from "../table";
import type { LinkedWorkbook, SourceFailed, SourceTable } from "../links";

export interface AssessInput {
  /** The whole workbook, for a kind that reads a second table (the ledger's list of organisations). */
  workbook: WorkbookData;
  scheme: Scheme;
  fields: FieldDef[];
  table: FoundTable;
  records: RowRecord[];
  /** Workbooks passed along (kaohe run … --with), for a kind that reads a table of its own kind from one (the secretary's half-year test). */
  linked?: readonly LinkedWorkbook[];
  /** Another kind's table in this workbook or a linked one, computed (the ledger reads the five-good results); undefined when there is none. */
  source?: (kind: SchemeKind) => SourceTable | SourceFailed | undefined;
  /** The days (Excel serials, inclusive) whose negative-list records count: a period of the year sees only what had happened by its end. */
  negativePeriod?: { from: number; to: number };
}

/** A result a person changed by hand, with the reason they gave. */
export interface Override {
  row: number;
  name: string;
  column: string;
  computed: string;
  given: string;
  reason: string;
}

/** A stated warning: what the computation took where the data said nothing (an absent column, a reweighted part, where the pool came from). */
export interface Warning {
  zh: string;
  en: string;
}

export interface Assessment {
  /** The linked workbooks (AssessInput.linked) the kind read, by name. */
  linkedUsed?: string[];
  /**
   * Input columns whose values the kind computed from another table (the secretary's 半年考核 from the
   * half-year sheet): written into the table's own column, one value per record (null: left as typed).
   */
  inputs?: { field: string; values: (number | null)[] }[];
  /** Said on screen and in 审计; a row it changes also says so in its 说明. */
  warnings?: Warning[];
  columns: PlanColumn[];
  /** One row of cells per record, in the order of columns. */
  cells: PlanCell[][];
  /** Cells above the header the template keeps for figures of the whole table (the five-good 全县实际 / 是否达标 rows). */
  band?: BandCell[];
  reports: ReportSheet[];
  overrides: Override[];
  summary: { zh: string[]; en: string[] };
}

/** One figure of the whole table, in a labelled row above the header, under a result column or an input field's column. */
export interface BandCell {
  /** 0-based row of the sheet. */
  row: number;
  under: { result: string } | { field: string };
  value: PlanCell;
}

export interface KindRules {
  /** Problems that need the scheme to see (an unknown category, an override without a reason). */
  check(input: AssessInput): Problem[];
  assess(input: AssessInput): Assessment;
}

/** Scores are shown and ranked to two decimals. */
export const SCORE_DIGITS = 2;
export const roundScore = (x: number) => roundHalfUp(x, SCORE_DIGITS);

export const num = (v: FieldValue | undefined): number | null => (typeof v === "number" ? v : null);
export const str = (v: FieldValue | undefined): string => (v === null || v === undefined ? "" : String(v));
export const flag = (v: FieldValue | undefined): boolean => v === true;

/**
 * The group a record belongs to, by the scheme's grouping. A branch is named within its township:
 * two townships may each have a 新村党支部, and they are two branches with two quotas.
 */
export function groupOf(r: RowRecord, by: GroupBy): string {
  if (by === "none") return "全县";
  const township = str(r.values.township) || "（未填）";
  if (by === "township") return township;
  return `${township} ${str(r.values.branch) || "（未填）"}`;
}

/**
 * Every record's group, as groupOf keys them, named for the reports: a branch whose name no other
 * township uses keeps its own name; one that two townships share is named with its township.
 */
export function groupsOf(records: readonly RowRecord[], by: GroupBy): string[] {
  const keys = records.map((r) => groupOf(r, by));
  if (by !== "branch") return keys;
  const townshipsOf = new Map<string, Set<string>>();
  for (const r of records) {
    const b = str(r.values.branch) || "（未填）";
    townshipsOf.set(b, (townshipsOf.get(b) ?? new Set()).add(str(r.values.township)));
  }
  return records.map((r, i) => {
    const b = str(r.values.branch) || "（未填）";
    return townshipsOf.get(b)!.size > 1 ? keys[i] : b;
  });
}

export const groupTitle: Record<GroupBy, string> = { township: "乡镇", branch: "支部", none: "范围" };

/** Excel-exact rank (RANK.EQ), dense rank and PERCENTRANK.INC of every score within its group. */
export function rankWithin(scores: (number | null)[], groups: string[]) {
  const values = scores.map((s) => (s === null ? undefined : s));
  return {
    rank: rankAllInGroups(values, groups, "desc", "eq"),
    dense: rankAllInGroups(values, groups, "desc", "dense"),
    percent: percentRanksAllInGroups(values, groups, 3, false),
  };
}

export const cell = (v: number | string | null | undefined): PlanCell => (v === null || v === undefined ? "" : v);

/** Groups in order of first appearance with their record indices. */
export function groupIndices(groups: string[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = m.get(g);
    if (list) list.push(i);
    else m.set(g, [i]);
  });
  return m;
}

const mean = (xs: number[]) => (xs.length ? roundScore(xs.reduce((a, b) => a + b, 0) / xs.length) : "");

/**
 * 汇总: per group, count, mean, highest and lowest score and the count of each label, then the whole
 * county; with a column chart of the label distribution.
 */
export function summaryReport(opts: {
  title: string;
  groupHeader: string;
  groups: string[];
  scores: (number | null)[];
  labels: (string | null)[];
  labelOrder: readonly string[];
  scoreHeader?: string;
}): ReportSheet {
  const byGroup = groupIndices(opts.groups);
  const line = (name: string, idx: number[]): PlanCell[] => {
    const s = idx.map((i) => opts.scores[i]).filter((x): x is number => x !== null);
    return [name, idx.length, mean(s), maxOf(s) ?? "", minOf(s) ?? "", ...opts.labelOrder.map((l) => idx.filter((i) => opts.labels[i] === l).length)];
  };
  const rows = [...byGroup.entries()].map(([g, idx]) => line(g, idx));
  rows.push(line("合计", opts.groups.map((_, i) => i)));
  const scoreHeader = opts.scoreHeader ?? "得分";
  return {
    name: "汇总",
    title: opts.title,
    columns: [
      { header: opts.groupHeader, width: 14 },
      { header: "人数", format: "integer", width: 8 },
      { header: `平均${scoreHeader}`, format: "score", width: 10 },
      { header: `最高${scoreHeader}`, format: "score", width: 10 },
      { header: `最低${scoreHeader}`, format: "score", width: 10 },
      ...opts.labelOrder.map((l) => ({ header: l, format: "integer" as const, width: 9 })),
    ],
    rows,
    strongRows: [rows.length - 1],
    signatures: true,
    // Grade distribution and mean score by group; the county row is left out of both.
    charts:
      rows.length > 1
        ? [
            { kind: "column", title: `各${opts.groupHeader}等次分布`, firstRow: 0, lastRow: rows.length - 2, categoryCol: 0, seriesCols: opts.labelOrder.map((_, i) => 5 + i) },
            { kind: "bar", title: `各${opts.groupHeader}平均${scoreHeader}`, firstRow: 0, lastRow: rows.length - 2, categoryCol: 0, seriesCols: [2] },
          ]
        : [],
  };
}

/** 排名: everyone, group by group, best first, with the Excel-exact ranks. */
export function rankingReport(opts: {
  groupHeader: string;
  groups: string[];
  names: string[];
  scores: (number | null)[];
  ranks: ReturnType<typeof rankWithin>;
  /** The rank's header, which says where it is counted (乡镇内名次 / 全县名次); 排名 when not given. */
  rankHeader?: string;
  labels?: (string | null)[];
  labelHeader?: string;
}): ReportSheet {
  const order = opts.groups.map((_, i) => i);
  const firstSeen = new Map<string, number>();
  opts.groups.forEach((g, i) => firstSeen.has(g) || firstSeen.set(g, i));
  order.sort(
    (a, b) =>
      firstSeen.get(opts.groups[a])! - firstSeen.get(opts.groups[b])! ||
      (opts.ranks.rank[a] ?? Infinity) - (opts.ranks.rank[b] ?? Infinity) ||
      a - b,
  );
  const columns: PlanColumn[] = [
    { header: opts.groupHeader, width: 14 },
    { header: "姓名", width: 10 },
    { header: "得分", format: "score", width: 9 },
    { header: opts.rankHeader ?? "排名", format: "integer", width: opts.rankHeader ? 10 : 7 },
    { header: "中国式排名", format: "integer", width: 10 },
    { header: "百分比排位", format: "fraction", width: 10 },
  ];
  if (opts.labels) columns.push({ header: opts.labelHeader ?? "等次", width: 10 });
  return {
    name: "排名",
    title: "排名表",
    columns,
    rows: order.map((i) => {
      const row: PlanCell[] = [opts.groups[i], opts.names[i], cell(opts.scores[i]), cell(opts.ranks.rank[i]), cell(opts.ranks.dense[i]), cell(opts.ranks.percent[i])];
      if (opts.labels) row.push(cell(opts.labels[i]));
      return row;
    }),
    signatures: true,
  };
}

const tieWords: Record<string, string> = {
  strict: "并列者均不超额（严格）",
  all: "并列者均入选，超额标注",
  order: "按行序取舍",
};


/**
 * The township of each group of a report, for quotas counted per branch: a branch's notice is read
 * beside its township's. A group whose rows name several townships lists them all.
 */
export function groupTownships(groups: readonly string[], townships: readonly string[]): Map<string, string> {
  const sets = new Map<string, Set<string>>();
  groups.forEach((g, i) => sets.set(g, (sets.get(g) ?? new Set<string>()).add(townships[i] || "（未填）")));
  return new Map([...sets].map(([g, t]) => [g, [...t].join("、")]));
}

/** 配额核查: per group, how many were allowed the top grade, how many have it, and how ties were decided; with the 乡镇 first when the groups are branches. */
export function gradeQuotaReport(opts: { groupHeader: string; label: string; ratio: string; rounding: string; tiePolicy: string; minimum: number; groups: readonly GroupQuota[]; demoted: Map<string, number>; over: Map<string, number>; townships?: ReadonlyMap<string, string> }): ReportSheet {
  const overs: number[] = [];
  const rows = opts.groups.map<PlanCell[]>((g) => {
    const over = g.quota === null ? 0 : Math.max(0, g.top - g.quota);
    overs.push(over);
    const row: PlanCell[] = [g.group, g.size, opts.ratio, cell(g.quota), g.top, over, opts.demoted.get(g.group) ?? 0, tieWords[opts.tiePolicy] ?? opts.tiePolicy];
    return opts.townships ? [opts.townships.get(g.group) ?? "", ...row] : row;
  });
  const warnRows = overs.map((o, i) => (o > 0 ? i : -1)).filter((i) => i >= 0);
  return {
    name: "配额核查",
    title: `“${opts.label}”比例核查`,
    subtitle: `比例 ${opts.ratio}，${roundingWords[opts.rounding as Rounding]?.zh ?? opts.rounding}取整${opts.minimum > 0 ? `，每组至少 ${opts.minimum} 名` : ""}`,
    columns: [
      ...(opts.townships ? [{ header: "乡镇", width: 12 }] : []),
      { header: opts.groupHeader, width: 14 },
      { header: "参评人数", format: "integer", width: 9 },
      { header: "比例", width: 8 },
      { header: "允许名额", format: "integer", width: 9 },
      { header: "实际人数", format: "integer", width: 9 },
      { header: "超额", format: "integer", width: 7 },
      { header: "因配额调整", format: "integer", width: 10 },
      { header: "并列处理", width: 22 },
    ],
    rows,
    warnRows,
    notes: [warnRows.length ? `有 ${warnRows.length} 个分组超额（并列均入选），请在公示前研究决定。` : "所有分组均未超过比例。"],
    signatures: true,
  };
}

/** Reads an override column: a value typed by hand, which needs a reason. */
export function overrideProblems(input: AssessInput, valueField: string, reasonField: string): Problem[] {
  const col = input.table.columns.get(valueField);
  if (col === undefined) return [];
  const reasonCol = input.table.columns.get(reasonField);
  const out: Problem[] = [];
  for (const r of input.records) {
    if (str(r.values[valueField]) !== "" && str(r.values[reasonField]) === "")
      out.push({
        sheet: input.table.sheet,
        row: r.row,
        col: (reasonCol ?? col) + 1,
        header: input.table.headers.get(reasonField) ?? "调整原因",
        zh: "人工调整了结果，必须填写调整原因",
        en: "a result was changed by hand: the reason is required",
      });
  }
  return out;
}
