import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { schemeToJson } from "../../src/core/scheme";
import { defaultScheme, schemeFromJson } from "../../src/kinds/registry";
import { ExitCode } from "../../src/cli/main";
import { schemeSheet } from "../../src/workbook/scheme-sheet";
import type { CellValue } from "../../src/workbook/sheet";
import { cadreSheet, kaohe, tempDir, writeWorkbook } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe("kaohe scheme", () => {
  it("prints a kind's default scheme as JSON that loads back", async () => {
    const r = await kaohe(["scheme", "cadre"]);
    expect(r.code, r.stderr).toBe(ExitCode.ok);
    const back = schemeFromJson(r.stdout);
    expect(back.problems).toEqual([]);
    expect(back.scheme?.kind).toBe("cadre");
    expect(back.scheme?.grade.topRatio).toBe("20%");
  });

  it("exports the scheme a workbook keeps, and its kind's defaults when it keeps none", async () => {
    const s = defaultScheme("cadre", 2025);
    s.grade.topRatio = "15%";
    const sheet = schemeSheet(s);
    const withScheme = join(dir, "with.xlsx");
    await writeWorkbook(withScheme, { 干部考核: cadreSheet(), 考核方案: [sheet.columns.map((c) => c.header), ...(sheet.rows as CellValue[][])] });
    const out = join(dir, "s.json");
    const r = await kaohe(["scheme", withScheme, "-o", out]);
    expect(r.code, r.stderr).toBe(ExitCode.ok);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(JSON.parse(schemeToJson(s)));
    // never over an existing file
    const again = await kaohe(["scheme", withScheme, "-o", out]);
    expect(again.code).toBe(ExitCode.notWritten);
    const plain = join(dir, "plain.xlsx");
    await writeWorkbook(plain, { 干部考核: cadreSheet() });
    const d = await kaohe(["scheme", plain]);
    expect(schemeFromJson(d.stdout).scheme?.kind).toBe("cadre");
  });

  it("says what it needs when given neither a kind nor a workbook", async () => {
    const r = await kaohe(["scheme", "nonsense"]);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stderr).toMatch(/无法识别的考核类型“nonsense”/);
    expect(existsSync(join(dir, "nonsense"))).toBe(false);
  });
});

describe("every kind by its English and Chinese names", () => {
  it.each([
    ["secretary", "村书记"],
    ["cadre", "干部"],
    ["member", "党员"],
    ["appraisal", "测评"],
    ["fiveGood", "五好"],
    ["ledger", "台账"],
  ])("%s / %s", async (en, zh) => {
    for (const name of [en, zh]) {
      const r = await kaohe(["scheme", name]);
      expect(r.code, r.stderr).toBe(ExitCode.ok);
      expect(schemeFromJson(r.stdout).scheme?.kind).toBe(en);
    }
  });
});
