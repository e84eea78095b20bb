import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { bundleFakeOffice } from "./bundle";
import { enterText, installFakeOffice, type FakeExcel } from "./fake-office";
import { rejection } from "./helpers";

function fresh(): FakeExcel {
  return installFakeOffice(globalThis, { sheets: [{ name: "表一", rows: [["a", 1]] }, { name: "Sheet2" }] });
}

describe("the fake keeps Office.js's load and sync rules", () => {
  it("refuses to read a property before it is loaded and synced", async () => {
    const fake = fresh();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("表一").getRange("A1:B1");
      expect(() => r.values).toThrow(/load method/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await context.sync();
      expect(r.values).toEqual([["a", 1]]);
      expect(() => r.address).toThrow(/'address' is not available/);
    });
    expect(fake.syncs).toBe(1);
  });

  it("tells a null object only after the sync, and refuses to read its properties", async () => {
    fresh();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("无此表");
      missing.load("name");
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(() => missing.name).toThrow(/null object/);
    });
  });

  it("gives navigation properties as the same object each time", async () => {
    fresh();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表一");
      expect(ws.protection).toBe(ws.protection);
      const r = ws.getRange("A1");
      expect(r.format.font).toBe(r.format.font);
      ws.protection.load("protected");
      await context.sync();
      expect(ws.protection.protected).toBe(false);
    });
  });

  it("fails the whole request when getItem names a missing sheet", async () => {
    fresh();
    const e = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("无此表").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  it("sends what is still queued when the batch function returns", async () => {
    const fake = fresh();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("表一").getRange("C1").values = [["late"]];
    });
    expect(fake.syncs).toBe(1);
    expect(fake.sheet("表一").cell("C1").value).toBe("late");
  });
});

describe("the fake reads typed input as Excel does", () => {
  it.each<[string, unknown]>([
    ["=1+2", { f: "=1+2" }],
    ["+abc", { f: "=+abc" }],
    ["-abc", { f: "=-abc" }],
    ["@abc", { f: "=abc" }],
    ["'=1+2", { v: "=1+2", q: true }],
    ["007", { v: 7 }],
    ["-5", { v: -5 }],
    ["1,234.5", { v: 1234.5 }],
    ["20%", { v: 0.2 }],
    ["８５", { v: 85 }],
    ["TRUE", { v: true }],
    ["#N/A", { v: "#N/A", error: true }],
    ["2025-01-02", { v: 45659 }],
    ["张三", { v: "张三" }],
  ])("%s", (s, expected) => {
    expect(enterText(s, false)).toEqual(expected);
  });
  it("keeps everything as text in a Text-formatted cell", () => {
    expect(enterText("=1+2", true)).toEqual({ v: "=1+2" });
    expect(enterText("007", true)).toEqual({ v: "007" });
  });

  it("leaves a cell alone for null, clears it for an empty string, and keeps formulas' text from formulas", async () => {
    const fake = installFakeOffice(globalThis, { sheets: [{ name: "S", rows: [["keep", "drop"]] }], calculate: (f) => (f === "=1+2" ? 3 : 0) });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:C1").values = [[null, "", "=1+2"]];
      ws.getRange("D1").values = [["'=quoted"]];
      const r = ws.getRange("A1:D1");
      r.load("values,formulas");
      await context.sync();
      expect(r.values).toEqual([["keep", "", 3, "=quoted"]]);
      expect(r.formulas).toEqual([["keep", "", "=1+2", "=quoted"]]);
    });
    expect(fake.sheet("S").cell("D1")).toMatchObject({ value: "=quoted", quotePrefix: true });
  });

  it("refuses an array whose size differs from the range's", async () => {
    fresh();
    const e = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("表一").getRange("A1:B2").values = [["x"]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("the fake's errors carry Office's codes", () => {
  it("AccessDenied for a write to a protected sheet; the statements before it still ran", async () => {
    const fake = fresh();
    fake.protect("表一");
    const e = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet2").getRange("A1").values = [["first"]];
        context.workbook.worksheets.getItem("表一").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("AccessDenied");
    expect(e.name).toBe("RichApi.Error");
    expect(fake.sheet("Sheet2").cell("A1").value).toBe("first");
    expect(fake.sheet("表一").cell("A1").value).toBe("a");
  });

  it("ItemAlreadyExists for a sheet name already taken, whatever its case", async () => {
    fresh();
    const e = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.add("sheet2");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemAlreadyExists");
  });

  it("RequestPayloadSizeLimitExceeded for a request over the limit, with nothing applied", async () => {
    const fake = fresh();
    fake.payloadLimit = 10_000;
    const e = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("表一").getRange("A1:A2000").values = Array.from({ length: 2000 }, () => ["一二三"]);
        await context.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.sheet("表一").cell("A1").value).toBe("a");
    expect(fake.requests[0].bytes).toBeGreaterThan(10_000);
  });

  it("an injected failure at a chosen sync", async () => {
    const fake = fresh();
    fake.failSync(2, "GeneralException", "boom");
    const e = await rejection(
      Excel.run(async (context) => {
        await context.sync();
        await context.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    expect(fake.syncs).toBe(2);
  });
});

describe("the fake as a browser script", () => {
  it("bundles without Node modules and installs Office and Excel on window, with the page's workbook", async () => {
    const code = await bundleFakeOffice();
    expect(code).not.toMatch(/require\(["']node:|from ["']node:/);
    const window: Record<string, unknown> = { __KAOHE_FAKE_WORKBOOK__: { sheets: [{ name: "页面表", rows: [["x", 2]] }], displayLanguage: "en-US" } };
    window.window = window;
    runInNewContext(code, window);
    const office = window.Office as typeof Office;
    const info = await office.onReady();
    expect(info.host).toBe("Excel");
    expect(office.context.displayLanguage).toBe("en-US");
    expect(office.HostType.Excel).toBe("Excel");
    const excel = window.Excel as typeof Excel;
    const values = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("页面表").getRange("A1:B1");
      r.load("values");
      await context.sync();
      return r.values;
    });
    expect(values).toEqual([["x", 2]]);
  });

  it("falls back to its sample workbook", async () => {
    const code = await bundleFakeOffice();
    const window: Record<string, unknown> = {};
    window.window = window;
    runInNewContext(code, window);
    const fake = window.__kaoheFakeExcel as FakeExcel;
    expect(fake.sheetNames()).toEqual(["干部考核"]);
  });
});
