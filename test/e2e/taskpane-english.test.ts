// The built task pane in English Office: its English words come as a chunk of their own, fetched from beside the page, and the Chinese pane never fetches them.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleFakeOffice } from "../excel/bundle";
import type { FakeWorkbookInit } from "../excel/fake-office";
import { launch, serve } from "./browser";

describe("the task pane's language", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve("dist");
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens dist/taskpane.html over a fake Excel speaking `language`; the scripts it fetched, and its errors. */
  async function open(language: string, tab: string) {
    const init: FakeWorkbookInit = { sheets: [{ name: "Sheet1" }], displayLanguage: language };
    const fake = `window.__KAOHE_FAKE_WORKBOOK__ = ${JSON.stringify(init)};\n${await bundleFakeOffice()}`;
    const page = await browser.newPage({ viewport: { width: 360, height: 760 } });
    const fetched: string[] = [];
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "appsforoffice.microsoft.com") return route.fulfill({ contentType: "text/javascript", body: fake });
      if (url.origin === new URL(server.url).origin) {
        fetched.push(url.pathname);
        return route.continue();
      }
      errors.push(`request to ${url.href}`);
      return route.abort();
    });
    await page.goto(server.url + "taskpane.html");
    await page.getByRole("tab", { name: tab }).waitFor({ timeout: 30_000 });
    await page.close();
    return { fetched, errors };
  }

  it("English Office: the English tabs, their words fetched from lazy/", async () => {
    const { fetched, errors } = await open("en-US", "Check");
    expect(errors).toEqual([]);
    expect(fetched.filter((p) => p.includes("strings-en"))).toEqual(["/lazy/strings-en.js"]);
  }, 60_000);

  it("Chinese Office: the Chinese tabs, and the English words never fetched", async () => {
    const { fetched, errors } = await open("zh-CN", "检查");
    expect(errors).toEqual([]);
    expect(fetched.filter((p) => p.includes("strings-en"))).toEqual([]);
  }, 60_000);
});
