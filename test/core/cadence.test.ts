import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countByPeriod, missingPeriods, periodCounter, periodIndex, periodLabel, periodStart, type Period } from "../../src/core/cadence";
import { RuleError } from "../../src/core/errors";
import { calendarOf, excelSerial, parseDateText } from "../../src/core/dates";
import { meetsTarget } from "../../src/core/targets";

const d = (s: string) => parseDateText(s)!;

describe("periods", () => {
  it("names periods as people say them", () => {
    expect(periodLabel(periodIndex(d("2025-3-5"), "month"), "month")).toBe("2025年3月");
    expect(periodLabel(periodIndex(d("2025-8-1"), "quarter"), "quarter")).toBe("2025年第三季度");
    expect(periodLabel(periodIndex(d("2025-6-30"), "half"), "half")).toBe("2025年上半年");
    expect(periodLabel(periodIndex(d("2025-7-1"), "half"), "half")).toBe("2025年下半年");
    expect(periodLabel(periodIndex(d("2025-12-31"), "year"), "year")).toBe("2025年");
    // 2025-03-05 is a Wednesday: its week runs Monday 3 March to Sunday 9 March
    expect(periodLabel(periodIndex(d("2025-3-5"), "week"), "week")).toBe("2025年3月3日至9日当周");
    expect(periodLabel(periodIndex(d("2025-3-31"), "week"), "week")).toBe("2025年3月31日至4月6日当周");
  });

  it("starts every period on its first day, and a period's days all share its index", () => {
    for (const p of ["week", "month", "quarter", "half", "year"] as Period[]) {
      for (let s = d("2024-1-1"); s < d("2026-1-1"); s += 13) {
        const i = periodIndex(s, p);
        const first = periodStart(i, p);
        expect(first).toBeLessThanOrEqual(s);
        expect(periodIndex(first, p)).toBe(i);
        expect(periodIndex(first - 1, p)).toBe(i - 1);
      }
    }
    expect(calendarOf(periodStart(periodIndex(d("2025-3-5"), "week"), "week")).weekday).toBe(0);
  });

  it("counts the dates in each period between start and end and names the missing ones", () => {
    const dates = ["2025-1-5", "2025-2-10", "2025-2-20", "2025-4-1", "2025-7-31", "2025-12-31"].map(d);
    const months = missingPeriods(dates, "month", 1, d("2025-1-1"), d("2025-12-31")).map((p) => p.label);
    expect(months).toEqual(["2025年3月", "2025年5月", "2025年6月", "2025年8月", "2025年9月", "2025年10月", "2025年11月"]);
    expect(missingPeriods(dates, "half", 2, d("2025-1-1"), d("2025-12-31"))).toEqual([]);
    expect(missingPeriods(dates, "half", 3, d("2025-1-1"), d("2025-12-31")).map((p) => p.label)).toEqual(["2025年下半年"]);
    expect(countByPeriod(dates, "quarter", d("2025-1-1"), d("2025-12-31")).map((p) => p.count)).toEqual([3, 1, 1, 1]);
    // a date outside start–end is not counted
    expect(countByPeriod([d("2024-12-31")], "year", d("2025-1-1"), d("2025-12-31"))[0].count).toBe(0);
  });

  it("never changes a result when an event moves within its period", () => {
    const periods: Period[] = ["week", "month", "quarter", "half", "year"];
    const start = d("2024-1-1");
    const end = d("2026-12-31");
    fc.assert(
      fc.property(fc.constantFrom(...periods), fc.array(fc.integer({ min: start, max: end }), { maxLength: 40 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 3 }), (p, dates, shift, min) => {
        const before = missingPeriods(dates, p, min, start, end).map((x) => x.index);
        const moved = dates.map((s) => {
          const i = periodIndex(s, p);
          const first = periodStart(i, p);
          const length = periodStart(i + 1, p) - first;
          return Math.min(end, first + ((s - first + shift) % length));
        });
        expect(missingPeriods(moved, p, min, start, end).map((x) => x.index)).toEqual(before);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("targets", () => {
  const r = (num: bigint, den: bigint) => ({ num, den });
  it("compares rates and amounts per head exactly", () => {
    expect(meetsTarget(13, 20, r(13n, 20n))).toBe(true);
    expect(meetsTarget(12, 20, r(13n, 20n))).toBe(false);
    expect(meetsTarget(9000, 300, r(30n, 1n))).toBe(true);
    expect(meetsTarget(8999.99, 300, r(30n, 1n))).toBe(false);
    expect(meetsTarget(1999999, 3000000, r(2n, 3n))).toBe(false);
    expect(() => meetsTarget(1, 0, r(1n, 2n))).toThrow();
  });
  it("is exact at the boundary for any whole counts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (total, num, den) => {
        const count = Math.ceil((num * total) / den);
        const ratio = { num: BigInt(num), den: BigInt(den) };
        expect(meetsTarget(count, total, ratio)).toBe(count * den >= num * total);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("dates", () => {
  it("reads serials back to their calendar days", () => {
    for (const [y, m, day] of [[2025, 3, 5], [1900, 3, 1], [2024, 2, 29], [9999, 12, 31]]) {
      expect(calendarOf(excelSerial(y, m, day)!)).toMatchObject({ year: y, month: m, day });
    }
  });
});

describe("the county targets of the county's rural Party-building measures", () => {
  const r = (num: bigint, den: bigint) => ({ num, den });
  const targets = [r(13n, 20n), r(13n, 20n), r(3n, 5n)];
  it("meets each target exactly at its boundary, and says null where there is nothing to measure", async () => {
    const { countyTargetsMet } = await import("../../src/core/targets");
    // 13 of 20 five good (65%), mean satisfaction 65 over two organisations, 6 of 10 five lead (60%)
    expect(countyTargetsMet({ rated: 20, fiveGood: 13, satisfactionSum: 130, satisfactionCount: 2, members: 10, fiveLead: 6 }, targets)).toEqual([true, true, true]);
    expect(countyTargetsMet({ rated: 20, fiveGood: 12, satisfactionSum: 129.99, satisfactionCount: 2, members: 10, fiveLead: 5 }, targets)).toEqual([false, false, false]);
    expect(countyTargetsMet({ rated: 0, fiveGood: 0, satisfactionSum: 0, satisfactionCount: 0, members: 0, fiveLead: 0 }, targets)).toEqual([null, null, null]);
  });
});

describe("periodCounter", () => {
  it("counts a ledger's duties as countByPeriod does, naming only the periods short of the minimum", () => {
    const count = periodCounter(d("2025-1-1"), d("2025-12-31"));
    // Three dates in the first quarter, one in the third: Q2 and Q4 have none.
    const dates = [d("2025-1-5"), d("2025-2-5"), d("2025-3-5"), d("2025-8-1")];
    expect(count(dates, "quarter", 1)).toEqual({ periods: 4, short: ["2025年第二季度", "2025年第四季度"] });
    // Twice a half year: the first half has 3, the second 1.
    expect(count(dates, "half", 2)).toEqual({ periods: 2, short: ["2025年下半年"] });
    expect(count(dates, "month", 1).periods).toBe(12);
    expect(count(dates, "month", 1).short).toHaveLength(8);
    // A date outside the span is not counted; the same counter serves a second list.
    expect(count([d("2024-12-31")], "year", 1)).toEqual({ periods: 1, short: ["2025年"] });
    expect(count(dates, "year", 4)).toEqual({ periods: 1, short: [] });
  });

  it("refuses an end before the start, as countByPeriod does", () => {
    expect(() => periodCounter(d("2025-12-31"), d("2025-1-1"))).toThrow(RuleError);
  });
});
