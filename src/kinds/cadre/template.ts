// The cadre kind's standard template: its data sheet, the result columns' formulas and its 填表说明.
import { ratioWords } from "../../core/wording";
import { type Scheme } from "../../core/scheme";
import { type FieldDef } from "../../workbook/fields";
import { NEGATIVE_BAR_HEADER, negativeBarFormula, negativeBarMeaning, negativeCall, workflowSheets } from "../../workbook/workflow-sheets";
import { type BandRow, type KindSheet, SheetBuilder, type TemplateFormat, type TemplateFormula, b0Override, colOf, gradeMeaning, gradesFormula, rankFormula, rankResult, ratioArg, scoreResult, titleRow, withOverride, gradeLines, type KindNotes } from "../../workbook/templates";

export function cadreSheet(s: Scheme, fields: FieldDef[]): KindSheet {
  const coefTable = s.pay.coefficients;
  const b = new SheetBuilder(
    fields,
    [
      scoreResult("综合得分", s.parts.length >= 2 ? `任务得分×${s.parts[0].weight}＋年终考评×${s.parts[1].weight}（权重见第2行），保留两位小数；年终考评留空时等于任务得分` : "等于任务得分"),
      ...(s.negativeList.length ? [{ header: NEGATIVE_BAR_HEADER, format: "text" as const, meaning: negativeBarMeaning }] : []),
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
  const composite = w1 && w2 ? `ROUND(KAOHE.COMPOSITE(${task}{r}:${yearEnd}{r},${task}$2:${yearEnd}$2),2)` : `${task}{r}`;
  // The negative list's points come off 综合得分 (not below 0) before rank, grade and pay, as the pipeline applies them.
  const points = negativeCall(s, `$${name}{r}`, "扣分");
  const bar = negativeBarFormula(s, `$${name}{r}`);
  const formulas: TemplateFormula[] = [
    { col: b.r("综合得分").col, header: "综合得分", fill: "row", text: guard(points ? `ROUND(MAX(0,${composite}-${points}),2)` : composite) },
    ...(bar ? [{ col: b.r(NEGATIVE_BAR_HEADER).col, header: NEGATIVE_BAR_HEADER, fill: "row" as const, text: guard(bar) }] : []),
    rankFormula(s, b, total),
    // A grade changed by hand (调整后等次) replaces the computed one, as in the pipeline and in 系数; the quota is counted on the computed grades.
    { col: b.r("等次").col, header: "等次", fill: "spill", text: withOverride(b, gradesFormula(s, b, total, "veto", bar ? b.r(NEGATIVE_BAR_HEADER).letter : undefined)) },
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
  return { band: [titleRow("", width), weightRow], headerRow: 3, blankRows: 300, freezeColumns: colOf(b, "name"), formulas, builder: b, subject: "一名乡镇干部", extra: workflowSheets(s) };
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

/** What a blank means in each column (三、空白与0的区别). */
function blankRules(_s: Scheme): string[] {
      return [
        "任务得分：百分制，按任务完成时间和完成质量评定；必须填写。",
        "年终考评：留空表示未参加年终考评，综合得分只按任务得分计（权重自动折算），不按0分计。",
        "岗位系数：留空按1.0计。",
        "应发工资：单位元，精确到分，必须填写；不要带“元”字。",
        "一票否决：有否决事项的填“是”，没有的留空或填“否”。",
      ];
}

/** The scheme's points (六、考核方案要点). */
function schemeLines(s: Scheme): string[] {
  const { grade, quota } = gradeLines(s);
      return [
        grade,
        quota,
        `工资：基本工资占应发工资的${ratioWords(s.pay.basicRatio)}，其余为绩效工资，${s.pay.pool !== "rows" ? "全表" : "在本乡镇内"}${payMethodWords(s)}分配：个人绩效工资＝绩效工资总额×本人${payWeightWords(s)}÷${s.pay.pool !== "rows" ? "全表" : "本乡镇"}各人${payWeightWords(s)}之和，精确到分，分剩的零头按余数从大到小各给1分。`,
        ...(s.pay.pool === "sheet" ? [`绩效工资总额：请填在表头上方第2行“${SHEET_POOL_LABEL.replace("：", "")}”右侧的单元格（单位元，精确到分）；表内公式和 kaohe 计算都读这一格。`] : []),
        `${payWeightWords(s)}全部为0的${s.pay.pool !== "rows" ? "" : "乡镇"}（如全部不称职），绩效工资均为0，总额不分配；kaohe 计算时在说明中注明“全部系数为 0，绩效工资池未分配”。`,
        `等次系数：${s.pay.coefficients.map((c) => `${c.grade}${c.coefficient}`).join("、")}。`,
      ];
}

export const cadreNotes: KindNotes = { blank: blankRules, scheme: schemeLines, };
