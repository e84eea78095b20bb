// Every KAOHE worksheet function against hostile arguments: nothing escapes as an exception, and no NaN or Infinity reaches a cell or a message.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as functions from "../../src/functions/functions";
import { isExcelError } from "../../src/functions/values";

type AnyFunction = (...args: unknown[]) => unknown;
const exported = Object.entries(functions as unknown as Record<string, unknown>).filter((e): e is [string, AnyFunction] => typeof e[1] === "function");

/** The error codes the functions document; anything else would be a bug that slipped through guard. */
const CODES = ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!"];

/** An error value as Excel may hand one over inside a range. */
const errorCell = fc.constantFrom(...CODES, "#REF!", "#NAME?").map((code) => ({ code, message: "" }));

/** Numbers at the edges of a double: the values a crafted or broken sheet can hold. */
const edgeNumber = fc.constantFrom(Infinity, -Infinity, NaN, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, -0, 0, 1, 2, 0.5, 1e-300, 2 ** 53, 2 ** 53 + 2, -1, 10, 100, 45000, 2958465, 3e6);

/** Text a county enters, plus words the functions read as options; no letters that spell NaN or Infinity. */
const text = fc.oneof(
  fc.constantFrom("", " ", "缺考", "85", "８５", "30%", "2/3", "1/0", "2025-3-5", "2025年3月5日", "优秀", "称职", "不称职", "TRUE", "中国式", "eq", "avg", "asc", "month", "week", "year", "strict", "all", "order", "floor", "ceil", "fail", "zero", "#N/A", "村干部党员", "外出流动党员"),
  fc.string({ unit: fc.constantFrom(..."0123456789 .-/%年月日优秀称职"), maxLength: 12 }),
);

const scalar = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(edgeNumber, fc.integer({ min: -1000, max: 1000 }), fc.double()) },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
  { weight: 1, arbitrary: errorCell },
);

/** A 2-D range: rectangular or ragged, empty rows included. */
const range = fc.oneof(
  fc.array(fc.array(scalar, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
  fc.integer({ min: 1, max: 3 }).chain((w) => fc.array(fc.array(scalar, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 })),
  fc.constantFrom([], [[]], [[], []]),
);

const argument = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 2, arbitrary: range });

/** Every value a result holds, however nested. */
function leaves(v: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) for (const x of v) leaves(x, out);
  else out.push(v);
  return out;
}

/** What a cell may show: a finite number, text, TRUE/FALSE, or a documented Excel error whose message has no NaN or Infinity. */
function expectCellSafe(name: string, v: unknown): void {
  if (typeof v === "number") {
    expect(Number.isFinite(v), `${name} returned ${v}`).toBe(true);
    return;
  }
  if (typeof v === "string" || typeof v === "boolean") return;
  expect(isExcelError(v), `${name} returned ${String(v)}`).toBe(true);
  const e = v as { code: string; message: string };
  expect(CODES, `${name}: ${e.message}`).toContain(e.code);
  // "计算出错" is the message of an error no rule foresaw (a stack overflow, a string too long): a bug.
  expect(e.message, name).not.toMatch(/计算出错|Calculation failed|Infinity|NaN|undefined/);
}

function callSafely(name: string, f: AnyFunction, args: unknown[]): void {
  let result: unknown;
  expect(() => (result = f(...args)), `${name} threw`).not.toThrow();
  for (const cell of leaves(result)) expectCellSafe(name, cell);
}

describe("every worksheet function, whatever the arguments", () => {
  it("covers every export", () => {
    // 24 functions today; a new one joins the property below without being listed.
    expect(exported.length).toBeGreaterThanOrEqual(24);
  });

  for (const [name, f] of exported) {
    it(`${name}: no exception, no NaN or Infinity in any cell or message`, () => {
      fc.assert(
        fc.property(fc.array(argument, { minLength: 0, maxLength: 12 }), (args) => callSafely(name, f, args)),
        { seed: 7, numRuns: 300 },
      );
    });
  }
});

describe("a huge range in any argument", () => {
  // Numbers, numeric text, words, blanks and an error value, repeated: 100,000 rows.
  const pattern: unknown[] = [85, "90", "缺考", "", null, 1e308, -0, true, "优秀", { code: "#N/A", message: "" }];
  const huge = Array.from({ length: 100_000 }, (_, i) => [pattern[i % pattern.length]]);
  for (const [name, f] of exported) {
    it(`${name}: in every position, and in all at once`, () => {
      for (let at = 0; at < Math.max(f.length, 1); at++) callSafely(name, f, Array.from({ length: f.length }, (_, k) => (k === at ? huge : undefined)));
      callSafely(name, f, Array.from({ length: f.length }, () => huge));
    });
  }
});

describe("whole-column functions over 200,000 rows (the benchmark takes 1,000,000)", () => {
  const N = 200_000;
  // Generous: the machine is shared; the point is "seconds, not a stack overflow or minutes".
  const BOUND_MS = 20_000;
  const column = <T>(f: (i: number) => T): T[][] => Array.from({ length: N }, (_, i) => [f(i)]);
  const flat = (spill: unknown): unknown[] => (spill as unknown[][]).map((row) => row[0]);
  const timed = <T>(body: () => T): T => {
    const start = performance.now();
    const out = body();
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
    return out;
  };
  const count = (xs: unknown[], v: unknown) => xs.filter((x) => x === v).length;

  it("CADENCE takes its default start and end from 200,000 dates (it overflowed the stack near 125,000)", () => {
    // Half on 2025-1-15 (serial 45672), half on 2025-3-15 (45731): January to March, February empty.
    const dates = column((i) => (i % 2 === 0 ? 45672 : 45731));
    expect(timed(() => functions.cadence(dates, "month"))).toBe(1);
  });
  it("RANKS: 0 … N−1, the highest first, ranks N − v", () => {
    const out = flat(timed(() => functions.ranks(column((i) => i))));
    expect(out[0]).toBe(N);
    expect(out[N - 1]).toBe(1);
    expect(out[12_345]).toBe(N - 12_345);
  });
  it("PERCENTRANKS: v / (N − 1) truncated to 3 digits", () => {
    const out = flat(timed(() => functions.percentRanks(column((i) => i))));
    expect(out[0]).toBe(0);
    expect(out[N - 1]).toBe(1);
    // 100,000 / 199,999 = 0.500002…, truncated 0.5.
    expect(out[100_000]).toBe(0.5);
  });
  it("GRADES: scores 0 … 99 repeated, 10% top quota: the 20,000 scores of 90 and more fit it exactly", () => {
    const out = flat(timed(() => functions.grades(column((i) => i % 100), undefined, undefined, 0.1)));
    expect([count(out, "优秀"), count(out, "称职"), count(out, "基本称职"), count(out, "不称职")]).toEqual([20_000, 20_000, 40_000, 120_000]);
  });
  it("CLASSES: distinct scores in two equal classes", () => {
    const out = flat(timed(() => functions.classes(column((i) => i), [[1, 1]])));
    expect([count(out, 1), count(out, 2)]).toEqual([N / 2, N / 2]);
    expect(out[N - 1]).toBe(1);
  });
  it("STARQUOTA: of 200,000 members capped at 10, at most 30% (60,000) keep 9 stars or more", () => {
    const stars = column((i) => (i % 2 === 0 ? 10 : 5));
    const out = flat(timed(() => functions.starQuota(stars, column(() => 10), column((i) => i))));
    expect([count(out, 10), count(out, 8), count(out, 5)]).toEqual([60_000, 40_000, 100_000]);
  });
  it("ALLOCATE: 200,000 yuan over 200,000 equal weights is 1 yuan each", () => {
    const out = flat(timed(() => functions.allocate(N, column(() => 1))));
    expect(count(out, 1)).toBe(N);
  });
  it("COEF: 200,000 grades", () => {
    const out = flat(timed(() => functions.coef(column((i) => (i % 2 === 0 ? "优秀" : "不称职")))));
    expect([count(out, 1.2), count(out, 0)]).toEqual([N / 2, N / 2]);
  });
});
