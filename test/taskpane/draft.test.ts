// The scheme editor's draft: paths, copies, typed text parsed, problems placed at their fields, defaults and sources.
import { describe, expect, it } from "vitest";
import { schemeToJson } from "../../src/core/scheme";
import { defaultScheme, schemeFromJson, validateScheme } from "../../src/kinds/registry";
import {
  append,
  checkDraft,
  defaultText,
  draftOfKind,
  exportFileName,
  formatValue,
  getIn,
  isDirty,
  parseNumber,
  parseNumberList,
  parseOptionalNumber,
  parseRatio,
  parseTextList,
  pathText,
  problemsAt,
  removeAt,
  setIn,
  sourceOf,
  unplacedProblems,
} from "../../src/taskpane/model/draft";

describe("the scheme editor's draft", () => {
  it("names places the way validateScheme does", () => {
    expect(pathText(["grade", "cutoffs", 1])).toBe("grade.cutoffs[1]");
    expect(pathText(["items", 0, "max"])).toBe("items[0].max");
    expect(pathText(["title"])).toBe("title");
  });

  it("replaces one value and copies only the objects along the way", () => {
    const s = defaultScheme("cadre", 2025);
    const next = setIn(s, ["grade", "cutoffs", 1], 75);
    expect(next.grade.cutoffs).toEqual([90, 75, 60]);
    expect(s.grade.cutoffs).toEqual([90, 80, 60]);
    expect(next.stars).toBe(s.stars);
    expect(getIn(next, ["grade", "cutoffs", 1])).toBe(75);
    expect(getIn(next, ["nothing", "here"])).toBeUndefined();
    expect(removeAt(s, ["raters"], 0).raters.map((r) => r.name)).toEqual(["互评", "群众评议", "支部评定"]);
    expect(append(s, ["raters"], { name: "组织评定", weight: 0.1 }).raters).toHaveLength(5);
  });

  it("reads numbers as typed by Chinese input methods, and keeps what is not a number for validation to name", () => {
    expect(parseNumber("９０")).toBe(90);
    expect(parseNumber(" 0.5 ")).toBe(0.5);
    expect(parseNumber("9.")).toBe(9);
    expect(parseNumber("9o")).toBe("9o");
    expect(parseNumber("")).toBe("");
    expect(parseOptionalNumber("")).toBeNull();
    expect(parseOptionalNumber("10")).toBe(10);
    expect(parseRatio("２０％")).toBe("20%");
    expect(parseRatio(" 1/3 ")).toBe("1/3");
    expect(parseNumberList("90，80、60")).toEqual([90, 80, 60]);
    expect(parseNumberList("90, abc; 60")).toEqual([90, "abc", 60]);
    expect(parseTextList("优秀、称职, 基本称职，不称职")).toEqual(["优秀", "称职", "基本称职", "不称职"]);
    expect(formatValue([90, 80, 60])).toBe("90, 80, 60");
    expect(formatValue(null)).toBe("");
    expect(parseNumberList(formatValue([90, 75, 60]))).toEqual([90, 75, 60]);
  });

  it("puts a typed mistake's problem at its field, and the fixed draft saves and round-trips", () => {
    const s = defaultScheme("secretary", 2025);
    const typed = setIn(setIn(s, ["grade", "cutoffs"], parseNumberList("90, 8o, 60")), ["items", 3, "max"], parseNumber("五"));
    const v = checkDraft(typed);
    expect(v.scheme).toBeUndefined();
    expect(problemsAt(v.problems, "grade.cutoffs").map((p) => p.path)).toEqual(["grade.cutoffs[1]"]);
    expect(problemsAt(v.problems, "items").map((p) => p.path)).toEqual(["items[3].max"]);
    expect(problemsAt(v.problems, "grade.cutoffs")[0].zh).toContain("应为数字");
    const fixed = setIn(setIn(typed, ["grade", "cutoffs"], parseNumberList("90, 75, 60")), ["items", 3, "max"], parseNumber("5"));
    const ok = checkDraft(fixed);
    expect(ok.problems).toEqual([]);
    expect(schemeFromJson(schemeToJson(ok.scheme!)).scheme).toEqual(ok.scheme);
  });

  it("does not take a field's problems for a field whose name begins the same", () => {
    const problems = [
      { path: "stars.quota[0].ratio", zh: "", en: "" },
      { path: "stars.quotas", zh: "", en: "" },
      { path: "trim.minCount", zh: "", en: "" },
    ];
    expect(problemsAt(problems, "stars.quota").map((p) => p.path)).toEqual(["stars.quota[0].ratio"]);
    expect(unplacedProblems(problems, ["stars.quota", "grade"]).map((p) => p.path)).toEqual(["stars.quotas", "trim.minCount"]);
  });

  it("shows each default, summarising long lists, with its source", () => {
    expect(defaultText("cadre", ["grade", "cutoffs"], "zh-CN", "不限")).toBe("90、80、60");
    expect(defaultText("cadre", ["grade", "cutoffs"], "en-US", "none")).toBe("90, 80, 60");
    expect(defaultText("member", ["grade", "topRatio"], "zh-CN", "不限")).toBe("1/3");
    expect(defaultText("secretary", ["items"], "zh-CN", "不限")).toBe("20 项，合计 100 分");
    expect(defaultText("secretary", ["items"], "en-US", "none")).toBe("20 items, 100 points in all");
    expect(defaultText("cadre", ["raters"], "zh-CN", "不限")).toBe("自评 0.2、互评 0.4、群众评议 0.2、支部评定 0.2");
    expect(defaultText("cadre", ["items"], "zh-CN", "不限")).toBe("不限");
    expect(defaultText("member", ["stars", "categories"], "zh-CN", "不限")).toBe("村干部党员、在村务农党员、无劳动能力党员、外出流动党员");
    expect(defaultText("member", ["stars", "quota"], "zh-CN", "不限")).toBe("10 9 30%、6 5 30%");
    expect(defaultText("cadre", ["pay", "coefficients"], "zh-CN", "不限")).toBe("优秀 1.2、称职 1、基本称职 0.8、不称职 0");
    expect(defaultText("secretary", ["deductions"], "zh-CN", "不限")).toBe("无故缺席会议、工作任务逾期未完成、台账资料弄虚作假");
    expect(defaultText("cadre", ["title"], "zh-CN", "不限", 2025)).toBe("2025年度乡镇干部绩效考核与绩效工资");
    expect(sourceOf("grade.topRatio", "zh-CN")).toContain("20%");
    expect(sourceOf("items", "en-US")).toContain("the Beidaihe rural Party-building responsibility measures");
    expect(sourceOf("grade.minimum", "zh-CN")).toBeUndefined();
  });

  it("tells unsaved changes from the saved scheme", () => {
    const s = draftOfKind("member", 2025);
    const saved = JSON.stringify(s);
    expect(isDirty(s, saved)).toBe(false);
    expect(isDirty(setIn(s, ["title"], "新名称"), saved)).toBe(true);
    expect(isDirty(s, undefined)).toBe(true);
    expect(isDirty(undefined, saved)).toBe(false);
    expect(validateScheme(s).problems).toEqual([]);
  });

  it("names an exported file after the scheme, without characters file systems refuse", () => {
    expect(exportFileName("2025年度党员星级评定")).toBe("2025年度党员星级评定.json");
    expect(exportFileName('a/b:c*"d"\n')).toBe("a_b_c_d_.json");
    expect(exportFileName("  ")).toBe("考核方案.json");
  });
});
