// Guards: hostile inputs and faults `kaohe` handles well (not a workbook, crafted XML, a password, no access, a full disk, a signal mid-write, formula text, invisible characters, error values), kept so they stay handled.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ValueType, type CellValue, type Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ExitCode } from "../../src/cli/main";
import { cadreRows, cadreSheet, noStack, type Ran } from "../cli/helpers";
import { cliBundle, removeCliBundle, startKaohe } from "./cli-process";
import { editPart, encryptedXls, encryptedXlsx, odsWith, worksheetXml } from "./guard-inputs";
import { caseFolder, expectRefused, kaoheGuarded, readWorkbook, sha256File, snapshotFolder, tempDir, writeWorkbook } from "./harness";

/**
 * A full disk, for this file only. ENOSPC cannot be had for real without mount rights (a tiny tmpfs),
 * and /dev/full does not serve: the writer writes a fresh temp file and renames it, so no link placed
 * beforehand is ever written through. So the one call that writes the temp file is made to fail as a
 * full disk does: part of the bytes land, then ENOSPC. Every other call is the real one.
 */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const writeFile = (async (path, data, options) => {
    if (disk.full && typeof path === "string" && path.endsWith(".tmp") && Buffer.isBuffer(data)) {
      await real.writeFile(path, data.subarray(0, Math.min(4096, data.length >> 1)), options);
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: "ENOSPC", errno: -28, syscall: "write" });
    }
    return real.writeFile(path, data, options);
  }) as typeof real.writeFile;
  return { ...real, writeFile, default: { ...real, writeFile } };
});

const { dir: root, cleanup } = tempDir();
afterAll(async () => {
  await removeCliBundle();
  cleanup();
});

/** A good cadre return in a fresh case folder. */
async function goodReturn(name = "城关镇.xlsx", rows: CellValue[][] = cadreRows): Promise<{ folder: string; input: string; out: string }> {
  const folder = caseFolder(root);
  const input = join(folder, name);
  await writeWorkbook(input, { 干部考核: cadreSheet(rows) });
  return { folder, input, out: join(folder, "结果.xlsx") };
}

/** A file of these bytes in a fresh case folder. */
function fileOf(name: string, bytes: Buffer | string): { folder: string; input: string; out: string } {
  const folder = caseFolder(root);
  const input = join(folder, name);
  writeFileSync(input, bytes);
  return { folder, input, out: join(folder, "结果.xlsx") };
}

/** `run -o` and `check` both refuse the file with this code and message, writing nothing. */
async function bothRefuse(c: { folder: string; input: string; out: string }, code: number, message: RegExp): Promise<Ran[]> {
  return [
    await expectRefused({ args: ["run", c.input, "-o", c.out], inputs: [c.input], folder: c.folder, code, message }),
    await expectRefused({ args: ["check", c.input], inputs: [c.input], folder: c.folder, code, message }),
  ];
}

describe("files that are not a workbook: exit code 3, saying what the file is and how to save it", () => {
  const cases: [string, string, () => Buffer | string, RegExp][] = [
    ["an empty (0-byte) file", "上报.xlsx", () => "", /“上报\.xlsx”是空文件（0 字节）.*重新保存或重新拷贝/],
    ["a text file named .xlsx", "上报.xlsx", () => "乡镇\t姓名\t任务得分\n城关镇\t张三\t95\n", /“上报\.xlsx”是文本文件.*另存为 \.xlsx/],
    ["a CSV file (UTF-8 with BOM, as Excel saves it)", "上报.csv", () => `\uFEFF${["乡镇,姓名,编号,职务,任务得分", "城关镇,张三,A1,科员,95"].join("\r\n")}`, /“上报\.csv”是文本文件（如 CSV 或 TXT）.*另存为 \.xlsx/],
    ["a web page saved as .xls", "上报.xls", () => "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>乡镇</td><td>姓名</td></tr></table></body></html>", /“上报\.xls”是网页（HTML\/XML）格式的表格.*另存为 \.xlsx/],
    ["a web page saved as .xlsx", "上报.xlsx", () => "\uFEFF  <!DOCTYPE html>\n<html><body><table><tr><td>乡镇</td></tr></table></body></html>", /“上报\.xlsx”是网页（HTML\/XML）格式的表格/],
    [
      "an Excel 2003 XML spreadsheet saved as .xls",
      "上报.xls",
      () => '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="干部考核"/></Workbook>',
      /“上报\.xls”是网页（HTML\/XML）格式的表格/,
    ],
  ];
  for (const [what, name, bytes, message] of cases)
    it(`${what}`, async () => {
      await bothRefuse(fileOf(name, bytes()), ExitCode.unreadable, message);
    });

  it("a workbook cut short (half copied, or its last 100 bytes lost): damaged, never read as far as it goes", async () => {
    const { input } = await goodReturn();
    const whole = readFileSync(input);
    for (const bytes of [whole.subarray(0, whole.length >> 1), whole.subarray(0, whole.length - 100)])
      await bothRefuse(fileOf("城关镇.xlsx", bytes), ExitCode.unreadable, /“城关镇\.xlsx”已损坏，无法打开.*另存一份，或找回原文件/);
  });
});

describe("crafted XML: no entity is ever fetched or expanded", () => {
  /** A file whose content must never reach the output or a message, and the DTD that points at it and at /etc/passwd. */
  function secret(folder: string, root: string): { marker: string; dtd: string } {
    const marker = "SECRET-7c1f3a-机密";
    const path = join(folder, "secret.txt");
    writeFileSync(path, marker);
    return { marker, dtd: `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file://${path}"><!ENTITY pw SYSTEM "file:///etc/passwd">]>` };
  }
  const leaked = (text: string, marker: string) => text.includes(marker) || /root:.*:0:0:/.test(text);

  it("an external entity in sharedStrings (XXE): refused as damaged, the file it names never read (exit code 3)", async () => {
    const { folder, input, out } = await goodReturn();
    const { marker, dtd } = secret(folder, "sst");
    await editPart(input, "xl/sharedStrings.xml", (xml) => xml.replace("?>", `?>${dtd}`).replace("<t>张三</t>", "<t>&xxe;&pw;</t>"));
    for (const r of await bothRefuse({ folder, input, out }, ExitCode.unreadable, /“城关镇\.xlsx”已损坏/)) expect(leaked(r.stdout + r.stderr, marker)).toBe(false);
  });

  it("an external entity in the sheet's XML (XXE): the same", async () => {
    const { folder, input, out } = await goodReturn();
    const { marker, dtd } = secret(folder, "worksheet");
    await editPart(input, "xl/worksheets/sheet1.xml", (xml) => {
      const cell = /<c r="B4"[^>]*>.*?<\/c>/.exec(xml)![0];
      return xml.replace("?>", `?>${dtd}`).replace(cell, '<c r="B4" t="inlineStr"><is><t>&xxe;&pw;</t></is></c>');
    });
    for (const r of await bothRefuse({ folder, input, out }, ExitCode.unreadable, /“城关镇\.xlsx”已损坏/)) expect(leaked(r.stdout + r.stderr, marker)).toBe(false);
  });

  it("billion laughs (ten levels of ten, 10^10 copies) in sharedStrings: refused within seconds, nothing expanded (exit code 3)", async () => {
    const { folder, input, out } = await goodReturn();
    let entities = '<!ENTITY l0 "lol">';
    for (let i = 1; i <= 10; i++) entities += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    await editPart(input, "xl/sharedStrings.xml", (xml) => xml.replace("?>", `?><!DOCTYPE sst [${entities}]>`).replace("<t>张三</t>", "<t>&l10;</t>"));
    const t0 = Date.now();
    await bothRefuse({ folder, input, out }, ExitCode.unreadable, /“城关镇\.xlsx”已损坏/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("an .ods (read by SheetJS) with an external entity and nested entities: computed with the text as written, nothing fetched or expanded", async () => {
    const folder = caseFolder(root);
    const { marker, dtd } = secret(folder, "office:document-content");
    let entities = '<!ENTITY l0 "lol">';
    for (let i = 1; i <= 10; i++) entities += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    const input = join(folder, "城关镇.ods");
    writeFileSync(input, await odsWith("干部考核", cadreSheet(), (xml) => xml.replace("?>", `?>${dtd.replace("]>", `${entities}]>`)}`).replace(">张三<", ">&xxe;&pw;<").replace(">李四<", ">&l10;<")));
    const hash = sha256File(input);
    const out = join(folder, "结果.xlsx");
    const r = await kaoheGuarded(["run", input, "-o", out]);
    expect(r.code, r.stderr).toBe(ExitCode.ok);
    expect(leaked(r.stdout + r.stderr, marker)).toBe(false);
    const names: unknown[] = [];
    (await readWorkbook(out)).getWorksheet("干部考核")!.getColumn(2).eachCell((c) => names.push(c.value));
    expect(names).toContain("&xxe;&pw;");
    expect(names).toContain("&l10;");
    expect(leaked(readFileSync(out).toString("latin1"), marker)).toBe(false);
    expect(sha256File(input)).toBe(hash);
    expect(readdirSync(folder).sort()).toEqual(["secret.txt", "城关镇.ods", "结果.xlsx"].sort());
  });
});

describe("a workbook with an open password: exit code 3, saying to remove the password", () => {
  it("an encrypted .xlsx (EncryptionInfo and EncryptedPackage in a compound file), also when named .xls as WPS names it", async () => {
    for (const name of ["城关镇.xlsx", "城关镇.xls"])
      await bothRefuse(fileOf(name, encryptedXlsx()), ExitCode.unreadable, new RegExp(`“城关镇\\.xlsx?”设置了打开密码（已加密），无法读取.*清空密码后保存`));
  });

  it("an Excel 97-2003 .xls with a FilePass record, now that .xls is read: the password named, not “damaged”", async () => {
    const [r] = await bothRefuse(fileOf("城关镇.xls", encryptedXls()), ExitCode.unreadable, /“城关镇\.xls”是旧版 Excel 97-2003 格式（\.xls）或 WPS 表格（\.et），设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码/);
    expect(r.stderr).not.toMatch(/已损坏|password-protected\)/);
  });

  it("merge names the one encrypted return among good ones and merges nothing", async () => {
    const { folder, input } = await goodReturn("城关镇.xlsx");
    const locked = join(folder, "东山乡.xlsx");
    writeFileSync(locked, encryptedXlsx());
    await expectRefused({ args: ["merge", folder, "-o", join(folder, "全县.xlsx")], inputs: [input, locked], folder, code: ExitCode.unreadable, message: /有 1 个文件无法读取，未合并[\s\S]*“东山乡\.xlsx”设置了打开密码/ });
  });
});

/** Root reads and writes whatever the modes say: a check of permissions must run as someone else. */
const asRoot = process.getuid?.() === 0;
const nobody = asRoot ? { uid: 65534, gid: 65534 } : {};

describe("inputs that cannot be reached", () => {
  it("a folder given as the input file: exit code 3, “a folder, not a file”", async () => {
    const folder = caseFolder(root);
    const input = join(folder, "城关镇.xlsx");
    mkdirSync(input);
    await bothRefuse({ folder, input, out: join(folder, "结果.xlsx") }, ExitCode.unreadable, /无法读取“.*城关镇\.xlsx”：这是一个文件夹，不是文件/);
  });

  it("a path through a file: exit code 3, naming the part of the path that is a file", async () => {
    const { folder, input } = await goodReturn();
    await bothRefuse({ folder, input: join(input, "东山乡.xlsx"), out: join(folder, "结果.xlsx") }, ExitCode.unreadable, /无法读取“.*城关镇\.xlsx\/东山乡\.xlsx”：路径中有一段是文件而不是文件夹/);
  });

  describe(`without permission (as ${asRoot ? "the user nobody, since root may read anything" : "this user"}, in a process of its own)`, () => {
    beforeAll(async () => {
      await cliBundle();
      // The case folders are reached through root's temp folder, which nobody must be able to enter.
      chmodSync(root, 0o755);
    }, 60_000);

    /** Runs the executable as `nobody` (or this user) and checks what expectRefused checks of an in-process run. */
    async function refusedAs(args: string[], c: { folder: string; inputs: string[]; code: number; message: RegExp }): Promise<void> {
      const hashes = c.inputs.map(sha256File);
      const before = snapshotFolder(c.folder);
      const r = await (await startKaohe(args, { cwd: root, ...nobody })).ended;
      expect(r.code, r.stderr).toBe(c.code);
      expect(r.stderr).toMatch(/错误：/);
      expect(r.stderr).toMatch(c.message);
      expect(noStack(r.stdout + r.stderr), r.stderr).toBe(true);
      expect(snapshotFolder(c.folder)).toEqual(before);
      c.inputs.forEach((p, i) => expect(sha256File(p)).toBe(hashes[i]));
    }

    it("an input that may not be read: exit code 3, “no permission to read”", async () => {
      const { folder, input, out } = await goodReturn();
      const hash = sha256File(input);
      chmodSync(folder, 0o777);
      chmodSync(input, 0o000);
      try {
        await refusedAs(["run", input, "-o", out], { folder, inputs: [], code: ExitCode.unreadable, message: /无法读取“.*城关镇\.xlsx”：没有读取这个文件的权限/ });
      } finally {
        chmodSync(input, 0o644);
      }
      expect(readdirSync(folder)).toEqual(["城关镇.xlsx"]);
      expect(sha256File(input)).toBe(hash);
    });

    it("an output folder that may not be written: exit code 6 before anything is read", async () => {
      const { folder, input, out } = await goodReturn();
      chmodSync(folder, 0o555);
      try {
        await refusedAs(["run", input, "-o", out], { folder, inputs: [input], code: ExitCode.notWritten, message: /无法写入“.*结果\.xlsx”：没有写入文件夹“.*”的权限，请换一个位置/ });
      } finally {
        chmodSync(folder, 0o755);
      }
    });
  });
});

describe("a full disk while the result is written: exit code 6, nothing half-written, an earlier result kept", () => {
  async function diskFull(c: Parameters<typeof expectRefused>[0]): Promise<Ran> {
    disk.full = true;
    try {
      return await expectRefused(c);
    } finally {
      disk.full = false;
    }
  }

  it("run: no result and no temp file; its earlier result stays as it was", async () => {
    const { folder, input, out } = await goodReturn();
    await diskFull({ args: ["run", input, "-o", out], inputs: [input], folder, code: ExitCode.notWritten, message: /无法写入“.*结果\.xlsx”：磁盘空间不足/ });
    expect(readdirSync(folder)).toEqual(["城关镇.xlsx"]);
    expect((await kaoheGuarded(["run", input, "-o", out])).code).toBe(ExitCode.ok);
    await diskFull({ args: ["run", input, "-o", out], inputs: [input, out], folder, code: ExitCode.notWritten, message: /磁盘空间不足/ });
    expect((await readWorkbook(out)).getWorksheet("审计")).toBeDefined();
  });

  it("merge: the same", async () => {
    const { folder, input } = await goodReturn("城关镇.xlsx", cadreRows.slice(0, 3));
    const ds = join(folder, "东山乡.xlsx");
    await writeWorkbook(ds, { 干部考核: cadreSheet(cadreRows.slice(3)) });
    await diskFull({ args: ["merge", input, ds, "-o", join(folder, "全县.xlsx")], inputs: [input, ds], folder, code: ExitCode.notWritten, message: /无法写入“.*全县\.xlsx”：磁盘空间不足/ });
  });
});

describe("a signal while the result is written (the executable in a process of its own)", () => {
  beforeAll(() => cliBundle(), 60_000);

  /**
   * A slow disk, loaded before the executable: the temp file gets half its bytes, then the write
   * waits, so the signal lands while a half-written file is on disk, every time, whatever the
   * machine's speed. (Left to itself the write of a small result takes a millisecond.)
   */
  function slowDisk(folder: string): string {
    const preload = join(folder, "..", `slow-disk-${Date.now()}.cjs`);
    writeFileSync(
      preload,
      `const fsp = require("node:fs/promises");
const real = fsp.writeFile;
fsp.writeFile = async function (path, data, options) {
  if (typeof path !== "string" || !path.endsWith(".tmp") || !Buffer.isBuffer(data)) return real.apply(this, arguments);
  await real(path, data.subarray(0, data.length >> 1), options);
  await new Promise((resume) => setTimeout(resume, 60000));
  await fsp.appendFile(path, data.subarray(data.length >> 1));
};\n`,
    );
    return preload;
  }

  /** Resolves with the temp file's name once it is on disk with some bytes in it. */
  function tempAppears(folder: string, out: string): Promise<string> {
    const pattern = new RegExp(`^\\.${out}\\.\\d+\\.[0-9a-f]{8}\\.tmp$`);
    return new Promise((found, fail) => {
      const started = Date.now();
      const timer = setInterval(() => {
        const name = readdirSync(folder).find((n) => pattern.test(n));
        if (name && readFileSync(join(folder, name)).length > 0) {
          clearInterval(timer);
          found(name);
        } else if (Date.now() - started > 30_000) {
          clearInterval(timer);
          fail(new Error("no temp file appeared"));
        }
      }, 20);
    });
  }

  for (const [signal, code] of [["SIGINT", ExitCode.interrupted], ["SIGTERM", 143]] as const)
    it(`${signal}: exit code ${code}, the half-written temp file removed, no result, the input and an earlier result unchanged`, async () => {
      const { folder, input, out } = await goodReturn();
      expect((await kaoheGuarded(["run", input, "-o", out])).code).toBe(ExitCode.ok);
      const hashes = [sha256File(input), sha256File(out)];
      const before = snapshotFolder(folder);
      const { child, ended } = await startKaohe(["run", input, "-o", out], { cwd: folder, preload: slowDisk(folder) });
      try {
        const temp = await tempAppears(folder, "结果.xlsx");
        expect(existsSync(join(folder, temp))).toBe(true);
        child.kill(signal);
      } catch (e) {
        // Never leave the slow writer waiting behind a failed test.
        child.kill("SIGKILL");
        throw e;
      }
      const r = await ended;
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toContain("已中断：未写完的结果文件已删除。");
      expect(noStack(r.stderr)).toBe(true);
      expect(snapshotFolder(folder)).toEqual(before);
      expect([sha256File(input), sha256File(out)]).toEqual(hashes);
    });
});

/** Text a spreadsheet would take for a formula, a sign, a mention, or a DDE call that starts a program. */
const injections = ["=1+1", "+2+2", "-3+3", "@SUM(4,4)", "\t=5+5", "=cmd|' /C calc'!A0"];

/** Where each payload stands as a string (sheet → payloads found, compared without the spaces around them), and every formula of the workbook. */
function payloadCells(wb: Workbook): { strings: Map<string, Set<string>>; formulas: string[] } {
  const wanted = injections.map((p) => p.trim());
  const strings = new Map<string, Set<string>>();
  const formulas: string[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ValueType.Formula) formulas.push(`${ws.name}!${cell.address}: ${cell.formula}`);
        else if (typeof cell.value === "string" && wanted.includes(cell.value.trim())) strings.set(ws.name, (strings.get(ws.name) ?? new Set()).add(cell.value.trim()));
      }),
    );
  return { strings, formulas };
}

describe("formula text in every text column stays text, in the table and in every report", () => {
  const rows = injections.map((p, i) => [p, p, p, p, 80 + i, 85, 3000 + 100 * i, ""]);

  /** No payload became a formula, in ExcelJS's reading or in the XML; all six stand as strings in the table and in `reports` other sheets at least. */
  async function expectText(out: string, reports: number): Promise<void> {
    const { strings, formulas } = payloadCells(await readWorkbook(out));
    expect(formulas.filter((f) => /cmd|calc|1\+1|2\+2|3\+3|5\+5|SUM\(4/.test(f))).toEqual([]);
    for (const xml of await worksheetXml(out)) expect(xml).not.toMatch(/<f[ >][^<]*(cmd|1\+1|2\+2|3\+3|5\+5|SUM\(4)/);
    const complete = [...strings].filter(([, found]) => found.size === injections.length).map(([sheet]) => sheet);
    expect(complete.length, JSON.stringify([...strings].map(([s, f]) => [s, [...f]]))).toBeGreaterThanOrEqual(1 + reports);
  }

  it("run: exit code 0, the payloads as strings in 乡镇, 姓名, 编号, 职务 and in the reports", async () => {
    const { folder, input, out } = await goodReturn("城关镇.xlsx", rows);
    const hash = sha256File(input);
    const r = await kaoheGuarded(["run", input, "-o", out]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    await expectText(out, 2);
    const table = (await readWorkbook(out)).getWorksheet("干部考核")!;
    for (let col = 1; col <= 4; col++)
      injections.forEach((p, i) => {
        const cell = table.getCell(4 + i, col);
        expect(cell.value, cell.address).toBe(p);
        expect(cell.type, cell.address).toBe(ValueType.String);
      });
    expect(readdirSync(folder).sort()).toEqual(["城关镇.xlsx", "结果.xlsx"]);
    expect(sha256File(input)).toBe(hash);
  });

  it("merge: the county workbook keeps them as strings too", async () => {
    const { folder, input } = await goodReturn("城关镇.xlsx", rows);
    const out = join(folder, "全县.xlsx");
    const hash = sha256File(input);
    const r = await kaoheGuarded(["merge", input, "-o", out]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    await expectText(out, 2);
    expect(readdirSync(folder).sort()).toEqual(["全县.xlsx", "城关镇.xlsx"].sort());
    expect(sha256File(input)).toBe(hash);
  });
});

describe("control characters, U+FFFE and lone surrogates in names", () => {
  /** As Excel writes a character XML cannot hold: _xHHHH_ (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). */
  const written = ["张_x0000_三", "李_x0001_四", "王_x001F_五", "赵_xFFFE_六", "钱_xD800_七", "孙_x000B_八", "周_x007F_九"];
  const names = ["张\u0000三", "李\u0001四", "王\u001f五", "赵\ufffe六", "钱\ud800七", "孙\u000b八", "周\u007f九"];

  it("are kept exactly and said where: the result opens, every sheet reads back with the same names, written as Excel writes them", async () => {
    // 审计 records the input's name: a file name may hold such characters too.
    const rows = names.map((_, i) => ["城关镇", `NAME${i}`, `A${i}`, "科员", 80 + i, 85, 3000, ""]);
    const { folder, input } = await goodReturn("城关\u0001镇\ufffe.xlsx", rows);
    await editPart(input, "xl/sharedStrings.xml", (xml) => written.reduce((x, w, i) => x.replace(`<t>NAME${i}</t>`, `<t>${w}</t>`), xml));
    const hash = sha256File(input);
    const out = join(folder, "结果.xlsx");
    const r = await kaoheGuarded(["run", input, "-o", out]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    const wb = await readWorkbook(out);
    const where = new Map<string, string[]>();
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && names.includes(cell.value)) where.set(cell.value, [...(where.get(cell.value) ?? []), ws.name]);
        }),
      );
    for (const n of names) expect(where.get(n), JSON.stringify(n)).toEqual(expect.arrayContaining(["干部考核", "排名"]));
    expect(wb.getWorksheet("审计")!.getColumn(2).values).toContain("城关\u0001镇\ufffe.xlsx");
    // Kept, but a name with one no longer matches the same name typed: said on screen and in 审计, with the cells.
    const said = /工作表“干部考核”B4、B5、B6、B7、B8 等，共 7 个单元格的文字中有看不见的控制字符.*已原样写入结果文件/;
    expect(r.stderr).toMatch(said);
    const audit: string[] = [];
    wb.getWorksheet("审计")!.eachRow((row) => audit.push(row.values.toString()));
    expect(audit.find((line) => line.includes("看不见的字符"))).toMatch(said);
    expect((await kaoheGuarded(["check", input])).stderr).toMatch(said);
    const xml = (await worksheetXml(out)).join("");
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the XML
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(readdirSync(folder).sort()).toEqual(["城关\u0001镇\ufffe.xlsx", "结果.xlsx"].sort());
    expect(sha256File(input)).toBe(hash);
  });

  it("a scheme title holding them, repeated in every report's title: the result opens and reads back the same title", async () => {
    const { folder, input, out } = await goodReturn();
    const schemePath = join(folder, "方案.json");
    expect((await kaoheGuarded(["scheme", "cadre", "-o", schemePath])).code).toBe(ExitCode.ok);
    const title = "2025年度\ufffe考核\u0001方案";
    writeFileSync(schemePath, JSON.stringify({ ...JSON.parse(readFileSync(schemePath, "utf8")), title }));
    const r = await kaoheGuarded(["run", input, "--scheme", schemePath, "-o", out]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    const wb = await readWorkbook(out);
    const titled = wb.worksheets.filter((ws) => typeof ws.getCell("A1").value === "string" && (ws.getCell("A1").value as string).includes(title));
    expect(titled.length).toBeGreaterThanOrEqual(2);
  });

  it("text that only looks like such an escape (_x0041_) stays itself and is not read back as “A”", async () => {
    const { input, out } = await goodReturn("城关镇.xlsx", [["城关镇", "NAME", "A1", "科员", 90, 85, 3000, ""], ...cadreRows.slice(1, 3)]);
    // Excel keeps the text "_x0041_" by escaping its underscore.
    await editPart(input, "xl/sharedStrings.xml", (xml) => xml.replace("<t>NAME</t>", "<t>张三_x005F_x0041_</t>"));
    expect((await readWorkbook(input)).getWorksheet("干部考核")!.getCell("B4").value).toBe("张三_x0041_");
    expect((await kaoheGuarded(["run", input, "-o", out])).code).toBe(ExitCode.ok);
    expect((await readWorkbook(out)).getWorksheet("干部考核")!.getCell("B4").value).toBe("张三_x0041_");
  });

  it("U+FFFF written raw into the XML, which no XML reader accepts: refused as damaged (exit code 3)", async () => {
    const { folder, input, out } = await goodReturn();
    await editPart(input, "xl/sharedStrings.xml", (xml) => xml.replace("<t>张三</t>", "<t>张\uffff三</t>"));
    await bothRefuse({ folder, input, out }, ExitCode.unreadable, /“城关镇\.xlsx”已损坏/);
  });
});

describe("error values in score cells: data problems with sheet, row and column, never read as blank", () => {
  const errors: [number, number, CellValue, string][] = [
    [0, 4, { error: "#DIV/0!" } as CellValue, "第4行 E列（任务得分）：单元格是错误值 #DIV/0!"],
    [1, 5, { error: "#REF!" } as CellValue, "第5行 F列（年终考评）：单元格是错误值 #REF!"],
    [2, 6, { formula: "VLOOKUP(1,Z1:Z2,2,FALSE)", result: { error: "#N/A" } } as CellValue, "第6行 G列（应发工资）：单元格是错误值 #N/A"],
    [3, 4, { formula: "\"九十\"+1", result: { error: "#VALUE!" } } as CellValue, "第7行 E列（任务得分）：单元格是错误值 #VALUE!"],
  ];
  const rows = [...cadreRows.map((r) => [...r]), ["东山乡", "钱七", "B2", "科员", 91, 95, 3500, ""]];
  for (const [row, col, value] of errors) rows[row][col] = value;

  it("run and check: exit code 1, each error named where it is", async () => {
    const c = await goodReturn("城关镇.xlsx", rows);
    for (const r of await bothRefuse(c, ExitCode.dataProblems, /发现 4 个数据问题/)) for (const [, , , said] of errors) expect(r.stdout).toContain(`工作表“干部考核” ${said}`);
  });

  it("--skip-bad-rows computes the one good row and names the four it left out", async () => {
    const { folder, input, out } = await goodReturn("城关镇.xlsx", rows);
    const hash = sha256File(input);
    const r = await kaoheGuarded(["run", input, "-o", out, "--skip-bad-rows"]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    expect(r.stdout).toMatch(/未计算的行（4）/);
    const table = (await readWorkbook(out)).getWorksheet("干部考核")!;
    // The errors stay in the table as errors: never turned into a blank or a zero.
    expect(table.getCell("E4").value).toEqual({ error: "#DIV/0!" });
    expect(table.getCell("F5").value).toEqual({ error: "#REF!" });
    expect(readdirSync(folder).sort()).toEqual(["城关镇.xlsx", "结果.xlsx"]);
    expect(sha256File(input)).toBe(hash);
  });
});
