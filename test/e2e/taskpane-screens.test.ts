// Every screen of the task pane in Chromium at a 360 px pane width: the browser preview (the built dist/) and the pane over a scripted host.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpack from "webpack";
import { Workbook } from "exceljs";
import { schemeToJson } from "../../src/core/scheme";
import { schemeFromJson, defaultScheme } from "../../src/kinds/registry";
import { templateEntries } from "../../src/taskpane/model/gallery";
import type { Call } from "../taskpane/fixtures/fake-host";
import { BAD_ROW, SHEET } from "../taskpane/fixtures/fake-host";
import { launch, offline, serve } from "./browser";
import { screenshotDir } from "./shots";

const shots = screenshotDir();
const viewport = { width: 360, height: 720 };

/** A picture of the pane; the whole page, or only what is in view (a dialog covers the view, not the page). */
async function shoot(page: Page, name: string, fullPage = true) {
  // Fluent's buttons and dialogs fade between states: the picture shows where they settle.
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage });
}

/** Nothing in the pane may be wider than the pane: a horizontal scroll bar is a layout bug. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, where).toBeLessThanOrEqual(widths.client);
}

const screens = [
  { tab: "开始", heading: "开始", texts: ["当前为浏览器预览", "下一步"], shot: undefined },
  { tab: "模板", heading: "模板", texts: ["村党组织书记年度考核表", "党组织“五好”评定表"], shot: "templates" },
  { tab: "方案", heading: "方案", texts: ["工作簿中还没有考核方案", "使用默认方案", "导入 JSON"], shot: "scheme-empty" },
  { tab: "检查", heading: "检查", texts: ["检查工作簿", "跳过有问题的行继续计算"], shot: "check" },
  { tab: "计算", heading: "计算", texts: ["计算并写入工作簿"], shot: "compute" },
  { tab: "报表", heading: "报表", texts: ["还没有计算结果"], shot: "reports" },
  { tab: "冻结", heading: "冻结", texts: ["生成无公式副本", "WPS"], shot: "freeze" },
];

describe("the task pane's screens in a browser preview, outside Office", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  let errors: string[];
  let refused: string[];

  beforeAll(async () => {
    server = await serve("dist");
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open() {
    page = await browser.newPage({ viewport, locale: "en-US", acceptDownloads: true });
    errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    refused = await offline(page, server.url);
    await page.goto(server.url + "taskpane.html");
    await page.getByRole("heading", { name: "考核", level: 1 }).waitFor({ timeout: 30_000 });
  }

  it("opens each step with the keyboard alone, in Chinese, and fits a 360 px pane", async () => {
    await open();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
    for (const [i, screen] of screens.entries()) {
      if (i > 0) {
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("Enter");
      }
      const tab = page.getByRole("tab", { name: screen.tab });
      expect(await tab.getAttribute("aria-selected"), screen.tab).toBe("true");
      expect(await tab.evaluate((el) => el === document.activeElement), screen.tab).toBe(true);
      await page.getByRole("heading", { name: screen.heading, level: 2 }).waitFor();
      for (const text of screen.texts) expect(await page.getByText(text).count(), `${screen.tab}: ${text}`).toBeGreaterThan(0);
      await expectNoSidewaysScroll(page, screen.tab);
      // The start screen's picture belongs to taskpane-start.test.ts.
      if (screen.shot) await shoot(page, screen.shot);
    }
    expect(await page.getByRole("tab").count()).toBe(7);
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("lists every template and asks before inserting, then says the preview cannot insert", async () => {
    await open();
    await page.getByRole("tab", { name: "模板" }).click();
    for (const e of templateEntries()) expect(await page.getByRole("heading", { name: e.title }).count(), e.title).toBe(1);
    const insert = page.getByRole("button", { name: "插入模板：村党组织书记年度考核表" });
    await insert.click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.getByText("Excel 无法撤销插入工作表").count()).toBe(1);
    await shoot(page, "templates-confirm", false);
    // Focus starts on Cancel: an Enter out of habit inserts nothing.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("取消");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await insert.focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.getByText("浏览器预览中无法操作工作簿").count()).toBe(0);
    await insert.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("取消");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("插入");
    await page.keyboard.press("Enter");
    await page.getByText("浏览器预览中无法操作工作簿").waitFor();
    expect(errors).toEqual([]);
  });

  it("edits a scheme: defaults with their sources, a preset, a mistake marked at its field, JSON export and import", async () => {
    await open();
    await page.getByRole("tab", { name: "方案" }).click();
    await page.getByRole("button", { name: "使用默认方案" }).click();
    await page.getByText("考核指标及分值").waitFor();
    expect(await page.getByText("默认：20 项，合计 100 分").count()).toBe(1);
    expect(await page.getByText("来源：村书记年度工作20项").count()).toBe(1);
    expect(await page.getByRole("textbox", { name: "分值（第 20 行）" }).inputValue()).toBe("5");

    await page.getByRole("combobox", { name: "常用方案" }).selectOption({ label: "等次分数线 90/75/60" });
    await page.getByRole("button", { name: "套用" }).click();
    await page.getByText("已套用“等次分数线 90/75/60”").waitFor();
    await page.getByRole("button", { name: "等次" }).click();
    const cutoffs = page.getByRole("textbox", { name: "等次分数线（从高到低）" });
    expect(await cutoffs.inputValue()).toBe("90, 75, 60");

    await cutoffs.fill("90, 7五, 60");
    await page.getByText("方案有 1 个问题").waitFor();
    expect(await page.getByText("等次 分数线 2：应为数字").count()).toBe(1);
    expect(await page.getByRole("button", { name: "保存到工作簿" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "导出 JSON" }).isDisabled()).toBe(true);
    await page.getByText("等次 分数线 2：应为数字").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/scheme-problem.png` });
    await cutoffs.fill("90, 75, 60");
    await page.getByText("方案有 1 个问题").waitFor({ state: "hidden" });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 JSON" }).click()]);
    expect(download.suggestedFilename()).toMatch(/村党组织书记年度考核\.json$/);
    const exported = schemeFromJson(readFileSync(await download.path(), "utf8"));
    expect(exported.problems).toEqual([]);
    expect(exported.scheme?.grade.cutoffs).toEqual([90, 75, 60]);

    const file = page.locator('input[type="file"]');
    await file.setInputFiles({ name: "坏的方案.json", mimeType: "application/json", buffer: Buffer.from("{ 不是 JSON") });
    await page.getByText("“坏的方案.json”不是有效的考核方案").waitFor();
    const member = { ...defaultScheme("member", 2025), title: "2025年度城关镇党员星级评定" };
    await file.setInputFiles({ name: "党员.json", mimeType: "application/json", buffer: Buffer.from(schemeToJson(member)) });
    await page.getByText("已导入“党员.json”").waitFor();
    expect(await page.getByText("2025年度城关镇党员星级评定").count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "星级" }).count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, "scheme");
    await expectNoSidewaysScroll(page, "scheme");

    await page.getByRole("button", { name: "保存到工作簿" }).click();
    await page.getByText("浏览器预览中无法操作工作簿").waitFor();
    expect(errors).toEqual([]);
  });

  it("fits the narrowest pane, 320 px, with every setting of the scheme open", async () => {
    await open();
    await page.setViewportSize({ width: 320, height: 720 });
    for (const screen of screens) {
      await page.getByRole("tab", { name: screen.tab }).click();
      await expectNoSidewaysScroll(page, `320 px ${screen.tab}`);
    }
    await page.getByRole("tab", { name: "方案" }).click();
    await page.getByRole("combobox", { name: "考核类型" }).selectOption({ label: "组织生活台账" });
    await page.getByRole("button", { name: "使用默认方案" }).click();
    await page.getByRole("switch", { name: "显示全部设置" }).check();
    const headers = page.locator("h3 > button[aria-expanded='false']");
    while ((await headers.count()) > 0) await headers.first().click();
    expect(await page.getByText("应开展的组织生活").count()).toBe(1);
    await expectNoSidewaysScroll(page, "320 px scheme, every setting");
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, "scheme-all-320");
    expect(errors).toEqual([]);
  });

  it("says on Check and Compute that the preview cannot read a workbook; Freeze waits for a computation", async () => {
    await open();
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("button", { name: "检查工作簿" }).click();
    await page.getByText("浏览器预览中无法操作工作簿").waitFor();
    await page.getByRole("tab", { name: "计算" }).click();
    await page.getByRole("button", { name: "计算并写入工作簿" }).click();
    await page.getByText("浏览器预览中无法操作工作簿").waitFor();
    await page.getByRole("tab", { name: "冻结" }).click();
    expect(await page.getByRole("button", { name: "生成无公式副本" }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });
});

/** Builds the pane over the scripted host (test/taskpane/fixtures) into test/e2e/.tmp, with the project's own loader. */
async function buildFakePane(): Promise<string> {
  const out = resolve("test/e2e/.tmp/fake-pane");
  const compiler = webpack({
    mode: "development",
    devtool: false,
    entry: resolve("test/taskpane/fixtures/fake-pane.tsx"),
    output: { path: out, filename: "pane.js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
  });
  await new Promise<void>((ok, fail) =>
    compiler.run((err, stats) => {
      compiler.close(() => {});
      if (err) fail(err);
      else if (stats?.hasErrors()) fail(new Error(stats.toString("errors-only")));
      else ok();
    }),
  );
  mkdirSync(join(out, "assets"), { recursive: true });
  copyFileSync("assets/icon-64.png", join(out, "assets/icon-64.png"));
  writeFileSync(join(out, "taskpane.html"), '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>考核</title></head><body style="margin:0"><div id="root"></div><script src="pane.js"></script></body></html>');
  return out;
}

describe("the task pane over a scripted host, as inside Excel", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve(await buildFakePane());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(scenario: string) {
    const page = await browser.newPage({ viewport, locale: "en-US" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const refused = await offline(page, server.url);
    await page.goto(`${server.url}taskpane.html?scenario=${scenario}`);
    await page.getByRole("heading", { name: "考核", level: 1 }).waitFor({ timeout: 30_000 });
    const calls = () => page.evaluate(() => (window as unknown as { kaoheCalls: Call[] }).kaoheCalls);
    return { page, errors, refused, calls };
  }

  it("checks, maps a missing column, leads from a problem to its cell, computes after asking, then lists and freezes the reports", async () => {
    const { page, errors, refused, calls } = await open("normal");
    await page.getByText("已保存考核方案：2025年度村党组织书记年度考核").waitFor();
    expect(await page.getByText("已连接到 Excel").count()).toBe(1);
    await page.getByRole("button", { name: "识别考核表" }).click();
    await page.getByText(`考核表在工作表“${SHEET}”`).waitFor();
    expect(await page.getByText("缺少列：村").count()).toBe(1);
    await shoot(page, "excel-start");

    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("button", { name: "检查工作簿" }).click();
    await page.getByRole("heading", { name: "指定列的对应关系" }).waitFor();
    expect(await page.getByText("找不到“村党组织书记年度考核”表的列：村").count()).toBe(1);
    const village = page.getByRole("combobox", { name: "村", exact: true });
    await village.selectOption({ label: "所在村（B列）" });
    await shoot(page, "excel-check-mapping");
    await page.getByRole("button", { name: "保存对应关系并重新检查" }).click();
    await page.getByText("发现 1 个问题").waitFor();
    expect((await calls()).filter((c) => c.op === "saveScheme").map((c) => c.args[0])).toEqual([{ village: "所在村" }]);

    // The mapping is part of the scheme now, and can be changed there.
    await page.getByRole("tab", { name: "方案" }).click();
    await page.getByRole("button", { name: "列对应" }).click();
    expect(await page.getByRole("textbox", { name: "村", exact: true }).inputValue()).toBe("所在村");
    await page.getByRole("tab", { name: "检查" }).click();

    const problem = page.getByRole("listitem").getByRole("button", { name: new RegExp(`第${BAD_ROW}行`) });
    expect(await problem.textContent()).toContain("9 超过满分 5");
    await problem.focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await calls()).filter((c) => c.op === "selectCell").map((c) => c.args)).toEqual([[SHEET, BAD_ROW, 4]]);
    await shoot(page, "excel-check-problems");

    await page.getByRole("checkbox", { name: "跳过有问题的行继续计算" }).check();
    await page.getByText("数据检查通过：7 行可以计算").waitFor();

    await page.getByRole("tab", { name: "计算" }).click();
    expect(await page.getByRole("checkbox", { name: "跳过有问题的行继续计算" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "计算并写入工作簿" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByText("以下 1 处已有的内容会被覆盖").waitFor();
    expect(await dialog.getByText(`${SHEET}!AH2`).count()).toBe(1);
    expect((await calls()).some((c) => c.op === "drawPlan")).toBe(false);
    await shoot(page, "excel-compute-confirm", false);
    await dialog.getByRole("button", { name: "覆盖并写入" }).click();
    await page.getByText("计算完成，已写入工作簿").waitFor();
    expect(await page.getByText(`2025年度村党组织书记年度考核（工作表“${SHEET}”，7 行）`).count()).toBe(1);
    expect(await page.getByText("结果列已写入 7 行").count()).toBe(1);
    await shoot(page, "excel-compute-done");

    await page.getByRole("button", { name: "查看报表" }).click();
    await page.getByRole("heading", { name: "报表", level: 2 }).waitFor();
    expect(await page.getByText("已写入").count()).toBeGreaterThanOrEqual(5);
    await page.getByRole("button", { name: "转到工作表“汇总”" }).click();
    await expect.poll(async () => (await calls()).filter((c) => c.op === "selectCell").at(-1)?.args).toEqual(["汇总", 1, 1]);
    await shoot(page, "excel-reports");

    await page.getByRole("tab", { name: "冻结" }).click();
    await page.getByRole("button", { name: "生成无公式副本" }).click();
    await page.getByText("张无公式副本").waitFor();
    expect(await page.getByText("汇总（值）").count()).toBe(1);
    await shoot(page, "excel-freeze");
    await expectNoSidewaysScroll(page, "freeze");

    expect((await calls()).map((c) => c.op).filter((op) => op !== "selectCell" && op !== "readWorkbook")).toEqual(["overview", "loadScheme", "saveScheme", "conflicts", "drawPlan", "freezeReports"]);
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("says what a failed write wrote and what it did not, and offers no frozen copies of a half-written run", async () => {
    const { page, errors } = await open("drawFails");
    await page.getByRole("tab", { name: "计算" }).click();
    // Said before 计算: a host without one undo step for a run (ExcelApi 1.20) cannot take a run back.
    expect(await page.getByText("Excel 的“撤销”无法还原一次计算").count()).toBe(1);
    await page.getByRole("checkbox", { name: "跳过有问题的行继续计算" }).check();
    await page.getByRole("button", { name: "计算并写入工作簿" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "覆盖并写入" }).click();
    await page.getByText("写入工作表“汇总”时出错：工作表受保护").waitFor();
    expect(await page.getByText(`已写入：${SHEET}`).count()).toBe(1);
    expect(await page.getByText("未写入：汇总、配额核查、排名、公示、审计、考核方案").count()).toBe(1);
    await shoot(page, "excel-compute-failed");
    await page.getByRole("tab", { name: "报表" }).click();
    expect(await page.getByText("未写入", { exact: true }).count()).toBe(6);
    await page.getByRole("tab", { name: "冻结" }).click();
    expect(await page.getByRole("button", { name: "生成无公式副本" }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("cancels a slow write with its Cancel button and says what was written", async () => {
    const { page, errors } = await open("slowDraw");
    await page.getByRole("tab", { name: "计算" }).click();
    await page.getByRole("checkbox", { name: "跳过有问题的行继续计算" }).check();
    await page.getByRole("button", { name: "计算并写入工作簿" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "覆盖并写入" }).click();
    await page.getByRole("progressbar").waitFor();
    await page.getByText(`写入“${SHEET}”`).waitFor();
    await shoot(page, "excel-compute-progress");
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByText("已取消").waitFor();
    expect(await page.getByText("已写入：无").count()).toBe(1);
    expect(await page.getByRole("progressbar").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("takes 民主测评 from a sheet chosen in another workbook, and refuses a file that is no workbook without losing anything", async () => {
    const { page, errors, refused, calls } = await open("linked");
    await page.getByRole("tab", { name: "计算" }).click();
    await page.getByRole("heading", { name: "取数来源" }).waitFor();
    expect(await page.getByText("“民主测评”取自民主测评/述职评议汇总的结果").count()).toBe(1);
    const input = page.getByLabel("选择作为取数来源的 Excel 工作簿（.xlsx）");
    await input.setInputFiles({ name: "名单.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("姓名,得分\n书记1,90\n") });
    await page.getByText("“名单.xlsx”是文本文件").waitFor();
    expect(await page.getByText("未添加“名单.xlsx”；已选的其他工作簿和本次的计算结果不受影响。").count()).toBe(1);
    // Two appraisals in one file, last year's first: the one chosen is read.
    const wb = new Workbook();
    for (const [name, score] of [["2024民主测评", 70], ["民主测评", 90]] as const) {
      const ws = wb.addWorksheet(name);
      ws.addRow(["单位", "姓名", "编号", "自评", "互评", "群众评议", "支部评定"]);
      ws.addRow(["城关镇", "书记1", "", score, score, score, score]);
    }
    await input.setInputFiles({ name: "测评.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await page.getByText("已添加“测评.xlsx”，可读取其中的：2024民主测评、民主测评。").waitFor();
    const sheet = page.getByRole("combobox", { name: "读取哪张民主测评/述职评议汇总表" });
    expect(await sheet.locator("option").allTextContents()).toEqual(["“测评.xlsx”的“2024民主测评”表", "“测评.xlsx”的“民主测评”表"]);
    await sheet.selectOption({ label: "“测评.xlsx”的“民主测评”表" });
    expect(await page.getByRole("button", { name: "移除“测评.xlsx”" }).count()).toBe(1);
    await shoot(page, "excel-compute-sources");
    await expectNoSidewaysScroll(page, "linked sources");

    await page.getByRole("checkbox", { name: "跳过有问题的行继续计算" }).check();
    await page.getByRole("button", { name: "计算并写入工作簿" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "覆盖并写入" }).click();
    await page.getByText("计算完成，已写入工作簿").waitFor();
    // The summary says where 民主测评 came from: the chosen sheet of the chosen file.
    expect(await page.getByText(/“民主测评”取自“测评\.xlsx”的“民主测评”表的综合得分：1 人/).count()).toBe(1);
    expect((await calls()).filter((c) => c.op === "readLinked").map((c) => c.args[0])).toEqual(["名单.xlsx", "测评.xlsx"]);
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("speaks English when Office's language is not Chinese", async () => {
    const page = await browser.newPage({ viewport });
    await offline(page, server.url);
    await page.goto(`${server.url}taskpane.html?scenario=normal&lang=en`);
    await page.getByRole("heading", { name: "Kaohe", level: 1 }).waitFor({ timeout: 30_000 });
    for (const tab of ["Start", "Templates", "Scheme", "Check", "Compute", "Reports", "Freeze"]) {
      await page.getByRole("tab", { name: tab }).click();
      await page.getByRole("heading", { name: tab, level: 2 }).waitFor();
    }
    await expectNoSidewaysScroll(page, "English tabs");
    await page.getByRole("tab", { name: "Start" }).click();
    await shoot(page, "excel-start-en");
  });
});
