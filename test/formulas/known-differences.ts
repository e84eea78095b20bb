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
];

/** Pipeline columns on the right of the table that no template formula gives (issue 10 item 3 moves them into the template or a report). */
export const pipelineOnlyColumns: Record<SchemeKind, string[]> = {
  secretary: ["说明"],
  cadre: ["说明"],
  member: ["说明"],
  appraisal: ["说明"],
  fiveGood: [],
  ledger: ["说明"],
};

/** Template formula columns of the data rows that the pipeline does not compute at all. */
export const formulaOnlyColumns: Record<SchemeKind, string[]> = {
  // Each person's bar from the negative list, which 等次 (or 最终星数) reads; the pipeline says it in 说明.
  secretary: ["负面清单"],
  cadre: ["负面清单"],
  member: ["负面清单摘星", "负面清单不得评优"],
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
