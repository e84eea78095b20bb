import { describe, expect, it } from "vitest";
import { defaultScheme } from "../../src/kinds/registry";
import { runAssessment, detectKind } from "../../src/workbook/pipeline";
import type { CellValue, SheetData } from "../../src/workbook/sheet";
import { schemeFromSheet, schemeSheet } from "../../src/workbook/scheme-sheet";

const now = new Date("2025-12-31T08:00:00Z");

function cadreSheet(rows: CellValue[][], title = true): SheetData {
  const head: CellValue[][] = title ? [["2025年度乡镇干部绩效考核表"], []] : [];
  return { name: "干部考核", rows: [...head, ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"], ...rows] };
}

describe("the pipeline on a cadre table", () => {
  const rows: CellValue[][] = [
    ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""],
    ["城关镇", "李四", "A2", "科员", 88, 80, 4000, ""],
    ["城关镇", "王五", "A3", "站长", 92, 100, 6000.5, "是"],
    ["城关镇", "赵六", "A4", "科员", 70, 60, 3000, ""],
    ["城关镇", "孙七", "A5", "科员", 96, 96, 4500, ""],
    ["东山乡", "周八", "B1", "科员", 60, 50, 3000.01, ""],
  ];
  const result = runAssessment({ sheets: [cadreSheet(rows)] }, { kind: "cadre", now });

  it("finds the table under its title row and computes every row", () => {
    expect(result.problems).toEqual([]);
    expect(result.status).toBe("ok");
    expect(result.table?.headerRow).toBe(2);
    const block = result.plan!.results[0];
    expect(block.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9]);
    // the result columns start right of the table (H is the last input column)
    expect(block.columns[0]).toMatchObject({ header: "综合得分", col: 9 });
  });

  it("computes the composite 0.8 × task + 0.2 × year-end, ranks within the township, and the 20% quota", () => {
    const block = result.plan!.results[0];
    const col = (h: string) => block.columns.findIndex((c) => c.header === h);
    const get = (h: string) => block.rows.map((r) => r.cells[col(h)]);
    expect(get("综合得分")).toEqual([94, 86.4, 93.6, 68, 96, 58]);
    // Under the header that says where it is counted (rank.scope, issue 10: was 排名).
    expect(get("乡镇内名次")).toEqual([2, 4, 3, 5, 1, 1]);
    // 城关镇 has 5 rated: floor(20% × 5) = 1 優秀 place, taken by 孙七 (96); 张三 (94) is moved down; 王五 is vetoed.
    expect(get("等次")).toEqual(["称职", "称职", "称职", "基本称职", "优秀", "不称职"]);
    expect(String(get("说明")[0])).toContain("超出");
    expect(String(get("说明")[2])).toContain("一票否决");
  });

  it("splits pay 70/30 to the fen and shares each township's performance pool exactly", () => {
    const block = result.plan!.results[0];
    const col = (h: string) => block.columns.findIndex((c) => c.header === h);
    const basic = block.rows.map((r) => r.cells[col("基本工资")] as number);
    const paid = block.rows.map((r) => r.cells[col("绩效工资")] as number);
    // The performance base is in 绩效工资发放表 (issue 10: the data sheet holds only the template's own columns).
    const pay = result.plan!.reports.find((r) => r.name === "绩效工资发放表")!;
    const baseCol = pay.columns.findIndex((c) => c.header === "绩效工资基数");
    const base = pay.rows.filter((r) => r[1] !== "" && !String(r[0]).endsWith("小计") && r[0] !== "合计").map((r) => r[baseCol] as number);
    const fen = (x: number) => Math.round(x * 100);
    expect(basic[2]).toBe(4200.35); // 6000.50 × 0.7 = 4200.35
    expect(base[2]).toBe(1800.15);
    rows.forEach((r, i) => expect(fen(basic[i]) + fen(base[i])).toBe(fen(r[6] as number)));
    // Issue 10: the pool is shared by coefficient alone (the documented rule), no longer by base × coefficient.
    // Pool 1500 + 1200 + 1800.15 + 900 + 1350 = 6750.15 yuan = 675,015 fen; coefficients 1, 1, 1 (vetoed: 称职), 0.8, 1.2, Σ = 5.
    // 675,015 / 5 = 135,003 for each 1.0; × 0.8 = 108,002.4; × 1.2 = 162,003.6; floors sum to 675,014, the last fen to the largest remainder (.6, 孙七).
    expect(paid.slice(0, 5)).toEqual([1350.03, 1350.03, 1350.03, 1080.02, 1620.04]);
    // 东山乡's only cadre is 不称职 (coefficient 0): the pool stays unpaid, and both the row and the report say so.
    expect(paid[5]).toBe(0);
    expect(String(block.rows[5].cells[col("说明")])).toContain("全部系数为 0，绩效工资池未分配");
    expect(pay.rows.some((r) => String(r[10]).includes("未分配"))).toBe(true);
  });

  it("writes the standard reports and the audit sheet", () => {
    const names = result.plan!.reports.map((r) => r.name);
    expect(names).toEqual(["汇总", "配额核查", "排名", "绩效工资发放表", "公示", "审计", "考核方案"]);
    const audit = result.plan!.reports.find((r) => r.name === "审计")!;
    expect(audit.rows.find((r) => r[0] === "计算行数")?.[1]).toBe(6);
    const quota = result.plan!.reports.find((r) => r.name === "配额核查")!;
    expect(quota.rows[0].slice(0, 5)).toEqual(["城关镇", 5, "20%", 1, 1]);
  });
});

describe("problems stop the computation, every one listed with its place", () => {
  it("reports text in a score, a duplicate ID, a missing name and an over-maximum score", () => {
    const r = runAssessment(
      {
        sheets: [
          cadreSheet(
            [
              ["城关镇", "张三", "A1", "科员", "缺考", 90, 5000, ""],
              ["城关镇", "李四", "A1", "科员", 88, 80, 4000, ""],
              ["城关镇", "", "A3", "科员", 101, 80, 4000, ""],
              ["城关镇", "赵六", "A4", "科员", "８５", 80, 4000, ""],
            ],
            false,
          ),
        ],
      },
      { kind: "cadre", now },
    );
    expect(r.status).toBe("problems");
    expect(r.plan).toBeUndefined();
    const at = r.problems.map((p) => `${p.row}:${p.col}`);
    expect(at).toEqual(expect.arrayContaining(["2:5", "3:3", "4:2", "4:5"]));
    expect(r.problems.find((p) => p.row === 2)!.zh).toContain("缺考");
    expect(r.problems).toHaveLength(4); // the full-width ８５ is a valid score
  });

  it("with skipBadRows computes the rest and lists each skipped row", () => {
    const r = runAssessment(
      { sheets: [cadreSheet([["城关镇", "张三", "A1", "科员", "缺考", 90, 5000, ""], ["城关镇", "李四", "A2", "科员", 88, 80, 4000, ""]], false)] },
      { kind: "cadre", now, skipBadRows: true },
    );
    expect(r.status).toBe("ok");
    expect(r.plan!.results[0].rows.map((x) => x.row)).toEqual([3]);
    expect(r.ignored.map((x) => x.row)).toContain(2);
  });

  it("says which columns are missing when the header is not there", () => {
    const r = runAssessment({ sheets: [{ name: "Sheet1", rows: [["乡镇", "名字"], ["城关镇", "张三"]] }] }, { kind: "cadre", now });
    expect(r.status).toBe("noTable");
    expect(r.problems[0].zh).toContain("任务得分");
  });
});

describe("member stars with a merged branch cell", () => {
  it("carries the branch down, caps by category and applies the 30% star quota per branch", () => {
    const header = ["乡镇", "支部", "姓名", "党员类别", "思想政治", "遵纪守法", "文明风尚", "联系服务", "岗位责任"];
    const data: CellValue[][] = [];
    for (let i = 0; i < 10; i++) data.push(["城关镇", i === 0 ? "一村支部" : null, `党员${i}`, "在村务农党员", 95, 95, 95, 95, 90 - i]);
    data.push(["城关镇", null, "老党员", "年老体弱党员", 95, 95, 95, null, null]);
    const sheet: SheetData = { name: "党员星级", rows: [header, ...data], merges: [{ top: 1, left: 1, bottom: 11, right: 1 }] };
    expect(detectKind({ sheets: [sheet] })).toBe("member");
    const r = runAssessment({ sheets: [sheet] }, { now });
    expect(r.problems).toEqual([]);
    const block = r.plan!.results[0];
    const finals = block.rows.map((x) => x.cells[2]);
    // 10 cap-10 members (one with 10 stars, nine with 9): floor(30% × 10) = 3 may keep 9+; the aspect total breaks the tie.
    expect(finals.slice(0, 10).filter((s) => Number(s) >= 9)).toHaveLength(3);
    expect(finals.slice(0, 3)).toEqual([10, 9, 9]);
    expect(finals.slice(3, 10).every((s) => s === 8)).toBe(true);
    // the cap-6 member: 1 member, floor(30% × 1) = 0 may hold 5+, so 6 becomes 4
    expect(block.rows[10].cells.slice(0, 3)).toEqual([6, 6, 4]);
    // 汇总 by township and by branch: count, mean (10 + 9 + 9 + 7 × 8 + 4 = 88 over 11), highest and lowest stars
    const summary = r.plan!.reports.find((x) => x.name === "汇总")!;
    expect(summary.rows[0].slice(0, 5)).toEqual(["城关镇", 11, 8, 10, 4]);
    const branch = summary.rows.find((row) => row[0] === "城关镇 一村支部")!;
    expect(branch.slice(0, 5)).toEqual(["城关镇 一村支部", 11, 8, 10, 4]);
  });
});

describe("the scheme sheet", () => {
  it("round-trips through the readable sheet", () => {
    const s = defaultScheme("secretary", 2025);
    const sheet = schemeSheet(s);
    const back = schemeFromSheet({ name: "考核方案", rows: [[sheet.title], sheet.columns.map((c) => c.header), ...(sheet.rows as CellValue[][])] });
    expect(back.problems).toEqual([]);
    expect(back.scheme).toEqual(s);
  });

  it("is used when the workbook carries one, and its problems are listed", () => {
    const s = defaultScheme("cadre", 2025);
    s.grade.topRatio = "50%";
    const sheet = schemeSheet(s);
    const schemeData: SheetData = { name: "考核方案", rows: [sheet.columns.map((c) => c.header), ...(sheet.rows as CellValue[][])] };
    const rows: CellValue[][] = [
      ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""],
      ["城关镇", "李四", "A2", "科员", 91, 90, 4000, ""],
    ];
    const r = runAssessment({ sheets: [cadreSheet(rows), schemeData] }, { now });
    expect(r.status).toBe("ok");
    // 等次 is the third result column since issue 10 (中国式排名 and 百分比排位 moved to the 排名 report).
    expect(r.plan!.results[0].rows.map((x) => x.cells[2])).toEqual(["优秀", "称职"]);
    const bad = { ...schemeData, rows: schemeData.rows.map((row) => (row[0] === "grade.rounding" ? [row[0], row[1], "sideways", row[3]] : row)) };
    const r2 = runAssessment({ sheets: [cadreSheet(rows), bad] }, { now });
    expect(r2.status).toBe("badScheme");
    expect(r2.problems[0].zh).toContain("grade.rounding");
  });
});

describe("detecting the kind of table", () => {
  it("calls a cadre table missing one required column a cadre table, and says what is missing", () => {
    const sheet: SheetData = { name: "Sheet1", rows: [["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评"], ["城关镇", "张三", "A1", "科员", 90, 90]] };
    expect(detectKind({ sheets: [sheet] })).toBe("cadre");
    const r = runAssessment({ sheets: [sheet] }, { now });
    expect(r.status).toBe("noTable");
    expect(r.problems[0].zh).toContain("应发工资");
  });
  it("tells each standard table apart", () => {
    const appraisal: SheetData = { name: "表1", rows: [["单位", "姓名", "自评", "互评", "群众评议", "支部评定"], ["城关镇", "甲", 90, 90, 90, 90]] };
    expect(detectKind({ sheets: [appraisal] })).toBe("appraisal");
    expect(detectKind({ sheets: [{ name: "x", rows: [["甲", "乙"], [1, 2]] }] })).toBeUndefined();
  });
});

describe("the year assessed", () => {
  it("comes from a title above the table, else from the date", async () => {
    const { assessmentYear } = await import("../../src/workbook/pipeline");
    expect(assessmentYear({ sheets: [cadreSheet([])] }, now)).toBe(2025);
    expect(assessmentYear({ sheets: [cadreSheet([], false)] }, new Date("2027-02-01"))).toBe(2026);
    expect(assessmentYear({ sheets: [cadreSheet([], false)] }, new Date("2027-07-01"))).toBe(2027);
  });
});

describe("error values in cells", () => {
  it("are reported with their place, never read as blank", () => {
    const r = runAssessment({ sheets: [cadreSheet([["城关镇", "张三", "A1", "科员", "#DIV/0!", 90, 5000, ""]], false)] }, { kind: "cadre", now });
    expect(r.status).toBe("problems");
    expect(r.problems[0]).toMatchObject({ row: 2, col: 5 });
    expect(r.problems[0].zh).toContain("#DIV/0!");
  });
});

describe("the user's own sheets", () => {
  const rows: CellValue[][] = [
    ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""],
    ["城关镇", "李四", "A2", "科员", 88, 80, 4000, ""],
  ];
  it("are never taken over: a report whose name the user already has takes another name", () => {
    const mine: SheetData = { name: "汇总", rows: [["我自己的汇总表"], [1, 2, 3]] };
    const r = runAssessment({ sheets: [cadreSheet(rows), mine] }, { kind: "cadre", now });
    const names = r.plan!.reports.map((x) => x.name);
    expect(names).toContain("汇总（考核）");
    expect(names).not.toContain("汇总");
    expect(r.plan!.replaceable).toEqual([]);
    const audit = r.plan!.reports.find((x) => x.name === "审计")!;
    expect(audit.rows.find((row) => row[0] === "报表工作表")?.[1]).toContain("汇总（考核）");
  });

  it("while a run's own reports, listed in its audit sheet, are replaced on the next run", () => {
    const first = runAssessment({ sheets: [cadreSheet(rows)] }, { kind: "cadre", now });
    const drawn: SheetData[] = first.plan!.reports.map((rep) => ({ name: rep.name, rows: [[rep.title], rep.columns.map((c) => c.header), ...(rep.rows as CellValue[][])] }));
    const second = runAssessment({ sheets: [cadreSheet(rows), ...drawn] }, { kind: "cadre", now });
    expect(second.status).toBe("ok");
    expect(second.plan!.reports.map((x) => x.name)).toEqual(first.plan!.reports.map((x) => x.name));
    expect([...second.plan!.replaceable].sort()).toEqual(first.plan!.reports.map((x) => x.name).sort());
  });
});
