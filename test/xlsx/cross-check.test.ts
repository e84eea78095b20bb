import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeTemplate } from "../../src/cli/xlsx-template";
import { sampleCounty } from "../../src/kinds/sample-county";
import { readWorkbookBytes } from "../../src/xlsx";
import { tempDir } from "../cli/helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Every cell of every sheet, 1-based, so the formula question is asked of each. */
function cells(sheets: { name: string; rows: unknown[][] }[]): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (const s of sheets) s.rows.forEach((row, r) => row.forEach((_v, c) => out.push([s.name, r + 1, c + 1])));
  return out;
}

const kinds = Object.keys(sampleCounty().files);

describe("the streaming reader gives what the ExcelJS reader gives, on the sample county's files", () => {
  it("has files to compare", () => expect(kinds.length).toBeGreaterThanOrEqual(5));
  for (const mess of [false, true])
    it.each(kinds.map((k) => [k]))(`%s (${mess ? "with" : "without"} the documented mess)`, async (kind) => {
      const county = sampleCounty({ mess });
      const f = county.files[kind as keyof typeof county.files];
      const path = join(dir, `${kind}-${mess}.xlsx`);
      await writeTemplate(f.spec, path, f);
      const bytes = new Uint8Array(readFileSync(path));
      const streamed = await readWorkbookBytes(bytes, { name: f.fileName });
      const modelled = await readWorkbookBytes(bytes, { name: f.fileName, engine: "exceljs" });
      expect(streamed.data).toEqual(modelled.data);
      expect(streamed.notes).toEqual(modelled.notes);
      for (const [sheet, row, col] of cells(modelled.data.sheets)) expect(streamed.holdsFormula(sheet, row, col), `${sheet} R${row}C${col}`).toBe(modelled.holdsFormula(sheet, row, col));
      // The file is not a blank: the comparison compared something.
      expect(streamed.data.sheets.some((s) => s.rows.length > f.rows.length)).toBe(true);
    }, 60_000);
});
