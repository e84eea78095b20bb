import { describe, expect, it } from "vitest";
import { commendationList, helperList } from "../../src/core/commend";
import { commendationReport, helperKey, helperReport, helpersFromSheet, type ListRow } from "../../src/workbook/star-lists";

const members: ListRow[] = [
  { township: "甲镇", branch: "一支部", name: "张一", stars: 10, tiebreak: 95, category: "村干部党员" },
  { township: "甲镇", branch: "一支部", name: "张二", stars: 9, tiebreak: 90, category: "在村务农党员" },
  { township: "甲镇", branch: "一支部", name: "张三", stars: 2, category: "在村务农党员" },
  { township: "甲镇", branch: "一支部", name: "张四", stars: 1, category: "在村务农党员" },
  { township: "甲镇", branch: "一支部", name: "张五", stars: 0, category: "无劳动能力党员" },
];

describe("the 表彰名单 sheet", () => {
  it("lists 9 stars or more with the reserve flag", () => {
    const s = commendationReport("2025年度星级党员表彰名单", members, commendationList(members), 9);
    expect(s.name).toBe("表彰名单");
    expect(s.columns.map((c) => c.header)).toEqual(["序号", "乡镇", "支部", "姓名", "星级", "党员类别", "可纳入后备干部"]);
    expect(s.rows).toEqual([
      [1, "甲镇", "一支部", "张一", 10, "村干部党员", "是（待审核）"],
      [2, "甲镇", "一支部", "张二", 9, "在村务农党员", "是（待审核）"],
    ]);
    expect(s.notes?.[0]).toBe("共 2 人。");
  });
  it("without the reserve flag the column is not there", () => {
    const s = commendationReport("t", members, commendationList(members, 9, false), 9);
    expect(s.columns.map((c) => c.header)).not.toContain("可纳入后备干部");
    expect(s.rows[0]).toHaveLength(6);
  });
});

describe("the 帮扶名单 sheet, read back on the next run", () => {
  it("lists each backward member with the helper and how the helper was chosen", () => {
    const s = helperReport("2025年度后进党员帮扶名单", members, helperList(members, { maxHelped: 1 }), 2, 1);
    expect(s.rows).toEqual([
      [1, "甲镇", "一支部", "张五", 0, "张一", 10, "建议", ""],
      [2, "甲镇", "一支部", "张四", 1, "张二", 9, "建议", ""],
      [3, "甲镇", "一支部", "张三", 2, "", "", "待定", "本支部没有可安排的帮扶人（星级较高的党员均已满额）"],
    ]);
    expect(s.warnRows).toEqual([2]);
    expect(s.subtitle).toBe("2星（含）以下党员按后进党员管理，由本支部星级最高的党员帮扶，每人帮扶不超过1人");
  });
  it("a helper the user typed into the sheet is kept on the next run, and the rest stay where they were", () => {
    const first = helperReport("t", members, helperList(members, { maxHelped: 2 }), 2, 2);
    expect(first.rows.map((r) => [r[3], r[5]])).toEqual([
      ["张五", "张一"],
      ["张四", "张一"],
      ["张三", "张二"],
    ]);
    // The sheet as the user left it: a title row and a subtitle row above the header, as drawn; 张三's helper changed to 张一.
    const header = first.columns.map((c) => c.header);
    const sheet = {
      name: "帮扶名单",
      rows: [["t"], [first.subtitle ?? ""], header, ...first.rows.map((r) => r.map((v) => (typeof v === "object" ? null : v)))],
    };
    sheet.rows[5][5] = "张一";
    const typed = helpersFromSheet(sheet);
    expect(typed.get(helperKey("一支部", "张三"))).toBe("张一");
    const next = helperList(
      members.map((m) => ({ ...m, helper: typed.get(helperKey(m.branch, m.name)) })),
      { maxHelped: 2 },
    );
    expect(next.map((a) => [members[a.index].name, a.helper, a.kept])).toEqual([
      ["张五", "张一", true],
      ["张四", "张一", true],
      ["张三", "张一", true],
    ]);
    expect(next[0].note).toBe("张一帮扶 3 人，超过每人 2 人的上限");
  });
  it("a sheet without the list's headers gives nothing", () => {
    expect(helpersFromSheet({ name: "x", rows: [["姓名", "帮扶人"], ["张三", "张一"]] }).size).toBe(0);
  });
});
