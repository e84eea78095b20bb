// Reports over a county-sized table: the highest and lowest of 200,000 scores, where Math.max(...scores) overflowed the stack.
import { describe, expect, it } from "vitest";
import { summaryReport } from "../../src/workbook/assess/common";

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
