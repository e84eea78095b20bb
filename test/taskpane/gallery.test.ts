// The template gallery lists every standard template by its Chinese title and the sheets it inserts.
import { describe, expect, it } from "vitest";
import { schemeKinds } from "../../src/kinds/registry";
import { templateEntries } from "../../src/taskpane/model/gallery";
import { standardSheetNames } from "../../src/kinds/registry";
import { NOTES_SHEET_NAME } from "../../src/workbook/templates";

describe("the template gallery", () => {
  it("lists the five templates by their Chinese titles and the sheets each inserts", () => {
    const entries = templateEntries();
    expect(entries.map((e) => e.kind)).toEqual([...schemeKinds]);
    for (const e of entries) {
      expect(e.title).toMatch(/[\u4e00-\u9fff]/);
      expect(e.title).not.toMatch(/年度.*年度/);
      expect(e.sheets).toEqual([standardSheetNames[e.kind], NOTES_SHEET_NAME]);
      expect(e.columns).toBeGreaterThan(5);
    }
  });
});
