import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook, ValueType } from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { drawPlan, SIGNATURE_LINE, workbookFromData, writeXlsxAtomic } from "../../src/cli/draw";
import { textWidth } from "../../src/workbook/plan";
import { CliError, ExitCode } from "../../src/cli/errors";
import { formats, reportSheetNames, type Plan, type ReportSheet } from "../../src/workbook/plan";
import { listDir, readWorkbook, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

function userWorkbook(): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet("干部考核");
  ws.addRow(["乡镇", "姓名", "得分"]);
  ws.addRow(["城关镇", "张三", 90]);
  ws.addRow(["城关镇", "李四", 80]);
  ws.getCell("C2").numFmt = "0.0";
  ws.getCell("A5").value = { formula: "SUM(C2:C3)", result: 170 };
  wb.addWorksheet("我的备注").getCell("A1").value = "用户自己的表";
  return wb;
}

const report = (over: Partial<ReportSheet> = {}): ReportSheet => ({
  name: reportSheetNames.ranking,
  title: "2025年度考核排名",
  subtitle: "方案 2025　2025-12-31",
  columns: [{ header: "姓名" }, { header: "得分", format: "score" }, { header: "占比", format: "percent", width: 9 }],
  rows: [
    ["=张三", 90.5, 0.5],
    ["+李四", 80, 0.25],
    ["合计", 170.5, 0.75],
  ],
  strongRows: [2],
  warnRows: [1],
  notes: ["- 按综合得分排名", "注：并列按编号"],
  signatures: true,
  landscape: true,
  charts: [{ kind: "column", title: "得分", firstRow: 0, lastRow: 1, categoryCol: 0, seriesCols: [1] }],
  ...over,
});

const plan = (reports: ReportSheet[] = [report()]): Plan => ({
  results: [
    {
      sheet: "干部考核",
      headerRow: 1,
      columns: [
        { header: "排名", format: "integer", col: 4 },
        { header: "说明", col: 5 },
        { header: "公式", col: 6 },
      ],
      rows: [
        { row: 2, cells: [1, "@提醒", { formula: "=C2*2", result: 180 }] },
        { row: 3, cells: [2, "-扣分", { formula: "C3*2", result: null }] },
      ],
    },
  ],
  reports,
  replaceable: Object.values(reportSheetNames), summary: { kind: "cadre", title: "t", rows: 2, zh: [], en: [] },
});

async function roundTrip(wb: Workbook, name: string): Promise<Workbook> {
  const path = join(dir, name);
  await writeXlsxAtomic(wb, path);
  return readWorkbook(path);
}

describe("drawing a plan", () => {
  it("writes result columns into their cells only, keeping the user's values, formats, formulas and sheets", async () => {
    const wb = userWorkbook();
    drawPlan(wb, plan());
    const back = await roundTrip(wb, "results.xlsx");
    const ws = back.getWorksheet("干部考核")!;
    expect(ws.getCell("D1").value).toBe("排名");
    expect(ws.getCell("D1").font?.bold).toBe(true);
    expect(ws.getCell("D2").value).toBe(1);
    expect(ws.getCell("D2").numFmt).toBe(formats.integer);
    expect(ws.getCell("F2").value).toEqual({ formula: "C2*2", result: 180 });
    expect(ws.getCell("F3").formula).toBe("C3*2");
    // the user's cells
    expect(ws.getCell("C2").numFmt).toBe("0.0");
    expect(ws.getCell("A5").value).toEqual({ formula: "SUM(C2:C3)", result: 170 });
    expect(ws.getCell("D4").value).toBeNull();
    expect(back.getWorksheet("我的备注")!.getCell("A1").value).toBe("用户自己的表");
  });

  it("restyles no user cell that shares a style with a cell it writes", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("干部考核");
    const yellow = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFFFFF00" } };
    for (let r = 1; r <= 3; r++)
      for (let c = 1; c <= 6; c++) {
        ws.getCell(r, c).value = r === 1 ? `列${c}` : c;
        ws.getCell(r, c).fill = yellow;
      }
    // Read back, cells of one style share one style object in ExcelJS.
    const loaded = await roundTrip(wb, "shared-style.xlsx");
    drawPlan(loaded, plan([]));
    const back = (await roundTrip(loaded, "shared-style-out.xlsx")).getWorksheet("干部考核")!;
    expect(back.getCell("D2").numFmt).toBe(formats.integer);
    expect(back.getCell("D2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    for (const addr of ["A1", "B2", "C3"]) {
      expect(back.getCell(addr).numFmt).toBeUndefined();
      expect(back.getCell(addr).font?.bold).toBeFalsy();
      expect(back.getCell(addr).fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    }
  });

  it("keeps text that begins with = + - @ as text, formatted as text so re-entering it in Excel keeps it text", async () => {
    const wb = userWorkbook();
    drawPlan(wb, plan());
    const back = await roundTrip(wb, "text.xlsx");
    const cells = [back.getWorksheet("干部考核")!.getCell("E2"), back.getWorksheet("干部考核")!.getCell("E3"), back.getWorksheet("排名")!.getCell("A4"), back.getWorksheet("排名")!.getCell("A5")];
    expect(cells.map((c) => c.value)).toEqual(["@提醒", "-扣分", "=张三", "+李四"]);
    for (const c of cells) {
      expect(c.type).toBe(ValueType.String);
      expect(c.formula).toBeUndefined();
      expect(c.numFmt).toBe("@");
    }
  });

  it("lays out a report: merged bold title, subtitle, styled header, formats, strong and warning rows, notes, signatures", async () => {
    const wb = userWorkbook();
    drawPlan(wb, plan());
    const ws = (await roundTrip(wb, "report.xlsx")).getWorksheet("排名")!;
    expect(ws.getCell("A1").value).toBe("2025年度考核排名");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(16);
    expect(ws.model.merges).toEqual(expect.arrayContaining(["A1:C1", "A2:C2"]));
    expect(ws.getCell("A2").value).toBe("方案 2025　2025-12-31");
    expect([1, 2, 3].map((c) => ws.getCell(3, c).value)).toEqual(["姓名", "得分", "占比"]);
    expect(ws.getCell("B3").font?.bold).toBe(true);
    expect(ws.getCell("B3").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(ws.getCell("B3").border?.bottom?.style).toBe("thin");
    expect(ws.getCell("B4").value).toBe(90.5);
    expect(ws.getCell("B4").numFmt).toBe(formats.score);
    expect(ws.getCell("C4").numFmt).toBe(formats.percent);
    expect(ws.getCell("A6").font?.bold).toBe(true); // strong row 2
    expect(ws.getCell("A5").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } }); // warn row 1
    expect(ws.getCell("A8").value).toBe("- 按综合得分排名");
    expect(ws.getCell("A8").type).toBe(ValueType.String);
    expect(ws.getCell("A9").value).toBe("注：并列按编号");
    expect(ws.getCell("A11").value).toBe(SIGNATURE_LINE);
  });

  it("sets widths, A4 landscape fitted to the page width, the header as print titles, and freezes it", async () => {
    const wb = userWorkbook();
    drawPlan(wb, plan());
    const ws = (await roundTrip(wb, "print.xlsx")).getWorksheet("排名")!;
    expect(ws.getColumn(3).width).toBeCloseTo(9, 1);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(textWidth("姓名"));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3" });
    expect(ws.headerFooter).toMatchObject({ oddHeader: "&C2025年度考核排名", oddFooter: "&C第 &P 页 共 &N 页" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });

  it("prints a table too wide to fit legibly at 82%, split across pages, its name column repeated on each", async () => {
    const wb = userWorkbook();
    // 姓名 and 40 score columns of 9 units: 40 × 68 px alone are 720 mm, fitted it would print at 38%.
    const columns = [{ header: "姓名" }, ...Array.from({ length: 40 }, (_, i) => ({ header: `项${i + 1}`, format: "score" as const, width: 9 }))];
    drawPlan(wb, plan([report({ columns, rows: [["张三", ...Array(40).fill(1)]], strongRows: [], warnRows: [], charts: [] })]));
    const ws = (await roundTrip(wb, "wide.xlsx")).getWorksheet("排名")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", scale: 82, printTitlesRow: "3:3", printTitlesColumn: "A:A" });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
  });

  it("replaces a previous run's report sheet in its place, and refuses to overwrite a sheet the user made", async () => {
    const wb = userWorkbook();
    wb.addWorksheet(reportSheetNames.ranking).getCell("A1").value = "旧的排名";
    wb.addWorksheet("最后");
    drawPlan(wb, plan());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["干部考核", "我的备注", "排名", "最后"]);
    expect(wb.getWorksheet("排名")!.getCell("A1").value).toBe("2025年度考核排名");

    const mine = userWorkbook();
    let caught: unknown;
    try {
      drawPlan(mine, plan([report({ name: "我的备注" })]));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as CliError).exitCode).toBe(ExitCode.notWritten);
    expect((caught as CliError).zh).toContain("不能覆盖");
    // checked before drawing: the results were not written either
    expect(mine.getWorksheet("干部考核")!.getCell("D1").value).toBeNull();
    expect(mine.getWorksheet("我的备注")!.getCell("A1").value).toBe("用户自己的表");
  });

  it("refuses to write a result column through the user's merged cells", () => {
    const wb = userWorkbook();
    wb.getWorksheet("干部考核")!.getCell("E2").value = "备注";
    wb.getWorksheet("干部考核")!.mergeCells("E2:G3");
    let caught: unknown;
    try {
      drawPlan(wb, plan());
    } catch (e) {
      caught = e;
    }
    expect((caught as CliError).exitCode).toBe(ExitCode.notWritten);
    expect((caught as CliError).zh).toContain("E2:G3");
    expect(wb.getWorksheet("干部考核")!.getCell("E2").value).toBe("备注");
    expect(wb.getWorksheet("排名")).toBeUndefined();
  });

  it("builds a plain workbook from sheet data, with text that looks like a formula kept as text", async () => {
    const wb = workbookFromData({ sheets: [{ name: "合并", rows: [["乡镇", "姓名"], ["城关镇", "=1+1"]], merges: [{ top: 1, left: 0, bottom: 1, right: 0 }] }] }, { 合并: 1 });
    const ws = (await roundTrip(wb, "plain.xlsx")).getWorksheet("合并")!;
    expect(ws.getCell("B2").value).toBe("=1+1");
    expect(ws.getCell("B2").type).toBe(ValueType.String);
    expect(ws.getCell("A1").font?.bold).toBe(true);
  });
});

describe("writing the file atomically", () => {
  it("leaves nothing behind when the folder does not exist", async () => {
    const wb = userWorkbook();
    const before = listDir(dir);
    const e = await writeXlsxAtomic(wb, join(dir, "missing", "out.xlsx")).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(ExitCode.notWritten);
    expect((e as CliError).zh).toContain("文件夹不存在");
    expect(listDir(dir)).toEqual(before);
  });

  it("removes its temp file when the final rename fails, and leaves the existing target alone", async () => {
    const sub = join(dir, "rename");
    mkdirSync(sub);
    mkdirSync(join(sub, "out.xlsx")); // a folder by that name: the rename must fail
    writeFileSync(join(sub, "keep.txt"), "x");
    const e = await writeXlsxAtomic(userWorkbook(), join(sub, "out.xlsx")).catch((x: unknown) => x);
    expect((e as CliError).exitCode).toBe(ExitCode.notWritten);
    expect(listDir(sub)).toEqual(["keep.txt", "out.xlsx"]);
  });

  it("reports a folder it cannot write into, and leaves nothing behind", async () => {
    // A path under a regular file cannot be created, even by root: the same refusal as a read-only folder.
    const blocker = join(dir, "not-a-folder");
    writeFileSync(blocker, "x");
    const e = await writeXlsxAtomic(userWorkbook(), join(blocker, "out.xlsx")).catch((x: unknown) => x);
    expect((e as CliError).exitCode).toBe(ExitCode.notWritten);
    expect(listDir(dir).filter((f) => f.includes(".tmp") || f.startsWith("out"))).toEqual([]);
  });

});
