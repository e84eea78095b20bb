// County-layout cases written as .xlsx files and run through kaohe: what a clerk sees on screen and in the result file.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { CellValue } from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { kaohe, readWorkbook, tempDir, writeWorkbook } from "../cli/helpers";
import { cadreHeader, explanation, fiveCadres } from "./county-corpus-helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe("county workbooks through kaohe", () => {
  it("a formula saved without its result stops the run, naming the cell", async () => {
    const input = join(dir, "formula.xlsx");
    // 丙's 年终考评 (row 4, column D) is =78+2 with no cached result, as a script would save it.
    const rows: CellValue[][] = [cadreHeader, ...fiveCadres.map((c) => [...c])];
    rows[3][3] = { formula: "78+2" } as CellValue;
    await writeWorkbook(input, { 干部考核: rows });
    const r = await kaohe(["run", input, "-o", join(dir, "formula-out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("第4行 D列（年终考评）：公式没有计算结果：请在 Excel 或 WPS 中打开、保存后再试");
    expect(existsSync(join(dir, "formula-out.xlsx"))).toBe(false);
  });

  it("a formula with its result is read as the result", async () => {
    const input = join(dir, "formula-cached.xlsx");
    const rows: CellValue[][] = [cadreHeader, ...fiveCadres.map((c) => [...c])];
    rows[3][3] = { formula: "78+2", result: 80 } as CellValue;
    await writeWorkbook(input, { 干部考核: rows });
    const out = join(dir, "formula-cached-out.xlsx");
    const r = await kaohe(["run", input, "-o", out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const ws = (await readWorkbook(out)).getWorksheet("干部考核")!;
    // 丙: 0.8 × 88 + 0.2 × 80 = 86.4, in the first result column (F, after 应发工资).
    expect(ws.getCell("F4").value).toBe(86.4);
  });

  it("a footer with the pool total under 姓名 and a table under 40 lines of explanation compute, with --skip-bad-rows or without", async () => {
    const input = join(dir, "footer.xlsx");
    const rows: CellValue[][] = [...explanation(40), ["城关镇2025年度干部绩效考核表"], ["序号", ...cadreHeader], ...fiveCadres.map((c, i) => [i + 1, ...c]), ["绩效工资总额（元）：", null, 368000], ["制表人：王某"]];
    await writeWorkbook(input, { 干部考核: rows });
    for (const extra of [[], ["--skip-bad-rows"]]) {
      const out = join(dir, `footer-out${extra.length}.xlsx`);
      const r = await kaohe(["run", input, "-o", out, ...extra]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).not.toContain("没有分数");
      // The footer is row 48 (40 lines, the title, the header, five cadres): pointed out, not used.
      expect(r.stdout).toContain("第48行写有“绩效工资总额（元）：”（368000.00 元）");
      const audit = (await readWorkbook(out)).getWorksheet("审计")!;
      const texts: string[] = [];
      audit.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
      expect(texts.join("\n")).toContain("没有“岗位系数”列");
    }
  });
});
