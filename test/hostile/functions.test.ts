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
