// The 考核方案 sheet read back: its keys come from a file anyone may have edited, so a crafted key is refused with its row and never reaches a built-in object.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/core/scheme";
import { schemeFromSheet, schemeSheet, settingName } from "../../src/workbook/scheme-sheet";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

/** The default cadre scheme's sheet as the program lays it out (title, header, one setting a row), then `extra` rows. */
function sheetWith(extra: CellValue[][]): { sheet: SheetData; firstExtraRow: number } {
  const s = schemeSheet(defaultScheme("cadre", 2025));
  const rows: CellValue[][] = [[s.title], s.columns.map((c) => c.header), ...(s.rows as CellValue[][])];
  return { sheet: { name: "考核方案", rows: [...rows, ...extra] }, firstExtraRow: rows.length + 1 };
}

const row = (key: string, value: CellValue): CellValue[] => [key, "", value, ""];

describe("reading the 考核方案 sheet", () => {
  it("gives ordinary objects back, equal to the scheme written", () => {
    const scheme = defaultScheme("cadre", 2025);
    const { sheet } = sheetWith([]);
    const back = schemeFromSheet(sheet).scheme!;
    expect(back).toEqual(scheme);
    expect(Object.getPrototypeOf(back.grade)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(back.pay.coefficients[0])).toBe(Object.prototype);
  });

  it.each(["__proto__.polluted", "constructor.prototype.polluted", "__proto__.numFmt", "grade.__proto__.x", "items[0].constructor", "toString.polluted", "grade.hasOwnProperty"])(
    "refuses the key %s with its row and changes no prototype",
    (key) => {
      const { sheet, firstExtraRow } = sheetWith([row(key, "yes")]);
      const r = schemeFromSheet(sheet);
      expect(r.scheme).toBeUndefined();
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0].row).toBe(firstExtraRow);
      expect(r.problems[0].zh).toMatch(new RegExp(`^键“${key.replace(/[.[\]]/g, "\\$&")}”含有“(__proto__|constructor|prototype|toString|hasOwnProperty)”，不能用作设置名`));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).numFmt).toBeUndefined();
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect((Object.prototype.toString as unknown as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it("refuses a repeated key, naming both rows: the later row would otherwise win without a word", () => {
    const { sheet, firstExtraRow } = sheetWith([row("grade.topRatio", "50%")]);
    const first = sheet.rows.findIndex((r) => r[0] === "grade.topRatio") + 1;
    const r = schemeFromSheet(sheet);
    expect(r.problems.map((p) => [p.row, p.zh])).toEqual([[firstExtraRow, `键“grade.topRatio”与第${first}行重复，只能保留一行。请删除其中一行`]]);
  });

  it("refuses a key that runs through a single value instead of failing inside the reader", () => {
    const { sheet, firstExtraRow } = sheetWith([row("title.x", 1), row("grade.cutoffs", 5)]);
    const r = schemeFromSheet(sheet);
    expect(r.problems.map((p) => p.row)).toEqual([firstExtraRow, firstExtraRow + 1]);
    for (const p of r.problems) expect(p.zh).toMatch(/与前面的设置冲突/);
  });

  it("refuses an index past the sheet's rows and names a gap in a list", () => {
    const big = sheetWith([row("items[100000000].name", "x")]);
    const r = schemeFromSheet(big.sheet);
    expect(r.problems.map((p) => p.row)).toEqual([big.firstExtraRow]);
    expect(r.problems[0].zh).toMatch(/序号 100000000 超过了本表的行数/);

    // The default cadre scheme has no items: items[1] alone leaves items[0] missing.
    const gap = sheetWith([row("items[1].name", "党建"), row("items[1].max", 5)]);
    const g = schemeFromSheet(gap.sheet);
    expect(g.problems.map((p) => p.path)).toEqual(["items[0]"]);
    expect(settingName(g.problems[0].path)).toBe("指标 1");
  });

  it("refuses a key nested deeper than any setting", () => {
    const { sheet, firstExtraRow } = sheetWith([row("a.b.c.d.e.f.g.h.i", 1)]);
    const r = schemeFromSheet(sheet);
    expect(r.problems.map((p) => [p.row, p.zh])).toEqual([[firstExtraRow, "键“a.b.c.d.e.f.g.h.i”超过 8 层，不是考核方案的设置。请删除这一行"]]);
  });

  it("names a crafted key as written, not by what an object inherits", () => {
    expect(settingName("__proto__.x")).toBe("__proto__ x");
    expect(settingName("grade.constructor")).toBe("等次 constructor");
  });
});
