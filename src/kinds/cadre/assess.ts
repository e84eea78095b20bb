// Township cadres: task and year-end scores, grades with the 20% quota, and pay split into basic and performance parts to the fen.
import { sumOf } from "../../core/sums";
import { toRatio } from "../../core/exact";
import { reportTitle } from "../../core/title-text";
import { weightedMean } from "../../core/composite";
import { coefficientTable, fenToYuan, paySplit, yuanText, yuanToFen } from "../../core/money";
import { payCoefficient, payWeight, sharePool } from "../../core/pay-share";
import type { Scheme } from "../../core/scheme";
import type { PlanCell, ReportSheet } from "../../workbook/plan";
import type { Problem } from "../../workbook/sheet";
import { type AssessInput, type Assessment, type KindRules, type Warning, cell, groupIndices, groupOf, num, roundScore, str } from "../../workbook/assess/common";
import { rankColumn } from "../../workbook/rank-column";
import { atRecord } from "../../workbook/assess/place";
import { gradeOverrideProblems, gradeScores, gradedReports, gradedSummary } from "../../workbook/assess/graded";
import { missingParts, withNote, type PartSpec } from "../../workbook/assess/missing";
import { singlePool, unusedSheetPool } from "./pool";
import { applyNegativeRecords, peopleOf } from "../../workbook/negative-apply";
import { readNegativeRecords } from "../../workbook/negative-records";
import type { NegativeOutcome } from "../../core/negative-list";

/**
 * A county's own headers for the template's result columns: the result is written there (under the
 * template's header) when the table has no column by the template's name. 绩效系数 and 绩效工资实发
 * are the columns earlier versions appended, so a table computed before is filled in place.
 */
const resultAliases = {
  综合得分: ["综合考核得分", "考核总分", "综合得分（分）"],
  等次: ["考核等次", "年度考核等次", "考核结果"],
  系数: ["绩效系数", "考核系数"],
  基本工资: ["基本工资（元）"],
  绩效工资: ["应发绩效工资（元）", "应发绩效工资", "绩效工资（元）", "实发绩效工资", "绩效工资实发"],
};

/** 说明 of every row of a township whose pool cannot be shared, and its pay-report subtotal. */
const UNSHARED = "全部系数为 0，绩效工资池未分配";

/**
 * The negative list's lines for 说明. Its yuan are not taken from this table's 绩效工资, which shares
 * the pool exactly; the line says so, so the pay office deducts them when paying.
 */
function negativeNote(o: NegativeOutcome): string {
  const lines = [...o.reasons];
  if (o.yuanDeducted > 0) lines.push(`应扣绩效工资 ${yuanText(o.yuanDeducted)} 元未从本表“绩效工资”中扣除，发放时扣减`);
  return lines.join("；");
}

/** The task and year-end scores as the composite's parts, with the scheme's names and weights. */
function parts(input: AssessInput): PartSpec[] {
  const [daily, yearEnd] = input.scheme.parts.length === 2 ? input.scheme.parts : [{ name: "任务得分", weight: 1 }, { name: "年终考评", weight: 0 }];
  return [
    { field: "taskScore", name: daily.name, weight: daily.weight },
    { field: "yearEnd", name: yearEnd.name, weight: yearEnd.weight },
  ];
}

function check(input: AssessInput): Problem[] {
  return [...gradeOverrideProblems(input), ...missingParts(input, parts(input), input.scheme.missing.parts, "parts").problems, ...singlePool(input).problems, ...readNegativeRecords(input.workbook, { items: input.scheme.negativeList }).problems];
}

function assess(input: AssessInput): Assessment {
  const { scheme, records } = input;
  const [daily, yearEnd] = parts(input);
  const missing = missingParts(input, [daily, yearEnd], scheme.missing.parts, "parts");
  const scores = records.map((r) =>
    atRecord(input, r, ["taskScore", "yearEnd"], () => roundScore(weightedMean([
      { score: num(r.values.taskScore), weight: daily.weight },
      { score: num(r.values.yearEnd), weight: yearEnd.weight },
    ]))),
  );
  const names = records.map((r) => str(r.values.name));
  // The negative list acts on the score and on the grade, before the quota: its points come off 综合得分 (not below 0).
  const negative = applyNegativeRecords(input.workbook, { items: scheme.negativeList }, peopleOf(input.fields, records), { failLabel: scheme.grade.labels[scheme.grade.labels.length - 1] });
  negative.outcomes.forEach((o, i) => {
    if (o.deduction > 0 && scores[i] !== null) scores[i] = roundScore(Math.max(0, scores[i]! - o.deduction));
  });
  // gradeScores ranks where the scheme says (rank.scope), whatever the groups of the grade quota.
  const graded = gradeScores(input, scores, names, negative.outcomes);
  const table = coefficientTable(scheme.pay.coefficients.map((c) => ({ label: c.grade, aliases: [], coefficient: c.coefficient })));
  const coefficient = graded.final.map((g, i) => payCoefficient(g, num(records[i].values.postCoefficient), table));

  // Each township's performance parts form its pool; one total for the table (from the sheet or the scheme) is shared among everyone at once instead.
  // How it is shared is the scheme's pay.method, as the template's 绩效工资 formula does (weights of pool × wᵢ / Σw).
  const basicRatio = toRatio(scheme.pay.basicRatio);
  const split = records.map((r) => atRecord(input, r, ["pay"], () => paySplit(yuanToFen(num(r.values.pay) ?? 0), basicRatio)));
  const paid = new Array<number>(records.length).fill(0);
  const unsharedNote = new Array<string>(records.length).fill("");
  const pools: { group: string; pool: number; paid: number; note: string }[] = [];
  const single = singlePool(input);
  const warnings: Warning[] = [...missing.warnings, ...(single.warning ? [single.warning] : [])];
  const rowsPool = sumOf(split.map((x) => x.performanceFen));
  const unused = unusedSheetPool(input, rowsPool);
  if (unused) warnings.push(unused);
  // The pool is each township's, whatever groups the grade quota counts in (grade.groupBy), as the template's SUMIF by 乡镇 takes it.
  const townships = records.map((r) => groupOf(r, "township"));
  const poolGroups = single.fen === undefined ? groupIndices(townships) : new Map([["全表", records.map((_, i) => i)]]);
  for (const [group, idx] of poolGroups) {
    const pool = single.fen ?? sumOf(idx.map((i) => split[i].performanceFen));
    const weights = idx.map((i) => payWeight(scheme.pay.method, { performanceFen: split[i].performanceFen, coefficient: coefficient[i], score: scores[i] }));
    const { shares, unshared } = sharePool(pool, weights);
    // Nobody in the group has a weight above 0: the pool is not paid out, and each row and the report say so.
    const note = unshared ? UNSHARED : "";
    idx.forEach((i, k) => {
      paid[i] = shares[k];
      unsharedNote[i] = note;
    });
    pools.push({ group, pool, paid: sumOf(shares), note });
  }
  // The report's subtotals are by township; a single pool is shown as each township's part of it.
  const reportPools =
    single.fen === undefined
      ? pools
      : [...groupIndices(townships)].map(([group, idx]) => {
          const part = sumOf(idx.map((i) => paid[i]));
          return { group, pool: part, paid: part, note: pools[0].note };
        });

  // The template's own result columns, in its order; 中国式排名 and 百分比排位 are in the 排名 report, 绩效工资基数 in 绩效工资发放表.
  const cells = records.map<PlanCell[]>((_, i) => [
    cell(scores[i]),
    cell(graded.ranks.rank[i]),
    cell(graded.final[i]),
    coefficient[i],
    fenToYuan(split[i].basicFen),
    fenToYuan(paid[i]),
    withNote(withNote(missing.notes[i], withNote(negativeNote(negative.outcomes[i]), graded.notes[i])), unsharedNote[i]),
  ]);
  return {
    columns: [
      { header: "综合得分", format: "score", width: 9, aliases: resultAliases.综合得分 },
      rankColumn(scheme.rank.scope),
      { header: "等次", width: 9, aliases: resultAliases.等次 },
      { header: "系数", format: "score", width: 9, aliases: resultAliases.系数 },
      { header: "基本工资", format: "money", width: 11, aliases: resultAliases.基本工资 },
      { header: "绩效工资", format: "money", width: 12, aliases: resultAliases.绩效工资 },
      { header: "说明", width: 24 },
    ],
    cells,
    warnings,
    reports: [...gradedReports(scheme, graded, scores, names, "综合得分"), payReport(input, townships, graded.final, coefficient, split, paid, reportPools)],
    overrides: graded.overrides,
    summary: (() => {
      const s = gradedSummary(scheme, graded, records.length);
      const total = sumOf(pools.map((p) => p.pool));
      const out = sumOf(pools.map((p) => p.paid));
      s.zh.push(`绩效工资池 ${yuanText(total)} 元，实发 ${yuanText(out)} 元${total === out ? "，相符" : "，不符"}`);
      s.en.push(`performance pool ${yuanText(total)} yuan, paid ${yuanText(out)} yuan${total === out ? ", equal" : ", NOT equal"}`);
      return s;
    })(),
  };
}

const methodWords: Record<Scheme["pay"]["method"], string> = { coefficient: "等次系数×岗位系数", baseCoefficient: "绩效工资基数×等次系数×岗位系数", score: "得分" };

/** 绩效工资发放表: per person, a subtotal per township, the county total, and the check Σ paid = pool. */
function payReport(
  input: AssessInput,
  groups: string[],
  grades: (string | null)[],
  coefficient: number[],
  split: { basicFen: number; performanceFen: number }[],
  paid: number[],
  pools: { group: string; pool: number; paid: number; note: string }[],
): ReportSheet {
  const rows: PlanCell[][] = [];
  const strong: number[] = [];
  const warn: number[] = [];
  const y = fenToYuan;
  const byGroup = groupIndices(groups);
  let all = { pay: 0, basic: 0, perf: 0, paid: 0 };
  for (const pool of pools) {
    const idx = byGroup.get(pool.group)!;
    const sum = { pay: 0, basic: 0, perf: 0, paid: 0 };
    for (const i of idx) {
      const v = input.records[i].values;
      const payFen = split[i].basicFen + split[i].performanceFen;
      rows.push([pool.group, str(v.name), str(v.post), cell(grades[i]), coefficient[i], y(payFen), y(split[i].basicFen), y(split[i].performanceFen), y(paid[i]), y(split[i].basicFen + paid[i]), ""]);
      sum.pay += payFen;
      sum.basic += split[i].basicFen;
      sum.perf += split[i].performanceFen;
      sum.paid += paid[i];
    }
    strong.push(rows.length);
    if (sum.paid !== pool.pool) warn.push(rows.length);
    rows.push([`${pool.group} 小计`, `${idx.length} 人`, "", "", "", y(sum.pay), y(sum.basic), y(sum.perf), y(sum.paid), y(sum.basic + sum.paid), sum.paid === pool.pool ? "绩效池=实发 ✓" : pool.note || "绩效池≠实发"]);
    all = { pay: all.pay + sum.pay, basic: all.basic + sum.basic, perf: all.perf + sum.perf, paid: all.paid + sum.paid };
  }
  strong.push(rows.length);
  const poolTotal = sumOf(pools.map((p) => p.pool));
  const balanced = all.paid === poolTotal;
  rows.push(["合计", `${input.records.length} 人`, "", "", "", y(all.pay), y(all.basic), y(all.perf), y(all.paid), y(all.basic + all.paid), balanced ? "绩效池=实发 ✓" : "绩效池≠实发"]);
  return {
    name: "绩效工资发放表",
    title: reportTitle(input.scheme.title, "绩效工资发放表"),
    subtitle: `基本工资占 ${String(input.scheme.pay.basicRatio)}，绩效工资按${methodWords[input.scheme.pay.method]}${input.scheme.pay.pool === "rows" ? "在乡镇内二次分配" : "分配全表的绩效工资总额"}；金额精确到分`,
    columns: [
      { header: "乡镇", width: 12 },
      { header: "姓名", width: 9 },
      { header: "职务", width: 10 },
      { header: "等次", width: 8 },
      { header: "绩效系数", format: "score", width: 8 },
      { header: "应发工资", format: "money", width: 11 },
      { header: "基本工资", format: "money", width: 11 },
      { header: "绩效工资基数", format: "money", width: 12 },
      { header: "绩效工资实发", format: "money", width: 12 },
      { header: "实发合计", format: "money", width: 11 },
      { header: "核对", width: 14 },
    ],
    rows,
    strongRows: strong,
    warnRows: warn,
    notes: [
      balanced
        ? `核对：绩效工资池合计 ${yuanText(poolTotal)} 元，实发合计 ${yuanText(all.paid)} 元，相符。`
        : `核对：绩效工资池合计 ${yuanText(poolTotal)} 元，实发合计 ${yuanText(all.paid)} 元，不符，请查看标红的乡镇。`,
    ],
    signatures: true,
    landscape: true,
  };
}

export const cadreRules: KindRules = { check, assess };
