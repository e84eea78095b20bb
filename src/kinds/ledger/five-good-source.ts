// The ledger's five-good verdicts taken from the five-good assessment where the workbook or a linked one holds it, so the rate is counted once.
import { countFiveGood, type OrgFiveGood } from "../../core/five-good-link";
import { placeWords } from "../../core/link";
import { parseFlagText } from "../../core/text";
import type { AssessInput, Warning } from "../../workbook/assess/common";
import { num, str } from "../../workbook/assess/common";
import { numberText } from "../../core/number-text";
import { quoted } from "../../core/title-text";
import { resultCells } from "../../workbook/links";
import type { PlanCell } from "../../workbook/plan";

/** The five-good table's result column read. */
const VERDICT = "是否“五好”";

/** An organisation's figures the county targets count: its rural members, its five-lead members and its satisfaction score. */
export interface OrgFigures {
  members: number | null;
  fiveLead: number | null;
  satisfaction: number | null;
}

/** An organisation of the ledger's list with what it typed. */
export interface ListOrg extends OrgFiveGood, OrgFigures {}

export interface FiveGoodSource {
  /** Per organisation of the list, in its order: the verdict counted. */
  verdicts: (boolean | null)[];
  /** Per organisation of the list: the five-good table's figures for it, or null where it is not there. */
  figures: (OrgFigures | null)[];
  /** One row per organisation where the list disagrees with the assessment or is not matched: 行, 组织, 情况. */
  rows: PlanCell[][];
  warning: Warning;
  /** Where the five-lead and satisfaction figures came from, and how many typed ones differed. */
  figuresWarning: Warning;
}

/**
 * The verdicts of the five-good assessment for the organisations of the list, matched by name within
 * the township; undefined when there is no five-good table anywhere (the list's typed verdicts count).
 * A five-good table that cannot be computed leaves the typed verdicts, and says so.
 */
export function fiveGoodSource(input: AssessInput, list: readonly ListOrg[]): FiveGoodSource | { warning: Warning } | undefined {
  const src = input.source?.("fiveGood");
  if (!src) return undefined;
  const where = placeWords(src.place);
  if (!("records" in src))
    return {
      warning: {
        zh: `${where.zh}（“五好”评定）有 ${src.problems.length} 个问题，未能计算；“五好”比例按“组织名单”所填计算。请先用 kaohe check 检查该表`,
        en: `${where.en} (the five-good assessment) has ${src.problems.length} problem(s) and was not computed; the five-good rate uses the 组织名单 sheet. Check that table with kaohe check`,
      },
    };
  const verdictOf = resultCells(src, VERDICT);
  const assessed: OrgFiveGood[] = src.records.map((r) => {
    const v = verdictOf.get(r.row);
    return { row: r.row, organisation: str(r.values.organisation), township: str(r.values.township) || null, fiveGood: typeof v === "string" ? (parseFlagText(v) ?? null) : null };
  });
  const counted = countFiveGood(list, src.place, assessed);
  // The figures are the five-good table's inputs, typed there once; a list that types them too is set against them.
  const byRow = new Map(src.records.map((r) => [r.row, r.values]));
  const figures = counted.matched.map<OrgFigures | null>((row) => {
    const v = row === null ? undefined : byRow.get(row);
    return v ? { members: num(v.members), fiveLead: num(v.fiveLead), satisfaction: num(v.satisfaction) } : null;
  });
  const apart: PlanCell[][] = [];
  list.forEach((o, i) => {
    const f = figures[i];
    if (!f) return;
    for (const [key, header] of [["satisfaction", "群众满意度"], ["fiveLead", "“五带头”党员数"]] as const) {
      const typed = o[key];
      const there = f[key];
      if (typed === null || there === null || typed === there) continue;
      apart.push([o.row, o.organisation, `第${o.row}行 ${o.organisation}：本表${quoted(header)}填 ${numberText(typed)}，${where.zh}第${counted.matched[i]}行为 ${numberText(there)}；已按后者计算，请改正本表或删去本列`]);
    }
  });
  const rows: PlanCell[][] = [
    ...counted.disagreements.map<PlanCell[]>((d) => [d.row, d.organisation, d.zh]),
    ...apart,
    ...counted.problems.map<PlanCell[]>((p) => [p.targetRow || "", list.find((o) => o.row === p.targetRow)?.organisation ?? "", p.zh]),
  ];
  const disagree = counted.disagreements.length;
  return {
    verdicts: counted.verdicts,
    figures,
    rows,
    warning: {
      zh: `“五好”比例按${where.zh}的评定结果计算（${counted.fiveGood}/${counted.rated}）${disagree ? `；“组织名单”中有 ${disagree} 个组织所填与评定不同，逐个列在“组织生活落实情况”表` : ""}`,
      en: `the five-good rate uses the ratings of ${where.en} (${counted.fiveGood}/${counted.rated})${disagree ? `; ${disagree} organisations of the 组织名单 sheet disagree with them, listed one by one on the 组织生活落实情况 sheet` : ""}`,
    },
    figuresWarning: {
      zh: `“五带头”比例和各组织群众满意度按${where.zh}的农村党员数、“五带头”党员数和群众满意度计算${apart.length ? `；“组织名单”所填与该表不同 ${apart.length} 处，已按该表，逐个列在“组织生活落实情况”表` : ""}`,
      en: `the five-lead rate and the organisations' satisfaction use the members, five-lead members and satisfaction of ${where.en}${apart.length ? `; ${apart.length} figures of the 组织名单 sheet differ from it and were taken from it, listed one by one on the 组织生活落实情况 sheet` : ""}`,
    },
  };
}
