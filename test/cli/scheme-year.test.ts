// The year in a scheme's title: the data's year unless the user wrote one in, never the current year (a 2025 table run in 2026).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { cadreHeader, cadreRows, caseDirs, tempDir, writeWorkbook } from "./helpers";

const tmp = tempDir();
const newDir = caseDirs(tmp.dir);
afterAll(() => tmp.cleanup());

/** kaohe run in-process on a day of 2026, when the past year's assessments are done. */
async function kaohe2026(args: string[], cwd: string, day = "2026-06-15T08:00:00Z") {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false, columns: 100 },
    env: {},
    cwd,
    now: () => new Date(day),
  });
  return { code, stdout, stderr };
}

const title = (dir: string, file: string) => (JSON.parse(readFileSync(join(dir, file), "utf8")) as { title: string }).title;

describe("kaohe scheme KIND and the year", () => {
  it("leaves the year blank in 2026 rather than writing 2026", async () => {
    const dir = newDir();
    const r = await kaohe2026(["scheme", "cadre", "-o", "s.json"], dir);
    expect(r.code).toBe(0);
    expect(title(dir, "s.json")).toBe("______年度乡镇干部绩效考核与绩效工资");
  });

  it("writes the year --year gives", async () => {
    const dir = newDir();
    expect((await kaohe2026(["scheme", "cadre", "--year", "2025", "-o", "s.json"], dir)).code).toBe(0);
    expect(title(dir, "s.json")).toBe("2025年度乡镇干部绩效考核与绩效工资");
  });

  it("refuses a --year that is not a year of four digits, saying so in both languages", async () => {
    const dir = newDir();
    const r = await kaohe2026(["scheme", "cadre", "--year", "25"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--year 应为四位年份");
    expect(r.stderr).toContain("--year is a year of four digits");
  });

  it("a workbook's scheme takes the year of the table's title", async () => {
    const dir = newDir();
    await writeWorkbook(join(dir, "in.xlsx"), { 干部考核: [["2025年度城关镇干部绩效考核表"], cadreHeader, ...cadreRows] });
    expect((await kaohe2026(["scheme", "in.xlsx", "-o", "s.json"], dir, "2026-02-10T08:00:00Z")).code).toBe(0);
    expect(title(dir, "s.json")).toBe("2025年度乡镇干部绩效考核与绩效工资");
  });
});

describe("kaohe run with an exported scheme", () => {
  it("fills the blank year with the year of the table's title, in the summary and the reports", async () => {
    const dir = newDir();
    await writeWorkbook(join(dir, "in.xlsx"), { 干部考核: [["2025年度城关镇干部绩效考核表"], cadreHeader, ...cadreRows] });
    expect((await kaohe2026(["scheme", "cadre", "-o", "s.json"], dir)).code).toBe(0);
    const r = await kaohe2026(["run", "in.xlsx", "--scheme", "s.json", "-o", "out.xlsx"], dir);
    expect(r.code).toBe(0);
    const said = r.stdout + r.stderr;
    expect(said).toContain("2025年度乡镇干部绩效考核与绩效工资");
    expect(said).not.toContain("2026年度");
    expect(said).not.toContain("____");
  });

  it("keeps a year the user wrote into the scheme's title", async () => {
    const dir = newDir();
    await writeWorkbook(join(dir, "in.xlsx"), { 干部考核: [["2025年度城关镇干部绩效考核表"], cadreHeader, ...cadreRows] });
    expect((await kaohe2026(["scheme", "cadre", "--year", "2024", "-o", "s.json"], dir)).code).toBe(0);
    const r = await kaohe2026(["run", "in.xlsx", "--scheme", "s.json", "-o", "out.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain("2024年度乡镇干部绩效考核与绩效工资");
  });
});
