// The ledger's five-good verdicts taken from the five-good assessment where the workbook or a linked one holds it, so the rate is counted once.
import { countFiveGood, type OrgFiveGood } from "../../core/five-good-link";
import { parseFlagText } from "../../core/text";
import type { AssessInput, Warning } from "../../workbook/assess/common";
import { str } from "../../workbook/assess/common";
import { resultCells } from "../../workbook/links";
import type { PlanCell } from "../../workbook/plan";

/** The five-good table's result column read. */
const VERDICT = "是否“五好”";

export interface FiveGoodSource {
  /** Per organisation of the list, in its order: the verdict counted. */
  verdicts: (boolean | null)[];
  /** One row per organisation where the list disagrees with the assessment or is not matched: 行, 组织, 情况. */
  rows: PlanCell[][];
  warning: Warning;
}

/**
 * The verdicts of the five-good assessment for the organisations of the list, matched by name within
 * the township; undefined when there is no five-good table anywhere (the list's typed verdicts count).
 * A five-good table that cannot be computed leaves the typed verdicts, and says so.
 */
export function fiveGoodSource(input: AssessInput, list: readonly OrgFiveGood[]): FiveGoodSource | { warning: Warning } | undefined {
  const src = input.source?.("fiveGood");
  if (!src) return undefined;
  const where = { zh: `${src.place.file ? `“${src.place.file}”的` : ""}“${src.place.sheet}”表`, en: `${src.place.file ? `${src.place.file}, ` : ""}sheet ${src.place.sheet}` };
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
  const rows: PlanCell[][] = [
    ...counted.disagreements.map<PlanCell[]>((d) => [d.row, d.organisation, d.zh]),
    ...counted.problems.map<PlanCell[]>((p) => [p.targetRow || "", list.find((o) => o.row === p.targetRow)?.organisation ?? "", p.zh]),
  ];
  const disagree = counted.disagreements.length;
  return {
    verdicts: counted.verdicts,
    rows,
    warning: {
      zh: `“五好”比例按${where.zh}的评定结果计算（${counted.fiveGood}/${counted.rated}）${disagree ? `；“组织名单”中有 ${disagree} 个组织所填与评定不同，逐个列在“组织生活落实情况”表` : ""}`,
      en: `the five-good rate uses the ratings of ${where.en} (${counted.fiveGood}/${counted.rated})${disagree ? `; ${disagree} organisations of the 组织名单 sheet disagree with them, listed one by one on the 组织生活落实情况 sheet` : ""}`,
    },
  };
}
