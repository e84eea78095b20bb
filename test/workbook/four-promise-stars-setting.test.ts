// The scheme's 四诺 star thresholds (fourPromises.starThresholds): off by default, checked, and kept through the 考核方案 sheet.
import { describe, expect, it } from "vitest";
import { describeProblem, type Scheme } from "../../src/core/scheme";
import { defaultScheme, validateScheme } from "../../src/kinds/registry";
import { schemeFromSheet, schemeSheet } from "../../src/workbook/scheme-sheet";
import { settingName } from "../../src/workbook/setting-names";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const withThresholds = (t: unknown): unknown => ({ ...defaultScheme("secretary", 2025), fourPromises: { starThresholds: t } });

/** The sheet as a workbook holds it: title, header, then one setting a row. */
function sheetOf(scheme: Scheme, extra: CellValue[][] = []): SheetData {
  const s = schemeSheet(scheme);
  return { name: "考核方案", rows: [[s.title], s.columns.map((c) => c.header), ...(s.rows as CellValue[][]), ...extra] };
}

describe("the 四诺 star thresholds", () => {
  it("are none by default, for every kind, and a scheme saved before the setting existed gets none", () => {
    expect(defaultScheme("secretary").fourPromises).toEqual({ starThresholds: [] });
    const old = { ...defaultScheme("secretary", 2025) } as Partial<Scheme>;
    delete old.fourPromises;
    expect(validateScheme(old).scheme?.fourPromises).toEqual({ starThresholds: [] });
  });

  it("take percentages from low to high in (0, 100]", () => {
    expect(validateScheme(withThresholds([60, 80, 100])).problems).toEqual([]);
    expect(validateScheme(withThresholds([0.5, 87.5])).problems).toEqual([]);
  });

  it.each([
    [[0, 80], "fourPromises.starThresholds[0]", "应大于 0、不超过 100（现为 0）"],
    [[60, 120], "fourPromises.starThresholds[1]", "应大于 0、不超过 100（现为 120）"],
    [[-5], "fourPromises.starThresholds[0]", "应大于 0、不超过 100（现为 -5）"],
    [[80, 60], "fourPromises.starThresholds", "应从低到高排列，且不能相同（现为 80、60）"],
    [[60, 60, 100], "fourPromises.starThresholds", "应从低到高排列，且不能相同（现为 60、60、100）"],
    [["六十"], "fourPromises.starThresholds[0]", "应为数字"],
    [[60, "80%"], "fourPromises.starThresholds[1]", "四诺授星门槛只写数字，不带百分号：“80%”请写作 80"],
    ["60,80", "fourPromises.starThresholds", "应为列表"],
  ])("refuse %j, naming the setting", (t, path, zh) => {
    const r = validateScheme(withThresholds(t));
    expect(r.scheme).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].path).toBe(path);
    expect(r.problems[0].zh).toContain(zh);
    expect(r.problems[0].en).not.toBe("");
    // The message a user reads names the setting by its key; the sheet and the pane name it in Chinese.
    expect(describeProblem(r.problems[0], "zh-CN")).toContain("fourPromises.starThresholds");
    expect(settingName(path)).toMatch(/^四诺 授星门槛（占满分%）/);
  });

  it("say what a threshold is in the message for one out of range, in Chinese and English", () => {
    const [p] = validateScheme(withThresholds([60, 150])).problems;
    expect(p.zh).toBe("四诺授星门槛是占该项满分的百分比，应大于 0、不超过 100（现为 150）；如 80% 请写作 80");
    expect(p.en).toBe("a 四诺 star threshold is a percentage of the item's maximum, above 0 and at most 100 (is 150); write 80% as 80");
  });
});

describe("the 四诺 star thresholds on the 考核方案 sheet", () => {
  it("show the default as an empty list, named in Chinese with its source, and read it back", () => {
    const scheme = defaultScheme("secretary", 2025);
    const row = schemeSheet(scheme).rows.find((r) => r[0] === "fourPromises.starThresholds")!;
    expect(row.slice(1, 3)).toEqual(["四诺 授星门槛（占满分%）", "[]"]);
    expect(String(row[3])).toContain("北戴河区《农村基层党建工作责任落实办法》");
    expect(String(row[3])).toContain("未规定门槛");
    expect(schemeFromSheet(sheetOf(scheme)).scheme).toEqual(scheme);
  });

  it("keep thresholds through the sheet, one a row", () => {
    const scheme = { ...defaultScheme("secretary", 2025), fourPromises: { starThresholds: [60, 80, 100] } };
    const rows = schemeSheet(scheme).rows.filter((r) => String(r[0]).startsWith("fourPromises"));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["fourPromises.starThresholds[0]", "四诺 授星门槛（占满分%） 1", 60],
      ["fourPromises.starThresholds[1]", "四诺 授星门槛（占满分%） 2", 80],
      ["fourPromises.starThresholds[2]", "四诺 授星门槛（占满分%） 3", 100],
    ]);
    const back = schemeFromSheet(sheetOf(scheme));
    expect(back.problems).toEqual([]);
    expect(back.scheme).toEqual(scheme);
  });

  it("refuse thresholds typed out of order on the sheet, naming the setting", () => {
    const scheme = defaultScheme("secretary", 2025);
    const sheet = sheetOf(scheme);
    // The user replaces the empty list with two rows of his own, the second below the first.
    sheet.rows = sheet.rows.filter((r) => r[0] !== "fourPromises.starThresholds");
    sheet.rows.push(["fourPromises.starThresholds[0]", "", "90", ""], ["fourPromises.starThresholds[1]", "", 70, ""]);
    const r = schemeFromSheet(sheet);
    expect(r.scheme).toBeUndefined();
    expect(r.problems.map((p) => p.path)).toEqual(["fourPromises.starThresholds"]);
    expect(r.problems[0].zh).toContain("四诺授星门槛应从低到高排列");
  });
});
