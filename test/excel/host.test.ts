import { reportSheetNames } from "../../src/workbook/plan";
import { describe, expect, it } from "vitest";
import { schemeToJson } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import { READ_CHUNK_ROWS, SCHEME_SETTING } from "../../src/excel/read";
import { HostError, type Progress } from "../../src/excel/ops";
import type { Plan, ReportSheet, ResultBlock } from "../../src/workbook/plan";
import { runAssessment } from "../../src/workbook/pipeline";
import { SCHEME_SHEET } from "../../src/workbook/scheme-sheet";
import type { CellValue } from "../../src/workbook/sheet";
import { rejection, setup } from "./helpers";

const header = ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"];

describe("readWorkbook", () => {
  it("reads every sheet's cells from A1 in chunks, with merged areas and the stored scheme", async () => {
    const n = 12_000;
    const big: CellValue[][] = [header, ...Array.from({ length: n }, (_, i) => [i % 2 ? "城关镇" : null, `人${i}`, `A${i}`, "科员", 80 + (i % 20), 90, 5000, ""])];
    const { fake, host } = setup({
      sheets: [
        { name: "干部考核", rows: big, merges: ["A2:A3", "A4:A5"] },
        { name: "My 'odd', sheet", rows: [[], [null, null, "x", null], [null, null, null, 5]], merges: ["C2:D2"] },
        { name: "空表" },
      ],
      settings: { [SCHEME_SETTING]: '{"kind":"cadre"}' },
    });
    const progress: Progress[] = [];
    const wb = await host.readWorkbook((p) => progress.push(p));
    expect(wb.sheets.map((s) => s.name)).toEqual(["干部考核", "My 'odd', sheet", "空表"]);
    expect(wb.sheets[0].rows).toHaveLength(n + 1);
    expect(wb.sheets[0].rows[0]).toEqual(header);
    expect(wb.sheets[0].rows[1]).toEqual([null, "人0", "A0", "科员", 80, 90, 5000]);
    expect(wb.sheets[0].rows[n]).toEqual(["城关镇", `人${n - 1}`, `A${n - 1}`, "科员", 80 + ((n - 1) % 20), 90, 5000]);
    expect(wb.sheets[0].merges).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 3, left: 0, bottom: 4, right: 0 },
    ]);
    expect(wb.sheets[1]).toEqual({ name: "My 'odd', sheet", rows: [[], [null, null, "x"], [null, null, null, 5]], merges: [{ top: 1, left: 2, bottom: 1, right: 3 }] });
    expect(wb.sheets[2]).toEqual({ name: "空表", rows: [] });
    expect(wb.schemeJson).toBe('{"kind":"cadre"}');
    const chunks = Math.ceil((n + 1) / READ_CHUNK_ROWS) + 1;
    expect(fake.syncs).toBe(2 + chunks);
    expect(progress.at(-1)).toMatchObject({ done: chunks, total: chunks });
  });

  it("reads in smaller chunks when Excel refuses a response as too large", async () => {
    const rows: CellValue[][] = Array.from({ length: 3000 }, (_, i) => [`第${i}行的一段比较长的文字内容`, i]);
    const { fake, host } = setup({ sheets: [{ name: "长表", rows }] });
    fake.payloadLimit = 60_000;
    const wb = await host.readWorkbook();
    expect(wb.sheets[0].rows).toEqual(rows);
    // Some reads were refused and read again in halves.
    expect(fake.requests.some((r) => r.responseBytes > 60_000)).toBe(true);
  });

  it("gives what readWorkbook gives to the pipeline, which then finds the table", async () => {
    const { host } = setup({
      sheets: [
        {
          name: "干部考核",
          rows: [header, ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""], [null, "李四", "A2", "科员", 88, 80, 4000, ""]],
          merges: ["A2:A3"],
        },
      ],
    });
    const result = runAssessment(await host.readWorkbook(), { kind: "cadre", now: new Date("2025-12-31T00:00:00Z") });
    expect(result.status).toBe("ok");
    expect(result.plan!.results[0].rows).toHaveLength(2);
  });
});

describe("the scheme kept in the workbook", () => {
  it("round-trips through saveScheme and loadScheme, in the settings and the 考核方案 sheet", async () => {
    const { fake, host } = setup({ sheets: [{ name: "干部考核", rows: [header] }] });
    expect(await host.loadScheme()).toBeUndefined();
    const scheme = defaultScheme("cadre", 2025);
    await host.saveScheme(scheme);
    expect(fake.settings()[SCHEME_SETTING]).toBe(schemeToJson(scheme));
    expect(fake.sheetNames()).toEqual(["干部考核", SCHEME_SHEET]);
    expect(fake.sheet(SCHEME_SHEET).cell("A3").value).toBe("键");
    expect(await host.loadScheme()).toEqual(scheme);
    expect(await host.overview()).toEqual({ sheets: ["干部考核", SCHEME_SHEET], schemeKind: "cadre", schemeTitle: scheme.title });
  });

  it("reads the sheet first: an edit there is what loadScheme gives", async () => {
    const { fake, host } = setup({ sheets: [{ name: "干部考核", rows: [header] }] });
    const scheme = defaultScheme("cadre", 2025);
    await host.saveScheme(scheme);
    const rows = fake.sheet(SCHEME_SHEET).values();
    const at = rows.findIndex((r) => r[0] === "title");
    fake.put(SCHEME_SHEET, `C${at + 1}`, [["城关镇试点考核"]]);
    expect((await host.loadScheme())?.title).toBe("城关镇试点考核");
  });

  it("reports a scheme with problems instead of using another", async () => {
    const { fake, host } = setup({ sheets: [{ name: "干部考核", rows: [header] }] });
    await host.saveScheme(defaultScheme("cadre", 2025));
    const rows = fake.sheet(SCHEME_SHEET).values();
    const at = rows.findIndex((r) => r[0] === "kind");
    fake.put(SCHEME_SHEET, `C${at + 1}`, [["不存在的类型"]]);
    const e = await rejection(host.loadScheme());
    expect(e).toBeInstanceOf(HostError);
    expect(e.message).toMatch(/^工作表“考核方案”有 \d+ 处问题：/);
    // The start screen still names what it can.
    expect((await host.overview()).schemeKind).toBeUndefined();
  });

  it("reads the settings' JSON when there is no sheet", async () => {
    const scheme = defaultScheme("member", 2025);
    const { host } = setup({ sheets: [{ name: "党员星级" }], settings: { [SCHEME_SETTING]: schemeToJson(scheme) } });
    expect(await host.loadScheme()).toEqual(scheme);
  });

  it("refuses to save an invalid scheme", async () => {
    const { fake, host } = setup({ sheets: [{ name: "干部考核" }] });
    const bad = { ...defaultScheme("cadre", 2025), bonusCap: -1 };
    const e = await rejection(host.saveScheme(bad));
    expect(e).toBeInstanceOf(HostError);
    expect(fake.sheetNames()).toEqual(["干部考核"]);
    expect(fake.settings()).toEqual({});
  });
});

describe("conflicts", () => {
  const plan = (b: ResultBlock): Plan => ({ results: [b], reports: [], replaceable: Object.values(reportSheetNames), summary: { kind: "cadre", title: "", rows: 0, zh: [], en: [] } });
  const rows = [
    [...header, "综合得分", "备注", null],
    ["城关镇", "张三", "A1", "科员", 95, 90, 5000, "", 1, "请假", null],
    ["城关镇", "李四", "A2", "科员", 95, 90, 5000, "", 2, null, "手写"],
    ["城关镇", "王五", "A3", "科员", 95, 90, 5000, "", 3, "病假", null],
  ];
  const block: ResultBlock = {
    sheet: "干部考核",
    headerRow: 1,
    columns: [
      { header: "综合得分", col: 9 },
      { header: "排名", col: 10 },
      { header: "等次", col: 11 },
    ],
    rows: [2, 3, 4].map((row) => ({ row, cells: [1, 2, "称职"] })),
  };

  it("finds a foreign header with values below it, and values under an empty header; the plan's own column is not one", async () => {
    const { host } = setup({ sheets: [{ name: "干部考核", rows }] });
    expect(await host.conflicts(plan(block))).toEqual(["干部考核!J1:J4 非空（3 个单元格）", "干部考核!K3 非空"]);
  });

  it("finds none when the plan's columns are its own or empty", async () => {
    const { host } = setup({ sheets: [{ name: "干部考核", rows: rows.map((r) => r.slice(0, 9)) }] });
    expect(await host.conflicts(plan(block))).toEqual([]);
  });

  it("in English", async () => {
    const { host } = setup({ sheets: [{ name: "干部考核", rows }] }, { locale: "en-US" });
    expect(await host.conflicts(plan(block))).toEqual(["干部考核!J1:J4 is not empty (3 cells)", "干部考核!K3 is not empty"]);
  });
});

describe("selectCell", () => {
  it("shows the sheet and selects the cell", async () => {
    const { fake, host } = setup({ sheets: [{ name: "说明" }, { name: "干部考核", rows: [header] }] });
    await host.selectCell("干部考核", 12, 3);
    expect(fake.activeSheet()).toBe("干部考核");
    expect(fake.selection()).toBe("干部考核!C12");
  });

  it("says so when the sheet is gone", async () => {
    const { host } = setup({ sheets: [{ name: "说明" }] });
    const e = await rejection(host.selectCell("干部考核", 1, 1));
    expect(e.message).toContain("找不到工作表“干部考核”");
  });
});

describe("freezeReports", () => {
  const report: ReportSheet = {
    name: "汇总",
    title: "汇总",
    columns: [{ header: "乡镇" }, { header: "人数", format: "integer" }, { header: "合计" }],
    rows: [
      ["城关镇", 5, { formula: "B3*2", result: 10 }],
      ["=东山乡", 3, { formula: "B4*2", result: 6 }],
    ],
  };
  const plan: Plan = { results: [], reports: [report], replaceable: Object.values(reportSheetNames), summary: { kind: "cadre", title: "", rows: 0, zh: [], en: [] } };

  it("copies each report beside it with values in place of formulas, and replaces an earlier copy", async () => {
    const { fake, host } = setup({ sheets: [{ name: "干部考核" }], calculate: (f) => (f === "=B3*2" ? 10 : f === "=B4*2" ? 6 : 0) });
    await host.drawPlan(plan);
    expect(fake.sheet("汇总").cell("C3").formula).toBe("=B3*2");
    expect(await host.freezeReports(plan)).toEqual(["汇总（值）"]);
    expect(await host.freezeReports(plan)).toEqual(["汇总（值）"]);
    expect(fake.sheetNames()).toEqual(["干部考核", "汇总", "汇总（值）"]);
    const copy = fake.sheet("汇总（值）");
    expect(copy.cell("C3")).toMatchObject({ value: 10, numberFormat: "General" });
    expect(copy.cell("C3").formula).toBeUndefined();
    expect(copy.cell("C4").value).toBe(6);
    expect(copy.cell("A4").value).toBe("=东山乡");
    expect(copy.cell("A4").formula).toBeUndefined();
    expect(copy.cell("B4").numberFormat).toBe("0");
    expect(copy.merges()).toEqual(["A1:C1"]);
    expect(fake.sheet("汇总").cell("C3").formula).toBe("=B3*2");
  });

  it("needs ExcelApi 1.7 to copy sheets (Worksheet.copy), and says which Excel has it", async () => {
    const { host } = setup({ sheets: [{ name: "汇总" }], apiMinor: 6 });
    const e = await rejection(host.freezeReports(plan));
    expect(e.message).toContain("复制工作表（冻结报表）");
    expect(e.message).toContain("ExcelApi 1.7");
    expect(e.message).toContain("Microsoft 365 Windows 版 2002 及以上、Excel 2021 LTSC 2108 及以上、Mac 版 16.35 及以上、Excel 网页版");
    expect(e.message).toContain("Excel 2016 和 2019 无法运行本加载项");
  });

  it("copies sheets on ExcelApi 1.7, the set Worksheet.copy belongs to", async () => {
    const { fake, host } = setup({ sheets: [{ name: "汇总", rows: [["汇总"], ["乡镇"], ["城关镇"]] }], apiMinor: 7 });
    expect(await host.freezeReports(plan)).toEqual(["汇总（值）"]);
    expect(fake.sheet("汇总（值）").cell("A3").value).toBe("城关镇");
  });

  it("keeps error values as errors in the copy, each by the formula that gives it", async () => {
    const errors: Record<string, string> = { A3: "#N/A", B3: "#DIV/0!", C3: "#VALUE!", A4: "#NUM!", B4: "#REF!", C4: "#NAME?", A5: "#NULL!" };
    // C3 is a text column's cell: the formula must not be entered as text.
    const { fake, host } = setup({ sheets: [{ name: "汇总", rows: [["汇总"], ["乡镇", "人数", "合计"], [], [], [], ["#N/A 是文字"]], errors, numberFormats: { C3: "@" } }] });
    // Text that reads like an error stays text.
    fake.put("汇总", "B5", [["#N/A"]]);
    expect(await host.freezeReports(plan)).toEqual(["汇总（值）"]);
    const copy = fake.sheet("汇总（值）");
    const formulas: Record<string, string> = { A3: "=NA()", B3: "=1/0", C3: '="a"+1', A4: "=SQRT(-1)", B4: "=#REF!", C4: "=#NAME?", A5: "=#NULL!" };
    for (const [address, formula] of Object.entries(formulas)) expect(copy.cell(address).formula, address).toBe(formula);
    expect(copy.cell("B5")).toMatchObject({ value: "#N/A" });
    expect(copy.cell("B5").error).toBeUndefined();
    expect(copy.cell("B5").formula).toBeUndefined();
    expect(copy.cell("A6").value).toBe("#N/A 是文字");
  });

  it("freezes nothing while a report cell shows an error no formula can keep (#SPILL!, #BUSY!), and names the cell", async () => {
    const { fake, host } = setup({ sheets: [{ name: "汇总", rows: [["汇总"], ["乡镇", "人数"], ["城关镇"]], errors: { B3: "#BUSY!" } }] });
    const e = await rejection(host.freezeReports(plan));
    expect(e.message).toContain("汇总!B3 显示 #BUSY!");
    expect(fake.sheetNames()).toEqual(["汇总"]);
  });

  it("says which report is missing", async () => {
    const { host } = setup({ sheets: [{ name: "干部考核" }] });
    const e = await rejection(host.freezeReports(plan));
    expect(e.message).toContain("工作簿中没有报表“汇总”");
  });
});
