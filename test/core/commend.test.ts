import { describe, expect, it } from "vitest";
import { commendationList, helperList, type ListMember } from "../../src/core/commend";

const m = (name: string, branch: string, stars: number | null, tiebreak?: number, helper?: string): ListMember => ({ name, branch, stars, tiebreak, helper });

const members: ListMember[] = [
  m("张一", "一支部", 10, 95),
  m("张二", "一支部", 9, 90),
  m("张三", "一支部", 2),
  m("张四", "一支部", 1),
  m("张五", "一支部", 0),
  m("张六", "一支部", 8, 80),
  m("张七", "一支部", 8, 85),
  m("李一", "二支部", 3),
  m("李二", "二支部", 2),
  m("李三", "二支部", 9),
  m("赵一", "二支部", null),
];

const pairs = (list: readonly ListMember[], out: ReturnType<typeof helperList>) => out.map((a) => [list[a.index].name, a.helper]);

describe("the commendation list", () => {
  it("9 stars or more, branch by branch, most first, each flagged for the reserve pool", () => {
    expect(commendationList(members)).toEqual([
      { index: 0, reserveCandidate: true },
      { index: 1, reserveCandidate: true },
      { index: 9, reserveCandidate: true },
    ]);
  });
  it("the scheme may leave the reserve flag off and set another threshold", () => {
    expect(commendationList(members, 8, false).map((c) => members[c.index].name)).toEqual(["张一", "张二", "张七", "张六", "李三"]);
    expect(commendationList(members, 8, false).every((c) => !c.reserveCandidate)).toBe(true);
  });
});

describe("the helper list", () => {
  it("fewest stars first, each to the best-star member of the branch with room (2 each by default)", () => {
    expect(pairs(members, helperList(members))).toEqual([
      ["张五", "张一"],
      ["张四", "张一"],
      ["张三", "张二"],
      ["李二", "李三"],
    ]);
  });
  it("the same members in another row order give the same pairs (branches listed in their new order)", () => {
    const sorted = (p: (string | null)[][]) => p.map((x) => x.join("←")).sort();
    const expected = sorted(pairs(members, helperList(members)));
    const reversed = [...members].reverse();
    expect(sorted(pairs(reversed, helperList(reversed)))).toEqual(expected);
    const byName = [...members].sort((a, b) => (a.name < b.name ? 1 : -1));
    expect(sorted(pairs(byName, helperList(byName)))).toEqual(expected);
    expect(expected).toEqual(["张三←张二", "张五←张一", "张四←张一", "李二←李三"]);
  });
  it("equal stars are settled by the tiebreak: 张七 (85) helps before 张六 (80)", () => {
    expect(pairs(members, helperList(members, { maxHelped: 1 }))).toEqual([
      ["张五", "张一"],
      ["张四", "张二"],
      ["张三", "张七"],
      ["李二", "李三"],
    ]);
  });
  it("a helper the user typed is kept on the next run and counts toward the helper's load", () => {
    const edited = members.map((x) => (x.name === "张四" ? { ...x, helper: "张七" } : x));
    const out = helperList(edited);
    expect(pairs(edited, out)).toEqual([
      ["张五", "张一"],
      ["张四", "张七"],
      ["张三", "张一"],
      ["李二", "李三"],
    ]);
    expect(out.map((a) => a.kept)).toEqual([false, true, false, false]);
    expect(out[1].helperIndex).toBe(6);
  });
  it("typed helpers past the limit are kept and noted", () => {
    const edited = members.map((x) => (x.name === "张四" || x.name === "张五" ? { ...x, helper: "张一" } : x));
    const out = helperList(edited, { maxHelped: 1 });
    expect(pairs(edited, out)).toEqual([
      ["张五", "张一"],
      ["张四", "张一"],
      ["张三", "张二"],
      ["李二", "李三"],
    ]);
    expect(out[0].note).toBe("张一帮扶 2 人，超过每人 1 人的上限");
    expect(out[2].note).toBeUndefined();
  });
  it("a typed helper who is backward too, or not of the branch, is kept with a note to look again", () => {
    const edited = members.map((x) => (x.name === "张四" ? { ...x, helper: "张五" } : x.name === "张三" ? { ...x, helper: "李三" } : x));
    const out = helperList(edited);
    expect(out.map((a) => [edited[a.index].name, a.helper, a.kept, a.note])).toEqual([
      ["张五", "张一", false, undefined],
      ["张四", "张五", true, "帮扶人张五本人为 0 星，在后进线以下，请重新确定"],
      ["张三", "李三", true, "帮扶人李三不在本支部已评星党员中，请核对"],
      ["李二", "李三", false, undefined],
    ]);
  });
  it("a branch with nobody free says so rather than reaching into another branch", () => {
    const out = helperList([m("王一", "三支部", 1), m("王二", "三支部", 2), m("李三", "二支部", 9)]);
    expect(out.map((a) => [a.helper, a.note])).toEqual([
      [null, "本支部没有可安排的帮扶人（星级较高的党员均已满额）"],
      [null, "本支部没有可安排的帮扶人（星级较高的党员均已满额）"],
    ]);
  });
  it("the threshold is a setting: at 3, 李一 is backward too and 李三 helps both", () => {
    expect(pairs(members, helperList(members, { threshold: 3 })).slice(3)).toEqual([
      ["李二", "李三"],
      ["李一", "李三"],
    ]);
  });
});
