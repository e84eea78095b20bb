import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ValueType } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemeToJson } from "../../src/core/scheme";
import { defaultScheme } from "../../src/kinds/registry";
import { defaultOutput, ExitCode } from "../../src/cli/main";
import { cadreHeader, caseDirs, cadreRows, cadreSheet, kaohe, listDir, noStack, readWorkbook, sha256File, tempDir, writeWorkbook, type Ran } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** A folder of its own for one case, so "no output file is left" can be checked by listing it. */
const caseDir = caseDirs(dir);

/** The checks every failure must pass: its exit code, a Chinese message, no stack, nothing written, the input unchanged. */
async function expectFailure(args: (input: string, out: string) => string[], input: string, code: number, message: RegExp): Promise<Ran> {
  const folder = join(input, "..");
  const out = join(folder, "out.xlsx");
  const before = listDir(folder);
  const hash = existsSync(input) ? sha256File(input) : undefined;
  const r = await kaohe(args(input, out));
  expect(r.code, r.stderr + r.stdout).toBe(code);
  expect(r.stdout + r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/错误：/);
  expect(noStack(r.stdout + r.stderr)).toBe(true);
  expect(listDir(folder)).toEqual(before);
  if (hash) expect(sha256File(input)).toBe(hash);
  return r;
}

const run = (input: string, out: string) => ["run", input, "-o", out];

describe("arguments and help", () => {
  it("prints help in Chinese, in English with --lang en, and for one command", async () => {
    const zh = await kaohe(["--help"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("用法");
    expect(zh.stdout).toContain("退出码");
    const en = await kaohe(["--help", "--lang", "en"]);
    expect(en.stdout).toContain("Usage");
    expect((await kaohe(["help", "merge"])).stdout).toContain("来源文件");
    expect((await kaohe(["merge", "--help", "--lang=en"])).stdout).toContain("county table");
  });

  it("prints the version", async () => {
    const r = await kaohe(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kaohe \d+\.\d+\.\d+/);
  });

  it("answers bad arguments with exit code 2 and a message saying what to do", async () => {
    const cases: [string[], RegExp][] = [
      [[], /用法/],
      [["compute", "a.xlsx"], /不认识的命令“compute”/],
      [["a.xlsx"], /kaohe run a\.xlsx/],
      [["run"], /缺少输入文件/],
      [["run", "a.xlsx", "b.xlsx"], /只能指定一个输入文件/],
      [["run", "a.xlsx", "--bogus"], /不认识的选项 --bogus/],
      [["run", "a.xlsx", "-o"], /缺少取值/],
      [["run", "a.xlsx", "--kind", "mayor"], /无法识别的考核类型/],
      [["run", "a.xlsx", "-o", "out.xls"], /\.xlsx 结尾/],
      [["check", "a.xlsx", "-o", "x.xlsx"], /不接受选项 -o/],
      [["merge", "folder"], /-o/],
      [["help", "nothing"], /没有“nothing”命令/],
      [["run", "a.xlsx", "--lang", "fr"], /zh 或 en/],
    ];
    for (const [args, message] of cases) {
      const r = await kaohe(args, { cwd: dir });
      expect(r.code, args.join(" ")).toBe(ExitCode.usage);
      expect(r.stdout + r.stderr, args.join(" ")).toMatch(message);
      expect(noStack(r.stderr)).toBe(true);
    }
  });

});

describe("templates", () => {
  it("writes a blank template, named by kind in English or Chinese, and never over an existing file", async () => {
    const d = caseDir();
    const r = await kaohe(["template", "cadre", "-o", join(d, "t.xlsx")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("已生成模板");
    const wb = await readWorkbook(join(d, "t.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["干部考核", "负面清单记录", "异议记录", "填表说明"]);
    const hash = sha256File(join(d, "t.xlsx"));
    const again = await kaohe(["template", "cadre", "-o", join(d, "t.xlsx")]);
    expect(again.code).toBe(ExitCode.notWritten);
    expect(again.stderr).toContain("不会覆盖");
    expect(sha256File(join(d, "t.xlsx"))).toBe(hash);
    const zh = await kaohe(["template", "村书记"], { cwd: d });
    expect(zh.code, zh.stderr).toBe(0);
    expect(listDir(d)).toEqual(["t.xlsx", "村党组织书记年度考核.xlsx"]);
  });

  it("lists the templates when none is named", async () => {
    const r = await kaohe(["template"]);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stderr).toContain("fiveGood");
  });

  it("computes a filled-in template", async () => {
    const d = caseDir();
    const t = join(d, "cadre.xlsx");
    expect((await kaohe(["template", "cadre", "-o", t])).code).toBe(0);
    const wb = await readWorkbook(t);
    const ws = wb.getWorksheet("干部考核")!;
    let headerRow = 0;
    const col = new Map<string, number>();
    ws.eachRow((row, r) => {
      if (headerRow) return;
      row.eachCell((c, n) => {
        if (typeof c.value === "string") col.set(c.value.replace(/\s/g, ""), n);
      });
      if (col.has("姓名") && col.has("任务得分")) headerRow = r;
      else col.clear();
    });
    expect(headerRow).toBeGreaterThan(0);
    cadreRows.forEach((row, i) => {
      cadreHeader.forEach((h, j) => {
        if (col.has(h)) ws.getCell(headerRow + 1 + i, col.get(h)!).value = row[j];
      });
    });
    await wb.xlsx.writeFile(t);
    const r = await kaohe(["run", t, "-o", join(d, "out.xlsx")]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain("4 行");
  });
});

describe("input files that cannot be read: exit code 3", () => {
  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const cases: [string, Buffer | undefined, RegExp][] = [
    ["a missing file", undefined, /文件不存在/],
    ["a 0-byte file", Buffer.alloc(0), /空文件（0 字节）/],
    ["a text file renamed .xlsx", Buffer.from("乡镇,姓名,任务得分\n城关镇,张三,90\n", "utf8"), /文本文件/],
    ["an old .xls", Buffer.concat([OLE, Buffer.alloc(504), Buffer.from("Workbook", "utf16le"), Buffer.alloc(600)]), /旧版 Excel 97-2003.*请另存为 \.xlsx/],
    ["a password-protected .xlsx", Buffer.concat([OLE, Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.from("EncryptedPackage", "utf16le"), Buffer.alloc(600)]), /密码/],
    ["a corrupt zip", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(300, 7)]), /已损坏/],
  ];
  for (const [what, bytes, message] of cases) {
    it(`${what}`, async () => {
      const d = caseDir();
      const input = join(d, "上报.xlsx");
      if (bytes) writeFileSync(input, bytes);
      await expectFailure(run, input, ExitCode.unreadable, message);
      await expectFailure((i) => ["check", i], input, ExitCode.unreadable, message);
    });
  }
});

describe("tables that are not there: exit code 4", () => {
  it("a missing header column, named", async () => {
    const input = join(caseDir(), "in.xlsx");
    await writeWorkbook(input, { 干部考核: [cadreHeader.filter((h) => h !== "应发工资"), ...cadreRows.map((r) => [...r.slice(0, 6), r[7]])] });
    const r = await expectFailure((i, o) => ["run", i, "-o", o, "--kind", "cadre"], input, ExitCode.tableNotFound, /应发工资/);
    expect(r.stdout).toContain("工作表“干部考核”");
  });

  it("a workbook whose sheet holds no assessment table", async () => {
    const input = join(caseDir(), "in.xlsx");
    await writeWorkbook(input, { Sheet1: [["日期", "事项", "备注"], [45000, "开会", ""]] });
    await expectFailure(run, input, ExitCode.tableNotFound, /找不到可识别的考核表/);
  });

  it("a table of another kind than the one asked for", async () => {
    const input = join(caseDir(), "in.xlsx");
    await writeWorkbook(input, { 干部考核: cadreSheet() });
    await expectFailure((i, o) => ["run", i, "-o", o, "--kind", "member"], input, ExitCode.tableNotFound, /支部|党员类别/);
  });

  it("a header with no data rows", async () => {
    const input = join(caseDir(), "in.xlsx");
    await writeWorkbook(input, { 干部考核: cadreSheet([]) });
    await expectFailure(run, input, ExitCode.tableNotFound, /没有数据行/);
  });
});

describe("data problems: exit code 1", () => {
  it("text in a score column, with its sheet, row and column", async () => {
    const input = join(caseDir(), "in.xlsx");
    const rows = cadreRows.map((r) => [...r]);
    rows[1][4] = "缺考";
    await writeWorkbook(input, { 干部考核: cadreSheet(rows) });
    const r = await expectFailure(run, input, ExitCode.dataProblems, /工作表“干部考核” 第5行 E列（任务得分）：“缺考”不是分数/);
    expect(r.stderr).toContain("--skip-bad-rows");
    const c = await kaohe(["check", input]);
    expect(c.code).toBe(ExitCode.dataProblems);
    expect(c.stdout).toContain("第5行 E列");
  });

  it("duplicate IDs", async () => {
    const input = join(caseDir(), "in.xlsx");
    const rows = cadreRows.map((r) => [...r]);
    rows[2][2] = "A1";
    await writeWorkbook(input, { 干部考核: cadreSheet(rows) });
    await expectFailure(run, input, ExitCode.dataProblems, /“A1”与第4行重复/);
  });

  it("lists every problem, not just the first", async () => {
    const input = join(caseDir(), "in.xlsx");
    const rows = cadreRows.map((r) => [...r]);
    rows[0][4] = "九十";
    rows[3][4] = 120;
    rows[2][6] = -5;
    await writeWorkbook(input, { 干部考核: cadreSheet(rows) });
    const r = await kaohe(["check", input, "--lang", "en"]);
    expect(r.code).toBe(ExitCode.dataProblems);
    expect(r.stdout.trim().split("\n")).toHaveLength(3);
    expect(r.stderr).toMatch(/^Error: found 3 data problem/m);
  });

  it("computes without the bad rows with --skip-bad-rows, and says which rows were left out", async () => {
    const d = caseDir();
    const input = join(d, "in.xlsx");
    const rows = cadreRows.map((r) => [...r]);
    rows[1][4] = "缺考";
    await writeWorkbook(input, { 干部考核: cadreSheet(rows) });
    const r = await kaohe(["run", input, "--skip-bad-rows"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/未计算的行（1）/);
    expect(r.stdout).toMatch(/第5行/);
    expect(existsSync(join(d, "in-结果.xlsx"))).toBe(true);
  });
});

describe("a successful run", () => {
  let d: string;
  let input: string;
  let hash: string;
  let result: Ran;
  beforeAll(async () => {
    d = caseDir();
    input = join(d, "城关镇.xlsx");
    const rows = cadreRows.map((r) => [...r]);
    rows[0][1] = "=张三";
    rows[1][1] = "+李四";
    rows[2][3] = "-站长";
    await writeWorkbook(input, { 干部考核: cadreSheet(rows), 备注: [["自己的表"]] }, (wb) => {
      wb.getWorksheet("干部考核")!.getCell("K1").value = { formula: "SUM(E4:E7)", result: 345 };
    });
    hash = sha256File(input);
    result = await kaohe(["run", input]);
  });

  it("writes <name>-结果.xlsx beside the input and a short summary, and leaves the input unchanged", () => {
    expect(result.code, result.stderr).toBe(0);
    expect(defaultOutput(input)).toBe(join(d, "城关镇-结果.xlsx"));
    expect(listDir(d)).toEqual(["城关镇-结果.xlsx", "城关镇.xlsx"]);
    expect(sha256File(input)).toBe(hash);
    expect(result.stdout).toContain("结果已写入");
    expect(result.stdout.split("\n").length).toBeLessThan(25);
    expect(noStack(result.stderr)).toBe(true);
  });

  it("keeps the user's sheets and formulas, adds the result columns and the reports", async () => {
    const wb = await readWorkbook(join(d, "城关镇-结果.xlsx"));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(["干部考核", "备注"]);
    expect(names).toEqual(expect.arrayContaining(["汇总", "审计", "考核方案"]));
    const ws = wb.getWorksheet("干部考核")!;
    expect(ws.getCell("K1").value).toEqual({ formula: "SUM(E4:E7)", result: 345 });
    expect(ws.getCell("I3").value).toBe("综合得分");
    expect(ws.getCell("I4").value).toBe(94);
  });

  it("keeps names beginning with = + - as text", async () => {
    const ws = (await readWorkbook(join(d, "城关镇-结果.xlsx"))).getWorksheet("干部考核")!;
    for (const [addr, text] of [
      ["B4", "=张三"],
      ["B5", "+李四"],
      ["D6", "-站长"],
    ]) {
      expect(ws.getCell(addr).value).toBe(text);
      expect(ws.getCell(addr).type).toBe(ValueType.String);
    }
    // and wherever the name is repeated in a report
    const ranking = (await readWorkbook(join(d, "城关镇-结果.xlsx"))).getWorksheet("排名");
    const cells: unknown[] = [];
    ranking?.eachRow((row) => row.eachCell((c) => cells.push(c.type === ValueType.Formula ? "FORMULA" : c.value)));
    if (ranking) {
      expect(cells).toContain("=张三");
      expect(cells).not.toContain("FORMULA");
    }
  });

  it("runs again on its own result, replacing the reports and the result columns in place", async () => {
    const first = join(d, "城关镇-结果.xlsx");
    const second = join(d, "again.xlsx");
    const r = await kaohe(["run", first, "-o", second]);
    expect(r.code, r.stderr).toBe(0);
    const a = await readWorkbook(first);
    const b = await readWorkbook(second);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    const header = (wb: typeof a) => (wb.getWorksheet("干部考核")!.getRow(3).values as unknown[]).filter((v) => v !== undefined);
    expect(header(b)).toEqual(header(a));
  });

  it("refuses to write over its input, however the path is spelled", async () => {
    for (const out of [input, join(d, ".", "城关镇.xlsx")]) {
      const r = await kaohe(["run", input, "-o", out]);
      expect(r.code).toBe(ExitCode.usage);
      expect(r.stderr).toContain("不能与输入文件相同");
    }
    const r = await kaohe(["run", "城关镇.xlsx", "-o", "./城关镇.xlsx"], { cwd: d });
    expect(r.code).toBe(ExitCode.usage);
    // a second name of the same file (a hard link)
    const link = join(d, "link.xlsx");
    linkSync(input, link);
    try {
      expect((await kaohe(["run", input, "-o", link])).code).toBe(ExitCode.usage);
    } finally {
      rmSync(link);
    }
    expect(sha256File(input)).toBe(hash);
  });

  it("reports an output folder that does not exist with exit code 6 and leaves nothing behind", async () => {
    const before = listDir(d);
    const r = await kaohe(["run", input, "-o", join(d, "no-such-folder", "out.xlsx")]);
    expect(r.code).toBe(ExitCode.notWritten);
    expect(r.stderr).toContain("文件夹不存在");
    expect(listDir(d)).toEqual(before);
  });

  it("draws a progress bar on a terminal", async () => {
    const r = await kaohe(["check", input], { tty: true });
    expect(r.code).toBe(0);
    // check only checks: its bar says so
    expect(r.stderr).toMatch(/检查中 \[[█░]+\]\s+\d+% /);
    expect(r.stdout).toContain("检查通过");
  });
});

describe("the scheme file", () => {
  it("uses a scheme from JSON, even one saved with a byte-order mark", async () => {
    const d = caseDir();
    const input = join(d, "in.xlsx");
    await writeWorkbook(input, { 干部考核: cadreSheet() });
    const scheme = { ...defaultScheme("cadre", 2025), title: "某县2025年度干部考核" };
    writeFileSync(join(d, "s.json"), "\uFEFF" + schemeToJson(scheme));
    const r = await kaohe(["run", input, "--scheme", join(d, "s.json"), "-o", join(d, "out.xlsx")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("某县2025年度干部考核");
  });

  it("lists every problem of an invalid scheme with exit code 5 and writes nothing", async () => {
    const d = caseDir();
    const input = join(d, "in.xlsx");
    await writeWorkbook(input, { 干部考核: cadreSheet() });
    const bad = { ...defaultScheme("cadre", 2025), grade: { ...defaultScheme("cadre").grade, cutoffs: [60, 80], topRatio: "150%" } };
    writeFileSync(join(d, "bad.json"), JSON.stringify(bad));
    writeFileSync(join(d, "broken.json"), "{ kind: cadre");
    const folder = listDir(d);
    const r = await kaohe(["run", input, "--scheme", join(d, "bad.json")]);
    expect(r.code).toBe(ExitCode.invalidScheme);
    expect(r.stderr).toMatch(/grade\.cutoffs/);
    expect(r.stderr).toMatch(/grade\.topRatio/);
    expect((await kaohe(["check", input, "--scheme", join(d, "broken.json")])).code).toBe(ExitCode.invalidScheme);
    expect((await kaohe(["check", input, "--scheme", join(d, "none.json")])).code).toBe(ExitCode.invalidScheme);
    expect((await kaohe(["check", input, "--scheme", join(d, "bad.json"), "--kind", "member"])).code).toBe(ExitCode.invalidScheme);
    expect(listDir(d)).toEqual(folder);
  });

  it("refuses a --kind that contradicts the scheme", async () => {
    const d = caseDir();
    writeFileSync(join(d, "s.json"), schemeToJson(defaultScheme("cadre", 2025)));
    const r = await kaohe(["check", join(d, "in.xlsx"), "--scheme", join(d, "s.json"), "--kind", "member"]);
    expect(r.code).toBe(ExitCode.usage);
  });
});

describe("merging townships' returns", () => {
  let d: string;
  beforeAll(async () => {
    d = caseDir();
    mkdirSync(join(d, "returns"));
    await writeWorkbook(join(d, "returns", "城关镇.xlsx"), { 干部考核: cadreSheet(cadreRows.slice(0, 3)) });
    // 东山乡 left the 乡镇 column out and ordered its columns its own way
    await writeWorkbook(join(d, "returns", "东山乡.xlsx"), {
      Sheet1: [
        ["姓名", "编号", "任务得分", "年终考评", "应发工资"],
        ["赵六", "B1", 70, 60, 3000],
        ["钱七", "B2", 91, 95, 3500],
      ],
    });
  });

  it("combines a folder into one county workbook under the standard header, with the reports", async () => {
    const hashes = listDir(join(d, "returns")).map((f) => sha256File(join(d, "returns", f)));
    const out = join(d, "全县.xlsx");
    const r = await kaohe(["merge", join(d, "returns"), "-o", out]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain("城关镇.xlsx：工作表“干部考核”，3 行");
    expect(r.stdout).toContain("东山乡.xlsx：工作表“Sheet1”，2 行");
    const wb = await readWorkbook(out);
    const ws = wb.getWorksheet("干部考核")!;
    expect(ws.getCell("A1").value).toBe("乡镇");
    const townships: unknown[] = [];
    for (let row = 2; row <= 6; row++) townships.push(ws.getCell(row, 1).value);
    // files are taken in name order: 东山乡 before 城关镇
    expect(townships.sort()).toEqual(["东山乡", "东山乡", "城关镇", "城关镇", "城关镇"].sort());
    expect(wb.getWorksheet("合并来源")).toBeDefined();
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["汇总", "审计"]));
    expect(listDir(join(d, "returns")).map((f) => sha256File(join(d, "returns", f)))).toEqual(hashes);
  });

  it("skips its own result files and Excel's lock files in the folder", async () => {
    const extra = join(d, "extra");
    mkdirSync(extra);
    copyFileSync(join(d, "returns", "城关镇.xlsx"), join(extra, "城关镇.xlsx"));
    copyFileSync(join(d, "returns", "城关镇.xlsx"), join(extra, "城关镇-结果.xlsx"));
    writeFileSync(join(extra, "~$城关镇.xlsx"), "lock");
    const r = await kaohe(["merge", extra, "-o", join(extra, "county.xlsx")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("已跳过 2 个");
  });

  it("names an unreadable return and writes nothing (exit code 3)", async () => {
    const e = join(d, "with-bad");
    mkdirSync(e);
    copyFileSync(join(d, "returns", "城关镇.xlsx"), join(e, "城关镇.xlsx"));
    writeFileSync(join(e, "西河镇.xlsx"), "乡镇,姓名\n");
    const before = listDir(e);
    const r = await kaohe(["merge", e, "-o", join(e, "county.xlsx")]);
    expect(r.code).toBe(ExitCode.unreadable);
    expect(r.stderr).toContain("西河镇.xlsx");
    expect(listDir(e)).toEqual(before);
  });

  it("names a return without the table and writes nothing (exit code 4)", async () => {
    const e = join(d, "with-other");
    mkdirSync(e);
    copyFileSync(join(d, "returns", "城关镇.xlsx"), join(e, "城关镇.xlsx"));
    await writeWorkbook(join(e, "西河镇.xlsx"), { 说明: [["本镇今年无人参加考核"]] });
    const before = listDir(e);
    const r = await kaohe(["merge", e, "-o", join(e, "county.xlsx")]);
    expect(r.code).toBe(ExitCode.tableNotFound);
    expect(r.stderr).toContain("西河镇.xlsx");
    expect(listDir(e)).toEqual(before);
  });

  it("reports an ID repeated across returns at both files, and a problem at the file, row and column to fix", async () => {
    const e = join(d, "with-dup");
    mkdirSync(e);
    copyFileSync(join(d, "returns", "城关镇.xlsx"), join(e, "城关镇.xlsx"));
    await writeWorkbook(join(e, "西河镇.xlsx"), {
      干部考核: [
        ["乡镇", "姓名", "编号", "任务得分", "应发工资"],
        ["西河镇", "孙八", "A1", 80, 3000],
        ["西河镇", "周九", "C2", "请假", 3000],
      ],
    });
    const before = listDir(e);
    const r = await kaohe(["merge", e, "-o", join(e, "county.xlsx")]);
    expect(r.code).toBe(ExitCode.dataProblems);
    expect(r.stderr).toContain("编号“A1”重复：城关镇.xlsx 第4行 与 西河镇.xlsx 第2行");
    expect(r.stdout).toContain("西河镇.xlsx 工作表“干部考核” 第2行 C列（编号）：“A1”与城关镇.xlsx 第4行重复");
    expect(r.stdout).toContain("西河镇.xlsx 工作表“干部考核” 第3行 D列（任务得分）：“请假”不是分数");
    expect(listDir(e)).toEqual(before);
  });

  it("refuses an output that is one of the inputs, and leaves a previous output in the folder out of the merge", async () => {
    const input = join(d, "returns", "城关镇.xlsx");
    const hash = sha256File(input);
    const r = await kaohe(["merge", input, join(d, "returns", "东山乡.xlsx"), "-o", input]);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stderr).toContain("不能是输入文件之一");
    expect(sha256File(input)).toBe(hash);
    const again = await kaohe(["merge", join(d, "returns"), "-o", join(d, "returns", "全县.xlsx")]);
    expect(again.code, again.stderr).toBe(0);
    const twice = await kaohe(["merge", join(d, "returns"), "-o", join(d, "returns", "全县.xlsx")]);
    expect(twice.code, twice.stderr).toBe(0);
    expect(twice.stdout).not.toContain("全县.xlsx：");
  });
});
