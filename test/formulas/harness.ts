// Fills a standard template as the add-in does, evaluates its KAOHE formulas in HyperFormula, runs the pipeline on the same rows, and lines up the two cell by cell.
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { Scheme, SchemeKind } from "../../src/core/scheme";
import { OBJECTION_SHEET } from "../../src/workbook/objections";
import { runAssessment } from "../../src/workbook/pipeline";
import type { Plan, PlanCell } from "../../src/workbook/plan";
import type { CellValue, WorkbookData } from "../../src/workbook/sheet";
import { dataSheet, formulaCells, templateWorkbook, type DataSheetSpec, type FormulaCell, type TemplateData, type TemplateFormat, type TemplateSpec } from "../../src/workbook/templates";
import { ExcelRoundPlugin, excelRoundTranslations } from "./excel-round";
import { KaohePlugin, kaoheTranslations } from "./kaohe-plugin";

HyperFormula.registerFunctionPlugin(KaohePlugin, kaoheTranslations);
// The templates' ROUND(…, 2) as Excel computes it (excel-round.ts), not the engine's binary rounding.
if (HyperFormula.getFunctionPlugin("ROUND") !== ExcelRoundPlugin) {
  HyperFormula.unregisterFunction("ROUND");
  HyperFormula.registerFunctionPlugin(ExcelRoundPlugin, excelRoundTranslations);
}

/**
 * The pipeline's column for each template result column that has a formula: the same header, or the
 * near-duplicate the pipeline appends today under another name (issue 10). A formula column missing
 * here has no pipeline counterpart.
 */
export const counterparts: Record<SchemeKind, Record<string, string>> = {
  secretary: { 扣分: "扣分", 年度得分: "年度得分", 量化得分: "量化得分", 综合得分: "综合得分", 乡镇内名次: "乡镇内名次", 等次: "等次", 分类: "分类", 四诺星级: "四诺星级" },
  cadre: { 综合得分: "综合得分", 乡镇内名次: "乡镇内名次", 等次: "等次", 系数: "系数", 基本工资: "基本工资", 绩效工资: "绩效工资" },
  member: { 三评星数: "三评星数", 星数: "星数", 星级上限: "星级上限", 最终星数: "最终星数" },
  appraisal: { 综合得分: "综合得分", 乡镇内名次: "乡镇内名次", 得票等次: "得票等次", 优秀得票率: "优秀得票率" },
  fiveGood: { 达标项数: "达标项数", "是否“五好”": "是否“五好”", "“五带头”比例": "“五带头”比例" },
  ledger: { 达到法定人数: "达到法定人数", 表决通过: "表决通过" },
};

/** A value as both sides are compared: numbers and text; a blank is ""; an error is its code, e.g. "#N/A". */
export type Shown = number | string | boolean;

/** One formula cell of a data row beside the cell the pipeline writes for that row. */
export interface CellPair {
  kind: SchemeKind;
  /** The template's header of the formula column. */
  column: string;
  /** 1-based Excel row and the formula written there (for a spill, the formula of its first cell). */
  row: number;
  formula: string;
  format: TemplateFormat;
  fromFormula: Shown;
  fromPipeline: Shown;
}

/** A formula cell outside the data rows' result columns (the five-good 全县实际 / 是否达标 band) and its value. */
export interface LoneCell {
  column: string;
  row: number;
  formula: string;
  value: Shown;
}

export interface Evaluation {
  kind: SchemeKind;
  sheet: DataSheetSpec;
  /** Formula cell beside pipeline cell, for every data row and every formula column with a counterpart. */
  pairs: CellPair[];
  /** Formula cells of the rows below the data, which must show nothing. */
  emptyRows: { column: string; row: number; value: Shown }[];
  /** Formula columns with no pipeline counterpart, with their values on the data rows. */
  formulaOnly: { column: string; row: number; formula: string; value: Shown }[];
  /** Band formulas (fill "cell"). */
  band: LoneCell[];
  /** Pipeline columns no template formula matches. */
  pipelineOnly: string[];
  /** The pipeline's plan for the same rows. */
  plan: Plan;
  /** Each counterpart: the template's column and the column the plan writes it to (1-based). */
  placement: { column: string; pipelineColumn: string; templateCol: number; planCol: number }[];
}

const show = (v: unknown): Shown => {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && "value" in v && typeof (v as { value: unknown }).value === "string") return (v as { value: string }).value; // the engine's DetailedCellError
  if (typeof v === "object" && "result" in v) return show((v as { result: unknown }).result); // a plan cell carrying a formula
  return String(v);
};

/** A typed cell as the engine should hold it: text stays text (an apostrophe stops "85" or "2/3" becoming a number). */
const typed = (v: CellValue): CellValue => (typeof v === "string" ? `'${v}` : v);

/** A template filled with rows and its formulas evaluated: each cell's value, 1-based. */
export interface FilledTemplate {
  sheet: DataSheetSpec;
  workbook: WorkbookData;
  /** The last data row, and the last row holding formulas. */
  lastData: number;
  last: number;
  formulas: FormulaCell[];
  value(row: number, col: number): Shown;
}

/**
 * Fills the template with `data` and evaluates its formulas, written as the add-in writes them after
 * insertion (formulaCells: per row, one spill in the first data row, band cells). Where the rows
 * outnumber the template's formatted rows, the formulas go down to the last row, as they must for
 * every row to have a result.
 */
export function fillTemplate(spec: TemplateSpec, data: TemplateData): FilledTemplate {
  const sheet = dataSheet(spec);
  const workbook = templateWorkbook(spec, data);
  const rows = workbook.sheets[0].rows.map((r) => r.map(typed));
  const lastData = sheet.firstDataRow + data.rows.length - 1;
  const last = Math.max(sheet.firstDataRow + sheet.blankRows - 1, lastData);
  const formulas = formulaCells(sheet, last);
  for (const c of formulas) (rows[c.row - 1] ??= [])[c.col - 1] = c.formula;
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  // The other sheets (负面清单记录 with the list above it, 异议记录, 半年考核 …) go in too, with their own formulas: the data sheet's formulas read them.
  const extraSpecs = new Map((spec.extra ?? []).map((x, i) => [x.name, { sheet: x, rows: data.extra?.[i]?.rows.length ?? 0 }]));
  const others = Object.fromEntries(
    workbook.sheets.slice(1).map((o) => {
      const rows = o.rows.map((r) => Array.from(r, (v) => typed(v ?? null))) as RawCellContent[][];
      const x = extraSpecs.get(o.name);
      if (x) for (const c of formulaCells(x.sheet, Math.max(x.sheet.firstDataRow + x.sheet.blankRows - 1, x.sheet.firstDataRow + x.rows - 1))) ((rows[c.row - 1] ??= [])[c.col - 1] = c.formula);
      for (let r = 0; r < rows.length; r++) rows[r] ??= [];
      return [o.name, rows];
    }),
  );
  const hf = HyperFormula.buildFromSheets({ [sheet.name]: rows as RawCellContent[][], ...others }, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  const id = hf.getSheetId(sheet.name)!;
  // Read every formula cell once, so the engine can be let go.
  const values = new Map<string, Shown>();
  for (let r = sheet.firstDataRow; r <= last; r++) for (const f of sheet.formulas) if (f.fill !== "cell") values.set(`${r}:${f.col}`, show(hf.getCellValue({ sheet: id, row: r - 1, col: f.col - 1 })));
  for (const c of formulas) values.set(`${c.row}:${c.col}`, show(hf.getCellValue({ sheet: id, row: c.row - 1, col: c.col - 1 })));
  hf.destroy();
  return { sheet, workbook, lastData, last, formulas, value: (row, col) => values.get(`${row}:${col}`) ?? "" };
}

/**
 * Evaluates the template's formulas over `data` (fillTemplate) and runs the pipeline with `scheme` over
 * the same workbook, then lines up each formula cell with the cell the pipeline writes for its row.
 */
export function evaluate(spec: TemplateSpec, scheme: Scheme, data: TemplateData, options: { withObjections?: boolean } = {}): Evaluation {
  const kind = spec.kind;
  const filled = fillTemplate(spec, data);
  const { sheet, workbook, lastData, last } = filled;
  const at = filled.value;
  // The formula of a spilled cell is the one in its first row.
  const formulaOf = new Map(filled.formulas.map((c) => [`${c.col}:${c.row}`, c.formula]));
  const spillFirst = new Map(sheet.formulas.filter((f) => f.fill === "spill").map((f) => [f.col, formulaOf.get(`${f.col}:${sheet.firstDataRow}`)!]));

  // An objection upheld after the notice is a decision the formulas cannot know of (the template's own
  // way is 调整后等次 with its reason): the formulas are held to the results as announced, and
  // test/formulas/sample-county.test.ts holds the objection's change to exactly its one cell.
  const announced = options.withObjections ? workbook : { ...workbook, sheets: workbook.sheets.filter((x) => x.name !== OBJECTION_SHEET) };
  const result = runAssessment(announced, { scheme, now: new Date("2026-01-15T00:00:00Z") });
  if (result.status !== "ok" || !result.plan) throw new Error(`${kind}: the pipeline did not run: ${result.problems.slice(0, 3).map((p) => `${p.sheet}!${p.row},${p.col} ${p.zh}`).join("; ")}`);
  const block = result.plan.results[0];
  const byRow = new Map(block.rows.map((r) => [r.row, r.cells]));
  const pipelineCol = new Map(block.columns.map((c, i) => [c.header, i]));
  const wanted = counterparts[kind];

  const values: Evaluation = { kind, sheet, pairs: [], emptyRows: [], formulaOnly: [], band: [], pipelineOnly: [], plan: result.plan, placement: [] };
  for (const f of sheet.formulas) {
    const column = sheet.columns[f.col - 1];
    if (f.fill === "cell") {
      const row = f.row!;
      values.band.push({ column: column.header, row, formula: formulaOf.get(`${f.col}:${row}`)!, value: at(row, f.col) });
      continue;
    }
    const other = wanted[f.header];
    const index = other === undefined ? undefined : pipelineCol.get(other);
    if (other !== undefined && index === undefined) throw new Error(`${kind}: the pipeline has no column ${other} for the template's ${f.header}`);
    if (index !== undefined) values.placement.push({ column: f.header, pipelineColumn: other!, templateCol: f.col, planCol: block.columns[index].col });
    for (let row = sheet.firstDataRow; row <= last; row++) {
      const value = at(row, f.col);
      const formula = formulaOf.get(`${f.col}:${row}`) ?? spillFirst.get(f.col)!;
      if (row > lastData) {
        values.emptyRows.push({ column: f.header, row, value });
        continue;
      }
      if (index === undefined) {
        values.formulaOnly.push({ column: f.header, row, formula, value });
        continue;
      }
      const planCells: PlanCell[] | undefined = byRow.get(row);
      values.pairs.push({ kind, column: f.header, row, formula, format: column.format, fromFormula: value, fromPipeline: show(planCells?.[index]) });
    }
  }
  const matched = new Set(Object.values(wanted));
  values.pipelineOnly = block.columns.map((c) => c.header).filter((h) => !matched.has(h));
  return values;
}

/** Do the two sides agree: money to the fen, other numbers within 0.005, text exactly (a blank is ""). */
export function agree(p: Pick<CellPair, "format" | "fromFormula" | "fromPipeline">): boolean {
  const a = p.fromFormula;
  const b = p.fromPipeline;
  if (typeof a === "number" && typeof b === "number") return p.format === "money" ? Math.round(a * 100) === Math.round(b * 100) : Math.abs(a - b) <= 0.005;
  return a === b;
}

/** What a shown value is, for naming a difference: a number, text, a blank, or the error's code. */
export function sort(v: Shown): string {
  if (typeof v === "number") return "number";
  if (v === "") return "blank";
  if (typeof v === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(v)) return v;
  return typeof v === "string" ? "text" : "boolean";
}

/** A column where the two sides differ in one way (e.g. "number ≠ number", "#DIV/0! ≠ number"): how many rows, and the first such row. */
export interface Difference {
  kind: SchemeKind;
  column: string;
  /** The sorts of value on each side: formula, then pipeline. */
  shape: string;
  rows: number;
  of: number;
  sample: { row: number; fromFormula: Shown; fromPipeline: Shown };
  formula: string;
}

/** The ways the cells of each column differ, each with its first differing row. */
export function differences(e: Evaluation): Difference[] {
  const out = new Map<string, Difference>();
  const total = new Map<string, number>();
  for (const p of e.pairs) {
    total.set(p.column, (total.get(p.column) ?? 0) + 1);
    if (agree(p)) continue;
    const shape = `${sort(p.fromFormula)} ≠ ${sort(p.fromPipeline)}`;
    const d = out.get(`${p.column}|${shape}`);
    if (d) d.rows++;
    else out.set(`${p.column}|${shape}`, { kind: p.kind, column: p.column, shape, rows: 1, of: 0, sample: { row: p.row, fromFormula: p.fromFormula, fromPipeline: p.fromPipeline }, formula: p.formula });
  }
  for (const d of out.values()) d.of = total.get(d.column)!;
  return [...out.values()];
}

/** The formula columns compared, and where they agree on every row. */
export function agreeingColumns(e: Evaluation): string[] {
  const differing = new Set(differences(e).map((d) => d.column));
  return [...new Set(e.pairs.map((p) => p.column))].filter((c) => !differing.has(c));
}
