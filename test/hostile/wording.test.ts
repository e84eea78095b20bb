// Messages at the edges: no 1e+308, Infinity or NaN; open limits in words; a coefficient is not a score; a rule error in a run names its row and column.
import { describe, expect, it } from "vitest";
import { weightedMean } from "../../src/core/composite";
import { RuleError } from "../../src/core/errors";
import { formatMessage, messageKeys, type MessageParams } from "../../src/core/messages";
import { defaultScheme, validateScheme } from "../../src/kinds/registry";
import { numberText } from "../../src/core/number-text";
import { atRecord, ruleProblem } from "../../src/workbook/assess/place";
import type { AssessInput } from "../../src/workbook/assess/common";
import type { FieldDef } from "../../src/workbook/fields";
import { readRecords } from "../../src/workbook/read";
import type { FoundTable } from "../../src/workbook/table";

describe("numbers in messages", () => {
  it("are plain digits where String() would write them plainly", () => {
    expect(numberText(0.1)).toBe("0.1");
    expect(numberText(-0)).toBe("0");
    expect(numberText(90071992547409.9)).toBe("90071992547409.9");
    expect(numberText(123456789012345680000)).toBe("123456789012345680000");
  });
  it("are a power of ten, never 1e+308, when huge or tiny", () => {
    expect(numberText(1e308)).toBe("1×10³⁰⁸");
    expect(numberText(-1.5e21)).toBe("-1.5×10²¹");
    expect(numberText(1e-7)).toBe("1×10⁻⁷");
  });
  it("are words, never Infinity or NaN, when not finite", () => {
    expect(numberText(Infinity)).toBe("无穷大");
    expect(numberText(-Infinity, "en-US")).toBe("minus infinite");
    expect(numberText(NaN)).toBe("无效数值");
  });
});

describe("the message catalogue", () => {
  const hostile: MessageParams = { arg: "scores", row: 2, value: 1e308, min: 0, max: Infinity, cap: NaN, unit: 1e-9, got: 3, expected: 4, cast: 1e21, voters: -Infinity, ratio: "4/5", drops: 2, ref: "ref", data: "array", other: "maxes", options: "a / b", rows: 2, cols: 3, start: "2025-1-1" };
  for (const key of messageKeys) {
    it(`${key}: no exponent form, Infinity or NaN in either language, whatever the numbers`, () => {
      for (const locale of ["zh-CN", "en-US"] as const) {
        const text = formatMessage(locale, key, hostile);
        expect(text, `${locale} ${key}`).not.toMatch(/Infinity|NaN|\de[+-]\d|undefined/);
      }
    });
  }
  it("words an open upper bound as 不小于 / at least, and a closed range as 在…之间", () => {
    expect(formatMessage("zh-CN", "outOfRange", { arg: "n", value: -1, min: 0, max: Infinity })).toBe("参数“人数”（n）：-1 超出允许范围：应不小于 0");
    expect(formatMessage("en-US", "outOfRange", { arg: "n", value: -1, min: 0, max: Infinity })).toBe("n: -1 is out of range: it must be at least 0");
    expect(formatMessage("zh-CN", "outOfRange", { arg: "quality", value: 2, min: 0, max: 1 })).toBe("参数“质量比例”（quality）：2 超出允许范围：应在 0 至 1 之间");
  });
  it("says the largest amount in plain digits", () => {
    expect(formatMessage("zh-CN", "tooLarge", { arg: "pool", value: 1e308, min: 0, max: Number.MAX_SAFE_INTEGER / 100 })).toBe(
      "参数“分配总额”（pool）：1×10³⁰⁸ 太大，超出能精确计算的范围：应在 0 至 90071992547409.9 之间；请检查是否多输了数字",
    );
  });
  it("names a function's argument in Chinese, with the name Excel's tooltip shows", () => {
    expect(formatMessage("zh-CN", "noScores", { arg: "scores" })).toBe("参数“分数”（scores）：没有分数（全部为空）；请至少填写一个分数");
    expect(formatMessage("en-US", "noScores", { arg: "scores" })).toBe("scores: there are no scores (every cell is blank); enter at least one score");
  });
  it("cuts a long quoted cell, so a 40,000-character name does not become the message", () => {
    const text = formatMessage("zh-CN", "notNumber", { arg: "scores", row: 1, value: "名".repeat(40_000) });
    expect(text.length).toBeLessThan(120);
    expect(text).toContain("…");
  });
});

/** A table of one sheet: a header row, then the given rows, the fields in columns A, B, C…. */
function tableOf(fields: FieldDef[], rows: unknown[][]): FoundTable {
  // Built loose and asserted: the table's shape grows (duplicates, uncached), and these tests need only its core.
  const table = {
    sheet: "干部考核",
    headerRow: 0,
    columns: new Map(fields.map((f, i) => [f.id, i])),
    headers: new Map(fields.map((f) => [f.id, f.header])),
    missing: [],
    rows: [fields.map((f) => f.header), ...rows] as FoundTable["rows"],
    firstDataRow: 1,
    duplicates: [],
    uncached: new Set(),
  };
  return table as FoundTable;
}

describe("a cell outside its column's limits", () => {
  const fields: FieldDef[] = [
    { id: "name", header: "姓名", type: "text", required: true },
    { id: "pay", header: "应发工资", type: "money", required: false },
    { id: "postCoefficient", header: "岗位系数", type: "number", required: false, min: 0, max: 10 },
    { id: "taskScore", header: "任务得分", type: "score", required: true, min: 0, max: 100 },
  ];
  const problems = readRecords(tableOf(fields, [["张三", 1e308, 12, 120]]), fields).problems;
  const at = (header: string) => problems.find((p) => p.header === header)!;

  it("an amount of 1e308 is too large, saying the limit in plain digits", () => {
    expect(at("应发工资").zh).toBe("金额 1×10³⁰⁸ 元太大，最多 90071992547409.9 元；请检查是否多输了数字");
    expect(at("应发工资").en).not.toMatch(/e\+|Infinity/);
  });
  it("a coefficient is named as such, with its range, never 超过满分", () => {
    expect(at("岗位系数").zh).toBe("岗位系数 12 超过上限 10；应为 0 至 10");
    expect(at("岗位系数").en).toBe("岗位系数 12 is above the most allowed, 10; it must be 0 to 10");
  });
  it("a score above full marks says so, with the range", () => {
    expect(at("任务得分").zh).toBe("分数 120 超过满分 100；请填写 0 至 100 的分数");
    expect(at("任务得分")).toMatchObject({ sheet: "干部考核", row: 2, col: 4 });
  });
});

describe("a rule error while computing a row", () => {
  const fields: FieldDef[] = [
    { id: "taskScore", header: "任务得分", type: "score", required: true },
    { id: "yearEnd", header: "年终考评", type: "score", required: false },
  ];
  const table = tableOf(fields, [[null, null]]);
  const input = { table } as unknown as AssessInput;
  const record = { row: 2, values: { taskScore: null, yearEnd: null } };

  it("names the sheet, the row and the column, not the function argument", () => {
    let thrown: unknown;
    try {
      atRecord(input, record, ["taskScore", "yearEnd"], () => weightedMean([{ score: null, weight: 0.7 }, { score: null, weight: 0.3 }]));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RuleError);
    const p = ruleProblem(thrown as RuleError, "干部考核");
    expect(p).toEqual({
      sheet: "干部考核",
      row: 2,
      col: 1,
      header: "任务得分",
      zh: "没有分数（全部为空）；请至少填写一个分数",
      en: "there are no scores (every cell is blank); enter at least one score",
    });
  });
  it("the entry a rule names picks the column: the second score is the second field", () => {
    let thrown: unknown;
    try {
      atRecord(input, record, ["taskScore", "yearEnd"], () => weightedMean([{ score: 80, weight: 0.7 }, { score: Infinity, weight: 0.3 }]));
    } catch (e) {
      thrown = e;
    }
    expect(ruleProblem(thrown as RuleError, "干部考核")).toMatchObject({ row: 2, col: 2, header: "年终考评" });
  });
  it("an error no row placed is a problem of the sheet, still without the argument's name", () => {
    const p = ruleProblem(new RuleError("#VALUE!", "noScores", { arg: "scores" }), "干部考核");
    expect(p).toMatchObject({ sheet: "干部考核", row: 0, col: 0, zh: "没有分数（全部为空）；请至少填写一个分数" });
  });
});

describe("a scheme's numbers in its problems", () => {
  it("1e400 in JSON (Infinity once parsed) is named as such, not as null", () => {
    const s = defaultScheme("secretary");
    s.bonusCap = JSON.parse("1e400") as number;
    expect(validateScheme(s).problems.map((p) => [p.path, p.zh])).toEqual([["bonusCap", "应为数字（现为 无穷大）；请改为数字"]]);
  });
  it("a huge negative cut-off is plain words, never -1e+308", () => {
    const s = defaultScheme("cadre");
    s.grade.cutoffs = [90, 80, -1e308];
    expect(validateScheme(s).problems.map((p) => p.zh)).toEqual(["不能小于 0（-1×10³⁰⁸）"]);
  });
  it("a 5,000,000-character text where a number belongs is quoted cut", () => {
    const s = defaultScheme("secretary");
    (s as unknown as Record<string, unknown>).bonusCap = "五".repeat(5_000_000);
    const [problem] = validateScheme(s).problems;
    expect(problem.zh.length).toBeLessThan(80);
    expect(problem.zh).toMatch(/^应为数字（现为 “五+…”）；请改为数字$/);
  });
});
