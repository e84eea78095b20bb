import { describe, expect, it } from "vitest";
import { applyNegativeList, DEFAULT_NEGATIVE_LIST } from "../../src/core/negative-list";
import { readNegativeRecords, recordsOf } from "../../src/workbook/negative-records";
import type { WorkbookData } from "../../src/workbook/sheet";

// 2025-01-01 is serial 45658 and 2025-12-31 is 46022 (Excel).
const YEAR_2025 = { from: 45658, to: 46022 };

const workbook = (rows: (string | number | null)[][]): WorkbookData => ({
  sheets: [
    { name: "村党组织书记", rows: [["乡镇", "姓名", "得分"], ["甲镇", "张三", 90]] },
    { name: "负面清单记录", rows: [["2025年负面清单记录"], ["单位", "姓名", "负面清单条目", "次数", "日期", "依据", "记录人"], ...rows] },
  ],
});

describe("the 负面清单记录 sheet", () => {
  it("reads who, which item, how often, when, the evidence and who recorded it", () => {
    const out = readNegativeRecords(
      workbook([
        ["甲镇", "张三", "1-1", 2, "2025-3-5", "3月支部会议签到表", "李干事"],
        ["", "张三", "违反殡葬改革等政策规定", null, 45900, "", ""],
      ]),
      DEFAULT_NEGATIVE_LIST,
      YEAR_2025,
    );
    expect(out.found).toBe(true);
    expect(out.problems).toEqual([]);
    expect(out.entries).toEqual([
      { name: "张三", unit: "甲镇", record: { item: "1-1", count: 2, row: 3 }, date: 45721, evidence: "3月支部会议签到表", recordedBy: "李干事" },
      { name: "张三", unit: "", record: { item: "违反殡葬改革等政策规定", count: undefined, row: 4 }, date: 45900, evidence: "", recordedBy: "" },
    ]);
    // 1-1 twice: 2 × 2 = 4 points and 2 stars; 5-3 once: 1 star.
    expect(applyNegativeList(recordsOf(out.entries, "张三", ["甲镇"]), DEFAULT_NEGATIVE_LIST)).toMatchObject({ deduction: 4, starsRemoved: 3 });
  });
  it("an item not on the list is a problem with its sheet, row and column", () => {
    const out = readNegativeRecords(workbook([["甲镇", "张三", "9-9", 1, "2025-3-5", "", ""]]), DEFAULT_NEGATIVE_LIST);
    expect(out.problems).toEqual([
      expect.objectContaining({ sheet: "负面清单记录", row: 3, col: 3, header: "负面清单条目", zh: "“9-9”不是负面清单中的条目；请填写考核方案负面清单中的编号或内容" }),
    ]);
    expect(out.entries).toEqual([]);
  });
  it("a typed 次数 of 0 is a problem at its cell, as KAOHE.NEGATIVE refuses it; a blank one is one event", () => {
    const out = readNegativeRecords(workbook([["甲镇", "张三", "1-1", 0, "2025-3-5", "", ""]]), DEFAULT_NEGATIVE_LIST, YEAR_2025);
    // A problem stops the run (or, skipping bad rows, the row): the template's KAOHE.NEGATIVE shows #VALUE! there.
    expect(out.problems).toEqual([expect.objectContaining({ sheet: "负面清单记录", row: 3, col: 4, header: "次数" })]);
    const blank = readNegativeRecords(workbook([["甲镇", "张三", "1-1", null, "2025-3-5", "", ""]]), DEFAULT_NEGATIVE_LIST, YEAR_2025);
    expect(blank.problems).toEqual([]);
    expect(applyNegativeList(recordsOf(blank.entries, "张三", ["甲镇"]), DEFAULT_NEGATIVE_LIST)).toMatchObject({ deduction: 2 });
  });
  it("a row dated in another year is left out and said", () => {
    const out = readNegativeRecords(workbook([["甲镇", "张三", "1-1", 1, "2024-12-31", "", ""]]), DEFAULT_NEGATIVE_LIST, YEAR_2025);
    expect(out.entries).toEqual([]);
    expect(out.outside).toEqual([{ row: 3, zh: "第3行的日期不在本次考核期内，未计入", en: "row 3 is dated outside the assessed period and is not counted" }]);
  });
  it("a record naming another township's 张三 is not his", () => {
    const out = readNegativeRecords(workbook([["乙镇", "张三", "1-1", 1, "", "", ""]]), DEFAULT_NEGATIVE_LIST);
    expect(recordsOf(out.entries, "张三", ["甲镇", "一支部"])).toEqual([]);
    expect(recordsOf(out.entries, "张三", ["乙镇"])).toHaveLength(1);
  });
  it("no record sheet: found is false and nobody has a record", () => {
    expect(readNegativeRecords({ sheets: [{ name: "x", rows: [["姓名"]] }] }, DEFAULT_NEGATIVE_LIST)).toEqual({ found: false, sheet: "负面清单记录", entries: [], problems: [], outside: [] });
  });
});
