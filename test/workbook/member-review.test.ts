// 三评两公开 in the member table: the rater groups' stars (a missing group's weight shared out), the 初审 adjusting or sending back, then the quota; hand-computed.
import { describe, expect, it } from "vitest";
import { runAssessment } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");
const aspects = ["思想政治", "遵纪守法", "文明风尚", "联系服务", "岗位责任"];
const header = ["乡镇", "支部", "姓名", "党员类别", ...aspects, "自评星数", "互评星数", "群众评议星数", "支部评定星数", "初审结果", "初审调整星数", "初审理由"];

function run(data: CellValue[][]) {
  const sheet: SheetData = { name: "党员星级", rows: [header, ...data] };
  return runAssessment({ sheets: [sheet] }, { kind: "member", now });
}

function column(r: ReturnType<typeof run>, name: string): unknown[] {
  const block = r.plan!.results[0];
  const i = block.columns.findIndex((c) => c.header === name);
  expect(i).toBeGreaterThanOrEqual(0);
  return block.rows.map((x) => x.cells[i]);
}

const blank5 = [null, null, null, null, null];

describe("三评两公开: proposed stars, 初审, final stars", () => {
  const r = run([
    // Self 6, peer 8, branch 8, the public did not rate: (.2×6 + .4×8 + .2×8) / (.2 + .4 + .2) = 6 / .8 = 7.5 → 8 (half up).
    // Its aspects (95 each, 10 stars) are not read: the 三评 gives the stars. Counting the blank as 0 would give 6.
    ["城关镇", "一村支部", "甲", "在村务农党员", 95, 95, 95, 95, 95, 6, 8, null, 8, null, null, null],
    // 8, 7, 3, 9: 1.6 + 2.8 + .6 + 1.8 = 6.8 → 7; the township adjusts it to 5.
    ["城关镇", "一村支部", "乙", "在村务农党员", ...blank5, 8, 7, 3, 9, "调整", 5, "群众反映服务意识不强"],
    // 6 from every group → 6; sent back: no stars until rated again.
    ["城关镇", "一村支部", "丙", "在村务农党员", ...blank5, 6, 6, 6, 6, "退回", null, "互评人数不足"],
    // Nobody rated: the aspects as before, 95, 95, 80, 80, 60 → 2 + 2 + 1 + 1 + 0 = 6; passed.
    ["城关镇", "一村支部", "丁", "在村务农党员", 95, 95, 80, 80, 60, null, null, null, null, "通过", null, null],
  ]);

  it("computes without a problem", () => expect(r.problems).toEqual([]));
  it("三评星数: 8, 7, 6 and blank for the member nobody rated", () => expect(column(r, "三评星数")).toEqual([8, 7, 6, ""]));
  it("星数 after 初审: 8, the adjusted 5, blank for the one sent back, 6 from the aspects", () => expect(column(r, "星数")).toEqual([8, 5, "", 6]));
  it("最终星数 after the quota (none reaches 9): 8, 5, blank, 6", () => expect(column(r, "最终星数")).toEqual([8, 5, "", 6]));
  it("说明 says the reweighting, the adjustment and the sending back with their reasons", () => {
    const notes = column(r, "说明") as string[];
    expect(notes[0]).toContain("群众评议未评，三评星数按其余评议主体的权重折算");
    expect(notes[1]).toContain("初审由 7 星调整为 5 星：群众反映服务意识不强");
    expect(notes[2]).toContain("初审退回重评：互评人数不足");
    expect(notes[3]).toBe("");
  });
  it("the summary counts the stages", () => expect(r.plan!.summary.zh.join("\n")).toContain("三评评星 3 人；初审通过 1 人，调整 1 人，退回重评 1 人"));
});

describe("三评两公开: what cannot be computed is a problem at its cell", () => {
  const r = run([
    ["城关镇", "一村支部", "甲", "在村务农党员", ...blank5, 11, 8, 8, 8, null, null, null],
    ["城关镇", "一村支部", "乙", "在村务农党员", ...blank5, 8, 8, 8, 8, "调整", null, "经研究"],
    ["城关镇", "一村支部", "丙", "在村务农党员", ...blank5, 8, 8, 8, 8, "退回", null, null],
    ["城关镇", "一村支部", "丁", "在村务农党员", ...blank5, 8, 8, 8, 8, "待定", null, null],
    ["城关镇", "一村支部", "戊", "在村务农党员", ...blank5, 8, 8, 8, 8, "通过", 6, null],
  ]);
  const at = (row: number) => r.problems.filter((p) => p.row === row).map((p) => [p.col, p.zh]);
  const col = (h: string) => header.indexOf(h) + 1;

  it("a rating above the member's cap of 10", () => expect(at(2)).toEqual([[col("自评星数"), expect.stringContaining("自评星数应为 0 至 10 的整数（11）")]]));
  it("调整 without its stars", () => expect(at(3)).toEqual([[col("初审调整星数"), expect.stringContaining("初审调整星数应为 0 至 10 的整数（空白）")]]));
  it("退回 without a reason", () => expect(at(4)).toEqual([[col("初审理由"), expect.stringContaining("须填写初审理由")]]));
  it("an outcome not known", () => expect(at(5)).toEqual([[col("初审结果"), expect.stringContaining("初审结果“待定”无法识别")]]));
  it("stars typed for an outcome that is not 调整", () => expect(at(6)).toEqual([[col("初审调整星数"), expect.stringContaining("而初审结果不是“调整”")]]));
});

describe("三评两公开: a missing group is a problem where the scheme says so", () => {
  it("missing.raters = problem: the public's blank cell of a rated member", () => {
    const sheet: SheetData = { name: "党员星级", rows: [header, ["城关镇", "一村支部", "甲", "在村务农党员", ...blank5, 6, 8, null, 8, null, null, null]] };
    const base = runAssessment({ sheets: [sheet] }, { kind: "member", now }).scheme;
    const r = runAssessment({ sheets: [sheet] }, { scheme: { ...base, missing: { ...base.missing, raters: "problem" } }, now });
    expect(r.problems.map((p) => [p.row, p.col])).toEqual([[2, header.indexOf("群众评议星数") + 1]]);
  });
});
