// The member year: the quarterly bulletins (季度通报) and the half-year pre-assessment (半年预评) as sheets of the member table, each computed on its own, and the year-end's 星级进展.
import { RuleError } from "../../core/errors";
import { linkRows, type LinkPerson } from "../../core/link";
import { reportTitle } from "../../core/title-text";
import { excelSerial } from "../../core/dates";
import { yearInTitle } from "../../core/scheme";
import { type AssessInput, type Assessment, type Warning, str } from "../../workbook/assess/common";
import type { PlanCell, ReportSheet } from "../../workbook/plan";
import { readRecords, type RowRecord } from "../../workbook/read";
import type { Problem } from "../../workbook/sheet";
import { findTable } from "../../workbook/table";

/** The periods of the member year, in order; each is a sheet of that name holding the member table as it stood then. */
export const MEMBER_PERIODS = ["第一季度", "第二季度", "半年预评", "第三季度", "第四季度"] as const;

/** The year-end report of each member's stars period by period. */
export const PROGRESS_SHEET = "星级进展";

/** A table computed by the member rules: its problems, and its assessment once they are none. */
export type PeriodRun = (input: AssessInput) => { problems: Problem[]; assessment: () => Assessment };

const finalStars = (a: Assessment): (number | null)[] => {
  const k = a.columns.findIndex((c) => c.header === "最终星数");
  return a.cells.map((row) => (typeof row[k] === "number" ? (row[k] as number) : null));
};

/** A member as the periods' tables are matched: by ID, else by name within township and branch. */
const personOf = (r: RowRecord): LinkPerson => ({ row: r.row, id: str(r.values.id) || null, name: str(r.values.name), unit: `${str(r.values.township)}${str(r.values.branch)}` || null });

/** The month each period ends with: its bulletin shows the stars as they stood then. */
const PERIOD_END_MONTH: Record<(typeof MEMBER_PERIODS)[number], number> = { 第一季度: 3, 第二季度: 6, 半年预评: 6, 第三季度: 9, 第四季度: 12 };

/**
 * From the year's first day to the period's last: the negative-list records a period counts, since a
 * star removed in October was not yet removed in the first quarter's bulletin. Undefined when the
 * scheme's title names no year (every record then counts, as at year end).
 */
export function periodSpan(name: (typeof MEMBER_PERIODS)[number], title: string): { from: number; to: number } | undefined {
  const year = yearInTitle(title);
  if (year === undefined) return undefined;
  const end = PERIOD_END_MONTH[name];
  const from = excelSerial(year, 1, 1);
  const to = end === 12 ? excelSerial(year, 12, 31) : excelSerial(year, end + 1, 1)! - 1;
  return from === undefined || to === undefined ? undefined : { from, to };
}

/** The period a sheet is, by its name. */
export const periodOf = (sheet: string) => MEMBER_PERIODS.find((p) => p === sheet.trim());

/**
 * One period's final stars per member of the year-end table (null: not in that period's table), or
 * why it is left out: a period is counted only when its own table computes without a problem, since a
 * period's stars in the progression are what that period's bulletin said.
 */
function periodStars(input: AssessInput, name: (typeof MEMBER_PERIODS)[number], run: PeriodRun): { stars?: (number | null)[]; warnings: Warning[] } {
  const sheet = input.workbook.sheets.find((s) => s.name.trim() === name);
  if (!sheet) return { warnings: [] };
  const table = findTable(sheet, input.fields, input.scheme.columns);
  if (!table || table.missing.length > 0) {
    const lacking = table ? table.missing.map((f) => f.header).join("、") : "表头";
    return { warnings: [{ zh: `“${name}”表缺少${lacking}，该期未计入星级进展；请按党员星级表的表头填写`, en: `sheet ${name} lacks ${table ? table.missing.map((f) => f.header).join(", ") : "the headers"}: the period is left out of 星级进展; use the member table's headers` }] };
  }
  const read = readRecords(table, input.fields);
  const sub: AssessInput = { ...input, table, records: read.records, negativePeriod: periodSpan(name, input.scheme.title) };
  const { problems, assessment } = run(sub);
  const own = [...read.problems, ...problems.filter((p) => p.sheet === table.sheet)];
  let stars: (number | null)[] | undefined;
  try {
    if (own.length === 0) stars = finalStars(assessment());
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    own.push({ sheet: table.sheet, row: 0, col: 0, zh: e.message, en: e.message });
  }
  if (!stars) {
    const first = own[0];
    return {
      warnings: [
        {
          zh: `“${name}”表有 ${own.length} 处问题（如${first.row ? `第 ${first.row} 行` : ""}${first.header ? `“${first.header}”列` : ""}：${first.zh}），该期未计入星级进展；请改正后重新计算`,
          en: `sheet ${name} has ${own.length} problem(s) (e.g. ${first.row ? `row ${first.row}` : ""} ${first.en}): the period is left out of 星级进展; correct them and compute again`,
        },
      ],
    };
  }
  const linked = linkRows(
    input.records.map(personOf),
    { sheet: table.sheet },
    read.records.map((r, i) => ({ ...personOf(r), values: stars[i] })),
  );
  return { stars: linked.rows.map((r) => r.values ?? null), warnings: linked.problems.map((p) => ({ zh: `${name}：${p.zh}`, en: `${name}: ${p.en}` })) };
}

/**
 * The year-end assessment with the periods beside it: a table that is itself a period's sheet is that
 * period computed on its own (said in the summary); otherwise each period sheet of the workbook is
 * computed by the same rules and 星级进展 lists every member's stars period by period and at year end.
 */
export function withPeriods(input: AssessInput, year: Assessment, run: PeriodRun): Assessment {
  const own = periodOf(input.table.sheet);
  if (own) return { ...year, summary: { zh: [`本表为${own}，单独计算该期星级`, ...year.summary.zh], en: [`this table is the ${own} period, computed on its own`, ...year.summary.en] } };
  const periods: { name: string; stars: (number | null)[] }[] = [];
  const warnings: Warning[] = [];
  for (const name of MEMBER_PERIODS) {
    const p = periodStars(input, name, run);
    warnings.push(...p.warnings);
    if (p.stars) periods.push({ name, stars: p.stars });
  }
  const said = warnings.length ? { warnings: [...(year.warnings ?? []), ...warnings] } : {};
  if (periods.length === 0) return { ...year, ...said };
  return { ...year, ...said, reports: [...year.reports, progressReport(input, periods, finalStars(year))] };
}

/** 星级进展: per member of the year-end table, the final stars of each period found and of the year. */
function progressReport(input: AssessInput, periods: { name: string; stars: (number | null)[] }[], year: (number | null)[]): ReportSheet {
  const rows = input.records.map<PlanCell[]>((r, i) => [str(r.values.township), str(r.values.branch), str(r.values.name), ...periods.map((p) => p.stars[i] ?? ""), year[i] ?? ""]);
  return {
    name: PROGRESS_SHEET,
    title: reportTitle(input.scheme.title, PROGRESS_SHEET),
    columns: [
      { header: "乡镇", width: 12 },
      { header: "支部", width: 16 },
      { header: "姓名", width: 10 },
      ...periods.map((p) => ({ header: p.name, format: "integer" as const, width: 9 })),
      { header: "年终", format: "integer", width: 8 },
    ],
    rows,
    notes: [`各期为该期表（${periods.map((p) => p.name).join("、")}）按同一方案单独计算的最终星数；空白表示该期表中没有此人。`],
    signatures: true,
    landscape: false,
  };
}
