// KAOHE.GRADES and KAOHE.STARQUOTA with the negative list's per-row bars: a barred person takes no top place and the place passes on.
import { describe, expect, it } from "vitest";
import { grades, starQuota } from "../../src/functions/functions";

const col = <T>(xs: T[]): T[][] => xs.map((x) => [x]);
const flat = (g: unknown) => (g as unknown[][]).map((r) => r[0]);

describe("=KAOHE.GRADES(…, barred)", () => {
  // Four scores, 50% may be 优秀: floor(4 × 50%) = 2 places, 95 and 93 take them, 91 is over the quota.
  const scores = col([95, 93, 91, 85]);
  const graded = (barred?: unknown[], vetoes?: unknown[], mode?: string) => flat(grades(scores, undefined, undefined, "50%", undefined, undefined, undefined, undefined, undefined, undefined, vetoes && col(vetoes), mode, barred && col(barred)));

  it("without bars the quota alone decides", () => {
    expect(graded()).toEqual(["优秀", "优秀", "称职", "称职"]);
  });

  it("不得评优 (or TRUE) bars the top grade and the place passes to 91", () => {
    expect(graded(["不得评优", "", "", ""])).toEqual(["称职", "优秀", "优秀", "称职"]);
    expect(graded([true, false, null, ""])).toEqual(["称职", "优秀", "优秀", "称职"]);
  });

  it("定为末等 forces the lowest grade whatever the score", () => {
    expect(graded(["", "定为末等", "", ""])).toEqual(["优秀", "不称职", "优秀", "称职"]);
  });

  it("a bar acts as its item says even when the table's veto_mode is fail; the typed veto still follows veto_mode", () => {
    expect(graded(["不得评优", "", "", ""], [null, null, null, "是"], "fail")).toEqual(["称职", "优秀", "优秀", "不称职"]);
  });

  it("a bar that is neither a flag nor a known word is #VALUE!", () => {
    const out = grades(scores, undefined, undefined, "50%", undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, col(["也许", "", "", ""]));
    expect(out).toEqual([[expect.objectContaining({ code: "#VALUE!" })]]);
  });
});

describe("=KAOHE.STARQUOTA(…, barred)", () => {
  // Four members of cap 10: floor(4 × 30%) = 1 place at 9 stars or more; the tiebreak orders 10 and 10.
  const stars = col([10, 10, 9, 8]);
  const caps = col([10, 10, 10, 10]);
  const tb = col([90, 80, 70, 60]);

  it("without bars the best tiebreak keeps the place, the others drop to 8", () => {
    expect(flat(starQuota(stars, caps, tb))).toEqual([10, 8, 8, 8]);
  });

  it("a barred member is held at 8 and the place passes to the next", () => {
    expect(flat(starQuota(stars, caps, tb, undefined, undefined, undefined, undefined, undefined, col([true, null, null, null])))).toEqual([8, 10, 8, 8]);
    expect(flat(starQuota(stars, caps, tb, undefined, undefined, undefined, undefined, undefined, col(["是", "", "", ""])))).toEqual([8, 10, 8, 8]);
  });

  it("stars removed come off before the quota: 10 − 2 = 8 leaves the place to the other 10, and 9 drops to 8", () => {
    expect(flat(starQuota(stars, caps, tb, undefined, undefined, undefined, undefined, undefined, undefined, col([2, null, null, null])))).toEqual([8, 10, 8, 8]);
  });

  it("never below 0, and the cap is checked on the stars earned", () => {
    expect(flat(starQuota(col([1]), col([6]), undefined, undefined, undefined, undefined, undefined, undefined, undefined, col([3])))).toEqual([0]);
    expect(starQuota(col([7]), col([6]), undefined, undefined, undefined, undefined, undefined, undefined, undefined, col([2]))).toEqual([[expect.objectContaining({ code: "#VALUE!" })]]);
  });
});
