// The standard assessment templates as plain data: each kind's data sheets (columns, validations, print setup), its 填表说明 and the formulas the add-in writes after insertion.
import { excelSerial } from "../core/dates";
import { className } from "../core/classes";
import { atLeastShare, toNumber, toRatio } from "../core/exact";
import { ratioWords, roundingWords } from "../core/wording";
import type { RatioText, Scheme, SchemeKind } from "../core/scheme";
import type { FieldDef } from "./fields";
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
export function ratioArg(r: RatioText): string {
  return typeof r === "number" ? String(r) : `"${r}"`;
}

/** A ratio as a number for a cell (65% → 0.65), read by the one ratio parser. */
export const ratioValue = (r: RatioText): number => (typeof r === "number" ? r : toNumber(toRatio(r)));

export const arrayConst = (xs: readonly (string | number)[]) => `{${xs.map((x) => (typeof x === "number" ? String(x) : `"${x}"`)).join(",")}}`;

/** A weighted sum as Excel text; divided by the weights' total unless they add up to 1. */
export function weighted(terms: { weight: number; ref: string }[]): string {
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const sum = terms.map((t) => `${t.weight}*${t.ref}`).join("+");
  return Math.abs(total - 1) < 1e-12 ? sum : `(${sum})/${total}`;
}

export const vetoModeArg = (mode: Scheme["grade"]["veto"]) => (mode === "fail" ? `"fail"` : `"no_top"`);

// ---------------------------------------------------------------- columns

export const text = (width: number, align: TemplateColumn["align"] = "left") => ({ format: "text" as TemplateFormat, width, align });

/** Width and alignment of an input column, by field. */
export function inputLook(f: FieldDef): { format: TemplateFormat; width: number; align: TemplateColumn["align"] } {
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

export const scoreWords = (max: number) => `${max}分`;

/** The earliest and latest dates a ledger cell may hold without a warning (2000-01-01 to 2099-12-31). */
export const LEDGER_DATE_RANGE = { min: excelSerial(2000, 1, 1)!, max: excelSerial(2099, 12, 31)! };

/** The 类型 words offered in the ledger's list: the first word of each duty, then 其他 for events no duty counts. */
export function ledgerEventChoices(scheme: Scheme): string[] {
  const firsts = scheme.ledger.duties.map((d) => d.events[0]).filter((e): e is string => typeof e === "string" && e.trim() !== "");
  return [...new Set([...firsts, "其他"])];
}

/** The validation of an input column: ranges from the field's limits (from the scheme), lists for yes/no and categories. */
export function validationFor(f: FieldDef, scheme: Scheme): TemplateValidation | undefined {
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

export interface ResultDef {
  header: string;
  format: TemplateFormat;
  width?: number;
  meaning: string;
}

/** Builds a data sheet from fields and result columns; the kind adds its band rows and formulas. */
export class SheetBuilder {
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
export function headerHeight(columns: readonly TemplateColumn[]): number {
  const lines = Math.max(1, ...columns.map((c) => Math.ceil(textWidth(c.header) / Math.max(4, c.width - 1))));
  return Math.max(30, lines * 15 + 8);
}

/** A4 as print.ts lays it out from the columns' widths; the title and header rows repeat, so no page header. */
export function printSetup(columns: readonly TemplateColumn[], headerRow: number): PrintSetup {
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

export const titleRow = (title: string, width: number): BandRow => ({ row: 1, role: "title", cells: [{ col: 1, value: title, toCol: width }], height: 32 });

/** A line of text across the table, tall enough for its wrapped lines. */
export const subtitleRow = (row: number, value: string, columns: readonly TemplateColumn[]): BandRow => {
  const lines = Math.ceil(textWidth(value) / Math.max(20, columns.reduce((s, c) => s + c.width, 0) - 4));
  return { row, role: "subtitle", cells: [{ col: 1, value, toCol: columns.length }], height: Math.max(20, lines * 15 + 6) };
};

// ---------------------------------------------------------------- the kinds

export interface KindSheet {
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

export const scoreResult = (header: string, meaning: string): ResultDef => ({ header, format: "score", meaning });


/** A grade changed by hand (调整后等次, with its reason) is the grade shown, as the pipeline writes it. */
export const b0Override = "；填了调整后等次的，显示调整后等次";

export function withOverride(b: SheetBuilder, grades: string): string {
  if (!b.has("override")) return grades;
  const o = b.down(b.f("override"));
  return `=IF(TRIM(${o})<>"",TRIM(${o}),${grades.slice(1)})`;
}

/** The rank column, named by where it is counted (rank.scope). */
export function rankResult(s: Scheme): ResultDef {
  const where = s.rank.scope === "county" ? "全表（全县）" : "本乡镇";
  return { header: rankHeader(s.rank.scope), format: "integer", meaning: `综合得分在${where}的名次（并列同名次，下一名次顺延，同Excel的RANK.EQ）；中国式排名和百分比排位见运行考核后的“排名”表` };
}

/** KAOHE.RANK over the whole column, or KAOHE.RANKS with the townships as groups: one spill either way. */
export function rankFormula(s: Scheme, b: SheetBuilder, total: string): TemplateFormula {
  const groups = s.rank.scope === "county" ? "" : `,${b.down(b.f("township"))}`;
  const header = rankHeader(s.rank.scope);
  return { col: b.r(header).col, header, fill: "spill", text: `=KAOHE.RANKS(${b.down(total)},0,"eq"${groups})` };
}

export function classMeaning(s: Scheme): string {
  const names = s.classes.map((_, k) => className(k + 1)).join("、");
  return `按综合得分在${groupWords(s.grade.groupBy)}内分为${names}，比例${s.classes.join(":")}（最大余额法；同分同类，取较好的一类）`;
}

export function colOf(b: SheetBuilder, id: string): number {
  return b.columns.find((c) => c.field === id)!.col;
}

export function gradeMeaning(s: Scheme): string {
  const g = s.grade;
  const bands = g.labels.map((l, i) => (i === 0 ? `${l}≥${g.cutoffs[0]}` : i < g.cutoffs.length ? `${l}${g.cutoffs[i]}–${g.cutoffs[i - 1]}` : `${l}<${g.cutoffs[i - 1]}`));
  const quota = g.topRatio === null ? "" : `；${g.labels[0]}不超过${groupWords(g.groupBy)}人数的${ratioWords(g.topRatio)}（${roundingWords[g.rounding].zh}）`;
  const veto = g.veto === "fail" ? `；一票否决的定为${g.labels[g.labels.length - 1]}` : `；一票否决的不得评为${g.labels[0]}`;
  return `按综合得分划分：${bands.join("，")}${quota}${veto}`;
}

export const groupWords = (g: Scheme["grade"]["groupBy"]) => (g === "township" ? "本乡镇" : g === "branch" ? "本支部" : "全县");

/** KAOHE.GRADES over the whole column: the quota needs every row at once, so it is one spill formula. */
export function gradesFormula(s: Scheme, b: SheetBuilder, scoreLetter: string, vetoField: string, barredLetter?: string): string {
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
    ...(barredLetter ? [b.down(barredLetter)] : []),
  ];
  return `=KAOHE.GRADES(${args.join(",")})`;
}





/** A ratio for a band cell: text such as "2/3" stays text, so Excel does not turn it into a date and the functions read it exactly. */
export const ratioCell = (r: RatioText): BandCell => ({ col: 0, value: r, format: typeof r === "string" ? "text" : "general" });


// ---------------------------------------------------------------- instructions




/** "应到12人、实到8人为达到，7人为不足": the smallest count that meets the ratio, as an example. */
export function ratioExample(r: RatioText, counted: string, yes: string, no: string): string {
  const ratio = toRatio(r);
  let need = 0;
  while (need < 12 && !atLeastShare(need, 12, ratio)) need++;
  return need === 0 ? "" : `：应到12人、${counted}${need}人为${yes}，${need - 1}人为${no}`;
}

/** Where the rank is counted, and how to change it: the column's header says the same. */
export function rankLine(s: Scheme): string {
  return s.rank.scope === "county"
    ? `${rankHeader("county")}：综合得分在全表（全县）的名次；如需在各乡镇内排名，把考核方案“排名 范围”改为“乡镇内”。`
    : `${rankHeader("township")}：综合得分在本乡镇内的名次；如需全县统一排名，把考核方案“排名 范围”改为“全县”。`;
}


/** The sections a kind writes in place of the standard ones (the ledger, whose rows are events, not people). */
export interface OwnNotes {
  purpose: string[];
  filling: string[];
  absence: NotesSection;
  results: string[];
}

/** A kind's part of its 填表说明. */
export interface KindNotes {
  /** What a blank means in each column (三、空白与0的区别). */
  blank(s: Scheme): string[];
  /** The scheme's points (六、考核方案要点). */
  scheme(s: Scheme): string[];
  own?(s: Scheme, sheet: DataSheetSpec, extra: readonly DataSheetSpec[]): OwnNotes;
  /** More lines for 五、结果列 (figures of the whole table above the header). */
  results?: readonly string[];
}

/** The grade lines every graded kind's scheme points share: the cut-offs and the top grade's quota. */
export function gradeLines(s: Scheme): { grade: string; quota: string } {
  const g = s.grade;
  const grade = `等次分数线：${g.labels.map((l, i) => (i < g.cutoffs.length ? `${l}${g.cutoffs[i]}分以上（含）` : `${l}低于${g.cutoffs[i - 1]}分`)).join("，")}。`;
  const quota = g.topRatio === null ? "" : `${g.labels[0]}名额：不超过${groupWords(g.groupBy)}人数的${ratioWords(g.topRatio)}，${roundingWords[g.rounding].zh}；分数并列跨过名额线时${g.tiePolicy === "strict" ? "均不评为" + g.labels[0] : g.tiePolicy === "all" ? "均评为" + g.labels[0] + "并标注超额" : "按行序确定"}。`;
  return { grade, quota };
}

// ---------------------------------------------------------------- the templates

/** Characters across the 填表说明 column: well inside portrait A4 at 100% (print.ts); LibreOffice cuts a 95-wide column at both margins. */
export const NOTES_WIDTH = 80;
export const notesPrint: PrintSetup = { paperSize: 9, orientation: "portrait", fitToWidth: 1, fitToHeight: 0, scale: fitScale([NOTES_WIDTH], false), margins: { ...PRINT_MARGINS }, footer: "" };

export function dataSheetOf(name: string, title: string, k: KindSheet): DataSheetSpec {
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

export function sheetOf(sheet: DataSheetSpec, data: TemplateData | undefined): SheetData {
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

export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
