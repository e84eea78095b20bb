// What must hold between a plan and the workbook's sheets before anything is drawn, checked alike by the add-in and the command line.
import type { ReportSheet, ResultBlock } from "./plan";

/**
 * The first reason a plan cannot be drawn into these sheets: a result block into a sheet the
 * workbook lacks or that a report replaces, or a report that would replace a sheet the user made
 * (one the plan may not replace). Excel's sheet names ignore case, and so does every comparison.
 */
export type SheetProblem =
  | { kind: "missing"; sheet: string }
  | { kind: "resultsIntoReport"; sheet: string }
  /** `sheet` as the workbook spells it; `report` as the plan does. */
  | { kind: "taken"; sheet: string; report: string };

const key = (name: string) => name.toLowerCase();

export function sheetProblem(results: readonly ResultBlock[], reports: readonly ReportSheet[], existing: readonly string[], replaceable: readonly string[]): SheetProblem | undefined {
  const sheets = new Map(existing.map((n) => [key(n), n]));
  const reportNames = new Set(reports.map((r) => key(r.name)));
  for (const b of results) {
    if (!sheets.has(key(b.sheet))) return { kind: "missing", sheet: b.sheet };
    if (reportNames.has(key(b.sheet))) return { kind: "resultsIntoReport", sheet: b.sheet };
  }
  const mayReplace = new Set(replaceable.map(key));
  for (const r of reports) {
    const old = sheets.get(key(r.name));
    if (old !== undefined && !mayReplace.has(key(old))) return { kind: "taken", sheet: old, report: r.name };
  }
  return undefined;
}
