// County workbooks laid out as offices lay them out: each case names the problems it must report (sheet, row, column) and the results it must give, worked by hand.
import { describe, expect, it } from "vitest";
import { UNCACHED_FORMULA } from "../../src/workbook/read";
import { findTable } from "../../src/workbook/table";
import { fieldsFor } from "../../src/kinds/registry";
import {
  auditNotes,
  cadreHeader,
  col,
  explanation,
  fiveCadres,
  fiveGrades,
  fiveScores,
  memberHeader,
  places,
  reportCol,
  reportRow,
  run,
  scheme,
  sheet,
} from "./county-corpus-helpers";

describe("a. a column some rows need is required; an optional one absent is said", () => {
  // Aspects 4 and 5 headed the county's way: 联户服务 and 岗位履职 are not the scheme's 联系服务 and 岗位责任.
  const header = ["乡镇", "支部", "姓名", "党员类别", "思想政治", "遵纪守法", "文明风尚", "联户服务", "岗位履职"];
  const rows = [
    ["城关镇", "一支部", "甲", "村干部党员", 95, 95, 95, 95, 95],
    ["城关镇", "一支部", "乙", "在村务农党员", 80, 80, 80, 80, 80],
    ["城关镇", "一支部", "丙", "无劳动能力党员", 95, 95, 95, null, null],
  ];

  it("names each absent aspect column and the cap-10 rows that need it", () => {
    const r = run([sheet("党员星级", [header, ...rows])], { kind: "member" });
    expect(r.status).toBe("problems");
    // Two sheet-wide problems (row 0: skipping bad rows cannot skip them), one per aspect, each naming rows 2 and 3 (甲, 乙); 丙 (cap 6) needs neither.
    expect(places(r)).toEqual([
      ["党员星级", 0, 0],
      ["党员星级", 0, 0],
    ]);
    expect(r.problems[0].zh).toContain("联系服务");
    expect(r.problems[1].zh).toContain("岗位责任");
    for (const p of r.problems) expect(p.zh).toContain("第2、3行");
    expect(run([sheet("党员星级", [header, ...rows])], { kind: "member", skipBadRows: true }).status).toBe("problems");
  });

  it("computes every member right once the columns are mapped", () => {
    const s = scheme("member", (x) => (x.columns = { aspect4: "联户服务", aspect5: "岗位履职" }));
    const r = run([sheet("党员星级", [header, ...rows])], { scheme: s });
    expect(r.problems).toEqual([]);
    // 甲: five aspects ≥ 90 → 2 each = 10; 乙: five aspects in [75, 90) → 1 each = 5; 丙 (three aspects, cap 6): 2 + 2 + 2 = 6.
    expect(col(r, "星数")).toEqual([10, 5, 6]);
    // Quota per branch: cap 10 has N = 2, ⌊2 × 30%⌋ = 0 may hold 9+, so 甲 drops to 9 − 1 = 8; cap 6 has N = 1, ⌊0.3⌋ = 0, so 丙 drops to 5 − 1 = 4.
    expect(col(r, "最终星数")).toEqual([8, 5, 4]);
  });

  it("makes a blank aspect of a cap-10 member a problem of that cell", () => {
    const s = scheme("member", (x) => (x.columns = { aspect4: "联户服务", aspect5: "岗位履职" }));
    const r = run([sheet("党员星级", [header, ...rows, ["城关镇", "一支部", "丁", "村干部党员", 90, 90, 90, null, 90]])], { scheme: s });
    // 丁 is row 5; 联户服务 is column H (8).
    expect(places(r)).toEqual([["党员星级", 5, 8]]);
    expect(r.problems[0].zh).toContain("不能留空");
  });

  it("says on screen and in 审计 what an absent optional column is taken as", () => {
    const r = run([sheet("干部考核", [cadreHeader, ...fiveCadres])], { kind: "cadre" });
    expect(r.problems).toEqual([]);
    const said = r.plan!.summary.zh.join("\n");
    expect(said).toContain("没有“岗位系数”列：每人岗位系数按 1 计算");
    expect(said).toContain("没有“一票否决”列");
    expect(auditNotes(r)).toEqual(expect.arrayContaining(["没有“岗位系数”列：每人岗位系数按 1 计算", "没有“一票否决”列：按无人被一票否决计算"]));
  });
});

describe("b. 序号 is never an ID; a real ID is compared as people read it", () => {
  const header = ["序号", ...memberHeader, "备注"];
  // Three aspects in [75, 90): 3 stars, under the cap-6 quota's threshold of 5, so the quota leaves them alone.
  const m = (n: number, branch: string, name: string, note: string | null = null) => [n, "城关镇", branch, name, "无劳动能力党员", 80, 80, 80, null, null, note];

  it("computes members numbered from 1 again in each branch, and the same name in two branches", () => {
    const r = run([sheet("党员星级", [header, m(1, "一支部", "张三"), m(2, "一支部", "李四"), m(1, "二支部", "王五"), m(2, "二支部", "张三")])], { kind: "member" });
    expect(r.problems).toEqual([]);
    expect(col(r, "最终星数")).toEqual([3, 3, 3, 3]);
  });

  it("reports the same name twice in one branch on both rows, and a row whose 备注 says 重复", () => {
    const r = run([sheet("党员星级", [header, m(1, "一支部", "张三"), m(2, "一支部", "李四"), m(3, "一支部", "张三"), m(1, "二支部", "王五", "重复录入")])], { kind: "member" });
    // 张三 on rows 2 and 4 (姓名 is column D); 王五's 备注 is column K of row 5.
    expect(places(r)).toEqual([
      ["党员星级", 2, 4],
      ["党员星级", 4, 4],
      ["党员星级", 5, 11],
    ]);
    expect(r.problems[0].zh).toContain("第2行和第4行");
  });

  it("takes gb001 and ' GB001 ' for the same ID", () => {
    const r = run(
      [
        sheet("干部考核", [
          ["乡镇", "姓名", "编号", "任务得分", "年终考评", "应发工资"],
          ["城关镇", "甲", "gb001", 90, 90, 5000],
          ["城关镇", "乙", " GB001 ", 80, 80, 5000],
        ]),
      ],
      { kind: "cadre" },
    );
    expect(places(r)).toEqual([["干部考核", 3, 3]]);
    expect(r.problems[0].zh).toContain("与第2行重复");
  });
});

describe("c. footers and notes under a table; the pool written in the sheet", () => {
  const rows = [
    ["城关镇2025年度干部绩效考核表"],
    ["序号", ...cadreHeader],
    ...fiveCadres.map((c, i) => [i + 1, ...c]),
    // The total written under the 姓名 column, its label in the 序号 column.
    ["绩效工资总额（元）：", null, 10000],
    ["制表人：王某", null, null, "审核人：李某"],
    ["说明："],
    [null, "1. 优秀比例不超过20%。"],
    [null, "2. 本表金额单位为元。"],
  ];

  it("sets the footer, signature and note lines aside and computes every cadre, pointing out the written total", () => {
    const r = run([sheet("干部考核", rows)], { kind: "cadre" });
    expect(r.problems).toEqual([]);
    expect(r.ignored.map((x) => x.row)).toEqual([8, 9, 10, 11, 12]);
    expect(col(r, "综合得分")).toEqual(fiveScores);
    expect(col(r, "等次")).toEqual(fiveGrades);
    // Pool from the rows: 5 × 1500 = 7500; shares 7500 × 1.2/4 = 2250, 7500 × 1/4 = 1875 (twice), 7500 × 0.8/4 = 1500, 0.
    // (In the template's own 绩效工资 column since issue 10, no longer 绩效工资实发 appended beside it.)
    expect(col(r, "绩效工资")).toEqual([2250, 1875, 1875, 1500, 0]);
    expect(r.plan!.summary.zh.join("\n")).toContain("第8行写有“绩效工资总额（元）：”（10000.00 元）");
  });

  it("shares the total written in the sheet when the scheme says the pool comes from the sheet, and says where it came from", () => {
    const r = run([sheet("干部考核", rows)], { scheme: scheme("cadre", (s) => (s.pay.pool = "sheet")) });
    expect(r.problems).toEqual([]);
    // 10000 × 1.2/4 = 3000; 10000 × 1/4 = 2500 (twice); 10000 × 0.8/4 = 2000; 0: Σ = 10000.
    expect(col(r, "绩效工资")).toEqual([3000, 2500, 2500, 2000, 0]);
    expect(auditNotes(r).join("\n")).toContain("绩效工资池 10000.00 元，取自工作表“干部考核”第8行");
    expect(String(reportRow(r, "绩效工资发放表", "合计")?.[10])).toBe("绩效池=实发 ✓");
    expect(r.plan!.reports.find((x) => x.name === "绩效工资发放表")!.subtitle).toContain("分配全表的绩效工资总额");
  });

  it("reads a total written in the title block (绩效工资总额：8,000.00元) and a pool given in the scheme", () => {
    const withTitleTotal = [["城关镇干部绩效考核表", null, "绩效工资总额：8,000.00元"], ["序号", ...cadreHeader], ...fiveCadres.map((c, i) => [i + 1, ...c])];
    const fromSheet = run([sheet("干部考核", withTitleTotal)], { scheme: scheme("cadre", (s) => (s.pay.pool = "sheet")) });
    // 8000 × 1.2/4 = 2400; 8000/4 = 2000 (twice); 8000 × 0.8/4 = 1600; 0.
    expect(col(fromSheet, "绩效工资")).toEqual([2400, 2000, 2000, 1600, 0]);
    const given = run([sheet("干部考核", [cadreHeader, ...fiveCadres])], { scheme: scheme("cadre", (s) => (s.pay.pool = 4000)) });
    // 4000 × 1.2/4 = 1200; 1000 (twice); 800; 0.
    expect(col(given, "绩效工资")).toEqual([1200, 1000, 1000, 800, 0]);
    expect(auditNotes(given).join("\n")).toContain("取自考核方案");
  });

  it("is a problem of the sheet when the scheme asks for the sheet's total and there is none", () => {
    const r = run([sheet("干部考核", [cadreHeader, ...fiveCadres])], { scheme: scheme("cadre", (s) => (s.pay.pool = "sheet")) });
    expect(places(r)).toEqual([["干部考核", 0, 0]]);
    expect(r.problems[0].zh).toContain("绩效工资总额");
  });
});

describe("d. a formula without a calculated result", () => {
  it("is a problem naming its cell, never a blank", () => {
    const s = sheet("干部考核", [cadreHeader, ...fiveCadres.map((c) => [...c])]);
    // 丙's 年终考评 (row 4, column D) is a formula the file keeps no result for.
    s.rows[3][3] = null;
    s.uncached = [{ row: 3, col: 3 }];
    const r = run([s], { kind: "cadre" });
    expect(places(r)).toEqual([["干部考核", 4, 4]]);
    expect(r.problems[0].zh).toBe(UNCACHED_FORMULA.zh);
  });
});

describe("e. two columns for one field", () => {
  it("is a problem naming both columns", () => {
    const header = ["乡镇", "姓名", "任务得分", "年终考评", "应发工资", "任务得分"];
    const r = run([sheet("干部考核", [header, ...fiveCadres.map((c) => [...c, 60])])], { kind: "cadre" });
    expect(r.status).toBe("problems");
    expect(places(r)).toEqual([["干部考核", 0, 6]]);
    expect(r.problems[0].zh).toContain("C列“任务得分”");
    expect(r.problems[0].zh).toContain("F列“任务得分”");
  });
});

describe("f. a table far down the sheet", () => {
  it("is found under an explanation block of 45 lines", () => {
    const rows = [...explanation(45), ["城关镇2025年度干部绩效考核表"], cadreHeader, ...fiveCadres];
    const r = run([sheet("干部考核", rows)], { kind: "cadre" });
    expect(r.problems).toEqual([]);
    // 45 lines, the title (row 46), the header on row 47 (0-based 46).
    expect(r.table?.headerRow).toBe(46);
    expect(col(r, "综合得分")).toEqual(fiveScores);
  });

  it("is found quickly in a long sheet", () => {
    const body = Array.from({ length: 5000 }, (_, i) => ["城关镇", `干部${i}`, 80, 80, 5000]);
    const s = sheet("干部考核", [...explanation(40), cadreHeader, ...body]);
    const started = performance.now();
    const t = findTable(s, fieldsFor(scheme("cadre")));
    const ms = performance.now() - started;
    expect(t?.headerRow).toBe(40);
    expect(ms).toBeLessThan(2000);
  });
});

describe("g. branches of the same name in two townships", () => {
  it("are two branches with two quotas", () => {
    // Four cap-10 members in each township's 新村党支部, all aspects 95: 10 stars each.
    const m = (t: string, name: string, tiebreak: number) => [t, "新村党支部", name, "村干部党员", 95, 95, 95, 95, 95, tiebreak];
    const rows = [[...memberHeader, "综合得分"], m("城关镇", "甲", 99), m("城关镇", "乙", 98), m("城关镇", "丙", 97), m("城关镇", "丁", 96), m("东山乡", "戊", 99), m("东山乡", "己", 98), m("东山乡", "庚", 97), m("东山乡", "辛", 96)];
    const r = run([sheet("党员星级", rows)], { kind: "member" });
    expect(r.problems).toEqual([]);
    // Each branch: N = 4, ⌊4 × 30%⌋ = 1 keeps 10 (the highest 综合得分), three drop to 9 − 1 = 8. As one branch ⌊8 × 30%⌋ = 2 would keep two.
    expect(col(r, "最终星数")).toEqual([10, 8, 8, 8, 10, 8, 8, 8]);
    // Two rows in 配额核查, one per township's branch: 4 members, 1 allowed.
    expect(reportCol(r, "配额核查", "党员数")).toEqual([4, 4]);
    expect(reportCol(r, "配额核查", "允许人数")).toEqual([1, 1]);
    const branches = reportCol(r, "配额核查", "支部").map(String);
    expect(new Set(branches).size).toBe(2);
    for (const b of branches) expect(b).toContain("新村党支部");
  });
});

describe("h. a missing part of a composite", () => {
  const rows = [cadreHeader, ...fiveCadres.slice(0, 3), ["城关镇", "丁", 96, null, 5000], ["城关镇", "戊", 97, null, 5000]];

  it("is a problem for a cadre's year-end score by default", () => {
    const r = run([sheet("干部考核", rows)], { kind: "cadre" });
    // 丁 and 戊 (rows 5 and 6) lack 年终考评 (column D).
    expect(places(r)).toEqual([
      ["干部考核", 5, 4],
      ["干部考核", 6, 4],
    ]);
    expect(r.problems[0].zh).toContain("missing.parts");
  });

  it("is reweighted, and said in 说明 and 审计, when the scheme says so", () => {
    const r = run([sheet("干部考核", rows)], { scheme: scheme("cadre", (s) => (s.missing.parts = "reweight")) });
    expect(r.problems).toEqual([]);
    // 丁 and 戊 on their task score alone: 96 and 97.
    expect(col(r, "综合得分")).toEqual([95, 85, 86.4, 96, 97]);
    const notes = col(r, "说明").map(String);
    expect(notes[3]).toContain("无年终考评，按日常考核折算");
    expect(notes[4]).toContain("无年终考评，按日常考核折算");
    expect(auditNotes(r).join("\n")).toContain("第5、6行缺少年终考评");
  });

  it("names the rows when the whole column is absent", () => {
    const r = run([sheet("干部考核", [["乡镇", "姓名", "任务得分", "应发工资"], ["城关镇", "甲", 90, 5000], ["城关镇", "乙", 80, 5000]])], { kind: "cadre" });
    expect(places(r)).toEqual([["干部考核", 0, 0]]);
    expect(r.problems[0].zh).toContain("第2、3行");
  });
});

describe("i. merged group cells", () => {
  it("give the merged value to every row they cover; a blank cell below them is a problem", () => {
    const m = (branch: string | null, name: string) => ["城关镇", branch, name, "无劳动能力党员", 80, 80, 80, null, null];
    // 一支部 merged over rows 2–4 (0-based 1–3); row 5 is blank and outside it.
    const s = sheet("党员星级", [memberHeader, m("一支部", "甲"), m(null, "乙"), m(null, "丙"), m(null, "丙")], [{ top: 1, left: 1, bottom: 3, right: 1 }]);
    const r = run([s], { kind: "member" });
    expect(places(r)).toEqual([["党员星级", 5, 2]]);
    expect(r.problems[0].zh).toContain("不在合并单元格内");
    // Skipping the bad row leaves three members of 一支部, each three aspects in [75, 90): 3 stars.
    const skipped = run([s], { kind: "member", skipBadRows: true });
    expect(col(skipped, "最终星数")).toEqual([3, 3, 3]);
  });

  it("are carried down, each row named in 审计, where the host cannot list merged areas (Excel before ExcelApi 1.13)", () => {
    const m = (branch: string | null, name: string) => ["城关镇", branch, name, "无劳动能力党员", 80, 80, 80, null, null];
    const s = { ...sheet("党员星级", [memberHeader, m("一支部", "甲"), m(null, "乙"), m(null, "丙")]), mergesUnknown: true };
    const r = run([s], { kind: "member" });
    expect(r.problems).toEqual([]);
    expect(col(r, "最终星数")).toEqual([3, 3, 3]);
    expect(auditNotes(r).join("\n")).toContain("第3、4行的支部为空，按上一行填写");
  });
});

describe("layouts offices use", () => {
  it("two-row headers with merged group labels", () => {
    const rows = [
      ["城关镇党员星级评定表"],
      ["乡镇", "支部", "姓名", "党员类别", "五个方面得分"],
      [null, null, null, null, "思想政治", "遵纪守法", "文明风尚", "联系服务", "岗位责任"],
      ["城关镇", "一支部", "甲", "村干部党员", 95, 80, 70, 92, 76],
      ["城关镇", "一支部", "乙", "外出流动党员", 90, 90, 74, null, null],
    ];
    const merges = [0, 1, 2, 3].map((c) => ({ top: 1, left: c, bottom: 2, right: c }));
    merges.push({ top: 1, left: 4, bottom: 1, right: 8 });
    const r = run([sheet("党员星级", rows, merges)], { kind: "member" });
    expect(r.problems).toEqual([]);
    expect(r.table?.headerRow).toBe(2);
    // 甲: 2 + 1 + 0 + 2 + 1 = 6; 乙 (three aspects): 2 + 2 + 0 = 4.
    expect(col(r, "星数")).toEqual([6, 4]);
  });

  it("maxima written in the header text, checked against the scheme", () => {
    const s = scheme("secretary", (x) => {
      x.items = [
        { name: "组织生活", max: 10 },
        { name: "党员发展", max: 5 },
      ];
      x.deductions = [];
    });
    const header = ["乡镇", "村", "姓名", "组织生活（10分）", "党员发展(5分)"];
    const r = run([sheet("村书记考核", [header, ["城关镇", "一村", "甲", 8, 4], ["城关镇", "二村", "乙", 10, 5]])], { scheme: s });
    expect(r.problems).toEqual([]);
    // 8 + 4 = 12; 10 + 5 = 15; no half-year or ballot column: the year's score alone (stated).
    expect(col(r, "年度得分")).toEqual([12, 15]); // the template's header since issue 10 (was 年度量化得分)
    const over = run([sheet("村书记考核", [header, ["城关镇", "一村", "甲", 11, 4]])], { scheme: s });
    expect(places(over)).toEqual([["村书记考核", 2, 4]]);
    const wrongMax = run([sheet("村书记考核", [["乡镇", "村", "姓名", "组织生活（10分）", "党员发展(6分)"], ["城关镇", "一村", "甲", 8, 4]])], { scheme: s });
    expect(places(wrongMax)).toEqual([["村书记考核", 0, 5]]);
  });

  it("columns in an unusual order", () => {
    const header = ["应发工资", "年终考评", "姓名", "任务得分", "乡镇"];
    const rows = fiveCadres.map(([t, n, task, year, pay]) => [pay, year, n, task, t]);
    const r = run([sheet("干部考核", [header, ...rows])], { kind: "cadre" });
    expect(r.problems).toEqual([]);
    expect(col(r, "综合得分")).toEqual(fiveScores);
    expect(col(r, "等次")).toEqual(fiveGrades);
  });

  it("money typed as text with thousands separators", () => {
    const typed = ["5,000.00", "￥5,000.00", "5000元", "5,000", " 5000.00 "];
    const rows = fiveCadres.map(([t, n, task, year], i) => [t, n, task, year, typed[i]]);
    const r = run([sheet("干部考核", [cadreHeader, ...rows])], { kind: "cadre" });
    expect(r.problems).toEqual([]);
    // Each is 5000: basic 70% = 3500, performance base 1500.
    expect(col(r, "基本工资")).toEqual([3500, 3500, 3500, 3500, 3500]);
    // The base is in 绩效工资发放表 since issue 10 (the data sheet holds the template's own columns): its five people, then 小计 and 合计.
    expect(reportCol(r, "绩效工资发放表", "绩效工资基数").slice(0, 5)).toEqual([1500, 1500, 1500, 1500, 1500]);
  });

  it("a 合计 row in the middle, between two townships", () => {
    const rows = [cadreHeader, ...fiveCadres, ["城关镇小计", null, null, null, 25000], ["东山乡", "子", 91, 91, 4000], ["东山乡", "丑", 60, 60, 4000], ["合计", null, null, null, 33000]];
    const r = run([sheet("干部考核", rows)], { kind: "cadre" });
    expect(r.problems).toEqual([]);
    expect(r.ignored.map((x) => x.row)).toEqual([7, 10]);
    // 东山乡: 子 91 → 优秀? ⌊2 × 20%⌋ = 0 places, so 称职 (demoted); 丑 60 → 基本称职.
    expect(col(r, "等次")).toEqual([...fiveGrades, "称职", "基本称职"]);
  });

  it("two townships in two sheets of one workbook", () => {
    const a = sheet("城关镇", [["城关镇干部考核表"], cadreHeader, ...fiveCadres]);
    const b = sheet("东山乡", [["东山乡干部考核表"], cadreHeader, ["东山乡", "子", 95, 95, 4000], ["东山乡", "丑", 85, 85, 4000]]);
    const first = run([a, b], { kind: "cadre", sheet: "城关镇" });
    expect(col(first, "等次")).toEqual(fiveGrades);
    const second = run([a, b], { kind: "cadre", sheet: "东山乡" });
    // 子 95, 丑 85; ⌊2 × 20%⌋ = 0 优秀 places: 子 称职 (demoted), 丑 称职.
    expect(col(second, "综合得分")).toEqual([95, 85]);
    expect(col(second, "等次")).toEqual(["称职", "称职"]);
    // 4000: performance base 1200 each, both coefficient 1: the pool 2400 shared 1200 / 1200.
    expect(col(second, "绩效工资")).toEqual([1200, 1200]);
  });
});

describe("b. 序号 mapped to the ID by hand", () => {
  it("is still no ID: numbering from 1 in each branch repeats nothing", () => {
    const s = scheme("member", (x) => (x.columns = { id: "序号" }));
    const m = (n: number, branch: string, name: string) => [n, "城关镇", branch, name, "无劳动能力党员", 80, 80, 80];
    const r = run([sheet("党员星级", [["序号", ...memberHeader.slice(0, 8)], m(1, "一支部", "甲"), m(1, "二支部", "乙"), m(2, "二支部", "甲")])], { scheme: s });
    expect(r.problems).toEqual([]);
    // Three aspects in [75, 90): 1 + 1 + 1 = 3 each.
    expect(col(r, "最终星数")).toEqual([3, 3, 3]);
  });
});

describe("c. the pool setting", () => {
  it("takes rows, sheet or an amount in whole fen, and says what else it takes", () => {
    const bad = run([sheet("干部考核", [cadreHeader, ...fiveCadres])], { scheme: scheme("cadre", (s) => (s.pay.pool = "表尾" as never)) });
    expect(bad.status).toBe("badScheme");
    expect(bad.problems[0].zh).toContain("sheet（取表中写明的总额）");
    const fen = run([sheet("干部考核", [cadreHeader, ...fiveCadres])], { scheme: scheme("cadre", (s) => (s.pay.pool = 100.005)) });
    expect(fen.status).toBe("badScheme");
  });
});
