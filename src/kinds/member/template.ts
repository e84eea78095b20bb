// The member kind's standard template: its data sheet, the result columns' formulas and its 填表说明.
import { ratioWords, roundingWords } from "../../core/wording";
import { baseScheme, type Scheme } from "../../core/scheme";
import { type FieldDef } from "../../workbook/fields";
import { reviewOutcomeNames } from "../../core/review";
import { ratingFieldId } from "./review-stage";
import { negativeCall, workflowSheets } from "../../workbook/workflow-sheets";
import { type KindSheet, SheetBuilder, type TemplateFormula, arrayConst, colOf, groupWords, ratioArg, subtitleRow, titleRow, type KindNotes } from "../../workbook/templates";

/** The data sheet's columns that show the negative list's effect on a member's stars; 最终星数 reads them. */
const STARS_REMOVED_HEADER = "负面清单摘星";
const BARRED_HEADER = "负面清单不得评优";

export function memberSheet(s: Scheme, fields: FieldDef[]): KindSheet {
  const st = s.stars;
  const b = new SheetBuilder(
    fields,
    [
      {
        header: "三评星数",
        format: "integer",
        meaning: `三评两公开：${s.raters.map((r) => `${r.name}${r.weight}`).join("、")}加权平均各主体评定的星数，未评的主体不计、按其余主体权重折算，四舍五入到整星，不超过星级上限；各主体都未评的为空`,
      },
      {
        header: "星数",
        format: "integer",
        meaning: `三评星数不为空的取三评星数，否则各方面得分≥${st.thresholds[0]}得${st.thresholds.length}星、≥${st.thresholds[st.thresholds.length - 1]}得1星，逐项相加，不超过星级上限；初审结果为“调整”的取初审调整星数，为“退回”的为空（退回重评，不占比例）`,
      },
      { header: "星级上限", format: "integer", meaning: `按党员类别：${st.categories.map((c) => `${c.name}${c.cap}星`).join("、")}` },
      ...(s.negativeList.length
        ? [
            { header: STARS_REMOVED_HEADER, format: "integer" as const, meaning: "按“负面清单记录”表和其上方的负面清单摘去的星数，按比例核定前从星数中减去（不低于0星）" },
            { header: BARRED_HEADER, format: "text" as const, meaning: "按负面清单不得评优的显示“是”：不得达到本类门槛星数，不占名额，名额顺延给下一人" },
          ]
        : []),
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
  // 三评两公开, in the pipeline's order: the rater groups' stars where any group rated, then the 初审 (调整: its stars; 退回: blank, no quota place).
  const ratings = s.raters.map((_, k) => ratingFieldId(k)).filter((id) => b.has(id));
  const threeCol = b.r("三评星数").letter;
  const rated = ratings.length === s.raters.length ? `${b.f(ratings[0])}{r}:${b.f(ratings[ratings.length - 1])}{r}` : undefined;
  const three = rated && `IF(COUNT(${rated})=0,"",MIN(${cap}{r},ROUND(KAOHE.COMPOSITE(${rated},${arrayConst(s.raters.map((r) => r.weight))}),0)))`;
  const said = (o: string) => arrayConst(Object.keys(reviewOutcomeNames).filter((k) => reviewOutcomeNames[k] === o));
  const reviewedStars = (computed: string) => {
    const base = three ? `IF(${threeCol}{r}<>"",${threeCol}{r},${computed})` : computed;
    if (!b.has("review") || !b.has("reviewStars")) return base;
    const review = `TRIM(${b.f("review")}{r})`;
    return `IF(ISNUMBER(MATCH(${review},${said("adjust")},0)),${b.f("reviewStars")}{r},IF(ISNUMBER(MATCH(${review},${said("return")},0)),"",${base}))`;
  };
  const defaults = baseScheme(s.kind, "").stars;
  const sameCaps = JSON.stringify(defaults.categories) === JSON.stringify(st.categories);
  const capTable = sameCaps ? "" : `,{${st.categories.flatMap((c) => [c.name, ...c.aliases].map((n) => `"${n}",${c.cap}`)).join(";")}}`;
  const groups = st.groupBy === "branch" ? b.down(b.f("branch")) : st.groupBy === "township" ? b.down(b.f("township")) : "";
  const rules = `{${st.quota.map((q) => `${q.cap},${q.threshold},${ratioArg(q.ratio)}`).join(";")}}`;
  // The negative list acts before the quota, as the pipeline applies it: stars removed (not below 0), and a barred member takes no top place.
  const removed = negativeCall(s, `$${name}{r}`, "摘星");
  const barred = negativeCall(s, `$${name}{r}`, "不得评优");
  const negativeArgs = removed && barred ? `,${b.down(b.r(BARRED_HEADER).letter)},${b.down(b.r(STARS_REMOVED_HEADER).letter)}` : "";
  const quota = `KAOHE.STARQUOTA(${b.down(starsCol)},${b.down(cap)},${b.down(b.f("tiebreak"))},${groups},${rules},"${st.tiePolicy === "all" ? "strict" : st.tiePolicy}","${st.rounding}",0${negativeArgs})`;
  const formulas: TemplateFormula[] = [
    ...(three ? [{ col: b.r("三评星数").col, header: "三评星数", fill: "row" as const, text: guard(three) }] : []),
    { col: b.r("星数").col, header: "星数", fill: "row", text: guard(reviewedStars(starsFormula)) },
    { col: b.r("星级上限").col, header: "星级上限", fill: "row", text: guard(`KAOHE.STARCAP(TRIM(${cat}{r})${capTable})`) },
    ...(removed && barred
      ? [
          { col: b.r(STARS_REMOVED_HEADER).col, header: STARS_REMOVED_HEADER, fill: "row" as const, text: guard(removed) },
          { col: b.r(BARRED_HEADER).col, header: BARRED_HEADER, fill: "row" as const, text: guard(`IF(${barred},"是","")`) },
        ]
      : []),
    {
      col: b.r("最终星数").col,
      header: "最终星数",
      fill: "spill",
      // A star count changed by hand (调整后星数) replaces the quota's, as in the pipeline; the quota itself is counted on the computed stars.
      text: b.has("override") ? `=IF(${b.down(b.f("override"))}<>"",${b.down(b.f("override"))},${quota})` : `=${quota}`,
    },
  ];
  const rule = `星级规则：${st.aspects.join("、")}五个方面各按百分制评分；${st.categories.map((c) => `${c.name}评前${c.aspects}个方面、上限${c.cap}星`).join("，")}。`;
  return { band: [titleRow("", width), subtitleRow(2, rule, b.columns)], headerRow: 3, blankRows: 1000, freezeColumns: colOf(b, "name"), formulas, builder: b, subject: "一名党员", extra: workflowSheets(s) };
}

/** What a blank means in each column (三、空白与0的区别). */
function blankRules(s: Scheme): string[] {
      return [
        `${s.stars.categories.filter((c) => c.aspects < s.stars.aspects.length).map((c) => c.name).join("、")}只评前${Math.min(...s.stars.categories.map((c) => c.aspects))}个方面（${s.stars.aspects.slice(0, 3).join("、")}），后面几项留空。`,
        "党员类别所评的方面不能留空，得0分请填0；留空的，该党员的星数显示 #N/A，最终星数一列也显示错误值，填上得分后恢复；用 kaohe run 或加载项计算时列为问题。",
        "填了调整后星数的，最终星数按调整后星数；比例仍按计算出的星数核定。",
        "综合得分用于同星数党员超出比例时的先后，可以不填；不填的排在有分数的后面。",
        `三评两公开：${s.raters.map((r) => `${r.name}星数`).join("、")}填各评议主体评定的星数（整星，不超过星级上限），留空表示该主体未评，三评星数按其余主体的权重折算；各主体都留空的，星数按各方面得分计算。`,
        "初审结果填“通过”“调整”或“退回”：调整的须填初审调整星数和初审理由，星数按调整后的计；退回的须填初审理由，星数留空，不占比例，重评后再填；不填初审结果的按三评星数。",
      ];
}

/** The scheme's points (六、考核方案要点). */
function schemeLines(s: Scheme): string[] {
      return [
        `每个方面得分≥${s.stars.thresholds[0]}分得${s.stars.thresholds.length}星，≥${s.stars.thresholds[s.stars.thresholds.length - 1]}分得1星。`,
        `星级上限：${s.stars.categories.map((c) => `${c.name}（又称${c.aliases.join("、")}）${c.cap}星`).join("；")}。`,
        `比例控制（${groupWords(s.stars.groupBy)}内计算）：${s.stars.quota.map((q) => `上限${q.cap}星的党员中，${q.threshold}星以上的不超过${ratioWords(q.ratio)}`).join("；")}；${roundingWords[s.stars.rounding].zh}。`,
      ];
}

export const memberNotes: KindNotes = { blank: blankRules, scheme: schemeLines, };
