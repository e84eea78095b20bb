// The built start screen in Chromium outside Office: office.js from the local package, Chinese text, the seven steps.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, offline, serve } from "./browser";
import { screenshotDir } from "./shots";

describe("the built task pane in a browser, outside Office", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve("dist");
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads office.js from the local package and shows the Chinese start screen", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 720 }, locale: "en-US" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const refused = await offline(page, server.url);
    await page.goto(server.url + "taskpane.html");
    await page.getByRole("heading", { name: "考核", level: 1 }).waitFor({ timeout: 30_000 });
    expect(await page.getByText("当前为浏览器预览").count()).toBe(1);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
    expect(await page.getByRole("heading", { name: "考核函数" }).count()).toBe(1);
    expect(await page.getByRole("tab").count()).toBe(7);
    for (const step of ["开始", "模板", "方案", "检查", "计算", "报表", "冻结"]) expect(await page.getByRole("tab", { name: step, exact: true }).count(), step).toBe(1);
    await page.screenshot({ path: `${screenshotDir()}/start.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  });
});
