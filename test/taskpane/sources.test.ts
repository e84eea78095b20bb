// 取数来源's model: the sheets each source kind could be read from, in the order a run reads them, the files a table can use, and what the user set.
import { describe, expect, it } from "vitest";
import { placeKey, placeOfKey, sourceLines, sourceOptions, takesSources, usableSheets, usableTables, withFile, withoutFile, type SourceSettings } from "../../src/taskpane/model/sources";
import type { SheetData } from "../../src/workbook/sheet";

const cadreSheet: SheetData = { name: "干部考核", rows: [["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"], ["城关镇", "李四", "A2", "科员", 90, null, 4000, ""]] };
const appraisal = (name: string): SheetData => ({ name, rows: [["单位", "姓名", "编号", "自评", "互评", "群众评议", "支部评定"], ["城关镇", "李四", "A2", 80, 80, 80, 80]] });
const file = { name: "测评.xlsx", workbook: { sheets: [appraisal("2024民主测评"), appraisal("民主测评")] } };
const none: SourceSettings = { linked: [], chosen: {} };

describe("the sources a table takes results from", () => {
  it("are shown for the kinds that take them: links, a source the rules read, or tables looked for in other workbooks", () => {
    expect(takesSources("cadre")).toBe(true);
    expect(takesSources("secretary")).toBe(true);
    expect(takesSources("ledger")).toBe(true);
    // The appraisal is a source, and takes nothing itself.
    expect(takesSources("appraisal")).toBe(false);
  });

  it("name the column each fills and list this workbook's sheets, then the chosen files', the first being the one read", () => {
    const lines = sourceLines("cadre", { sheets: [cadreSheet, appraisal("本表测评")] }, withFile(none, file), "干部考核");
    expect(lines).toEqual([
      {
        from: "appraisal",
        fills: ["年终考评"],
        places: [{ sheet: "本表测评" }, { file: "测评.xlsx", sheet: "2024民主测评" }, { file: "测评.xlsx", sheet: "民主测评" }],
      },
    ]);
    expect(sourceLines("secretary", undefined, none)[0].fills).toEqual(["民主测评"]);
    // The ledger's rules read the five-good results: no column of its own is filled.
    expect(sourceLines("ledger", undefined, none)).toEqual([{ from: "fiveGood", fills: [], places: [] }]);
  });

  it("put the chosen sheet first, as the run reads it", () => {
    const chosen: SourceSettings = { linked: [file], chosen: { appraisal: { file: "测评.xlsx", sheet: "民主测评" } } };
    expect(sourceLines("cadre", { sheets: [cadreSheet] }, chosen)[0].places.map((p) => p.sheet)).toEqual(["民主测评", "2024民主测评"]);
  });

  it("find nothing to read in a file without a table the kind takes, and name what it looks for", () => {
    const other = { name: "名单.xlsx", workbook: { sheets: [{ name: "Sheet1", rows: [["姓名", "电话"], ["李四", "123"]] }] } };
    expect(usableSheets("cadre", other)).toEqual([]);
    expect(usableSheets("cadre", file)).toEqual(["2024民主测评", "民主测评"]);
    // The secretary's half-year test is looked for in a chosen file too, by its sheet.
    expect(usableSheets("secretary", { name: "半年.xlsx", workbook: { sheets: [{ name: "半年考核", rows: [] }] } })).toEqual(["半年考核"]);
    expect(usableTables("cadre", "zh-CN")).toEqual(["民主测评/述职评议汇总"]);
    expect(usableTables("secretary", "zh-CN")).toEqual(["民主测评/述职评议汇总", "四诺承诺践诺台账", "半年考核"]);
    // The ledger reads the units' ratings from the five-good workbook: a file holding only them is of use.
    expect(usableSheets("ledger", { name: "测评.xlsx", workbook: { sheets: [{ name: "满意度测评", rows: [["测评单位", "测评结果"], ["县委办", "满意"]] }] } })).toEqual(["满意度测评"]);
    // Its 组织名单 is its own: never looked for in another file.
    expect(usableSheets("ledger", { name: "名单.xlsx", workbook: { sheets: [{ name: "组织名单", rows: [] }] } })).toEqual([]);
  });

  it("keep one file of a name, the one chosen last, and forget a removed file's chosen sheet", () => {
    const again = { name: "测评.xlsx", workbook: { sheets: [appraisal("民主测评")] } };
    const set = withFile(withFile(none, file), again);
    expect(set.linked).toEqual([again]);
    const chosen: SourceSettings = { linked: [file], chosen: { appraisal: { file: "测评.xlsx", sheet: "民主测评" } } };
    expect(withoutFile(chosen, "测评.xlsx")).toEqual(none);
    // A sheet of this workbook chosen stays when a file goes.
    expect(withoutFile({ linked: [file], chosen: { appraisal: { sheet: "本表测评" } } }, "测评.xlsx").chosen).toEqual({ appraisal: { sheet: "本表测评" } });
  });

  it("give a run nothing when nothing is set, and the files and choices otherwise", () => {
    expect(sourceOptions(none)).toEqual({});
    const chosen: SourceSettings = { linked: [file], chosen: { appraisal: { file: "测评.xlsx", sheet: "民主测评" } } };
    expect(sourceOptions(chosen)).toEqual({ with: [file], sources: { appraisal: { file: "测评.xlsx", sheet: "民主测评" } } });
  });

  it("tell a sheet of this workbook from a file's sheet of the same name in a select's value", () => {
    const places = [{ sheet: "民主测评" }, { file: "测评.xlsx", sheet: "民主测评" }];
    expect(placeKey(places[0])).not.toBe(placeKey(places[1]));
    expect(placeOfKey(placeKey(places[1]), places)).toBe(places[1]);
    expect(placeOfKey("nonsense", places)).toBeUndefined();
  });
});
