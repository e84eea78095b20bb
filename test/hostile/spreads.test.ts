// County-sized lists where a spread overflowed the stack: the highest and lowest of 200,000 scores, 200,000 problems of one read.
import { describe, expect, it } from "vitest";
import { append } from "../../src/core/append";
import { summaryReport } from "../../src/workbook/assess/common";
import type { FieldDef } from "../../src/workbook/fields";
import { readRecords } from "../../src/workbook/read";
import type { FoundTable } from "../../src/workbook/table";

describe("汇总 over 200,000 rows", () => {
  it("gives the count, mean, highest and lowest of the whole county", () => {
    const n = 200_000;
    // Scores 60 … 99 repeated (mean 79.5); one 100 and one 0 far down the list; every tenth row without a score.
    const scores = Array.from({ length: n }, (_, i) => (i % 10 === 9 ? null : 60 + (i % 40)));
    scores[150_000] = 100;
    scores[190_000] = 0;
    const report = summaryReport({
      title: "汇总",
      groupHeader: "乡镇",
      groups: scores.map(() => "城关镇"),
      scores,
      labels: scores.map(() => null),
      labelOrder: [],
    });
    const total = report.rows.find((r) => r[0] === "合计")!;
    expect(total.slice(0, 2)).toEqual(["合计", n]);
    expect(total[3]).toBe(100);
    expect(total[4]).toBe(0);
  });
});

describe("200,000 problems from one read", () => {
  it("are all listed: 100,000 pairs of suspected duplicates, each named on both its rows", () => {
    const fields: FieldDef[] = [{ id: "name", header: "姓名", type: "text", required: true, person: true }];
    // Rows 2 and 3 are 姓名0, rows 4 and 5 姓名1, …: every name twice, one after the other.
    const rows = Array.from({ length: 200_000 }, (_, i) => [`姓名${Math.floor(i / 2)}`]);
    const table = { sheet: "党员", headerRow: 0, columns: new Map([["name", 0]]), headers: new Map([["name", "姓名"]]), missing: [], rows: [["姓名"], ...rows], firstDataRow: 1, duplicates: [], uncached: new Set() };
    const { records, problems } = readRecords(table as FoundTable, fields);
    expect(records).toHaveLength(200_000);
    expect(problems).toHaveLength(200_000);
    expect(problems[0]).toMatchObject({ sheet: "党员", row: 2, col: 1 });
  });
});

describe("append", () => {
  it("adds 1,000,000 items in order, where push(...items) overflows", () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [0].push(...items)).toThrow(RangeError);
    const out = append([-1], items);
    expect(out).toHaveLength(1_000_001);
    expect([out[0], out[1], out[1_000_000]]).toEqual([-1, 0, 999_999]);
  });
});
