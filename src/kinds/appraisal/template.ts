// The appraisal kind's standard template: its data sheet, the result columns' formulas and its 填表说明.
import { APPRAISAL_SHEET, RATER_DETAIL_SHEET, raterDetailFields } from "./fields";
import { INVALID_BALLOT } from "../../core/votes";
import { ratioWords } from "../../core/wording";
import { type Scheme } from "../../core/scheme";
import { type FieldDef } from "../../workbook/fields";
import { type BandRow, type KindSheet, SheetBuilder, type TemplateFormula, arrayConst, colOf, rankFormula, rankLine, rankResult, ratioArg, scoreResult, subtitleRow, titleRow, type KindNotes } from "../../workbook/templates";

export function appraisalSheet(s: Scheme, fields: FieldDef[]): KindSheet {
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
  const note = `每位评议人对每名被测评人的评分填一行，姓名（或编号）与“${APPRAISAL_SHEET}”中一致。同一评议主体评分人数不少于${t.minCount}人时去掉${t.dropHigh}个最高分和${t.dropLow}个最低分后取平均，不足${t.minCount}人时直接取平均；结果替代“${APPRAISAL_SHEET}”中该主体的得分。`;
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

/** What a blank means in each column (三、空白与0的区别). */
function blankRules(s: Scheme): string[] {
      return [
        "某一评议主体没有评议的，该主体得分留空，综合得分按其余主体的权重折算；不要填0（0分表示评了0分）。",
        "票数留空按0票计；整行票数都空表示没有组织投票，得票等次为空。",
        "应参评人数：填写后会检查实际投票人数是否达到规定比例；不填则不检查。",
        `“${RATER_DETAIL_SHEET}”可以不填；填写的，每行填一位评议人对一名被测评人的评分（评议主体从下拉列表选择，没有评分的留空）。kaohe run 和加载项计算时按评议人的分数算出该主体得分（${s.trim.minCount}人及以上去掉${s.trim.dropHigh}个最高分、${s.trim.dropLow}个最低分后取平均），替代本表填写的主体得分，并在“说明”列注明；表内公式只读本表的主体得分。`,
      ];
}

/** The scheme's points (六、考核方案要点). */
function schemeLines(s: Scheme): string[] {
  const g = s.grade;
      return [
        `评议主体权重：${s.raters.map((r) => `${r.name}${r.weight}`).join("、")}（见第2行，可按本地方案修改）。`,
        `得票等次：${g.labels[0]}票≥${ratioWords(s.ballot.thresholds[0])}为${g.labels[0]}；${g.labels[0]}＋${g.labels[1]}票≥${ratioWords(s.ballot.thresholds[1])}为${g.labels[1]}；${g.labels[3]}票≥${ratioWords(s.ballot.thresholds[2])}为${g.labels[3]}；其余为${g.labels[2]}。`,
        `参评人数不少于应参评人数的${ratioWords(s.ballot.turnout)}，测评才有效；不足的，得票等次显示“${INVALID_BALLOT}”。`,
        rankLine(s),
      ];
}

export const appraisalNotes: KindNotes = { blank: blankRules, scheme: schemeLines, };
