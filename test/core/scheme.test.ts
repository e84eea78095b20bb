import { describe, expect, it } from "vitest";
import { defaultScheme, schemeFromJson, schemeKinds, schemeSources, schemeToJson, validateScheme } from "../../src/core/scheme";

describe("the assessment scheme", () => {
  it("has a valid default for every kind, which survives a JSON round trip", () => {
    for (const kind of schemeKinds) {
      const s = defaultScheme(kind, 2025);
      expect(validateScheme(s).problems).toEqual([]);
      expect(schemeFromJson(schemeToJson(s)).scheme).toEqual(s);
      expect(s.title).toContain("2025");
    }
  });

  it("gives the village secretary 20 items worth 100 points", () => {
    const s = defaultScheme("secretary");
    expect(s.items).toHaveLength(20);
    expect(s.items.reduce((a, i) => a + i.max, 0)).toBe(100);
  });

  it("names a source for each default that comes from the rules", () => {
    for (const key of ["items", "grade.topRatio", "stars.quota", "pay.basicRatio", "raters", "targets"]) {
      expect(schemeSources[key]?.zh, key).toMatch(/[\u4e00-\u9fff]/);
      expect(schemeSources[key]?.en, key).toBeTruthy();
    }
  });

  it("lists every problem, not just the first", () => {
    const s = defaultScheme("member");
    const bad = {
      ...s,
      grade: { ...s.grade, cutoffs: [80, 90], topRatio: "150%", rounding: "sideways" },
      stars: { ...s.stars, quota: [{ cap: 10, threshold: 0, ratio: "abc" }] },
      items: [{ name: "", max: -1 }],
    };
    const { scheme, problems } = validateScheme(bad);
    expect(scheme).toBeUndefined();
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(["grade.cutoffs", "grade.topRatio", "grade.rounding", "stars.quota[0].threshold", "stars.quota[0].ratio", "items[0].name", "items[0].max"]),
    );
    for (const p of problems) expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("fills missing sections from the kind's defaults and refuses an unknown kind or bad JSON", () => {
    const partial = validateScheme({ kind: "cadre", title: "2025年乡镇干部考核", grade: { topRatio: 0.15 } });
    expect(partial.problems).toEqual([]);
    expect(partial.scheme?.grade.cutoffs).toEqual([90, 80, 60]);
    expect(partial.scheme?.grade.topRatio).toBe(0.15);
    expect(validateScheme({ kind: "nonsense" }).problems[0].path).toBe("kind");
    expect(schemeFromJson("{ not json").problems[0].zh).toContain("JSON");
  });
});
