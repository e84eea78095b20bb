// KAOHE.LINK: a person found in another sheet by ID, else by name within his unit, as the pipeline links sheets; a register's rows averaged per person.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { link } from "../../src/functions/functions";
import { linkFor } from "../../src/functions/link";
import { helpZh } from "../../src/functions/help-zh";
import { isExcelError } from "../../src/functions/values";
import { ruleErrorOf } from "../core/helpers";

// A half-year sheet: 乡镇, 村, 姓名, 编号 and the value taken.
const ids = [["S1"], [""], [""], ["S4"], [""]];
const names = [["李明"], ["张三"], ["张三"], ["王五"], [""]];
const units = [
  ["东镇", "甲村"],
  ["东镇", "甲村"],
  ["西乡", "乙村"],
  ["东镇", "丙村"],
  ["", ""],
];
const values = [[81], [72.5], [64], [90], [""]];
const find = (id: string, name: string, unit: string[], ifNone?: unknown) => linkFor(id, name, [unit], ids, names, units, values, ifNone);

describe("KAOHE.LINK, one row per person", () => {
  it("by ID, case, spaces and full width aside: ｓ１ and ' s1 ' are S1's 81, whatever the name", () => {
    expect(find("ｓ１", "李明", ["东镇", "甲村"])).toBe(81);
    expect(find(" s1 ", "李小明", ["", ""])).toBe(81);
  });
  it("without an ID, by name within the unit: 张三 of 东镇甲村 is 72.5 and 张三 of 西乡乙村 is 64, two people", () => {
    expect(find("", "张三", ["东镇", "甲村"])).toBe(72.5);
    expect(find("", "张三", ["西乡", "乙村"])).toBe(64);
  });
  it("an ID the source lacks falls back to name and unit among rows without an ID, never to a row with another ID", () => {
    expect(find("S9", "张三", ["东镇", "甲村"])).toBe(72.5);
    // 王五 of 东镇丙村 carries S4 there: a 王五 with ID S7 is someone else.
    expect(find("S7", "王五", ["东镇", "丙村"], "无")).toBe("无");
  });
  it("an empty cell passed as 0 (as some Excel builds pass it) is no ID: 张三 is still found by name and unit", () => {
    expect(linkFor(0, "张三", [["东镇", "甲村"]], [[0], [0]], [["张三"], ["李四"]], [["东镇", "甲村"], ["东镇", "甲村"]], [[70], [80]])).toBe(70);
    expect(linkFor(null, "张三", [["东镇", "甲村"]], [["S1"], [0]], [["李四"], ["张三"]], [["东镇", "甲村"], ["东镇", "甲村"]], [[70], [80]])).toBe(80);
  });
  it("not found: if_none, or empty when it is omitted; a blank name with no ID is empty", () => {
    expect(find("", "赵六", ["东镇", "甲村"], 88)).toBe(88);
    expect(find("", "赵六", ["东镇", "甲村"])).toBe("");
    expect(find("", "", ["东镇", "甲村"], 88)).toBe("");
  });
  it("a unit left blank leaves the name to decide, so 张三 of no unit could be either row: #N/A naming rows 2 and 3", () => {
    const e = ruleErrorOf(() => find("", "张三", ["", ""]));
    expect(e.code).toBe("#N/A");
    expect(e.key).toBe("linkAmbiguous");
    expect(e.describe("zh-CN")).toBe("参数“来源姓名”（source_names）：第2、3行都可能是“张三”，无法确定是哪一位，未取数；请填写编号区分，或删去重复的行");
    const r = link("", "张三", [["", ""]], ids, names, units, values);
    expect(isExcelError(r) && r.code).toBe("#N/A");
  });
  it("two rows of one name in one unit are #N/A, never the first", () => {
    expect(ruleErrorOf(() => linkFor("", "张三", [["东镇", "甲村"]], [[""], [""]], [["张三"], ["张三"]], [["东镇", "甲村"], ["东镇", "甲村"]], [[70], [80]])).code).toBe("#N/A");
  });
  it("a value that is text (the source sheet's word for what is missing) is the result as it is", () => {
    expect(linkFor("", "张三", [["东镇", "甲村"]], [[""]], [["张三"]], [["东镇", "甲村"]], [["请补填空项"]])).toBe("请补填空项");
  });
  it("an error value in the source is refused with its place, never read as a name", () => {
    expect(ruleErrorOf(() => linkFor("", "张三", [["东镇", "甲村"]], [[""], [""]], [["李四"], [{ code: "#DIV/0!" }]], [["东镇", "甲村"], ["东镇", "甲村"]], [[1], [2]])).params).toMatchObject({ arg: "source_names", row: 2, value: "#DIV/0!" });
  });
  it("source ranges of different sizes are #VALUE!", () => {
    expect(ruleErrorOf(() => linkFor("", "张三", [["东镇", "甲村"]], [[""]], names, units, values)).key).toBe("sizeMismatch");
  });
});

describe("KAOHE.LINK, several rows per person averaged (the 四诺 register)", () => {
  // 张三 has three promises (his name merged: blank below the first), 李四 one; a row without a promise (value blank) counts for nobody.
  const regIds = [[""], [""], [""], [""], [""]];
  const regNames = [["张三"], [""], [""], ["李四"], [""]];
  const regUnits = [
    ["东镇", "甲村"],
    ["", ""],
    ["", ""],
    ["东镇", "乙村"],
    ["", ""],
  ];
  const regValues = [[5], [4], [3.5], [2], [""]];
  const mean = (name: string, unit: string[], ifNone?: unknown) => linkFor("", name, [unit], regIds, regNames, regUnits, regValues, ifNone, "mean");
  it("张三's three promises: (5 + 4 + 3.5) / 3 = 4.1666…; 李四's one: 2", () => {
    expect(mean("张三", ["东镇", "甲村"])).toBeCloseTo(12.5 / 3, 12);
    expect(mean("李四", ["东镇", "乙村"])).toBe(2);
  });
  it("a person not in the register is if_none (the typed 四诺 item)", () => {
    expect(mean("王五", ["东镇", "甲村"], 4.5)).toBe(4.5);
  });
  it("one promise whose value is text makes the person's result that text, and only his", () => {
    const withWord = [[5], ["请填写半年评诺"], [3.5], [2], [""]];
    expect(linkFor("", "张三", [["东镇", "甲村"]], regIds, regNames, regUnits, withWord, 0, "mean")).toBe("请填写半年评诺");
    expect(linkFor("", "李四", [["东镇", "乙村"]], regIds, regNames, regUnits, withWord, 0, "mean")).toBe(2);
  });
  it("an unknown combine is #VALUE! listing the choices", () => {
    expect(ruleErrorOf(() => linkFor("", "张三", [["东镇", "甲村"]], regIds, regNames, regUnits, regValues, 0, "sum")).key).toBe("unknownOption");
  });
});

describe("KAOHE.LINK's metadata and Chinese help", () => {
  it("JSDoc, TypeScript parameters and Chinese help name the same arguments, each with an example", () => {
    const source = readFileSync(new URL("../../src/functions/functions.ts", import.meta.url), "utf8");
    const block = /\/\*\*((?:(?!\*\/)[\s\S])*?@customfunction LINK\b[\s\S]*?)\*\/\s*export function \w+\(([^)]*)\)/.exec(source);
    expect(block).not.toBeNull();
    const [, doc, signature] = block as RegExpExecArray;
    const documented = [...doc.matchAll(/@param \[?(\w+)\]?\s+(.*)/g)];
    const typed = signature
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !l.startsWith("//"))
      .map((p) => p.split(/[?:]/)[0]);
    expect(documented.map((m) => m[1])).toEqual(typed);
    for (const m of documented) expect(m[2], m[1]).toMatch(/Example: /);
    expect(Object.keys(helpZh.LINK.params)).toEqual(typed);
    expect(helpZh.LINK.description).toContain("=KAOHE.LINK(");
    for (const [name, text] of Object.entries(helpZh.LINK.params)) expect(text, name).toContain("例：");
  });
});
