import { describe, expect, it } from "vitest";
import { schemeSources, schemeToJson } from "../../src/core/scheme";
import { defaultScheme, schemeFromJson, schemeKinds, validateScheme } from "../../src/kinds/registry";

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

describe("a scheme from an untrusted file", () => {
  const cadre = () => JSON.parse(schemeToJson(defaultScheme("cadre", 2025))) as Record<string, unknown>;
  const paths = (raw: unknown) => validateScheme(raw).problems.map((p) => p.path);

  it("refuses __proto__ kept as an own key by JSON.parse, at the top and inside a section, and changes no prototype", () => {
    const { scheme, problems } = schemeFromJson('{"kind":"cadre","title":"t","__proto__":{"polluted":"yes"},"grade":{"__proto__":{"numFmt":"@"}}}');
    expect(scheme).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual(["__proto__", "grade.__proto__"]);
    expect(problems[0].zh).toBe("“__proto__”不能用作设置名（它会改动程序内部的对象）。请删除这一项");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).numFmt).toBeUndefined();
  });

  it("refuses constructor, prototype and every other inherited name, in lists of settings too", () => {
    const raw = cadre();
    raw.columns = { constructor: "x", name: "姓名" };
    raw.items = [{ name: "a", max: 1, prototype: 1 }];
    raw.grade = { toString: "x" };
    expect(paths(raw).sort()).toEqual(["columns.constructor", "grade.toString", "items[0].prototype"]);
  });

  it("accepts nesting up to 8 levels and refuses the 9th with one problem, however deep it goes", () => {
    const nest = (n: number): unknown => (n === 0 ? 1 : { a: nest(n - 1) });
    // columns is level 1, so 7 more objects inside it reach level 8.
    expect(paths({ ...cadre(), columns: { x: "y" }, extra: nest(8) })).toEqual([]);
    expect(paths({ ...cadre(), extra: nest(9) })).toEqual(["extra.a.a.a.a.a.a.a.a"]);
    const deep = JSON.parse('{"kind":"cadre","title":"t","grade":' + '{"a":'.repeat(5000) + "1" + "}".repeat(5000) + "}");
    const r = validateScheme(deep);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].zh).toMatch(/^嵌套超过 8 层/);
    expect(validateScheme(JSON.parse('{"kind":"cadre","items":' + "[".repeat(5000) + "]".repeat(5000) + "}")).problems).toHaveLength(1);
  });
});

describe("settings checked against each other", () => {
  const cadre = () => defaultScheme("cadre", 2025);

  it("refuses a cadre's grade that the pay coefficient table lacks, naming the grade and both settings", () => {
    const s = cadre();
    s.grade.labels = ["优秀", "称职", "基本称职", "较差"];
    const { problems } = validateScheme(s);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe("pay.coefficients");
    expect(problems[0].zh).toBe("工资系数表（工资 系数）中没有等次“较差”的系数。请在工资系数表中加上“较差”，或把等次名称（等次 等次名称）改为表中已有的等次");
  });

  it("matches grades and coefficients as KAOHE.COEFFICIENT does: width, spaces and case aside", () => {
    const s = cadre();
    s.pay.coefficients = [
      { grade: "优 秀", coefficient: 1.2 },
      { grade: "称职", coefficient: 1 },
      { grade: "基本称职", coefficient: 0.8 },
      { grade: "不称职", coefficient: 0 },
    ];
    expect(validateScheme(s).problems).toEqual([]);
  });

  it("does not ask other kinds, which are not paid by grade, for coefficients", () => {
    // The member kind's labels (合格…) are not in the default pay table.
    expect(validateScheme(defaultScheme("member", 2025)).problems).toEqual([]);
  });

  it("refuses a repeated grade label and a repeated coefficient grade, also when written in full width", () => {
    const s = cadre();
    s.grade.labels = ["优秀", "称职", "称职", "不称职"];
    s.pay.coefficients = [...s.pay.coefficients, { grade: "ｘ", coefficient: 1 }, { grade: "x", coefficient: 2 }];
    const { problems } = validateScheme(s);
    expect(problems.map((p) => p.path)).toEqual(["grade.labels[2]", "pay.coefficients[5].grade"]);
    expect(problems[0].zh).toBe("等次名称“称职”与第 2 个重复。请改为不同的名称");
  });

  it("refuses a negative cut-off, and says once that the cut-offs are out of order", () => {
    const s = cadre();
    s.grade.cutoffs = [90, 80, -5];
    expect(validateScheme(s).problems.map((p) => [p.path, p.zh])).toEqual([["grade.cutoffs[2]", "不能小于 0（-5）"]]);
    s.grade.cutoffs = [60, 80, 90];
    expect(validateScheme(s).problems.map((p) => p.zh)).toEqual(["分数线应从高到低排列，且不能相同（现为 60、80、90）"]);
    s.grade.cutoffs = [90, 90, 60];
    expect(validateScheme(s).problems.map((p) => p.path)).toEqual(["grade.cutoffs"]);
  });
});
