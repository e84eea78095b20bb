import { describe, expect, it } from "vitest";
import { contactVisits, type ContactVisit } from "../../src/core/contact-visits";
import { excelSerial } from "../../src/core/dates";

const day = (y: number, m: number, d: number) => excelSerial(y, m, d)!;
let nextRow = 2;
const visit = (organisation: string, date: number, leader: string | null = null): ContactVisit => ({ row: nextRow++, organisation, date, leader });

describe("contactVisits", () => {
  // Two leaders with a contact point each; 西沟村 and 南岭村 are nobody's contact point.
  const list = [
    { row: 2, leader: "王书记", contactPoint: "东关村" },
    { row: 3, leader: "李镇长", contactPoint: "北坡村" },
  ];

  it("counts each leader's visits to his own contact point, and charges non-contact villages nothing", () => {
    const visits = [
      visit("东关村", day(2025, 3, 1), "王书记"),
      visit("东关村", day(2025, 9, 1)), // names nobody: the point's one leader
      visit("北坡村", day(2025, 5, 1), "李镇长"),
      visit("西沟村", day(2025, 6, 1), "李镇长"), // not his point: not counted for him
      visit("南岭村", day(2025, 7, 1)), // nobody's point
    ];
    const r = contactVisits(list, visits, 2025, 2025, 2);
    // Hand count: 王书记 2 at 东关村 (met); 李镇长 1 at 北坡村 (short by 1). Only two leaders are charged,
    // where counting per village charged all four villages.
    expect(r.leaders).toEqual([
      { row: 2, leader: "王书记", contactPoint: "东关村", years: [{ year: 2025, count: 2, shortfall: 0 }] },
      { row: 3, leader: "李镇长", contactPoint: "北坡村", years: [{ year: 2025, count: 1, shortfall: 1 }] },
    ]);
    expect(r.uncounted.map((u) => [u.visit.organisation, u.leader, u.reason])).toEqual([
      ["西沟村", "李镇长", "notContactPoint"],
      ["南岭村", null, "notContactPoint"],
    ]);
  });

  it("counts year by year, and nothing outside the years checked", () => {
    const visits = [visit("东关村", day(2024, 12, 31), "王书记"), visit("东关村", day(2025, 1, 1), "王书记"), visit("东关村", day(2026, 1, 1), "王书记")];
    const r = contactVisits([list[0]], visits, 2024, 2025, 2);
    expect(r.leaders[0].years).toEqual([
      { year: 2024, count: 1, shortfall: 1 },
      { year: 2025, count: 1, shortfall: 1 },
    ]);
    expect(r.uncounted).toEqual([]);
  });

  it("counts a joint visit for each leader whose point it is, and says the names it cannot count", () => {
    const shared = [
      { row: 2, leader: "王书记", contactPoint: "东关村" },
      { row: 3, leader: "赵委员", contactPoint: "东关村" },
      { row: 4, leader: "李镇长", contactPoint: "北坡村" },
    ];
    const visits = [
      visit("东关村", day(2025, 4, 1), "王书记、赵委员"),
      visit("东关村", day(2025, 5, 1), "王书记，李镇长"),
      visit("东关村", day(2025, 6, 1), "钱某"),
      visit("东关村", day(2025, 7, 1)), // two leaders share the point: which one is unknown
    ];
    const r = contactVisits(shared, visits, 2025, 2025, 2);
    expect(r.leaders.map((l) => l.years[0].count)).toEqual([2, 1, 0]);
    expect(r.uncounted.map((u) => [u.leader, u.reason])).toEqual([
      ["李镇长", "notHisContactPoint"],
      ["钱某", "unknownLeader"],
      [null, "whichLeader"],
    ]);
  });

  it("reads names and villages as people type them", () => {
    const r = contactVisits([list[0]], [visit("东关村 ", day(2025, 3, 1), "王 书记"), visit("东关村", day(2025, 4, 1), " 王书记 ")], 2025, 2025, 2);
    expect(r.leaders[0].years[0]).toEqual({ year: 2025, count: 2, shortfall: 0 });
  });
});
