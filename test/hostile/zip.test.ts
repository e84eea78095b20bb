// Hostile zips: bombs with declared and lying sizes, a sheet padded to the last row, a missing sheet part, cells over Excel's limit, external links, and ExcelJS's own words.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { constants, crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { drawPlan, writeXlsxAtomic } from "../../src/cli/draw";
import { CliError, ExitCode } from "../../src/cli/errors";
import { entryData, zipDirectory } from "../../src/cli/zip-directory";
import { main } from "../../src/cli/main";
import type { Plan } from "../../src/workbook/plan";
import { cadreSheet, readWorkbook } from "../cli/helpers";
import { caseFolder, expectRefused, kaoheGuarded, tempDir, writeWorkbook } from "./harness";

const { dir: root, cleanup } = tempDir();
afterAll(cleanup);

const MiB = 2 ** 20;

interface RawEntry {
  name: string;
  /** The bytes stored: deflated (method 8) or as they are (method 0). */
  data: Buffer;
  method: 0 | 8;
  /** The size the directory declares once inflated: the truth, or a lie. */
  size: number;
  crc: number;
}

const deflated = (name: string, content: Buffer): RawEntry => ({ name, data: deflateRawSync(content), method: 8, size: content.length, crc: crc32(content) });

/**
 * A zip written byte by byte (APPNOTE 4.3): local headers and data, the central directory, its end
 * record. With zip64, sizes and offsets go into ZIP64 extra fields and a ZIP64 end record, as a tool
 * writing a file over 4 GB does.
 */
function rawZip(entries: RawEntry[], zip64 = false): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x800, 6); // names in UTF-8
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(Math.min(e.size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    out.push(local, name, e.data);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
      extra.writeBigUInt64LE(BigInt(e.data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(zip64 ? 45 : 20, 4);
    c.writeUInt16LE(zip64 ? 45 : 20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(zip64 ? 0xffffffff : e.data.length, 20);
    c.writeUInt32LE(zip64 ? 0xffffffff : e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    central.push(c, name, extra);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(dir.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + dir.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  eocd.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : dir.length, 12);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...out, dir, ...tail, eocd]);
}

/**
 * A deflate stream of `mib` MiB of zeros without ever holding them: one MiB deflated with a full
 * flush (a run of non-final blocks that refer to nothing before them) repeated, then an empty final
 * block. About 1 KB of stream per MiB.
 */
function zerosDeflated(mib: number): Buffer {
  const oneMib = deflateRawSync(Buffer.alloc(MiB), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => oneMib), deflateRawSync(Buffer.alloc(0))]);
}

/** The parts of a real workbook (written by ExcelJS), to rebuild with some changed. */
async function partsOf(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) parts.set(f.name, await f.async("nodebuffer"));
  return parts;
}

/** A good cadre return in its own folder, and its parts. */
async function goodReturn(): Promise<{ folder: string; path: string; parts: Map<string, Buffer> }> {
  const folder = caseFolder(root);
  const path = join(folder, "城关镇.xlsx");
  await writeWorkbook(path, { 乡镇干部: cadreSheet() });
  return { folder, path, parts: await partsOf(path) };
}

/** The return's parts rewritten into `file`, the sheet's part replaced by `sheet` (raw entry). */
function withSheet(parts: Map<string, Buffer>, sheet: RawEntry): RawEntry[] {
  return [...parts].map(([name, content]) => (name === sheet.name ? sheet : deflated(name, content)));
}

const SHEET = "xl/worksheets/sheet1.xml";

/** The peak memory of `kaohe <args>` in a child process of its own, where nothing else shares its heap, and the command's own time (Node and tsx starting excluded). */
function measured(args: string[]): { code: number; stderr: string; maxRssMb: number; seconds: number } {
  const script = [
    // The project is CommonJS: tsx gives its exports to an ES module as the default export.
    `const cli = await import(${JSON.stringify(resolve("src/cli/main.ts"))});`,
    "const main = cli.main ?? cli.default.main;",
    "let err = '';",
    "const started = performance.now();",
    `const code = await main(${JSON.stringify(args)}, { stdout: { write: () => true }, stderr: { write: (s) => { err += s; return true; } }, env: {} });`,
    "process.stdout.write(JSON.stringify({ code, err, ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }));",
  ].join("\n");
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", maxBuffer: 64 * MiB });
  expect(child.status, child.stderr).toBe(0);
  const r = JSON.parse(child.stdout) as { code: number; err: string; ms: number; maxRssKb: number };
  return { code: r.code, stderr: r.err, maxRssMb: r.maxRssKb / 1024, seconds: r.ms / 1000 };
}

describe("zip bombs", () => {
  it("refuses a file larger than the content it may hold without reading it", async () => {
    const folder = caseFolder(root);
    const path = join(folder, "巨大.xlsx");
    // A sparse file: 1.5 GB long, no disk used, and never read.
    writeFileSync(path, Buffer.from("PK\x03\x04"));
    truncateSync(path, 1536 * MiB);
    await expectRefused({ args: ["check", path], inputs: [], folder, code: 3, message: /巨大\.xlsx”有 1,536 MB，太大，不像真实的上报文件/ });
  });

  it("the test's own deflate stream of zeros inflates to exactly what it says", () => {
    expect(inflateRawSync(zerosDeflated(3)).equals(Buffer.alloc(3 * MiB))).toBe(true);
  });

  it("refuses a sheet that declares 1.2 GB, from the directory alone, in seconds", async () => {
    const { folder, parts } = await goodReturn();
    const bomb = join(folder, "炸弹.xlsx");
    writeFileSync(bomb, rawZip(withSheet(parts, { name: SHEET, data: zerosDeflated(1200), method: 8, size: 1200 * MiB, crc: 0 })));
    const started = Date.now();
    await expectRefused({ args: ["run", bomb, "-o", join(folder, "结果.xlsx")], inputs: [bomb], folder, code: 3, message: /炸弹\.xlsx.*已损坏或过大.*工作表“乡镇干部”（xl\/worksheets\/sheet1\.xml）.*1,200 MB/ });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses a sheet whose data inflates far past the small size it declares, without inflating it all", async () => {
    const { folder, parts } = await goodReturn();
    const bomb = join(folder, "谎报.xlsx");
    writeFileSync(bomb, rawZip(withSheet(parts, { name: SHEET, data: zerosDeflated(300), method: 8, size: 4096, crc: 0 })));
    const started = Date.now();
    await expectRefused({ args: ["check", bomb], inputs: [bomb], folder, code: 3, message: /谎报\.xlsx.*已损坏或被改动过.*工作表“乡镇干部”.*4,096 字节/ });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("reads ZIP64 directories: a 5 GB part declared there is refused by name", async () => {
    const { folder, parts } = await goodReturn();
    const bomb = join(folder, "大文件.xlsx");
    writeFileSync(bomb, rawZip(withSheet(parts, { name: SHEET, data: zerosDeflated(2), method: 8, size: 5 * 2 ** 30, crc: 0 }), true));
    await expectRefused({ args: ["check", bomb], inputs: [bomb], folder, code: 3, message: /大文件\.xlsx.*已损坏或过大.*xl\/worksheets\/sheet1\.xml.*5,120 MB/ });
  });

  it("still reads a good return rewritten as ZIP64", async () => {
    const { folder, parts } = await goodReturn();
    const path = join(folder, "zip64.xlsx");
    writeFileSync(path, rawZip([...parts].map(([n, c]) => deflated(n, c)), true));
    const r = await kaoheGuarded(["check", path]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("finds a zip's entries with bytes put before it (as JSZip does), classic or ZIP64", async () => {
    const { parts } = await goodReturn();
    for (const zip64 of [false, true]) {
      const bytes = Buffer.concat([Buffer.alloc(1000, 0x20), rawZip([...parts].map(([n, c]) => deflated(n, c)), zip64)]);
      const entries = zipDirectory(bytes)!;
      expect(entries.map((e) => e.name)).toEqual([...parts.keys()]);
      for (const e of entries) expect(inflateRawSync(entryData(bytes, e)!).equals(parts.get(e.name)!), e.name).toBe(true);
    }
  });

  it("refuses a part of filler that declares its size honestly but holds no rows", async () => {
    const { folder, parts } = await goodReturn();
    const bomb = join(folder, "填充.xlsx");
    writeFileSync(bomb, rawZip(withSheet(parts, { name: SHEET, data: zerosDeflated(100), method: 8, size: 100 * MiB, crc: 0 })));
    await expectRefused({ args: ["check", bomb], inputs: [bomb], folder, code: 3, message: /填充\.xlsx.*已损坏.*工作表“乡镇干部”.*100 MB.*0 行/ });
  });

  it("refuses shared strings of filler that declare their size honestly but hold no text", async () => {
    const { folder, parts } = await goodReturn();
    const bomb = join(folder, "填充文字.xlsx");
    const entries = [...parts].map(([n, c]) => (n === "xl/sharedStrings.xml" ? { name: n, data: zerosDeflated(100), method: 8 as const, size: 100 * MiB, crc: 0 } : deflated(n, c)));
    writeFileSync(bomb, rawZip(entries));
    await expectRefused({ args: ["check", bomb], inputs: [bomb], folder, code: 3, message: /填充文字\.xlsx.*已损坏.*“xl\/sharedStrings\.xml”.*100 MB.*0 项文字/ });
  });

  it("refuses the lying bomb within 600 MB of memory and a few seconds, measured in a process of its own", async () => {
    const { folder, parts } = await goodReturn();
    const bomb = join(folder, "谎报2.xlsx");
    writeFileSync(bomb, rawZip(withSheet(parts, { name: SHEET, data: zerosDeflated(2000), method: 8, size: 4096, crc: 0 })));
    const m = measured(["check", bomb]);
    expect(m.code, m.stderr).toBe(3);
    expect(m.maxRssMb).toBeLessThan(600);
    expect(m.seconds).toBeLessThan(10);
  });
});

describe("a sheet formatted down to the last row", () => {
  it("drops the rows that hold no value, says so on screen and in 审计, and stays within memory", async () => {
    const folder = caseFolder(root);
    const path = join(folder, "格式到底.xlsx");
    // The money column's number format gives the workbook a second cell style (s="1").
    await writeWorkbook(path, { 乡镇干部: cadreSheet() }, (wb) => {
      wb.getWorksheet("乡镇干部")!.getCell("G4").numFmt = "#,##0.00";
    });
    const parts = await partsOf(path);
    const xml = parts.get(SHEET)!.toString("utf8");
    const lastRow = 7;
    const padding: string[] = [];
    for (let r = lastRow + 1; r <= 1_048_576; r++) padding.push(`<row r="${r}" s="1" customFormat="1"/>`);
    const padded = Buffer.from(xml.replace("</sheetData>", `${padding.join("")}</sheetData>`), "utf8");
    writeFileSync(path, rawZip(withSheet(parts, deflated(SHEET, padded))));

    const m = measured(["check", path]);
    expect(m.code, m.stderr).toBe(0);
    expect(m.maxRssMb).toBeLessThan(600);
    expect(m.seconds).toBeLessThan(30);

    const out = join(folder, "结果.xlsx");
    const r = await kaoheGuarded(["run", path, "-o", out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const dropped = `${(1_048_576 - lastRow).toLocaleString("en-US")} 个没有内容的行的格式`;
    expect(r.stderr).toContain(dropped);
    const result = await readWorkbook(out);
    const audit: string[] = [];
    result.getWorksheet("审计")!.eachRow((row) => audit.push(row.values!.toString()));
    expect(audit.join("\n")).toContain(dropped);
    // The data rows are all there and computed; the padding rows are gone.
    const sheet = result.getWorksheet("乡镇干部")!;
    expect(sheet.getCell("B7").value).toBe("赵六");
    expect(sheet.rowCount).toBe(lastRow);
  });
});

describe("a damaged zip", () => {
  it("names the sheet whose part is missing, as a damaged file (exit 3), not a missing table", async () => {
    const folder = caseFolder(root);
    const path = join(folder, "缺表.xlsx");
    await writeWorkbook(path, { 说明: [["填表说明"]], 乡镇干部: cadreSheet() });
    const parts = await partsOf(path);
    // ExcelJS writes the sheets in order: 说明 is sheet1, 乡镇干部 is sheet2.
    expect(parts.has("xl/worksheets/sheet2.xml")).toBe(true);
    parts.delete("xl/worksheets/sheet2.xml");
    writeFileSync(path, rawZip([...parts].map(([n, c]) => deflated(n, c))));
    await expectRefused({ args: ["run", path, "-o", join(folder, "结果.xlsx")], inputs: [path], folder, code: 3, message: /缺表\.xlsx.*已损坏.*工作表“乡镇干部”.*xl\/worksheets\/sheet2\.xml.*不在文件中/ });
  });

  it("says a file ExcelJS cannot parse is damaged, in Chinese, and keeps ExcelJS's own words for KAOHE_DEBUG=1", async () => {
    const { folder, path, parts } = await goodReturn();
    const xml = parts.get(SHEET)!.toString("utf8");
    // A cell's closing tag is lost: XML no parser accepts.
    parts.set(SHEET, Buffer.from(xml.replace("</c>", ""), "utf8"));
    writeFileSync(path, rawZip([...parts].map(([n, c]) => deflated(n, c))));
    const r = await expectRefused({ args: ["check", path], inputs: [path], folder, code: 3, message: /城关镇\.xlsx.*已损坏，无法打开.*请在 Excel 中打开并另存一份/ });
    const plain = r.stderr;
    let debug = "";
    const code = await main(["check", path], { stdout: { write: () => true }, stderr: { write: (s: string) => ((debug += s), true) }, env: { KAOHE_DEBUG: "1" } });
    expect(code).toBe(3);
    expect(debug.startsWith(plain)).toBe(true);
    expect(debug.length).toBeGreaterThan(plain.length);
  });
});

describe("Excel's limit of 32,767 characters a cell", () => {
  it("refuses an input cell over the limit as a data problem naming the cell", async () => {
    const folder = caseFolder(root);
    const path = join(folder, "长名字.xlsx");
    const rows = cadreSheet();
    rows[4] = [...rows[4]];
    rows[4][1] = "张".repeat(40_000);
    await writeWorkbook(path, { 乡镇干部: rows });
    await expectRefused({ args: ["run", path, "-o", join(folder, "结果.xlsx")], inputs: [path], folder, code: 1, message: /长名字\.xlsx”中有 1 个单元格的文字超过 Excel 每个单元格 32,767 个字符的上限，未计算：工作表“乡镇干部” 第5行 B列。请缩短/ });
  });

  it("names the overlong cell in merge too, where each unreadable file is listed by its message", async () => {
    const folder = caseFolder(root);
    const returns = join(folder, "上报");
    mkdirSync(returns);
    const rows = cadreSheet();
    rows[3] = [...rows[3]];
    rows[3][3] = "科".repeat(33_000);
    await writeWorkbook(join(returns, "城关镇.xlsx"), { 乡镇干部: rows });
    await writeWorkbook(join(returns, "东山乡.xlsx"), { 乡镇干部: cadreSheet() });
    await expectRefused({ args: ["merge", returns, "-o", join(folder, "全县.xlsx")], inputs: [join(returns, "城关镇.xlsx")], folder, code: 3, message: /城关镇\.xlsx”中有 1 个单元格的文字超过.*工作表“乡镇干部” 第4行 D列/ });
  });

  it("cuts a 5,000,000-character scheme title in every cell it reaches, and says so on screen and in 审计", async () => {
    const folder = caseFolder(root);
    const path = join(folder, "城关镇.xlsx");
    await writeWorkbook(path, { 乡镇干部: cadreSheet() });
    const schemePath = join(folder, "方案.json");
    expect((await kaoheGuarded(["scheme", "cadre", "-o", schemePath])).code).toBe(0);
    const scheme = JSON.parse(readFileSync(schemePath, "utf8")) as { title: string };
    scheme.title = "考".repeat(5_000_000);
    writeFileSync(schemePath, JSON.stringify(scheme));
    const out = join(folder, "结果.xlsx");
    const r = await kaoheGuarded(["run", path, "--scheme", schemePath, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/处文字超过 Excel 每个单元格 32,767 个字符的上限，已截断/);
    const result = await readWorkbook(out);
    let longest = 0;
    let cutCells = 0;
    result.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const text = typeof cell.value === "string" ? cell.value : "";
          longest = Math.max(longest, text.length);
          if (text.length === 32_767) {
            expect(text.endsWith("…")).toBe(true);
            cutCells++;
          }
        }),
      ),
    );
    expect(longest).toBe(32_767);
    expect(cutCells).toBeGreaterThan(0);
    const audit: string[] = [];
    result.getWorksheet("审计")!.eachRow((row) => audit.push(String(row.getCell(1).value)));
    expect(audit).toContain("截断的文字");
  });
});

describe("external links", () => {
  it("keeps a formula's value where its link to another workbook cannot be kept, and says so on screen and in 审计", async () => {
    const folder = caseFolder(root);
    const path = join(folder, "外部链接.xlsx");
    await writeWorkbook(path, { 乡镇干部: cadreSheet(), 参考: [["上年得分"]] }, (wb) => {
      wb.getWorksheet("参考")!.getCell("A2").value = { formula: "[1]Sheet1!$A$1", result: 42 };
    });
    const parts = await partsOf(path);
    const text = (name: string) => parts.get(name)!.toString("utf8");
    parts.set("xl/workbook.xml", Buffer.from(text("xl/workbook.xml").replace("</sheets>", '</sheets><externalReferences><externalReference r:id="rId90"/></externalReferences>')));
    parts.set(
      "xl/_rels/workbook.xml.rels",
      Buffer.from(text("xl/_rels/workbook.xml.rels").replace("</Relationships>", '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>')),
    );
    parts.set(
      "[Content_Types].xml",
      Buffer.from(text("[Content_Types].xml").replace("</Types>", '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>')),
    );
    parts.set(
      "xl/externalLinks/externalLink1.xml",
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
      ),
    );
    parts.set(
      "xl/externalLinks/_rels/externalLink1.xml.rels",
      Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="上年.xlsx" TargetMode="External"/></Relationships>'),
    );
    writeFileSync(path, rawZip([...parts].map(([n, c]) => deflated(n, c))));

    const out = join(folder, "结果.xlsx");
    const r = await kaoheGuarded(["run", path, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/外部链接（引用其他工作簿的 1 个公式在结果文件中只保留计算值）无法带入结果文件/);
    const result = await readWorkbook(out);
    expect(result.getWorksheet("参考")!.getCell("A2").value).toBe(42);
    const audit: string[] = [];
    result.getWorksheet("审计")!.eachRow((row) => audit.push(`${String(row.getCell(1).value)}|${String(row.getCell(2).value)}`));
    expect(audit).toContain("未带入结果文件|外部链接（引用其他工作簿的 1 个公式在结果文件中只保留计算值）");
    // No formula in the result still points at a workbook it no longer links.
    const sheets = await partsOf(out);
    for (const [name, content] of sheets) if (name.startsWith("xl/worksheets/")) expect(content.toString("utf8")).not.toMatch(/\[1\]/);
  });
});

describe("ExcelJS failing to write the result", () => {
  it("says in Chinese that the result is too large, leaves no file, and keeps V8's words for KAOHE_DEBUG=1", async () => {
    const folder = caseFolder(root);
    const out = join(folder, "结果.xlsx");
    const wb = new Workbook();
    wb.addWorksheet("甲");
    wb.xlsx.writeBuffer = () => Promise.reject(new RangeError("Invalid string length"));
    const e = await writeXlsxAtomic(wb, out).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(ExitCode.notWritten);
    expect((e as CliError).zh).toMatch(/无法生成“.*结果\.xlsx”：结果太大/);
    expect((e as CliError).zh).not.toMatch(/Invalid string length/);
    expect(((e as CliError).cause as Error).message).toBe("Invalid string length");
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe("ExcelJS failing while the results are drawn", () => {
  it("says in Chinese that nothing was written, and keeps ExcelJS's words for KAOHE_DEBUG=1", () => {
    const wb = new Workbook();
    wb.addWorksheet("表");
    // As ExcelJS fails on a model it cannot handle.
    wb.addWorksheet = () => {
      throw new TypeError("Cannot set properties of undefined (setting 'name')");
    };
    const plan: Plan = { results: [], reports: [{ name: "汇总", title: "汇总", columns: [{ header: "甲" }], rows: [[1]] }], replaceable: [], summary: { kind: "cadre", title: "t", rows: 0, zh: [], en: [] } };
    let error: unknown;
    try {
      drawPlan(wb, plan);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.notWritten);
    expect((error as CliError).zh).toMatch(/^无法把结果写入工作簿.*未生成结果文件/);
    expect((error as CliError).zh + (error as CliError).en).not.toMatch(/Cannot set properties/);
    expect(((error as CliError).cause as Error).message).toMatch(/^Cannot set properties/);
  });
});
