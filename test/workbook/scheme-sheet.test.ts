// The 考核方案 sheet read back: its keys come from a file anyone may have edited, so a crafted key is refused with its row and never reaches a built-in object.
import { describe, expect, it } from "vitest";
import { type Scheme } from "../../src/core/scheme";
import { defaultScheme, schemeKinds } from "../../src/kinds/registry";
import { schemeFromSheet, schemeSheet } from "../../src/workbook/scheme-sheet";
import { settingName } from "../../src/workbook/setting-names";
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

/** The sheet of a scheme as read back: title, header, then its rows, as a workbook would hold them. */
function sheetOf(scheme: Scheme, edit: (key: string, value: CellValue) => CellValue = (_, v) => v): SheetData {
  const s = schemeSheet(scheme);
  return { name: "考核方案", rows: [[s.title], s.columns.map((c) => c.header), ...s.rows.map((r) => [r[0], r[1], edit(String(r[0]), r[2] as CellValue), r[3]] as CellValue[])] };
}

const valueOf = (scheme: Scheme, key: string) => schemeSheet(scheme).rows.find((r) => r[0] === key)?.[2];
const nameOf = (scheme: Scheme, key: string) => schemeSheet(scheme).rows.find((r) => r[0] === key)?.[1];

describe("the 考核方案 sheet in Chinese", () => {
  it.each(schemeKinds)("shows no English in the 项目 and 设置值 columns of the %s scheme", (kind) => {
    // Every name and value of the standard schemes is Chinese, a number, a ratio, or [] / {} for an empty list.
    for (const [key, name, value] of schemeSheet(defaultScheme(kind, 2025)).rows) {
      expect(String(name), String(key)).not.toMatch(/[A-Za-z]/);
      expect(String(value), String(key)).not.toMatch(/[A-Za-z]/);
    }
  });

  it.each(schemeKinds)("reads the %s scheme back exactly, and writes the same sheet again", (kind) => {
    const scheme = defaultScheme(kind, 2025);
    const back = schemeFromSheet(sheetOf(scheme));
    expect(back.problems).toEqual([]);
    expect(back.scheme).toEqual(scheme);
    expect(schemeSheet(back.scheme!).rows).toEqual(schemeSheet(scheme).rows);
  });

  it("names every setting and choice in the words of the rules", () => {
    const cadre = defaultScheme("cadre", 2025);
    expect(valueOf(cadre, "kind")).toBe("乡镇干部绩效考核与绩效工资");
    expect(valueOf(cadre, "grade.rounding")).toBe("去尾法");
    expect(valueOf(cadre, "grade.tiePolicy")).toBe("严格不超额");
    expect(valueOf(cadre, "grade.veto")).toBe("不得评为优秀");
    expect(valueOf(cadre, "grade.groupBy")).toBe("按乡镇");
    expect(valueOf(cadre, "stars.groupBy")).toBe("按支部");
    expect(valueOf(cadre, "pay.method")).toBe("按等次系数×岗位系数");
    expect(valueOf(cadre, "pay.pool")).toBe("按各人应发工资合计");
    expect(valueOf(cadre, "missing.parts")).toBe("列为问题");
    expect(valueOf(defaultScheme("secretary", 2025), "missing.parts")).toBe("按其余各项权重折算");
    expect(valueOf(cadre, "ledger.duties[0].period")).toBe("每月");
    expect(valueOf(cadre, "ledger.duties[4].period")).toBe("每周");
    expect(nameOf(cadre, "ledger.duties[0].events[1]")).toBe("组织生活 应开展事项 1 计入的活动类型 2");
    expect(nameOf(cadre, "ledger.duties[2].orgType")).toBe("组织生活 应开展事项 3 适用组织");
    expect(nameOf(cadre, "ledger.trainingPerMember")).toBe("组织生活 每名党员每年培训经费（元）");
    // A veto names the kind's own grades: a member's lowest grade is 不合格.
    const member = defaultScheme("member", 2025);
    member.grade.veto = "fail";
    expect(valueOf(member, "grade.veto")).toBe("定为不合格");
    // Rounding up, by row order, an amount in yuan.
    cadre.grade.rounding = "ceil";
    cadre.stars.tiePolicy = "order";
    cadre.pay.pool = 368000;
    expect([valueOf(cadre, "grade.rounding"), valueOf(cadre, "stars.tiePolicy"), valueOf(cadre, "pay.pool")]).toEqual(["进一法", "按行序", 368000]);
  });

  it("reads a changed choice back, and an amount in yuan stays a number", () => {
    const scheme = defaultScheme("cadre", 2025);
    scheme.grade.rounding = "round";
    scheme.grade.tiePolicy = "all";
    scheme.grade.veto = "fail";
    scheme.grade.groupBy = "none";
    scheme.pay.method = "score";
    scheme.pay.pool = 368000;
    scheme.missing.raters = "problem";
    scheme.ledger.duties[1].period = "quarter";
    expect(valueOf(scheme, "grade.veto")).toBe("定为不称职");
    const back = schemeFromSheet(sheetOf(scheme));
    expect(back.problems).toEqual([]);
    expect(back.scheme).toEqual(scheme);
  });

  it("reads a duty for every organisation (type \"\", a blank cell) back as it was", () => {
    const scheme = defaultScheme("ledger", 2025);
    scheme.ledger.duties[5].orgType = "";
    expect(valueOf(scheme, "ledger.duties[5].orgType")).toBe("");
    const back = schemeFromSheet(sheetOf(scheme));
    expect(back.problems).toEqual([]);
    expect(back.scheme).toEqual(scheme);
  });

  it("reads an older sheet that shows the program's codes", () => {
    const scheme = defaultScheme("member", 2025);
    const codes: Record<string, string> = {
      kind: "member",
      "grade.rounding": "floor",
      "grade.tiePolicy": "strict",
      "grade.veto": "noTop",
      "grade.groupBy": "branch",
      "stars.rounding": "floor",
      "stars.groupBy": "branch",
      "pay.method": "coefficient",
      "pay.pool": "rows",
      "missing.parts": "problem",
      "missing.raters": "reweight",
      "ledger.duties[3].period": "year",
    };
    const sheet = sheetOf(scheme, (key, v) => codes[key] ?? v);
    expect(sheet.rows.filter((r) => r[2] === "floor")).toHaveLength(2);
    const back = schemeFromSheet(sheet);
    expect(back.problems).toEqual([]);
    expect(back.scheme).toEqual(scheme);
  });

  it("reads the other words people write for a choice, whatever their case", () => {
    const edits: Record<string, string> = { "grade.rounding": "四舍五入", "stars.rounding": "CEIL", "grade.tiePolicy": "并列均入选", "grade.veto": "定为最低等次", "pay.pool": "取表中写明的总额" };
    const back = schemeFromSheet(sheetOf(defaultScheme("cadre", 2025), (key, v) => edits[key] ?? v));
    expect(back.problems).toEqual([]);
    expect([back.scheme!.grade.rounding, back.scheme!.stars.rounding, back.scheme!.grade.tiePolicy, back.scheme!.grade.veto, back.scheme!.pay.pool]).toEqual(["round", "ceil", "all", "fail", "sheet"]);
  });

  it("refuses a word that is none of the choices, with its row and the words it could be", () => {
    const sheet = sheetOf(defaultScheme("cadre", 2025), (key, v) => (key === "grade.rounding" ? "向下取整" : v));
    const row = sheet.rows.findIndex((r) => r[0] === "grade.rounding") + 1;
    const r = schemeFromSheet(sheet);
    expect(r.scheme).toBeUndefined();
    expect(r.problems).toEqual([
      {
        path: "grade.rounding",
        row,
        zh: "设置值“向下取整”无法识别，可选：去尾法、四舍五入、进一法。请改为其中之一",
        en: 'the value "向下取整" is not one of: 去尾法 (floor), 四舍五入 (round), 进一法 (ceil). Use one of them',
      },
    ]);
  });

  it("shows a user's own text as written, and names a column mapping by the column's header", () => {
    const scheme = defaultScheme("cadre", 2025);
    scheme.grade.labels = ["A", "B", "C", "D"];
    scheme.pay.coefficients = scheme.pay.coefficients.map((c, i) => ({ ...c, grade: ["A", "B", "C", "D"][i] }));
    scheme.columns = { name: "Name", 乡镇: "镇街名称" };
    const rows = schemeSheet(scheme).rows;
    expect(rows.find((r) => r[0] === "grade.labels[0]")?.[2]).toBe("A");
    expect(rows.find((r) => r[0] === "grade.veto")?.[2]).toBe("不得评为A");
    expect(rows.find((r) => r[0] === "columns.name")?.slice(1, 3)).toEqual(["列对应 姓名", "Name"]);
    expect(rows.find((r) => r[0] === "columns.乡镇")?.slice(1, 3)).toEqual(["列对应 乡镇", "镇街名称"]);
    const back = schemeFromSheet(sheetOf(scheme));
    expect(back.problems).toEqual([]);
    expect(back.scheme).toEqual(scheme);
  });
});
