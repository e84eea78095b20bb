// Checks of a found table as a whole, beyond its rows: columns found twice, and optional columns it lacks, said aloud.
import type { Warning } from "./assess/common";
import type { FieldDef } from "./fields";
import type { PlanCell, ReportSheet } from "./plan";
import { columnLetter, type Problem } from "./sheet";
import type { FoundTable } from "./table";

/** Two columns the same field answers to (two 任务得分): which one holds the data is the user's to say. */
export function duplicateHeaderProblems(table: FoundTable, fields: readonly FieldDef[]): Problem[] {
  return table.duplicates.map((d) => {
    const f = fields.find((x) => x.id === d.id)!;
    const text = (c: number) => String(table.rows[table.headerRow]?.[c] ?? table.rows[table.headerRow - 1]?.[c] ?? "").trim();
    return {
      sheet: table.sheet,
      row: 0,
      col: d.cols[1] + 1,
      header: text(d.cols[1]),
      zh: `有 ${d.cols.length} 列都是“${f.header}”（${d.cols.map((c) => `${columnLetter(c + 1)}列“${text(c)}”`).join("、")}），不知道用哪一列：请删除或改名多余的列，或在考核方案的列对应中指明`,
      en: `${d.cols.length} columns are all ${f.header} (${d.cols.map((c) => `column ${columnLetter(c + 1)}`).join(", ")}), so which to use is unknown: delete or rename the extra ones, or map the column in the scheme`,
    };
  });
}

/** A maximum written in a header ("组织生活（10分）") that differs from the scheme's: the scores were given out of another maximum. */
export function headerMaxProblems(table: FoundTable, fields: readonly FieldDef[]): Problem[] {
  const out: Problem[] = [];
  for (const f of fields) {
    const col = table.columns.get(f.id);
    const header = table.headers.get(f.id);
    if (col === undefined || header === undefined || f.max === undefined) continue;
    const m = /[（(【[]\s*(\d+(?:\.\d+)?)\s*分\s*[）)】\]]\s*$/.exec(header.normalize("NFKC"));
    if (!m || Number(m[1]) === f.max) continue;
    // Row 0: a problem of the column, which skipping bad rows cannot skip.
    out.push({
      sheet: table.sheet,
      row: 0,
      col: col + 1,
      header,
      zh: `表头写明满分 ${m[1]} 分，而考核方案中“${f.header}”的满分是 ${f.max} 分。请核对考核方案的指标分值，或改正表头`,
      en: `the header gives a maximum of ${m[1]}, but the scheme's maximum for ${f.header} is ${f.max}; check the scheme's item maxima, or correct the header`,
    });
  }
  return out;
}

/** What the computation takes for each optional column the table lacks. */
export function absentColumnWarnings(table: FoundTable, fields: readonly FieldDef[]): Warning[] {
  return fields.filter((f) => !f.required && f.absent && !table.columns.has(f.id)).map((f) => f.absent!);
}

/** The warnings on screen (the summary lines) and in 审计, after the run's facts. */
export function stateWarnings(warnings: readonly Warning[], summary: { zh: string[]; en: string[] }, audit: ReportSheet): void {
  if (warnings.length === 0) return;
  summary.zh.push(...warnings.map((w) => `提示：${w.zh}`));
  summary.en.push(...warnings.map((w) => `note: ${w.en}`));
  const at = audit.rows.findIndex((r) => r[0] === "");
  const where = at < 0 ? audit.rows.length : at;
  audit.rows.splice(where, 0, ...warnings.map<PlanCell[]>((w) => ["提示", w.zh, w.en]));
  audit.strongRows = audit.strongRows?.map((i) => (i >= where ? i + warnings.length : i));
}
