// Where the templates' formulas and the pipeline disagree today (issue 10), cell by cell: the tests assert exactly these, so a fix must remove its entry.
import type { SchemeKind } from "../../src/core/scheme";
import type { Shown } from "./harness";

export interface KnownDifference {
  kind: SchemeKind;
  /** The template's header of the formula column. */
  column: string;
  /** The sorts of value on each side, formula first: "number ≠ number", "#DIV/0! ≠ number", "blank ≠ number". */
  shape: string;
  /** The rule each side follows. */
  formulaRule: string;
  pipelineRule: string;
  /** The first differing row of the sample county (1-based Excel row), with both values and how many rows differ; absent when it agrees there. */
  sampleCounty?: { row: number; fromFormula: Shown; fromPipeline: Shown; rows: number; of: number };
  /** The first random table (by seed) and row where it shows; absent when none does. */
  random?: { seed: number; row: number; fromFormula: Shown; fromPipeline: Shown };
}

export const knownDifferences: KnownDifference[] = [
  {
    kind: "fiveGood",
    column: "“五带头”比例",
    shape: "blank ≠ number",
    formulaRule: "blank “五带头”党员数 (with 农村党员数 > 0): the ratio is left blank",
    pipelineRule: "blank “五带头”党员数 counts as 0: the ratio is 0",
    random: { seed: 1, row: 10, fromFormula: "", fromPipeline: 0 },
  },
];

/** Pipeline columns on the right of the table that no template formula gives (issue 10 item 3 moves them into the template or a report). */
export const pipelineOnlyColumns: Record<SchemeKind, string[]> = {
  secretary: ["说明"],
  cadre: ["说明"],
  member: ["说明"],
  appraisal: ["说明"],
  fiveGood: ["达标项数"],
  ledger: ["说明"],
};

/** Template formula columns of the data rows that the pipeline does not compute at all. */
export const formulaOnlyColumns: Record<SchemeKind, string[]> = {
  secretary: [],
  cadre: [],
  member: [],
  appraisal: [],
  fiveGood: [],
  ledger: [],
};

/**
 * Counterparts the pipeline writes under another header, so they land right of the table instead of
 * in the template's own column (template header → pipeline header).
 */
export const appendedCounterparts: Record<SchemeKind, Record<string, string>> = {
  secretary: {},
  cadre: {},
  member: {},
  appraisal: {},
  fiveGood: {},
  ledger: {},
};

/**
 * Template formula cells the pipeline never writes, though it computes the same numbers elsewhere:
 * the five-good band rows 全县实际 (3) and 是否达标 (4), whose values are in 汇总's 全县 row.
 */
export const notWrittenByPipeline = [
  {
    kind: "fiveGood" as SchemeKind,
    rows: [3, 4],
    columns: ["是否“五好”", "群众满意度", "“五带头”比例"],
    formulaRule: "COUNTIF/COUNTA, AVERAGE/100 and SUM/SUM over the data rows; KAOHE.TARGET against row 2 for 达标 / 未达标",
    pipelineRule: "the same figures in the 汇总 sheet's 全县 row (“五好”比例, 平均满意度, “五带头”比例, 目标完成情况); rows 3 and 4 of the table left empty",
    sampleCounty: { row: 3, column: "是否“五好”", fromFormula: 0.71354166667, fromPipeline: "" as Shown },
  },
];
