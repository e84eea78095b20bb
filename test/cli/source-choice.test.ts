// kaohe run --source: the sheet a link reads where several could be read, by its name or as [file]sheet; a name that is no such sheet is a usage error listing the ones that are.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/workbook/sheet";
import { kaohe, readWorkbook, tempDir, writeWorkbook } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const cadre: CellValue[][] = [["2025年度乡镇干部绩效考核表"], [], ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"], ["城关镇", "李四", "A2", "科员", 90, null, 4000, ""]];
/** 李四's rater groups all give `score`, so his composite is `score` whatever the weights. */
const appraisal = (score: number): CellValue[][] => [["单位", "姓名", "编号", "自评", "互评", "群众评议", "支部评定"], ["城关镇", "李四", "A2", score, score, score, score]];

/** 李四's 综合得分 in the result: 任务得分 × 0.8 + 年终考评 × 0.2. */
async function composite(out: string): Promise<unknown> {
  const ws = (await readWorkbook(out)).getWorksheet("干部考核")!;
  const header = ws.getRow(3).values as unknown[];
  const v = ws.getRow(4).getCell(header.indexOf("综合得分")).value as unknown;
  return v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;
}

describe("kaohe run --source", () => {
  const input = join(dir, "干部考核.xlsx");
  const other = join(dir, "测评.xlsx");

  it("reads the first appraisal found without it, and the one named with it", async () => {
    await writeWorkbook(input, { 干部考核: cadre });
    // Last year's appraisal first, this year's second.
    await writeWorkbook(other, { "2024民主测评": appraisal(75), 民主测评: appraisal(90) });
    const first = await kaohe(["run", input, "--with", other, "-o", join(dir, "first.xlsx")]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    // .8 × 90 + .2 × 75 = 87
    expect(await composite(join(dir, "first.xlsx"))).toBe(87);
    for (const [name, source] of [["byName.xlsx", "民主测评"], ["byFile.xlsx", "[测评.xlsx]民主测评"]]) {
      const r = await kaohe(["run", input, "--with", other, "--source", source, "-o", join(dir, name)]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain("“年终考评”取自“测评.xlsx”的“民主测评”表的综合得分：1 人");
      // .8 × 90 + .2 × 90 = 90
      expect(await composite(join(dir, name))).toBe(90);
    }
  });

  it("refuses a name that is no sheet a link could read, listing the ones that are (exit 2)", async () => {
    await writeWorkbook(input, { 干部考核: cadre });
    await writeWorkbook(other, { "2024民主测评": appraisal(75), 民主测评: appraisal(90) });
    const r = await kaohe(["check", input, "--with", other, "--source", "2023民主测评"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--source：找不到“2023民主测评”这张可取数的表；可以指定：[测评.xlsx]2024民主测评（民主测评/述职评议汇总）、[测评.xlsx]民主测评（民主测评/述职评议汇总）");
  });
});
