// rank.scope as a setting: its default, its check, its words in the 考核方案 sheet; and the ten-class limit that the class names need.
import { describe, expect, it } from "vitest";
import { schemeSources } from "../../src/core/scheme";
import { defaultScheme, schemeKinds, validateScheme } from "../../src/kinds/registry";
import { schemeFromSheet, schemeSheet } from "../../src/workbook/scheme-sheet";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

function sheetOf(rank: string): SheetData {
  const s = schemeSheet(defaultScheme("secretary", 2025));
  return { name: "考核方案", rows: [[s.title], s.columns.map((c) => c.header), ...s.rows.map((r) => [r[0], r[1], r[0] === "rank.scope" ? rank : r[2], r[3]] as CellValue[])] };
}

describe("rank.scope", () => {
  it("is within the township by default for every kind, with its source", () => {
    for (const kind of schemeKinds) expect(defaultScheme(kind, 2025).rank).toEqual({ scope: "township" });
    expect(schemeSources["rank.scope"].zh).toContain("乡镇内");
  });

  it("fills in for a scheme saved before it existed, and refuses a value that is neither", () => {
    const old = JSON.parse(JSON.stringify(defaultScheme("appraisal", 2025)));
    delete old.rank;
    expect(validateScheme(old).scheme!.rank.scope).toBe("township");
    const bad = validateScheme({ ...defaultScheme("secretary", 2025), rank: { scope: "province" } });
    expect(bad.scheme).toBeUndefined();
    expect(bad.problems.map((p) => p.path)).toEqual(["rank.scope"]);
  });

  it("reads as 排名 范围 乡镇内 in the sheet, and 全县 back as county", () => {
    const row = schemeSheet(defaultScheme("secretary", 2025)).rows.find((r) => r[0] === "rank.scope")!;
    expect([row[1], row[2]]).toEqual(["排名 范围", "乡镇内"]);
    expect(schemeFromSheet(sheetOf("全县")).scheme!.rank.scope).toBe("county");
    expect(schemeFromSheet(sheetOf("乡镇内")).scheme!.rank.scope).toBe("township");
  });
});

describe("classes", () => {
  it("are at most ten, as they are named 一类 … 十类", () => {
    const ten = validateScheme({ ...defaultScheme("secretary", 2025), classes: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
    expect(ten.problems).toEqual([]);
    const eleven = validateScheme({ ...defaultScheme("secretary", 2025), classes: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
    expect(eleven.problems).toEqual([{ path: "classes", zh: "最多分 10 类，现有 11 个比例", en: "at most 10 classes; there are 11 ratios" }]);
  });
});
