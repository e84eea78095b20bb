// Old formats (.xls, .ods, .xlsb) written by SheetJS's own writer: checked and computed like the same table as .xlsx, the result always an .xlsx, the input untouched.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { utils, write, type WorkBook } from "@e965/xlsx";
import { afterAll, describe, expect, it } from "vitest";
import { declaredUnzippedBytes, MAX_UNZIPPED_BYTES, openLegacy } from "../../src/cli/legacy";
import { ExitCode } from "../../src/cli/main";
import { openXlsx, sniff } from "../../src/cli/xlsx";
import { caseDirs, kaohe, listDir, readWorkbook, sha256File, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const caseDir = caseDirs(dir);

/**
 * A township's cadre table as offices keep it: a title, the header on row 3, 乡镇 merged over its
 * people (A4:A6), a year-end score that is a formula's cached value (E5 = 40 + 40), and a 合计 row.
 */
function cadreBook(): WorkBook {
  const ws = utils.aoa_to_sheet([
    ["2025年度乡镇干部绩效考核表"],
    [],
    ["乡镇", "姓名", "编号", "任务得分", "年终考评", "应发工资"],
    ["城关镇", "张三", "A1", 95, 90, 5000],
    [null, "李四", "A2", 88, 80, 4000],
    [null, "王五", "A3", 70, 60, 3000],
    ["东山乡", "赵六", "B1", 60, 100, 3600],
    ["合计", null, null, null, null, 15600],
  ]);
  ws["E5"] = { t: "n", v: 80, f: "40+40" };
  ws["!merges"] = [{ s: { r: 3, c: 0 }, e: { r: 5, c: 0 } }];
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, "干部考核");
  return wb;
}

// 综合得分 = 任务得分 × 0.8 + 年终考评 × 0.2: 张三 95·0.8+90·0.2 = 94; 李四 88·0.8+80·0.2 = 86.4;
// 王五 70·0.8+60·0.2 = 68; 赵六 60·0.8+100·0.2 = 68.
const expected = { 张三: 94, 李四: 86.4, 王五: 68, 赵六: 68 };

/** Each person's result cells on the data sheet (综合得分 … 说明), by name. */
async function results(out: string): Promise<Record<string, unknown[]>> {
  const ws = (await readWorkbook(out)).getWorksheet("干部考核")!;
  const header = ws.getRow(3).values as unknown[];
  const first = header.indexOf("综合得分");
  const byName: Record<string, unknown[]> = {};
  ws.eachRow((row, r) => {
    if (r <= 3) return;
    const v = row.values as unknown[];
    if (typeof v[2] === "string") byName[v[2]] = v.slice(first);
  });
  return byName;
}

const bookTypes = [
  ["an Excel 97-2003 .xls", "biff8", "上报.xls"],
  ["an OpenDocument .ods", "ods", "上报.ods"],
  ["an Excel binary .xlsb", "xlsb", "上报.xlsb"],
  // WPS saves .et as an OLE file with a BIFF8 Workbook stream, as Excel 97-2003 does.
  ["a WPS .et", "biff8", "上报.et"],
] as const;

describe("old formats are read directly, and computed as the same table as .xlsx", () => {
  it("the same table as .xlsx gives the hand-computed scores", async () => {
    const d = caseDir();
    const input = join(d, "上报.xlsx");
    writeFileSync(input, write(cadreBook(), { type: "buffer", bookType: "xlsx" }));
    const r = await kaohe(["run", input]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    const got = await results(join(d, "上报-结果.xlsx"));
    expect(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v[0]]))).toEqual(expected);
  });

  for (const [what, bookType, file] of bookTypes) {
    it(`${what}: check passes, run writes an .xlsx beside it with the results the .xlsx gives, the input untouched`, async () => {
      const d = caseDir();
      const input = join(d, file);
      writeFileSync(input, write(cadreBook(), { type: "buffer", bookType }));
      const reference = join(d, "参照.xlsx");
      writeFileSync(reference, write(cadreBook(), { type: "buffer", bookType: "xlsx" }));
      const before = sha256File(input);

      const checked = await kaohe(["check", input]);
      expect(checked.code, checked.stdout + checked.stderr).toBe(ExitCode.ok);
      expect(checked.stdout).toContain("4 行数据");

      const ran = await kaohe(["run", input]);
      expect(ran.code, ran.stdout + ran.stderr).toBe(ExitCode.ok);
      expect(ran.stderr).toContain("格式和公式");
      expect(sha256File(input)).toBe(before);
      expect(await kaohe(["run", reference])).toMatchObject({ code: ExitCode.ok });
      expect(listDir(d)).toEqual(["上报-结果.xlsx", file, "参照-结果.xlsx", "参照.xlsx"].sort());

      const got = await results(join(d, "上报-结果.xlsx"));
      expect(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v[0]]))).toEqual(expected);
      // Every result cell (grade, coefficient, pay …) is what the same table as .xlsx gives.
      expect(got).toEqual(await results(join(d, "参照-结果.xlsx")));
      const audit = (await readWorkbook(join(d, "上报-结果.xlsx"))).getWorksheet("审计")!;
      const inputRow = audit.getSheetValues().find((row) => Array.isArray(row) && row[1] === "输入文件") as unknown[];
      expect(inputRow[2]).toBe(file);
    });
  }

  it("refuses an .xls output name: the result is always an .xlsx", async () => {
    const d = caseDir();
    const input = join(d, "上报.xls");
    writeFileSync(input, write(cadreBook(), { type: "buffer", bookType: "biff8" }));
    const r = await kaohe(["run", input, "-o", join(d, "out.xls")]);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stderr).toContain(".xlsx 结尾");
  });

  it("reads dates as serials, merged areas, errors and a formula's cached value from an .xls", async () => {
    const d = caseDir();
    const ws = utils.aoa_to_sheet([["组织", "类型", "日期"], ["一村", "走访", new Date(Date.UTC(2025, 2, 5))], ["二村", null, 45000]], { cellDates: true });
    ws["D2"] = { t: "e", v: 0x07 };
    ws["E2"] = { t: "n", v: 12, f: "3*4" };
    ws["!ref"] = "A1:E3";
    ws["!merges"] = [{ s: { r: 1, c: 1 }, e: { r: 2, c: 1 } }];
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, "台账");
    const path = join(d, "台账.xls");
    writeFileSync(path, write(wb, { type: "buffer", bookType: "biff8" }));
    const data = (await openXlsx(path)).data;
    // 2025-03-05 is serial 45721: 2025-01-01 is 45658, plus 31 + 28 + 4 days.
    expect(data.sheets).toEqual([
      {
        name: "台账",
        rows: [
          ["组织", "类型", "日期"],
          ["一村", "走访", 45721, "#DIV/0!", 12],
          ["二村", null, 45000],
        ],
        merges: [{ top: 1, left: 1, bottom: 2, right: 1 }],
      },
    ]);
  });

  it("a sheet named constructor is a sheet like any other; one named __proto__, which SheetJS cannot keep, is refused by name, never dropped", async () => {
    const d = caseDir();
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([["__proto__", "polluted"], ["constructor", 1]]), "constructor");
    const path = join(d, "x.xls");
    writeFileSync(path, write(wb, { type: "buffer", bookType: "biff8" }));
    const data = (await openXlsx(path)).data;
    expect(data.sheets.map((s) => s.name)).toEqual(["constructor"]);
    expect(data.sheets[0].rows).toEqual([
      ["__proto__", "polluted"],
      ["constructor", 1],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A table in a sheet called constructor is computed like any other.
    const table = cadreBook();
    table.SheetNames = ["constructor"];
    table.Sheets = { constructor: table.Sheets["干部考核"] };
    const named = join(d, "c.xls");
    writeFileSync(named, write(table, { type: "buffer", bookType: "biff8" }));
    const ran = await kaohe(["run", named]);
    expect(ran.code, ran.stdout + ran.stderr).toBe(ExitCode.ok);
    expect(ran.stdout).toContain("工作表“constructor”，4 行");
    // Nothing inherited was taken for a header row to freeze or style.
    const back = (await readWorkbook(join(d, "c-结果.xlsx"))).getWorksheet("constructor")!;
    expect((back.views ?? []).filter((v) => v.state === "frozen")).toEqual([]);

    utils.book_append_sheet(wb, utils.aoa_to_sheet([["x"]]), "__proto__");
    const bad = join(d, "y.xls");
    writeFileSync(bad, write(wb, { type: "buffer", bookType: "biff8" }));
    const r = await kaohe(["check", bad]);
    expect(r.code).toBe(ExitCode.unreadable);
    expect(r.stderr).toContain("工作表“__proto__”");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a zip-based file that declares more than it may inflate to, before reading it (exit 3)", async () => {
    const d = caseDir();
    const buf = Buffer.from(write(cadreBook(), { type: "buffer", bookType: "ods" }));
    expect(sniff(buf)).toBe("ods");
    const honest = declaredUnzippedBytes(buf)!;
    expect(honest).toBeGreaterThan(0);
    expect(honest).toBeLessThan(MAX_UNZIPPED_BYTES);
    // Raise the first central-directory entry's declared size (offset 24 in the entry) past the bound.
    const cd = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(MAX_UNZIPPED_BYTES + 1, cd + 24);
    const path = join(d, "大.ods");
    writeFileSync(path, buf);
    expect(() => openLegacy(path, readFileSync(path), "ods")).toThrow(/damaged or not recognised/);
    const r = await kaohe(["check", path]);
    expect(r.code).toBe(ExitCode.unreadable);
    expect(r.stderr).toContain("OpenDocument 表格（.ods）");
  });

  it("an .xls that SheetJS cannot read is named as damaged, with what to do (exit 3)", async () => {
    const d = caseDir();
    const bytes = Buffer.from(write(cadreBook(), { type: "buffer", bookType: "biff8" }));
    // The directory entry of the Workbook stream (its name first) points its first sector past the file's end.
    const entry = bytes.indexOf(Buffer.from("Workbook", "utf16le"));
    bytes.writeUInt32LE(0x00fffff0, entry + 116);
    const path = join(d, "坏.xls");
    writeFileSync(path, bytes);
    const r = await kaohe(["check", path]);
    expect(r.code).toBe(ExitCode.unreadable);
    expect(r.stderr).toMatch(/旧版 Excel 97-2003 格式（\.xls）.*请另存为 \.xlsx/);
  });

  it("merge reads the .xls and .ods files in a folder", async () => {
    const d = caseDir();
    const one = utils.book_new();
    utils.book_append_sheet(one, utils.aoa_to_sheet([["乡镇", "姓名", "编号", "任务得分", "年终考评", "应发工资"], ["城关镇", "张三", "A1", 95, 90, 5000]]), "干部考核");
    const two = utils.book_new();
    utils.book_append_sheet(two, utils.aoa_to_sheet([["乡镇", "姓名", "编号", "任务得分", "年终考评", "应发工资"], ["东山乡", "赵六", "B1", 60, 100, 3600]]), "干部考核");
    mkdirSync(join(d, "returns"));
    writeFileSync(join(d, "returns", "城关镇.xls"), write(one, { type: "buffer", bookType: "biff8" }));
    writeFileSync(join(d, "returns", "东山乡.ods"), write(two, { type: "buffer", bookType: "ods" }));
    const r = await kaohe(["merge", join(d, "returns"), "-o", join(d, "全县.xlsx")]);
    expect(r.code, r.stdout + r.stderr).toBe(ExitCode.ok);
    expect(r.stdout).toContain("城关镇.xls：工作表“干部考核”，1 行");
    expect(r.stdout).toContain("东山乡.ods：工作表“干部考核”，1 行");
  });
});
