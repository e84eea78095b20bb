// The built task pane in Chromium over a fake Excel preloaded with the sample county: check, compute, reports, freeze; then what the workbook received.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldsFor } from "../../src/kinds/registry";
import { defaultScheme } from "../../src/kinds/registry";
import { sampleCounty } from "../../src/kinds/sample-county";
import { columnLetter } from "../../src/workbook/sheet";
import { bundleFakeOffice } from "../excel/bundle";
import type { FakeWorkbookInit } from "../excel/fake-office";
import { launch, serve } from "./browser";
import { screenshotDir } from "./shots";

const shots = screenshotDir();

/** The sample county's messy member sheet as county offices send it: a line above the title, the header, 6,000 rows, merged branch names. */
function countyWorkbook(): { init: FakeWorkbookInit; rows: number; duplicateId: string } {
  const county = sampleCounty({ mess: true });
  const f = county.files.member;
  const headers = fieldsFor(defaultScheme("member")).map((x) => x.header);
  const top = [...(f.preamble ?? []).map((l) => [l]), [`${county.year}年度党员星级评定表`], headers];
  const first = top.length; // 0-based index of the first data row
  const rows = [...top, ...f.rows.map((r) => r.slice(0, headers.length))];
  const merges = (f.merges ?? []).map((m) => `${columnLetter(m.left + 1)}${m.top + first + 1}:${columnLetter(m.right + 1)}${m.bottom + first + 1}`);
  // The ID the mess typed twice, as the county records it.
  const duplicateId = String(county.mess.find((m) => m.kind === "member" && m.what === "duplicateId")!.value);
  return { init: { sheets: [{ name: "党员星级", rows: rows as FakeWorkbookInit["sheets"][0]["rows"], merges }] }, rows: f.rows.length, duplicateId };
}

describe("the task pane over a county workbook in Excel (fake Excel in place of office.js)", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  const errors: string[] = [];
  const { init, rows, duplicateId } = countyWorkbook();

  beforeAll(async () => {
    server = await serve("dist");
    browser = await launch();
    const fake = `window.__KAOHE_FAKE_WORKBOOK__ = ${JSON.stringify(init)};\n${await bundleFakeOffice()}`;
    page = await browser.newPage({ viewport: { width: 360, height: 760 }, locale: "zh-CN" });
    page.on("pageerror", (e) => errors.push(e.message));
    // office.js is answered by the fake; nothing else may leave the test server.
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "appsforoffice.microsoft.com") return route.fulfill({ contentType: "text/javascript", body: fake });
      if (url.origin === new URL(server.url).origin) return route.continue();
      errors.push(`request to ${url.href}`);
      return route.abort();
    });
    await page.goto(server.url + "taskpane.html");
    await page.getByRole("tab", { name: "检查" }).waitFor({ timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shoot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  };
  const fakeExcel = <T>(fn: string) => page.evaluate(`(${fn})(window.__kaoheFakeExcel)`) as Promise<T>;

  it("checks the county, lists the duplicate ID with its cell, and selects it when clicked", async () => {
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("button", { name: "检查工作簿" }).click();
    await page.getByText(/发现 \d+ 个问题/).waitFor({ timeout: 60_000 });
    // The messy county's one problem in this table: an ID given twice (RULES: every problem with its place).
    const problem = page.getByRole("button", { name: new RegExp(duplicateId) });
    expect(await problem.count()).toBe(1);
    const text = (await problem.textContent()) ?? "";
    const row = Number(/第(\d+)行 D列/.exec(text)?.[1]);
    const values = await fakeExcel<unknown[][]>("x => x.sheet('党员星级').values()");
    expect(values[row - 1][3]).toBe(duplicateId);
    await shoot("county-check");
    await problem.click();
    await expect.poll(() => fakeExcel<string | undefined>("x => x.selection()")).toMatch(new RegExp(`D${row}$`));
  });

  it("computes the rest, writes result columns and reports, and says what it wrote", async () => {
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("checkbox", { name: "跳过有问题的行继续计算" }).check();
    await page.getByRole("tab", { name: "计算" }).click();
    await page.getByRole("button", { name: "计算并写入工作簿" }).click();
    await page.getByText("计算完成，已写入工作簿。").waitFor({ timeout: 120_000 });
    await shoot("county-compute");
    const sheets = await fakeExcel<string[]>("x => x.sheetNames()");
    expect(sheets).toEqual(expect.arrayContaining(["党员星级", "汇总", "配额核查", "审计", "考核方案"]));
    // The header row is row 3 (a line above the title); results start in the first free column.
    const header = await fakeExcel<unknown[]>("x => x.sheet('党员星级').values()[2]");
    const finalCol = header.indexOf("最终星数");
    expect(finalCol).toBeGreaterThan(header.indexOf("调整原因"));
    const values = await fakeExcel<unknown[][]>("x => x.sheet('党员星级').values()");
    const finals = values.slice(3).map((r) => r[finalCol]);
    // every member but the skipped duplicate has final stars, whole numbers within their caps
    expect(finals.filter((v) => typeof v === "number")).toHaveLength(rows - 1);
    expect(finals.every((v) => v === "" || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10))).toBe(true);
    const audit = await fakeExcel<unknown[][]>("x => x.sheet('审计').values()");
    expect(audit.flat().some((v) => typeof v === "string" && v.includes(duplicateId))).toBe(true);
    const summary = await fakeExcel<unknown[][]>("x => x.sheet('汇总').values()");
    expect(summary.flat()).toContain("合计");
    expect(await fakeExcel<number>("x => x.sheet('汇总').charts().length")).toBeGreaterThan(0);
    // a few thousand rows per sync: 6,000 members never take more than a few dozen syncs
    expect(await fakeExcel<number>("x => x.syncs")).toBeLessThan(40);
    expect(await fakeExcel<number>("x => Math.max(...x.requests.map(r => r.bytes))")).toBeLessThan(5 * 2 ** 20);
  });

  it("lists the report sheets and freezes them as values for offices without the add-in", async () => {
    await page.getByRole("tab", { name: "报表" }).click();
    await page.getByText("汇总").first().waitFor();
    await shoot("county-reports");
    await page.getByRole("tab", { name: "冻结" }).click();
    await page.getByRole("button", { name: "生成无公式副本" }).click();
    await expect.poll(() => fakeExcel<string[]>("x => x.sheetNames()"), { timeout: 30_000 }).toEqual(expect.arrayContaining(["汇总（值）"]));
    await shoot("county-freeze");
    expect(errors).toEqual([]);
  });
});
