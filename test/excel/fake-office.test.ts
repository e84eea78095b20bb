import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { bundleFakeOffice } from "./bundle";
import { enterText, installFakeOffice, requestBytes, type FakeExcel } from "./fake-office";
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

describe("the fake calculates nothing, but spills what a formula returns as Excel lays it out", () => {
  // =KAOHE.RANKS(B2:B4) in C2 returns a column of three ranks: C2:C4.
  const ranks = (f: string) => (f.startsWith("=KAOHE.RANKS") ? [[1], [3], [2]] : 0);
  const table = () =>
    installFakeOffice(globalThis, {
      sheets: [{ name: "S", rows: [["姓名", "得分", "排名"], ["甲", 90], ["乙", 70], ["丙", 80]], formulas: { C2: "=KAOHE.RANKS(B2:B4)" } }],
      calculate: ranks,
    });

  it("a formula's cell reads back its value through values and its text through formulas; the spilled cells give their values", async () => {
    const fake = table();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("C2:C4");
      r.load("values,formulas,valueTypes");
      await context.sync();
      expect(r.values).toEqual([[1], [3], [2]]);
      expect(r.formulas[0]).toEqual(["=KAOHE.RANKS(B2:B4)"]);
      expect(r.valueTypes).toEqual([["Double"], ["Double"], ["Double"]]);
    });
    expect(fake.sheet("S").values()).toEqual([
      ["姓名", "得分", "排名"],
      ["甲", 90, 1],
      ["乙", 70, 3],
      ["丙", 80, 2],
    ]);
    expect(fake.spillErrors()).toEqual([]);
  });

  it("lists the cells holding a formula, a spill's anchor but not the cells it fills, and none as a null object", async () => {
    table();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("D3:D4").formulas = [["=B3*2"], ["=B4*2"]];
      const found = ws.getRange("A1:D4").getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType);
      found.load("address");
      const none = ws.getRange("A1:B4").getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType);
      none.load("address");
      await context.sync();
      expect(found.address).toBe("S!C2, S!D3:D4");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("a value written into a spilled cell is kept, and the formula shows #SPILL! until the cell is cleared", async () => {
    const fake = table();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("C3").values = [[5]];
      await context.sync();
    });
    expect(fake.sheet("S").cell("C3").value).toBe(5);
    expect(fake.sheet("S").cell("C2")).toMatchObject({ value: "#SPILL!", error: true, formula: "=KAOHE.RANKS(B2:B4)" });
    expect(fake.sheet("S").cell("C4").value).toBe("");
    expect(fake.spillErrors()).toEqual(["S!C2"]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("C3").values = [[""]];
      await context.sync();
    });
    expect(fake.spillErrors()).toEqual([]);
    expect(fake.sheet("S").cell("C4").value).toBe(2);
  });

  it("values written over the formula's own cell replace the formula, and the spill goes with it", async () => {
    const fake = table();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("C2:C3").values = [[7], [8]];
      await context.sync();
    });
    expect(fake.sheet("S").cell("C2").formula).toBeUndefined();
    expect(fake.sheet("S").values().map((row) => row[2])).toEqual(["排名", 7, 8, ""]);
    expect(fake.spillErrors()).toEqual([]);
  });

  it("tells spilled cells (hasSpill) and a formula's spill area (ExcelApi 1.12)", async () => {
    table();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const column = ws.getRange("C1:C4");
      const spilled = ws.getRange("C2:C4");
      const none = ws.getRange("B2:B4");
      for (const r of [column, spilled, none]) r.load("hasSpill");
      const to = ws.getRange("C2").getSpillingToRangeOrNullObject();
      to.load("address");
      const parent = ws.getRange("C4").getSpillParentOrNullObject();
      parent.load("address");
      const notSpilling = ws.getRange("B2").getSpillingToRangeOrNullObject();
      await context.sync();
      expect([column.hasSpill, spilled.hasSpill, none.hasSpill]).toEqual([null, true, false]);
      expect(to.address).toBe("S!C2:C4");
      expect(parent.address).toBe("S!C2");
      expect(notSpilling.isNullObject).toBe(true);
    });
  });
});

describe("the fake keeps error values apart from text", () => {
  it("an error read back is its text in values, and Error in valueTypes; typed #N/A is an error, quoted it is text", async () => {
    installFakeOffice(globalThis, { sheets: [{ name: "S", errors: { A1: "#DIV/0!" } }] });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("B1:C1").values = [["#N/A", "'#N/A"]];
      const r = ws.getRange("A1:D1");
      r.load("values,valueTypes");
      await context.sync();
      expect(r.values).toEqual([["#DIV/0!", "#N/A", "#N/A", ""]]);
      expect(r.valueTypes).toEqual([["Error", "Error", "String", "Empty"]]);
    });
  });
});

describe("the fake in cell-edit mode", () => {
  it("fails a sync with InvalidOperationInCellEditMode while the user types, unless the run may wait", async () => {
    const fake = fresh();
    fake.editCell(true);
    const e = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("表一").getRange("C1").values = [["x"]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidOperationInCellEditMode");
    expect(fake.sheet("表一").cell("C1").value).toBe("");
  });

  it("with delayForCellEdit, waits until the user leaves the cell, then runs", async () => {
    const fake = fresh();
    fake.editCell(true);
    const run = Excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("表一").getRange("C1").values = [["x"]];
      await context.sync();
    });
    await new Promise((ok) => setTimeout(ok, 10));
    expect(fake.waitingForCellEdit).toBe(1);
    expect(fake.sheet("表一").cell("C1").value).toBe("");
    fake.editCell(false);
    await run;
    expect(fake.sheet("表一").cell("C1").value).toBe("x");
  });
});

describe("the fake emulates an ExcelApi version", () => {
  const on = (apiMinor: number) => installFakeOffice(globalThis, { sheets: [{ name: "S", rows: [["a"]] }], apiMinor });

  it("refuses Excel.run options above it: delayForCellEdit (1.11), mergeUndoGroup (1.20)", async () => {
    on(10);
    expect((await rejection(Excel.run({ delayForCellEdit: true }, async () => undefined))).code).toBe("ApiNotFound");
    on(19);
    expect((await rejection(Excel.run({ mergeUndoGroup: true }, async () => undefined))).code).toBe("ApiNotFound");
    await Excel.run({ delayForCellEdit: true }, async () => undefined);
  });

  it.each<[string, number, (context: Excel.RequestContext) => void]>([
    ["Range.getMergedAreasOrNullObject", 13, (c) => void c.workbook.worksheets.getItem("S").getRange().getMergedAreasOrNullObject().load("address")],
    ["Range.getSpillingToRangeOrNullObject", 12, (c) => void c.workbook.worksheets.getItem("S").getRange("A1").getSpillingToRangeOrNullObject()],
    ["Range.hasSpill", 12, (c) => void c.workbook.worksheets.getItem("S").getRange("A1").load("hasSpill")],
    ["Range.getSpecialCellsOrNullObject", 9, (c) => void c.workbook.worksheets.getItem("S").getRange("A1:A2").getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType).load("address")],
    ["Worksheet.pageLayout", 9, (c) => void (c.workbook.worksheets.getItem("S").pageLayout.orientation = "Landscape" as Excel.PageOrientation)],
    ["Worksheet.copy", 7, (c) => void c.workbook.worksheets.getItem("S").copy()],
    ["Worksheet.getRangeByIndexes", 7, (c) => void c.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 1).load("values")],
    ["Application.suspendApiCalculationUntilNextSync", 6, (c) => c.application.suspendApiCalculationUntilNextSync()],
  ])("%s (ExcelApi 1.%i) fails with ApiNotFound one version below, and works on it", async (member, minor, use) => {
    on(minor - 1);
    const e = await rejection(
      Excel.run(async (context) => {
        use(context);
        await context.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
    expect(e.message).toContain(member);
    on(minor);
    await Excel.run(async (context) => {
      use(context);
      await context.sync();
    });
  });
});

describe("the fake counts a request's bytes from what it sends", () => {
  it("two writes that differ only in their values differ by the bytes of those values' JSON", async () => {
    const fake = fresh();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("表一").getRange("C1").values = [["a"]];
      await context.sync();
      context.workbook.worksheets.getItem("表一").getRange("C1").values = [["一二三"]];
      await context.sync();
    });
    // "a" is 3 bytes of JSON with its quotes; "一二三" is 2 + 3 × 3 = 11.
    expect(fake.requests[1].bytes - fake.requests[0].bytes).toBe(8);
    expect(requestBytes([{ name: "Range", args: [["一二三"]], write: true }])).toBeGreaterThan(11);
  });
});
