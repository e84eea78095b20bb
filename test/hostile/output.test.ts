// The output path as a fault: an input, a return in the merged folder, another filled-in file, a missing folder, a killed run's leftovers.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../src/cli/main";
import { newTempPath, settledTemp } from "../../src/cli/temp-files";
import { cadreRows, cadreSheet } from "../cli/helpers";
import { caseFolder, expectRefused, kaoheGuarded, readWorkbook, sha256File, snapshotFolder, tempDir, writeWorkbook } from "./harness";

const { dir: root, cleanup } = tempDir();
afterAll(cleanup);

const chengguan = cadreRows.slice(0, 3);
const dongshan = [
  ["东山乡", "赵六", "B1", "科员", 70, 60, 3000, ""],
  ["东山乡", "钱七", "B2", "科员", 91, 95, 3500, ""],
];

/** A folder `returns` of two townships' filled-in returns inside a fresh case folder. */
async function twoReturns(): Promise<{ folder: string; returns: string; cg: string; ds: string }> {
  const folder = caseFolder(root);
  const returns = join(folder, "returns");
  mkdirSync(returns);
  const cg = join(returns, "城关镇.xlsx");
  const ds = join(returns, "东山乡.xlsx");
  await writeWorkbook(cg, { 干部考核: cadreSheet(chengguan) });
  await writeWorkbook(ds, { 干部考核: cadreSheet(dongshan) });
  return { folder, returns, cg, ds };
}

/** The value the 审计 sheet gives for a label in column A. */
async function auditValue(path: string, label: string): Promise<unknown> {
  const ws = (await readWorkbook(path)).getWorksheet("审计");
  let found: unknown;
  ws?.eachRow((row) => {
    if (row.getCell(1).value === label) found = row.getCell(2).value;
  });
  return found;
}

/** A zip of stored-or-deflated entries, written by hand so a test can make one that lies about its sizes. */
function zipOf(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const packed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dirEntry = Buffer.alloc(46);
    dirEntry.writeUInt32LE(0x02014b50, 0);
    dirEntry.writeUInt16LE(20, 4);
    dirEntry.writeUInt16LE(20, 6);
    dirEntry.writeUInt16LE(8, 10);
    dirEntry.writeUInt32LE(packed.length, 20);
    dirEntry.writeUInt32LE(size, 24);
    dirEntry.writeUInt16LE(name.length, 28);
    dirEntry.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(dirEntry, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The id of a process that has ended, so a temp file named with it is an orphan. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ["-e", ""]).pid;
  expect(pid).toBeGreaterThan(0);
  return pid!;
}

describe("merge never writes over a return", () => {
  it("refuses -o naming a return inside the folder being merged, and writes nothing (exit code 2)", async () => {
    const { folder, returns, cg, ds } = await twoReturns();
    const r = await expectRefused({ args: ["merge", returns, "-o", cg], inputs: [cg, ds], folder, code: ExitCode.usage, message: /城关镇\.xlsx.*上报文件.*文件夹之外/ });
    // refused before a single return was read
    expect(r.stderr).not.toContain("读取文件");
  });

  it("refuses -o equal to a return given by name, however it is spelled or linked (exit code 2)", async () => {
    const { folder, returns, cg, ds } = await twoReturns();
    const hard = join(folder, "hard.xlsx");
    const soft = join(folder, "soft.xlsx");
    linkSync(cg, hard);
    symlinkSync(cg, soft);
    for (const out of [cg, join(returns, ".", "..", "returns", "城关镇.xlsx"), hard, soft])
      await expectRefused({ args: ["merge", cg, ds, "-o", out], inputs: [cg, ds], folder, code: ExitCode.usage, message: /不能是输入文件之一/ });
    // and a link to a return of a folder being merged
    await expectRefused({ args: ["merge", returns, "-o", hard], inputs: [cg, ds], folder, code: ExitCode.usage, message: /上报文件/ });
  });

  it("writes into the merged folder under a new name, and merges again over that earlier county workbook", async () => {
    const { returns, cg, ds } = await twoReturns();
    const hashes = [sha256File(cg), sha256File(ds)];
    const out = join(returns, "全县.xlsx");
    expect((await kaoheGuarded(["merge", returns, "-o", out])).code).toBe(0);
    const again = await kaoheGuarded(["merge", returns, "-o", out]);
    expect(again.code, again.stderr).toBe(0);
    // the county workbook is not read back as a return: five people, not ten
    expect(again.stdout).not.toContain("全县.xlsx：");
    expect(await auditValue(out, "输入文件")).toMatch(/^(城关镇\.xlsx、东山乡\.xlsx|东山乡\.xlsx、城关镇\.xlsx)$/);
    expect([sha256File(cg), sha256File(ds)]).toEqual(hashes);
  });
});

describe("run and merge never replace a file that is not their own earlier result", () => {
  it("run -o onto another township's filled-in return is refused and leaves its bytes as they were (exit code 6)", async () => {
    const { returns, cg, ds } = await twoReturns();
    const r = await expectRefused({ args: ["run", cg, "-o", ds], inputs: [cg, ds], folder: returns, code: ExitCode.notWritten, message: /东山乡\.xlsx”已存在.*--force/ });
    expect(r.stderr).toMatch(/Error: .*exists.*--force/);
    // refused before the input was computed
    expect(r.stderr).not.toContain("检查数据");
  });

  it("run replaces its earlier result of the same input: after a correction, or from a copy with the same bytes", async () => {
    const { folder, cg } = await twoReturns();
    const out = join(folder, "城关镇-结果.xlsx");
    expect((await kaoheGuarded(["run", cg, "-o", out])).code).toBe(0);
    // 张三's task score corrected from 95 to 85 in the return, then run again onto the same result
    await writeWorkbook(cg, { 干部考核: cadreSheet([["城关镇", "张三", "A1", "科员", 85, 90, 5000, ""], ...chengguan.slice(1)]) });
    const r = await kaoheGuarded(["run", cg, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(await auditValue(out, "输入校验和（SHA-256）")).toBe(sha256File(cg));
    const ws = (await readWorkbook(out)).getWorksheet("干部考核")!;
    expect(ws.getCell("E4").value).toBe(85);
    // a copy of the input under another name: the same bytes, so the same input
    const copy = join(folder, "城关镇-副本.xlsx");
    copyFileSync(cg, copy);
    expect((await kaoheGuarded(["run", copy, "-o", out])).code).toBe(0);
  });

  it("run refuses a result of another input (exit code 6)", async () => {
    const { folder, cg, ds } = await twoReturns();
    const out = join(folder, "城关镇-结果.xlsx");
    expect((await kaoheGuarded(["run", cg, "-o", out])).code).toBe(0);
    await expectRefused({ args: ["run", ds, "-o", out], inputs: [cg, ds, out], folder, code: ExitCode.notWritten, message: /不是“东山乡\.xlsx”之前的计算结果/ });
  });

  it("run of another table of the same workbook (--sheet) does not replace the first table's result", async () => {
    const folder = caseFolder(root);
    const input = join(folder, "两镇.xlsx");
    await writeWorkbook(input, { 城关镇: cadreSheet(chengguan), 东山乡: cadreSheet(dongshan) });
    const out = join(folder, "结果.xlsx");
    expect((await kaoheGuarded(["run", input, "--sheet", "城关镇", "-o", out])).code).toBe(0);
    await expectRefused({ args: ["run", input, "--sheet", "东山乡", "-o", out], inputs: [input, out], folder, code: ExitCode.notWritten, message: /已存在.*--force/ });
    // the same table again is its own earlier result
    expect((await kaoheGuarded(["run", input, "--sheet", "城关镇", "-o", out])).code).toBe(0);
  });

  it("run replaces any file with --force", async () => {
    const { cg, ds } = await twoReturns();
    const r = await kaoheGuarded(["run", cg, "-o", ds, "--force"]);
    expect(r.code, r.stderr).toBe(0);
    expect(await auditValue(ds, "输入文件")).toBe("城关镇.xlsx");
  });

  it("merge refuses an existing file that is not its result before reading any return, and replaces it with --force", async () => {
    const { folder, returns, cg, ds } = await twoReturns();
    const other = join(folder, "全县.xlsx");
    await writeWorkbook(other, { 汇总: [["县里自己做的汇总表"]] });
    // an unreadable return too: reading the returns would have ended with exit code 3
    writeFileSync(join(returns, "西河镇.xlsx"), "乡镇,姓名\n");
    await expectRefused({ args: ["merge", returns, "-o", other], inputs: [cg, ds, other], folder, code: ExitCode.notWritten, message: /全县\.xlsx”已存在/ });
    const forced = await kaoheGuarded(["merge", cg, ds, "-o", other, "--force"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await readWorkbook(other)).getWorksheet("合并来源")).toBeDefined();
  });

  it("merge refuses its earlier county workbook of other returns (a township added) unless --force", async () => {
    const { folder, returns, cg, ds } = await twoReturns();
    const out = join(folder, "全县.xlsx");
    expect((await kaoheGuarded(["merge", cg, "-o", out])).code).toBe(0);
    const r = await expectRefused({ args: ["merge", returns, "-o", out], inputs: [cg, ds, out], folder, code: ExitCode.notWritten, message: /不是这些上报文件之前的计算结果/ });
    expect(r.stdout).not.toContain("合并 2 个文件");
    expect((await kaoheGuarded(["merge", returns, "-o", out, "--force"])).code).toBe(0);
  });

  it("reads a hostile file at the output path safely: garbage, half a workbook, a part that inflates past its claim", async () => {
    const { folder, cg } = await twoReturns();
    const out = join(folder, "城关镇-结果.xlsx");
    expect((await kaoheGuarded(["run", cg, "-o", out])).code).toBe(0);
    const whole = readFileSync(out);
    const workbookXml = '<workbook><sheets><sheet name="审计" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const rels = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>';
    // 80 MB of spaces claiming to be 100 bytes, then the labels: only an unbounded read would find them
    const bomb = Buffer.concat([Buffer.alloc(80 * 2 ** 20, " "), Buffer.from(`<c r="A4" t="inlineStr"><is><t>输入文件</t></is></c><c r="B4" t="inlineStr"><is><t>城关镇.xlsx</t></is></c>`)]);
    const hostile: [string, Buffer][] = [
      ["text", Buffer.from("乡镇,姓名\n城关镇,张三\n")],
      ["half a workbook", whole.subarray(0, Math.floor(whole.length / 2))],
      [
        "a bomb",
        zipOf([
          { name: "xl/workbook.xml", data: Buffer.from(workbookXml) },
          { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(rels) },
          { name: "xl/worksheets/sheet1.xml", data: bomb, declaredSize: 100 },
        ]),
      ],
    ];
    for (const [what, bytes] of hostile) {
      writeFileSync(out, bytes);
      const t0 = Date.now();
      await expectRefused({ args: ["run", cg, "-o", out], inputs: [cg, out], folder, code: ExitCode.notWritten, message: /已存在.*--force/ });
      expect(Date.now() - t0, what).toBeLessThan(5000);
    }
  });
});

describe("a killed run's temporary file", () => {
  it("is removed by the next run of the same output, and nothing else is", async () => {
    const { folder, cg } = await twoReturns();
    const out = join(folder, "城关镇-结果.xlsx");
    const dead = deadPid();
    const orphan = `.城关镇-结果.xlsx.${dead}.0a1b2c3d.tmp`;
    const kept = [
      // another output's temp file
      `.东山乡-结果.xlsx.${dead}.0a1b2c3d.tmp`,
      // not the tool's pattern
      `.城关镇-结果.xlsx.${dead}.0a1b2c3d.tmp.bak`,
      `城关镇-结果.xlsx.${dead}.0a1b2c3d.tmp`,
      `.城关镇-结果.xlsx.${dead}.notahex!.tmp`,
      // a run still going (process 1 is always alive)
      `.城关镇-结果.xlsx.1.0a1b2c3d.tmp`,
    ];
    for (const name of [orphan, ...kept]) writeFileSync(join(folder, name), "PK half a workbook");
    const r = await kaoheGuarded(["run", cg, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(folder, orphan))).toBe(false);
    for (const name of kept) expect(existsSync(join(folder, name)), name).toBe(true);
    expect(readdirSync(folder).sort()).toEqual([...kept, "returns", "城关镇-结果.xlsx"].sort());
  });
});

/**
 * A process that starts writing `out` the way kaohe does (its temp file, named by the tool's own
 * function) and is then killed with SIGKILL, so it can clean up nothing. Resolves with the temp's path.
 */
async function killedWriter(out: string): Promise<string> {
  const module = fileURLToPath(new URL("../../src/cli/temp-files.ts", import.meta.url));
  const script = `(async () => {
  const m = await import(${JSON.stringify(module)});
  const t = (m.default ?? m).newTempPath(${JSON.stringify(out)});
  require("node:fs").writeFileSync(t, "PK half a workbook");
  console.log(t);
  setInterval(() => {}, 1000);
})();`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const temp = await new Promise<string>((done, fail) => {
    let text = "";
    child.stdout.on("data", (b: Buffer) => {
      text += b.toString();
      if (text.includes("\n")) done(text.trim());
    });
    child.on("exit", (code) => fail(new Error(`the writer ended by itself (${code})`)));
  });
  const ended = new Promise((done) => child.on("exit", done));
  child.kill("SIGKILL");
  await ended;
  return temp;
}

describe("a run killed while writing", () => {
  it("leaves a temp file that the next run of the same output removes", async () => {
    const { folder, cg } = await twoReturns();
    const out = join(folder, "城关镇-结果.xlsx");
    const temp = await killedWriter(out);
    expect(existsSync(temp)).toBe(true);
    const r = await kaoheGuarded(["run", cg, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(temp)).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(["returns", "城关镇-结果.xlsx"].sort());
  }, 20_000);

  it("names its temp files by the pattern the orphan tests use", () => {
    const t = newTempPath(join(root, "城关镇-结果.xlsx"));
    settledTemp(t);
    expect(basename(t)).toMatch(/^\.城关镇-结果\.xlsx\.\d+\.[0-9a-f]{8}\.tmp$/);
  });
});

describe("the output folder is checked before anything is read", () => {
  it("refuses -o into a missing folder with exit code 6 before reading or computing", async () => {
    const { folder, returns, cg, ds } = await twoReturns();
    // an unreadable input: reading it first would have ended with exit code 3
    const bad = join(folder, "坏.xlsx");
    writeFileSync(bad, "not a workbook");
    for (const args of [
      ["run", cg, "-o", join(folder, "no-such-folder", "out.xlsx")],
      ["run", bad, "-o", join(folder, "no-such-folder", "out.xlsx")],
      ["merge", returns, bad, "-o", join(folder, "no-such-folder", "county.xlsx")],
    ]) {
      const r = await expectRefused({ args, inputs: [cg, ds, bad], folder, code: ExitCode.notWritten, message: /文件夹不存在.*no-such-folder/ });
      expect(r.stderr).not.toMatch(/读取文件|检查数据|计算/);
    }
  });

  it("refuses -o through a file, or naming a folder, with exit code 6", async () => {
    const { folder, cg, ds } = await twoReturns();
    mkdirSync(join(folder, "a-folder.xlsx"));
    await expectRefused({ args: ["run", cg, "-o", join(cg, "out.xlsx")], inputs: [cg, ds], folder, code: ExitCode.notWritten, message: /不是文件夹/ });
    await expectRefused({ args: ["run", cg, "-o", join(folder, "a-folder.xlsx")], inputs: [cg, ds], folder, code: ExitCode.notWritten, message: /是一个文件夹/ });
  });
});

describe("check writes nothing and never says it computed or wrote", () => {
  it("says 检查 on success, on data problems and when no table is found", async () => {
    const folder = caseFolder(root);
    const good = join(folder, "good.xlsx");
    const bad = join(folder, "bad.xlsx");
    const none = join(folder, "none.xlsx");
    await writeWorkbook(good, { 干部考核: cadreSheet(chengguan) });
    await writeWorkbook(bad, { 干部考核: cadreSheet([["城关镇", "张三", "A1", "科员", "请假", 90, 5000, ""]]) });
    await writeWorkbook(none, { 说明: [["本镇今年无人参加考核"]] });
    const before = snapshotFolder(folder);
    const cases: [string, number, RegExp][] = [
      [good, ExitCode.ok, /检查通过/],
      [bad, ExitCode.dataProblems, /发现 1 个数据问题.*再检查/],
      [none, ExitCode.tableNotFound, /找不到/],
    ];
    for (const [input, code, said] of cases) {
      const r = await kaoheGuarded(["check", input]);
      const text = r.stdout + r.stderr;
      expect(r.code, text).toBe(code);
      expect(text).toMatch(said);
      expect(text).not.toMatch(/计算中|未生成结果文件|nothing was written/);
      expect(r.stderr).toMatch(/检查中/);
    }
    expect(snapshotFolder(folder)).toEqual(before);
  });
});
