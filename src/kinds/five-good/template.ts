// The five-good kind's standard template: its data sheet, the result columns' formulas and its 填表说明.
import { ratioWords } from "../../core/wording";
import { type Scheme } from "../../core/scheme";
import { type FieldDef } from "../../workbook/fields";
import { BAND_ACTUAL, BAND_REACHED } from "../../workbook/band-block";
import { columnLetter } from "../../workbook/sheet";
import { type BandRow, type KindSheet, SheetBuilder, type TemplateFormat, type TemplateFormula, colOf, ratioValue, titleRow, type KindNotes } from "../../workbook/templates";
import { NOT_SATISFIED_WORDS, SATISFIED_WORDS } from "../../core/satisfaction";
import { SATISFACTION_SHEET } from "../ledger/satisfaction-sheet";
import { satisfactionSheet } from "../ledger/template";

/**
 * The satisfied and rated units of the 满意度测评 sheet's rating column, as counts of its words (是 and
 * 否 as well, as the pipeline reads them); null when the scheme counts the mean.
 */
function ratingCounts(s: Scheme): { satisfied: string; rated: string } | null {
  if ((s.ledger.satisfaction ?? "share") !== "share") return null;
  const sheet = satisfactionSheet(s).sheet;
  const col = columnLetter(colOf(sheet.builder, "rating"));
  // The whole column: the title, the note and the header are no rating word, and lines added above the title move nothing.
  const count = (words: readonly string[]) => words.map((w) => `COUNTIF('${SATISFACTION_SHEET}'!${col}:${col},"${w}")`).join("+");
  const satisfied = count([...SATISFIED_WORDS, "是"]);
  return { satisfied: `(${satisfied})`, rated: `(${satisfied}+${count([...NOT_SATISFIED_WORDS, "否"])})` };
}

export function fiveGoodSheet(s: Scheme, fields: FieldDef[]): KindSheet {
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
  const ratings = ratingCounts(s);
  const meanActual = `IF(COUNT(${all(sat)})=0,"",AVERAGE(${all(sat)})/100)`;
  const actual = [
    `=IF(${orgCount}=0,"",${goodCount}/${orgCount})`,
    // The share of units satisfied where the 满意度测评 sheet has ratings, else the mean, as the pipeline counts it.
    ratings ? `=IF(${ratings.rated}=0,${meanActual},${ratings.satisfied}/${ratings.rated})` : `=${meanActual}`,
    `=IF(${countedMembers}=0,"",SUM(${all(fiveLead)})/${countedMembers})`,
  ];
  // Band cells are anchored ($2, $3) so a sheet moved down by lines above its title moves them too.
  const at = (i: number, row: number) => `${columnLetter(targetCols[i])}$${row}`;
  // KAOHE.TARGET compares exactly; the mean satisfaction is the sum out of 100 points per organisation rated.
  const meanReached = `IF(COUNT(${all(sat)})=0,"",IF(KAOHE.TARGET(SUM(${all(sat)}),100*COUNT(${all(sat)}),${at(1, 2)}),"达标","未达标"))`;
  const reached = [
    `=IF(${orgCount}=0,"",IF(KAOHE.TARGET(${goodCount},${orgCount},${at(0, 2)}),"达标","未达标"))`,
    ratings
      ? `=IF(${ratings.rated}=0,${meanReached},IF(KAOHE.TARGET(${ratings.satisfied},${ratings.rated},${at(1, 2)}),"达标","未达标"))`
      : `=${meanReached}`,
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
  return { band, headerRow, blankRows: 200, freezeColumns: colOf(b, "organisation"), formulas, builder: b, subject: "一个党组织", extra: [satisfactionSheet(s)] };
}

/** What a blank means in each column (三、空白与0的区别). */
function blankRules(s: Scheme): string[] {
      return [
        "五项标准填“是”或“否”，留空按“否”计。",
        "群众满意度填百分数的数字部分（85表示85%）；没有测评的留空，不计入平均。",
        ...(ratingCounts(s) ? [`“${SATISFACTION_SHEET}”表：每个参加测评的县直部门或基层站所填一行，测评结果填“满意”“基本满意”或“不满意”；满意度目标按评为“满意”的单位数÷测评单位数计算（全县，不分乡镇）；本表不填的，按各党组织群众满意度的平均分计算，并在计算结果中提示。`] : []),
        "农村党员数、“五带头”党员数：乡镇党委一行可以留空，只在村党组织行填写。",
      ];
}

/** The scheme's points (六、考核方案要点). */
function schemeLines(s: Scheme): string[] {
      return [`县定目标：${s.targets.map((t) => `${t.name}不低于${ratioWords(t.ratio)}`).join("；")}（见表头上方第2行）。`];
}

export const fiveGoodNotes: KindNotes = { blank: blankRules, scheme: schemeLines,
  results: ["表头上方第3、4行“全县实际”“是否达标”同样由加载项写入公式，或用 kaohe run 计算。"], };
