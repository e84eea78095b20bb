// The standard templates filled with the whole sample county, their KAOHE formulas evaluated by HyperFormula, beside the cells the pipeline writes.
import { beforeAll, describe, expect, it } from "vitest";
import { type SchemeKind } from "../../src/core/scheme";
import { defaultScheme, schemeKinds } from "../../src/kinds/registry";
import { sampleCounty } from "../../src/kinds/sample-county";
import { agreeingColumns, differences, evaluate, type Evaluation } from "./harness";
import { expectAgreementWithValues, expectedAgreeing, expectLayout, known, ordered } from "./compare";

describe("the templates' formulas over the sample county equal the pipeline's cells, but for the known differences", () => {
  const runs = {} as Record<SchemeKind, Evaluation>;
  beforeAll(() => {
    const county = sampleCounty();
    for (const kind of schemeKinds) runs[kind] = evaluate(county.files[kind].spec, defaultScheme(kind, county.year), county.files[kind]);
  });

  it.each(schemeKinds)("%s: each formula column agrees on every row (numbers within 0.005, money to the fen, text exactly)", (kind) => {
    const e = runs[kind];
    expect(agreeingColumns(e)).toEqual(expectedAgreeing(kind, "sampleCounty"));
    expectAgreementWithValues(e, agreeingColumns(e));
  });

  it.each(schemeKinds)("%s: the columns that differ are exactly the known ones, with the sample cell's two values", (kind) => {
    const found = ordered(differences(runs[kind]).map((d) => ({ column: d.column, shape: d.shape, ...d.sample, rows: d.rows, of: d.of })));
    expect(found).toEqual(known(kind, "sampleCounty"));
  });

  it.each(schemeKinds)("%s: the formulas show nothing in the template's empty rows", (kind) => {
    expect(runs[kind].emptyRows.filter((c) => c.value !== "")).toEqual([]);
  });

  it.each(schemeKinds)("%s: columns only one side has, and counterparts written beside the table", (kind) => {
    expectLayout(runs[kind]);
  });
});
