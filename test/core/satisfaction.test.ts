import { describe, expect, it } from "vitest";
import { toRatio } from "../../src/core/exact";
import { satisfactionMean, satisfactionMeanMet, satisfactionShare, satisfactionShareMet } from "../../src/core/satisfaction";

const target = toRatio("65%");

describe("satisfactionShare", () => {
  it("is the share of the units rated satisfied, not the mean of their scores", () => {
    // 20 units: 13 满意, 4 基本满意, 3 不满意. Share 13/20 = 65%: met. Scored 90/70/40, the mean
    // (13×90 + 4×70 + 3×40) / 20 = 1570 / 20 = 78.5 would say met for a different reason; with 12
    // satisfied, 12/20 = 60% is missed while the mean (12×90 + 5×70 + 3×40)/20 = 77.5 still says met.
    const ratings = [...Array<string>(13).fill("满意"), ...Array<string>(4).fill("基本满意"), ...Array<string>(3).fill("不满意")];
    const s = satisfactionShare(ratings);
    expect(s).toEqual({ satisfied: 13, rated: 20, share: { num: 13n, den: 20n }, unreadable: [] });
    expect(satisfactionShareMet(s, target)).toBe(true);
    const fewer = satisfactionShare(["基本满意", ...ratings.slice(1)]);
    expect(fewer.share).toEqual({ num: 3n, den: 5n });
    expect(satisfactionShareMet(fewer, target)).toBe(false);
    const mean = satisfactionMean([...Array<number>(12).fill(90), ...Array<number>(5).fill(70), ...Array<number>(3).fill(40)]);
    expect(mean).toEqual({ num: 31n, den: 40n });
    expect(satisfactionMeanMet(mean, target)).toBe(true);
  });

  it("reads yes/no and stray spaces, leaves blanks out, and never guesses an unknown word", () => {
    const s = satisfactionShare(["满 意", true, "是", "×", false, null, "  ", "良好"]);
    expect(s).toEqual({ satisfied: 3, rated: 5, share: { num: 3n, den: 5n }, unreadable: [7] });
  });

  it("has no share when no unit rated", () => {
    const s = satisfactionShare([null, ""]);
    expect(s.share).toBeNull();
    expect(satisfactionShareMet(s, target)).toBeNull();
    expect(satisfactionMean([null])).toBeNull();
    expect(satisfactionMeanMet(null, target)).toBeNull();
  });

  it("compares exactly at the line: 65 of 100 meets 65%, 64.99 does not", () => {
    expect(satisfactionMeanMet(satisfactionMean([65]), target)).toBe(true);
    expect(satisfactionMeanMet(satisfactionMean([64.99]), target)).toBe(false);
  });
});
