// What of an input .xlsx the result workbook will not carry (charts, PivotTables, macros, external links, padding rows' formatting), said before the user looks for it.
import { reportSheetNames } from "../workbook/plan";
import { mentions } from "./bytes";
import { sheetsWithCharts } from "./chart-sheets";

/** One thing the result lacks, in both languages. */
export interface Note {
  zh: string;
  en: string;
}

/** Parts ExcelJS reads past and so cannot write back, found by their names in the zip's directory. */
const UNKEPT_PARTS: { path: string; zh: string; en: string }[] = [
  { path: "xl/charts/", zh: "图表", en: "charts" },
  { path: "xl/pivotTables/", zh: "数据透视表", en: "PivotTables" },
  { path: "xl/slicers/", zh: "切片器", en: "slicers" },
  { path: "xl/timelines/", zh: "日程表", en: "timelines" },
  { path: "xl/vbaProject.bin", zh: "宏", en: "macros" },
];

const CHARTS = "xl/charts/";

const ownReports: ReadonlySet<string> = new Set(Object.values(reportSheetNames));

/** Charts only on the report sheets a run draws (an earlier result as input): the new run draws them again, so nothing is lost. */
async function onlyReportCharts(buf: Uint8Array): Promise<boolean> {
  const sheets = await sheetsWithCharts(buf);
  return sheets !== undefined && sheets.every((s) => ownReports.has(s));
}

/**
 * What of this .xlsx the result workbook will not have, so the user is told before they look for it.
 * The streaming writer keeps a user's charts byte for byte; they are lost only when the result is
 * drawn through ExcelJS, which another part it cannot keep (or `drawnByExcelJS`) makes happen.
 */
export async function unkeptParts(buf: Uint8Array, drawnByExcelJS = false): Promise<Note[]> {
  const others = UNKEPT_PARTS.filter((p) => p.path !== CHARTS && mentions(buf, p.path));
  const chartsLost = mentions(buf, CHARTS) && (drawnByExcelJS || others.length > 0) && !(await onlyReportCharts(buf));
  return UNKEPT_PARTS.filter((p) => (p.path === CHARTS ? chartsLost : others.includes(p))).map(({ zh, en }) => ({ zh, en }));
}

/** Every note for an input: its unkept parts, the padding rows left out, and the external links kept as values (either makes the result drawn through ExcelJS). */
export async function inputNotes(buf: Uint8Array, dropped: { sheet: string; rows: number }[], externalFormulas: number): Promise<Note[]> {
  const external = mentions(buf, "xl/externalLinks/");
  const unkept = await unkeptParts(buf, dropped.length > 0 || external);
  for (const d of dropped)
    unkept.push({ zh: `工作表“${d.sheet}”中 ${d.rows.toLocaleString("en-US")} 个没有内容的行的格式`, en: `the formatting of ${d.rows.toLocaleString("en-US")} rows without content in sheet "${d.sheet}"` });
  if (external)
    unkept.push({
      zh: `外部链接（引用其他工作簿的 ${externalFormulas} 个公式在结果文件中只保留计算值）`,
      en: `external links (${externalFormulas} formula(s) referring to other workbooks keep only their values in the result)`,
    });
  return unkept;
}

/** The same, as lines of the 审计 sheet, so the result says what it lacks after the screen is gone. */
export function unkeptAuditNotes(unkept: readonly Note[]): [string, string, string][] {
  return unkept.map((u) => ["未带入结果文件", u.zh, "原文件不受影响，请在原文件中查看"]);
}
