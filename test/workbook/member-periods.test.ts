// The member year: each period's sheet (第一季度 … 半年预评) computed by the same rules, the year-end's 星级进展 beside it, and a period computed on its own; hand-computed.
import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { recognisedTables, runAssessment } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";

const now = new Date("2025-12-31T08:00:00Z");
const header = ["乡镇", "支部", "姓名", "党员类别", "思想政治", "遵纪守法", "文明风尚", "联系服务", "岗位责任"];
// Stars per aspect: ≥ 90 two, ≥ 75 one (the default thresholds); none reaches the 9-star quota line.
const eight: CellValue[] = [95, 95, 95, 95, 60]; // 2+2+2+2+0
const seven: CellValue[] = [95, 95, 95, 80, 60]; // 2+2+2+1+0
const six: CellValue[] = [95, 80, 80, 80, 80]; // 2+1+1+1+1
const five: CellValue[] = [80, 80, 80, 80, 80];
const none: CellValue[] = [60, 60, 60, 60, 60];
const member = (name: string, aspects: CellValue[]): CellValue[] => ["城关镇", "一村支部", name, "在村务农党员", ...aspects];
const sheet = (name: string, rows: CellValue[][]): SheetData => ({ name, rows: [header, ...rows] });

const yearEnd = sheet("党员星级", [member("张", eight), member("李", six), member("王", five)]);
// Another order than the year's: members are matched by name within township and branch.
const q1 = sheet("第一季度", [member("王", none), member("张", five), member("李", six)]);
// 李 is not in the half-year pre-assessment.
const half = sheet("半年预评", [member("张", seven), member("王", six)]);

describe("星级进展: each member's stars period by period", () => {
  const r = runAssessment({ sheets: [yearEnd, q1, half] }, { kind: "member", now });
  const report = r.plan?.reports.find((x) => x.name === "星级进展");

  it("the year-end table is computed, the period sheets are not its table", () => {
    expect(r.problems).toEqual([]);
    expect(r.table?.sheet).toBe("党员星级");
  });
  it("the periods found in the year's order, then the year end", () => expect(report?.columns.map((c) => c.header)).toEqual(["乡镇", "支部", "姓名", "第一季度", "半年预评", "年终"]));
  it("张 5 → 7 → 8, 李 6 → (absent) → 6, 王 0 → 6 → 5", () =>
    expect(report?.rows).toEqual([
      ["城关镇", "一村支部", "张", 5, 7, 8],
      ["城关镇", "一村支部", "李", 6, "", 6],
      ["城关镇", "一村支部", "王", 0, 6, 5],
    ]));
  it("the member absent from a period is said", () => expect(r.plan!.summary.zh.join("\n")).toMatch(/半年预评：.*李/));
  it("the period sheets are not tables of their own for kaohe run", () => expect(recognisedTables({ sheets: [yearEnd, q1, half] })).toEqual([{ sheet: "党员星级", kind: "member" }]));
});

describe("a period with a problem is left out of 星级进展 and said", () => {
  it("第二季度 with a blank aspect: no 第二季度 column, the problem named", () => {
    const q2 = sheet("第二季度", [member("张", [95, null, 95, 95, 60]), member("李", six), member("王", five)]);
    const r = runAssessment({ sheets: [yearEnd, q1, q2] }, { kind: "member", now });
    expect(r.problems).toEqual([]);
    expect(r.plan?.reports.find((x) => x.name === "星级进展")?.columns.map((c) => c.header)).toEqual(["乡镇", "支部", "姓名", "第一季度", "年终"]);
    expect(r.plan!.summary.zh.join("\n")).toContain("“第二季度”表有 1 处问题");
  });
});

describe("a period computed on its own", () => {
  const r = runAssessment({ sheets: [q1] }, { kind: "member", now });
  it("its own final stars: 王 0, 张 5, 李 6", () => {
    expect(r.problems).toEqual([]);
    const block = r.plan!.results[0];
    const i = block.columns.findIndex((c) => c.header === "最终星数");
    expect(block.rows.map((x) => x.cells[i])).toEqual([0, 5, 6]);
  });
  it("says which period it is, and has no 星级进展", () => {
    expect(r.plan!.summary.zh.join("\n")).toContain("本表为第一季度，单独计算该期星级");
    expect(r.plan!.reports.map((x) => x.name)).not.toContain("星级进展");
  });
});

describe("the negative list over the member year: a period counts the records dated by its end", () => {
  const records = (rows: CellValue[][]): SheetData => ({ name: "负面清单记录", rows: [["单位", "姓名", "负面清单条目", "次数", "日期", "依据", "记录人"], ...rows] });
  const scheme = defaultScheme("member", 2025);
  const progress = (r: ReturnType<typeof runAssessment>) => r.plan!.reports.find((x) => x.name === "星级进展")!.rows;

  it("张's two stars removed on 10 May (3-2): not yet in 第一季度, from 半年预评 on and at year end", () => {
    const r = runAssessment({ sheets: [yearEnd, q1, half, records([["一村支部", "张", "3-2", 1, "2025-5-10", "", ""]])] }, { scheme, now });
    expect(r.problems).toEqual([]);
    // 张: 第一季度 5 (31 March, before the record); 半年预评 7 − 2 = 5 (30 June); 年终 8 − 2 = 6.
    expect(progress(r)[0]).toEqual(["城关镇", "一村支部", "张", 5, 5, 6]);
  });

  it("a record of 30 June counts in 半年预评, one of 1 July does not; an undated one counts in every period", () => {
    const on = runAssessment({ sheets: [yearEnd, q1, half, records([["一村支部", "张", "3-2", 1, "2025-6-30", "", ""]])] }, { scheme, now });
    expect(progress(on)[0]).toEqual(["城关镇", "一村支部", "张", 5, 5, 6]);
    const after = runAssessment({ sheets: [yearEnd, q1, half, records([["一村支部", "张", "3-2", 1, "2025-7-1", "", ""]])] }, { scheme, now });
    expect(progress(after)[0]).toEqual(["城关镇", "一村支部", "张", 5, 7, 6]);
    const undated = runAssessment({ sheets: [yearEnd, q1, half, records([["一村支部", "张", "3-2", 1, null, "", ""]])] }, { scheme, now });
    expect(progress(undated)[0]).toEqual(["城关镇", "一村支部", "张", 3, 5, 6]);
  });
});
