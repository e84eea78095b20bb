import { describe, expect, it } from "vitest";
import { DEFAULT_NEGATIVE_LIST } from "../../src/core/negative-list";
import { applyNegativeRecords } from "../../src/workbook/negative-apply";
import type { WorkbookData } from "../../src/workbook/sheet";

const workbook = (rows: (string | number | null)[][]): WorkbookData => ({
  sheets: [{ name: "负面清单记录", rows: [["单位", "姓名", "负面清单条目", "次数", "日期", "依据", "记录人"], ...rows] }],
});

const people = [
  { name: "张三", units: ["甲镇", "东村"] },
  { name: "李四", units: ["甲镇", "西村"] },
  { name: "张三", units: ["乙镇", "南村"] },
];

describe("the negative list applied to a table", () => {
  it("each person's records, matched by name and unit; 说明 and 审计 lines", () => {
    const out = applyNegativeRecords(
      workbook([
        ["东村", "张三", "1-1", 4, "", "", ""], // 4 × 2 = 8, capped at 6
        ["西村", "李四", "5-1", null, "", "", ""],
        ["乙镇", "张三", "2-2", null, "", "", ""],
      ]),
      DEFAULT_NEGATIVE_LIST,
      people,
    );
    expect(out.outcomes.map((o) => [o.deduction, o.starsRemoved, o.noTop, o.forcedFail, o.yuanDeducted])).toEqual([
      [6, 4, false, false, 0],
      [0, 0, true, false, 0],
      [0, 0, true, true, 50000],
    ]);
    expect(out.audit).toEqual([
      ["负面清单", "张三", "负面清单 1-1「无故不参加“三会一课”等组织生活」4 次：扣 6 分（每次 2 分，本项上限 6 分），摘 4 星"],
      ["负面清单", "李四", "负面清单 5-1「发生越级上访、集体访且处置不力」1 次：本年度不得评为优秀"],
      ["负面清单", "张三", "负面清单 2-2「违规举债或擅自处置集体资产」1 次：定为不称职，扣绩效工资 500.00 元"],
    ]);
    expect(out.unmatched).toEqual([]);
  });
  it("a record matching nobody, or two people, is listed with its row and applied to nobody", () => {
    const out = applyNegativeRecords(
      workbook([
        ["", "张3", "1-1", 1, "", "", ""],
        ["", "张三", "1-1", 1, "", "", ""],
      ]),
      DEFAULT_NEGATIVE_LIST,
      people,
    );
    expect(out.outcomes.every((o) => o.reasons.length === 0)).toBe(true);
    expect(out.unmatched.map((p) => [p.row, p.zh])).toEqual([
      [2, "“张3”不在考核表中，这条记录未计入；请核对姓名和单位"],
      [3, "考核表中有 2 个“张三”，这条记录未计入；请在“单位”列填写其乡镇、村或支部"],
    ]);
    expect(out.audit.map((r) => r[0])).toEqual(["负面清单（未计入）", "负面清单（未计入）"]);
  });
  it("no record sheet: nobody is touched", () => {
    const out = applyNegativeRecords({ sheets: [] }, DEFAULT_NEGATIVE_LIST, people);
    expect(out.found).toBe(false);
    expect(out.outcomes.map((o) => o.deduction)).toEqual([0, 0, 0]);
  });
});
