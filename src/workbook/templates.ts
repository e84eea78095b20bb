// The standard assessment templates as plain data: each kind's data sheets (columns, validations, print setup), its 填表说明 and the formulas the add-in writes after insertion.
import { excelSerial } from "../core/dates";
import { CLASS_NUMERALS, className } from "../core/classes";
import { INVALID_BALLOT } from "../core/votes";
import { atLeastShare, toNumber, toRatio } from "../core/exact";
import { periodWords, ratioWords, roundingWords, shareWords } from "../core/wording";
import { defaultScheme, kindNames, schemeKinds, type RatioText, type Scheme, type SchemeKind } from "../core/scheme";
import { fieldsFor, ORGANISATION_SHEET, organisationFields, RATER_DETAIL_SHEET, raterDetailFields, standardSheetNames, type FieldDef } from "./fields";
import { BAND_ACTUAL, BAND_REACHED } from "./band-block";
import { textWidth, type FormatName } from "./plan";
import { fitScale, PRINT_MARGINS, printLayout } from "./print";
import { rankHeader } from "./rank-column";
import { columnLetter, type CellValue, type MergeArea, type SheetData, type WorkbookData } from "./sheet";

// ---------------------------------------------------------------- the shape of a template

/** A number format of the plan, or Excel's General (inputs show what was typed: 85, 85.5). */
export type TemplateFormat = FormatName | "general";

/**
 * A data validation. `strict` lists refuse other text; the others only warn, so a county's own
 * spelling (an alias the pipeline reads, such as 年老体弱党员) can still be typed. A date range is
 * given as Excel serials; it only warns, because date text such as 2025.3.5, which Excel does not
 * turn into a date, is still read by the pipeline.
 */
export type TemplateValidation =
  | { type: "list"; values: string[]; strict: boolean; promptTitle: string; prompt: string; errorTitle: string; error: string }
  | { type: "whole" | "decimal"; min: number; max?: number; promptTitle: string; prompt: string; errorTitle: string; error: string }
  | { type: "date"; min: number; max: number; strict: boolean; promptTitle: string; prompt: string; errorTitle: string; error: string };

export interface TemplateColumn {
  /** 1-based. */
  col: number;
  letter: string;
  header: string;
  /** "input": a field of fieldsFor(scheme), filled in by people; "result": computed, never typed. */
  role: "input" | "result";
  /** The field id of an input column. */
  field?: string;
  format: TemplateFormat;
  align: "left" | "center" | "right";
  /** Characters. */
  width: number;
  validation?: TemplateValidation;
  /** What a result column means, for the instructions. */
  meaning?: string;
}

/** A cell in the rows above the header; `toCol` merges it rightwards to that 1-based column. */
export interface BandCell {
  col: number;
  value: string | number | null;
  format?: TemplateFormat;
  toCol?: number;
}

/**
 * A row above the header: the title, a subtitle, or constants the formulas read (maxima, weights,
 * targets), kept on the sheet so a county can see and change them.
 */
export interface BandRow {
  /** 1-based. */
  row: number;
  role: "title" | "subtitle" | "constants";
  cells: BandCell[];
  /** Points. */
  height?: number;
}

/**
 * A formula the add-in writes after inserting the template (Excel does not recognise add-in
 * formulas written into the file by another tool, so the .xlsx leaves these cells empty).
 * Placeholders: {r} the row, {first} and {last} the first and last data rows, {n} the row's
 * 1-based index among the data rows.
 */
export interface TemplateFormula {
  col: number;
  header: string;
  text: string;
  /** "row": one formula per data row; "spill": one formula in the first data row that spills down; "cell": one formula in `row`. */
  fill: "row" | "spill" | "cell";
  row?: number;
}

export interface PrintSetup {
  /** Excel's paper size code: 9 is A4. */
  paperSize: 9;
  orientation: "portrait" | "landscape";
  /** 1: fitted to one page wide; 0: printed at `scale` and split across pages (see print.ts). */
  fitToWidth: 0 | 1;
  /** 0: as many pages down as needed. */
  fitToHeight: 0;
  /** Percent the sheet prints at, fitted or fixed. */
  scale: number;
  /** Rows repeated at the top of every printed page, e.g. "1:4". */
  titleRows?: string;
  /** Columns repeated at the left of every page of a split table, e.g. "A:D". */
  titleColumns?: string;
  /** Inches, as Excel stores them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Excel header/footer codes (&P page, &N pages). */
  footer: string;
}

export interface DataSheetSpec {
  role: "data";
  name: string;
  title: string;
  /** Rows above the header, from row 1 (the title). */
  band: BandRow[];
  /** 1-based row of the header. */
  headerRow: number;
  /** 1-based row of the first data row (headerRow + 1). */
  firstDataRow: number;
  /** Empty formatted rows under the header. */
  blankRows: number;
  columns: TemplateColumn[];
  /** Points; the header wraps. */
  headerHeight: number;
  /** Frozen rows (title to header) and columns (up to the name). */
  freeze: { rows: number; columns: number };
  print: PrintSetup;
  formulas: TemplateFormula[];
}

export interface NotesSection {
  heading: string;
  lines: string[];
}

export interface NotesSheetSpec {
  role: "notes";
  name: string;
  title: string;
  sections: NotesSection[];
  /** Characters. */
  width: number;
  print: PrintSetup;
}

export type TemplateSheet = DataSheetSpec | NotesSheetSpec;

export interface TemplateSpec {
  /** ASCII, for file names and the add-in: the scheme kind. */
  id: SchemeKind;
  kind: SchemeKind;
  title: string;
  fileName: string;
  /** The data sheet first, then 填表说明. */
  sheets: [DataSheetSpec, NotesSheetSpec];
  /**
   * More data sheets the kind reads besides its main table (the ledger's 组织名单), in workbook
   * order after the main data sheet and before 填表说明.
   */
  extra?: DataSheetSpec[];
}

/** Rows rendered and read back: values by input column (header order), merges 0-based from the first data row and column A. */
export interface TemplateData {
  rows: CellValue[][];
  merges?: MergeArea[];
  /** Extra lines above the title (a county's own heading), which move everything down. */
  preamble?: string[];
  /** The rows of the spec's extra data sheets, in the same order. */
  extra?: TemplateData[];
}

export const NOTES_SHEET_NAME = "填表说明";

/** The sentence every template's instructions carry about the result columns. */
export const FORMULA_NOTE = "在Excel中插入模板后由加载项写入公式；或用 kaohe run 计算";

// ---------------------------------------------------------------- helpers


/** A ratio as an Excel formula argument: text such as "20%" or "1/3" is read exactly by the functions. */
function ratioArg(r: RatioText): string {
  return typeof r === "number" ? String(r) : `"${r}"`;
}

/** A ratio as a number for a cell (65% → 0.65), read by the one ratio parser. */
const ratioValue = (r: RatioText): number => (typeof r === "number" ? r : toNumber(toRatio(r)));

const arrayConst = (xs: readonly (string | number)[]) => `{${xs.map((x) => (typeof x === "number" ? String(x) : `"${x}"`)).join(",")}}`;

/** A weighted sum as Excel text; divided by the weights' total unless they add up to 1. */
function weighted(terms: { weight: number; ref: string }[]): string {
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const sum = terms.map((t) => `${t.weight}*${t.ref}`).join("+");
  return Math.abs(total - 1) < 1e-12 ? sum : `(${sum})/${total}`;
}

const vetoModeArg = (mode: Scheme["grade"]["veto"]) => (mode === "fail" ? `"fail"` : `"no_top"`);

// ---------------------------------------------------------------- columns

const text = (width: number, align: TemplateColumn["align"] = "left") => ({ format: "text" as TemplateFormat, width, align });

/** Width and alignment of an input column, by field. */
function inputLook(f: FieldDef): { format: TemplateFormat; width: number; align: TemplateColumn["align"] } {
  switch (f.id) {
    case "township":
      return text(10);
    case "village":
      return text(12);
    case "branch":
      return text(20);
    case "organisation":
      return text(22);
    case "name":
      return text(10, "center");
    case "id":
      return text(11, "center");
    case "post":
      return text(14);
    case "category":
      return text(14, "center");
    case "orgType":
      return text(11, "center");
    case "eventType":
      return text(12, "center");
    case "notes":
      return text(24);
    case "postCoefficient":
      return { format: "general", width: 8, align: "center" };
    case "override":
      return { format: f.type === "text" ? "text" : "general", width: 10, align: "center" };
    case "overrideReason":
      return text(18);
  }
  switch (f.type) {
    case "text":
      return text(12);
    case "score":
      return { format: "general", width: 8.5, align: "center" };
    case "count":
      return { format: "integer", width: f.id.startsWith("deduction") ? 11 : 8.5, align: "center" };
    case "number":
      return { format: "general", width: 8.5, align: "center" };
    case "money":
      return { format: "money", width: 12, align: "right" };
    case "flag":
      return { format: "text", width: 8, align: "center" };
    case "date":
      return { format: "date", width: 11, align: "center" };
  }
}

const scoreWords = (max: number) => `${max}分`;

/** The earliest and latest dates a ledger cell may hold without a warning (2000-01-01 to 2099-12-31). */
export const LEDGER_DATE_RANGE = { min: excelSerial(2000, 1, 1)!, max: excelSerial(2099, 12, 31)! };

/** The 类型 words offered in the ledger's list: the first word of each duty, then 其他 for events no duty counts. */
export function ledgerEventChoices(scheme: Scheme): string[] {
  const firsts = scheme.ledger.duties.map((d) => d.events[0]).filter((e): e is string => typeof e === "string" && e.trim() !== "");
  return [...new Set([...firsts, "其他"])];
}

/** The validation of an input column: ranges from the field's limits (from the scheme), lists for yes/no and categories. */
function validationFor(f: FieldDef, scheme: Scheme): TemplateValidation | undefined {
  const title = f.header.replace(/[“”]/g, "").slice(0, 32);
  // A header that quotes a phrase itself (“五带头”党员数) is not quoted again.
  const named = /[“”]/.test(f.header) ? f.header : `“${f.header}”`;
  switch (f.type) {
    case "date":
      return {
        type: "date",
        min: LEDGER_DATE_RANGE.min,
        max: LEDGER_DATE_RANGE.max,
        strict: false,
        promptTitle: title,
        prompt: "直接输入日期，如2025-3-5、2025/3/5或2025年3月5日；写成2025.3.5也能识别。请写全年、月、日。",
        errorTitle: "日期",
        error: "不是Excel能识别的日期。写成2025.3.5这样的文字也能计算，可以继续；“3月5日”“三月五日”等没有年份或用汉字数字的无法识别，请改正。",
      };
    case "score": {
      const min = f.min ?? 0;
      const max = f.max ?? 100;
      return {
        type: "decimal",
        min,
        max,
        promptTitle: title,
        prompt: `填写${min}到${max}之间的分数（满分${scoreWords(max)}），可有小数。缺考、请假、未测评请留空，不要填文字；得0分请填0。`,
        errorTitle: "分数超出范围",
        error: `${named}应为${min}到${max}之间的数字。缺考等情况请留空，不要填“缺考”等文字。`,
      };
    }
    case "count":
      return {
        type: "whole",
        min: 0,
        promptTitle: title,
        prompt: f.id.startsWith("deduction") ? "填写发生的次数（整数）；没有发生请留空或填0。" : "填写人数或票数（整数）；没有请留空或填0。",
        errorTitle: "应为整数",
        error: `${named}应为0或正整数。`,
      };
    case "money":
      return {
        type: "decimal",
        min: 0,
        promptTitle: title,
        prompt: "单位：元，最多两位小数（精确到分），不要带“元”字。",
        errorTitle: "金额不正确",
        error: `${named}应为不小于0的金额（元），最多两位小数。`,
      };
    case "number": {
      const min = f.min ?? 0;
      if (f.id === "override") {
        const most = Math.max(...scheme.stars.categories.map((c) => c.cap));
        return {
          type: "whole",
          min,
          max: most,
          promptTitle: title,
          prompt: "只在需要人工调整星数时填写，并在“调整原因”中写明依据；留空则按计算结果。",
          errorTitle: "星数不正确",
          error: `${named}应为${min}到${most}之间的整数。`,
        };
      }
      const prompt =
        f.id === "bonus"
          ? `本年度加分合计，超过${scheme.bonusCap}分按${scheme.bonusCap}分计；没有加分请留空。`
          : f.id === "postCoefficient"
            ? "岗位系数，如1.0、1.2；留空按1.0计。"
            : f.id === "satisfaction"
              ? "群众满意度，填百分数的数字部分（85表示85%）。"
              : `填写不小于${min}的数字。`;
      return f.max === undefined
        ? { type: "decimal", min, promptTitle: title, prompt, errorTitle: "数字不正确", error: `${named}应为不小于${min}的数字。` }
        : { type: "decimal", min, max: f.max, promptTitle: title, prompt, errorTitle: "数字超出范围", error: `${named}应为${min}到${f.max}之间的数字。` };
    }
    case "flag":
      return {
        type: "list",
        values: ["是", "否"],
        strict: true,
        promptTitle: title,
        prompt: "从下拉列表选择“是”或“否”；留空视为“否”。",
        errorTitle: "请选择是或否",
        error: `${named}只能填“是”或“否”（留空视为“否”）。`,
      };
    case "text":
      if (f.id === "override")
        return {
          type: "list",
          values: [...scheme.grade.labels],
          strict: true,
          promptTitle: title,
          prompt: "只在需要人工调整等次时填写，并在“调整原因”中写明依据；留空则按计算结果。",
          errorTitle: "等次名称",
          error: `请从下拉列表选择：${scheme.grade.labels.join("、")}。`,
        };
      if (f.id === "category")
        return {
          type: "list",
          values: scheme.stars.categories.map((c) => c.name),
          strict: false,
          promptTitle: title,
          prompt: `从下拉列表选择：${scheme.stars.categories.map((c) => `${c.name}（上限${c.cap}星）`).join("、")}。`,
          errorTitle: "党员类别",
          error: "不是标准的党员类别名称。若是本县的其他叫法（如“年老体弱党员”）可以继续，否则请从下拉列表选择。",
        };
      if (f.id === "eventType") {
        const choices = ledgerEventChoices(scheme);
        const others = [...new Set(scheme.ledger.duties.flatMap((d) => d.events.slice(1)))].filter((e) => !choices.includes(e)).slice(0, 2);
        const also = others.length ? `也可以填写“考核方案”中列出的其他说法（如${others.map((e) => `“${e}”`).join("")}）。` : "";
        return {
          type: "list",
          values: choices,
          strict: false,
          promptTitle: title,
          prompt: `从下拉列表选择：${choices.join("、")}。${also}`.slice(0, 255),
          errorTitle: "活动类型",
          error: "不是下拉列表中的类型。若是“考核方案”中列出的其他说法可以继续；不计入任何职责的活动请选“其他”。",
        };
      }
      if (f.id === "orgType")
        return {
          type: "list",
          values: [...ORGANISATION_TYPES],
          strict: false,
          promptTitle: title,
          prompt: `从下拉列表选择：${ORGANISATION_TYPES.join("、")}。`,
          errorTitle: "组织类型",
          error: "不是标准的组织类型，请从下拉列表选择。",
        };
      return undefined;
  }
}

/** The kinds of organisation rated "five good" (the county's rural Party-building measures: township committees and village branches). */
export const ORGANISATION_TYPES = ["乡镇党委", "村党组织", "社区党组织"] as const;

interface ResultDef {
  header: string;
  format: TemplateFormat;
  width?: number;
  meaning: string;
}

/** Builds a data sheet from fields and result columns; the kind adds its band rows and formulas. */
class SheetBuilder {
  readonly columns: TemplateColumn[] = [];
  private readonly byField = new Map<string, TemplateColumn>();
  private readonly byHeader = new Map<string, TemplateColumn>();

  constructor(fields: readonly FieldDef[], results: readonly ResultDef[], scheme: Scheme) {
    for (const f of fields) {
      const look = inputLook(f);
      const col = this.columns.length + 1;
      const c: TemplateColumn = { col, letter: columnLetter(col), header: f.header, role: "input", field: f.id, ...look, validation: validationFor(f, scheme) };
      this.columns.push(c);
      this.byField.set(f.id, c);
    }
    for (const r of results) {
      const col = this.columns.length + 1;
      const c: TemplateColumn = {
        col,
        letter: columnLetter(col),
        header: r.header,
        role: "result",
        format: r.format,
        align: r.format === "money" ? "right" : "center",
        width: r.width ?? Math.max(10, Math.ceil(textWidth(r.header) / 2) + 3),
        meaning: r.meaning,
      };
      this.columns.push(c);
      this.byHeader.set(r.header, c);
    }
  }

  /** Column letter of a field. */
  f(id: string): string {
    const c = this.byField.get(id);
    if (!c) throw new Error(`template: no column for field ${id}`);
    return c.letter;
  }

  has(id: string): boolean {
    return this.byField.has(id);
  }

  /** Column of a result. */
  r(header: string): TemplateColumn {
    const c = this.byHeader.get(header);
    if (!c) throw new Error(`template: no result column ${header}`);
    return c;
  }

  /** A column over the data rows: "A{first}:A{last}". */
  down(letter: string): string {
    return `${letter}{first}:${letter}{last}`;
  }

  /** The same, anchored for formulas filled down the rows. */
  downFixed(letter: string): string {
    return `${letter}\${first}:${letter}\${last}`;
  }
}

/** How tall the header row must be for its longest header to wrap inside its column. */
function headerHeight(columns: readonly TemplateColumn[]): number {
  const lines = Math.max(1, ...columns.map((c) => Math.ceil(textWidth(c.header) / Math.max(4, c.width - 1))));
  return Math.max(30, lines * 15 + 8);
}

/** A4 as print.ts lays it out from the columns' widths; the title and header rows repeat, so no page header. */
function printSetup(columns: readonly TemplateColumn[], headerRow: number): PrintSetup {
  const p = printLayout({ widths: columns.map((c) => c.width), headers: columns.map((c) => c.header), titleRows: [1, headerRow] });
  return {
    paperSize: 9,
    orientation: p.landscape ? "landscape" : "portrait",
    fitToWidth: p.pagesWide,
    fitToHeight: 0,
    scale: p.scale,
    titleRows: `1:${headerRow}`,
    ...(p.titleColumns ? { titleColumns: `${columnLetter(p.titleColumns[0])}:${columnLetter(p.titleColumns[1])}` } : {}),
    margins: { ...p.margins },
    footer: "&L制表人：&C第 &P 页，共 &N 页&R审核人：",
  };
}

const titleRow = (title: string, width: number): BandRow => ({ row: 1, role: "title", cells: [{ col: 1, value: title, toCol: width }], height: 32 });

/** A line of text across the table, tall enough for its wrapped lines. */
const subtitleRow = (row: number, value: string, columns: readonly TemplateColumn[]): BandRow => {
  const lines = Math.ceil(textWidth(value) / Math.max(20, columns.reduce((s, c) => s + c.width, 0) - 4));
  return { row, role: "subtitle", cells: [{ col: 1, value, toCol: columns.length }], height: Math.max(20, lines * 15 + 6) };
};

// ---------------------------------------------------------------- the kinds

interface KindSheet {
  band: BandRow[];
  headerRow: number;
  blankRows: number;
  /** Columns frozen at the left: up to and including the name. */
  freezeColumns: number;
  formulas: TemplateFormula[];
  builder: SheetBuilder;
  subject: string;
  /** More data sheets the kind reads (the ledger's 组织名单), by sheet name and title (without the year). */
  extra?: { name: string; title: string; sheet: KindSheet }[];
}

const scoreResult = (header: string, meaning: string): ResultDef => ({ header, format: "score", meaning });

function secretarySheet(s: Scheme, fields: FieldDef[]): KindSheet {
  const parts = s.parts;
  const b = new SheetBuilder(
    fields,
    [
      scoreResult("扣分", "各扣分项的次数×每次扣分（第3行），每项不超过其扣分上限（第2行），再相加"),
      scoreResult("年度得分", `各项得分（每项不超过满分）之和＋加分（不超过${s.bonusCap}分）－扣分，最低0分`),
      scoreResult(
        "量化得分",
        s.periods.length >= 2 ? `半年考核×${s.periods[0].weight}＋年度得分×${s.periods[1].weight}，保留两位小数；半年考核留空时等于年度得分` : "等于年度得分",
      ),
      scoreResult("综合得分", parts.length >= 2 ? `量化得分×${parts[0].weight}＋民主测评×${parts[1].weight}，保留两位小数；民主测评留空时等于量化得分` : "等于量化得分"),
      rankResult(s),
      { header: "等次", format: "text", meaning: `${gradeMeaning(s)}${b0Override}` },
      { header: "分类", format: "text", meaning: classMeaning(s) },
    ],
    s,
  );
  const width = b.columns.length;
  const items = s.items.map((_, i) => `item${i + 1}`);
  const deductions = s.deductions.map((_, i) => `deduction${i + 1}`);
  const firstItem = b.f(items[0]);
  // Row 2: deduction caps; row 3: item maxima, points per deduction, the bonus cap. The formulas read them.
  const capRow: BandRow = {
    row: 2,
    role: "constants",
    height: 18,
    cells: [
      { col: 1, value: "扣分上限（分，空白为不设上限）", toCol: 4 },
      ...s.deductions.map((d, i) => ({ col: colOf(b, deductions[i]), value: d.cap, format: "general" as TemplateFormat })),
    ],
  };
  const maxRow: BandRow = {
    row: 3,
    role: "constants",
    height: 18,
    cells: [
      { col: 1, value: "满分（扣分项为每次扣分，加分为上限）", toCol: 4 },
      ...s.items.map((it, i) => ({ col: colOf(b, items[i]), value: it.max, format: "general" as TemplateFormat })),
      ...s.deductions.map((d, i) => ({ col: colOf(b, deductions[i]), value: d.points, format: "general" as TemplateFormat })),
      { col: colOf(b, "bonus"), value: s.bonusCap, format: "general" as TemplateFormat },
      { col: colOf(b, "halfYear"), value: 100, format: "general" as TemplateFormat },
      { col: colOf(b, "ballot"), value: 100, format: "general" as TemplateFormat },
    ],
  };
  const name = b.f("name");
  const guard = (body: string) => `=IF($${name}{r}="","",${body})`;
  const lastItem = b.f(items[items.length - 1]);
  const deduct = b.r("扣分").letter;
  const annual = b.r("年度得分").letter;
  const quantified = b.r("量化得分").letter;
  const total = b.r("综合得分").letter;
  const half = b.f("halfYear");
  const ballot = b.f("ballot");
  const formulas: TemplateFormula[] = [];
  const row = (header: string, body: string) => formulas.push({ col: b.r(header).col, header, text: guard(body), fill: "row" });
  if (deductions.length > 0) {
    const d0 = b.f(deductions[0]);
    const d1 = b.f(deductions[deductions.length - 1]);
    row("扣分", `KAOHE.DEDUCT(${d0}{r}:${d1}{r},${d0}$3:${d1}$3,${d0}$2:${d1}$2)`);
  } else row("扣分", "0");
  const bonus = b.f("bonus");
  row("年度得分", `KAOHE.SCORE(${firstItem}{r}:${lastItem}{r},${firstItem}$3:${lastItem}$3,${bonus}{r},${bonus}$3,${deduct}{r})`);
  // Half-year and annual scores are not adjacent, so the weights are written out; a blank half-year test leaves the annual score alone.
  const [p1, p2] = s.periods;
  row("量化得分", p1 && p2 ? `IF(${half}{r}="",${annual}{r},ROUND(${weighted([{ weight: p1.weight, ref: `${half}{r}` }, { weight: p2.weight, ref: `${annual}{r}` }])},2))` : `${annual}{r}`);
  const [q1, q2] = parts;
  row("综合得分", q1 && q2 ? `IF(${ballot}{r}="",${quantified}{r},ROUND(${weighted([{ weight: q1.weight, ref: `${quantified}{r}` }, { weight: q2.weight, ref: `${ballot}{r}` }])},2))` : `${quantified}{r}`);
  formulas.push(rankFormula(s, b, total));
  formulas.push({ col: b.r("等次").col, header: "等次", text: withOverride(b, gradesFormula(s, b, total, "veto")), fill: "spill" });
  const classGroups = s.grade.groupBy === "township" ? `,${b.down(b.f("township"))}` : "";
  formulas.push({
    col: b.r("分类").col,
    header: "分类",
    fill: "spill",
    // Class k is named by the k-th numeral (一类, 二类 …), as the pipeline names it.
    text: `=IF(${b.down(total)}="","",MID("${CLASS_NUMERALS}",KAOHE.CLASSES(${b.down(total)},{${s.classes.join(",")}}${classGroups}),1)&"类")`,
  });
  return { band: [titleRow("", width), capRow, maxRow], headerRow: 4, blankRows: 200, freezeColumns: colOf(b, "name"), formulas, builder: b, subject: "一名村党组织书记" };
}

/** A grade changed by hand (调整后等次, with its reason) is the grade shown, as the pipeline writes it. */
const b0Override = "；填了调整后等次的，显示调整后等次";

function withOverride(b: SheetBuilder, grades: string): string {
  if (!b.has("override")) return grades;
  const o = b.down(b.f("override"));
  return `=IF(TRIM(${o})<>"",TRIM(${o}),${grades.slice(1)})`;
}

/** The rank column, named by where it is counted (rank.scope). */
function rankResult(s: Scheme): ResultDef {
  const where = s.rank.scope === "county" ? "全表（全县）" : "本乡镇";
  return { header: rankHeader(s.rank.scope), format: "integer", meaning: `综合得分在${where}的名次（并列同名次，下一名次顺延，同Excel的RANK.EQ）；中国式排名和百分比排位见运行考核后的“排名”表` };
}

/** KAOHE.RANK over the whole column, or KAOHE.RANKS with the townships as groups: one spill either way. */
function rankFormula(s: Scheme, b: SheetBuilder, total: string): TemplateFormula {
  const groups = s.rank.scope === "county" ? "" : `,${b.down(b.f("township"))}`;
  const header = rankHeader(s.rank.scope);
  return { col: b.r(header).col, header, fill: "spill", text: `=KAOHE.RANKS(${b.down(total)},0,"eq"${groups})` };
}

function classMeaning(s: Scheme): string {
  const names = s.classes.map((_, k) => className(k + 1)).join("、");
  return `按综合得分在${groupWords(s.grade.groupBy)}内分为${names}，比例${s.classes.join(":")}（最大余额法；同分同类，取较好的一类）`;
}

function colOf(b: SheetBuilder, id: string): number {
  return b.columns.find((c) => c.field === id)!.col;
}

function gradeMeaning(s: Scheme): string {
  const g = s.grade;
  const bands = g.labels.map((l, i) => (i === 0 ? `${l}≥${g.cutoffs[0]}` : i < g.cutoffs.length ? `${l}${g.cutoffs[i]}–${g.cutoffs[i - 1]}` : `${l}<${g.cutoffs[i - 1]}`));
  const quota = g.topRatio === null ? "" : `；${g.labels[0]}不超过${groupWords(g.groupBy)}人数的${ratioWords(g.topRatio)}（${roundingWords[g.rounding].zh}）`;
  const veto = g.veto === "fail" ? `；一票否决的定为${g.labels[g.labels.length - 1]}` : `；一票否决的不得评为${g.labels[0]}`;
  return `按综合得分划分：${bands.join("，")}${quota}${veto}`;
}

const groupWords = (g: Scheme["grade"]["groupBy"]) => (g === "township" ? "本乡镇" : g === "branch" ? "本支部" : "全县");

/** KAOHE.GRADES over the whole column: the quota needs every row at once, so it is one spill formula. */
function gradesFormula(s: Scheme, b: SheetBuilder, scoreLetter: string, vetoField: string): string {
  const g = s.grade;
  const groups = g.groupBy === "township" ? b.down(b.f("township")) : g.groupBy === "branch" ? b.down(b.f("branch")) : "";
  const args = [
    b.down(scoreLetter),
    arrayConst(g.cutoffs),
    arrayConst(g.labels),
    g.topRatio === null ? "" : ratioArg(g.topRatio),
    groups,
    "",
    "",
    `"${g.tiePolicy}"`,
    `"${g.rounding}"`,
    String(g.minimum),
    b.down(b.f(vetoField)),
    vetoModeArg(g.veto),
  ];
  return `=KAOHE.GRADES(${args.join(",")})`;
}

function cadreSheet(s: Scheme, fields: FieldDef[]): KindSheet {
  const coefTable = s.pay.coefficients;
  const b = new SheetBuilder(
    fields,
    [
      scoreResult("综合得分", s.parts.length >= 2 ? `任务得分×${s.parts[0].weight}＋年终考评×${s.parts[1].weight}（权重见第2行），保留两位小数；年终考评留空时等于任务得分` : "等于任务得分"),
      rankResult(s),
      { header: "等次", format: "text", meaning: `${gradeMeaning(s)}${b0Override}` },
      { header: "系数", format: "score", meaning: `岗位系数（空白按1.0）×等次系数（填了调整后等次的按调整后等次；${coefTable.map((c) => `${c.grade}${c.coefficient}`).join("、")}）` },
      { header: "基本工资", format: "money", width: 12, meaning: `应发工资×${ratioWords(s.pay.basicRatio)}，四舍五入到分` },
      {
        header: "绩效工资",
        format: "money",
        width: 12,
        meaning: `${poolWords(s)}，${payMethodWords(s)}分配（个人绩效工资＝绩效工资总额×本人${payWeightWords(s)}÷${s.pay.pool !== "rows" ? "全表" : "本乡镇"}各人${payWeightWords(s)}之和），精确到分，合计等于总额；${payWeightWords(s)}全部为0的，各人均为0，总额不分配`,
      },
    ],
    s,
  );
  const width = b.columns.length;
  const task = b.f("taskScore");
  const yearEnd = b.f("yearEnd");
  const [w1, w2] = s.parts;
  const weightRow: BandRow = {
    row: 2,
    role: "constants",
    height: 18,
    cells: [
      { col: 1, value: "权重（综合得分＝各项得分×权重）", toCol: colOf(b, "taskScore") - 1 },
      ...(w1 && w2 ? [{ col: colOf(b, "taskScore"), value: w1.weight }, { col: colOf(b, "yearEnd"), value: w2.weight }] : []),
      // The total the scheme says is written in the sheet: the 绩效工资 formula reads this cell, and the pipeline finds the same line by its label.
      ...(s.pay.pool === "sheet" ? [{ col: b.r("基本工资").col, value: SHEET_POOL_LABEL }, { col: b.r("绩效工资").col, value: null, format: "money" as TemplateFormat }] : []),
    ],
  };
  const name = b.f("name");
  const guard = (body: string) => `=IF($${name}{r}="","",${body})`;
  const total = b.r("综合得分").letter;
  const gradeCol = b.r("等次").letter;
  const pay = b.f("pay");
  const post = b.f("postCoefficient");
  const formulas: TemplateFormula[] = [
    { col: b.r("综合得分").col, header: "综合得分", fill: "row", text: guard(w1 && w2 ? `ROUND(KAOHE.COMPOSITE(${task}{r}:${yearEnd}{r},${task}$2:${yearEnd}$2),2)` : `${task}{r}`) },
    rankFormula(s, b, total),
    // A grade changed by hand (调整后等次) replaces the computed one, as in the pipeline and in 系数; the quota is counted on the computed grades.
    { col: b.r("等次").col, header: "等次", fill: "spill", text: withOverride(b, gradesFormula(s, b, total, "veto")) },
    {
      col: b.r("系数").col,
      header: "系数",
      fill: "row",
      // A grade changed by hand (with its reason) is the grade that is paid.
      text: guard(`KAOHE.COEF(${b.has("override") ? `IF(${b.f("override")}{r}<>"",${b.f("override")}{r},${gradeCol}{r})` : `${gradeCol}{r}`},{${coefTable.map((c) => `"${c.grade}",${c.coefficient}`).join(";")}})*IF(${post}{r}="",1,${post}{r})`),
    },
    { col: b.r("基本工资").col, header: "基本工资", fill: "row", text: guard(`INDEX(KAOHE.PAYSPLIT(${pay}{r},${ratioArg(s.pay.basicRatio)}),1,1)`) },
    { col: b.r("绩效工资").col, header: "绩效工资", fill: "row", text: guard(performanceFormula(s, b)) },
  ];
  return { band: [titleRow("", width), weightRow], headerRow: 3, blankRows: 300, freezeColumns: colOf(b, "name"), formulas, builder: b, subject: "一名乡镇干部" };
}

/** The label of the band cell holding the pool when the scheme takes it from the sheet (pay.pool = sheet). */
const SHEET_POOL_LABEL = "绩效工资总额（元）：";

/** The pool of a cadre's 绩效工资 as the scheme's pay.pool takes it. */
function poolWords(s: Scheme): string {
  return typeof s.pay.pool === "number"
    ? `绩效工资总额为方案规定的${s.pay.pool.toFixed(2)}元，全表干部共同`
    : s.pay.pool === "sheet"
      ? "绩效工资总额为第2行写明的总额，全表干部共同"
      : "本乡镇全体干部（应发工资－基本工资）合为绩效工资总额";
}

const payWeightWords = (s: Scheme) => (s.pay.method === "score" ? "综合得分" : s.pay.method === "baseCoefficient" ? "绩效基数×系数" : "系数");
const payMethodWords = (s: Scheme) => (s.pay.method === "score" ? "按综合得分" : s.pay.method === "baseCoefficient" ? "按绩效基数（应发工资－基本工资）×系数" : "按系数");

/**
 * A cadre's 绩效工资: pool × wᵢ / Σw by KAOHE.ALLOCATE (exact to the fen, all weights 0 giving 0s), w as
 * pay.method says; the pool is the township's performance part, or the scheme's amount shared over the whole table.
 */
function performanceFormula(s: Scheme, b: SheetBuilder): string {
  const township = b.f("township");
  const pay = b.f("pay");
  const basic = b.r("基本工资").letter;
  const weight =
    s.pay.method === "score"
      ? b.downFixed(b.r("综合得分").letter)
      : s.pay.method === "baseCoefficient"
        ? `(${b.downFixed(pay)}-${b.downFixed(basic)})*${b.downFixed(b.r("系数").letter)}`
        : b.downFixed(b.r("系数").letter);
  const whole = `IF(${b.downFixed(b.f("name"))}<>"",${weight},"")`;
  if (typeof s.pay.pool === "number") return `INDEX(KAOHE.ALLOCATE(${s.pay.pool},${whole}),{n})`;
  if (s.pay.pool === "sheet") return `INDEX(KAOHE.ALLOCATE($${b.r("绩效工资").letter}$2,${whole}),{n})`;
  // The pool is the township's performance part; each row takes its own share of the exact allocation.
  const inTownship = (col: string) => `SUMIF(${b.downFixed(township)},${township}{r},${b.downFixed(col)})`;
  return `INDEX(KAOHE.ALLOCATE(ROUND(${inTownship(pay)}-${inTownship(basic)},2),IF(${b.downFixed(township)}=${township}{r},${weight},"")),{n})`;
}

function memberSheet(s: Scheme, fields: FieldDef[]): KindSheet {
  const st = s.stars;
  const b = new SheetBuilder(
    fields,
    [
      { header: "星数", format: "integer", meaning: `各方面得分≥${st.thresholds[0]}得${st.thresholds.length}星、≥${st.thresholds[st.thresholds.length - 1]}得1星，逐项相加，不超过星级上限` },
      { header: "星级上限", format: "integer", meaning: `按党员类别：${st.categories.map((c) => `${c.name}${c.cap}星`).join("、")}` },
      {
        header: "最终星数",
        format: "integer",
        meaning: `星数按比例核定：${st.quota.map((q) => `上限${q.cap}星的党员中${q.threshold}星以上不超过${ratioWords(q.ratio)}`).join("；")}（${groupWords(st.groupBy)}内计算，超出的按综合得分从低到高降为${st.quota.map((q) => q.threshold - 1).join("或")}星；综合得分不填的排在后面）；填了调整后星数的按调整后星数`,
      },
    ],
    s,
  );
  const width = b.columns.length;
  const name = b.f("name");
  const guard = (body: string) => `=IF($${name}{r}="","",${body})`;
  const cat = b.f("category");
  const cap = b.r("星级上限").letter;
  const starsCol = b.r("星数").letter;
  const aspectIds = st.aspects.map((_, i) => `aspect${i + 1}`);
  const aspectRange = (n: number) => `${b.f(aspectIds[0])}{r}:${b.f(aspectIds[n - 1])}{r}`;
  // Categories rated on fewer aspects read only their first aspects, whatever is typed beyond them. The
  // IF chooses between whole KAOHE.STARS calls, not between ranges of different widths, which an
  // engine evaluating arrays would pad with #N/A (and KAOHE.STARS refuses a blank or missing aspect).
  const starsOf = (n: number) => `KAOHE.STARS(${aspectRange(n)},${arrayConst(st.thresholds)},${cap}{r})`;
  const byCount = new Map<number, string[]>();
  for (const c of st.categories) if (c.aspects < st.aspects.length) byCount.set(c.aspects, [...(byCount.get(c.aspects) ?? []), c.name, ...c.aliases]);
  let starsFormula = starsOf(st.aspects.length);
  for (const [n, names] of [...byCount.entries()].sort((x, y) => y[0] - x[0])) starsFormula = `IF(ISNUMBER(MATCH(TRIM(${cat}{r}),${arrayConst(names)},0)),${starsOf(n)},${starsFormula})`;
  const defaults = defaultScheme("member", 2000).stars;
  const sameCaps = JSON.stringify(defaults.categories) === JSON.stringify(st.categories);
  const capTable = sameCaps ? "" : `,{${st.categories.flatMap((c) => [c.name, ...c.aliases].map((n) => `"${n}",${c.cap}`)).join(";")}}`;
  const groups = st.groupBy === "branch" ? b.down(b.f("branch")) : st.groupBy === "township" ? b.down(b.f("township")) : "";
  const rules = `{${st.quota.map((q) => `${q.cap},${q.threshold},${ratioArg(q.ratio)}`).join(";")}}`;
  const quota = `KAOHE.STARQUOTA(${b.down(starsCol)},${b.down(cap)},${b.down(b.f("tiebreak"))},${groups},${rules},"${st.tiePolicy === "all" ? "strict" : st.tiePolicy}","${st.rounding}",0)`;
  const formulas: TemplateFormula[] = [
    { col: b.r("星数").col, header: "星数", fill: "row", text: guard(starsFormula) },
    { col: b.r("星级上限").col, header: "星级上限", fill: "row", text: guard(`KAOHE.STARCAP(TRIM(${cat}{r})${capTable})`) },
    {
      col: b.r("最终星数").col,
      header: "最终星数",
      fill: "spill",
      // A star count changed by hand (调整后星数) replaces the quota's, as in the pipeline; the quota itself is counted on the computed stars.
      text: b.has("override") ? `=IF(${b.down(b.f("override"))}<>"",${b.down(b.f("override"))},${quota})` : `=${quota}`,
    },
  ];
  const rule = `星级规则：${st.aspects.join("、")}五个方面各按百分制评分；${st.categories.map((c) => `${c.name}评前${c.aspects}个方面、上限${c.cap}星`).join("，")}。`;
  return { band: [titleRow("", width), subtitleRow(2, rule, b.columns)], headerRow: 3, blankRows: 1000, freezeColumns: colOf(b, "name"), formulas, builder: b, subject: "一名党员" };
}

function appraisalSheet(s: Scheme, fields: FieldDef[]): KindSheet {
  const th = s.ballot.thresholds;
  const labels = s.grade.labels;
  const b = new SheetBuilder(
    fields,
    [
      scoreResult("综合得分", `各评议主体得分按权重（第2行：${s.raters.map((r) => `${r.name}${r.weight}`).join("、")}）加权平均；某一主体未评时按其余主体的权重折算`),
      rankResult(s),
      {
        header: "得票等次",
        format: "text",
        meaning: `按得票率：${labels[0]}票≥${ratioWords(th[0])}为${labels[0]}；否则${labels[0]}＋${labels[1]}票≥${ratioWords(th[1])}为${labels[1]}；否则${labels[3] ?? labels[labels.length - 1]}票≥${ratioWords(th[2])}为${labels[labels.length - 1]}；其余为${labels[2]}。填了应参评人数时，实际投票不足${ratioWords(s.ballot.turnout)}的显示“${INVALID_BALLOT}”`,
      },
      { header: "优秀得票率", format: "percent", meaning: `${labels[0]}票÷四项票数之和，保留四位小数` },
    ],
    s,
  );
  const width = b.columns.length;
  const raters = s.raters.map((_, i) => `rater${i + 1}`);
  const r0 = b.f(raters[0]);
  const r1 = b.f(raters[raters.length - 1]);
  const weightRow: BandRow = {
    row: 2,
    role: "constants",
    height: 18,
    cells: [{ col: 1, value: "权重（综合得分＝各主体得分×权重）", toCol: colOf(b, raters[0]) - 1 }, ...s.raters.map((r, i) => ({ col: colOf(b, raters[i]), value: r.weight }))],
  };
  const name = b.f("name");
  const total = b.r("综合得分").letter;
  const votes = `${b.f("votesTop")}{r}:${b.f("votesBottom")}{r}`;
  const voters = b.f("voters");
  const voteArgs = `${votes},${arrayConst(th.map(String))},${arrayConst(labels)}`;
  const formulas: TemplateFormula[] = [
    { col: b.r("综合得分").col, header: "综合得分", fill: "row", text: `=IF(OR($${name}{r}="",COUNT(${r0}{r}:${r1}{r})=0),"",ROUND(KAOHE.COMPOSITE(${r0}{r}:${r1}{r},${r0}$2:${r1}$2),2))` },
    rankFormula(s, b, total),
    {
      col: b.r("得票等次").col,
      header: "得票等次",
      fill: "row",
      // No votes cast (blank or all 0) is no grade, as the pipeline leaves it.
      text: `=IF(OR($${name}{r}="",SUM(${votes})=0),"",IF(${voters}{r}="",KAOHE.VOTEGRADE(${voteArgs}),KAOHE.VOTEGRADE(${voteArgs},${voters}{r},${ratioArg(s.ballot.turnout)})))`,
    },
    {
      col: b.r("优秀得票率").col,
      header: "优秀得票率",
      fill: "row",
      text: `=IF(OR($${name}{r}="",SUM(${votes})=0),"",ROUND(${b.f("votesTop")}{r}/SUM(${votes}),4))`,
    },
  ];
  return {
    band: [titleRow("", width), weightRow],
    headerRow: 3,
    blankRows: 200,
    freezeColumns: colOf(b, "name"),
    formulas,
    builder: b,
    subject: "一名被测评人",
    extra: [{ name: RATER_DETAIL_SHEET, title: "民主测评评分明细", sheet: raterDetailSheet(s) }],
  };
}

/** The appraisal's 评分明细: one row per rater's score, so each group's score can drop the extremes. */
function raterDetailSheet(s: Scheme): KindSheet {
  const b = new SheetBuilder(raterDetailFields, [], s);
  const names = s.raters.map((r) => r.name);
  const group = b.columns.find((c) => c.field === "raterGroup")!;
  // The group names come from the scheme, which the shared field list cannot know.
  group.validation = {
    type: "list",
    values: names,
    strict: true,
    promptTitle: "评议主体",
    prompt: `从下拉列表选择：${names.join("、")}。`,
    errorTitle: "评议主体",
    error: `请从下拉列表选择：${names.join("、")}。`,
  };
  group.align = "center";
  const t = s.trim;
  const note = `每位评议人对每名被测评人的评分填一行，姓名（或编号）与“${standardSheetNames.appraisal}”中一致。同一评议主体评分人数不少于${t.minCount}人时去掉${t.dropHigh}个最高分和${t.dropLow}个最低分后取平均，不足${t.minCount}人时直接取平均；结果替代“${standardSheetNames.appraisal}”中该主体的得分。`;
  return {
    band: [titleRow("", b.columns.length), subtitleRow(2, note, b.columns)],
    headerRow: 3,
    blankRows: 1000,
    freezeColumns: colOf(b, "name"),
    formulas: [],
    builder: b,
    subject: "一名评议人的评分",
  };
}

function fiveGoodSheet(s: Scheme, fields: FieldDef[]): KindSheet {
  const b = new SheetBuilder(
    fields,
    [
      { header: "达标项数", format: "integer", width: 8, meaning: "五项标准中为“是”的项数" },
      { header: "是否“五好”", format: "text", width: 10, meaning: "五项标准全部为“是”的党组织为“五好”" },
      { header: "“五带头”比例", format: "percent", width: 10, meaning: "“五带头”党员数÷农村党员数；“五带头”党员数留空的不计算，留空" },
    ],
    s,
  );
  const width = b.columns.length;
  const headerRow = 5;
  const org = b.f("organisation");
  const good = b.r("是否“五好”");
  const lead = b.r("“五带头”比例");
  const sat = b.f("satisfaction");
  const members = b.f("members");
  const fiveLead = b.f("fiveLead");
  const c1 = b.f("criterion1");
  const c5 = b.f("criterion5");
  // Targets sit above the columns they judge: 五好 share, satisfaction, 五带头 share (the county's rural Party-building measures).
  const targetCols = [good.col, colOf(b, "satisfaction"), lead.col];
  const targets = s.targets.slice(0, 3);
  const labelTo = colOf(b, "criterion1") - 1;
  const band: BandRow[] = [
    titleRow("", width),
    { row: 2, role: "constants", height: 18, cells: [{ col: 1, value: "县定目标", toCol: labelTo }, ...targets.map((t, i) => ({ col: targetCols[i], value: ratioValue(t.ratio), format: "percent" as TemplateFormat }))] },
    { row: 3, role: "constants", height: 18, cells: [{ col: 1, value: BAND_ACTUAL, toCol: labelTo }, ...targets.map((_, i) => ({ col: targetCols[i], value: null, format: "percent" as TemplateFormat }))] },
    { row: 4, role: "constants", height: 18, cells: [{ col: 1, value: BAND_REACHED, toCol: labelTo }, ...targets.map((_, i) => ({ col: targetCols[i], value: null, format: "text" as TemplateFormat }))] },
  ];
  const all = (l: string) => `${l}{first}:${l}{last}`;
  const orgCount = `COUNTA(${all(org)})`;
  const goodCount = `COUNTIF(${all(good.letter)},"是")`;
  // The rural members of the organisations that gave a “五带头” count: a blank count is left out, its members too.
  const countedMembers = `SUMIF(${all(fiveLead)},"<>",${all(members)})`;
  const actual = [
    `=IF(${orgCount}=0,"",${goodCount}/${orgCount})`,
    `=IF(COUNT(${all(sat)})=0,"",AVERAGE(${all(sat)})/100)`,
    `=IF(${countedMembers}=0,"",SUM(${all(fiveLead)})/${countedMembers})`,
  ];
  // Band cells are anchored ($2, $3) so a sheet moved down by lines above its title moves them too.
  const at = (i: number, row: number) => `${columnLetter(targetCols[i])}$${row}`;
  // KAOHE.TARGET compares exactly; the mean satisfaction is the sum out of 100 points per organisation rated.
  const reached = [
    `=IF(${orgCount}=0,"",IF(KAOHE.TARGET(${goodCount},${orgCount},${at(0, 2)}),"达标","未达标"))`,
    `=IF(COUNT(${all(sat)})=0,"",IF(KAOHE.TARGET(SUM(${all(sat)}),100*COUNT(${all(sat)}),${at(1, 2)}),"达标","未达标"))`,
    `=IF(${countedMembers}=0,"",IF(KAOHE.TARGET(SUM(${all(fiveLead)}),${countedMembers},${at(2, 2)}),"达标","未达标"))`,
  ];
  const met = b.r("达标项数");
  const formulas: TemplateFormula[] = [
    { col: met.col, header: met.header, fill: "row", text: `=IF($${org}{r}="","",COUNTIF(${c1}{r}:${c5}{r},"是"))` },
    { col: good.col, header: good.header, fill: "row", text: `=IF($${org}{r}="","",IF(COUNTIF(${c1}{r}:${c5}{r},"是")=5,"是","否"))` },
    { col: lead.col, header: lead.header, fill: "row", text: `=IF(OR($${org}{r}="",N(${members}{r})=0,${fiveLead}{r}=""),"",${fiveLead}{r}/${members}{r})` },
  ];
  targets.forEach((t, i) => {
    const col = targetCols[i];
    const header = b.columns[col - 1].header;
    formulas.push({ col, header, fill: "cell", row: 3, text: actual[i] }, { col, header, fill: "cell", row: 4, text: reached[i] });
  });
  return { band, headerRow, blankRows: 200, freezeColumns: colOf(b, "organisation"), formulas, builder: b, subject: "一个党组织" };
}

/** A ratio for a band cell: text such as "2/3" stays text, so Excel does not turn it into a date and the functions read it exactly. */
const ratioCell = (r: RatioText): BandCell => ({ col: 0, value: r, format: typeof r === "string" ? "text" : "general" });

function ledgerSheet(s: Scheme, fields: FieldDef[]): KindSheet {
  const l = s.ledger;
  const b = new SheetBuilder(
    fields,
    [
      { header: "达到法定人数", format: "text", width: 10, meaning: `实到人数不少于应到人数的${ratioWords(l.quorum)}（以上含本数）为“是”，不足为“否”；没有填应到人数的行（谈心谈话、培训、走访等）为空` },
      { header: "表决通过", format: "text", width: 9, meaning: `人事事项为“是”的行：赞成人数不少于应到人数的${ratioWords(l.majority)}（含本数）为“是”，不足为“否”（决定无效）；其他行为空` },
    ],
    s,
  );
  const width = b.columns.length;
  const atQuorum = b.r("达到法定人数");
  const carried = b.r("表决通过");
  // Row 2: the two ratios the formulas read, above the columns they decide.
  const ratios: BandRow = {
    row: 2,
    role: "constants",
    height: 18,
    cells: [
      { col: 1, value: "比例（以上含本数）：法定到会人数、人事事项赞成人数", toCol: atQuorum.col - 1 },
      { ...ratioCell(l.quorum), col: atQuorum.col },
      { ...ratioCell(l.majority), col: carried.col },
    ],
  };
  const type = b.f("eventType");
  const due = b.f("due");
  const present = b.f("present");
  const decision = b.f("decision");
  const inFavour = b.f("inFavour");
  // Blank counts are 0, as the pipeline reads them; a row without 应到人数 is not a meeting with a quorum.
  const formulas: TemplateFormula[] = [
    {
      col: atQuorum.col,
      header: atQuorum.header,
      fill: "row",
      text: `=IF(OR($${type}{r}="",N(${due}{r})=0),"",IF(KAOHE.QUORUM(N(${present}{r}),${due}{r},${atQuorum.letter}$2),"是","否"))`,
    },
    {
      col: carried.col,
      header: carried.header,
      fill: "row",
      text: `=IF(OR($${type}{r}="",TRIM(${decision}{r})<>"是",N(${due}{r})=0),"",IF(KAOHE.QUORUM(N(${inFavour}{r}),${due}{r},${carried.letter}$2),"是","否"))`,
    },
  ];
  const organisations = organisationSheet(s);
  return {
    band: [titleRow("", width), ratios],
    headerRow: 3,
    blankRows: 1000,
    freezeColumns: colOf(b, "organisation"),
    formulas,
    builder: b,
    subject: "一次会议、谈心谈话、培训或走访",
    extra: [{ name: ORGANISATION_SHEET, title: "组织名单", sheet: organisations }],
  };
}

/** The ledger's list of organisations: their type decides their duties; members and funds give the training check. */
function organisationSheet(s: Scheme): KindSheet {
  const b = new SheetBuilder(organisationFields, [], s);
  const note = `每个党组织填一行，组织名称与“${standardSheetNames.ledger}”中的写法一致。组织类型决定应落实的职责；培训经费为全年党员教育培训经费（元）。`;
  return {
    band: [titleRow("", b.columns.length), subtitleRow(2, note, b.columns)],
    headerRow: 3,
    blankRows: 300,
    freezeColumns: colOf(b, "organisation"),
    formulas: [],
    builder: b,
    subject: "一个党组织",
  };
}

// ---------------------------------------------------------------- instructions

function blankRules(kind: SchemeKind, s: Scheme): string[] {
  switch (kind) {
    case "secretary":
      return [
        "各项指标：得0分请填0；留空的指标按0分计入年度得分，请尽量填写完整。",
        "扣分项填发生次数，没有发生的留空或填0；每次扣分和扣分上限见表头上方第2、3行。",
        `加分：没有加分的留空；超过${s.bonusCap}分的按${s.bonusCap}分计。`,
        "半年考核：留空表示没有半年考核成绩，量化得分按年度得分计；缺考的也请留空。",
        "民主测评：留空表示没有测评（如票数不足、未组织），综合得分只按量化得分计（权重自动折算），不按0分计。",
        "一票否决：有否决事项的填“是”，没有的留空或填“否”。",
        "调整后等次：经研究调整等次的，从下拉列表选择调整后的等次并填写调整原因；等次列即显示调整后等次。",
      ];
    case "cadre":
      return [
        "任务得分：百分制，按任务完成时间和完成质量评定；必须填写。",
        "年终考评：留空表示未参加年终考评，综合得分只按任务得分计（权重自动折算），不按0分计。",
        "岗位系数：留空按1.0计。",
        "应发工资：单位元，精确到分，必须填写；不要带“元”字。",
        "一票否决：有否决事项的填“是”，没有的留空或填“否”。",
      ];
    case "member":
      return [
        `${s.stars.categories.filter((c) => c.aspects < s.stars.aspects.length).map((c) => c.name).join("、")}只评前${Math.min(...s.stars.categories.map((c) => c.aspects))}个方面（${s.stars.aspects.slice(0, 3).join("、")}），后面几项留空。`,
        "党员类别所评的方面不能留空，得0分请填0；留空的，该党员的星数显示 #N/A，最终星数一列也显示错误值，填上得分后恢复；用 kaohe run 或加载项计算时列为问题。",
        "填了调整后星数的，最终星数按调整后星数；比例仍按计算出的星数核定。",
        "综合得分用于同星数党员超出比例时的先后，可以不填；不填的排在有分数的后面。",
      ];
    case "appraisal":
      return [
        "某一评议主体没有评议的，该主体得分留空，综合得分按其余主体的权重折算；不要填0（0分表示评了0分）。",
        "票数留空按0票计；整行票数都空表示没有组织投票，得票等次为空。",
        "应参评人数：填写后会检查实际投票人数是否达到规定比例；不填则不检查。",
        `“${RATER_DETAIL_SHEET}”可以不填；填写的，每行填一位评议人对一名被测评人的评分（评议主体从下拉列表选择，没有评分的留空）。kaohe run 和加载项计算时按评议人的分数算出该主体得分（${s.trim.minCount}人及以上去掉${s.trim.dropHigh}个最高分、${s.trim.dropLow}个最低分后取平均），替代本表填写的主体得分，并在“说明”列注明；表内公式只读本表的主体得分。`,
      ];
    case "fiveGood":
      return [
        "五项标准填“是”或“否”，留空按“否”计。",
        "群众满意度填百分数的数字部分（85表示85%）；没有测评的留空，不计入平均。",
        "农村党员数、“五带头”党员数：乡镇党委一行可以留空，只在村党组织行填写。",
      ];
    case "ledger":
      return [
        "应到人数：需要核对到会人数的会议（党委会、民主生活会、村委会等）填写全体委员（成员）人数；谈心谈话、培训、走访可以留空，留空的行不判断是否达到法定人数。",
        "实到人数：填写了应到人数的，实到人数留空按0人计，即不足法定人数；请假、缺席的不计入实到人数。",
        "人事事项：讨论干部任免等人事事项的填“是”，其他留空或填“否”；是人事事项的，赞成人数留空按0人计。",
        `“${ORGANISATION_SHEET}”中党员人数或培训经费留空的组织不核算培训经费；是否“五好”留空按“否”计；群众满意度、“五带头”党员数留空的不计入全县目标；乡镇党委的“五带头”党员数请留空（“五带头”只计农村党员）。`,
      ];
  }
}


/** "应到12人、实到8人为达到，7人为不足": the smallest count that meets the ratio, as an example. */
function ratioExample(r: RatioText, counted: string, yes: string, no: string): string {
  const ratio = toRatio(r);
  let need = 0;
  while (need < 12 && !atLeastShare(need, 12, ratio)) need++;
  return need === 0 ? "" : `：应到12人、${counted}${need}人为${yes}，${need - 1}人为${no}`;
}

/** Where the rank is counted, and how to change it: the column's header says the same. */
function rankLine(s: Scheme): string {
  return s.rank.scope === "county"
    ? `${rankHeader("county")}：综合得分在全表（全县）的名次；如需在各乡镇内排名，把考核方案“排名 范围”改为“乡镇内”。`
    : `${rankHeader("township")}：综合得分在本乡镇内的名次；如需全县统一排名，把考核方案“排名 范围”改为“全县”。`;
}

function schemeLines(kind: SchemeKind, s: Scheme): string[] {
  const g = s.grade;
  const grade = `等次分数线：${g.labels.map((l, i) => (i < g.cutoffs.length ? `${l}${g.cutoffs[i]}分以上（含）` : `${l}低于${g.cutoffs[i - 1]}分`)).join("，")}。`;
  const quota = g.topRatio === null ? "" : `${g.labels[0]}名额：不超过${groupWords(g.groupBy)}人数的${ratioWords(g.topRatio)}，${roundingWords[g.rounding].zh}；分数并列跨过名额线时${g.tiePolicy === "strict" ? "均不评为" + g.labels[0] : g.tiePolicy === "all" ? "均评为" + g.labels[0] + "并标注超额" : "按行序确定"}。`;
  switch (kind) {
    case "secretary":
      return [
        `量化考核${s.items.length}项，满分合计${s.items.reduce((t, i) => t + i.max, 0)}分；各项满分见第3行。`,
        `扣分项：${s.deductions.map((d) => `${d.name}每次扣${d.points}分${d.cap === null ? "" : `，最多扣${d.cap}分`}`).join("；")}。`,
        grade,
        quota,
        g.veto === "fail" ? `一票否决：定为${g.labels[g.labels.length - 1]}。` : `一票否决：不得评为${g.labels[0]}。`,
        rankLine(s),
        `分类：按综合得分在${groupWords(g.groupBy)}内分为${s.classes.map((_, k) => className(k + 1)).join("、")}，比例${s.classes.join(":")}；同分的同类。`,
      ];
    case "cadre":
      return [
        grade,
        quota,
        `工资：基本工资占应发工资的${ratioWords(s.pay.basicRatio)}，其余为绩效工资，${s.pay.pool !== "rows" ? "全表" : "在本乡镇内"}${payMethodWords(s)}分配：个人绩效工资＝绩效工资总额×本人${payWeightWords(s)}÷${s.pay.pool !== "rows" ? "全表" : "本乡镇"}各人${payWeightWords(s)}之和，精确到分，分剩的零头按余数从大到小各给1分。`,
        ...(s.pay.pool === "sheet" ? [`绩效工资总额：请填在表头上方第2行“${SHEET_POOL_LABEL.replace("：", "")}”右侧的单元格（单位元，精确到分）；表内公式和 kaohe 计算都读这一格。`] : []),
        `${payWeightWords(s)}全部为0的${s.pay.pool !== "rows" ? "" : "乡镇"}（如全部不称职），绩效工资均为0，总额不分配；kaohe 计算时在说明中注明“全部系数为 0，绩效工资池未分配”。`,
        `等次系数：${s.pay.coefficients.map((c) => `${c.grade}${c.coefficient}`).join("、")}。`,
      ];
    case "member":
      return [
        `每个方面得分≥${s.stars.thresholds[0]}分得${s.stars.thresholds.length}星，≥${s.stars.thresholds[s.stars.thresholds.length - 1]}分得1星。`,
        `星级上限：${s.stars.categories.map((c) => `${c.name}（又称${c.aliases.join("、")}）${c.cap}星`).join("；")}。`,
        `比例控制（${groupWords(s.stars.groupBy)}内计算）：${s.stars.quota.map((q) => `上限${q.cap}星的党员中，${q.threshold}星以上的不超过${ratioWords(q.ratio)}`).join("；")}；${roundingWords[s.stars.rounding].zh}。`,
      ];
    case "appraisal":
      return [
        `评议主体权重：${s.raters.map((r) => `${r.name}${r.weight}`).join("、")}（见第2行，可按本地方案修改）。`,
        `得票等次：${g.labels[0]}票≥${ratioWords(s.ballot.thresholds[0])}为${g.labels[0]}；${g.labels[0]}＋${g.labels[1]}票≥${ratioWords(s.ballot.thresholds[1])}为${g.labels[1]}；${g.labels[3]}票≥${ratioWords(s.ballot.thresholds[2])}为${g.labels[3]}；其余为${g.labels[2]}。`,
        `参评人数不少于应参评人数的${ratioWords(s.ballot.turnout)}，测评才有效；不足的，得票等次显示“${INVALID_BALLOT}”。`,
        rankLine(s),
      ];
    case "fiveGood":
      return [`县定目标：${s.targets.map((t) => `${t.name}不低于${ratioWords(t.ratio)}`).join("；")}（见表头上方第2行）。`];
    case "ledger": {
      const l = s.ledger;
      return [
        ...l.duties.map((d) => `${d.name}：${d.orgType || "所有组织"}${periodWords[d.period].zh}不少于${d.min}次；计入的类型：${d.events.join("、")}。`),
        "周按周一至周日计算，跨年的周（如2025年12月29日至2026年1月4日）只计检查期间内的日期；月、季度按自然月、自然季度；半年分上半年（1–6月）和下半年（7–12月）；年为1月1日至12月31日。检查期间为台账中最早到最晚日期所在的整年。",
        `法定人数：实到人数不少于应到人数的${shareWords(l.quorum)}（“以上”含本数${ratioExample(l.quorum, "实到", "达到", "不足")}）。`,
        `人事事项：赞成人数不少于应到人数的${shareWords(l.majority)}方可通过（含本数${ratioExample(l.majority, "赞成", "通过", "不通过，决定无效")}）。`,
        `党员教育培训经费：每名党员每年不少于${l.trainingPerMember}元（含本数），即培训经费不少于党员人数×${l.trainingPerMember}元。`,
        ...(s.targets.length ? [`县定目标：${s.targets.map((t) => `${t.name}不低于${ratioWords(t.ratio)}`).join("；")}（按“${ORGANISATION_SHEET}”计算）。`] : []),
      ];
    }
  }
}

/** The ledger's own lines for 一、二、四 and 五 of its instructions. */
function ledgerNotes(s: Scheme, sheet: DataSheetSpec, extra: readonly DataSheetSpec[]) {
  const inputs = inputColumns(sheet);
  const fields = fieldsFor(s);
  const required = inputs.filter((c) => fields.find((f) => f.id === c.field)?.required).map((c) => c.header);
  const optional = inputs.filter((c) => !required.includes(c.header)).map((c) => c.header);
  const list = extra[0];
  const choices = ledgerEventChoices(s);
  return {
    purpose: [
      `本表用于组织生活台账：在工作表“${sheet.name}”中每行填写一次会议、谈心谈话、培训或走访，在工作表“${list?.name ?? ORGANISATION_SHEET}”中每行填写一个党组织；结果列自动计算。`,
      "同一套数据只填一次：各组织每周、每月、每半年、每年的落实情况，到会人数、表决结果和培训经费都从这两张表生成，不必另行统计。",
    ],
    filling: [
      `从第${sheet.firstDataRow}行开始，每行一条，中间不要空行；行数不够可以在下面继续填写。先后顺序不限，可以按组织或按日期排列。`,
      `必须填写的列：${required.join("、")}；按需要填写的列：${optional.join("、")}。`,
      "表头文字请不要改动；可以在表头后面加括号注明单位，如“应到人数（人）”；列的前后顺序可以调整，也可以在右侧增加自己的列。",
      `组织：与“${list?.name ?? ORGANISATION_SHEET}”中的组织名称写法一致（如“城关镇党委”“张家村党支部”），不在名单中的会被逐行列出。组织名称可以合并单元格，或只在该组织第一行填写、下面留空：kaohe run 和加载项计算时会自动向下填充。`,
      `类型：从下拉列表选择（${choices.join("、")}）；各项职责计入哪些说法见第六部分，不计入任何职责的活动填“其他”。`,
      "日期：直接输入日期即可（显示为2025-03-05）；写成文字2025-3-5、2025/03/05、2025年3月5日或2025.3.5也能识别。请写全年、月、日，不要只写“3月5日”，也不要用汉字数字（如“三月五日”）：无法识别的日期会逐格列出。",
      ...(list
        ? [
            `${list.name}：每个党组织填一行，填写${inputColumns(list).map((c) => c.header).join("、")}。组织类型（${ORGANISATION_TYPES.join("、")}）决定该组织应落实哪些职责；名单中的组织没有任何台账记录时，它的每项职责都按未落实列出。`,
          ]
        : []),
      "人数、金额只填数字，不要带“人”“元”等字；全角数字（如“８”）可以识别。",
    ],
    absence: {
      heading: "四、缺席、请假和没有召开的会议",
      lines: [
        "请假、缺席的人员不计入实到人数，应到人数照常按全体委员（成员）填写。",
        "没有召开的会议不要登记，也不要在日期格填“未开”“/”等文字；缺少的周、月、半年会在“组织生活落实情况”中列出。",
        "人数格或日期格里的文字无法计算：kaohe run 会逐格列出（工作表、行、列），加载项也会在对应单元格显示错误，改正后即可。",
      ],
    },
    results: [
      "表头上方第2行是这两列使用的比例（如2/3），可按本地规定修改。",
      "用 kaohe run 或加载项计算后，另生成“组织生活落实情况”表：每个组织每项职责的要求、应有期数、实际次数、未落实期数和未落实的期（如“2025年3月”“2025年下半年”“2025年3月3日至9日当周”）；到会人数不足或表决未通过的会议（按行列出）；各组织党员教育培训经费的人均金额和是否达标；全县“五好”比例、群众满意度、“五带头”比例是否达到目标。",
    ],
  };
}

function notesFor(kind: SchemeKind, s: Scheme, sheet: DataSheetSpec, subject: string, extra: readonly DataSheetSpec[] = []): NotesSheetSpec {
  const ledger = kind === "ledger" ? ledgerNotes(s, sheet, extra) : undefined;
  const inputs = sheet.columns.filter((c) => c.role === "input");
  const results = sheet.columns.filter((c) => c.role === "result");
  const first = sheet.firstDataRow;
  const has = (id: string) => inputs.some((c) => c.field === id);
  const groupHeaders = fieldsFor(s)
    .filter((f) => f.fillDown)
    .map((f) => f.header)
    .join("、");
  const sections: NotesSection[] = [
    {
      heading: "一、本表用途",
      lines: ledger?.purpose ?? [`本表用于${kindNames[kind].zh}：在工作表“${sheet.name}”中每行填写${subject}，结果列自动计算。`, "同一套数据只填一次：汇总、排名、名额核查和公示名单都从本表生成。"],
    },
    {
      heading: "二、怎样填写",
      lines: ledger?.filling ?? [
        `从第${first}行开始，每行一条，中间不要空行；行数不够可以在下面继续填写。`,
        `需要填写的列：${inputs.map((c) => c.header).join("、")}。`,
        "表头文字请不要改动；可以在表头后面加括号注明分值或单位，如“党员发展（5分）”；列的前后顺序可以调整，也可以在右侧增加自己的列。",
        `${groupHeaders}名称可以合并单元格，或只在每组第一行填写，下面留空：kaohe run 和加载项计算时会自动向下填充。使用表内公式分组（排名、名额）时，请每行都填写。`,
        ...(has("id") ? ["编号为文本格式，可以填身份证号或本单位编号，不能重复；重复的会被逐一列出。"] : []),
        ...(inputs.some((c) => c.field === "override")
          ? [
              `${inputs.find((c) => c.field === "override")!.header}：只在需要人工调整计算结果时填写，并且必须在“${inputs.find((c) => c.field === "overrideReason")?.header ?? "调整原因"}”中写明依据；留空则按计算结果。`,
            ]
          : []),
        "分数、次数、金额只填数字，不要带“分”“次”“元”等字；全角数字（如“８５”）可以识别。",
        ...(has("name") ? ["姓名前后多打的空格不影响计算，但姓名中间请不要加空格，以免同一人被当成两人。"] : []),
      ],
    },
    {
      heading: "三、空白与0的区别",
      lines: [ledger ? "0表示“0人”或“0元”；空白表示“没有这项数据”。两者含义不同，请按实际情况填写。" : "0表示“得了0分”或“发生0次”；空白表示“没有这项数据”。两者计算结果不同，请按实际情况填写。", ...blankRules(kind, s)],
    },
    ledger?.absence ?? {
      heading: "四、缺考、请假等情况",
      lines: [
        "缺考、请假、免考、未参加测评的，分数格请留空，不要填“缺考”“请假”“/”等文字。",
        "分数格里的文字无法计算：kaohe run 会逐格列出（工作表、行、列），加载项也会在对应单元格显示错误，改为空白或分数后即可。",
        "需要说明原因的，请另行登记备查。",
      ],
    },
    {
      heading: "五、结果列",
      lines: [
        `表头为橙色的列（${results.map((c) => c.header).join("、")}）是计算结果，不需要填写：${FORMULA_NOTE}。直接打开本文件时结果列为空，这是正常的。`,
        ...results.map((c) => `${c.header}：${c.meaning ?? ""}`),
        ...(kind === "fiveGood" ? ["表头上方第3、4行“全县实际”“是否达标”同样由加载项写入公式，或用 kaohe run 计算。"] : []),
        ...(ledger?.results ?? []),
      ],
    },
    { heading: "六、考核方案要点（可在“考核方案”中按本地规定修改）", lines: schemeLines(kind, s).filter((l) => l !== "") },
    {
      heading: "七、打印",
      lines: ["已设置为A4纸，每页重复打印标题和表头。能在一页宽内清楚打印（正文不小于9磅）的表按页宽缩放；更宽的表横向、按82%分页打印，每页左侧重复乡镇、姓名等列。页脚有页码和制表人、审核人签字位置。"],
    },
  ];
  return {
    role: "notes",
    name: NOTES_SHEET_NAME,
    title: `${kindNames[kind].zh}填表说明`,
    sections,
    width: NOTES_WIDTH,
    print: { ...notesPrint, titleRows: undefined, footer: "&C第 &P 页，共 &N 页" },
  };
}

// ---------------------------------------------------------------- the templates

/** Characters across the 填表说明 column: well inside portrait A4 at 100% (print.ts); LibreOffice cuts a 95-wide column at both margins. */
const NOTES_WIDTH = 80;
const notesPrint: PrintSetup = { paperSize: 9, orientation: "portrait", fitToWidth: 1, fitToHeight: 0, scale: fitScale([NOTES_WIDTH], false), margins: { ...PRINT_MARGINS }, footer: "" };

/** Template titles and file names: plain words, no characters a file system refuses. */
const templateTitles: Record<SchemeKind, { title: string; file: string }> = {
  secretary: { title: "村党组织书记年度考核表", file: "村党组织书记年度考核" },
  cadre: { title: "乡镇干部绩效考核与绩效工资表", file: "乡镇干部绩效考核与绩效工资" },
  member: { title: "党员星级评定表", file: "党员星级评定" },
  appraisal: { title: "民主测评与述职评议汇总表", file: "民主测评与述职评议汇总" },
  fiveGood: { title: "党组织“五好”评定表", file: "党组织五好评定" },
  ledger: { title: "组织生活台账", file: "组织生活台账" },
};

export interface TemplateOptions {
  /** The scheme the template follows; the kind's defaults otherwise. */
  scheme?: Scheme;
  /** A year for the title (2025年度…); none: a blank for the user to fill. */
  year?: number;
}

/** The standard template of a kind, generated from the scheme's fields, limits and rules. */
export function templateSpec(kind: SchemeKind, options: TemplateOptions = {}): TemplateSpec {
  // A fixed year keeps the defaults independent of the clock; only the scheme's own title uses it.
  const scheme = options.scheme ?? defaultScheme(kind, options.year ?? 2000);
  if (scheme.kind !== kind) throw new Error(`template: the scheme is for ${scheme.kind}, not ${kind}`);
  const fields = fieldsFor(scheme);
  const k =
    kind === "secretary"
      ? secretarySheet(scheme, fields)
      : kind === "cadre"
        ? cadreSheet(scheme, fields)
        : kind === "member"
          ? memberSheet(scheme, fields)
          : kind === "appraisal"
            ? appraisalSheet(scheme, fields)
            : kind === "fiveGood"
              ? fiveGoodSheet(scheme, fields)
              : ledgerSheet(scheme, fields);
  const names = templateTitles[kind];
  const year = options.year ? `${options.year}年度` : "______年度";
  const data = dataSheetOf(standardSheetNames[kind], `${year}${names.title}`, k);
  const extra = (k.extra ?? []).map((e) => dataSheetOf(e.name, `${year}${e.title}`, e.sheet));
  const spec: TemplateSpec = { id: kind, kind, title: names.title, fileName: `${names.file}.xlsx`, sheets: [data, notesFor(kind, scheme, data, k.subject, extra)] };
  if (extra.length) spec.extra = extra;
  return spec;
}

function dataSheetOf(name: string, title: string, k: KindSheet): DataSheetSpec {
  const columns = k.builder.columns;
  k.band[0] = titleRow(title, columns.length);
  return {
    role: "data",
    name,
    title,
    band: k.band,
    headerRow: k.headerRow,
    firstDataRow: k.headerRow + 1,
    blankRows: k.blankRows,
    columns,
    headerHeight: headerHeight(columns),
    freeze: { rows: k.headerRow, columns: k.freezeColumns },
    print: printSetup(columns, k.headerRow),
    formulas: k.formulas,
  };
}

/** The standard templates, in the order of the scheme kinds. */
export function standardTemplates(options: Omit<TemplateOptions, "scheme"> = {}): TemplateSpec[] {
  return schemeKinds.map((kind) => templateSpec(kind, options));
}

export function dataSheet(spec: TemplateSpec): DataSheetSpec {
  return spec.sheets[0];
}

export function notesSheet(spec: TemplateSpec): NotesSheetSpec {
  return spec.sheets[1];
}

/** Every data sheet of a template in workbook order: the main one, then the extra ones. */
export function dataSheets(spec: TemplateSpec): DataSheetSpec[] {
  return [spec.sheets[0], ...(spec.extra ?? [])];
}

/**
 * The template with its rows as the pipeline reads the rendered file: lines above the title, the
 * band, the header and the rows of every data sheet (merged areas kept as merges, values in their
 * first cell), then 填表说明. Dates stay serial numbers, as Excel and the .xlsx reader give them.
 */
export function templateWorkbook(spec: TemplateSpec, data?: TemplateData): WorkbookData {
  const sheets = dataSheets(spec).map((sheet, i) => sheetOf(sheet, i === 0 ? data : data?.extra?.[i - 1]));
  const notes = notesSheet(spec);
  const rows: CellValue[][] = [[notes.title], []];
  for (const section of notes.sections) rows.push([section.heading], ...section.lines.map((l) => [l]), []);
  sheets.push({ name: notes.name, rows });
  return { sheets };
}

function sheetOf(sheet: DataSheetSpec, data: TemplateData | undefined): SheetData {
  const preamble = data?.preamble ?? [];
  const shift = preamble.length;
  const rows: CellValue[][] = preamble.map((line) => [line]);
  const merges: MergeArea[] = preamble.map((_, i) => ({ top: i, left: 0, bottom: i, right: sheet.columns.length - 1 }));
  const at = (r: number) => (rows[r - 1 + shift] ??= []);
  for (const b of sheet.band)
    for (const c of b.cells) {
      at(b.row)[c.col - 1] = c.value;
      if (c.toCol && c.toCol > c.col) merges.push({ top: b.row - 1 + shift, left: c.col - 1, bottom: b.row - 1 + shift, right: c.toCol - 1 });
    }
  at(sheet.headerRow).splice(0, sheet.columns.length, ...sheet.columns.map((c) => c.header));
  const inputs = inputColumns(sheet);
  const first = sheet.firstDataRow - 1 + shift;
  (data?.rows ?? []).forEach((values, i) => {
    const row = new Array<CellValue>(sheet.columns.length).fill(null);
    inputs.forEach((c, j) => (row[c.col - 1] = values[j] ?? null));
    rows[first + i] = row;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  for (const m of data?.merges ?? []) merges.push({ top: m.top + first, left: m.left, bottom: m.bottom + first, right: m.right });
  return { name: sheet.name, rows, merges };
}

/** The input columns in header order: the fields, in the order of fieldsFor. */
export function inputColumns(sheet: DataSheetSpec): TemplateColumn[] {
  return sheet.columns.filter((c) => c.role === "input");
}

/** A formula's text for one row, placeholders filled in. */
export function expandFormula(text: string, at: { r: number; first: number; last: number }): string {
  return text
    .replace(/\{r\}/g, String(at.r))
    .replace(/\{first\}/g, String(at.first))
    .replace(/\{last\}/g, String(at.last))
    .replace(/\{n\}/g, `ROW()-${at.first - 1}`);
}

export interface FormulaCell {
  /** 1-based. */
  row: number;
  col: number;
  /** "AF5". */
  address: string;
  formula: string;
}

/**
 * Every formula to write after insertion, cell by cell, for data rows first..last (by default the
 * template's formatted rows). `shift` moves everything down, for a sheet with lines above the title.
 */
export function formulaCells(sheet: DataSheetSpec, last = sheet.firstDataRow + sheet.blankRows - 1, shift = 0): FormulaCell[] {
  const first = sheet.firstDataRow + shift;
  const end = last + shift;
  const out: FormulaCell[] = [];
  const shiftBand = (text: string) => (shift === 0 ? text : text.replace(/\$(\d+)\b/g, (_, n: string) => `$${Number(n) + shift}`));
  for (const f of sheet.formulas) {
    const rows = f.fill === "row" ? range(first, end) : f.fill === "spill" ? [first] : [(f.row ?? 1) + shift];
    for (const r of rows) {
      const formula = expandFormula(shiftBand(f.text), { r, first, last: end });
      out.push({ row: r, col: f.col, address: `${columnLetter(f.col)}${r}`, formula });
    }
  }
  return out;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
