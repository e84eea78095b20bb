import { describe, expect, it } from "vitest";
import { fourPromiseScore, fourPromiseStars, yearEndShare } from "../../src/core/four-promises";
import { ruleErrorOf } from "./helpers";

const yes = true;
const no = false;

describe("fourPromiseScore", () => {
  it("weighs practice, the half-year evaluation and the year-end result equally by default", () => {
    // Two promises, item max 5.
    //   P = quarters practised 4 + 2 = 6 of 8 = 3/4
    //   H = (90 + 70) / 200 = 4/5
    //   Y = (1 + ½) / 2 = 3/4
    //   score = 5 × (3/4 + 4/5 + 3/4) / 3 = 5 × 2.3 / 3 = 23/6 = 3.8333…
    const r = fourPromiseScore(
      [
        { quarters: [yes, yes, yes, yes], halfYear: 90, yearEnd: 1 },
        { quarters: [yes, no, yes, no], halfYear: 70, yearEnd: 0.5 },
      ],
      5,
    );
    expect(r).toEqual({ ok: true, score: 23 / 6, practice: 0.75, halfYear: 0.8, yearEnd: 0.75, noPromise: false });
  });

  it("takes the scheme's weights", () => {
    // One promise fully practised (P = 1), evaluated 60 (H = 0.6), not kept (Y = 0); weights 1:1:2
    // score = 5 × (1 + 0.6 + 0) / 4 = 2
    const r = fourPromiseScore([{ quarters: [yes, yes, yes, yes], halfYear: 60, yearEnd: 0 }], 5, { practice: 1, halfYear: 1, yearEnd: 2 });
    expect(r).toMatchObject({ ok: true, score: 2 });
  });

  it("scores nothing where no promise was set at the start of the year", () => {
    expect(fourPromiseScore([], 5)).toEqual({ ok: true, score: 0, practice: 0, halfYear: 0, yearEnd: 0, noPromise: true });
  });

  it("names each blank evaluation or result instead of counting it 0", () => {
    expect(
      fourPromiseScore(
        [
          { quarters: [yes, yes], halfYear: null, yearEnd: 1 },
          { quarters: [], halfYear: 80, yearEnd: null },
        ],
        5,
      ),
    ).toEqual({
      ok: false,
      gaps: [
        { promise: 0, stage: "halfYear" },
        { promise: 1, stage: "yearEnd" },
      ],
    });
  });

  it("rejects an evaluation above 100, a result above 1 and weights of 0", () => {
    expect(ruleErrorOf(() => fourPromiseScore([{ quarters: [], halfYear: 101, yearEnd: 1 }], 5))).toMatchObject({ key: "outOfRange" });
    expect(ruleErrorOf(() => fourPromiseScore([{ quarters: [], halfYear: 80, yearEnd: 2 }], 5))).toMatchObject({ key: "outOfRange" });
    expect(ruleErrorOf(() => fourPromiseScore([{ quarters: [], halfYear: 80, yearEnd: 1 }], 5, { practice: 0, halfYear: 0, yearEnd: 0 }))).toMatchObject({ code: "#DIV/0!" });
  });
});

describe("yearEndShare", () => {
  it("reads the words of the year-end result and a share", () => {
    expect(["兑现", "部分兑现", "未兑现", " 基本兑现 ", "0.8", "50%", "良好", "1.5"].map(yearEndShare)).toEqual([1, 0.5, 0, 0.5, 0.8, 0.5, undefined, undefined]);
  });
});

describe("fourPromiseStars", () => {
  it("gives a star per threshold reached, as a percentage of the item's maximum, exactly", () => {
    // 4.35 of 5 is exactly 87%: reaches 87, not 90
    expect(fourPromiseStars(4.35, 5, [90, 87, 60])).toBe(2);
    expect(fourPromiseStars(2.9, 5, [90, 87, 60])).toBe(0);
    expect(fourPromiseStars(5, 5, [90, 87, 60])).toBe(3);
  });
});
