// Party members' stars (the star-striving action opinions): stars from the five aspects, capped by category, then the 30% star quota per branch.
import { sumOf } from "../../core/sums";
import { toRatio } from "../../core/exact";
import { roundedMean } from "../../core/composite";
import { reportTitle } from "../../core/title-text";
import { categoryKey, stars, starQuota, starTiebreak } from "../../core/stars";
import type { Scheme, StarCategoryDef } from "../../core/scheme";
import { aspectFieldId } from "../../workbook/fields";
import type { PlanCell, ReportSheet } from "../../workbook/plan";
import type { Problem } from "../../workbook/sheet";
import { type AssessInput, type Assessment, type KindRules, type Override, cell, groupIndices, groupOf, groupsOf, groupTitle, groupTownships, num, overrideProblems, str } from "../../workbook/assess/common";
import { rowList } from "../../workbook/assess/missing";
import { atRecord } from "../../workbook/assess/place";
import { maxOf, minOf } from "../../core/extremes";
import { append } from "../../core/append";
import { numberText } from "../../core/number-text";
import { applyNegativeRecords } from "../../workbook/negative-apply";
import { readNegativeRecords } from "../../workbook/negative-records";
import { hasRatings, isRated, proposed, ratingFieldId, reviewed, reviewOf, reviewProblems } from "./review-stage";
import { withPeriods } from "./periods";

/** Each member as the 负面清单记录 sheet names them: the name, within the township and branch. */
const people = (input: AssessInput) => input.records.map((r) => ({ name: str(r.values.name), units: [str(r.values.township), str(r.values.branch)] }));

function categoryIndex(scheme: Scheme): Map<string, StarCategoryDef> {
  const m = new Map<string, StarCategoryDef>();
  for (const c of scheme.stars.categories) for (const n of [c.name, ...c.aliases]) m.set(categoryKey(n), c);
  return m;
}

/**
 * Every aspect a member's category is rated on must be there: a column absent while members need it
 * is a problem naming the rows, and a blank score of such a member is a problem of that cell (a blank
 * would count as no stars, a silent wrong number). Aspects a category is not rated on may be blank.
 */
function aspectProblems(input: AssessInput, categories: Map<string, StarCategoryDef>): Problem[] {
  const { table, scheme } = input;
  const out: Problem[] = [];
  const absent = new Map<number, number[]>();
  for (const r of input.records) {
    const cat = categories.get(categoryKey(str(r.values.category)));
    // A member the 三评 rated takes the rater groups' stars: the aspects are not read.
    if (!cat || isRated(scheme, r)) continue;
    for (let k = 0; k < Math.min(cat.aspects, scheme.stars.aspects.length); k++) {
      const id = aspectFieldId(k);
      const col = table.columns.get(id);
      if (col === undefined) absent.set(k, [...(absent.get(k) ?? []), r.row]);
      else {
        const raw = table.rows[r.row - 1]?.[col];
        const blank = raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
        if (blank && !table.uncached.has(`${r.row - 1},${col}`))
          out.push({
            sheet: table.sheet,
            row: r.row,
            col: col + 1,
            header: table.headers.get(id),
            zh: `缺少“${scheme.stars.aspects[k]}”得分：${cat.name}按前 ${cat.aspects} 个方面评星，不能留空（0 分请填 0）`,
            en: `no ${scheme.stars.aspects[k]} score: a ${cat.name} is rated on the first ${cat.aspects} aspects, so it cannot be blank (enter 0 for none)`,
          });
      }
    }
  }
  for (const [k, rows] of absent) {
    const list = rowList(rows);
    const name = scheme.stars.aspects[k];
    out.push({
      sheet: table.sheet,
      row: 0,
      col: 0,
      header: name,
      zh: `表中没有“${name}”列，而${list.zh}的党员按这一方面评星（其类别评 ${k + 1} 个以上方面）。请核对表头（如“${name}得分”），或在考核方案的列对应中指明这一列`,
      en: `the table has no ${name} column, which the members of ${list.en} are rated on (their category is rated on more than ${k} aspects); check the headers, or map the column in the scheme`,
    });
  }
  return out;
}

function check(input: AssessInput): Problem[] {
  const out = overrideProblems(input, "override", "overrideReason");
  append(out, readNegativeRecords(input.workbook, { items: input.scheme.negativeList }).problems);
  append(out, aspectProblems(input, categoryIndex(input.scheme)));
  append(out, reviewProblems(input, (r) => categoryIndex(input.scheme).get(categoryKey(str(r.values.category)))));
  const categories = categoryIndex(input.scheme);
  const catCol = input.table.columns.get("category");
  const overCol = input.table.columns.get("override");
  for (const r of input.records) {
    const name = str(r.values.category);
    const cat = categories.get(categoryKey(name));
    if (name !== "" && !cat && catCol !== undefined)
      out.push({
        sheet: input.table.sheet,
        row: r.row,
        col: catCol + 1,
        header: input.table.headers.get("category"),
        zh: `党员类别“${name}”不在考核方案中（${input.scheme.stars.categories.map((c) => c.name).join("、")}）`,
        en: `member category "${name}" is not in the scheme (${input.scheme.stars.categories.map((c) => c.name).join(", ")})`,
      });
    const given = num(r.values.override);
    if (given !== null && cat && overCol !== undefined && (!Number.isInteger(given) || given > cat.cap))
      out.push({
        sheet: input.table.sheet,
        row: r.row,
        col: overCol + 1,
        header: input.table.headers.get("override"),
        zh: `调整后星数应为 0 至 ${cat.cap} 的整数（${numberText(given)}）；请改正，或清空以按计算结果`,
        en: `the changed stars must be a whole number from 0 to ${cat.cap} (${numberText(given, "en-US")}); correct it, or clear it to keep the computed stars`,
      });
  }
  return out;
}

/** The year-end table, or a period's computed on its own; then each period's stars beside the year's (星级进展). */
function assess(input: AssessInput): Assessment {
  return withPeriods(input, assessTable(input), (sub) => ({ problems: check(sub), assessment: () => assessTable(sub) }));
}

function assessTable(input: AssessInput): Assessment {
  const { scheme, records } = input;
  const st = scheme.stars;
  const categories = categoryIndex(scheme);
  const cats = records.map((r) => categories.get(categoryKey(str(r.values.category)))!);
  // 三评两公开: the rater groups' stars where a group rated the member, then the township's 初审.
  const rated = hasRatings(input);
  const three = records.map((r, i) => atRecord(input, r, scheme.raters.map((_, k) => ratingFieldId(k)), () => proposed(scheme, r, cats[i].cap)));
  const earned = records.map((r, i) => {
    if (three[i].stars !== null) return three[i].stars;
    const aspects = st.aspects.slice(0, cats[i].aspects).map((_, k) => num(r.values[aspectFieldId(k)]));
    return atRecord(input, r, st.aspects.map((_, k) => aspectFieldId(k)), () => stars(aspects, st.thresholds, cats[i].cap));
  });
  // The negative list acts before the quota: stars removed first, and a barred member takes no top-star place.
  const negative = applyNegativeRecords(input.workbook, { items: scheme.negativeList }, people(input), { period: input.negativePeriod, failLabel: scheme.grade.labels[scheme.grade.labels.length - 1] });
  const review = records.map((r, i) => reviewed(earned[i], r, cats[i].cap));
  const counted = review.map(({ stars: s }, i) => (s === null ? null : Math.max(0, s - negative.outcomes[i].starsRemoved)));
  const hasOverall = input.table.columns.has("tiebreak");
  const tiebreak = records.map((r, i) =>
    starTiebreak(
      num(r.values.tiebreak),
      st.aspects.slice(0, cats[i].aspects).map((_, k) => num(r.values[aspectFieldId(k)])),
      hasOverall,
    ),
  );
  const groups = groupsOf(records, st.groupBy);
  const { rows: quotaRows, groups: quotaGroups } = starQuota(
    records.map((_, i) => ({ stars: counted[i], cap: cats[i].cap, tiebreak: tiebreak[i], group: groups[i], barred: negative.outcomes[i].noTop })),
    { rules: st.quota.map((q) => ({ cap: q.cap, threshold: q.threshold, ratio: toRatio(q.ratio) })), rounding: st.rounding, tiePolicy: st.tiePolicy },
  );
  const overrides: Override[] = [];
  const final = quotaRows.map((q, i) => {
    const given = num(records[i].values.override);
    if (given === null) return q.stars;
    overrides.push({ row: records[i].row, name: str(records[i].values.name), column: "最终星数", computed: String(q.stars), given: String(given), reason: str(records[i].values.overrideReason) });
    return given;
  });
  const notes = quotaRows.map((q, i) => {
    const parts: string[] = [three[i].note, review[i].line].filter((x): x is string => x !== undefined);
    append(parts, negative.outcomes[i].reasons);
    if (q.barred) parts.push(`不得评为${st.quota.find((r) => r.cap === cats[i].cap)?.threshold ?? ""}星以上，由 ${counted[i]} 星调为 ${q.stars} 星`);
    if (q.dropped) parts.push(`超出比例，由 ${counted[i]} 星调为 ${q.stars} 星`);
    if (q.overQuota) parts.push("并列保留，超额");
    if (final[i] !== q.stars) parts.push(`人工调整：${str(records[i].values.overrideReason)}`);
    return parts.join("；");
  });
  const cells = records.map<PlanCell[]>((_, i) => [...(rated ? [cell(three[i].stars)] : []), cell(review[i].stars), cats[i].cap, cell(final[i]), notes[i]]);
  const dropped = quotaRows.filter((q) => q.dropped).length;
  const outcomes = records.map((r) => reviewOf(r)?.outcome);
  const count = (o: string) => outcomes.filter((x) => x === o).length;
  const byThree = three.filter((t) => t.stars !== null).length;
  const stages =
    rated || outcomes.some((o) => o !== undefined)
      ? { zh: [`三评评星 ${byThree} 人；初审通过 ${count("pass")} 人，调整 ${count("adjust")} 人，退回重评 ${count("return")} 人`], en: [`${byThree} rated by the rater groups; preliminary examination: ${count("pass")} passed, ${count("adjust")} adjusted, ${count("return")} sent back`] }
      : { zh: [], en: [] };
  const top = final.filter((s, i) => s !== null && st.quota.some((q) => q.cap === cats[i].cap && s >= q.threshold)).length;
  return {
    columns: [
      ...(rated ? [{ header: "三评星数", format: "integer" as const, width: 8 }] : []),
      { header: "星数", format: "integer", width: 6 },
      { header: "星级上限", format: "integer", width: 8 },
      { header: "最终星数", format: "integer", width: 8 },
      { header: "说明", width: 24 },
    ],
    cells,
    reports: [starSummary(input, final, cats), starQuotaReport(scheme, quotaGroups, groups, quotaRows, records.map((r) => str(r.values.township)))],
    overrides,
    summary: {
      zh: [`参评党员 ${records.length} 人，${new Set(groups).size} 个${groupTitle[st.groupBy]}`, `达到高星级门槛 ${top} 人，因比例调低 ${dropped} 人，人工调整 ${overrides.length} 人`, ...stages.zh],
      en: [`${records.length} members in ${new Set(groups).size} groups`, `${top} at the high-star thresholds, ${dropped} brought down by the quota, ${overrides.length} changed by hand`, ...stages.en],
    },
  };
}

const bands = [
  { label: "9–10星", min: 9, max: 10 },
  { label: "7–8星", min: 7, max: 8 },
  { label: "5–6星", min: 5, max: 6 },
  { label: "3–4星", min: 3, max: 4 },
  { label: "0–2星", min: 0, max: 2 },
];

/** 汇总: per township, then per branch: members, mean, highest and lowest stars, members by star band and by cap. */
function starSummary(input: AssessInput, final: (number | null)[], cats: StarCategoryDef[]): ReportSheet {
  const line = (name: string, idx: number[]): PlanCell[] => {
    const s = idx.map((i) => final[i]).filter((x): x is number => x !== null);
    return [
      name,
      idx.length,
      roundedMean(s, 2) ?? "",
      maxOf(s) ?? "",
      minOf(s) ?? "",
      ...bands.map((b) => s.filter((x) => x >= b.min && x <= b.max).length),
      idx.filter((i) => cats[i].cap >= 10).length,
      idx.filter((i) => cats[i].cap < 10).length,
    ];
  };
  const width = 5 + bands.length + 2;
  const townships = input.records.map((r) => groupOf(r, "township"));
  const rows = [...groupIndices(townships).entries()].map(([g, idx]) => line(g, idx));
  const townshipRows = rows.length;
  rows.push(line("合计", townships.map((_, i) => i)));
  const strong = [rows.length - 1];
  // The same figures for each branch, under their own heading row, for the branches' own notice boards.
  const branches = input.records.map((r) => groupOf(r, "branch"));
  rows.push(new Array<PlanCell>(width).fill(""));
  strong.push(rows.length);
  rows.push(["支部", "党员数", "平均星数", "最高星数", "最低星数", ...bands.map((b) => b.label), "10星上限人数", "6星上限人数"]);
  for (const [g, idx] of groupIndices(branches)) rows.push(line(g, idx));
  return {
    name: "汇总",
    title: reportTitle(input.scheme.title, "汇总"),
    columns: [
      { header: "乡镇", width: 16 },
      { header: "党员数", format: "integer", width: 8 },
      { header: "平均星数", format: "score", width: 9 },
      { header: "最高星数", format: "integer", width: 9 },
      { header: "最低星数", format: "integer", width: 9 },
      ...bands.map((b) => ({ header: b.label, format: "integer" as const, width: 8 })),
      { header: "10星上限人数", format: "integer", width: 11 },
      { header: "6星上限人数", format: "integer", width: 11 },
    ],
    rows,
    strongRows: strong,
    signatures: true,
    charts: townshipRows > 0 ? [{ kind: "column", title: "各乡镇星级分布", firstRow: 0, lastRow: townshipRows - 1, categoryCol: 0, seriesCols: bands.map((_, i) => 5 + i) }] : [],
  };
}

/** 配额核查: per branch and cap, the members, the threshold, how many may reach it, how many do, how many were brought down. */
function starQuotaReport(scheme: Scheme, quotaGroups: ReturnType<typeof starQuota>["groups"], groups: string[], rows: ReturnType<typeof starQuota>["rows"], townships: string[]): ReportSheet {
  const droppedBy = new Map<string, number>();
  const overBy = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.dropped) droppedBy.set(groups[i], (droppedBy.get(groups[i]) ?? 0) + 1);
    if (r.overQuota) overBy.set(groups[i], (overBy.get(groups[i]) ?? 0) + 1);
  });
  const rule = (cap: number) => scheme.stars.quota.find((q) => q.cap === cap)!;
  // Quotas counted per branch are read beside the branch's township.
  const townshipOf = scheme.stars.groupBy === "branch" ? groupTownships(groups, townships) : undefined;
  const out = quotaGroups.map<PlanCell[]>((g) => [
    ...(townshipOf ? [townshipOf.get(g.group) ?? ""] : []),
    g.group,
    g.cap,
    g.size,
    `${rule(g.cap).threshold}星以上`,
    String(rule(g.cap).ratio),
    g.quota,
    g.kept,
    Math.max(0, g.kept - g.quota),
  ]);
  const warn = quotaGroups.map((g, i) => (g.kept > g.quota ? i : -1)).filter((i) => i >= 0);
  return {
    name: "配额核查",
    title: "星级比例核查",
    subtitle: scheme.stars.quota.map((q) => `${q.threshold}星以上不超过${q.cap}星上限党员的${String(q.ratio)}`).join("；"),
    columns: [
      ...(townshipOf ? [{ header: "乡镇", width: 12 }] : []),
      { header: groupTitle[scheme.stars.groupBy], width: 16 },
      { header: "星级上限", format: "integer", width: 8 },
      { header: "党员数", format: "integer", width: 8 },
      { header: "门槛", width: 9 },
      { header: "比例", width: 7 },
      { header: "允许人数", format: "integer", width: 9 },
      { header: "实际人数", format: "integer", width: 9 },
      { header: "超额", format: "integer", width: 7 },
    ],
    rows: out,
    warnRows: warn,
    notes: [`因比例调低星数 ${sumOf(droppedBy.values())} 人；${warn.length ? `${warn.length} 个分组并列超额，请研究决定。` : "所有分组均未超过比例。"}`],
    signatures: true,
  };
}

export const memberRules: KindRules = { check, assess };
