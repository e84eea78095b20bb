// The built dist/functions.js called as Excel calls it: registered through CustomFunctions.associate, arguments shaped as dist/functions.json declares.
import { existsSync, readFileSync } from "node:fs";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";

interface Parameter {
  name: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  parameters: Parameter[];
  result: { dimensionality?: "scalar" | "matrix" };
}
interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMeta[];
}
type Fn = (...args: unknown[]) => unknown;

/** CustomFunctions as the shared runtime provides it: associate, and Error with Microsoft's ErrorCode strings. */
class StubError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" };

function need(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: build it first with \`npm run build:test\` (npm test does)`);
  return readFileSync(file, "utf8");
}

const registered = new Map<string, Fn>();
const associateCalls: string[] = [];
let en: Metadata;
let zh: Metadata;

/**
 * One call per function, every argument a value a user would type, ranges as Excel passes them
 * (2-D, blank cells as "" and as null), with the answer worked out by hand from the help text.
 */
const examples: Record<string, { args: unknown[]; expected: unknown }> = {
  QUORUM: { args: [8, 12], expected: true }, // 8 ≥ 2/3 × 12
  RANK: { args: [85, [[90], [85], [""], [null], [85]]], expected: 2 }, // 90 first, the two 85s share 2
  RANKS: { args: [[[90], [85], [""], [null], [85]]], expected: [[1], [2], [""], [""], [2]] },
  PERCENTRANK: { args: [[[1], [2], [3], [""], [null], [4]], 2], expected: 0.333 }, // 1 below of 3 gaps, truncated
  PERCENTRANKS: { args: [[[1], [2], [""], [3], [4]]], expected: [[0], [0.333], [""], [0.666], [1]] },
  SCORE: { args: [[[8], [""], [null], [5]], [[10], [10], [10], [5]]], expected: 13 }, // blank items earn 0
  TASKSCORE: { args: [10, "2025-3-5", "2025-3-8"], expected: 7 }, // three days late, 1 point a day
  DEDUCT: { args: [[[1], [""], [2]], [[2], [3], [1]]], expected: 4 }, // 1×2 + 0 + 2×1
  COMPOSITE: { args: [[[80, 90, "", 70]], [[0.2, 0.4, 0.2, 0.2]]], expected: 82.5 }, // (16 + 36 + 14) / 0.8
  TRIMMEAN: { args: [[[70], [80], [""], [90]]], expected: 80 }, // three scores: fewer than 6, nothing dropped
  VOTEGRADE: { args: [[[46, 3, 1, 0]]], expected: "优秀" }, // 46 of 50 is 92%
  PERIODS: { args: [[[80, 90]], [[0.4, 0.6]]], expected: 86 }, // 32 + 54
  GRADE: { args: [85], expected: "称职" },
  QUOTA: { args: [3, 0.3], expected: 0 }, // 0.9 rounded down
  GRADES: { args: [[[95], [85], [""], [null], [50]]], expected: [["优秀"], ["称职"], [""], [""], ["不称职"]] },
  CLASSES: { args: [[[90], [80], [""], [70]], [[1, 1, 1]]], expected: undefined },
  // 2 + 1 + 0 + 0 + 0: an aspect the member is rated on holds a score (0 for none); a blank one is #N/A, as the help says.
  STARS: { args: [[[95, 80, 0, 0, 60]]], expected: 3 },
  STARCAP: { args: ["外出流动党员"], expected: 6 },
  STARQUOTA: { args: [[[9], [5], [""]], [[10], [6], [""]]], expected: undefined },
  PAYSPLIT: { args: [5000], expected: [[3500, 1500]] },
  ALLOCATE: { args: [100, [[1], [""], [3]]], expected: [[25], [""], [75]] },
  COEF: { args: [[["优秀"], [""], ["称职"]]], expected: [[1.2], [""], [1]] },
  CADENCE: { args: [[["2025-1-5"], [""], ["2025-3-1"]], "month"], expected: 1 }, // January to March, February empty
  TARGET: { args: [13, 20, "65%"], expected: true }, // 13/20 = 65%
  // 张三 has one record of item 1-1, 2 points an event (cap 8); 李四's record is not his.
  NEGATIVE: { args: ["张三", [["张三"], ["李四"]], [["1-1"], ["1-1"]], [["1-1", "党的组织纪律和工作纪律", "无故不参加组织生活", 2, 8, "", "", "", ""]]], expected: 2 },
  // No ID: 张三 of 东镇甲村 is the second source row (the first 张三 is of 乙村, another person).
  LINK: { args: ["", "张三", [["东镇", "甲村"]], [[""], [""]], [["张三"], ["张三"]], [["东镇", "乙村"], ["东镇", "甲村"]], [[80], [90]]], expected: 90 },
};

/** The input whose shape a spill takes: the first matrix argument, except ALLOCATE (the weights) and PAYSPLIT (1 × 2). */
const spillOf = (id: string, args: unknown[]): [number, number] | undefined => {
  if (id === "PAYSPLIT") return [1, 2];
  const source = id === "ALLOCATE" ? args[1] : args.find(Array.isArray);
  return Array.isArray(source) ? [source.length, (source[0] as unknown[]).length] : undefined;
};

/** The arguments Excel passes: every declared parameter present, an omitted optional one as `omitted`. */
function asExcelPasses(meta: FunctionMeta, args: unknown[], omitted: null | undefined): unknown[] {
  return meta.parameters.map((p, i) => (i < args.length ? args[i] : p.optional ? omitted : args[i]));
}

/** Every "" cell of every range as null, or every null as "": Excel's two ways of passing a blank. */
function blanksAs(args: unknown[], blank: "" | null): unknown[] {
  return args.map((a) => (Array.isArray(a) ? a.map((row: unknown[]) => row.map((c) => (c === "" || c === null ? blank : c))) : a));
}

function call(id: string, args: unknown[]): unknown {
  const fn = registered.get(id);
  if (!fn) throw new Error(`KAOHE.${id} was never associated`);
  return fn(...args);
}

/** What a cell may receive: a number, text, a boolean or an error; never null (shown as 0), NaN or a nested array. */
function expectCellValue(v: unknown, where: string) {
  if (v instanceof StubError) return;
  expect(v, `${where}: null or undefined shows as 0 in Excel`).not.toBeNull();
  expect(v, where).not.toBeUndefined();
  expect(["number", "string", "boolean"], `${where}: ${String(v)}`).toContain(typeof v);
  if (typeof v === "number") expect(Number.isFinite(v), `${where}: ${v}`).toBe(true);
}

/** The result as the metadata declares it: a rectangle of cell values for a spill, one cell value otherwise. */
function expectShape(meta: FunctionMeta, result: unknown, spill?: [number, number]) {
  const where = `KAOHE.${meta.id}`;
  if (result instanceof StubError) return;
  if (meta.result.dimensionality !== "matrix") {
    expect(Array.isArray(result), `${where} is scalar but returned an array`).toBe(false);
    expectCellValue(result, where);
    return;
  }
  expect(Array.isArray(result), `${where} declares a matrix result`).toBe(true);
  const rows = result as unknown[][];
  for (const row of rows) {
    expect(Array.isArray(row), `${where}: every row of a spill is an array`).toBe(true);
    expect(row.length, `${where}: a spill is rectangular`).toBe(rows[0].length);
    row.forEach((c, j) => expectCellValue(c, `${where}[${rows.indexOf(row)}][${j}]`));
  }
  if (spill) expect([rows.length, rows[0]?.length], `${where} spills over the size of its input`).toEqual(spill);
}

describe("dist/functions.js as Excel loads and calls it", () => {
  beforeAll(() => {
    en = JSON.parse(need("dist/functions.json")) as Metadata;
    zh = JSON.parse(need("dist/functions.zh-CN.json")) as Metadata;
    const CustomFunctions = {
      associate(id: string | Record<string, Fn>, fn?: Fn) {
        const pairs = typeof id === "string" ? [[id, fn!] as const] : Object.entries(id);
        for (const [k, f] of pairs) {
          associateCalls.push(k);
          registered.set(k, f);
        }
      },
      Error: StubError,
      ErrorCode,
    };
    // A context of its own: the bundle sees only what the shared runtime gives it, no Node globals.
    vm.runInNewContext(need("dist/functions.js"), { CustomFunctions, console }, { filename: "dist/functions.js" });
  });

  it("associates every id of the metadata once, and nothing else", () => {
    const ids = en.functions.map((f) => f.id);
    expect(ids.length).toBe(Object.keys(examples).length);
    expect([...associateCalls].sort()).toEqual([...ids].sort());
    expect(zh.functions.map((f) => f.id)).toEqual(ids);
  });

  it("leaves a range holding an error value to Excel: allowErrorForDataTypeAny is not set, so Excel does not call the function", () => {
    // Microsoft: only with allowErrorForDataTypeAny: true does a function run on a range holding an error. Off, the
    // formula shows an error, as Excel's own functions do; on, every function would have to read error objects
    // in every argument, and the shape Excel hands them over in is not something a test here can see.
    expect(en.allowErrorForDataTypeAny ?? false, "turning it on needs every function to refuse error objects by place").toBe(false);
    expect(zh.allowErrorForDataTypeAny ?? false).toBe(false);
    for (const [lang, meta, phrase] of [["en-US", en, "error value"], ["zh-CN", zh, "错误值"]] as const) {
      for (const f of meta.functions) {
        if (!f.parameters.some((p) => p.dimensionality === "matrix")) continue;
        expect(JSON.stringify(f), `KAOHE.${f.id} (${lang}) says what an error value does`).toContain(phrase);
      }
    }
  });

  it("never computes around an error value that reaches it anyway: the result is an error", () => {
    for (const [id, example] of Object.entries(examples)) {
      const meta = en.functions.find((f) => f.id === id)!;
      const at = example.args.findIndex(Array.isArray);
      if (at < 0) continue;
      const args = example.args.map((a, i) => (i === at ? (a as unknown[][]).map((row, r) => row.map((c, j) => (r === 0 && j === 0 ? new StubError("#DIV/0!") : c))) : a));
      const result = call(id, asExcelPasses(meta, args, null));
      const cells = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
      expect(cells.some((c) => c instanceof StubError), `KAOHE.${id} with #DIV/0! in ${meta.parameters[at].name} gave ${JSON.stringify(result)}`).toBe(true);
    }
  });

  for (const [id, example] of Object.entries(examples)) {
    describe(`KAOHE.${id}`, () => {
      const meta = () => en.functions.find((f) => f.id === id)!;

      it("is called with arguments of the dimensionality functions.json declares", () => {
        const params = meta().parameters;
        expect(example.args.length).toBeLessThanOrEqual(params.length);
        params.forEach((p, i) => {
          if (i >= example.args.length) return expect(p.optional, `${id}.${p.name} is required`).toBe(true);
          const a = example.args[i];
          if (p.dimensionality === "matrix") expect(Array.isArray(a) && (a as unknown[]).every(Array.isArray), `${id}.${p.name} is a range`).toBe(true);
          else expect(Array.isArray(a), `${id}.${p.name} is one value`).toBe(false);
        });
      });

      it("gives the worked answer with optional arguments omitted as null and as undefined", () => {
        for (const omitted of [null, undefined]) {
          const result = call(id, asExcelPasses(meta(), example.args, omitted));
          expect(result instanceof StubError ? `${result.code} ${result.message}` : "no error", `KAOHE.${id}`).toBe("no error");
          expectShape(meta(), result, spillOf(id, example.args));
          if (example.expected !== undefined) expect(result).toEqual(example.expected);
        }
      });

      it("reads a blank cell the same whether Excel passes it as \"\" or as null", () => {
        const withEmpty = call(id, asExcelPasses(meta(), blanksAs(example.args, ""), null));
        const withNull = call(id, asExcelPasses(meta(), blanksAs(example.args, null), null));
        expectShape(meta(), withEmpty, spillOf(id, example.args));
        expect(withNull).toEqual(withEmpty);
      });
    });
  }

  it("takes a single number where a range is allowed (Excel passes it as a 1 × 1 range)", () => {
    const one = (id: string, args: unknown[]) => {
      const meta = en.functions.find((f) => f.id === id)!;
      const result = call(id, asExcelPasses(meta, args, null));
      expectShape(meta, result, meta.result.dimensionality === "matrix" && id !== "PAYSPLIT" ? [1, 1] : undefined);
      return result;
    };
    expect(one("RANKS", [[[85]]])).toEqual([[1]]);
    expect(one("PERCENTRANKS", [[[85]]])).toEqual([[1]]); // PERCENTRANK.INC of the only value: Excel gives 1
    expect(one("GRADES", [[[85]]])).toEqual([["称职"]]);
    expect(one("COEF", [[["优秀"]]])).toEqual([[1.2]]);
    expect(one("ALLOCATE", [100, [[1]]])).toEqual([[100]]);
    expect(one("SCORE", [[[8]], [[10]]])).toBe(8);
    expect(one("RANK", [85, [[85]]])).toBe(1);
    expect(one("TRIMMEAN", [[[85]]])).toBe(85);
    // Should a host ever pass the bare number, the answer is the same.
    expect(one("RANKS", [85])).toEqual([[1]]);
    expect(one("SCORE", [8, 10])).toBe(8);
  });

  it("returns an error object, never a thrown exception, for arguments it cannot use", () => {
    const result = call("RANK", [85, [[85]], null, "sideways"]);
    expect(result).toBeInstanceOf(StubError);
    expect((result as StubError).code).toBe("#VALUE!");
    expect((result as StubError).message).toContain("sideways");
  });
});
