import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { excelSerial } from "../../src/core/dates";
import { CliError, ExitCode } from "../../src/cli/errors";
import { dateToSerial, loadXlsx, openXlsx, plainValue, sniff, unkeptParts } from "../../src/cli/xlsx";
import { parseArea } from "../../src/workbook/sheet";
import { tempDir, writeWorkbook } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ole = (...streams: string[]) => Buffer.concat([OLE, Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, "utf16le")), Buffer.alloc(512)]);

async function failure(p: Promise<unknown>): Promise<CliError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error("expected a CliError");
}

describe("cell values as the pipeline sees them", () => {
  it("keeps numbers, strings and booleans, flattens rich text and hyperlinks, and takes formulas' cached results", () => {
    expect(plainValue(3.5)).toBe(3.5);
    expect(plainValue("=张三")).toBe("=张三");
    expect(plainValue(true)).toBe(true);
    expect(plainValue({ richText: [{ text: "城关" }, { text: "镇" }] })).toBe("城关镇");
    expect(plainValue({ text: "链接", hyperlink: "https://example.invalid" })).toBe("链接");
    expect(plainValue({ text: { richText: [{ text: "富" }, { text: "文本" }] }, hyperlink: "x" } as never)).toBe("富文本");
    expect(plainValue({ formula: "SUM(A1:A2)", result: 7 })).toBe(7);
    expect(plainValue({ sharedFormula: "A1", result: "甲" } as never)).toBe("甲");
    expect(plainValue({ formula: "A1" })).toBeNull();
    expect(plainValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(plainValue({ error: "#N/A" })).toBe("#N/A");
    expect(plainValue(null)).toBeNull();
    expect(plainValue(Number.NaN)).toBeNull();
  });

  it("turns dates into 1900-system serials, including before the phantom 1900-02-29", () => {
    // ExcelJS makes serial s into (s − 25569) days after 1970-01-01 UTC.
    const fromSerial = (s: number) => new Date(Math.round((s - 25569) * 86_400_000));
    for (const s of [1, 59, 60, 61, 45721, 45721.75]) expect(dateToSerial(fromSerial(s))).toBe(s);
    expect(dateToSerial(new Date(Date.UTC(2025, 2, 5)))).toBe(excelSerial(2025, 3, 5));
    expect(dateToSerial(new Date(Number.NaN))).toBeNull();
  });

  it("parses ranges into 0-based areas", () => {
    expect(parseArea("B1:C2")).toEqual({ top: 0, left: 1, bottom: 1, right: 2 });
    expect(parseArea("$AA$10")).toEqual({ top: 9, left: 26, bottom: 9, right: 26 });
    expect(parseArea("nonsense")).toBeUndefined();
  });
});

describe("reading a workbook", () => {
  it("reads every sheet row-major from A1 with merged areas, blank covered cells and dates as serials", async () => {
    const path = join(dir, "values.xlsx");
    await writeWorkbook(path, { 一: [["乡镇", "姓名"], ["城关镇", "张三"], [null, "李四"]], 二: [[1]] }, (wb) => {
      const ws = wb.getWorksheet("一")!;
      ws.mergeCells("A2:A3");
      ws.getCell("C1").value = new Date(Date.UTC(2025, 2, 5));
      ws.getCell("D2").value = { formula: "1+1", result: 2 };
      ws.getCell("E2").value = { richText: [{ text: "a", font: { bold: true } }, { text: "b" }] };
    });
    const { data, checksum, name } = await openXlsx(path);
    expect(name).toBe("values.xlsx");
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(data.sheets.map((s) => s.name)).toEqual(["一", "二"]);
    const [one] = data.sheets;
    expect(one.rows).toEqual([
      ["乡镇", "姓名", excelSerial(2025, 3, 5)],
      ["城关镇", "张三", null, 2, "ab"],
      [null, "李四"],
    ]);
    expect(one.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
  });

  it("gives 1900-system serials for a workbook in the 1904 date system, whatever the time zone", async () => {
    const path = join(dir, "1904.xlsx");
    await writeWorkbook(path, { S: [[new Date(Date.UTC(2025, 2, 5, 12))]] }, (wb) => {
      wb.properties.date1904 = true;
    });
    const before = process.env.TZ;
    try {
      for (const tz of ["Asia/Shanghai", "America/Los_Angeles", "UTC"]) {
        process.env.TZ = tz;
        const { data } = await openXlsx(path);
        expect(data.sheets[0].rows[0][0]).toBe(excelSerial(2025, 3, 5)! + 0.5);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe("telling what a file is", () => {
  it("recognises .xls, encrypted .xlsx, other OLE files, web pages, text and binary workbooks by their bytes", () => {
    expect(sniff(ole("Workbook"))).toBe("xls");
    expect(sniff(ole("EncryptionInfo", "EncryptedPackage"))).toBe("encrypted");
    expect(sniff(ole("WordDocument"))).toBe("ole");
    expect(sniff(Buffer.from("<html><table><tr><td>1</td></tr></table></html>"))).toBe("html");
    expect(sniff(Buffer.from("\uFEFF<?xml version=\"1.0\"?><Workbook/>"))).toBe("html");
    expect(sniff(Buffer.from("乡镇,姓名,得分\n城关镇,张三,90\n"))).toBe("text");
    expect(sniff(Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.from("xl/workbook.bin")]))).toBe("xlsb");
    expect(sniff(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]))).toBe("unknown");
  });

  it("explains each kind of unreadable file with exit code 3 and a Chinese message", async () => {
    const cases: [Buffer, RegExp][] = [
      [ole("Workbook"), /另存为 \.xlsx/],
      [ole("EncryptionInfo", "EncryptedPackage"), /密码/],
      [ole("WordDocument"), /旧版 Office 文件或设置了密码/],
      [Buffer.from("乡镇,姓名\n"), /文本文件/],
      [Buffer.from("<html></html>"), /网页/],
      [Buffer.from("PK\x03\x04 truncated"), /已损坏/],
    ];
    for (const [buf, message] of cases) {
      const e = await failure(loadXlsx(buf, "上报.xlsx"));
      expect(e.exitCode).toBe(ExitCode.unreadable);
      expect(e.zh).toMatch(message);
      expect(e.zh).toContain("上报.xlsx");
      expect(e.en.length).toBeGreaterThan(10);
    }
  });

  it("names the parts the result workbook cannot keep (charts, PivotTables)", async () => {
    expect(await unkeptParts(Buffer.from("PK\x03\x04 xl/charts/chart1.xml xl/pivotTables/pivotTable1.xml"))).toEqual([
      { zh: "图表", en: "charts" },
      { zh: "数据透视表", en: "PivotTables" },
    ]);
    const path = join(dir, "plain.xlsx");
    await writeWorkbook(path, { S: [[1]] });
    expect((await openXlsx(path)).unkept).toEqual([]);
  });

  it("says a zip that holds no workbook is not a workbook", async () => {
    const wb = new Workbook();
    wb.addWorksheet("S");
    const real = Buffer.from(await wb.xlsx.writeBuffer());
    // A valid zip with the workbook's parts renamed away: ExcelJS opens it and finds no sheets.
    const renamed = Buffer.from(real.toString("latin1").replaceAll("xl/", "zz/"), "latin1");
    const e = await failure(loadXlsx(renamed, "a.xlsx"));
    expect(e.exitCode).toBe(ExitCode.unreadable);
  });

  it("reports a missing file, an empty file and a folder with exit code 3", async () => {
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    expect((await failure(openXlsx(join(dir, "nope.xlsx")))).zh).toMatch(/不存在/);
    expect((await failure(openXlsx(empty))).zh).toMatch(/空文件（0 字节）/);
    expect((await failure(openXlsx(dir))).zh).toMatch(/文件夹/);
  });
});
