import { describe, expect, it } from "vitest";
import {
  applyNegativeList,
  DEFAULT_NEGATIVE_LIST,
  NEGATIVE_CATEGORIES,
  validateNegativeList,
  type NegativeList,
} from "../../src/core/negative-list";
import { ruleErrorOf } from "./helpers";

const list: NegativeList = {
  items: [
    { id: "1-1", category: "党的组织纪律和工作纪律", text: "无故不参加组织生活", points: 2, pointsCap: 5 },
    { id: "2-1", category: "村务民主决策", text: "未经程序擅自决策", points: 1.5, noTop: true },
    { id: "3-1", category: "村务民主管理", text: "违规发放补贴", removeStars: 2, yuan: 200.5 },
    { id: "5-2", category: "社会秩序管理", text: "发生重大安全事故", fail: true, yuan: 0.1 },
  ],
};

describe("applying one person's records", () => {
  it("no records: nothing happens", () => {
    expect(applyNegativeList([], list)).toEqual({ deduction: 0, starsRemoved: 0, noTop: false, forcedFail: false, yuanDeducted: 0, reasons: [] });
  });
  it("points per event stop at the item's cap: 3 events × 2 = 6, capped at 5", () => {
    const out = applyNegativeList([{ item: "1-1", count: 2 }, { item: "1-1" }], list);
    expect(out.deduction).toBe(5);
    expect(out.reasons).toEqual(["负面清单 1-1「无故不参加组织生活」3 次：扣 5 分（每次 2 分，本项上限 5 分）"]);
  });
  it("below the cap every event counts: 2 × 2 = 4", () => {
    expect(applyNegativeList([{ item: "1-1", count: 2 }], list).deduction).toBe(4);
  });
  it("adds points exactly: 1.5 × 3 + 4 = 8.5", () => {
    expect(applyNegativeList([{ item: "2-1", count: 3 }, { item: "1-1", count: 2 }], list).deduction).toBe(8.5);
  });
  it("a combination: stars and yuan per event, in whole fen (2 × 200.50 yuan = 40100 fen)", () => {
    const out = applyNegativeList([{ item: "违规发放补贴", count: 2 }], list);
    expect(out).toMatchObject({ starsRemoved: 4, yuanDeducted: 40100, noTop: false, forcedFail: false, deduction: 0 });
    expect(out.reasons).toEqual(["负面清单 3-1「违规发放补贴」2 次：摘 4 星，扣绩效工资 401.00 元"]);
  });
  it("one event of a no-top item bars 优秀; a fail item forces the lowest grade and bars 优秀 too", () => {
    expect(applyNegativeList([{ item: "2-1" }], list)).toMatchObject({ noTop: true, forcedFail: false });
    const fail = applyNegativeList([{ item: "5-2" }], list, "不合格");
    expect(fail).toMatchObject({ noTop: true, forcedFail: true, yuanDeducted: 10 });
    expect(fail.reasons[0]).toBe("负面清单 5-2「发生重大安全事故」1 次：定为不合格，扣绩效工资 0.10 元");
  });
  it("reasons follow the list's order whatever the records' order", () => {
    const a = applyNegativeList([{ item: "3-1" }, { item: "1-1" }], list).reasons;
    const b = applyNegativeList([{ item: "1-1" }, { item: "3-1" }], list).reasons;
    expect(a).toEqual(b);
    expect(a[0]).toMatch(/^负面清单 1-1/);
  });
  it("an item named by id with full-width characters or spaces is found", () => {
    expect(applyNegativeList([{ item: " １-１ " }], list).deduction).toBe(2);
  });
  it("an unknown item is #N/A naming the record's row, never skipped", () => {
    const e = ruleErrorOf(() => applyNegativeList([{ item: "1-1" }, { item: "9-9", row: 7 }], list));
    expect(e.code).toBe("#N/A");
    expect(e.key).toBe("unknownNegativeItem");
    expect(e.params).toMatchObject({ row: 7, value: "9-9" });
    expect(e.describe("zh-CN")).toContain("9-9");
  });
  it("a count of 0, -1 or 1.5 is #VALUE!", () => {
    for (const count of [0, -1, 1.5]) expect(ruleErrorOf(() => applyNegativeList([{ item: "1-1", count }], list)).key).toBe("notInteger");
  });
});

describe("the default list", () => {
  it("has items in each of the five categories and passes its own validation", () => {
    expect(NEGATIVE_CATEGORIES).toHaveLength(5);
    for (const c of NEGATIVE_CATEGORIES) expect(DEFAULT_NEGATIVE_LIST.items.filter((i) => i.category === c).length).toBeGreaterThanOrEqual(2);
    const { list: back, problems } = validateNegativeList(JSON.parse(JSON.stringify(DEFAULT_NEGATIVE_LIST)));
    expect(problems).toEqual([]);
    expect(back).toEqual(DEFAULT_NEGATIVE_LIST);
  });
});

describe("validation", () => {
  it("names each bad item by its path", () => {
    const { list: out, problems } = validateNegativeList({
      items: [
        { id: "1", category: "村务民主决策", text: "a", points: 2 },
        { id: "1", category: "村务公开", text: "", },
        { id: "3", category: "社会秩序管理", text: "c", yuan: 1.234, removeStars: 1.5, noTop: "也许" },
        { id: "4", category: "社会秩序管理", text: "d", pointsCap: 5 },
      ],
    });
    expect(out).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual([
      "negativeList.items[1].id",
      "negativeList.items[1].category",
      "negativeList.items[1].text",
      "negativeList.items[1]",
      "negativeList.items[2].removeStars",
      "negativeList.items[2].noTop",
      "negativeList.items[2].yuan",
      "negativeList.items[3].pointsCap",
    ]);
    expect(problems[0].zh).toContain("重复");
    expect(problems[6].zh).toContain("1.234 元不是整分");
  });
  it("a list that is not a list of items is one problem", () => {
    expect(validateNegativeList({ items: "x" }).problems.map((p) => p.path)).toEqual(["negativeList.items"]);
    expect(validateNegativeList(null, "scheme.negativeList").problems.map((p) => p.path)).toEqual(["scheme.negativeList.items"]);
  });
  it("a category is matched ignoring width and spaces; a numeric id is read as text", () => {
    const { list: out } = validateNegativeList({ items: [{ id: 7, category: " 村务民主监督 ", text: "x", noTop: true, fail: false }] });
    expect(out?.items[0]).toEqual({ id: "7", category: "村务民主监督", text: "x", noTop: true });
  });
});
