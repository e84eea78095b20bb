import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { percentRank, percentRanks, rank, ranks } from "../../src/functions/functions";

/** A column as Excel passes a range: n × 1. */
const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);
// The worksheet signatures take any[][]; tests pass unknown cells through this one cast.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const range = (cells: unknown[][]): any[][] => cells as any[][];

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("KAOHE.RANK and KAOHE.RANKS: Microsoft's examples", () => {
  const data = range(col(7, 3.5, 3.5, 1, 2));
  it("RANK.EQ(7, data, 1) = 5; RANK.EQ(2, data) = 4; RANK.EQ(3.5, data, 1) = 3", () => {
    expect(rank(7, data, 1)).toBe(5);
    expect(rank(2, data)).toBe(4);
    expect(rank(3.5, data, 1)).toBe(3);
    expect(ranks(data, 1)).toEqual(col(5, 3, 3, 1, 2));
  });
  it("RANK.AVG(94, temperatures) = 4", () => {
    const temps = range(col(89, 88, 92, 101, 94, 97, 95));
    expect(rank(94, temps, 0, "avg")).toBe(4);
    expect(ranks(temps, 0, "avg")).toEqual(col(6, 7, 5, 1, 4, 2, 3));
  });
});

describe("KAOHE.RANK arguments", () => {
  const scores = range(col(90, 90, 85, 80));
  it("order: 0, null or omitted is descending; any other number, TRUE, \"asc\" or \"升序\" ascending", () => {
    expect(rank(85, scores)).toBe(3);
    expect(rank(85, scores, null as unknown as number)).toBe(3);
    expect(rank(85, scores, "0")).toBe(3);
    expect(rank(85, scores, "降序")).toBe(3);
    expect(rank(85, scores, -2)).toBe(2);
    expect(rank(85, scores, true as unknown as number)).toBe(2);
    expect(rank(85, scores, "asc")).toBe(2);
    expect(rank(85, scores, "升序")).toBe(2);
  });
  it("method: eq, avg, dense and their names, case-insensitive", () => {
    expect(rank(85, scores, 0, "eq")).toBe(3);
    expect(rank(90, scores, 0, "RANK.AVG")).toBe(1.5);
    expect(rank(90, scores, 0, "平均")).toBe(1.5);
    expect(rank(85, scores, 0, "dense")).toBe(2);
    expect(rank(85, scores, 0, "中国式")).toBe(2);
    expect(rank(85, scores, 0, "Dense")).toBe(2);
    expect(rank(85, scores, 0, "rank.eq")).toBe(3);
  });
  it("an unknown method or order is #VALUE! listing the choices", () => {
    expect(rank(85, scores, 0, "best")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("中国式") });
    expect(rank(85, scores, "up")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("order") });
  });
  it("blanks, text (even \"85\") and booleans in ref are ignored, as Excel ignores them", () => {
    const mixed = range(col(90, "", null, "85", true, "缺考", 80));
    expect(rank(80, mixed)).toBe(2);
    expect(rank(85, mixed)).toMatchObject({ code: "#N/A" });
  });
  it("a number not in ref is #N/A, saying so in Chinese", () => {
    expect(rank(70, scores)).toMatchObject({ code: "#N/A", message: expect.stringContaining("不在参数“排名区域”（ref）") });
  });
  it("a blank number is 0, as Excel's RANK reads a blank cell", () => {
    expect(rank(null as unknown as number, range(col(0, 5)))).toBe(2);
    expect(rank("" as unknown as number, scores)).toMatchObject({ code: "#N/A" });
  });
  it("a ref with no numbers is #N/A", () => {
    expect(rank(1, range(col("", "x")))).toMatchObject({ code: "#N/A" });
  });
  it("text as number is #VALUE!", () => {
    expect(rank("缺考" as unknown as number, scores)).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("不是数字") });
  });
  it("NaN or Infinity inside ref is #VALUE! naming the argument and row", () => {
    expect(rank(1, range(col(1, 2, NaN)))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("参数“排名区域”（ref）第3行") });
  });
  it("a single number as ref is a 1 × 1 range", () => {
    expect(rank(5, 5 as unknown as number[][])).toBe(1);
  });
});

describe("KAOHE.RANKS", () => {
  it("non-numeric cells get \"\", never null", () => {
    const out = ranks(range(col(90, "", null, "缺考", false, 80)));
    expect(out).toEqual(col(1, "", "", "", "", 2));
    // Results mostly distinct and mostly ties build the spill's rows two ways; a blank is "" in both.
    expect(ranks(range(col(3, "", 1)))).toEqual(col(1, "", 2));
    expect(percentRanks(range(col(5, "", 5, 5, 9)))).toEqual(col(0, "", 0, 0, 1));
  });
  it("keeps the input's shape", () => {
    expect(
      ranks(
        range([
          [1, 2, 3],
          [4, "", 6],
        ]),
      ),
    ).toEqual([
      [5, 4, 3],
      [2, "", 1],
    ]);
  });
  it("ranks within groups; blank labels form one group", () => {
    const out = ranks(range(col(90, 80, 85, 70, 95, 60)), 0, "eq", range(col("一组", "二组", "一组", "二组", "", null)));
    expect(out).toEqual(col(1, 1, 2, 2, 1, 2));
  });
  it("groups of another size are #VALUE! naming both arguments", () => {
    const [[out]] = ranks(range(col(1, 2, 3)), 0, "eq", range(col("A", "B")));
    expect(out).toMatchObject({ code: "#VALUE!" });
    expect((out as { message: string }).message).toContain("groups");
    expect((out as { message: string }).message).toContain("ref");
  });
  it("an error replaces the whole spill as a 1 × 1 grid, so the metadata stays a matrix (office-js issue 2486)", () => {
    expect(ranks(range(col(1, 2)), 0, "best")).toEqual([[{ code: "#VALUE!", message: expect.stringContaining("method") }]]);
    expect(percentRanks(range(col(1, 2)), 0)).toEqual([[{ code: "#NUM!", message: expect.stringContaining("significance") }]]);
  });
  it("a ragged range takes its widest row, short rows blank; a range of one row reads as one", () => {
    expect(ranks(range([[1, 2], [3]]))).toEqual([
      [3, 2],
      [1, ""],
    ]);
    expect(percentRanks(range([[10, 20, 30, 40, 50]]))).toEqual([[0, 0.25, 0.5, 0.75, 1]]);
  });
  it("a bad cell in a wide range is named by its row and column, read in place or through the ragged path", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "en-US" } };
    const notFinite = "ref, row 2, column 2: the value is not a finite number; check the cell's formula or data";
    expect(ranks(range([[1, 2], [3, -Infinity]]))).toEqual([[{ code: "#VALUE!", message: notFinite }]]);
    expect(ranks(range([[1, 2, 5], [3, -Infinity]]))).toEqual([[{ code: "#VALUE!", message: notFinite }]]);
    expect(percentRanks(range([[1, 2], [3, 4]]), 3, false, range(col("a", "b")))).toEqual([
      [{ code: "#VALUE!", message: "groups has 2 cells; it must match array (4 cells): select ranges of the same size" }],
    ]);
  });
  it("a column with no numbers spills blanks", () => {
    expect(ranks(range(col("", "x")))).toEqual(col("", ""));
  });
  it("speaks English in English Excel", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "en-US" } };
    expect(ranks(range(col(1, Infinity)))).toEqual([[{ code: "#VALUE!", message: "ref, row 2: the value is not a finite number; check the cell's formula or data" }]]);
    expect(rank(3, range(col(1, 2)))).toMatchObject({ code: "#N/A", message: "number: 3 is not among the numbers of ref, so it has no rank" });
  });
});

describe("KAOHE.PERCENTRANK and KAOHE.PERCENTRANKS: Microsoft's examples", () => {
  const inc = range(col(13, 12, 11, 8, 4, 3, 2, 1, 1, 1));
  const exc = range(col(1, 2, 3, 6, 6, 6, 7, 8, 9));
  it("PERCENTRANK.INC: 2 → 0.333, 4 → 0.555, 8 → 0.666, 5 → 0.583", () => {
    expect(percentRank(inc, 2)).toBe(0.333);
    expect(percentRank(inc, 4)).toBe(0.555);
    expect(percentRank(inc, 8)).toBe(0.666);
    expect(percentRank(inc, 5)).toBe(0.583);
  });
  it("PERCENTRANK.EXC: 7 → 0.7, 5.43 → 0.381, 5.43 to 1 digit → 0.3", () => {
    expect(percentRank(exc, 7, undefined, true)).toBe(0.7);
    expect(percentRank(exc, 5.43, 3, true)).toBe(0.381);
    expect(percentRank(exc, 5.43, 1, true)).toBe(0.3);
  });
  it("whole column", () => {
    expect(percentRanks(inc)).toEqual(col(1, 0.888, 0.777, 0.666, 0.555, 0.444, 0.333, 0, 0, 0));
    expect(percentRanks(exc, 3, true)).toEqual(col(0.1, 0.2, 0.3, 0.4, 0.4, 0.4, 0.7, 0.8, 0.9));
  });
});

describe("KAOHE.PERCENTRANK arguments and errors", () => {
  const data = range(col(1, 2, 3, "", "4", true));
  it("ignores blanks, text and booleans in array", () => {
    expect(percentRank(data, 2)).toBe(0.5);
  });
  it("an array with no numbers is #NUM!, as Microsoft documents", () => {
    expect(percentRank(range(col("", "x")), 1)).toMatchObject({ code: "#NUM!" });
  });
  it("x outside the data is #N/A naming the range", () => {
    expect(percentRank(data, 4)).toMatchObject({ code: "#N/A", message: expect.stringContaining("1 至 3") });
  });
  it("significance below 1 is #NUM!; text digits and fractions are read as Excel reads them", () => {
    expect(percentRank(data, 2, 0)).toMatchObject({ code: "#NUM!" });
    expect(percentRank(range(col(1, 2, 3, 4)), 2, "2" as unknown as number)).toBe(0.33);
    expect(percentRank(range(col(1, 2, 3, 4)), 2, 2.9)).toBe(0.33);
  });
  it("exclusive accepts TRUE/FALSE, 1/0 and 是/否", () => {
    expect(percentRank(range(col(1, 2, 3)), 2, 3, "是" as unknown as boolean)).toBe(0.5);
    expect(percentRank(range(col(1, 2, 3, 4)), 1, 3, 1 as unknown as boolean)).toBe(0.2);
    expect(percentRank(data, 2, 3, "maybe" as unknown as boolean)).toMatchObject({ code: "#VALUE!" });
  });
  it("PERCENTRANKS in groups, blanks spilling \"\"", () => {
    expect(percentRanks(range(col(10, 20, "", 30, 5)), 3, false, range(col("A", "A", "A", "A", "B")))).toEqual(col(0, 0.5, "", 1, 1));
  });
  it("PERCENTRANKS: groups of another size are #VALUE!", () => {
    expect(percentRanks(range(col(1, 2)), 3, false, range(col("A")))).toMatchObject([[{ code: "#VALUE!" }]]);
  });
});

describe("properties of the worksheet functions", () => {
  const cell = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 60, max: 100 }) },
    { weight: 1, arbitrary: fc.constantFrom("", null, "缺考", "85", true) },
  );
  const column = fc.array(cell, { minLength: 1, maxLength: 40 }).map((cs) => cs.map((c) => [c]));
  const labels = fc.array(fc.constantFrom("A", "B", "", null), { minLength: 40, maxLength: 40 });
  const order = fc.constantFrom(0, 1);
  const method = fc.constantFrom("eq", "avg", "dense");
  const run = { seed: 42, numRuns: 200 };

  it("KAOHE.RANKS equals KAOHE.RANK on every row, with and without groups", () => {
    fc.assert(
      fc.property(column, labels, order, method, (c, ls, o, m) => {
        const groups = ls.slice(0, c.length).map((l) => [l]);
        const whole = ranks(range(c), o, m) as unknown[][];
        const grouped = ranks(range(c), o, m, range(groups)) as unknown[][];
        c.forEach(([x], i) => {
          if (typeof x !== "number") {
            expect(whole[i][0]).toBe("");
            return;
          }
          expect(whole[i][0]).toBe(rank(x, range(c), o, m));
          const own = c.filter((_, j) => (groups[j][0] ?? "") === (groups[i][0] ?? ""));
          expect(grouped[i][0]).toBe(rank(x, range(own), o, m));
        });
      }),
      run,
    );
  });

  it("KAOHE.PERCENTRANKS equals KAOHE.PERCENTRANK on every row", () => {
    fc.assert(
      fc.property(column, fc.integer({ min: 1, max: 5 }), fc.boolean(), (c, d, exc) => {
        const whole = percentRanks(range(c), d, exc) as unknown[][];
        c.forEach(([x], i) => expect(whole[i][0]).toBe(typeof x === "number" ? percentRank(range(c), x, d, exc) : ""));
      }),
      run,
    );
  });

  it("a column of 5,000 rows agrees with the one-cell functions (sampled rows)", () => {
    const random = (() => {
      let a = 7;
      return () => ((a = (a * 48271) % 2147483647) / 2147483647);
    })();
    const c = Array.from({ length: 5000 }, (_, i) => [i % 97 === 0 ? "缺考" : Math.round(600 + random() * 400) / 10]);
    const groups = c.map((_, i) => [["甲镇", "乙镇", "丙镇"][i % 3]]);
    const whole = ranks(range(c), 0, "avg") as unknown[][];
    const grouped = percentRanks(range(c), 3, true, range(groups)) as unknown[][];
    for (let i = 0; i < c.length; i += 123) {
      const x = c[i][0];
      if (typeof x !== "number") {
        expect(whole[i][0]).toBe("");
        continue;
      }
      expect(whole[i][0]).toBe(rank(x, range(c), 0, "avg"));
      const own = c.filter((_, j) => j % 3 === i % 3);
      expect(grouped[i][0]).toBe(percentRank(range(own), x, 3, true));
    }
  });

  it("no exception escapes, whatever the arguments", () => {
    const anything = fc.oneof(fc.anything(), fc.array(fc.array(fc.anything())));
    fc.assert(
      fc.property(anything, anything, anything, anything, (a, b, c, d) => {
        const call = (f: (...args: never[]) => unknown) => expect(() => (f as (...args: unknown[]) => unknown)(a, b, c, d)).not.toThrow();
        call(rank);
        call(ranks);
        call(percentRank);
        call(percentRanks);
      }),
      run,
    );
  });
});
