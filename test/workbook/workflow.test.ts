import { describe, expect, it } from "vitest";
import { defaultScheme, fieldsFor } from "../../src/kinds/registry";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

// 08:00 UTC is 16:00 in Beijing: the notice starts on 2025-12-31 and runs seven days to 2026-01-06.
const now = new Date("2025-12-31T08:00:00Z");
const scheme = defaultScheme("member", 2025);
const headers = fieldsFor(scheme).map((f) => f.header);
// 乡镇, 支部, 姓名, 编号, 党员类别, five aspects, 综合得分: each aspect ≥ 90 gives 2 stars, ≥ 75 one.
const member = (name: string, aspects: number[], overall: number): CellValue[] => {
  const r: CellValue[] = ["城关镇", "一支部", name, "", "在村务农党员", ...aspects, overall];
  while (r.length < headers.length) r.push(null);
  return r;
};
const table: SheetData = {
  name: "党员星级",
  rows: [
    headers,
    member("甲", [95, 95, 95, 95, 95], 95), // 10
    member("乙", [95, 95, 95, 95, 80], 93), // 9: the one place at 9+ of six (30% floor = 1) is 甲's, so 8
    member("丙", [80, 80, 80, 80, 80], 80), // 5, then 6 after an upheld objection
    member("丁", [70, 70, 70, 80, 80], 70), // 2: backward
    member("戊", [60, 60, 60, 60, 60], 60), // 0: backward
    member("己", [95, 95, 95, 95, 60], 90), // 8
  ],
};
const objections: SheetData = {
  name: "异议记录",
  rows: [
    ["日期", "异议人", "被异议人", "异议内容", "处理结果", "调整为", "调整原因", "处理人"],
    ["2026-01-02", "王某", "丙", "联系户走访记录漏登", "成立", 6, "补登后岗位责任达到75分", "镇党委"],
  ],
};
const earlierHelpers: SheetData = {
  name: "帮扶名单",
  rows: [["t"], ["s"], ["序号", "乡镇", "支部", "后进党员", "星级", "帮扶人", "帮扶人星级", "安排", "说明"], [1, "城关镇", "一支部", "丁", 2, "己", 8, "建议", ""]],
};

// The earlier run's 审计 lists the sheets it drew, so this run replaces its 帮扶名单 (after reading it).
const earlierAudit: SheetData = { name: "审计", rows: [["报表工作表", "公示、表彰名单、帮扶名单、审计", ""]] };

describe("公示, objections and the star lists in a run", () => {
  const r = runAssessment({ sheets: [table, objections, earlierHelpers, earlierAudit] }, { kind: "member", now });
  const report = (name: string) => r.plan!.reports.find((x) => x.name === name)!;
  const column = (h: string) => {
    const block = r.plan!.results[0];
    const i = block.columns.findIndex((c) => c.header === h);
    return block.rows.map((x) => x.cells[i]);
  };

  it("the notice lists the stars as computed, with its period", () => {
    expect(r.problems).toEqual([]);
    const notice = report("公示");
    expect(notice.columns.map((c) => c.header)).toEqual(["序号", "乡镇", "支部", "姓名", "最终星数"]);
    expect(notice.rows.map((x) => [x[3], x[4]])).toEqual([["甲", 10], ["乙", 8], ["丙", 5], ["丁", 2], ["戊", 0], ["己", 8]]);
    expect(notice.notes?.[0]).toBe("公示时间：2025年12月31日至2026年1月6日（共7天）");
  });
  it("an upheld objection changes the result, says so in 说明, and 审计 shows the objection and the change", () => {
    expect(column("最终星数")).toEqual([10, 8, 6, 2, 0, 8]);
    expect(column("说明")[2]).toBe("公示后异议成立，由 5 调整为 6");
    const audit = report("审计").rows.map((x) => x.join("|"));
    expect(audit).toContain("异议|丙|2026年1月2日，王某对丙提出异议：联系户走访记录漏登；处理结果：成立");
    expect(audit).toContain("公示后调整|丙|2026年1月2日，丙的结果由“5”改为“6”（异议成立：联系户走访记录漏登），镇党委调整；原因：补登后岗位责任达到75分");
  });
  it("表彰名单: 9 stars or more; 帮扶名单: the helper typed before is kept, the other proposed", () => {
    expect(report("表彰名单").rows).toEqual([[1, "城关镇", "一支部", "甲", 10, "在村务农党员", "是（待审核）"]]);
    expect(report("帮扶名单").rows).toEqual([
      [1, "城关镇", "一支部", "戊", 0, "甲", 10, "建议", ""],
      [2, "城关镇", "一支部", "丁", 2, "己", 8, "沿用", ""],
    ]);
  });
  it("draws the three sheets under their own names, replacing the earlier run's", () => {
    expect(r.plan!.reports.map((x) => x.name)).toEqual(expect.arrayContaining(["公示", "表彰名单", "帮扶名单"]));
    expect(r.plan!.replaceable).toEqual(expect.arrayContaining(["帮扶名单"]));
  });
});
