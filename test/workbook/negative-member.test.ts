import { describe, expect, it } from "vitest";
import { defaultScheme, fieldsFor } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");
const headers = fieldsFor(defaultScheme("member", 2025)).map((f) => f.header);
const member = (name: string, aspects: number[], overall: number): CellValue[] => {
  const r: CellValue[] = ["城关镇", "一支部", name, "", "在村务农党员", ...aspects, overall];
  while (r.length < headers.length) r.push(null);
  return r;
};
// Six cap-10 members: 30% of 6 with floor is one place at 9 stars or more.
const table: SheetData = {
  name: "党员星级",
  rows: [
    headers,
    member("甲", [95, 95, 95, 95, 95], 95), // 10, barred by 5-1: held at 8
    member("乙", [95, 95, 95, 95, 80], 93), // 9: takes the place 甲 cannot
    member("丙", [80, 80, 80, 80, 80], 80), // 5, two stars removed by 3-2: 3
    member("丁", [70, 70, 70, 80, 80], 70), // 2
    member("戊", [60, 60, 60, 60, 60], 60), // 0
    member("己", [95, 95, 95, 95, 60], 90), // 8
  ],
};
const records = (rows: CellValue[][]): SheetData => ({ name: "负面清单记录", rows: [["单位", "姓名", "负面清单条目", "次数", "日期", "依据", "记录人"], ...rows] });

describe("the negative list in the member kind", () => {
  it("a barred member never takes the top-star place, which passes to the next; removed stars count before the quota", () => {
    const r = runAssessment({ sheets: [table, records([["一支部", "甲", "5-1", 1, "2025-6-1", "信访记录", "李干事"], ["", "丙", "3-2", 1, "2025-7-1", "", ""]])] }, { kind: "member", now });
    expect(r.problems).toEqual([]);
    const block = r.plan!.results[0];
    const col = (h: string) => block.rows.map((x) => x.cells[block.columns.findIndex((c) => c.header === h)]);
    expect(col("星数")).toEqual([10, 9, 5, 2, 0, 8]);
    expect(col("最终星数")).toEqual([8, 9, 3, 2, 0, 8]);
    expect(col("说明")[0]).toBe("负面清单 5-1「发生越级上访、集体访且处置不力」1 次：本年度不得评为优秀；不得评为9星以上，由 10 星调为 8 星");
    expect(col("说明")[2]).toBe("负面清单 3-2「虚报冒领、违规发放补贴」1 次：摘 2 星，扣绩效工资 200.00 元");
    const audit = r.plan!.reports.find((x) => x.name === "审计")!.rows.map((x) => x.join("|"));
    expect(audit).toContain("负面清单|甲|负面清单 5-1「发生越级上访、集体访且处置不力」1 次：本年度不得评为优秀");
  });
  it("a record naming an item not on the list stops the run with its place", () => {
    const r = runAssessment({ sheets: [table, records([["", "甲", "9-9", 1, "", "", ""]])] }, { kind: "member", now });
    expect(r.status).toBe("problems");
    expect(r.problems.map((p) => [p.sheet, p.row, p.col])).toEqual([["负面清单记录", 2, 3]]);
  });
  it("a record naming nobody in the table is said in 审计, not dropped in silence", () => {
    const r = runAssessment({ sheets: [table, records([["", "甲甲", "1-1", 1, "", "", ""]])] }, { kind: "member", now });
    const audit = r.plan!.reports.find((x) => x.name === "审计")!.rows.map((x) => x.join("|")).join("\n");
    expect(audit).toContain("“甲甲”不在考核表中，这条记录未计入");
  });
});
