import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RuleError } from "../../src/core/errors";
import {
  allocateFen,
  poolUnshared,
  allocateUnits,
  coefficientTable,
  fenToYuan,
  gradeCoefficient,
  paySplit,
  VILLAGE_SECRETARY_BASIC_RATIO,
  yuanToFen,
} from "../../src/core/money";
import { decimalOf } from "../../src/core/exact";

const run = { seed: 42, numRuns: 300 };
const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

describe("fen and yuan", () => {
  it("reads amounts as the decimals they show", () => {
    expect(yuanToFen(1234.56)).toBe(123456n);
    expect(yuanToFen(0.1 + 0.2)).toBe(30n);
    expect(yuanToFen(5000)).toBe(500000n);
    expect(yuanToFen(0)).toBe(0n);
  });
  it("refuses a fraction of a fen, a negative amount and a non-finite one", () => {
    expect(() => yuanToFen(1.005, { arg: "pool" })).toThrow(/not a whole number of fen/);
    expect(() => yuanToFen(-1)).toThrow(RuleError);
    expect(() => yuanToFen(Infinity)).toThrow(RuleError);
  });
  it("fen back to yuan prints exactly", () => {
    expect(String(fenToYuan(123456))).toBe("1234.56");
    expect(String(fenToYuan(1))).toBe("0.01");
    expect(String(fenToYuan(7))).toBe("0.07");
  });
  it("decimalOf is the shortest printed form", () => {
    expect(decimalOf(0.1)).toEqual({ int: 1n, scale: 1 });
    expect(decimalOf(1e-7)).toEqual({ int: 1n, scale: 7 });
    expect(decimalOf(1e21)).toEqual({ int: 10n ** 21n, scale: 0 });
    expect(decimalOf(-2.5)).toEqual({ int: -25n, scale: 1 });
  });
  it("property: every whole-fen amount survives yuan → fen → yuan", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(BigInt(fen));
        expect(String(fenToYuan(fen))).toBe((fen / 100).toString());
      }),
      run,
    );
  });
});

describe("paySplit", () => {
  it("70/30 by default, to the fen, adding up to the total", () => {
    expect(paySplit(500000)).toEqual({ basicFen: 350000, performanceFen: 150000 });
    expect(paySplit(123457)).toEqual({ basicFen: 86420, performanceFen: 37037 }); // 86419.9 → 86420
  });
  it("rounds half up, exactly: 5 fen × 0.7 = 3.5 → 4", () => {
    expect(paySplit(5)).toEqual({ basicFen: 4, performanceFen: 1 });
  });
  it("60/40 for village secretaries", () => {
    expect(paySplit(300000, VILLAGE_SECRETARY_BASIC_RATIO)).toEqual({ basicFen: 180000, performanceFen: 120000 });
  });
  it("refuses a ratio above 1 and a fractional total", () => {
    expect(() => paySplit(100, { num: 7n, den: 1n })).toThrow(RuleError);
    expect(() => paySplit(1.5)).toThrow(RuleError);
  });
  it("property: basic + performance = total, basic is total × ratio rounded half up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.nat(100), (total, p) => {
        const { basicFen, performanceFen } = paySplit(total, { num: BigInt(p), den: 100n });
        expect(basicFen + performanceFen).toBe(total);
        const twice = 2n * BigInt(total) * BigInt(p); // 200 × exact basic
        expect(BigInt(basicFen)).toBe((twice + 100n) / 200n);
      }),
      run,
    );
  });
});

describe("allocateFen", () => {
  it("100 yuan in three equal parts: 33.34, 33.33, 33.33 (the leftover fen by row order)", () => {
    expect(allocateFen(10000, [1, 1, 1]).map((f) => fenToYuan(f as number))).toEqual([33.34, 33.33, 33.33]);
  });
  it("the leftover goes to the largest remainder, not the first row", () => {
    // 10 fen by 1 : 2 : 2 → 2, 4, 4 exactly; by 3 : 3 : 4 → 3, 3, 4; by 1 : 1 : 1 : 3 (10/6 each) → 1.67, 1.67, 1.67, 5
    expect(allocateFen(10, [1, 2, 2])).toEqual([2, 4, 4]);
    expect(allocateFen(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(allocateFen(10, [1, 1, 1, 3])).toEqual([2, 2, 1, 5]);
  });
  it("weights are read as decimals: 0.1, 0.2, 0.3 share like 1, 2, 3", () => {
    expect(allocateFen(600, [0.1, 0.2, 0.3])).toEqual([100, 200, 300]);
    expect(allocateFen(100001, [0.7, 0.3])).toEqual(allocateFen(100001, [7, 3]));
  });
  it("weights are read as Excel shows them (15 digits): a computed 1.1 × 1.1 ties with a typed 1.21", () => {
    expect(1.1 * 1.1).not.toBe(1.21); // held as 1.2100000000000002
    // One fen between two visibly equal weights: row order decides, whichever row holds the computed one.
    expect(allocateFen(1, [1.1 * 1.1, 1.21])).toEqual([1, 0]);
    expect(allocateFen(1, [1.21, 1.1 * 1.1])).toEqual([1, 0]);
  });
  it("the fast path in doubles and the BigInt path agree, on both sides of 2^52", () => {
    const ws = [3, 7, 11, 0, 13];
    const big = (pool: bigint) => allocateUnits(pool, ws.map(BigInt)).map(Number);
    expect(allocateFen(1000003, ws)).toEqual(big(1000003n));
    const huge = 2 ** 50 + 12345; // pool × 13 is above 2^52: the BigInt path
    expect(allocateFen(huge, ws)).toEqual(big(BigInt(huge)));
    expect(sum(allocateFen(huge, ws))).toBe(huge);
  });
  it("property: the fast path and the exact BigInt method give the same shares", () => {
    fc.assert(
      fc.property(fc.nat(10 ** 9), fc.array(fc.option(fc.nat(10 ** 6), { nil: null, freq: 6 }), { minLength: 1, maxLength: 50 }), (pool, ws) => {
        fc.pre(ws.some((w) => w !== null && w > 0));
        const exact = allocateUnits(
          BigInt(pool),
          ws.map((w) => (w === null ? null : BigInt(w))),
        ).map((u) => (u === null ? null : Number(u)));
        expect(allocateFen(pool, ws)).toEqual(exact);
      }),
      run,
    );
  });
  it("blank weights take no part and get null; zero weights get 0", () => {
    expect(allocateFen(1000, [null, 1, 0, 3])).toEqual([null, 250, 0, 750]);
  });
  it("a zero pool gives zeros; all-zero weights leave the pool unshared: every share 0 (issue 10: was #DIV/0!), and poolUnshared says so", () => {
    expect(allocateFen(0, [0, 0, null])).toEqual([0, 0, null]);
    expect(poolUnshared(0, [0, 0, null])).toBe(false);
    // Everyone 不称职 in a township with 100 yuan of performance pay: nobody has a claim, so 0 + 0 = 0, not 100.
    expect(allocateFen(10000, [0, 0, null])).toEqual([0, 0, null]);
    expect(poolUnshared(10000, [0, 0, null])).toBe(true);
    expect(allocateFen(100, [null])).toEqual([null]);
    expect(poolUnshared(100, [null])).toBe(false);
    expect(poolUnshared(100, [0, 1])).toBe(false);
  });
  it("a township of 3 cadres, pool 10,000.00 yuan, coefficients 1.2 / 1.0 / 0.8: 4000.00 / 3333.33 / 2666.67", () => {
    // Σc = 3.0. Exact shares in fen: 1,000,000 × 1.2 / 3 = 400,000; × 1.0 / 3 = 333,333⅓; × 0.8 / 3 = 266,666⅔.
    // Floors 400,000 + 333,333 + 266,666 = 999,999: one fen left, to the largest remainder (⅔, the third) → 266,667.
    expect(allocateFen(1000000, [1.2, 1.0, 0.8])).toEqual([400000, 333333, 266667]);
  });
  it("shares in whole units: 1000 yuan by 1 : 1 : 1 in whole yuan", () => {
    expect(allocateFen(100000, [1, 1, 1], 100)).toEqual([33400, 33300, 33300]);
    expect(() => allocateFen(100050, [1, 1], 100)).toThrow(/not a whole multiple/);
  });
  it("a negative weight is an error naming its row", () => {
    expect(() => allocateFen(100, [1, -2])).toThrow(/weights, row 2/);
  });

  const weightsArb = fc.array(fc.option(fc.nat(1000), { nil: null, freq: 6 }), { minLength: 1, maxLength: 60 }).filter((ws) => ws.some((w) => w !== null && w > 0));

  it("property: Σ shares = pool exactly, for any decimal weights", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 11 }), fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }).filter((ws) => ws.some((w) => w > 0)), (pool, ws) => {
        const shares = allocateFen(pool, ws);
        expect(sum(shares)).toBe(pool);
        for (const s of shares) expect(Number.isInteger(s)).toBe(true);
      }),
      run,
    );
  });
  it("property: each share is within one unit of its exact share, and Σ = pool in units", () => {
    fc.assert(
      fc.property(fc.nat(10 ** 9), weightsArb, fc.constantFrom(1, 10, 100), (units, ws, unit) => {
        const shares = allocateFen(units * unit, ws, unit);
        const W = BigInt(sum(ws));
        const pool = BigInt(units);
        let total = 0n;
        ws.forEach((w, i) => {
          if (w === null) return expect(shares[i]).toBeNull();
          const s = BigInt(shares[i] as number);
          expect(s % BigInt(unit)).toBe(0n);
          const diff = (s / BigInt(unit)) * W - pool * BigInt(w); // (share − exact) × W, in units
          expect(diff > -W && diff < W).toBe(true);
          total += s;
        });
        expect(total).toBe(pool * BigInt(unit));
      }),
      run,
    );
  });
  it("property: reordering rows permutes the shares, except among rows whose remainders tie", () => {
    fc.assert(
      fc.property(fc.nat(10 ** 6), weightsArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 60, maxLength: 60 }), (pool, ws, noise) => {
        const perm = ws.map((_, i) => i).sort((a, b) => noise[a] - noise[b] || a - b);
        const before = allocateFen(pool, ws);
        const after = allocateFen(
          pool,
          perm.map((i) => ws[i]),
        );
        const W = BigInt(sum(ws));
        const rem = ws.map((w) => (w === null ? null : (BigInt(pool) * BigInt(w)) % W));
        perm.forEach((i, k) => {
          const tied = rem.some((r, j) => j !== i && r !== null && r === rem[i]);
          if (!tied) expect(after[k]).toBe(before[i]);
          else expect(Math.abs((after[k] as number) - (before[i] as number))).toBeLessThanOrEqual(1);
        });
        expect(sum(after)).toBe(sum(before));
      }),
      run,
    );
  });
  it("allocateUnits alone: one unit among two equal rows goes to the first", () => {
    expect(allocateUnits(1n, [1n, 1n])).toEqual([1n, 0n]);
  });
});

describe("grade coefficients", () => {
  it("优秀 1.2, 称职 1.0, 基本称职 0.8, 不称职 0, and the 合格 synonyms", () => {
    expect(["优秀", "称职", "基本称职", "不称职", "合格", "基本合格", "不合格"].map((g) => gradeCoefficient(g))).toEqual([1.2, 1, 0.8, 0, 1, 0.8, 0]);
  });
  it("reads an over-quota mark as the grade itself, and ignores spaces", () => {
    expect(gradeCoefficient("优秀（超额）")).toBe(1.2);
    expect(gradeCoefficient(" 称 职 ")).toBe(1);
  });
  it("an unknown grade is #N/A naming it; a county table replaces the default", () => {
    expect(() => gradeCoefficient("良好")).toThrow(expect.objectContaining({ code: "#N/A" }));
    const t = coefficientTable([{ label: "良好", aliases: [], coefficient: 1.1 }]);
    expect(gradeCoefficient("良好", t)).toBe(1.1);
    expect(() => coefficientTable([{ label: "甲", aliases: [], coefficient: 1 }, { label: "甲", aliases: [], coefficient: 2 }])).toThrow(RuleError);
  });
});
