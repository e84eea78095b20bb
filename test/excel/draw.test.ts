import { reportSheetNames } from "../../src/workbook/plan";
import { describe, expect, it } from "vitest";
import { CHUNK_ROWS, PAYLOAD_BUDGET } from "../../src/excel/chunks";
import { SIGNATURE_LINE } from "../../src/excel/look";
import { HostError, type Progress } from "../../src/excel/ops";
import type { Plan, PlanCell, ReportSheet, ResultBlock, ResultColumn } from "../../src/workbook/plan";
import type { FakeWorkbookInit } from "./fake-office";
import { rejection, setup } from "./helpers";

const INPUT_HEADER = ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"];

const columns: ResultColumn[] = [
  { header: "综合得分", format: "score", col: 9 },
  { header: "排名", format: "integer", col: 10 },
  { header: "中国式排名", format: "integer", col: 11 },
  { header: "百分比排位", format: "fraction", col: 12 },
  { header: "等次", format: "text", col: 13 },
  { header: "绩效系数", col: 14 },
  { header: "基本工资", format: "money", col: 15 },
  { header: "绩效工资基数", format: "money", col: 16 },
  { header: "绩效工资实发", format: "money", col: 17 },
  { header: "说明", col: 18 },
  { header: "星级", format: "integer", col: 19 },
  { header: "备注", col: 20 },
];

function resultRow(i: number): PlanCell[] {
  return [90 - (i % 400) / 10, (i % 500) + 1, (i % 300) + 1, ((i % 1000) + 1) / 1000, i % 7 === 0 ? "优秀" : "称职", 1.2, 3500.35 + i, 1500.15, 1600.27, i % 10 === 0 ? "超出优秀比例，按称职" : "", i % 5, i % 1000 === 0 ? "=看似公式" : null];
}

function block(n: number, sheet = "干部考核"): ResultBlock {
  return { sheet, headerRow: 1, columns, rows: Array.from({ length: n }, (_, i) => ({ row: i + 2, cells: resultRow(i) })) };
}

const summary: ReportSheet = {
  name: "汇总",
  title: "2025年度乡镇干部绩效考核汇总",
  subtitle: "2025年度考核　2025-12-31",
  columns: [
    { header: "乡镇", width: 14 },
    { header: "人数", format: "integer", width: 8 },
    { header: "平均得分", format: "score", width: 10 },
    { header: "优秀", format: "integer", width: 9 },
    { header: "称职", format: "integer", width: 9 },
  ],
  rows: [
    ["城关镇", 5, 88.4, 1, 4],
    ["东山乡", 3, 80.123, 0, 3],
    ["合计", 8, 85.5, 1, 7],
  ],
  strongRows: [2],
  warnRows: [1],
  notes: ["- 以项目符号开头的说明", "所有分组均未超过比例。"],
  signatures: true,
  charts: [{ kind: "column", title: "乡镇分布", firstRow: 0, lastRow: 1, categoryCol: 0, seriesCols: [3, 4] }],
};

const quota: ReportSheet = {
  name: "配额核查",
  title: "“优秀”比例核查",
  columns: [{ header: "乡镇" }, { header: "比例" }, { header: "允许名额", format: "integer" }],
  rows: [
    ["城关镇", "20%", 1],
    ["东山乡", "1/3", 0],
  ],
  landscape: true,
};

const plan = (results: ResultBlock[], reports: ReportSheet[] = [summary, quota]): Plan => ({ results, reports, replaceable: Object.values(reportSheetNames), summary: { kind: "cadre", title: "t", rows: 0, zh: [], en: [] } });

const dataSheet = (extra: FakeWorkbookInit["sheets"] = []): FakeWorkbookInit => ({ sheets: [{ name: "干部考核", rows: [INPUT_HEADER] }, ...extra] });

describe("drawing 50,000 result rows", () => {
  it(`takes 2 + ceil(rows / CHUNK_ROWS) + one sync per report, each request under 5 MB with calculation suspended`, async () => {
    const rows = 50_000;
    const { fake, host } = setup(dataSheet());
    const progress: Progress[] = [];
    const t0 = Date.now();
    const report = await host.drawPlan(plan([block(rows)]), (p) => progress.push(p));
    const ms = Date.now() - t0;
    const expected = 2 + Math.ceil(rows / CHUNK_ROWS) + 2;
    expect(CHUNK_ROWS).toBe(5000);
    expect(report).toEqual({ written: ["干部考核", "汇总", "配额核查"], notWritten: [], rows, syncs: expected });
    expect(fake.syncs).toBe(expected);
    const largest = Math.max(...fake.requests.map((r) => r.bytes));
    expect(largest).toBeLessThan(5 * 1024 * 1024);
    expect(largest).toBeLessThan(PAYLOAD_BUDGET);
    // Every request that writes cells has calculation suspended (the first is the read of what is there).
    for (const r of fake.requests.slice(2)) expect(r.calculationSuspended).toBe(true);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: expected - 2 }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === expected - 2)).toBe(true);
    const ws = fake.sheet("干部考核");
    expect(ws.cell("I1")).toMatchObject({ value: "综合得分" });
    expect(ws.cell(`I${rows + 1}`).value).toBe(resultRow(rows - 1)[0]);
    expect(ws.cell(`O${rows + 1}`)).toMatchObject({ value: 3500.35 + rows - 1, numberFormat: "#,##0.00" });
    expect(ws.cell("T2")).toMatchObject({ value: "=看似公式", numberFormat: "@", quotePrefix: true });
    expect(ws.cell("T2").formula).toBeUndefined();
    console.log(`50,000 rows × ${columns.length} columns: ${fake.syncs} syncs, largest request ${(largest / 1024).toFixed(0)} KB, ${ms} ms in the fake`);
  });

  it("draws a report of 50,000 rows in chunks too", async () => {
    const rows = 50_000;
    const ranking: ReportSheet = {
      name: "排名",
      title: "排名表",
      columns: [{ header: "乡镇" }, { header: "姓名" }, { header: "得分", format: "score" }, { header: "排名", format: "integer" }, { header: "百分比排位", format: "fraction" }],
      rows: Array.from({ length: rows }, (_, i) => [`镇${i % 30}`, `人${i}`, 90 - (i % 400) / 10, (i % 500) + 1, ((i % 1000) + 1) / 1000]),
      signatures: true,
    };
    const { fake, host } = setup(dataSheet());
    const report = await host.drawPlan(plan([block(rows)], [ranking]));
    expect(report.syncs).toBe(2 + Math.ceil(rows / CHUNK_ROWS) * 2);
    expect(Math.max(...fake.requests.map((r) => r.bytes))).toBeLessThan(PAYLOAD_BUDGET);
    expect(fake.sheet("排名").cell(`B${rows + 2}`).value).toBe(`人${rows - 1}`);
    expect(fake.sheet("排名").cell(`A${rows + 4}`).value).toBe(SIGNATURE_LINE);
  });

  it("splits a chunk further when its rows would pass the byte budget", async () => {
    const { fake, host } = setup(dataSheet(), { limits: { rows: CHUNK_ROWS, bytes: 200_000 } });
    await host.drawPlan(plan([block(20_000)], []));
    const writes = fake.requests.slice(2);
    expect(writes.length).toBeGreaterThan(Math.ceil(20_000 / CHUNK_ROWS));
    for (const r of writes) expect(r.bytes).toBeLessThanOrEqual(200_000);
  });
});

describe("text stays text", () => {
  const tricky = ["=SUM(A1:A3)", "+8613800000000", "-张三", "@王五", "007", "20%", "1/3", "TRUE", "'引号", "#N/A"];

  it("in result cells, report cells, titles and notes: never a formula, a number or a date", async () => {
    const { fake, host } = setup(dataSheet());
    const b: ResultBlock = { sheet: "干部考核", headerRow: 1, columns: [{ header: "=表头", col: 9 }], rows: tricky.map((s, i) => ({ row: i + 2, cells: [s] })) };
    const r: ReportSheet = { name: "排名", title: "=标题", subtitle: "+副标题", columns: [{ header: "姓名" }, { header: "-列" }], rows: tricky.map((s) => [s, s]), notes: ["=注释", "- 要点"] };
    await host.drawPlan(plan([b], [r]));
    const ws = fake.sheet("干部考核");
    expect(ws.cell("I1").value).toBe("=表头");
    tricky.forEach((s, i) => {
      const c = ws.cell(`I${i + 2}`);
      expect(c.value).toBe(s);
      expect(c.formula).toBeUndefined();
    });
    const rep = fake.sheet("排名");
    expect(rep.cell("A1").value).toBe("=标题");
    expect(rep.cell("A2").value).toBe("+副标题");
    expect(rep.cell("B3").value).toBe("-列");
    tricky.forEach((s, i) => {
      expect(rep.cell(`A${i + 4}`).value).toBe(s);
      expect(rep.cell(`B${i + 4}`).formula).toBeUndefined();
    });
    expect(rep.cell(`A${4 + tricky.length + 1}`)).toMatchObject({ value: "=注释", numberFormat: "@" });
    expect(rep.cell(`A${4 + tricky.length + 2}`)).toMatchObject({ value: "- 要点", numberFormat: "@" });
    // Formula-like text gets the Text format; other text keeps the column's.
    expect(rep.cell("A4").numberFormat).toBe("@");
    expect(rep.cell("A8").numberFormat).toBe("General");
  });

  it("writes a plan formula as a formula", async () => {
    const { fake, host } = setup(dataSheet());
    const b: ResultBlock = { sheet: "干部考核", headerRow: 1, columns: [{ header: "合计", col: 9 }], rows: [{ row: 2, cells: [{ formula: "SUM(E2:F2)", result: 185 }] }] };
    await host.drawPlan(plan([b], []));
    expect(fake.sheet("干部考核").cell("I2").formula).toBe("=SUM(E2:F2)");
  });
});

describe("result columns", () => {
  it("write only the plan's rows and columns, and keep an existing header's look", async () => {
    const { fake, host } = setup({
      sheets: [
        {
          name: "干部考核",
          rows: [
            [...INPUT_HEADER, "综合得分"],
            ["城关镇", "甲", "A1", "科员", 90, 90, 5000, "", 1],
            ["城关镇", "乙", "A2", "科员", 90, 90, 5000, "", "留着"],
            ["城关镇", "丙", "A3", "科员", 90, 90, 5000, "", 3],
          ],
        },
      ],
    });
    const b: ResultBlock = {
      sheet: "干部考核",
      headerRow: 1,
      columns: [
        { header: "综合得分", format: "score", col: 9 },
        { header: "等次", col: 11 },
      ],
      rows: [
        { row: 2, cells: [91, "称职"] },
        { row: 4, cells: [93, null] },
      ],
    };
    const report = await host.drawPlan(plan([b], []));
    expect(report.rows).toBe(2);
    const ws = fake.sheet("干部考核");
    expect(ws.values()).toEqual([
      [...INPUT_HEADER, "综合得分", "", "等次"],
      ["城关镇", "甲", "A1", "科员", 90, 90, 5000, "", 91, "", "称职"],
      ["城关镇", "乙", "A2", "科员", 90, 90, 5000, "", "留着", "", ""],
      ["城关镇", "丙", "A3", "科员", 90, 90, 5000, "", 93, "", ""],
    ]);
    expect(ws.cell("I3").numberFormat).toBe("General");
    expect(ws.cell("I2").numberFormat).toBe("0.00");
    // 综合得分 was there: untouched look and width; 等次 is new: header look and a width.
    expect(ws.style("I1", "font.bold")).toBeUndefined();
    expect(ws.columnWidth("I")).toBeUndefined();
    expect(ws.style("K1", "font.bold")).toBe(true);
    expect(ws.style("K1", "fill.color")).toBe("#D9E1F2");
    expect(ws.columnWidth("K")).toBeGreaterThan(0);
  });
});

describe("report sheets", () => {
  it("draw title, subtitle, header, rows, notes, signature, widths, frozen header, A4 print setup and charts", async () => {
    const { fake, host } = setup(dataSheet());
    await host.drawPlan(plan([], [summary, quota]));
    const ws = fake.sheet("汇总");
    expect(ws.merges()).toEqual(["A1:E1", "A2:E2"]);
    expect(ws.cell("A1").value).toBe(summary.title);
    expect(ws.style("A1", "font.size")).toBe(16);
    expect(ws.rowHeight(1)).toBe(30);
    expect(ws.cell("A2").value).toBe(summary.subtitle);
    expect(ws.values()[2]).toEqual(["乡镇", "人数", "平均得分", "优秀", "称职"]);
    expect(ws.style("C3", "fill.color")).toBe("#D9E1F2");
    expect(ws.values()[3]).toEqual(["城关镇", 5, 88.4, 1, 4]);
    expect(ws.cell("C5").numberFormat).toBe("0.00");
    expect(ws.style("A5", "fill.color")).toBe("#FFC7CE");
    expect(ws.style("E5", "font.color")).toBe("#9C0006");
    expect(ws.style("A6", "font.bold")).toBe(true);
    expect(ws.style("A4", "font.bold")).toBeUndefined();
    expect(ws.style("E6", "border.EdgeBottom.style")).toBe("Continuous");
    expect(ws.cell("A8").value).toBe("- 以项目符号开头的说明");
    expect(ws.cell("A9").value).toBe("所有分组均未超过比例。");
    expect(ws.cell("A11").value).toBe(SIGNATURE_LINE);
    expect(ws.columnWidth("A")).toBeCloseTo((14 * 7 + 5) * 0.75);
    expect(ws.freeze()).toEqual({ rows: 3, columns: 0 });
    expect(ws.pageLayout()).toMatchObject({ paperSize: "A4", orientation: "Portrait", centerHorizontally: true, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(ws.printTitleRows()).toBe("$3:$3");
    expect(ws.charts()).toEqual([
      {
        name: "Chart 1",
        type: "ColumnClustered",
        source: "汇总!D4:D5",
        seriesBy: "Columns",
        title: "乡镇分布",
        series: [
          { name: "优秀", values: "汇总!D4:D5", xValues: "汇总!A4:A5" },
          { name: "称职", values: "汇总!E4:E5", xValues: "汇总!A4:A5" },
        ],
        position: { start: "A13", end: "H28" },
      },
    ]);
    expect(fake.sheet("配额核查").pageLayout().orientation).toBe("Landscape");
    expect(fake.sheet("配额核查").printTitleRows()).toBe("$2:$2");
    expect(fake.sheet("配额核查").cell("B3")).toMatchObject({ value: "20%", quotePrefix: true });
  });

  it("replace a previous run's report in its place among the tabs, and touch no other sheet", async () => {
    const { fake, host } = setup({
      sheets: [
        { name: "说明" },
        { name: "汇总", rows: [["旧的汇总"], [], [], [], [], [], [], [], [], [], [], [], [], ["旧的一行"]] },
        { name: "干部考核", rows: [INPUT_HEADER] },
        { name: "汇总表", rows: [["用户自己的表"]] },
      ],
    });
    await host.drawPlan(plan([], [summary, quota]));
    expect(fake.sheetNames()).toEqual(["说明", "汇总", "干部考核", "汇总表", "配额核查"]);
    expect(fake.sheet("汇总").cell("A1").value).toBe(summary.title);
    expect(fake.sheet("汇总").cell("A14").value).toBe("");
    expect(fake.sheet("汇总表").values()).toEqual([["用户自己的表"]]);
  });

  it("can replace the only sheet a workbook has", async () => {
    const { fake, host } = setup({ sheets: [{ name: "汇总", rows: [["旧"]] }] });
    await host.drawPlan(plan([], [summary]));
    expect(fake.sheetNames()).toEqual(["汇总"]);
    expect(fake.sheet("汇总").cell("A1").value).toBe(summary.title);
  });

  it("asks for one undo step where Excel can make one", async () => {
    const { fake, host } = setup(dataSheet());
    await host.drawPlan(plan([], [quota]));
    expect(fake.runOptions).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);
  });

  it("below ExcelApi 1.20 asks for no undo step it cannot have, and below 1.11 for no wait it cannot have", async () => {
    const on19 = setup({ ...dataSheet(), apiMinor: 19 });
    await on19.host.drawPlan(plan([], [quota]));
    expect(on19.fake.runOptions).toEqual([{ delayForCellEdit: true }]);
    const on10 = setup({ ...dataSheet(), apiMinor: 10 });
    await on10.host.drawPlan(plan([], [quota]));
    expect(on10.fake.runOptions).toEqual([undefined]);
    expect(on10.fake.sheetNames()).toContain(quota.name);
  });
});

describe("failures say what happened and what was written", () => {
  const all = ["干部考核", "汇总", "配额核查"];

  it("a protected data sheet: nothing is written", async () => {
    const { fake, host } = setup(dataSheet());
    fake.protect("干部考核");
    const e = await rejection(host.drawPlan(plan([block(10)])));
    expect(e).toBeInstanceOf(HostError);
    expect(e.message).toContain("工作表“干部考核”受保护，无法写入：请先撤销工作表保护");
    expect(e.message).toContain("已写入：无");
    expect((e as HostError).partial).toEqual({ written: [], notWritten: all, rows: 0, syncs: 2 });
    expect(fake.sheetNames()).toEqual(["干部考核"]);
    expect(fake.sheet("干部考核").values()).toEqual([INPUT_HEADER]);
  });

  it("a sheet that turns protected midway (AccessDenied): the partial report lists what is complete", async () => {
    const { fake, host } = setup(dataSheet());
    // Syncs: 2 to look, 1 for the results, then 汇总, then 配额核查 fails.
    fake.failSync(5, "AccessDenied");
    const e = (await rejection(host.drawPlan(plan([block(10)])))) as HostError;
    expect(e.message).toContain("工作表“配额核查”受保护");
    expect(e.partial).toEqual({ written: ["干部考核", "汇总"], notWritten: ["配额核查"], rows: 10, syncs: 5 });
    expect(e.message).toContain("已写入：“干部考核”、“汇总”（结果 10 行）；未写入：“配额核查”");
    expect((e as unknown as { cause: { code: string } }).cause.code).toBe("AccessDenied");
  });

  it("a report name taken by a sheet that is not a report: nothing is written", async () => {
    const { fake, host } = setup(dataSheet([{ name: "统计", rows: [["用户的统计"]] }]));
    const stats: ReportSheet = { ...quota, name: "统计" };
    const e = (await rejection(host.drawPlan(plan([block(3)], [summary, stats])))) as HostError;
    expect(e.message).toContain("工作簿中已有名为“统计”的工作表，它不是考核报表，不能覆盖");
    expect(e.partial).toEqual({ written: [], notWritten: ["干部考核", "汇总", "统计"], rows: 0, syncs: 1 });
    expect(fake.sheet("统计").values()).toEqual([["用户的统计"]]);
    expect(fake.hasSheet("汇总")).toBe(false);
  });

  it("ItemAlreadyExists from Excel midway", async () => {
    const { fake, host } = setup(dataSheet());
    fake.failSync(4, "ItemAlreadyExists");
    const e = (await rejection(host.drawPlan(plan([block(3)])))) as HostError;
    expect(e.message).toContain("无法建立工作表“汇总”：已有同名工作表");
    expect(e.partial).toEqual({ written: ["干部考核"], notWritten: ["汇总", "配额核查"], rows: 3, syncs: 4 });
  });

  it("a request too large for Excel: a clear message and the rows already written", async () => {
    // The host's limit is far below what the budget allows: the second chunk is refused.
    const { fake, host } = setup(dataSheet(), { limits: { rows: 1000, bytes: PAYLOAD_BUDGET } });
    const rows = 3000;
    const big = block(rows);
    big.rows.forEach((r, i) => {
      if (i >= 1000) r.cells[11] = "很长的说明".repeat(40);
    });
    fake.payloadLimit = 400_000;
    const e = (await rejection(host.drawPlan(plan([big])))) as HostError;
    expect(e.message).toContain("一次发送的数据超过了 Excel 的请求上限（网页版为 5 MB）");
    expect(e.partial).toEqual({ written: [], notWritten: all, rows: 1000, syncs: 4 });
    expect(fake.sheet("干部考核").cell("I1001").value).not.toBe("");
    expect(fake.sheet("干部考核").cell("I1002").value).toBe("");
  });

  it("a workbook whose structure is protected: nothing is written", async () => {
    const { fake, host } = setup(dataSheet());
    fake.protectStructure();
    const e = (await rejection(host.drawPlan(plan([block(3)])))) as HostError;
    expect(e.message).toContain("工作簿结构受保护");
    expect(e.partial?.written).toEqual([]);
    expect(fake.sheet("干部考核").cell("I1").value).toBe("");
  });

  it("a data sheet that is gone", async () => {
    const { host } = setup({ sheets: [{ name: "别的表" }] });
    const e = (await rejection(host.drawPlan(plan([block(3)])))) as HostError;
    expect(e.message).toContain("找不到工作表“干部考核”");
  });

  it("in English when the pane is in English", async () => {
    const { fake, host } = setup(dataSheet(), { locale: "en-US" });
    fake.protect("干部考核");
    const e = await rejection(host.drawPlan(plan([block(3)])));
    expect(e.message).toContain('sheet "干部考核" is protected and cannot be written');
    expect(e.message).toContain("not written:");
  });

  it("a stop between chunks: the rows written so far, the sheet not complete", async () => {
    const { fake, host } = setup(dataSheet());
    const stop = new AbortController();
    const e = (await rejection(
      host.drawPlan(
        plan([block(12_000)]),
        (p) => {
          if (p.done === 1) stop.abort();
        },
        stop.signal,
      ),
    )) as HostError;
    expect(e.message).toContain("已按要求停止写入");
    expect(e.partial).toEqual({ written: [], notWritten: all, rows: CHUNK_ROWS, syncs: 3 });
    expect(fake.sheet("干部考核").cell(`I${CHUNK_ROWS + 1}`).value).not.toBe("");
    expect(fake.sheet("干部考核").cell(`I${CHUNK_ROWS + 2}`).value).toBe("");
  });
});

describe("a result column a spilled formula fills", () => {
  // A template's way: =KAOHE.GRADES in the first data row spills 等次 down the table (I2:I4); 得分×2 is one formula per row.
  const spillTable = (apiMinor?: number): FakeWorkbookInit => ({
    sheets: [
      {
        name: "干部考核",
        rows: [
          ["姓名", "得分", "等次", "两倍"],
          ["甲", 95],
          ["乙", 70],
          ["丙", 85],
        ],
        formulas: { C2: "=KAOHE.GRADES(B2:B4)", D2: "=B2*2", D3: "=B3*2", D4: "=B4*2" },
      },
    ],
    calculate: (f) => (f.startsWith("=KAOHE.GRADES") ? [["优秀"], ["称职"], ["优秀"]] : 0),
    apiMinor,
  });
  // Row 3 was skipped for its problems: the drawer sends null there, so a value lands in C4 only.
  const b: ResultBlock = {
    sheet: "干部考核",
    headerRow: 1,
    columns: [
      { header: "等次", col: 3 },
      { header: "两倍", col: 4 },
      { header: "说明", col: 5 },
    ],
    rows: [
      { row: 2, cells: ["优秀", 190, ""] },
      { row: 4, cells: ["优秀", 170, "按比例"] },
    ],
  };

  it("the fake shows #SPILL! when values are written into the spill, as Excel does", async () => {
    const { fake } = setup(spillTable());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("干部考核").getRange("C2:C4").values = [[null], [null], ["优秀"]];
      await context.sync();
    });
    expect(fake.spillErrors()).toEqual(["干部考核!C2"]);
  });

  it.each([20, 11])("is left to its formula and said so, and no formula shows #SPILL! (ExcelApi 1.%i)", async (apiMinor) => {
    const { fake, host } = setup(spillTable(apiMinor));
    const report = await host.drawPlan(plan([b], []));
    expect(fake.spillErrors()).toEqual([]);
    const ws = fake.sheet("干部考核");
    expect(ws.cell("C2")).toMatchObject({ formula: "=KAOHE.GRADES(B2:B4)", value: "优秀" });
    expect(ws.values().map((row) => row[2])).toEqual(["等次", "优秀", "称职", "优秀"]);
    // The other columns are written: one formula per row is no spill, and is replaced by the plan's values.
    expect(ws.values().map((row) => row[3])).toEqual(["两倍", 190, 0, 170]);
    expect(ws.cell("E4").value).toBe("按比例");
    expect(report.written).toEqual(["干部考核"]);
    expect(report.kept).toEqual([
      "“等次”列（干部考核!C2:C4）由 干部考核!C2 的公式 =KAOHE.GRADES(B2:B4) 溢出填满，未写入数值，公式保留：写入数值会使该公式显示 #SPILL!。请核对公式的结果；若要改为写入数值，请先删除该公式再计算",
    ]);
  });

  it("a block whose every column is a spill's writes nothing and is complete", async () => {
    const { fake, host } = setup(spillTable());
    const only: ResultBlock = { ...b, columns: [b.columns[0]], rows: b.rows.map((r) => ({ row: r.row, cells: [r.cells[0]] })) };
    const report = await host.drawPlan(plan([only], []));
    expect(report).toMatchObject({ written: ["干部考核"], notWritten: [], rows: 0 });
    expect(report.kept).toHaveLength(1);
    expect(fake.spillErrors()).toEqual([]);
  });

  it("is no overwrite to ask about, even under another header; a filled column that is no spill still is", async () => {
    const init = spillTable(11);
    init.sheets[0].rows![0] = ["姓名", "得分", "评定等次", "两倍", "备注"];
    init.sheets[0].rows![3] = ["丙", 85, null, null, "手填"];
    const { host } = setup(init);
    const foreign: ResultBlock = { ...b, columns: [b.columns[0], b.columns[1], { header: "说明", col: 5 }] };
    // Issue 10: the user's own formulas under 两倍 (=B2*2 per row) are named too, although the header is the plan's; the plan writes rows 2 and 4.
    expect(await host.conflicts(plan([foreign], []))).toEqual([
      "干部考核!D2:D4 有你自己的公式（2 个单元格，如 =B2*2），不是 KAOHE 公式：写入会以数值覆盖它们",
      "干部考核!E1:E4 非空（2 个单元格）",
    ]);
  });

  it("before ExcelApi 1.12, reads side-by-side result columns together, a chunk of rows per request", async () => {
    const { fake, host } = setup({ ...dataSheet(), apiMinor: 11 });
    await host.drawPlan(plan([block(12_000)], []));
    // Sheets and probes: 2; the twelve adjacent columns read together: ceil(12 000 / 5 000) = 3; written: 3.
    expect(fake.syncs).toBe(2 + 3 + 3);
  });

  it("in English", async () => {
    const { host } = setup(spillTable(), { locale: "en-US" });
    const report = await host.drawPlan(plan([b], []));
    expect(report.kept).toEqual([
      'the column "等次" (干部考核!C2:C4) is filled by the spill of the formula =KAOHE.GRADES(B2:B4) in 干部考核!C2; no values were written and the formula stays, since values written there would make it show #SPILL!. Check the formula\'s results; to have values written instead, delete the formula and compute again',
    ]);
  });
});
