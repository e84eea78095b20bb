import { readFileSync } from "node:fs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { allocate, classes, coef, grade, grades, paySplit, quorum, quota, starCap, starQuota, stars } from "../../src/functions/functions";
import { helpZh } from "../../src/functions/help-zh";

const run = { seed: 42, numRuns: 300 };
const col = <T>(xs: T[]): T[][] => xs.map((x) => [x]);
const flat = (g: unknown) => (g as unknown[][]).map((r) => r[0]);
/** A spill's error: a 1 × 1 grid holding the Excel error. */
const failed = (code: string, text?: string) => [[expect.objectContaining({ code, ...(text ? { message: expect.stringContaining(text) } : {}) })]];
const noNulls = (g: unknown) => {
  for (const row of g as unknown[][]) for (const c of row) expect(c === null || c === undefined).toBe(false);
};

describe("KAOHE.QUORUM: four fifths and two thirds, exactly", () => {
  it("two thirds", () => {
    expect(quorum(2, 3)).toBe(true);
    expect(quorum(1999999, 3000000)).toBe(false);
  });
  it("four fifths of ballots (vote-share grade quorum)", () => {
    expect(quorum(4, 5, "4/5")).toBe(true);
    expect(quorum(39, 50, 0.8)).toBe(false);
    expect(quorum(40, 50, "80%")).toBe(true);
    expect(quorum(3999999, 5000000, 4 / 5)).toBe(false);
    expect(quorum(4000000, 5000000, 4 / 5)).toBe(true);
  });
  it("property: quorum(c, t, 4/5) is exactly 5c ≥ 4t, and quorum(c, t) is exactly 3c ≥ 2t", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), (a, b) => {
        const [c, t] = a <= b ? [a, b] : [b, a];
        expect(quorum(c, t, "4/5")).toBe(5 * c >= 4 * t);
        expect(quorum(c, t, 0.8)).toBe(5 * c >= 4 * t);
        expect(quorum(c, t)).toBe(3 * c >= 2 * t);
      }),
      run,
    );
  });
});

describe("KAOHE.GRADE", () => {
  it("bands, veto and blanks", () => {
    expect(grade(90)).toBe("优秀");
    expect(grade(85)).toBe("称职");
    expect(grade("85")).toBe("称职");
    expect(grade(95, null as never, null as never, true)).toBe("称职");
    expect(grade(95, undefined, undefined, true, "fail")).toBe("不称职");
    expect(grade(95, undefined, undefined, true, "不称职")).toBe("不称职");
    expect(grade("")).toBe("");
    expect(grade(null)).toBe("");
  });
  it("custom scale from array constants", () => {
    expect(grade(76, [[90, 75, 60]], [["优秀", "合格", "基本合格", "不合格"]])).toBe("合格");
  });
  it("text such as 缺考 is #VALUE! naming the argument; a bad scale is #VALUE!", () => {
    expect(grade("缺考")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("参数“分数”（score）") });
    expect(grade(80, [[90, 80]], [["a", "b"]])).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("labels") });
    expect(grade(80, undefined, undefined, undefined, "maybe")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("veto_mode") });
  });
});

describe("KAOHE.QUOTA", () => {
  it("30% of 3 is 0, or 1 with a minimum; Chinese rounding names", () => {
    expect(quota(3, 0.3)).toBe(0);
    expect(quota(3, "30%", "floor", 1)).toBe(1);
    expect(quota(5, 0.3, "四舍五入")).toBe(2);
    expect(quota(11, 0.3, "进一法")).toBe(4);
    expect(quota(11, 0.3, "去尾法")).toBe(3);
    expect(quota(10, 1 / 3)).toBe(3);
  });
  it("errors name the argument", () => {
    expect(quota(10, 30)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("大于 1") });
    expect(quota(10, 0.3, "up")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("rounding") });
    expect(quota(-1, 0.3)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("参数“人数”（n）") });
    expect(quota(10, null as never)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("不能为空；请填写") });
  });
});

describe("KAOHE.GRADES", () => {
  const scores = col([99, 97, 95, 85, "", 70, 70, 70, 50, 60, 61]);
  it("without a quota: the bands, blank rows empty, same shape", () => {
    const out = grades(scores);
    expect(out).toHaveLength(11);
    expect(flat(out).slice(0, 5)).toEqual(["优秀", "优秀", "优秀", "称职", ""]);
    noNulls(out);
  });
  it("20% of the 10 scored rows: 2 优秀, the third becomes 称职", () => {
    expect(flat(grades(scores, null as never, null as never, 0.2)).slice(0, 3)).toEqual(["优秀", "优秀", "称职"]);
  });
  it("per group, with eligibility, tiebreak and tie policy", () => {
    const s = col([95, 95, 93, 80, 80, 95, 91, 90, 70, 70]);
    const g = col(["甲", "甲", "甲", "甲", "甲", "乙", "乙", "乙", "乙", "乙"]);
    const ok = col([true, "", "是", "", "", false, "", "", "", ""]);
    // 甲: quota floor(0.4 × 5) = 2, two tied at 95 fit. 乙: the ineligible 95 is out; 91 and 90 take the 2 places.
    expect(flat(grades(s, undefined, undefined, 0.4, g, ok))).toEqual(["优秀", "优秀", "称职", "称职", "称职", "称职", "优秀", "优秀", "基本称职", "基本称职"]);
    // quota 1 in each group: the 95s in 甲 tie; strict gives neither, order the first, all both with the mark.
    expect(flat(grades(s, undefined, undefined, 0.2, g, ok)).slice(0, 2)).toEqual(["称职", "称职"]);
    expect(flat(grades(s, undefined, undefined, 0.2, g, ok, undefined, "order")).slice(0, 2)).toEqual(["优秀", "称职"]);
    expect(flat(grades(s, undefined, undefined, 0.2, g, ok, undefined, "all")).slice(0, 2)).toEqual(["优秀（超额）", "优秀（超额）"]);
    // A tiebreak decides it.
    const tb = col([80, 85, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(flat(grades(s, undefined, undefined, 0.2, g, ok, tb)).slice(0, 2)).toEqual(["称职", "优秀"]);
  });
  it("minimum and rounding: a branch of 3 at 1/3 with ceil, or 30% with minimum 1", () => {
    const s = col([96, 95, 94]);
    expect(flat(grades(s, undefined, undefined, 0.3))).toEqual(["称职", "称职", "称职"]);
    expect(flat(grades(s, undefined, undefined, 0.3, undefined, undefined, undefined, undefined, undefined, 1))).toEqual(["优秀", "称职", "称职"]);
    expect(flat(grades(s, undefined, undefined, 0.5, undefined, undefined, undefined, undefined, "进一法"))).toEqual(["优秀", "优秀", "称职"]);
  });
  it("veto column, in fail mode", () => {
    const s = col([96, 85]);
    expect(flat(grades(s, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, col([true, false]), "fail"))).toEqual(["不称职", "称职"]);
  });
  it("a row-shaped input spills as a row", () => {
    expect(grades([[95, 85, ""]])).toEqual([["优秀", "称职", ""]]);
  });
  it("errors name the argument and the row", () => {
    expect(grades(col([90, "缺考"]))).toEqual(failed("#VALUE!", "参数“分数”（scores）第2行"));
    expect(grades(col([90, 80]), undefined, undefined, 0.2, col(["a"]))).toEqual(failed("#VALUE!", "groups"));
    expect(grades(col([90, 80]), undefined, undefined, 0.2, undefined, col([true, "也许"]))).toEqual(failed("#VALUE!", "参数“可评最高等次”（eligible）第2行"));
    expect(grades(col([90]), undefined, undefined, 0.2, undefined, undefined, undefined, "random")).toEqual(failed("#VALUE!", "tie_policy"));
  });
  it("messages are in English when Office says so", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "en-US" } };
    try {
      expect(grades(col([90, "absent"]))).toEqual([[{ code: "#VALUE!", message: 'scores, row 2: "absent" is not a number; enter a number or leave it blank' }]]);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});

describe("KAOHE.CLASSES", () => {
  it("3:5:2 of 10, with a blank row and groups", () => {
    const out = classes(col([91, 85, 99, 70, 88, 60, 77, 95, 81, 66, ""]), [[3, 5, 2]]);
    expect(flat(out)).toEqual([1, 2, 1, 2, 2, 3, 2, 1, 2, 3, ""]);
    expect(flat(classes(col([90, 80, 70, 60]), [["50%", "50%"]], col(["a", "a", "b", "b"])))).toEqual([1, 2, 1, 2]);
  });
  it("ratios are required and must not all be 0", () => {
    expect(classes(col([1, 2]), null as never)).toEqual(failed("#VALUE!", "ratios"));
    expect(classes(col([1, 2]), [[0, 0]])).toEqual(failed("#VALUE!", "全为 0"));
  });
  it("property: class sizes sum to the group size and no tie is split", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 50, max: 60 }), { nil: "" }), { minLength: 1, maxLength: 50 }), (xs) => {
        const out = flat(classes(col(xs), [[3, 5, 2]]));
        expect(out.filter((c) => c !== "").length).toBe(xs.filter((x) => x !== "").length);
        xs.forEach((x, i) => xs.forEach((y, j) => x !== "" && x === y && expect(out[i]).toBe(out[j])));
      }),
      run,
    );
  });
});

describe("KAOHE.STARS and KAOHE.STARCAP", () => {
  it("stars from a row of aspect scores, with a cap or a category", () => {
    expect(stars([[95, 92, 80, 70]])).toBe(5); // 2 + 2 + 1 + 0
    expect(stars([[95, 92, 91, 90, 99]], undefined, 10)).toBe(10);
    expect(stars([[95, 92, 91, 90, 99]], undefined, "外出流动党员")).toBe(6);
    expect(stars([[95, 80]], [[95, 85, 75]])).toBe(4);
  });
  it("缺考 in an aspect is #VALUE! naming the column; an unknown category #N/A", () => {
    expect(stars([[95, "缺考"]])).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("第2列") });
    expect(stars([[95]], undefined, "预备党员")).toMatchObject({ code: "#N/A", message: expect.stringContaining("预备党员") });
  });
  it("a blank aspect is #N/A naming its place in the range, row or column, and saying to enter 0 (issue 10)", () => {
    expect(stars([[95, 92, 80, 70, ""]])).toMatchObject({ code: "#N/A", message: expect.stringMatching(/第5列.*不能留空/) });
    expect(stars([[95], [null], [80]])).toMatchObject({ code: "#N/A", message: expect.stringContaining("第2行") });
  });
  it("caps of the four categories, a custom table, blanks", () => {
    expect(starCap("村干部党员")).toBe(10);
    expect(starCap("有劳动能力无职党员")).toBe(10);
    expect(starCap("年老体弱党员")).toBe(6);
    expect(starCap("外出流动党员")).toBe(6);
    expect(starCap("")).toBe("");
    expect(starCap("农村党员", [["农村党员", 8], ["", ""]])).toBe(8);
    expect(starCap("流动人员")).toMatchObject({ code: "#N/A", message: expect.stringContaining("流动人员") });
    expect(starCap("甲", [["甲", 8, 1]])).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("2 列") });
    expect(starCap("甲", [["甲", "八"]])).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("参数“对照表”（table）第1行第2列") });
  });
});

describe("KAOHE.STARQUOTA", () => {
  const starsCol = col([10, 9, 9, 10, 9, 7, 6, 8, 5, 4, ""]);
  const capsCol = col([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
  it("the star-striving action opinions with strict ties; blank rows empty", () => {
    const out = starQuota(starsCol, capsCol);
    expect(flat(out)).toEqual([10, 8, 8, 10, 8, 7, 6, 8, 5, 4, ""]);
    noNulls(out);
  });
  it("a tiebreak or row order settles the tied 9s", () => {
    const tb = col([0, 70, 90, 0, 80, 0, 0, 0, 0, 0, 0]);
    expect(flat(starQuota(starsCol, capsCol, tb)).slice(0, 5)).toEqual([10, 8, 9, 10, 8]);
    expect(flat(starQuota(starsCol, capsCol, undefined, undefined, undefined, "order")).slice(0, 5)).toEqual([10, 9, 8, 10, 8]);
  });
  it("caps may be categories; rules may be a county's own", () => {
    const cats = col(["外出流动党员", "外出流动党员", "外出流动党员", "村干部党员"]);
    expect(flat(starQuota(col([5, 6, 5, 9]), cats))).toEqual([4, 4, 4, 8]);
    expect(flat(starQuota(col([5, 6, 5, 9]), cats, undefined, undefined, [[6, 5, 1], [10, 9, 1]]))).toEqual([5, 6, 5, 9]);
  });
  it("groups are branches", () => {
    const s = col([9, 8, 8, 8, 9, 8, 8, 8]);
    const caps = col([10, 10, 10, 10, 10, 10, 10, 10]);
    // 4 per branch: 30% of 4 → 1, so each branch keeps its 9.
    expect(flat(starQuota(s, caps, undefined, col(["一", "一", "一", "一", "二", "二", "二", "二"])))).toEqual([9, 8, 8, 8, 9, 8, 8, 8]);
    // As one group of 8: 30% → 2, and both 9s keep.
    expect(flat(starQuota(s, caps))).toEqual([9, 8, 8, 8, 9, 8, 8, 8]);
  });
  it("errors: stars above the cap, a missing cap, fractional stars, policy all, rules shape", () => {
    expect(starQuota(col([7]), col([6]))).toEqual(failed("#VALUE!", "参数“星数”（stars）第1行"));
    expect(starQuota(col([7, 5]), col([10, ""]))).toEqual(failed("#VALUE!", "参数“上限”（caps）第2行"));
    expect(starQuota(col([7.5]), col([10]))).toEqual(failed("#VALUE!", "整数"));
    expect(starQuota(col([7]), col([10]), undefined, undefined, undefined, "all")).toEqual(failed("#VALUE!", "tie_policy"));
    expect(starQuota(col([7]), col([10]), undefined, undefined, [[10, 9]])).toEqual(failed("#VALUE!", "3 列"));
  });
});

describe("KAOHE.PAYSPLIT", () => {
  it("70/30 by default, to the fen", () => {
    expect(paySplit(5000)).toEqual([[3500, 1500]]);
    expect(paySplit(1234.57)).toEqual([[864.2, 370.37]]);
    expect(paySplit(3000, 0.6)).toEqual([[1800, 1200]]);
    expect(paySplit("4,800.50", "60%")).toEqual([[2880.3, 1920.2]]);
  });
  it("a fraction of a fen is #VALUE!; a ratio of 70 is #VALUE!", () => {
    expect(paySplit(100.005)).toEqual(failed("#VALUE!", "不是整分"));
    expect(paySplit(100, 70)).toEqual(failed("#VALUE!", "basic_ratio"));
  });
  it("property: basic + performance = total in fen, and both display with at most two decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 11 }), fc.nat(100), (fen, p) => {
        const [[basic, perf]] = paySplit(fen / 100, p / 100) as number[][];
        expect(Math.round(basic * 100) + Math.round(perf * 100)).toBe(fen);
        for (const x of [basic, perf]) expect(String(x)).toMatch(/^\d+(\.\d{1,2})?$/);
      }),
      run,
    );
  });
});

describe("KAOHE.ALLOCATE", () => {
  it("100 yuan in three: 33.34, 33.33, 33.33; blank weights empty", () => {
    expect(allocate(100, col([1, 1, "", 1]))).toEqual(col([33.34, 33.33, "", 33.33]));
  });
  it("by score, Σ = pool exactly and every share displays as typed", () => {
    const out = flat(allocate(12345.67, col([88.5, 92, 75.25, 60, 99.9]))) as number[];
    expect(Math.round(out.reduce((s, x) => s + x * 100, 0))).toBe(1234567);
    for (const x of out) expect(String(x)).toMatch(/^\d+(\.\d{1,2})?$/);
  });
  it("in whole yuan with unit 1", () => {
    expect(allocate(1000, col([1, 1, 1]), 1)).toEqual(col([334, 333, 333]));
    expect(allocate(1000.5, col([1, 1]), 1)).toEqual(failed("#VALUE!", "整数倍"));
  });
  it("zero pool, all-zero weights, negative and text weights", () => {
    expect(allocate(0, col([0, 0]))).toEqual(col([0, 0]));
    // All weights 0 (a township's cadres all 不称职): nobody has a claim, each gets 0 and the 100 yuan stay unshared (issue 10: was #DIV/0!).
    expect(allocate(100, col([0, 0]))).toEqual(col([0, 0]));
    expect(allocate(100, col([0, ""]))).toEqual(col([0, ""]));
    expect(allocate(100, col([1, -1]))).toEqual(failed("#VALUE!", "参数“权重”（weights）第2行"));
    expect(allocate(100, col([1, "缺"]))).toEqual(failed("#VALUE!", "参数“权重”（weights）第2行"));
    expect(allocate(-5, col([1]))).toEqual(failed("#VALUE!", "pool"));
    expect(allocate(100.001, col([1]))).toEqual(failed("#VALUE!", "不是整分"));
    expect(allocate(100, col([1]), 0)).toEqual(failed("#VALUE!", "参数“分配单位”（unit）：0 超出允许范围：应不小于 0.01"));
    expect(allocate(1e308, col([1]))).toEqual(failed("#VALUE!", "参数“分配总额”（pool）：1×10³⁰⁸ 太大，超出能精确计算的范围：应在 0 至 90071992547409.9 之间"));
  });
  it("property: Σ allocated = pool exactly in fen for any weights", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 10 }), fc.array(fc.oneof(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.constant("")), { minLength: 1, maxLength: 40 }), (fen, ws) => {
        fc.pre(ws.some((w) => typeof w === "number" && w > 0));
        const out = flat(allocate(fen / 100, col(ws)));
        const total = out.reduce<number>((s, x) => s + (x === "" ? 0 : Math.round((x as number) * 100)), 0);
        expect(total).toBe(fen);
        out.forEach((x, i) => expect(x === "").toBe(ws[i] === ""));
      }),
      run,
    );
  });
});

describe("KAOHE.COEF", () => {
  it("the default coefficients, same shape, blanks empty, unknown labels #N/A in their own cell", () => {
    const out = coef([
      ["优秀", "称职"],
      ["基本合格", ""],
      ["良好", "不称职"],
    ]) as unknown[][];
    expect(out[0]).toEqual([1.2, 1]);
    expect(out[1]).toEqual([0.8, ""]);
    expect(out[2][0]).toMatchObject({ code: "#N/A", message: expect.stringContaining("良好") });
    expect(out[2][0]).toMatchObject({ message: expect.stringContaining("参数“等次”（grades）第3行") });
    expect(out[2][1]).toBe(0);
  });
  it("an over-quota mark from KAOHE.GRADES counts as the grade; a county table", () => {
    expect(coef(col(["优秀（超额）"]))).toEqual(col([1.2]));
    expect(coef(col(["甲", "乙"]), [["甲", 1.5], ["乙", 1]])).toEqual(col([1.5, 1]));
    expect(coef(col(["甲"]), [["甲", "高"]])).toEqual(failed("#VALUE!", "参数“对照表”（table）第1行第2列"));
  });
});

describe("no exception escapes", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });
  it("odd inputs come back as Excel errors or values, never a throw", () => {
    const odd: unknown[] = [undefined, null, "", [], [[]], [[null]], {}, NaN, Infinity, -1, "x", true, [[1, "a"], [2]]];
    const fns = [grade, quota, grades, classes, stars, starCap, starQuota, paySplit, allocate, coef] as unknown as ((...a: unknown[]) => unknown)[];
    for (const f of fns) for (const a of odd) for (const b of odd) expect(() => f(a, b)).not.toThrow();
  });
});

describe("Chinese help", () => {
  const source = readFileSync(new URL("../../src/functions/functions.ts", import.meta.url), "utf8");
  const ids = ["GRADE", "QUOTA", "GRADES", "CLASSES", "STARS", "STARCAP", "STARQUOTA", "PAYSPLIT", "ALLOCATE", "COEF"];
  it.each(ids)("%s has a description with an example and one entry per parameter", (id) => {
    const block = source.split("@customfunction ").find((b) => b.startsWith(`${id}\n`)) as string;
    expect(block).toBeDefined();
    const params = [...block.split("@returns")[0].matchAll(/@param \[?(\w+)\]?/g)].map((m) => m[1]);
    const help = helpZh[id];
    expect(help.description).toMatch(/例：=KAOHE\./);
    expect(Object.keys(help.params)).toEqual(params);
    for (const p of params) expect(help.params[p]).toMatch(/例：/);
  });
});

describe("Excel metadata", () => {
  it("the spills are matrices and the single results scalars, as the generator reads the JSDoc and types", async () => {
    const { metadataJson } = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    const fns = (JSON.parse(metadataJson) as { functions: { id: string; result: { dimensionality?: string } }[] }).functions;
    const dim = (id: string) => fns.find((f) => f.id === id)?.result.dimensionality ?? "scalar";
    for (const id of ["GRADES", "CLASSES", "STARQUOTA", "PAYSPLIT", "ALLOCATE", "COEF"]) expect(dim(id), id).toBe("matrix");
    for (const id of ["GRADE", "QUOTA", "STARS", "STARCAP"]) expect(dim(id), id).toBe("scalar");
  });
});
