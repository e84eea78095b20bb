// The secretary kind's standard template: its data sheet, the result columns' formulas and its 填表说明.
import { CLASS_NUMERALS, className } from "../../core/classes";
import { type Scheme } from "../../core/scheme";
import { type FieldDef } from "../../workbook/fields";
import { FOUR_PROMISES_SHEET, fourPromiseItem } from "./four-promises-sheet";
import { FOUR_PROMISES_TITLE, fourPromiseSheet } from "./four-promises-template";
import { FOUR_PROMISE_STARS_HEADER, fourPromiseStarFormula, fourPromiseStarResults } from "./four-promise-stars";
import { HALF_YEAR_SHEET } from "./half-year";
import { halfYearSheet } from "./half-year-template";
import { HALF_BLANK_WORD, itemsWithRegister, promisePoints, quantifiedFormula, type SheetRows } from "./period-formulas";
import { NEGATIVE_BAR_HEADER, negativeBarFormula, negativeBarMeaning, negativeCall, workflowSheets } from "../../workbook/workflow-sheets";
import { type BandRow, type KindSheet, SheetBuilder, type TemplateFormat, type TemplateFormula, b0Override, classMeaning, colOf, gradeMeaning, gradesFormula, groupWords, rankFormula, rankLine, rankResult, scoreResult, titleRow, weighted, withOverride, gradeLines, type KindNotes } from "../../workbook/templates";

export function secretarySheet(s: Scheme, fields: FieldDef[]): KindSheet {
  const parts = s.parts;
  const b = new SheetBuilder(
    fields,
    [
      scoreResult("扣分", "各扣分项的次数×每次扣分（第3行），每项不超过其扣分上限（第2行），再相加"),
      scoreResult("年度得分", `各项得分（每项不超过满分）之和＋加分（不超过${s.bonusCap}分）－扣分，最低0分，保留两位小数${fourPromiseItem(s.items) >= 0 ? `；“${s.items[fourPromiseItem(s.items)].name}”一项有“${FOUR_PROMISES_SHEET}”的按该表` : ""}`),
      scoreResult(
        "量化得分",
        s.periods.length >= 2
          ? `半年考核×${s.periods[0].weight}＋年度得分×${s.periods[1].weight}，保留两位小数；半年考核留空时等于年度得分。“${HALF_YEAR_SHEET}”表填了的，按该表逐项合并（见本说明中“${HALF_YEAR_SHEET}”表一条）`
          : "等于年度得分",
      ),
      scoreResult("综合得分", parts.length >= 2 ? `量化得分×${parts[0].weight}＋民主测评×${parts[1].weight}，保留两位小数；民主测评留空时等于量化得分` : "等于量化得分"),
      ...(s.negativeList.length ? [{ header: NEGATIVE_BAR_HEADER, format: "text" as const, meaning: negativeBarMeaning }] : []),
      rankResult(s),
      { header: "等次", format: "text", meaning: `${gradeMeaning(s)}${b0Override}` },
      { header: "分类", format: "text", meaning: classMeaning(s) },
      ...fourPromiseStarResults(s),
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
  // The half-year sheet and the 四诺 register are read where they are filled, as the pipeline reads them (period-formulas.ts).
  const extra = periodSheets(s, b);
  const rowsOf = (name: string): SheetRows | null => {
    const e = extra.find((x) => x.name === name);
    return e ? { sheet: e.name, builder: e.sheet.builder, first: e.sheet.headerRow + 1, last: e.sheet.headerRow + e.sheet.blankRows } : null;
  };
  const scores = itemsWithRegister(s, b, rowsOf(FOUR_PROMISES_SHEET), fourPromiseItem(s.items));
  // Rounded as the pipeline writes it; the combination below reads the unrounded total, as the pipeline does (a register's thirds make it matter).
  const annualTotal = `KAOHE.SCORE(${scores},${firstItem}$3:${lastItem}$3,${bonus}{r},${bonus}$3,${deduct}{r})`;
  row("年度得分", `ROUND(${annualTotal},2)`);
  // Half-year and annual scores are not adjacent, so the weights are written out; a blank half-year test leaves the annual score alone.
  const [p1, p2] = s.periods;
  // 量化得分 unrounded: the column rounds it, and 综合得分 weighs it unrounded, as the pipeline does.
  const typedHalf = p1 && p2 ? `IF(${half}{r}="",${annualTotal},${weighted([{ weight: p1.weight, ref: `${half}{r}` }, { weight: p2.weight, ref: annualTotal }])})` : annualTotal;
  const halfRows = rowsOf(HALF_YEAR_SHEET);
  const unroundedQuantified = halfRows ? quantifiedFormula(s, b, halfRows, scores, deduct, typedHalf) : typedHalf;
  row("量化得分", p1 && p2 ? `ROUND(${unroundedQuantified},2)` : `${annual}{r}`);
  const [q1, q2] = parts;
  const composite = q1 && q2 ? `IF(${ballot}{r}="",${quantified}{r},ROUND(${weighted([{ weight: q1.weight, ref: `(${unroundedQuantified})` }, { weight: q2.weight, ref: `${ballot}{r}` }])},2))` : `${quantified}{r}`;
  // The negative list's points come off 综合得分 (not below 0) before rank, grade and class, as the pipeline applies them.
  const points = negativeCall(s, `$${name}{r}`, "扣分");
  row("综合得分", points ? `ROUND(MAX(0,${composite}-${points}),2)` : composite);
  const bar = negativeBarFormula(s, `$${name}{r}`);
  if (bar) row(NEGATIVE_BAR_HEADER, bar);
  formulas.push(rankFormula(s, b, total));
  formulas.push({ col: b.r("等次").col, header: "等次", text: withOverride(b, gradesFormula(s, b, total, "veto", bar ? b.r(NEGATIVE_BAR_HEADER).letter : undefined)), fill: "spill" });
  const register = rowsOf(FOUR_PROMISES_SHEET);
  const starBody = fourPromiseStarFormula(s, (i) => (i === fourPromiseItem(s.items) ? promisePoints(b, register, i) : `${b.f(items[i])}{r}`));
  if (starBody) row(FOUR_PROMISE_STARS_HEADER, starBody);
  const classGroups = s.grade.groupBy === "township" ? `,${b.down(b.f("township"))}` : "";
  formulas.push({
    col: b.r("分类").col,
    header: "分类",
    fill: "spill",
    // Class k is named by the k-th numeral (一类, 二类 …), as the pipeline names it.
    text: `=IF(${b.down(total)}="","",MID("${CLASS_NUMERALS}",KAOHE.CLASSES(${b.down(total)},{${s.classes.join(",")}}${classGroups}),1)&"类")`,
  });
  return { band: [titleRow("", width), capRow, maxRow], headerRow: 4, blankRows: 200, freezeColumns: colOf(b, "name"), formulas, builder: b, subject: "一名村党组织书记", extra: [...extra, ...workflowSheets(s)] };
}

/** The sheets whose results the pipeline computes into this table: the town's half-year test and the 四诺 register, as the scheme has them. */
function periodSheets(s: Scheme, data: SheetBuilder): NonNullable<KindSheet["extra"]> {
  const half = halfYearSheet(s, data);
  return [...(half ? [half] : []), ...(fourPromiseItem(s.items) >= 0 ? [{ name: FOUR_PROMISES_SHEET, title: FOUR_PROMISES_TITLE, sheet: fourPromiseSheet(s, data) }] : [])];
}

/** The lines on those sheets: where each result comes from once the sheet is filled, the same in the data sheet's formulas, kaohe run and the add-in. */
function periodSheetLines(s: Scheme): string[] {
  const k = fourPromiseItem(s.items);
  const [half, annual] = s.periods;
  return [
    ...(s.periods.length >= 2
      ? [
          `“${HALF_YEAR_SHEET}”表：乡镇半年考核按相同指标逐项填写（每名书记一行，每项都填分数，0分填0）。本表填了以后，数据表的量化得分公式、kaohe run 和加载项都按本表逐项计算：${half.name}的“加减后合计”与年度各项得分之和＋加分－扣分按${half.name}×${half.weight}＋${annual.name}×${annual.weight}合并，合并后才按最低0分计；“${HALF_YEAR_SHEET}”列不再读取（计算后写入本表算出的${half.name}，原来填的不一致时在“说明”中注明）。按编号找人，没有编号或找不到时按姓名在同一乡镇、村内找（编号不分大小写、全角半角和空格）；本表没有的书记按年度考核计算${s.missing.periods === "problem" ? "（考核方案把缺少考核期列为问题：公式显示 #VALUE!，计算时列为问题）" : ""}；本表有两行可能是同一人的，公式显示 #N/A，计算时列为问题；有空项的行显示“${HALF_BLANK_WORD}”，该书记的量化得分显示 #VALUE!。本表一行都没有填的，仍按“${HALF_YEAR_SHEET}”列计算。`,
        ]
      : []),
    ...(k >= 0
      ? [
          `“${FOUR_PROMISES_SHEET}”表：每条承诺填一行，乡镇、村、姓名每行都填或合并单元格，填写各季度践诺、半年评诺和年终兑现；“本条得分”按季度践诺、半年评诺、年终兑现各占三分之一计算（满分${s.items[k].max}分），一名书记各条的平均分即其“${s.items[k].name}”得分。数据表的年度得分公式、kaohe run 和加载项都按本表计算这一项，与数据表所填不一致的按本表（计算后写入，并在“说明”中注明）；本表没有的书记仍按“${s.items[k].name}”列计算；有两人可能是同一书记的，公式显示 #N/A，计算时列为问题；某条缺半年评诺或年终兑现的，本条得分显示要补填的内容，该书记的年度得分显示 #VALUE!。`,
        ]
      : []),
  ];
}

/** What a blank means in each column (三、空白与0的区别). */
function blankRules(s: Scheme): string[] {
      return [
        "各项指标：得0分请填0；留空的指标按0分计入年度得分，请尽量填写完整。",
        "扣分项填发生次数，没有发生的留空或填0；每次扣分和扣分上限见表头上方第2、3行。",
        `加分：没有加分的留空；超过${s.bonusCap}分的按${s.bonusCap}分计。`,
        `半年考核：留空表示没有半年考核成绩，量化得分按年度得分计；缺考的也请留空。${s.periods.length >= 2 ? `“${HALF_YEAR_SHEET}”表填了的，本列不再读取，按该表计算（见下）。` : ""}`,
        "民主测评：留空表示没有测评（如票数不足、未组织），综合得分只按量化得分计（权重自动折算），不按0分计。",
        "一票否决：有否决事项的填“是”，没有的留空或填“否”。",
        "调整后等次：经研究调整等次的，从下拉列表选择调整后的等次并填写调整原因；等次列即显示调整后等次。",
        ...periodSheetLines(s),
      ];
}

/** The scheme's points (六、考核方案要点). */
function schemeLines(s: Scheme): string[] {
  const g = s.grade;
  const { grade, quota } = gradeLines(s);
      return [
        `量化考核${s.items.length}项，满分合计${s.items.reduce((t, i) => t + i.max, 0)}分；各项满分见第3行。`,
        `扣分项：${s.deductions.map((d) => `${d.name}每次扣${d.points}分${d.cap === null ? "" : `，最多扣${d.cap}分`}`).join("；")}。`,
        grade,
        quota,
        g.veto === "fail" ? `一票否决：定为${g.labels[g.labels.length - 1]}。` : `一票否决：不得评为${g.labels[0]}。`,
        rankLine(s),
        `分类：按综合得分在${groupWords(g.groupBy)}内分为${s.classes.map((_, k) => className(k + 1)).join("、")}，比例${s.classes.join(":")}；同分的同类。`,
      ];
}

export const secretaryNotes: KindNotes = { blank: blankRules, scheme: schemeLines, };
