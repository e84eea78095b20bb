// A county's own layout: the column mapping keyed in Chinese or English, --sheet, the township from a title, sheet or file name, and a workbook of several tables.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue } from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../src/cli/main";
import { defaultScheme } from "../../src/kinds/registry";
import { checkDraft } from "../../src/taskpane/model/draft";
import { recognise } from "../../src/taskpane/model/recognise";
import { schemeSheet } from "../../src/workbook/scheme-sheet";
import type { WorkbookData } from "../../src/workbook/sheet";
import { townshipIn, townshipOf } from "../../src/workbook/township";
import { caseDirs, kaohe, listDir, readWorkbook, tempDir, writeWorkbook } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const caseDir = caseDirs(dir);

// 综合得分 = 任务得分 × 0.8 + 年终考评 × 0.2 (the cadre defaults): 95·0.8+90·0.2 = 94, 88·0.8+80·0.2 = 86.4, 70·0.8+60·0.2 = 68.
const people: CellValue[][] = [
  ["张三", "A1", 95, 90, 5000],
  ["李四", "A2", 88, 80, 4000],
  ["赵六", "A3", 70, 60, 3000],
];
const expectedScores = [94, 86.4, 68];

/** The 综合得分 column of the result's data sheet, by name. */
async function scores(out: string, sheet: string): Promise<Record<string, number>> {
  const wb = await readWorkbook(out);
  const ws = wb.getWorksheet(sheet)!;
  let headerRow = 0;
  let nameCol = 0;
  let scoreCol = 0;
  ws.eachRow((row, r) => {
    row.eachCell((c, col) => {
      if (c.value === "姓名" && !headerRow) {
        headerRow = r;
        nameCol = col;
      }
      if (c.value === "综合得分" && r === headerRow) scoreCol = col;
    });
  });
  const out_: Record<string, number> = {};
  ws.eachRow((row, r) => {
    if (r <= headerRow) return;
    const name = row.getCell(nameCol).value;
    const v = row.getCell(scoreCol).value;
    if (typeof name === "string" && typeof v === "number") out_[name] = v;
  });
  return out_;
}

async function auditRows(out: string): Promise<string[][]> {
  const wb = await readWorkbook(out);
  const rows: string[][] = [];
  wb.getWorksheet("审计")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
  return rows;
}

describe("the column mapping, keyed by the column's Chinese name or its English id", () => {
  const ownHeader = ["乡镇", "姓名", "人员代码", "平时成绩", "年终考评", "本月应发"];
  const rows = people.map((p) => ["城关镇", ...p.slice(0, 2), p[2], p[3], p[4]]);

  for (const [what, columns] of [
    ["Chinese names", { 任务得分: "平时成绩", 应发工资: "本月应发", 编号: "人员代码" }],
    ["English ids", { taskScore: "平时成绩", pay: "本月应发", id: "人员代码" }],
    ["another spelling of the column and a full-width key", { 日常考核: "平时成绩", "工资总额": "本月应发", "编号　": "人员代码" }],
  ] as const) {
    it(`computes a county's own headers mapped by ${what}`, async () => {
      const d = caseDir();
      const input = join(d, "干部.xlsx");
      await writeWorkbook(input, { 干部考核: [ownHeader, ...rows] });
      writeFileSync(join(d, "s.json"), JSON.stringify({ kind: "cadre", columns }));
      const r = await kaohe(["run", input, "--scheme", join(d, "s.json"), "-o", join(d, "out.xlsx")]);
      expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
      expect(await scores(join(d, "out.xlsx"), "干部考核")).toEqual({ 张三: expectedScores[0], 李四: expectedScores[1], 赵六: expectedScores[2] });
    });
  }

  it("refuses a key that names no column of the kind, listing the keys it takes (exit 5)", async () => {
    const d = caseDir();
    const input = join(d, "干部.xlsx");
    await writeWorkbook(input, { 干部考核: [ownHeader, ...rows] });
    writeFileSync(join(d, "s.json"), JSON.stringify({ kind: "cadre", columns: { 任务分: "平时成绩" } }));
    const r = await kaohe(["check", input, "--scheme", join(d, "s.json")]);
    expect(r.code).toBe(ExitCode.invalidScheme);
    const all = r.stdout + r.stderr;
    expect(all).toContain("任务分");
    expect(all).toContain("不是这类考核表的列");
    expect(all).toContain("任务得分（taskScore）");
    expect(all).toContain("应发工资（pay）");
    expect(all).toContain("列对应");
  });

  it("refuses two keys for one column (exit 5)", async () => {
    const d = caseDir();
    const input = join(d, "干部.xlsx");
    await writeWorkbook(input, { 干部考核: [ownHeader, ...rows] });
    writeFileSync(join(d, "s.json"), JSON.stringify({ kind: "cadre", columns: { 任务得分: "平时成绩", taskScore: "平时成绩" } }));
    const r = await kaohe(["check", input, "--scheme", join(d, "s.json")]);
    expect(r.code).toBe(ExitCode.invalidScheme);
    expect(r.stdout + r.stderr).toContain("指同一列“任务得分”");
  });

  it("names a mapped header the table does not have, even for a column that is not required (exit 4)", async () => {
    const d = caseDir();
    const input = join(d, "干部.xlsx");
    await writeWorkbook(input, { 干部考核: [ownHeader, ...rows] });
    writeFileSync(join(d, "s.json"), JSON.stringify({ kind: "cadre", columns: { 任务得分: "平时成绩", 应发工资: "本月应发", 职务: "现任职务" } }));
    const r = await kaohe(["check", input, "--scheme", join(d, "s.json")]);
    expect(r.code).toBe(ExitCode.tableNotFound);
    expect(r.stdout).toContain("职务（方案中对应的表头“现任职务”）");
  });

  it("without the mapping, the same workbook's own headers are not taken for the standard ones (exit 4)", async () => {
    const d = caseDir();
    const input = join(d, "干部.xlsx");
    await writeWorkbook(input, { 干部考核: [ownHeader, ...rows] });
    const r = await kaohe(["check", input, "--kind", "cadre"]);
    expect(r.code).toBe(ExitCode.tableNotFound);
    expect(r.stdout).toMatch(/任务得分/);
  });
});

describe("the township of a table without a 乡镇 column", () => {
  const header = ["姓名", "编号", "任务得分", "年终考评", "应发工资"];

  it("is read from the title, and the screen and 审计 say so", async () => {
    const d = caseDir();
    const input = join(d, "上报.xlsx");
    await writeWorkbook(input, { Sheet1: [["2025年度西山镇干部绩效考核表"], [], header, ...people] });
    const r = await kaohe(["run", input, "-o", join(d, "out.xlsx")]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    expect(r.stdout).toContain("乡镇“西山镇”取自标题“2025年度西山镇干部绩效考核表”");
    const audit = await auditRows(join(d, "out.xlsx"));
    expect(audit.find((row) => row[0] === "乡镇")?.slice(0, 2)).toEqual(["乡镇", "西山镇"]);
    expect(await scores(join(d, "out.xlsx"), "Sheet1")).toEqual({ 张三: 94, 李四: 86.4, 赵六: 68 });
  });

  it("is read from the file name when the title names none", async () => {
    const d = caseDir();
    const input = join(d, "东山乡-干部考核.xlsx");
    await writeWorkbook(input, { Sheet1: [["干部绩效考核表"], header, ...people] });
    const r = await kaohe(["check", input]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    expect(r.stdout).toContain("乡镇“东山乡”取自文件名“东山乡-干部考核.xlsx”");
  });

  it("is a missing column when neither title, sheet nor file names one (exit 4)", async () => {
    const d = caseDir();
    const input = join(d, "上报.xlsx");
    await writeWorkbook(input, { Sheet1: [["乡镇干部绩效考核表"], header, ...people] });
    const r = await kaohe(["check", input]);
    expect(r.code).toBe(ExitCode.tableNotFound);
    expect(r.stdout).toContain("乡镇");
  });

  it("names a township in words, never a county, a year or 乡镇 itself", () => {
    expect(townshipIn("2025年度城关镇党员星级评定表")).toBe("城关镇");
    expect(townshipIn("某某县东山乡2025年上半年考核")).toBe("东山乡");
    expect(townshipIn("某市某县城关镇")).toBe("城关镇");
    expect(townshipIn("西城街道（修改）")).toBe("西城街道");
    expect(townshipIn("党员星级评定（南关镇）")).toBe("南关镇");
    expect(townshipIn("乡镇干部绩效考核表")).toBeUndefined();
    expect(townshipIn("全镇党员星级评定")).toBeUndefined();
    expect(townshipIn("2025年乡村振兴考核")).toBeUndefined();
    expect(townshipIn("Sheet1")).toBeUndefined();
    expect(townshipIn("城区街道办事处")).toBe("城区街道");
    // The title first, then the sheet's name, then the file's.
    expect(townshipOf([["干部考核表"]], "城关镇", "东山乡.xlsx")).toEqual({ name: "城关镇", from: "sheetName", text: "城关镇" });
    expect(townshipOf([["2025年度西山镇干部考核表"]], "城关镇", "东山乡.xlsx")?.from).toBe("title");
    expect(townshipOf([], "Sheet1", "/x/东山乡.xlsx")).toEqual({ name: "东山乡", from: "fileName", text: "东山乡.xlsx" });
  });
});

describe("a workbook of several tables: two townships in two sheets", () => {
  const header = ["姓名", "编号", "任务得分", "年终考评", "应发工资"];
  // 城关镇: the three people above; 东山乡: 钱七 80·0.8+70·0.2 = 78, 孙八 60·0.8+100·0.2 = 68.
  const dongshan: CellValue[][] = [
    ["钱七", "B1", 80, 70, 3500],
    ["孙八", "B2", 60, 100, 3600],
  ];
  const book = async (d: string) => {
    const input = join(d, "两镇.xlsx");
    await writeWorkbook(input, { 城关镇: [header, ...people], 东山乡: [["干部绩效考核表"], header, ...dongshan] });
    return input;
  };

  it("check, without --sheet, checks every table and says each township's source", async () => {
    const d = caseDir();
    const r = await kaohe(["check", await book(d)]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    expect(r.stdout).toContain("有 2 张考核表");
    expect(r.stdout).toContain("工作表“城关镇”（乡镇干部绩效考核与绩效工资）");
    expect(r.stdout).toContain("工作表“东山乡”（乡镇干部绩效考核与绩效工资）");
    expect(r.stdout).toContain("乡镇“城关镇”取自工作表名“城关镇”");
    expect(r.stdout).toContain("乡镇“东山乡”取自工作表名“东山乡”");
    expect(r.stdout.match(/检查通过/g)).toHaveLength(2);
  });

  it("check reports a problem in the second table too, and exits 1", async () => {
    const d = caseDir();
    const input = join(d, "两镇.xlsx");
    await writeWorkbook(input, { 城关镇: [header, ...people], 东山乡: [header, ["钱七", "B1", 180, 70, 3500]] });
    const r = await kaohe(["check", input]);
    expect(r.code).toBe(ExitCode.dataProblems);
    expect(r.stdout).toContain("工作表“东山乡” 第2行 C列（任务得分）");
    expect(r.stdout).toMatch(/检查通过/);
  });

  it("run refuses to choose a table, naming them; with --sheet each table has a result file of its own", async () => {
    const d = caseDir();
    const input = await book(d);
    const refused = await kaohe(["run", input]);
    expect(refused.code).toBe(ExitCode.usage);
    expect(refused.stderr).toContain("工作表“城关镇”（乡镇干部绩效考核与绩效工资）、工作表“东山乡”（乡镇干部绩效考核与绩效工资）");
    expect(refused.stderr).toContain("--sheet");
    expect(listDir(d)).toEqual(["两镇.xlsx"]);

    const first = await kaohe(["run", input, "--sheet", "城关镇"]);
    expect(first.code, first.stdout + first.stderr).toBe(ExitCode.ok);
    const second = await kaohe(["run", input, "--sheet", "东山乡"]);
    expect(second.code, second.stdout + second.stderr).toBe(ExitCode.ok);
    expect(listDir(d)).toEqual(["两镇-东山乡-结果.xlsx", "两镇-城关镇-结果.xlsx", "两镇.xlsx"].sort());
    expect(await scores(join(d, "两镇-城关镇-结果.xlsx"), "城关镇")).toEqual({ 张三: 94, 李四: 86.4, 赵六: 68 });
    expect(await scores(join(d, "两镇-东山乡-结果.xlsx"), "东山乡")).toEqual({ 钱七: 78, 孙八: 68 });
    const audit = await auditRows(join(d, "两镇-东山乡-结果.xlsx"));
    expect(audit.find((row) => row[0] === "数据表")?.[1]).toBe("东山乡");
    expect(audit.find((row) => row[0] === "乡镇")?.[1]).toBe("东山乡");
  });

  it("--sheet naming no sheet is exit 4, listing the sheets", async () => {
    const d = caseDir();
    const input = await book(d);
    for (const command of ["run", "check"]) {
      const r = await kaohe([command, input, "--sheet", "西山镇"]);
      expect(r.code).toBe(ExitCode.tableNotFound);
      expect(r.stdout).toContain("工作表“西山镇”：工作簿中没有这个工作表。工作表有：“城关镇”、“东山乡”");
    }
    expect(existsSync(join(d, "两镇-西山镇-结果.xlsx"))).toBe(false);
  });

  it("--sheet finds a sheet as Excel does, whatever the letter case", async () => {
    const d = caseDir();
    const input = join(d, "in.xlsx");
    await writeWorkbook(input, { Data: [["乡镇", ...header], ...people.map((p) => ["城关镇", ...p])], Other: [["x"]] });
    const r = await kaohe(["check", input, "--sheet", "data"]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
  });
});

describe("merge says whose scheme the county's is", () => {
  it("names the file it came from and a return whose scheme differs, on screen and in 审计", async () => {
    const d = caseDir();
    mkdirSync(join(d, "returns"));
    const cadre = defaultScheme("cadre", 2025);
    const lenient = { ...cadre, grade: { ...cadre.grade, topRatio: "100%" } };
    const write = async (file: string, township: string, scheme: typeof cadre) => {
      const drawn = schemeSheet(scheme);
      await writeWorkbook(join(d, "returns", file), {
        干部考核: [["乡镇", "姓名", "编号", "任务得分", "年终考评", "应发工资"], [township, `${township}甲`, `${file}1`, 90, 90, 5000]],
        考核方案: [[drawn.title], drawn.columns.map((c) => c.header), ...(drawn.rows as CellValue[][])],
      });
    };
    await write("1城关镇.xlsx", "城关镇", cadre);
    await write("2东山乡.xlsx", "东山乡", lenient);
    await write("3西山镇.xlsx", "西山镇", cadre);
    const out = join(d, "全县.xlsx");
    const r = await kaohe(["merge", join(d, "returns"), "-o", out]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    expect(r.stdout).toContain("全县考核方案：取自“1城关镇.xlsx”的“考核方案”（2 个上报文件带有这一方案，共 3 个文件）");
    expect(r.stderr).toContain("“2东山乡.xlsx”自带的考核方案与全县方案不同，按全县方案计算：等次 最高等次比例：全县 20%，本文件 100%");
    const audit = await auditRows(out);
    expect(audit.find((row) => row[0] === "全县考核方案")?.[1]).toBe("1城关镇.xlsx");
    expect(audit.find((row) => row[0] === "方案不同的上报文件")?.slice(0, 3)).toEqual(["方案不同的上报文件", "2东山乡.xlsx", "按全县方案计算；不同的设置：等次 最高等次比例：全县 20%，本文件 100%"]);
    expect(audit.find((row) => row[0] === "等次 最高等次比例")?.[1]).toBe("20%");
  });
});

describe("the pane reads the same mapping", () => {
  it("the start screen finds a county's own headers mapped by their Chinese names", () => {
    const cadre = defaultScheme("cadre", 2025);
    const workbook: WorkbookData = { sheets: [{ name: "干部考核", rows: [["乡镇", "姓名", "平时成绩", "本月应发"], ["城关镇", "张三", 90, 5000]] }] };
    expect(recognise(workbook, cadre)?.missing).toEqual(["任务得分", "应发工资"]);
    expect(recognise(workbook, { ...cadre, columns: { 任务得分: "平时成绩", 应发工资: "本月应发" } })).toEqual({ kind: "cadre", sheet: "干部考核", missing: [], fromScheme: true });
  });

  it("the scheme page names a key that is no column of the kind, and keeps a Chinese key as written", () => {
    const cadre = defaultScheme("cadre", 2025);
    const bad = checkDraft({ ...cadre, columns: { 任务分: "平时成绩" } });
    expect(bad.scheme).toBeUndefined();
    expect(bad.problems.map((p) => p.path)).toEqual(["columns.任务分"]);
    expect(bad.problems[0].zh).toContain("任务得分（taskScore）");
    expect(checkDraft({ ...cadre, columns: { 任务得分: "平时成绩" } }).scheme?.columns).toEqual({ 任务得分: "平时成绩" });
  });
});
