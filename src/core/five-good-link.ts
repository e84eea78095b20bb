// The five-good result counted once: the ledger's organisations take the five-good assessment's result where it has one, and a typed value that disagrees is named organisation by organisation.
import { linkRows, type LinkProblem, type LinkSourcePlace } from "./link";

/** An organisation of a list, with its five-good verdict (null: not rated there). */
export interface OrgFiveGood {
  readonly row: number;
  readonly organisation: string;
  readonly township?: string | null;
  readonly fiveGood: boolean | null;
}

/** A typed verdict of the ledger's list against the five-good assessment's result for the same organisation. */
export interface FiveGoodDisagreement {
  readonly row: number;
  readonly organisation: string;
  readonly typed: boolean;
  readonly assessed: boolean;
  /** The five-good assessment's row. */
  readonly assessedRow: number;
  readonly zh: string;
  readonly en: string;
}

export interface FiveGoodCount {
  /** Per organisation of the list, in its order: the verdict counted (the assessment's where it has one, else the typed one). */
  readonly verdicts: (boolean | null)[];
  /** Organisations with a verdict, and of them the five-good ones: the rate's fraction. */
  readonly rated: number;
  readonly fiveGood: number;
  readonly disagreements: FiveGoodDisagreement[];
  /** Organisations of the list not among the assessment's, and the other way round. */
  readonly problems: LinkProblem[];
  /** Per organisation of the list: the assessment's row it was matched to, or null. */
  readonly matched: (number | null)[];
}

const yesNo = (b: boolean) => (b ? "是" : "否");

/**
 * The five-good rate from one source: each organisation of the ledger's list is matched to the
 * five-good assessment's rows by name within its township (linkRows), and the assessment's verdict is
 * the one counted. A verdict typed in the list as well is kept only to be compared: where the two
 * disagree the list's row is named with both, so the county corrects the list, never counts twice.
 */
export function countFiveGood(list: readonly OrgFiveGood[], assessment: LinkSourcePlace, assessed: readonly OrgFiveGood[]): FiveGoodCount {
  const person = (o: OrgFiveGood) => ({ row: o.row, name: o.organisation, unit: o.township ?? null });
  const linked = linkRows(
    list.map(person),
    assessment,
    assessed.map((o) => ({ ...person(o), values: o })),
  );
  const disagreements: FiveGoodDisagreement[] = [];
  const verdicts = list.map((o, i) => {
    const a = linked.rows[i].values;
    if (a === null || a.fiveGood === null) return o.fiveGood;
    if (o.fiveGood !== null && o.fiveGood !== a.fiveGood) {
      const file = assessment.file ? `“${assessment.file}”的` : "";
      disagreements.push({
        row: o.row,
        organisation: o.organisation,
        typed: o.fiveGood,
        assessed: a.fiveGood,
        assessedRow: a.row,
        zh: `第${o.row}行 ${o.organisation}：本表填“${yesNo(o.fiveGood)}”，${file}“${assessment.sheet}”表第${a.row}行评定为“${yesNo(a.fiveGood)}”；已按评定结果计算，请改正本表或删去本列`,
        en: `row ${o.row}, ${o.organisation}: typed ${o.fiveGood ? "yes" : "no"} here, rated ${a.fiveGood ? "yes" : "no"} in ${assessment.file ? `${assessment.file}, ` : ""}sheet ${assessment.sheet}, row ${a.row}; the rating was counted. Correct this sheet or drop its column`,
      });
    }
    return a.fiveGood;
  });
  const rated = verdicts.filter((v) => v !== null).length;
  const fiveGood = verdicts.filter((v) => v === true).length;
  return { verdicts, rated, fiveGood, disagreements, problems: linked.problems, matched: linked.rows.map((r) => r.values?.row ?? null) };
}
