import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { writeTemplate } from "../../src/cli/xlsx-template";
import { sampleCounty } from "../../src/kinds/sample-county";
import { runAssessment } from "../../src/workbook/pipeline";
import { readWorkbookBytes, writeResultBytes } from "../../src/xlsx";
import { tempDir } from "../cli/helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const now = new Date(Date.UTC(2025, 11, 1));

/** Everything a reader sees of a sheet's cells: value, number format, bold, fill and borders, and the columns' widths. */
function seen(ws: Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (c, col) => {
      out[`${r},${col}`] = [c.value, c.numFmt ?? null, c.font?.bold ?? false, JSON.stringify(c.fill ?? null), JSON.stringify(c.border ?? null)];
    }),
  );
  for (let c = 1; c <= ws.columnCount; c++) out[`width ${c}`] = ws.getColumn(c).width ?? null;
  out.merges = [...(ws.model.merges ?? [])].sort();
  out.print = [ws.pageSetup.orientation, ws.pageSetup.fitToWidth, ws.pageSetup.printTitlesRow ?? null, ws.headerFooter.oddFooter ?? null];
  return out;
}

async function load(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The bytes of a part, inflated. */
async function part(bytes: Uint8Array, path: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(bytes)).file(path)?.async("string");
}

describe("writing the result by streaming gives the cells drawing through ExcelJS gives", () => {
  const county = sampleCounty({ mess: true });
  for (const kind of Object.keys(county.files) as (keyof typeof county.files)[])
    it(`${kind}: every sheet, every cell's value and look, widths, merges and print settings`, async () => {
      const f = county.files[kind];
      const path = join(dir, `${kind}.xlsx`);
      await writeTemplate(f.spec, path, f);
      const bytes = new Uint8Array(readFileSync(path));
      const read = await readWorkbookBytes(bytes, { name: f.fileName });
      const result = runAssessment(read.data, { now, inputName: f.fileName, skipBadRows: true });
      expect(result.plan, result.status).toBeDefined();
      const streamed = await load(await writeResultBytes(bytes, result.plan!, { name: f.fileName }));
      const drawn = await load(await writeResultBytes(bytes, result.plan!, { name: f.fileName, engine: "exceljs" }));
      expect(streamed.worksheets.map((w) => w.name)).toEqual(drawn.worksheets.map((w) => w.name));
      for (const ws of drawn.worksheets) expect(seen(streamed.getWorksheet(ws.name)!), ws.name).toEqual(seen(ws));
      // Something was written: the plan's result columns hold values.
      expect(result.plan!.results.some((b) => b.rows.length > 0)).toBe(true);
    }, 120_000);
});

describe("what the stream writer leaves as it was", () => {
  it("a sheet without results, and the input's own styles, come through byte for byte", async () => {
    const county = sampleCounty();
    const f = county.files.cadre;
    const path = join(dir, "kept.xlsx");
    await writeTemplate(f.spec, path, f);
    const bytes = new Uint8Array(readFileSync(path));
    const read = await readWorkbookBytes(bytes, { name: f.fileName });
    const result = runAssessment(read.data, { now, inputName: f.fileName });
    const out = await writeResultBytes(bytes, result.plan!, { name: f.fileName });
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    // The template has the data sheet and its 填表说明; only the data sheet takes results.
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    let untouched = 0;
    for (const p of sheets) if ((await part(bytes, p)) === (await part(out, p))) untouched++;
    expect(untouched).toBe(sheets.length - 1);
    const before = (await part(bytes, "xl/styles.xml"))!;
    const after = (await part(out, "xl/styles.xml"))!;
    // Every style the input had keeps its index: its cellXfs come first, unchanged.
    const xfs = (xml: string) => [.../<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    expect(xfs(after).slice(0, xfs(before).length)).toEqual(xfs(before));
  });

  it("a workbook with parts ExcelJS drops (a PivotTable) is drawn through ExcelJS, so the notes read before stay true", async () => {
    const f = sampleCounty().files.cadre;
    const path = join(dir, "pivot.xlsx");
    await writeTemplate(f.spec, path, f);
    const bytes = new Uint8Array(readFileSync(path));
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    const withPivot = await zip.generateAsync({ type: "uint8array" });
    const read = await readWorkbookBytes(withPivot, { name: "p.xlsx" });
    expect(read.notes.map((n) => n.en)).toEqual(["PivotTables"]);
    const result = runAssessment(read.data, { now, inputName: "p.xlsx" });
    expect(result.plan, result.status).toBeDefined();
    const out = await writeResultBytes(withPivot, result.plan!, { name: "p.xlsx" });
    // ExcelJS writes no PivotTable part: the note "not carried into the result" is true of this result.
    expect(Object.keys((await JSZip.loadAsync(out)).files).some((p) => p.startsWith("xl/pivotTables/"))).toBe(false);
  });
});

describe("parts deflated as they are written (the host's zlib, src/xlsx/native-flate.ts)", () => {
  it("carry checksums and sizes a strict reader accepts, and the patched sheet and report sheets inflate to their rows", async () => {
    const f = sampleCounty().files.cadre;
    const path = join(dir, "crc.xlsx");
    await writeTemplate(f.spec, path, f);
    const bytes = new Uint8Array(readFileSync(path));
    const read = await readWorkbookBytes(bytes, { name: f.fileName });
    const result = runAssessment(read.data, { now, inputName: f.fileName, skipBadRows: true });
    expect(result.plan, result.status).toBeDefined();
    const out = await writeResultBytes(bytes, result.plan!, { name: f.fileName });
    // checkCRC32 makes JSZip compare every entry's CRC-32 with the one its headers declare.
    const zip = await JSZip.loadAsync(out, { checkCRC32: true });
    const texts = await Promise.all(Object.values(zip.files).filter((e) => !e.dir).map((e) => e.async("string")));
    expect(texts.every((t) => t.length > 0)).toBe(true);
    const wb = await load(out);
    // Each report sheet has a data row per person (a header above it); the table keeps its own rows.
    for (const rep of result.plan!.reports) expect(wb.getWorksheet(rep.name)!.actualRowCount, rep.name).toBeGreaterThan(rep.rows.length);
    expect(wb.getWorksheet(f.spec.sheets[0].name)!.actualRowCount).toBeGreaterThanOrEqual(f.rows.length);
  }, 120_000);
});
