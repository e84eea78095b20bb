import { describe, expect, it } from "vitest";
import { negativeFor, negativeListArg } from "../../src/functions/negative";
import { ruleErrorOf } from "../core/helpers";

// The template's 负面清单 sheet: 编号, 类别, 内容, 每次扣分, 扣分上限, 摘星, 不得评优, 定为不称职, 扣绩效工资（元）.
const list = [
  ["1-1", "党的组织纪律和工作纪律", "无故不参加组织生活", 2, 5, "", "", "", ""],
  ["", "", "", "", "", "", "", "", ""],
  ["3-2", "村务民主管理", "违规发放补贴", "", "", 1, "否", "", "200"],
  ["5-1", "社会秩序管理", "越级上访处置不力", "", "", "", "是", "", ""],
  ["5-2", "社会秩序管理", "重大安全事故", "", "", "", "", true, 50.5],
];
const names = [["张三"], ["李四"], ["张三"], [" 张三 "], ["王五"]];
const items = [["1-1"], ["3-2"], ["1-1"], ["违规发放补贴"], ["5-2"]];
const counts = [[2], [""], [""], [3], [""]];

describe("KAOHE.NEGATIVE's rule", () => {
  it("an error value among the records (#DIV/0! in a name, #N/A in an item) is an error naming its row, never another person's record", () => {
    const div0 = { code: "#DIV/0!" };
    expect(ruleErrorOf(() => negativeFor("张三", [["李四"], [div0]], [["1-1"], ["1-1"]], list))).toMatchObject({ params: { arg: "record_names", row: 2, value: "#DIV/0!" } });
    expect(ruleErrorOf(() => negativeFor("张三", [["张三"], ["李四"]], [["1-1"], [{ code: "#N/A" }]], list))).toMatchObject({ params: { arg: "record_items", row: 2, value: "#N/A" } });
  });
  it("reads the list's range: blank rows skipped, 是/否 and numbers as text read", () => {
    expect(negativeListArg(list).items.map(({ id, category: _c, text: _t, ...consequence }) => [id, consequence])).toEqual([
      ["1-1", { points: 2, pointsCap: 5 }],
      ["3-2", { removeStars: 1, yuan: 200 }],
      ["5-1", { noTop: true }],
      ["5-2", { fail: true, yuan: 50.5 }],
    ]);
  });
  it("张三: 1-1 three times (2 + 1) is 6 points, capped at 5; 3-2 three times is 3 stars and 600 yuan", () => {
    expect(negativeFor("张三", names, items, list, undefined, counts)).toBe(5);
    expect(negativeFor("张三", names, items, list, "摘星", counts)).toBe(3);
    expect(negativeFor("张三", names, items, list, "yuan", counts)).toBe(600);
    expect(negativeFor("张三", names, items, list, "不得评优", counts)).toBe(false);
    expect(negativeFor("张三", names, items, list, "说明", counts)).toBe(
      "负面清单 1-1「无故不参加组织生活」3 次：扣 5 分（每次 2 分，本项上限 5 分）；负面清单 3-2「违规发放补贴」3 次：摘 3 星，扣绩效工资 600.00 元",
    );
  });
  it("王五: a fail item bars 优秀, fails, and costs 50.50 yuan", () => {
    expect(negativeFor("王五", names, items, list, "fail")).toBe(true);
    expect(negativeFor("王五", names, items, list, "notop")).toBe(true);
    expect(negativeFor("王五", names, items, list, "yuan")).toBe(50.5);
  });
  it("someone with no records: 0 points; a blank name: empty", () => {
    expect(negativeFor("赵六", names, items, list)).toBe(0);
    expect(negativeFor("", names, items, list)).toBe("");
  });
  it("an item not on the list is #N/A naming the record's row", () => {
    const e = ruleErrorOf(() => negativeFor("张三", names, [["1-1"], ["3-2"], ["9-9"], ["1-1"], ["5-2"]], list));
    expect(e.code).toBe("#N/A");
    expect(e.describe("zh-CN")).toBe("参数“记录条目”（record_items）第3行：“9-9”不是负面清单中的条目；请填写清单中的编号或内容，或先在考核方案中加上这一条");
  });
  it("a bad list row is #VALUE! naming its row in the range and what is wrong", () => {
    const bad = [list[0], ["1-2", "村务公开", "x", 1, "", "", "", "", ""]];
    const e = ruleErrorOf(() => negativeFor("张三", names, items, bad));
    expect(e.code).toBe("#VALUE!");
    expect(e.describe("zh-CN")).toContain("参数“负面清单”（list）第2行");
    expect(e.describe("zh-CN")).toContain("类别应为五类之一");
  });
  it("a list of the wrong width and an unknown part are refused", () => {
    expect(ruleErrorOf(() => negativeFor("张三", names, items, [["1-1", "x"]])).key).toBe("tableColumns");
    expect(ruleErrorOf(() => negativeFor("张三", names, items, list, "全部")).key).toBe("unknownOption");
  });
});
