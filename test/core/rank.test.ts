import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ascendingOrder, groupKey, groupRows, rankAll, rankAllInGroups, rankOf, tiesOf, type RankMethod, type RankOrder } from "../../src/core/rank";
import { ruleErrorOf } from "./helpers";

const orders: RankOrder[] = ["desc", "asc"];
const methods: RankMethod[] = ["eq", "avg", "dense"];

/** The RuleError a call throws, for asserting its Excel code and message key. */

describe("Microsoft's documented examples", () => {
  // support.microsoft.com, "RANK.EQ function": data 7, 3.5, 3.5, 1, 2.
  const data = [7, 3.5, 3.5, 1, 2];
  it("RANK.EQ(7, data, 1) = 5; RANK.EQ(2, data) = 4; RANK.EQ(3.5, data, 1) = 3", () => {
    expect(rankOf(7, data, "asc", "eq")).toBe(5);
    expect(rankOf(2, data, "desc", "eq")).toBe(4);
    expect(rankOf(3.5, data, "asc", "eq")).toBe(3);
    expect(rankAll(data, "asc", "eq")).toEqual([5, 3, 3, 1, 2]);
    expect(rankAll(data, "desc", "eq")).toEqual([1, 2, 2, 5, 4]);
  });
  it("the page's tie correction, 3 + (5 + 1 − 2 − 3)/2 = 3.5, is RANK.AVG", () => {
    expect(rankOf(3.5, data, "asc", "avg")).toBe(3.5);
  });
  // support.microsoft.com, "RANK.AVG function": temperatures 89, 88, 92, 101, 94, 97, 95.
  it("RANK.AVG(94, temperatures) = 4", () => {
    const temps = [89, 88, 92, 101, 94, 97, 95];
    expect(rankOf(94, temps, "desc", "avg")).toBe(4);
    expect(rankAll(temps, "desc", "avg")).toEqual([6, 7, 5, 1, 4, 2, 3]);
  });
});

describe("ties, order and method, by hand", () => {
  const scores = [90, 90, 85, 80, 80, 80, 70];
  it("descending", () => {
    expect(rankAll(scores, "desc", "eq")).toEqual([1, 1, 3, 4, 4, 4, 7]);
    expect(rankAll(scores, "desc", "avg")).toEqual([1.5, 1.5, 3, 5, 5, 5, 7]);
    expect(rankAll(scores, "desc", "dense")).toEqual([1, 1, 2, 3, 3, 3, 4]);
  });
  it("ascending", () => {
    expect(rankAll(scores, "asc", "eq")).toEqual([6, 6, 5, 2, 2, 2, 1]);
    expect(rankAll(scores, "asc", "avg")).toEqual([6.5, 6.5, 5, 3, 3, 3, 1]);
    expect(rankAll(scores, "asc", "dense")).toEqual([4, 4, 3, 2, 2, 2, 1]);
  });
  it("the one-cell function agrees", () => {
    for (const order of orders)
      for (const method of methods) {
        const all = rankAll(scores, order, method);
        scores.forEach((x, i) => expect(rankOf(x, scores, order, method)).toBe(all[i]));
      }
  });
  it("undefined in, undefined out; undefined is not counted", () => {
    expect(rankAll([undefined, 5, undefined, 7], "desc", "eq")).toEqual([undefined, 2, undefined, 1]);
    expect(rankOf(5, [undefined, 5, 7], "desc", "eq")).toBe(2);
  });
  it("0 and −0 are the same score", () => {
    expect(rankAll([0, -0, 1], "desc", "eq")).toEqual([2, 2, 1]);
    expect(rankOf(-0, [0, 1], "desc", "eq")).toBe(2);
  });
  it("an empty column gives an empty result", () => {
    expect(rankAll([], "desc", "eq")).toEqual([]);
    expect(rankAll([undefined], "desc", "dense")).toEqual([undefined]);
  });
});

describe("errors are Excel's", () => {
  it("a number not in ref is #N/A", () => {
    const e = ruleErrorOf(() => rankOf(4, [1, 2, 3], "desc", "eq"));
    expect(e.code).toBe("#N/A");
    expect(e.key).toBe("notInRef");
  });
  it("a ref with no numbers is #N/A too (Excel finds nothing to match)", () => {
    const e = ruleErrorOf(() => rankOf(4, [undefined, undefined], "desc", "eq"));
    expect(e.code).toBe("#N/A");
    expect(e.key).toBe("emptyRange");
  });
  it("NaN and Infinity are #VALUE! naming the row", () => {
    const e = ruleErrorOf(() => rankAll([1, NaN], "desc", "eq"));
    expect(e.code).toBe("#VALUE!");
    expect(e.params.row).toBe(2);
    expect(ruleErrorOf(() => rankOf(1, [1, Infinity], "desc", "eq")).code).toBe("#VALUE!");
    expect(ruleErrorOf(() => rankOf(NaN, [1, 2], "desc", "eq")).code).toBe("#VALUE!");
  });
});

describe("groups", () => {
  it("each group is ranked on its own; blank labels form the group \"\"", () => {
    const values = [90, 80, 85, 70, 95, 60, 75];
    const groups = ["A", "B", "A", "B", "", undefined, " b "];
    expect(rankAllInGroups(values, groups, "desc", "eq")).toEqual([1, 1, 2, 3, 1, 2, 2]);
  });
  it("labels compare as COUNTIFS does: trimmed, case-insensitive, 1 = \"1\"", () => {
    expect(groupKey(" A班 ")).toBe(groupKey("a班"));
    expect(groupKey(1)).toBe(groupKey("1"));
    expect(groupKey(undefined)).toBe("");
    expect(groupRows([1, "x", "1", undefined, ""])).toEqual([[0, 2], [1], [3, 4]]);
  });
  it("a row with no number keeps undefined in its group", () => {
    expect(rankAllInGroups([undefined, 5, 6], ["A", "A", "B"], "desc", "dense")).toEqual([undefined, 1, 1]);
  });
  it("labels must match the values in size", () => {
    const e = ruleErrorOf(() => rankAllInGroups([1, 2], ["A"], "desc", "eq"));
    expect(e.code).toBe("#VALUE!");
    expect(e.key).toBe("sizeMismatch");
  });
});

describe("the radix sort behind whole columns of 1,024 values or more", () => {
  /** The reference: a stable comparator sort of the positions. */
  const reference = (keys: Float64Array) => Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
  const run = { seed: 42, numRuns: 30 };

  it("orders any finite doubles as a stable comparator sort does: negatives, ±0, extremes, subnormals, ties", () => {
    const special = fc.constantFrom(0, -0, 5e-324, -5e-324, 1.7976931348623157e308, -1.7976931348623157e308, 1e-300, -2.5, 85.5);
    const key = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), special, fc.integer({ min: -5, max: 5 }));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1024, maxLength: 3000 }), (ks) => {
        const keys = Float64Array.from(ks);
        const order = Array.from(ascendingOrder(keys));
        // ±0 may come in either order between themselves (they are one tie); compare the values, then the ties' stability.
        expect(order.map((i) => keys[i] + 0)).toEqual(reference(keys).map((i) => keys[i] + 0));
        for (let t = 1; t < order.length; t++) if (keys[order[t]] === keys[order[t - 1]] && Object.is(keys[order[t]], keys[order[t - 1]]))
          expect(order[t]).toBeGreaterThan(order[t - 1]);
      }),
      run,
    );
  });

  it("orders values that share their high 32 bits by the low ones, in long runs and short", () => {
    // 1 + k·2⁻⁵² for k below 2³² all have the high word of 1.0: only the second stage tells them apart.
    const ulp = 2 ** -52;
    const key = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((k) => 1 + k * ulp), fc.constantFrom(1, 1 + ulp, 1 + 7 * ulp, 2, -1 - ulp));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1024, maxLength: 3000 }), fc.integer({ min: 0, max: 1023 }), (ks, cut) => {
        // A run of one high word longer than the radix threshold, and (with the other values) runs shorter than it.
        // And fifty families a 2⁻¹⁹ apart, of 20 to 60 keys each: short runs, sorted in place or by a comparator.
        const families = Float64Array.from(ks.map((k, i) => (k < 2 && k > 1 ? k + (i % 50) * 2 ** -19 : k)));
        for (const keys of [Float64Array.from(ks), Float64Array.from(ks.map((k, i) => (i % 1024 < cut ? k : k + 1))), families]) {
          const order = Array.from(ascendingOrder(keys));
          expect(order).toEqual(reference(keys));
        }
      }),
      // Shrinking thousands of keys takes minutes; the first counterexample says enough.
      { ...run, endOnFailure: true },
    );
  });

  it("whole-column ranks of a large column equal the one-cell function", () => {
    const score = fc.integer({ min: -2000, max: 2000 }).map((n) => n / 20);
    fc.assert(
      fc.property(fc.array(fc.option(score, { nil: undefined, freq: 10 }), { minLength: 1100, maxLength: 2500 }), fc.constantFrom(...orders), fc.constantFrom(...methods), (c, o, m) => {
        const all = rankAll(c, o, m);
        for (let i = 0; i < c.length; i += 37) {
          const x = c[i];
          expect(all[i]).toBe(x === undefined ? undefined : rankOf(x, c, o, m));
        }
      }),
      run,
    );
  });

  it("tiesOf groups equal values into runs and keeps row order inside a run", () => {
    const values = Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? undefined : (i * 7919) % 10));
    const { rows, starts } = tiesOf(values);
    expect(starts.length - 1).toBe(10);
    expect(starts[10]).toBe(values.filter((v) => v !== undefined).length);
    for (let d = 0; d < 10; d++)
      for (let t = starts[d]; t < starts[d + 1]; t++) {
        expect(values[rows[t]]).toBe(d);
        if (t > starts[d]) expect(rows[t]).toBeGreaterThan(rows[t - 1]);
      }
  });
});

describe("properties", () => {
  // Scores with many ties (one decimal, a narrow band) and some blanks, as a real sheet has.
  const score = fc.integer({ min: 600, max: 1000 }).map((n) => n / 10);
  const column = fc.array(fc.option(score, { nil: undefined, freq: 8 }), { minLength: 1, maxLength: 60 });
  const order = fc.constantFrom(...orders);
  const method = fc.constantFrom(...methods);
  const run = { seed: 42, numRuns: 200 };

  it("ranks do not depend on row order: permute the rows and the ranks move with them", () => {
    fc.assert(
      fc.property(
        column.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c.map((_, i) => i), { minLength: c.length }))),
        order,
        method,
        ([c, perm], o, m) => {
          const ranks = rankAll(c, o, m);
          const permuted = rankAll(
            perm.map((i) => c[i]),
            o,
            m,
          );
          expect(permuted).toEqual(perm.map((i) => ranks[i]));
        },
      ),
      run,
    );
  });

  it("every rank lies in [1, count]", () => {
    fc.assert(
      fc.property(column, order, method, (c, o, m) => {
        const count = c.filter((v) => v !== undefined).length;
        for (const r of rankAll(c, o, m)) if (r !== undefined) expect(r >= 1 && r <= count).toBe(true);
      }),
      run,
    );
  });

  it("the largest dense rank is the number of distinct values", () => {
    fc.assert(
      fc.property(column, order, (c, o) => {
        const defined = c.filter((v): v is number => v !== undefined);
        const ranks = rankAll(c, o, "dense").filter((r): r is number => r !== undefined);
        expect(ranks.length === 0 ? 0 : Math.max(...ranks)).toBe(new Set(defined).size);
      }),
      run,
    );
  });

  it("RANK.AVG ranks add up to n(n+1)/2", () => {
    fc.assert(
      fc.property(column, order, (c, o) => {
        const ranks = rankAll(c, o, "avg").filter((r): r is number => r !== undefined);
        const n = ranks.length;
        expect(ranks.reduce((a, b) => a + b, 0)).toBeCloseTo((n * (n + 1)) / 2, 9);
      }),
      run,
    );
  });

  it("the whole column equals the one-cell function on every row", () => {
    fc.assert(
      fc.property(column, order, method, (c, o, m) => {
        const all = rankAll(c, o, m);
        c.forEach((x, i) => expect(all[i]).toBe(x === undefined ? undefined : rankOf(x, c, o, m)));
      }),
      run,
    );
  });

  it("in groups, each row equals the one-cell function over its own group", () => {
    const labels = fc.array(fc.constantFrom("A", "B", "c", undefined), { minLength: 60, maxLength: 60 });
    fc.assert(
      fc.property(column, labels, order, method, (c, ls, o, m) => {
        const groups = ls.slice(0, c.length);
        const all = rankAllInGroups(c, groups, o, m);
        c.forEach((x, i) => {
          const own = c.filter((_, j) => groupKey(groups[j]) === groupKey(groups[i]));
          expect(all[i]).toBe(x === undefined ? undefined : rankOf(x, own, o, m));
        });
      }),
      run,
    );
  });
});
