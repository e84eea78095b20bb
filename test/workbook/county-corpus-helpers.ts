// Builders for the county-layout corpus: sheets as offices lay them out, a run, and its results and problems by place.
import { type Scheme, type SchemeKind } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import { runAssessment, type RunOptions, type RunResult } from "../../src/workbook/pipeline";
import type { CellValue, MergeArea, SheetData } from "../../src/workbook/sheet";

export const now = new Date("2025-12-31T08:00:00Z");

export const sheet = (name: string, rows: CellValue[][], merges?: MergeArea[]): SheetData => (merges ? { name, rows, merges } : { name, rows });

/** The kind's default scheme with some settings changed. */
export function scheme(kind: SchemeKind, change: (s: Scheme) => void = () => {}): Scheme {
  const s = defaultScheme(kind, 2025);
  change(s);
  return s;
}

export const run = (sheets: SheetData[], options: RunOptions) => runAssessment({ sheets }, { now, ...options });

/** A result column's values, row by row, by its header. */
export function col(r: RunResult, header: string): CellValue[] {
  const block = r.plan!.results[0];
  const i = block.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no result column ${header}`);
  return block.rows.map((x) => x.cells[i] as CellValue);
}

/** Each problem as [sheet, row, column]: where a person goes to fix it. */
export const places = (r: RunResult) => r.problems.map((p) => [p.sheet, p.row, p.col]);

/** A row of a report sheet by its first cell. */
export function reportRow(r: RunResult, report: string, first: string): CellValue[] | undefined {
  return r.plan!.reports.find((x) => x.name === report)?.rows.find((row) => row[0] === first) as CellValue[] | undefined;
}

/** A report's column, row by row, by its header. */
export function reportCol(r: RunResult, report: string, header: string): CellValue[] {
  const sheet = r.plan!.reports.find((x) => x.name === report)!;
  const i = sheet.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header} in ${report}`);
  return sheet.rows.map((row) => row[i] as CellValue);
}

/** The 审计 sheet's 提示 lines. */
export const auditNotes = (r: RunResult) => r.plan!.reports.find((x) => x.name === "审计")!.rows.filter((row) => row[0] === "提示").map((row) => String(row[1]));

/** Member header with the five standard aspects. */
export const memberHeader: CellValue[] = ["乡镇", "支部", "姓名", "党员类别", "思想政治", "遵纪守法", "文明风尚", "联系服务", "岗位责任"];

/** Cadre header of the standard columns a township keeps. */
export const cadreHeader: CellValue[] = ["乡镇", "姓名", "任务得分", "年终考评", "应发工资"];

/**
 * Five cadres of one township whose grades and pay are worked by hand in the tests:
 * 甲 0.8 × 95 + 0.2 × 95 = 95 → 优秀 (quota ⌊5 × 20%⌋ = 1, and only 甲 reaches 90);
 * 乙 0.8 × 85 + 0.2 × 85 = 85 → 称职; 丙 0.8 × 88 + 0.2 × 80 = 70.4 + 16 = 86.4 → 称职;
 * 丁 0.8 × 70 + 0.2 × 70 = 70 → 基本称职; 戊 0.8 × 50 + 0.2 × 55 = 40 + 11 = 51 → 不称职.
 * Pay 5000 each: basic 70% = 3500, performance base 1500; coefficients 1.2, 1, 1, 0.8, 0 (sum 4).
 */
export const fiveCadres: CellValue[][] = [
  ["城关镇", "甲", 95, 95, 5000],
  ["城关镇", "乙", 85, 85, 5000],
  ["城关镇", "丙", 88, 80, 5000],
  ["城关镇", "丁", 70, 70, 5000],
  ["城关镇", "戊", 50, 55, 5000],
];
export const fiveScores = [95, 85, 86.4, 70, 51];
export const fiveGrades = ["优秀", "称职", "称职", "基本称职", "不称职"];

/** An explanation block of n lines, as offices put above a table: numbered rules, some with a second cell. */
export function explanation(n: number): CellValue[][] {
  return Array.from({ length: n }, (_, i) => (i % 7 === 3 ? [`${i + 1}. 考核项目`, "评分标准见附件"] : [`${i + 1}. 本表按县委组织部考核办法填写，第${i + 1}条：分数保留一位小数。`]));
}
