// The page's worker and kaohe run, given the same messy return and skipping its bad rows, write the same cells: every sheet, value, formula and number format.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../src/web/checksum";
import { createWork } from "../../src/web/work";
import { kaohe, tempDir } from "../cli/helpers";
import { differences } from "./compare";
import { messyReturn, type CountyFile } from "./county-file";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** The clock kaohe() of the command-line tests runs with, so both 审计 sheets carry one date. */
const NOW = new Date("2025-12-31T08:00:00Z");

async function load(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("the page's result workbook and kaohe run's, for the sample county's messy member return", () => {
  let file: CountyFile;
  let cli: Workbook;
  let page: Workbook;
  let skipped: number;

  beforeAll(async () => {
    file = await messyReturn(dir);
    const out = join(dir, "cli-result.xlsx");
    const ran = await kaohe(["run", file.path, "--skip-bad-rows", "-o", out]);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    cli = await load(readFileSync(out));

    const work = createWork({ now: () => NOW, checksum: sha256 });
    const bytes = readFileSync(file.path);
    const noop = () => {};
    await work.handle({ type: "open", file: new Blob([bytes]), name: file.fileName }, noop);
    const result = await work.handle({ type: "assess", options: { skipBadRows: true } }, noop);
    expect(result.status).toBe("ok");
    skipped = result.ignored.length;
    const written = await work.handle({ type: "draw" }, noop);
    expect(written.fileName).toBe(file.fileName.replace(/\.xlsx$/, "-结果.xlsx"));
    page = await load(new Uint8Array(written.bytes));
  }, 300_000);

  it("skips exactly the rows with problems", () => {
    // Each messy row is left out once, however many problems it has.
    expect(skipped).toBe(new Set(file.problems.map((p) => p.row)).size);
    expect(skipped).toBeGreaterThan(0);
  });

  it("writes the same sheets and the same cells", () => {
    expect(differences(cli, page)).toEqual([]);
    // Not two empty workbooks: the reports are there, with the run's rows.
    expect(page.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["审计", "考核方案", "配额核查"]));
  });
});
