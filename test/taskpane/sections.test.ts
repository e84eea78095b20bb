// The scheme form shows every setting somewhere, starting with the basics, and the column mapping when there is one.
import { describe, expect, it } from "vitest";
import { defaultScheme, schemeKinds } from "../../src/kinds/registry";
import { allSections, sectionPaths, sectionsByKind, sectionsFor } from "../../src/taskpane/components/SchemeEditor";

/** The version is not a setting. */
const notInForm = ["version"];

describe("the scheme form's sections", () => {
  it("start with the basics for every kind and show only known sections", () => {
    for (const kind of schemeKinds) {
      expect(sectionsByKind[kind][0], kind).toBe("basic");
      for (const id of sectionsByKind[kind]) expect(allSections, `${kind} ${id}`).toContain(id);
    }
  });

  it("together cover every setting of the scheme but those kept out of the form", () => {
    const shown = new Set(allSections.flatMap((id) => sectionPaths[id]));
    for (const key of Object.keys(defaultScheme("secretary"))) if (!notInForm.includes(key)) expect(shown.has(key), key).toBe(true);
  });

  it("show how satisfaction is measured to both kinds whose targets it judges, the ledger and the five-good kind", () => {
    for (const kind of ["ledger", "fiveGood"] as const) expect(sectionsByKind[kind].flatMap((id) => sectionPaths[id]), kind).toContain("ledger.satisfaction");
  });

  it("add the column mapping when the scheme has one, to the kind's sections or to all", () => {
    const s = defaultScheme("cadre");
    expect(sectionsFor(s, false)).toEqual(sectionsByKind.cadre);
    expect(sectionsFor({ ...s, columns: { name: "干部姓名" } }, false)).toEqual([...sectionsByKind.cadre, "columns"]);
    expect(sectionsFor({ ...s, columns: { name: "干部姓名" } }, true)).toEqual(allSections);
    expect(sectionsFor(s, true)).not.toContain("columns");
  });
});
