// The built page as a person uses it, in Debian's Chromium: open the sample county's messy member return, see its problems, compute skipping them, download the result and read it back as the command line's tests do; no request leaves the machine.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, serve } from "../e2e/browser";
import { screenshotDir } from "../e2e/shots";
import { bilingual, createWork } from "../../src/web/work";
import { differences, withoutMoment } from "./compare";
import { messyReturn, type CountyFile } from "./county-file";
import { builtCli, webDist } from "./dist";

/** The rows of a sheet as plain values (formula results), as the command line's county test reads them. */
function values(ws: Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value as unknown;
      cells[c - 1] = v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v;
    });
    out[r - 1] = cells;
  });
  return out;
}

describe("kaohe.html in a browser, over the sample county's messy member return", () => {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-web-"));
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let file: CountyFile;
  /** Every request the page (and its worker) made, from the moment it was ready. */
  const afterLoad: string[] = [];
  let ready = false;
  const errors: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    file = await messyReturn(dir);
    server = await serve(webDist());
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    context.on("request", (r) => {
      if (ready) afterLoad.push(r.url());
    });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(server.url + "kaohe.html", { waitUntil: "networkidle" });
    await page.getByText("文件只在本机处理，不会上传").waitFor({ timeout: 30_000 });
    ready = true;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("says on its first screen that files stay on this computer, and asks for a file", async () => {
    expect(await page.getByRole("heading", { name: "考核", level: 1 }).count()).toBe(1);
    for (const step of ["开始", "模板", "方案", "检查", "计算", "报表"]) expect(await page.getByRole("tab", { name: step, exact: true }).count(), step).toBe(1);
    expect(await page.getByRole("button", { name: "选择文件…" }).count()).toBe(1);
    await page.screenshot({ path: `${screenshotDir()}/web-start.png`, fullPage: true });
  });

  it("opens the return and lists every problem of it with its row, and shows the row of one", async () => {
    await page.locator('input[type="file"]').setInputFiles(file.path);
    await page.getByText(`已打开“${file.fileName}”`).waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "检查", exact: true }).click();
    await page.getByRole("button", { name: "检查工作簿" }).click();
    await page.getByText(/发现 \d+ 个问题/).waitFor({ timeout: 60_000 });
    const list = page.getByRole("list", { name: "问题列表" });
    const entries = await list.getByRole("listitem").allTextContents();
    expect(file.problems.length).toBeGreaterThan(0);
    for (const p of file.problems) expect(entries.some((t) => t.includes(`第${p.row}行`)), `row ${p.row}: ${p.zh}`).toBe(true);
    expect(entries).toHaveLength(file.problems.length);
    const first = file.problems[0];
    await list.getByRole("button").filter({ hasText: `第${first.row}行` }).first().click();
    const preview = page.getByRole("region", { name: `工作表“${first.sheet}”第 ${first.row} 行` });
    await preview.waitFor();
    // The marked cell holds the value the mess put there.
    expect(await preview.locator('td[aria-current="true"]').textContent()).toBe(String(first.value ?? ""));
    await page.screenshot({ path: `${screenshotDir()}/web-check.png`, fullPage: true });
  }, 120_000);

  it("computes without the bad rows, and the downloaded result reads as kaohe run's does", async () => {
    await page.getByRole("checkbox", { name: "跳过有问题的行继续计算" }).check();
    await page.getByText(/数据检查通过/).waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "计算", exact: true }).click();
    await page.getByRole("button", { name: "计算并生成结果工作簿" }).click();
    const download = page.getByRole("button", { name: "下载结果工作簿" });
    await download.waitFor({ timeout: 120_000 });
    await page.screenshot({ path: `${screenshotDir()}/web-compute.png`, fullPage: true });
    const [saved] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(saved.suggestedFilename()).toBe(file.fileName.replace(/\.xlsx$/, "-结果.xlsx"));
    const out = join(dir, "downloaded.xlsx");
    await saved.saveAs(out);

    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["审计", "考核方案", "配额核查"]));
    const audit = values(wb.getWorksheet("审计")!);
    const skipped = new Set(file.problems.map((p) => p.row)).size;
    expect(audit.find((row) => row?.[0] === "计算行数")?.[1]).toBe(file.rows - skipped);
    expect(audit.some((row) => row?.[0] === "输入校验和（SHA-256）" && typeof row[1] === "string" && /^[0-9a-f]{64}$/.test(row[1] as string))).toBe(true);
    expect(audit.some((row) => row?.[0] === "考核方案（快照）")).toBe(true);
    // The seed 002 quota: no branch keeps more high-star members than it may.
    const quota = values(wb.getWorksheet("配额核查")!);
    const header = quota.findIndex((row) => row?.includes("允许人数"));
    const allowed = quota[header].indexOf("允许人数");
    const actual = quota[header].indexOf("实际人数");
    const rows = quota.slice(header + 1).filter((row) => row && typeof row[allowed] === "number");
    expect(rows.length).toBeGreaterThan(180);
    for (const row of rows) expect(row[actual] as number).toBeLessThanOrEqual(row[allowed] as number);

    // The same cells as kaohe run's result for the same file (the command line of the same build), but for the moment each was made.
    const cliOut = join(dir, "cli-result.xlsx");
    const ran = spawnSync(process.execPath, [builtCli(), "run", file.path, "--skip-bad-rows", "-o", cliOut], { encoding: "utf8" });
    expect(ran.status, ran.stderr).toBe(0);
    const cli = new Workbook();
    await cli.xlsx.readFile(cliOut);
    expect(differences(cli, wb, withoutMoment)).toEqual([]);
  }, 240_000);

  it("previews a report sheet with its rows, and one with its chart", async () => {
    await page.getByRole("tab", { name: "报表", exact: true }).click();
    await page.getByRole("button", { name: "预览工作表“配额核查”" }).click();
    const preview = page.getByRole("region", { name: "预览：配额核查" });
    await preview.waitFor();
    expect(await preview.getByRole("columnheader", { name: "允许人数" }).count()).toBe(1);
    expect(await preview.getByRole("row").count()).toBeGreaterThan(5);
    // The summary carries the star distribution's chart: drawn in the preview as bars.
    await page.getByRole("button", { name: "预览工作表“汇总”" }).click();
    const summary = page.getByRole("region", { name: "预览：汇总" });
    await summary.waitFor();
    expect(await summary.getByRole("img").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${screenshotDir()}/web-reports.png`, fullPage: true });
  }, 60_000);

  it("stops a computation on Cancel and computes again after", async () => {
    await page.getByRole("tab", { name: "计算", exact: true }).click();
    await page.getByRole("button", { name: "计算并生成结果工作簿" }).click();
    await page.getByRole("button", { name: "取消" }).click({ timeout: 10_000 });
    await page.getByText("已取消。").waitFor({ timeout: 30_000 });
    expect(await page.getByText("计算完成").count()).toBe(0);
    // A fresh worker reads the file again and computes.
    await page.getByRole("button", { name: "计算并生成结果工作簿" }).click();
    await page.getByText("计算完成").waitFor({ timeout: 120_000 });
    expect(await page.getByRole("button", { name: "下载结果工作簿" }).count()).toBe(1);
  }, 240_000);

  it("downloads a blank template", async () => {
    await page.getByRole("tab", { name: "模板", exact: true }).click();
    await page.getByRole("button", { name: /^下载模板：/ }).first().click();
    const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("alertdialog").getByRole("button", { name: "下载", exact: true }).click()]);
    expect(saved.suggestedFilename()).toMatch(/\.xlsx$/);
    const out = join(dir, "template.xlsx");
    await saved.saveAs(out);
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain("填表说明");
    await page.screenshot({ path: `${screenshotDir()}/web-templates.png`, fullPage: true });
  }, 60_000);

  it("says of a file that is not a workbook what kaohe check says", async () => {
    const name = "不是工作簿.xlsx";
    const path = join(dir, name);
    writeFileSync(path, "姓名,得分\n张三,90\n");
    const expected = await createWork()
      .handle({ type: "open", file: new Blob(["姓名,得分\n张三,90\n"]), name }, () => {})
      .then(
        () => "",
        (e: unknown) => bilingual(e).zh,
      );
    expect(expected).toContain(name);
    await page.getByRole("tab", { name: "开始", exact: true }).click();
    await page.locator('input[type="file"]').setInputFiles(path);
    await page.getByText(expected).waitFor({ timeout: 30_000 });
  }, 60_000);

  it("made no request after it loaded but to the files it holds itself, broke no rule of its policy and raised no error", () => {
    // Only the page's own Blobs (its worker, its downloads): nothing over the network, not even to the server it came from.
    expect(afterLoad.filter((u) => !u.startsWith("blob:"))).toEqual([]);
    expect(afterLoad.length).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("kaohe.html in other browsers", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve(webDist());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("says plainly, in both languages, what a browser without Web Workers lacks", async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      delete (window as { Worker?: unknown }).Worker;
    });
    await page.goto(server.url + "kaohe.html");
    await page.getByText("此浏览器缺少本页需要的功能（Web Worker），无法使用").waitFor({ timeout: 30_000 });
    expect(await page.getByText("This browser lacks what the page needs (Web Worker)").count()).toBe(1);
    expect(await page.getByRole("tab").count()).toBe(0);
  });

  it("speaks English when asked (?lang=en)", async () => {
    const page = await browser.newPage();
    await page.goto(server.url + "kaohe.html?lang=en");
    await page.getByText("Your files stay on this computer and are never uploaded").waitFor({ timeout: 30_000 });
    expect(await page.getByRole("tab", { name: "Templates" }).count()).toBe(1);
  });
});

describe("kaohe.html opened from a local folder (file://)", () => {
  it("starts its worker and reads a workbook without a server", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-web-file-"));
    const browser = await launch();
    try {
      const file = await messyReturn(dir);
      const page = await browser.newPage();
      const outside: string[] = [];
      page.on("request", (r) => {
        if (!/^(file|blob|data):/.test(r.url())) outside.push(r.url());
      });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto("file://" + resolve(webDist(), "kaohe.html"));
      await page.getByText("文件只在本机处理，不会上传").waitFor({ timeout: 30_000 });
      await page.locator('input[type="file"]').setInputFiles(file.path);
      await page.getByText(`已打开“${file.fileName}”`).waitFor({ timeout: 60_000 });
      await page.getByRole("tab", { name: "检查", exact: true }).click();
      await page.getByRole("button", { name: "检查工作簿" }).click();
      await page.getByText(/发现 \d+ 个问题/).waitFor({ timeout: 60_000 });
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
