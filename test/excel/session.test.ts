import { describe, expect, it } from "vitest";
import { HostError } from "../../src/excel/ops";
import { excelRunOptions, missingFeatures } from "../../src/excel/session";
import { rejection, setup } from "./helpers";

const header = ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"];

describe("the pane while the user is typing in a cell", () => {
  it("on ExcelApi 1.11 and later, waits for the user to leave the cell, then reads", async () => {
    const { fake, host } = setup({ sheets: [{ name: "干部考核", rows: [header] }] });
    fake.editCell(true);
    const reading = host.readWorkbook();
    await new Promise((ok) => setTimeout(ok, 10));
    expect(fake.waitingForCellEdit).toBe(1);
    fake.editCell(false);
    const wb = await reading;
    expect(wb.sheets[0].rows[0]).toEqual(header);
    expect(fake.runOptions).toEqual([{ delayForCellEdit: true }]);
  });

  it("on ExcelApi 1.10, says in words what to do, never the bare code", async () => {
    const { fake, host } = setup({ sheets: [{ name: "干部考核", rows: [header] }], apiMinor: 10 });
    fake.editCell(true);
    const e = await rejection(host.readWorkbook());
    expect(e).toBeInstanceOf(HostError);
    expect(e.message).toMatch(/^处理工作簿时，Excel 正处于单元格编辑状态，拒绝了操作：请按 Enter 或 Esc 结束单元格编辑，然后再试一次。/);
    // Which Excel would have waited instead.
    expect(e.message).toContain("此版本的 Excel 不支持“等单元格编辑结束后再操作”（需要 ExcelApi 1.11）");
    expect(e.message).toContain("Microsoft 365 Windows 版 2002 及以上");
    expect(e.message).not.toContain("InvalidOperationInCellEditMode");
    expect(fake.runOptions).toEqual([undefined]);
  });

  it("in English", async () => {
    const { fake, host } = setup({ sheets: [{ name: "干部考核", rows: [header] }], apiMinor: 10 }, { locale: "en-US" });
    fake.editCell(true);
    const e = await rejection(host.selectCell("干部考核", 2, 2));
    expect(e.message).toMatch(/^Excel refused to work on sheet "干部考核" because a cell is being edited: press Enter or Esc to finish editing the cell, then try again\. This version of Excel cannot wait until a cell has been edited before working \(ExcelApi 1\.11 is needed\): Excel on the web and an up-to-date Microsoft 365 have it\. The add-in runs on Microsoft 365 for Windows from Version 2002, Excel 2021 LTSC from Version 2108, Excel for Mac from 16\.35, and Excel on the web;/);
  });
});

describe("Excel.run's options follow the host's API sets", () => {
  it.each<[number, boolean, Excel.RunOptions | undefined]>([
    [10, true, undefined],
    [11, false, { delayForCellEdit: true }],
    [19, true, { delayForCellEdit: true }],
    [20, true, { delayForCellEdit: true, mergeUndoGroup: true }],
    [20, false, { delayForCellEdit: true }],
  ])("ExcelApi 1.%i, one undo step asked: %s", (apiMinor, oneUndoStep, expected) => {
    setup({ sheets: [], apiMinor });
    expect(excelRunOptions(oneUndoStep)).toEqual(expected);
  });
});

describe("what this Excel lacks, for the start screen", () => {
  it("nothing on ExcelApi 1.20", () => {
    setup({ sheets: [], apiMinor: 20 });
    expect(missingFeatures("zh-CN")).toBeUndefined();
  });

  it("each feature above the host's set, with its set, where it is found, and which Excel runs the add-in", () => {
    setup({ sheets: [], apiMinor: 12 });
    expect(missingFeatures("zh-CN")).toBe(
      "此版本的 Excel 缺少以下功能，其余功能照常可用：读取合并单元格（否则合并的乡镇、支部名称按首行向下填充）（ExcelApi 1.13）；一步撤销一次计算写入的结果列（ExcelApi 1.20）。Excel 网页版和更新到最新的 Microsoft 365 都有此功能。本加载项支持的版本：Microsoft 365 Windows 版 2002 及以上、Excel 2021 LTSC 2108 及以上、Mac 版 16.35 及以上、Excel 网页版；Excel 2016 和 2019 无法运行本加载项，请改用命令行 kaohe，或使用已冻结为数值的报表副本",
    );
    setup({ sheets: [], apiMinor: 10 });
    const en = missingFeatures("en-US")!;
    expect(en).toMatch(/^This version of Excel lacks these features; everything else works: wait until a cell has been edited before working \(ExcelApi 1\.11\); tell exactly which cells/);
    expect(en).toContain("(ExcelApi 1.12)");
    expect(en).toContain("Excel 2016 and 2019 cannot run it: use the command line (kaohe) or the report copies frozen as values");
  });
});

describe("a member this Excel does not have", () => {
  it("is said in words with the versions that run the add-in, never as ApiNotFound alone", async () => {
    const { host } = setup({ sheets: [{ name: "干部考核", rows: [header] }], apiMinor: 3 });
    const e = await rejection(host.selectCell("干部考核", 2, 2));
    expect(e.message).toMatch(/^处理工作表“干部考核”时，此版本的 Excel 缺少加载项要用的功能（.*WorksheetCollection\.getItemOrNullObject.*）。本加载项支持的版本：/);
  });
});
