// kaohe run … --with: a cadre table's 年终考评 taken from an appraisal workbook, and from an appraisal sheet of the same workbook.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cadreSheet, kaohe, readWorkbook, tempDir, writeWorkbook } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const rows = [
  ["城关镇", "张三", "A1", "科员", 95, null, 5000, ""],
  ["城关镇", "李四", "A2", "科员", 90, null, 4000, ""],
];
const appraisal = [
  ["单位", "姓名", "编号", "自评", "互评", "群众评议", "支部评定"],
  ["城关镇", "张三", "a1", 80, 90, 70, 100], // 86
  ["城关镇", "李四", "a2", 75, 75, 75, 75], // 75
];

/** The 综合得分 of each data row of the result's 干部考核 sheet, by its header. */
async function totals(path: string): Promise<unknown[]> {
  const ws = (await readWorkbook(path)).getWorksheet("干部考核")!;
  const header = ws.getRow(3).values as unknown[];
  const col = header.indexOf("综合得分");
  const yearEnd = header.indexOf("年终考评");
  return [4, 5].map((r) => [ws.getRow(r).getCell(yearEnd).value, ws.getRow(r).getCell(col).value]);
}

describe("kaohe run --with", () => {
  it("takes the cadres' 年终考评 from another workbook's appraisal", async () => {
    const input = join(dir, "干部.xlsx");
    const other = join(dir, "民主测评.xlsx");
    await writeWorkbook(input, { 干部考核: cadreSheet(rows) });
    await writeWorkbook(other, { 民主测评: appraisal });
    const out = join(dir, "干部-结果.xlsx");
    const r = await kaohe(["run", input, "--with", other, "-o", out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("“年终考评”取自“民主测评.xlsx”的“民主测评”表的综合得分：2 人");
    // .8 × 95 + .2 × 86 = 93.2; .8 × 90 + .2 × 75 = 87
    expect(await totals(out)).toEqual([
      [86, 93.2],
      [75, 87],
    ]);
    const wb = await readWorkbook(out);
    expect(wb.getWorksheet("关联核对")).toBeDefined();
  });

  it("without --with, without a blank 年终考评 filled, is a problem naming the row", async () => {
    const input = join(dir, "干部2.xlsx");
    await writeWorkbook(input, { 干部考核: cadreSheet(rows) });
    const r = await kaohe(["run", input, "-o", join(dir, "x.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain("年终考评");
  });

  it("computes the cadre table of a workbook holding its appraisal too, with no --sheet", async () => {
    const input = join(dir, "干部3.xlsx");
    await writeWorkbook(input, { 干部考核: cadreSheet(rows), 民主测评: appraisal });
    const out = join(dir, "干部3-结果.xlsx");
    const r = await kaohe(["run", input, "-o", out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(await totals(out)).toEqual([
      [86, 93.2],
      [75, 87],
    ]);
  });

  it("says a --with workbook it took nothing from", async () => {
    const input = join(dir, "干部4.xlsx");
    const other = join(dir, "无关.xlsx");
    await writeWorkbook(input, { 干部考核: cadreSheet(rows.map((r) => [...r.slice(0, 5), 80, ...r.slice(6)])) });
    await writeWorkbook(other, { 表1: [["甲", "乙"], [1, 2]] });
    const r = await kaohe(["run", input, "--with", other, "-o", join(dir, "y.xlsx")]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain("“无关.xlsx”中没有本表可以取数的考核表，未使用");
  });
});
