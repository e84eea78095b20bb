// kaohe run on a standard template whose result columns hold the add-in's KAOHE formulas: the summary and 审计 say which cells got values instead (issue 10).
import { join } from "node:path";
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTemplate } from "../../src/cli/xlsx-template";
import { sampleCounty } from "../../src/kinds/sample-county";
import { dataSheet, formulaCells } from "../../src/workbook/templates";
import { kaohe, readWorkbook, tempDir, type Ran } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe("kaohe run over a template's formulas", () => {
  const f = sampleCounty().files.fiveGood;
  const sheet = dataSheet(f.spec);
  let withFormulas: { r: Ran; out: string };
  let plain: { r: Ran; out: string };

  beforeAll(async () => {
    const bare = join(dir, "bare.xlsx");
    await writeTemplate(f.spec, bare, f, { validations: false });
    // The formulas as the add-in writes them after insertion, down to the template's last formatted row.
    const wb = new Workbook();
    await wb.xlsx.readFile(bare);
    const ws = wb.getWorksheet(sheet.name)!;
    for (const c of formulaCells(sheet, sheet.firstDataRow + sheet.blankRows - 1)) ws.getCell(c.row, c.col).value = { formula: c.formula.replace(/^=/, ""), result: "" };
    const filled = join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(filled);
    withFormulas = { r: await kaohe(["run", filled, "-o", join(dir, "filled-out.xlsx")]), out: join(dir, "filled-out.xlsx") };
    plain = { r: await kaohe(["run", bare, "-o", join(dir, "bare-out.xlsx")]), out: join(dir, "bare-out.xlsx") };
  }, 120_000);

  // 192 organisations under the header of row 5: data rows 6 to 197. Columns: 群众满意度 I, 达标项数 L,
  // 是否“五好” M, “五带头”比例 N; the band's 全县实际 / 是否达标 formulas sit in rows 3 and 4 of I, M and N.
  const rowsListed = "“达标项数”（L6:L197，192 个公式）、是否“五好”（M6:M197，192 个公式）、“五带头”比例（N6:N197，192 个公式）";

  it("the summary names each result column whose formulas were replaced, with its cells", () => {
    expect(f.rows.length).toBe(192);
    const { r } = withFormulas;
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("结果列原有公式，结果文件中已改写为计算值");
    expect(r.stdout).toContain(rowsListed);
    expect(r.stdout).toContain("“群众满意度”（I3:I4，2 个公式）、是否“五好”（M3:M4，2 个公式）、“五带头”比例（N3:N4，2 个公式）");
    expect(r.stdout).toContain("不再随数据自动更新");
  });

  it("审计 has a row 公式改为数值 listing the same cells", async () => {
    const wb = await readWorkbook(withFormulas.out);
    const audit = wb.getWorksheet("审计")!;
    const rows: unknown[][] = [];
    audit.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const line = rows.find((row) => row[0] === "公式改为数值");
    expect(line).toBeDefined();
    expect(String(line![1])).toContain(rowsListed);
    // The formula cells now hold the pipeline's values: the first organisation's 达标项数 is a number, not a formula.
    const cell = wb.getWorksheet(sheet.name)!.getCell(sheet.firstDataRow, 12).value;
    expect(typeof cell).toBe("number");
  });

  it("a template without formulas says nothing of the kind", async () => {
    expect(plain.r.code, plain.r.stdout + plain.r.stderr).toBe(0);
    expect(plain.r.stdout).not.toContain("原有公式");
    const wb = await readWorkbook(plain.out);
    const rows: unknown[][] = [];
    wb.getWorksheet("审计")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.some((row) => row[0] === "公式改为数值")).toBe(false);
  });
});
