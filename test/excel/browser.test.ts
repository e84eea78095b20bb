import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "../e2e/browser";
import { bundleFakeOffice, bundleScript } from "./bundle";
import type { FakeWorkbookInit } from "./fake-office";

describe("the Office.js host in a real browser, over the fake Excel standing in for office.js", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("reads the workbook, runs the pipeline and draws the plan", async () => {
    const workbook: FakeWorkbookInit = {
      sheets: [
        {
          name: "干部考核",
          rows: [
            ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"],
            ["城关镇", "=张三", "A1", "科员", 95, 90, 5000, ""],
            [null, "李四", "A2", "科员", 88, 80, 4000, ""],
            ["东山乡", "王五", "B1", "站长", 92, 100, 6000.5, "是"],
          ],
          merges: ["A2:A3"],
        },
      ],
    };
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setContent("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>");
    await page.addScriptTag({ content: `window.__KAOHE_FAKE_WORKBOOK__ = ${JSON.stringify(workbook)};` });
    await page.addScriptTag({ content: await bundleFakeOffice() });
    await page.addScriptTag({ content: await bundleScript("browser-driver.ts") });
    const out = await page.evaluate(async () => {
      const w = window as unknown as {
        Office: typeof Office;
        __kaohe: { host: import("../../src/excel/ops").HostOps; runAssessment: typeof import("../../src/workbook/pipeline").runAssessment };
        __kaoheFakeExcel: import("./fake-office").FakeExcel;
      };
      const info = await w.Office.onReady();
      const data = await w.__kaohe.host.readWorkbook();
      const result = w.__kaohe.runAssessment(data, { kind: "cadre", now: new Date("2025-12-31T00:00:00Z") });
      const report = await w.__kaohe.host.drawPlan(result.plan!);
      const fake = w.__kaoheFakeExcel;
      return { host: info.host, status: result.status, report, sheets: fake.sheetNames(), name: fake.sheet("干部考核").cell("B2"), header: fake.sheet("干部考核").cell("I1").value };
    });
    expect(errors).toEqual([]);
    expect(out.host).toBe("Excel");
    expect(out.status).toBe("ok");
    expect(out.report.notWritten).toEqual([]);
    expect(out.sheets).toEqual(["干部考核", "汇总", "配额核查", "排名", "绩效工资发放表", "公示", "审计", "考核方案"]);
    expect(out.name).toMatchObject({ value: "=张三" });
    expect(out.header).toBe("综合得分");
  });
});
