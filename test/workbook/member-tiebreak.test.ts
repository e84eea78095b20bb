// Members tied in stars at the quota line: a blank 综合得分 ranks below any number, as the template's 填表说明 and KAOHE.STARQUOTA say (issue 10).
import { describe, expect, it } from "vitest";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");
const aspects = ["思想政治", "遵纪守法", "文明风尚", "联系服务", "岗位责任"];

/** Ten 在村务农党员 of one branch, each 95, 95, 95, 95, 80: 2 + 2 + 2 + 2 + 1 = 9 stars. */
function finals(overall: (number | null)[] | null): unknown[] {
  const header = ["乡镇", "支部", "姓名", "党员类别", ...aspects, ...(overall ? ["综合得分"] : [])];
  const data: CellValue[][] = Array.from({ length: 10 }, (_, i) => ["城关镇", "一村支部", `党员${i}`, "在村务农党员", 95, 95, 95, 95, 80, ...(overall ? [overall[i]] : [])]);
  const sheet: SheetData = { name: "党员星级", rows: [header, ...data] };
  const r = runAssessment({ sheets: [sheet] }, { kind: "member", now });
  expect(r.problems).toEqual([]);
  const block = r.plan!.results[0];
  const i = block.columns.findIndex((c) => c.header === "最终星数");
  return block.rows.map((x) => x.cells[i]);
}

describe("member stars: who keeps 9 stars when ten tie and ⌊30% × 10⌋ = 3 may", () => {
  it("the three typed 综合得分 (90, 85, 70) keep 9; the seven left blank drop to 8, below any number", () => {
    expect(finals([90, 85, null, null, null, null, null, null, null, 70])).toEqual([9, 9, 8, 8, 8, 8, 8, 8, 8, 9]);
  });

  it("a blank 综合得分 is not replaced by the aspect total (460 here), which would outrank every typed score", () => {
    // Under the old reading the two blanks (460) would keep 9 with the 90; now 90, 85 and 80 do.
    expect(finals([90, null, 85, 80, 10, 20, 30, null, 40, 50])).toEqual([9, 8, 9, 9, 8, 8, 8, 8, 8, 8]);
  });

  it("without a 综合得分 column at all, equal aspect totals stay tied and the strict policy keeps none of them", () => {
    // All ten total 95 × 4 + 80 = 460: the tie crosses the quota line, so none keeps 9 stars (并列跨过名额线时均不保留).
    expect(finals(null)).toEqual(new Array(10).fill(8));
  });
});
