// The secretary template's formulas over its 半年考核 sheet and 四诺 register: each sheet's own result per row, and the data sheet's reading of them, as kaohe run computes them.
import { YEAR_END_WORDS } from "../../core/four-promises";
import type { Scheme } from "../../core/scheme";
import { NO_WORDS } from "../../core/text";
import { deductionFieldId, itemFieldId } from "../../workbook/fields";
import { arrayConst, type SheetBuilder, type TemplateFormula, weighted } from "../../workbook/templates";

/** The data sheet's name, which the other sheets' formulas read the maxima from (a template's data sheet is never renamed on insertion). */
export const SECRETARY_SHEET = "村书记考核";

/** The 半年考核 sheet's results: Σ items + bonus − deductions as it enters the combination (not floored), and the half year's own result (floored at 0). */
export const HALF_TOTAL_HEADER = "加减后合计";
export const HALF_RESULT_HEADER = "半年成绩";

/** The register's result per promise: its share of the 四诺 item's points. */
export const PROMISE_SCORE_HEADER = "本条得分";

/** Where a sheet's data rows are: the first and last row its formulas cover. */
export interface SheetRows {
  sheet: string;
  builder: SheetBuilder;
  first: number;
  last: number;
}

const quoted = (sheet: string) => `'${sheet}'!`;
/** A column of a sheet's data rows, anchored, as another sheet's formula reads it. */
const column = (at: SheetRows, letter: string) => `${quoted(at.sheet)}$${letter}$${at.first}:$${letter}$${at.last}`;
/** The data sheet's band cell (row 2 caps, row 3 maxima and points) of a field, anchored. */
const bandCell = (data: SheetBuilder, id: string, row: number) => `${quoted(SECRETARY_SHEET)}$${data.f(id)}$${row}`;
const bandRange = (data: SheetBuilder, from: string, to: string, row: number) => `${bandCell(data, from, row)}:$${data.f(to)}$${row}`;

/** What a half-year row with a blank item shows (the pipeline refuses it at that cell): the data sheet's 量化得分 then shows #VALUE! for that secretary alone. */
export const HALF_BLANK_WORD = "有空项：每项都填分数（0分填0）";

/**
 * The 半年考核 sheet's two formulas: 加减后合计 = KAOHE.SCORE of the items and capped bonus − KAOHE.DEDUCT,
 * not floored (combineItemPeriods floors only the combined year), and 半年成绩, the same floored at 0.
 */
export function halfYearFormulas(s: Scheme, half: SheetBuilder, data: SheetBuilder): TemplateFormula[] {
  const items = s.items.map((_, i) => itemFieldId(i));
  const first = items[0];
  const last = items[items.length - 1];
  const scores = `${half.f(first)}{r}:${half.f(last)}{r}`;
  const points = `KAOHE.SCORE(${scores},${bandRange(data, first, last, 3)},${half.f("bonus")}{r},${bandCell(data, "bonus", 3)})`;
  const d = s.deductions.map((_, i) => deductionFieldId(i));
  const deducted = d.length ? `-KAOHE.DEDUCT(${half.f(d[0])}{r}:${half.f(d[d.length - 1])}{r},${bandRange(data, d[0], d[d.length - 1], 3)},${bandRange(data, d[0], d[d.length - 1], 2)})` : "";
  const total = half.r(HALF_TOTAL_HEADER);
  return [
    { col: total.col, header: HALF_TOTAL_HEADER, fill: "row", text: `=IF($${half.f("name")}{r}="","",IF(COUNTBLANK(${scores})>0,"${HALF_BLANK_WORD}",${points}${deducted}))` },
    { col: half.r(HALF_RESULT_HEADER).col, header: HALF_RESULT_HEADER, fill: "row", text: `=IF(ISNUMBER(${total.letter}{r}),MAX(0,${total.letter}{r}),${total.letter}{r})` },
  ];
}

/** A text cell as the pipeline reads a word: ideographic spaces as spaces, trimmed. */
/** The ideographic space (U+3000), which TRIM leaves and the pipeline trims. */
const IDEOGRAPHIC_SPACE = "\u3000";
const trimmed = (cell: string) => `TRIM(SUBSTITUTE(${cell},"${IDEOGRAPHIC_SPACE}"," "))`;

/**
 * The register's 本条得分: max × (quarters practised / 4 + 半年评诺 / 100 + the year-end share) / 3, one
 * promise of fourPromiseScore; the mean over a secretary's promises is his 四诺 points (KAOHE.LINK "mean").
 * A blank or unreadable evaluation or result shows what to fill instead of a number, as the pipeline
 * refuses it at that cell.
 */
export function promiseFormula(s: Scheme, register: SheetBuilder, data: SheetBuilder, item: number): TemplateFormula {
  const at = (id: string) => `${register.f(id)}{r}`;
  const max = bandCell(data, itemFieldId(item), 3);
  const practised = [1, 2, 3, 4].map((q) => `AND(${trimmed(at(`quarter${q}`))}<>"",ISNA(MATCH(${trimmed(at(`quarter${q}`))},${arrayConst(NO_WORDS)},0)))`).join("+");
  const words = Object.entries(YEAR_END_WORDS);
  const key = `SUBSTITUTE(SUBSTITUTE(TRIM(${at("yearEnd")})," ",""),"${IDEOGRAPHIC_SPACE}","")`;
  const share = `IFERROR(INDEX(${arrayConst(words.map(([, v]) => v))},1,MATCH(${key},${arrayConst(words.map(([w]) => w))},0)),IFERROR(IF(RIGHT(${key})="%",VALUE(LEFT(${key},LEN(${key})-1))/100,VALUE(${key})),-1))`;
  const half = at("halfYear");
  const body =
    `IF(${half}="","请填写半年评诺",IF(OR(NOT(ISNUMBER(${half})),${half}<0,${half}>100),"半年评诺应为0–100的分数",` +
    `IF(TRIM(${at("yearEnd")})="","请填写年终兑现",IF(OR(${share}<0,${share}>1),"年终兑现应为兑现、部分兑现或未兑现",` +
    `${max}*((${practised})/4+${half}/100+${share})/3))))`;
  return { col: register.r(PROMISE_SCORE_HEADER).col, header: PROMISE_SCORE_HEADER, fill: "row", text: `=IF(TRIM(${at("promise")})="","",${body})` };
}

/** KAOHE.LINK of this row's secretary (编号, 姓名, 乡镇 and 村) into a sheet's column. */
function linkCall(data: SheetBuilder, at: SheetRows, value: string, ifNone: string, combine?: "mean"): string {
  const person = `$${data.f("id")}{r},$${data.f("name")}{r},$${data.f("township")}{r}:$${data.f("village")}{r}`;
  const source = `${column(at, at.builder.f("id"))},${column(at, at.builder.f("name"))},${quoted(at.sheet)}$${at.builder.f("township")}$${at.first}:$${at.builder.f("village")}$${at.last}`;
  return `KAOHE.LINK(${person},${source},${column(at, at.builder.r(value).letter)},${ifNone}${combine ? `,"${combine}"` : ""})`;
}

/**
 * The row's item scores as 年度得分 reads them: the 四诺 item taken from the register (the mean of the
 * secretary's 本条得分), the typed item where the register has no row for him; the other items as typed.
 */
export function itemsWithRegister(s: Scheme, data: SheetBuilder, register: SheetRows | null, item: number): string {
  const items = `${data.f(itemFieldId(0))}{r}:${data.f(itemFieldId(s.items.length - 1))}{r}`;
  if (!register || item < 0) return items;
  const typed = `${data.f(itemFieldId(item))}{r}`;
  // The item's place as a constant (COLUMN of a range is one number in some engines, HyperFormula's among them).
  const place = arrayConst(s.items.map((_, i) => (i === item ? 1 : 0)));
  return `IF(${place}=1,${linkCall(data, register, PROMISE_SCORE_HEADER, typed, "mean")},${items})`;
}

/**
 * The 四诺 item's points as the table shows them after a run (四诺星级 reads them): the register's
 * result rounded to two decimals as the pipeline writes it into the item, the typed item where the
 * register has no row for the secretary, blank where that is blank too.
 */
export function promisePoints(data: SheetBuilder, register: SheetRows | null, item: number): string {
  const typed = `${data.f(itemFieldId(item))}{r}`;
  if (!register) return typed;
  const points = linkCall(data, register, PROMISE_SCORE_HEADER, typed, "mean");
  return `IF(${points}="","",ROUND(${points},2))`;
}

/**
 * 量化得分 with a 半年考核 sheet, unrounded (the caller rounds it for the column, and 综合得分 weighs it
 * unrounded, as the pipeline does): while the sheet has no rows, the typed 半年考核 column as before
 * (`typed`); once it has, item by item as combineItemPeriods: the half year's 加减后合计 and the annual
 * Σ items + bonus − 扣分, weighed and floored at 0 together. A secretary the sheet lacks is scored on the
 * annual test alone (his half-year sum taken as the annual one), or, where the scheme makes a missing
 * period a problem, shows #VALUE!.
 */
export function quantifiedFormula(s: Scheme, data: SheetBuilder, half: SheetRows, items: string, deductions: string, typed: string): string {
  const [p1, p2] = s.periods;
  const first = itemFieldId(0);
  const last = itemFieldId(s.items.length - 1);
  const annual = `(KAOHE.SCORE(${items},$${data.f(first)}$3:$${data.f(last)}$3,${data.f("bonus")}{r},$${data.f("bonus")}$3)-${deductions}{r})`;
  const ifNone = s.missing.periods === "problem" ? `"无${p1.name}"` : annual;
  const halfSum = linkCall(data, half, HALF_TOTAL_HEADER, ifNone);
  const combined = `MAX(0,${weighted([{ weight: p1.weight, ref: halfSum }, { weight: p2.weight, ref: annual }])})`;
  const inputs = `${quoted(half.sheet)}$A$${half.first}:$${half.builder.f("bonus")}$${half.last}`;
  return `IF(COUNTA(${inputs})=0,${typed},${combined})`;
}
