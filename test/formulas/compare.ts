// The assertions both formula-engine tests make: every compared column agrees, or differs exactly as known-differences.ts says.
import { expect } from "vitest";
import type { SchemeKind } from "../../src/core/scheme";
import { agreeingColumns, counterparts, differences, type Evaluation } from "./harness";
import { appendedCounterparts, formulaOnlyColumns, knownDifferences, pipelineOnlyColumns } from "./known-differences";

/** Counterparts a template has only under a scheme that asks for them: 四诺星级 where the scheme sets 四诺 star thresholds. */
const schemeDependent: Partial<Record<SchemeKind, readonly string[]>> = { secretary: ["四诺星级"] };

/** The counterparts this template must have: every one, but those its scheme does not ask for. */
export function compared(e: Evaluation): string[] {
  const headers = new Set(e.sheet.formulas.map((f) => f.header));
  return Object.keys(counterparts[e.kind]).filter((c) => headers.has(c) || !schemeDependent[e.kind]?.includes(c));
}

/** The columns a kind's formulas and the pipeline both give, less those known to differ in the sample county or the random tables. */
export function expectedAgreeing(e: Evaluation, where: "sampleCounty" | "random"): string[] {
  const differing = new Set(known(e.kind, where).map((d) => d.column));
  return compared(e).filter((c) => !differing.has(c));
}

/** Differences in one order, by column then shape, whatever order they were found in. */
export const ordered = <T extends { column: string; shape: string }>(xs: T[]): T[] => [...xs].sort((a, b) => `${a.column}|${a.shape}`.localeCompare(`${b.column}|${b.shape}`));

/** The known differences of a kind as the sample county or the random tables show them. */
export function known(kind: SchemeKind, where: "sampleCounty" | "random") {
  return ordered(knownDifferences.filter((k) => k.kind === kind && k[where] !== undefined).map((k) => ({ column: k.column, shape: k.shape, ...k[where] })));
}

/** Each agreeing column compared on at least one row with a value, so agreement is never two blanks only. */
export function expectAgreementWithValues(e: Evaluation, columns: readonly string[]): void {
  for (const column of columns) {
    const filled = e.pairs.filter((p) => p.column === column && p.fromFormula !== "");
    expect(filled.length, `${e.kind} ${column}: no row with a value`).toBeGreaterThan(0);
  }
}

/** What the kind writes besides the compared columns, and where the plan puts the compared ones. */
export function expectLayout(e: Evaluation): void {
  const kind = e.kind;
  expect(e.pipelineOnly, `${kind}: pipeline columns without a template formula`).toEqual(pipelineOnlyColumns[kind]);
  expect([...new Set(e.formulaOnly.map((f) => f.column))], `${kind}: formula columns without a pipeline counterpart`).toEqual(formulaOnlyColumns[kind]);
  const lastTemplateCol = e.sheet.columns.length;
  const appended = Object.fromEntries(e.placement.filter((p) => p.planCol !== p.templateCol).map((p) => [p.column, p.pipelineColumn]));
  expect(appended, `${kind}: counterparts written beside the template's own column`).toEqual(appendedCounterparts[kind]);
  for (const p of e.placement.filter((x) => x.planCol !== x.templateCol)) expect(p.planCol, `${kind} ${p.pipelineColumn}`).toBeGreaterThan(lastTemplateCol);
  expect(agreeingColumns(e).length + new Set(differences(e).map((d) => d.column)).size).toBe(compared(e).length);
}
