// What the pane tells the user after an operation: the text of any error, what a drawing wrote and what it did not, and where a problem can be shown.
import { RuleError } from "../../core/errors";
import type { Locale } from "../../core/messages";
import { describeDataProblem, type Problem } from "../../workbook/sheet";
import { HostError, type DrawReport } from "../../excel/ops";
import type { Strings } from "../strings";

/** Every error reaches the user in words: a host's message is already in their language. */
export function errorText(e: unknown, s: Strings, locale: Locale): string {
  if (e instanceof HostError) return e.message;
  if (e instanceof RuleError) return e.describe(locale);
  if (e instanceof Error) return s.unexpected(e.message || e.name);
  return s.unexpected(String(e));
}

/** The partial report a failed drawing carries, if any. */
export function partialOf(e: unknown): DrawReport | undefined {
  return e instanceof HostError ? e.partial : undefined;
}

/** Whether an error is the one an aborted signal raises (a host may raise its own HostError instead). */
export function isAbort(e: unknown, signal: AbortSignal | undefined): boolean {
  return Boolean(signal?.aborted) || (e instanceof Error && e.name === "AbortError");
}

const join = (names: readonly string[], locale: Locale) => names.join(locale === "zh-CN" ? "、" : ", ");

/** Exactly what a drawing wrote and what it did not, one line each. */
export function drawLines(report: DrawReport, s: Strings, locale: Locale): string[] {
  const lines = [report.written.length ? s.writtenSheets(join(report.written, locale)) : s.nothingWritten];
  if (report.notWritten.length) lines.push(s.notWrittenSheets(join(report.notWritten, locale)));
  if (report.rows > 0) lines.push(s.rowsWritten(report.rows));
  // Columns left to their formulas (a spill, the template's KAOHE formulas): said, never silently skipped.
  lines.push(...(report.kept ?? []));
  // Where a kept formula and the computation give two numbers: each cell named.
  lines.push(...(report.differences ?? []));
  return lines;
}

/** "工作表“乡镇干部” 第12行 C列（得分）：…" in the pane's language. */
export function problemLine(p: Problem, locale: Locale): string {
  return describeDataProblem(p, locale);
}

/** The cell to select for a problem: a whole-row problem selects its first cell; a whole-sheet one, A1. */
export function problemCell(p: Problem): { sheet: string; row: number; col: number } {
  return { sheet: p.sheet, row: Math.max(1, p.row), col: Math.max(1, p.col) };
}

/** How many problems the list shows: enough to work through, few enough to stay quick with 100 000 rows. */
export const PROBLEM_LIST_LIMIT = 200;
