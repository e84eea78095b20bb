import { describe, expect, it } from "vitest";
import type { ReportSheet, ResultBlock } from "../../src/workbook/plan";
import { sheetProblem } from "../../src/workbook/sheet-checks";

const block = (sheet: string): ResultBlock => ({ sheet, headerRow: 1, columns: [{ header: "得分", col: 3 }], rows: [] });
const report = (name: string): ReportSheet => ({ name, title: name, columns: [], rows: [] });

describe("the sheets a plan is drawn into", () => {
  it("may be drawn: results into a sheet the workbook has, reports new or replacing a sheet the plan may replace", () => {
    expect(sheetProblem([block("干部考核")], [report("汇总"), report("排名")], ["干部考核", "汇总"], ["汇总"])).toBeUndefined();
  });

  it("names a result sheet the workbook lacks", () => {
    expect(sheetProblem([block("干部考核")], [], ["Sheet1"], [])).toEqual({ kind: "missing", sheet: "干部考核" });
  });

  it("refuses results into a sheet a report replaces, whatever its case", () => {
    expect(sheetProblem([block("Summary")], [report("summary")], ["Summary"], ["summary"])).toEqual({ kind: "resultsIntoReport", sheet: "Summary" });
  });

  it("refuses a report over the user's own sheet, naming it as the workbook spells it", () => {
    expect(sheetProblem([], [report("ranking")], ["Ranking"], ["汇总"])).toEqual({ kind: "taken", sheet: "Ranking", report: "ranking" });
    // The same sheet listed as replaceable in another case is replaced: Excel's names ignore case.
    expect(sheetProblem([], [report("ranking")], ["Ranking"], ["RANKING"])).toBeUndefined();
  });
});
