// Hostile schemes: keys in a 考核方案 sheet or a scheme JSON that would reach a built-in prototype, nesting thousands deep, and schemes whose settings contradict each other.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue } from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../src/cli/main";
import { type Scheme } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import { schemeSheet } from "../../src/workbook/scheme-sheet";
import { cadreSheet } from "../cli/helpers";
import { caseFolder, expectRefused, kaoheGuarded, tempDir, writeWorkbook } from "./harness";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** A cadre return with the default scheme's sheet laid out as the program writes it (title, header, one setting a row), then `extra` rows. */
async function returnWithScheme(path: string, extra: CellValue[][], township?: string): Promise<number> {
  const sheet = schemeSheet(defaultScheme("cadre", 2025));
  const rows: CellValue[][] = [[sheet.title], sheet.columns.map((c) => c.header), ...(sheet.rows as CellValue[][]), ...extra];
  const table = township ? cadreSheet([[township, "甲", `${township}1`, "科员", 90, 90, 5000, ""]]) : cadreSheet();
  await writeWorkbook(path, { 干部考核: table, 考核方案: rows });
  // The 1-based row of the first extra row: title, header, then the settings.
  return sheet.rows.length + 3;
}

const crafted: [key: string, value: CellValue][] = [
  ["__proto__.polluted", "yes"],
  ["constructor.prototype.polluted", "yes"],
  ["__proto__.numFmt", '"攻击者的文字"'],
  ["grade.__proto__.x", "yes"],
];

describe("a 考核方案 sheet whose keys reach a built-in prototype", () => {
  for (const [key, value] of crafted) {
    const bad = key.split(".").find((k) => ["__proto__", "constructor", "prototype"].includes(k))!;
    const named = (row: number) => new RegExp(`考核方案[\\s\\S]*第${row}行[\\s\\S]*${bad}`);

    it(`check refuses ${key} with its row, exit 5`, async () => {
      const f = caseFolder(dir);
      const input = join(f, "城关镇.xlsx");
      const row = await returnWithScheme(input, [[key, "x", value, ""]]);
      await expectRefused({ args: ["check", input], inputs: [input], folder: f, code: ExitCode.invalidScheme, message: named(row) });
    });

    it(`run refuses ${key} and writes nothing`, async () => {
      const f = caseFolder(dir);
      const input = join(f, "城关镇.xlsx");
      const row = await returnWithScheme(input, [[key, "x", value, ""]]);
      await expectRefused({ args: ["run", input, "-o", join(f, "out.xlsx")], inputs: [input], folder: f, code: ExitCode.invalidScheme, message: named(row) });
    });

    it(`merge refuses a folder where one return carries ${key}, naming that return`, async () => {
      const f = caseFolder(dir);
      const returns = join(f, "returns");
      mkdirSync(returns);
      const craftedReturn = join(returns, "东山乡.xlsx");
      const plain = join(returns, "城关镇.xlsx");
      const row = await returnWithScheme(craftedReturn, [[key, "x", value, ""]], "东山乡");
      await writeWorkbook(plain, { 干部考核: cadreSheet([["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""]]) });
      const r = await expectRefused({
        args: ["merge", returns, "-o", join(f, "全县.xlsx")],
        inputs: [craftedReturn, plain],
        folder: f,
        code: ExitCode.invalidScheme,
        message: named(row),
      });
      expect(r.stdout).toContain("东山乡.xlsx");
    });

    it(`scheme in.xlsx refuses ${key} instead of exporting it`, async () => {
      const f = caseFolder(dir);
      const input = join(f, "城关镇.xlsx");
      const row = await returnWithScheme(input, [[key, "x", value, ""]]);
      await expectRefused({ args: ["scheme", input, "-o", join(f, "方案.json")], inputs: [input], folder: f, code: ExitCode.invalidScheme, message: named(row) });
    });

    it(`--scheme with a workbook whose sheet has ${key} is refused`, async () => {
      const f = caseFolder(dir);
      const schemeBook = join(f, "方案.xlsx");
      const input = join(f, "城关镇.xlsx");
      const row = await returnWithScheme(schemeBook, [[key, "x", value, ""]]);
      await writeWorkbook(input, { 干部考核: cadreSheet() });
      const r = await expectRefused({ args: ["check", input, "--scheme", schemeBook], inputs: [input, schemeBook], folder: f, code: ExitCode.invalidScheme, message: named(row) });
      expect(r.stderr).toContain("方案.xlsx");
    });
  }

  it("never follows an inherited name (toString.x) and refuses it with its row", async () => {
    const f = caseFolder(dir);
    const input = join(f, "in.xlsx");
    const row = await returnWithScheme(input, [["toString.polluted", "x", "yes", ""]]);
    await expectRefused({ args: ["check", input], inputs: [input], folder: f, code: ExitCode.invalidScheme, message: new RegExp(`第${row}行[\\s\\S]*toString`) });
    expect((Object.prototype.toString as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a key nested past any setting, a repeated key and an index past the sheet, each with its row", async () => {
    const f = caseFolder(dir);
    const input = join(f, "in.xlsx");
    const row = await returnWithScheme(input, [
      ["a.b.c.d.e.f.g.h.i.j", "x", 1, ""],
      ["title", "x", "第二个标题", ""],
      ["items[100000000].name", "x", "巨大的序号", ""],
    ]);
    const r = await expectRefused({ args: ["check", input], inputs: [input], folder: f, code: ExitCode.invalidScheme, message: new RegExp(`第${row}行[\\s\\S]*超过 8 层`) });
    // The default sheet writes title on its own row above: the repeat names it.
    expect(r.stdout).toMatch(new RegExp(`第${row + 1}行：键“title”与第\\d+行重复`));
    expect(r.stdout).toMatch(new RegExp(`第${row + 2}行：键“items\\[100000000\\]\\.name”中的序号 100000000 超过了本表的行数`));
  });
});

describe("a --scheme JSON that would reach a prototype or nests thousands deep", () => {
  async function withJson(text: string): Promise<{ f: string; input: string; json: string }> {
    const f = caseFolder(dir);
    const input = join(f, "城关镇.xlsx");
    const json = join(f, "方案.json");
    await writeWorkbook(input, { 干部考核: cadreSheet() });
    writeFileSync(json, text);
    return { f, input, json };
  }

  it("refuses __proto__ and constructor keys at any level, exit 5", async () => {
    const { f, input, json } = await withJson(
      '{"kind":"cadre","title":"t","__proto__":{"polluted":"yes"},"grade":{"__proto__":{"numFmt":"x"}},"columns":{"constructor":{"prototype":{"polluted":"yes"}}}}',
    );
    for (const cmd of [
      ["check", input, "--scheme", json],
      ["run", input, "-o", join(f, "out.xlsx"), "--scheme", json],
      ["template", "cadre", "-o", join(f, "t.xlsx"), "--scheme", json],
    ]) {
      const r = await expectRefused({ args: cmd, inputs: [input, json], folder: f, code: ExitCode.invalidScheme, message: /“__proto__”不能用作设置名/ });
      expect(r.stderr).toMatch(/等次 __proto__（grade\.__proto__）/);
      expect(r.stderr).toMatch(/“constructor”不能用作设置名/);
    }
  });

  it("refuses a scheme nested 5,000 deep with exit 5, not a crash", async () => {
    const deep = '{"kind":"cadre","title":"t","grade":' + '{"a":'.repeat(5000) + "1" + "}".repeat(5000) + "}";
    const { f, input, json } = await withJson(deep);
    const r = await expectRefused({ args: ["run", input, "-o", join(f, "out.xlsx"), "--scheme", json], inputs: [input, json], folder: f, code: ExitCode.invalidScheme, message: /嵌套超过 8 层/ });
    // One problem for the deep branch, not one per level.
    expect(r.stderr.match(/嵌套超过/g)).toHaveLength(1);
  });

  it("refuses a list nested 5,000 deep too", async () => {
    const { f, input, json } = await withJson('{"kind":"cadre","title":"t","items":' + "[".repeat(5000) + "]".repeat(5000) + "}");
    await expectRefused({ args: ["check", input, "--scheme", json], inputs: [input, json], folder: f, code: ExitCode.invalidScheme, message: /指标[\s\S]*嵌套超过 8 层/ });
  });
});

describe("settings that contradict each other", () => {
  async function withScheme(edit: (s: Scheme) => void): Promise<{ f: string; input: string; json: string }> {
    const f = caseFolder(dir);
    const input = join(f, "城关镇.xlsx");
    const json = join(f, "方案.json");
    await writeWorkbook(input, { 干部考核: cadreSheet() });
    const s = defaultScheme("cadre", 2025);
    edit(s);
    writeFileSync(json, JSON.stringify(s));
    return { f, input, json };
  }

  it("a grade with no pay coefficient is a scheme problem (exit 5) naming the setting, before any data is read", async () => {
    const { f, input, json } = await withScheme((s) => (s.grade.labels = ["优秀", "称职", "基本称职", "较差"]));
    const r = await expectRefused({
      args: ["run", input, "-o", join(f, "out.xlsx"), "--scheme", json],
      inputs: [input, json],
      folder: f,
      code: ExitCode.invalidScheme,
      message: /工资 系数（pay\.coefficients）：工资系数表（工资 系数）中没有等次“较差”的系数/,
    });
    expect(r.stderr).not.toMatch(/数据问题/);
  });

  it("the same, from the 考核方案 sheet of the return itself", async () => {
    const f = caseFolder(dir);
    const input = join(f, "城关镇.xlsx");
    const sheet = schemeSheet(defaultScheme("cadre", 2025));
    const rows = [[sheet.title], sheet.columns.map((c) => c.header), ...(sheet.rows as CellValue[][])].map((r) => (r[0] === "grade.labels[3]" ? [r[0], r[1], "较差", r[3]] : r));
    await writeWorkbook(input, { 干部考核: cadreSheet(), 考核方案: rows });
    await expectRefused({ args: ["check", input], inputs: [input], folder: f, code: ExitCode.invalidScheme, message: /工作表“考核方案”：工资 系数（pay\.coefficients）：[^\n]*没有等次“较差”/ });
  });

  it("refuses a repeated grade label, also when it differs only in width or spaces", async () => {
    const { f, input, json } = await withScheme((s) => (s.grade.labels = ["优秀", "称职", "称 职", "不称职"]));
    await expectRefused({ args: ["check", input, "--scheme", json], inputs: [input, json], folder: f, code: ExitCode.invalidScheme, message: /等次名称“称 职”与第 2 个重复/ });
  });

  it("refuses a negative cut-off", async () => {
    const { f, input, json } = await withScheme((s) => (s.grade.cutoffs = [90, 80, -5]));
    await expectRefused({ args: ["check", input, "--scheme", json], inputs: [input, json], folder: f, code: ExitCode.invalidScheme, message: /等次 分数线 3（grade\.cutoffs\[2\]）：不能小于 0（-5）/ });
  });

  it("says once that the cut-offs are out of order", async () => {
    const { f, input, json } = await withScheme((s) => (s.grade.cutoffs = [60, 80, 90]));
    const r = await expectRefused({ args: ["check", input, "--scheme", json], inputs: [input, json], folder: f, code: ExitCode.invalidScheme, message: /分数线应从高到低排列/ });
    expect(r.stderr.match(/分数线应从高到低排列/g)).toHaveLength(1);
  });

  it("a sound scheme still runs (the guard refuses only what it must)", async () => {
    const { f, input, json } = await withScheme((s) => (s.grade.labels = ["优秀", "称职", "基本称职", "不称职"]));
    const r = await kaoheGuarded(["run", input, "-o", join(f, "out.xlsx"), "--scheme", json]);
    expect(r.code, r.stderr).toBe(ExitCode.ok);
  });
});

describe("a kind or option spelled like an inherited name", () => {
  it.each([
    ["scheme", "constructor"],
    ["template", "__proto__"],
    ["scheme", "toString"],
  ])("kaohe %s %s is a usage error naming the kinds, not an internal error", async (cmd, name) => {
    const f = caseFolder(dir);
    await expectRefused({ args: [cmd, name, "-o", join(f, "x.xlsx")], inputs: [], folder: f, code: ExitCode.usage, message: new RegExp(`无法识别的考核类型“${name}”，可选：secretary`) });
  });

  it("--kind hasOwnProperty is refused before any file is read", async () => {
    const f = caseFolder(dir);
    const input = join(f, "城关镇.xlsx");
    await writeWorkbook(input, { 干部考核: cadreSheet() });
    await expectRefused({ args: ["check", input, "--kind", "hasOwnProperty"], inputs: [input], folder: f, code: ExitCode.usage, message: /无法识别的考核类型“hasOwnProperty”/ });
  });

  it("a scheme option such as grade.rounding = constructor is no option", async () => {
    const f = caseFolder(dir);
    const input = join(f, "城关镇.xlsx");
    const json = join(f, "方案.json");
    await writeWorkbook(input, { 干部考核: cadreSheet() });
    const s = defaultScheme("cadre", 2025) as unknown as { grade: Record<string, unknown> };
    s.grade.rounding = "constructor";
    writeFileSync(json, JSON.stringify(s));
    await expectRefused({ args: ["check", input, "--scheme", json], inputs: [input, json], folder: f, code: ExitCode.invalidScheme, message: /等次 取整方式（grade\.rounding）：无法识别“constructor”，可选：/ });
  });
});
