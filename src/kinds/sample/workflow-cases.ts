// The sample county's deliberate negative-list and objection cases: a few people picked by their number, written into the 负面清单记录 and 异议记录 sheets.
import { excelSerial } from "../../core/dates";
import type { SchemeKind } from "../../core/scheme";
import { NEGATIVE_RECORD_SHEET } from "../../workbook/negative-records";
import { OBJECTION_SHEET } from "../../workbook/objections";
import type { CellValue } from "../../workbook/sheet";
import { dataSheet, inputColumns, type TemplateData } from "../../workbook/templates";
import type { SampleCounty } from "./county-shape";

/** One negative-list record: whose (by the table's 编号), which item, how often, on what evidence. */
export interface SampleNegativeCase {
  kind: SchemeKind;
  id: string;
  item: string;
  count: number | null;
  date: [number, number, number];
  evidence: string;
  /** What the case shows, for the tests and the reader of the sample files. */
  shows: string;
}

/** One objection raised during the notice, upheld with a change or not. */
export interface SampleObjectionCase {
  kind: SchemeKind;
  id: string;
  objector: string;
  matter: string;
  outcome: "成立" | "不成立";
  to: string | null;
  reason: string | null;
  shows: string;
}

export const SAMPLE_NEGATIVE_CASES: readonly SampleNegativeCase[] = [
  { kind: "secretary", id: "SJ074", item: "4-2", count: null, date: [2025, 6, 18], evidence: "村务监督委员会书面报告", shows: "北塘镇综合得分第一，不得评为优秀，名额顺延给超出比例的杨春" },
  { kind: "secretary", id: "SJ101", item: "4-1", count: 2, date: [2025, 9, 30], evidence: "乡镇党委督查通报两次", shows: "综合得分扣4分，低于优秀分数线，名额顺延给郭静东" },
  { kind: "cadre", id: "GB018", item: "1-3", count: null, date: [2025, 8, 5], evidence: "县纪委党纪处分决定", shows: "定为不称职" },
  { kind: "cadre", id: "GB012", item: "1-2", count: 3, date: [2025, 11, 12], evidence: "考勤记录", shows: "综合得分扣3分，由优秀降为称职" },
  { kind: "member", id: "DY000016", item: "5-3", count: 2, date: [2025, 4, 2], evidence: "村红白理事会记录", shows: "摘去2星，比例名额顺延给潘涛丽" },
  { kind: "member", id: "DY000017", item: "5-1", count: null, date: [2025, 7, 21], evidence: "乡镇信访办通报", shows: "不得评为9星以上" },
];

export const SAMPLE_OBJECTION_CASES: readonly SampleObjectionCase[] = [
  {
    kind: "secretary",
    id: "SJ006",
    objector: "青龙铺村村民代表",
    matter: "反映该书记年内违规发放误工补贴，未计入考核",
    outcome: "成立",
    to: "称职",
    reason: "经镇党委核实，违规发放补贴属实，按规定不得评为优秀",
    shows: "公示后异议成立，等次由优秀调整为称职",
  },
  { kind: "secretary", id: "SJ016", objector: "", matter: "反映民主测评存在拉票", outcome: "不成立", to: null, reason: null, shows: "异议经核查不成立，结果不变" },
];

/** The record sheet's and the objection sheet's rows, in their template's column order. */
function rowOf(columns: readonly string[], values: Record<string, CellValue>): CellValue[] {
  return columns.map((f) => values[f] ?? null);
}

/**
 * Writes the cases into the county's files, each where its person is (a person not in the table, as in
 * a smaller county, is left out). The record names the unit too, so a namesake elsewhere is not hit.
 */
export function addWorkflowCases(county: SampleCounty): void {
  for (const kind of ["secretary", "cadre", "member"] as const) {
    const file = county.files[kind];
    const extra = file.spec.extra ?? [];
    const records = extra.findIndex((s) => s.name === NEGATIVE_RECORD_SHEET);
    const objections = extra.findIndex((s) => s.name === OBJECTION_SHEET);
    if (records < 0 || objections < 0) continue;
    const given: TemplateData[] = extra.map((_, i) => file.extra?.[i] ?? { rows: [], merges: [], preamble: [] });
    const cols = inputColumns(dataSheet(file.spec)).map((c) => c.field!);
    const at = (id: string) => file.rows.find((r) => r[cols.indexOf("id")] === id);
    const unitOf = (row: CellValue[]) => row[cols.indexOf(kind === "member" ? "branch" : "township")];
    const fields = (i: number) => inputColumns(extra[i]).map((c) => c.field!);
    for (const c of SAMPLE_NEGATIVE_CASES.filter((x) => x.kind === kind)) {
      const row = at(c.id);
      if (!row) continue;
      given[records].rows.push(rowOf(fields(records), { unit: unitOf(row), name: row[cols.indexOf("name")], item: c.item, count: c.count, date: excelSerial(...c.date) ?? null, evidence: c.evidence, recordedBy: "组织办" }));
    }
    for (const c of SAMPLE_OBJECTION_CASES.filter((x) => x.kind === kind)) {
      const row = at(c.id);
      if (!row) continue;
      given[objections].rows.push(rowOf(fields(objections), { date: excelSerial(county.year + 1, 1, 16) ?? null, objector: c.objector || null, subject: row[cols.indexOf("name")], matter: c.matter, outcome: c.outcome, to: c.to, reason: c.reason, by: "乡镇党委" }));
    }
    file.extra = given;
  }
}
