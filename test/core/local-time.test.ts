// Beijing time for what the reports and the audit say: UTC + 8 hours all year (China keeps no summer time).
import { describe, expect, it } from "vitest";
import { chinaDate, chinaTime } from "../../src/core/local-time";

describe("Beijing time", () => {
  it("is eight hours after UTC, into the next day when UTC is late in the evening", () => {
    const d = new Date("2026-11-25T21:56:58.315Z");
    expect(chinaTime(d)).toBe("2026-11-26 05:56（北京时间）");
    expect(chinaDate(d)).toBe("2026-11-26");
  });

  it("keeps the same day before 16:00 UTC, and writes midnight as 00", () => {
    expect(chinaTime(new Date("2026-03-01T02:05:00Z"))).toBe("2026-03-01 10:05（北京时间）");
    expect(chinaTime(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01 00:00（北京时间）");
    expect(chinaDate(new Date("2026-12-31T15:59:59Z"))).toBe("2026-12-31");
  });

  it("has no summer time: a July day is UTC + 8 as well", () => {
    expect(chinaTime(new Date("2026-07-15T12:30:00Z"))).toBe("2026-07-15 20:30（北京时间）");
  });
});
