// kaohe run writes the plan's charts as DrawingML parts: parts, relationships, content types, cached values, and a file ExcelJS and LibreOffice still open.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawingPosition } from "../../src/cli/charts";
import { writeTemplate } from "../../src/cli/xlsx-template";
import { sampleCounty } from "../../src/kinds/sample-county";
import { cadreSheet, kaohe, readWorkbook, tempDir, writeWorkbook } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Every part of the zip whose name ends in .xml or .rels, as text. */
async function parts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The relationships of a part: id → resolved part path. */
function rels(all: Map<string, string>, part: string): Map<string, { type: string; target: string }> {
  const slash = part.lastIndexOf("/");
  const xml = all.get(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`) ?? "";
  const out = new Map<string, { type: string; target: string }>();
  for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(tag, "Target")!;
    const parts = part.slice(0, slash).split("/");
    for (const seg of target.split("/")) {
      if (seg === "..") parts.pop();
      else parts.push(seg);
    }
    out.set(attr(tag, "Id")!, { type: attr(tag, "Type")!.replace(/.*\//, ""), target: parts.join("/") });
  }
  return out;
}

/** The sheet part of each sheet name, through the workbook's relationships. */
function sheetParts(all: Map<string, string>): Map<string, string> {
  const wbRels = rels(all, "xl/workbook.xml");
  return new Map([...all.get("xl/workbook.xml")!.matchAll(/<sheet\b[^>]*>/g)].map(([t]) => [attr(t, "name")!, wbRels.get(attr(t, "r:id")!)!.target]));
}

/** The charts of one sheet, in anchor order, each with its anchor and its parsed series. */
function chartsOf(all: Map<string, string>, sheetName: string) {
  const sheet = sheetParts(all).get(sheetName)!;
  const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(all.get(sheet)!)?.[1];
  if (!drawingId) return [];
  const drawing = rels(all, sheet).get(drawingId)!;
  expect(drawing.type).toBe("drawing");
  const chartRels = rels(all, drawing.target);
  return [...all.get(drawing.target)!.matchAll(/<xdr:twoCellAnchor>([\s\S]*?)<\/xdr:twoCellAnchor>/g)].map(([, a]) => {
    const from = /<xdr:from>([\s\S]*?)<\/xdr:from>/.exec(a)![1];
    const to = /<xdr:to>([\s\S]*?)<\/xdr:to>/.exec(a)![1];
    const at = (m: string) => ({ col: Number(/<xdr:col>(\d+)/.exec(m)![1]), row: Number(/<xdr:row>(\d+)/.exec(m)![1]) });
    const rel = chartRels.get(/<c:chart [^>]*r:id="([^"]+)"/.exec(a)![1])!;
    expect(rel.type).toBe("chart");
    const xml = all.get(rel.target)!;
    const cache = (s: string) => [...s.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => m[2]);
    const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, s]) => ({
      nameRef: /<c:tx><c:strRef><c:f>([^<]+)<\/c:f>/.exec(s)![1],
      name: cache(/<c:tx>([\s\S]*?)<\/c:tx>/.exec(s)![1]),
      catRef: /<c:cat><c:strRef><c:f>([^<]+)<\/c:f>/.exec(s)![1],
      categories: cache(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(s)![1]),
      valRef: /<c:val><c:numRef><c:f>([^<]+)<\/c:f>/.exec(s)![1],
      values: cache(/<c:val>([\s\S]*?)<\/c:val>/.exec(s)![1]).map(Number),
    }));
    return { path: rel.target, xml, from: at(from), to: at(to), series, title: /<a:t>([^<]*)<\/a:t>/.exec(xml)?.[1] };
  });
}

/** CT_Worksheet's order around <drawing> (ECMA-376 Part 1, 18.3.1.99), as written out by hand from the schema. */
const BEFORE = ["sheetData", "mergeCells", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "ignoredErrors"];
const AFTER = ["legacyDrawing", "tableParts", "extLst"];

function expectDrawingInPlace(sheetXml: string): void {
  const at = sheetXml.indexOf("<drawing ");
  expect(at).toBeGreaterThan(0);
  for (const tag of BEFORE) {
    const i = sheetXml.search(new RegExp(`<${tag}[\\s/>]`));
    if (i >= 0) expect(i, tag).toBeLessThan(at);
  }
  for (const tag of AFTER) {
    const i = sheetXml.search(new RegExp(`<${tag}[\\s/>]`));
    if (i >= 0) expect(i, tag).toBeGreaterThan(at);
  }
}

function expectPackageSound(all: Map<string, string>, chartPaths: string[], drawingPaths: string[]): void {
  const types = all.get("[Content_Types].xml")!;
  for (const p of chartPaths) expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
  for (const p of drawingPaths) expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
  for (const [name, xml] of all) expect(XMLValidator.validate(xml), name).toBe(true);
  // Every relationship of every part resolves to a part of the package.
  for (const name of all.keys()) {
    if (name.endsWith(".rels")) continue;
    for (const r of rels(all, name).values()) if (!/hyperlink/.test(r.type)) expect(all.has(r.target), `${name} → ${r.target}`).toBe(true);
  }
}

describe("kaohe run writes the report charts", () => {
  const cadreIn = join(dir, "cadre.xlsx");
  const cadreOut = join(dir, "cadre-out.xlsx");

  beforeAll(async () => {
    await writeWorkbook(cadreIn, { 考核表: cadreSheet() });
    const r = await kaohe(["run", cadreIn, "-o", cadreOut]);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it("cadres: the 汇总 sheet has the grade distribution and the mean score by township, with the cells they read and their values cached", async () => {
    const all = await parts(cadreOut);
    const charts = chartsOf(all, "汇总");
    expect(charts.map((c) => c.title)).toEqual(["各乡镇等次分布", "各乡镇平均综合得分"]);
    const [grades, means] = charts;
    // Title row 1, header row 3, townships in rows 4-5 (城关镇, 东山乡); the county row 6 is left out.
    for (const s of [...grades.series, ...means.series]) {
      expect(s.catRef).toBe("'汇总'!$A$4:$A$5");
      expect(s.categories).toEqual(["城关镇", "东山乡"]);
    }
    // Grade counts per township add up to its head count: 城关镇 3 cadres, 东山乡 1.
    expect(grades.series.map((s) => s.name[0])).toEqual(["优秀", "称职", "基本称职", "不称职"]);
    expect(grades.series.map((s) => s.valRef)).toEqual(["'汇总'!$F$4:$F$5", "'汇总'!$G$4:$G$5", "'汇总'!$H$4:$H$5", "'汇总'!$I$4:$I$5"]);
    expect(grades.series.map((s) => s.nameRef)).toEqual(["'汇总'!$F$3", "'汇总'!$G$3", "'汇总'!$H$3", "'汇总'!$I$3"]);
    expect(grades.series.reduce((n, s) => n + s.values[0], 0)).toBe(3);
    expect(grades.series.reduce((n, s) => n + s.values[1], 0)).toBe(1);
    // 综合得分 = 80% 任务得分 + 20% 年终考评: 城关镇 (94 + 86.4 + 93.6) / 3 = 91.33, 东山乡 70×0.8 + 60×0.2 = 68.
    expect(means.series).toHaveLength(1);
    expect(means.series[0].valRef).toBe("'汇总'!$C$4:$C$5");
    expect(means.series[0].values).toEqual([91.33, 68]);
    expect(means.xml).toContain('<c:barDir val="bar"/>');
    expect(grades.xml).toContain('<c:barDir val="col"/>');
    // Below the table (rows 1-6), notes and the signature line: 16 rows each, one row apart.
    expect(grades.from.col).toBe(0);
    expect(means.from.row).toBe(grades.to.row + 1);
    expect(grades.to.row - grades.from.row).toBe(16);
    expect(grades.from.row).toBeGreaterThanOrEqual(6);

    expectPackageSound(all, charts.map((c) => c.path), [...all.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)));
    expectDrawingInPlace(all.get(sheetParts(all).get("汇总")!)!);
  });

  it("the cached values are the values in the cells each series reads", async () => {
    const all = await parts(cadreOut);
    const wb = await readWorkbook(cadreOut);
    for (const chart of chartsOf(all, "汇总"))
      for (const s of chart.series) {
        const [, sheet, c0, r0, , r1] = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(s.valRef)!;
        const ws = wb.getWorksheet(sheet)!;
        const cells = Array.from({ length: Number(r1) - Number(r0) + 1 }, (_, i) => ws.getCell(`${c0}${Number(r0) + i}`).value);
        expect(cells.map((v) => (v && typeof v === "object" && "result" in v ? v.result : v))).toEqual(s.values);
      }
  });

  it("ExcelJS reads the result back with the table's values unchanged", async () => {
    const wb = await readWorkbook(cadreOut);
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.getCell("A4").value).toBe("城关镇");
    expect(ws.getCell("A5").value).toBe("东山乡");
    const input = (await readWorkbook(cadreIn)).getWorksheet("考核表")!;
    const table = wb.getWorksheet("考核表")!;
    for (let r = 1; r <= 7; r++) for (let c = 1; c <= 8; c++) expect(table.getCell(r, c).value, `${r},${c}`).toEqual(input.getCell(r, c).value);
  });

  it("a second run over a result and a merge of results read and write it without failing, and the new result has its charts again", async () => {
    const again = join(dir, "again.xlsx");
    const r = await kaohe(["run", cadreOut, "-o", again]);
    expect(r.code, r.stderr).toBe(0);
    // The result's own report charts are drawn again, so the run does not say charts were lost.
    expect(r.stdout + r.stderr).not.toMatch(/图表无法带入/);
    const all = await parts(again);
    expect(chartsOf(all, "汇总").map((c) => c.title)).toEqual(["各乡镇等次分布", "各乡镇平均综合得分"]);
    expectPackageSound(all, chartsOf(all, "汇总").map((c) => c.path), [...all.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)));

    // Two townships' results, each with its charts, merged into a county table.
    const returns = join(dir, "returns");
    mkdirSync(returns);
    copyFileSync(cadreOut, join(returns, "甲.xlsx"));
    const otherIn = join(dir, "other.xlsx");
    await writeWorkbook(otherIn, { 考核表: cadreSheet([["西河乡", "钱七", "C1", "科员", 80, 70, 3500, ""]]) });
    expect((await kaohe(["run", otherIn, "-o", join(returns, "乙.xlsx")])).code).toBe(0);
    const merged = await kaohe(["merge", returns, "-o", join(dir, "county.xlsx")]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(existsSync(join(dir, "county.xlsx"))).toBe(true);
  }, 60_000);

  /** The cadre result with its 汇总 sheet renamed to one of the user's (its chart is the user's now), deflated as Excel writes every part. */
  async function ownChart(name: string, extra: Record<string, string> = {}): Promise<string> {
    const zip = await JSZip.loadAsync(readFileSync(cadreOut));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", workbook.replace('name="汇总"', 'name="我的图表"'));
    for (const [part, text] of Object.entries(extra)) zip.file(part, text);
    const path = join(dir, name);
    writeFileSync(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    return path;
  }

  it("a chart on a sheet of the user's own, in a deflated file, is carried into the result as it was and not said to be lost", async () => {
    const own = await ownChart("own-chart.xlsx");
    const out = join(dir, "own-chart-结果.xlsx");
    const r = await kaohe(["run", own, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/图表无法带入/);
    const all = await parts(out);
    expect(chartsOf(all, "我的图表").map((c) => c.title)).toEqual(["各乡镇等次分布", "各乡镇平均综合得分"]);
  }, 60_000);

  it("a chart on a sheet of the user's own is said to be lost when a part the streaming writer cannot keep (a PivotTable) makes the result drawn through ExcelJS", async () => {
    const own = await ownChart("own-chart-pivot.xlsx", { "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>" });
    const r = await kaohe(["run", own, "-o", join(dir, "own-chart-pivot-结果.xlsx")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/输入文件中的图表、数据透视表无法带入结果文件/);
  }, 60_000);

  it("members (the sample county): the star distribution by township is drawn from the 汇总 sheet's cells", async () => {
    const f = sampleCounty().files.member;
    const input = join(dir, f.fileName);
    await writeTemplate(f.spec, input, f, { validations: false });
    const out = join(dir, "member-out.xlsx");
    const r = await kaohe(["run", input, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    const all = await parts(out);
    const withCharts = [...sheetParts(all).keys()].filter((name) => chartsOf(all, name).length > 0);
    expect(withCharts.length).toBeGreaterThan(0);
    const wb = await readWorkbook(out);
    const titles = withCharts.flatMap((name) => chartsOf(all, name).map((c) => c.title));
    expect(titles).toContain("各乡镇星级分布");
    for (const name of withCharts) {
      expectDrawingInPlace(all.get(sheetParts(all).get(name)!)!);
      for (const chart of chartsOf(all, name)) {
        expect(chart.series.length).toBeGreaterThan(0);
        for (const s of chart.series) {
          expect(s.categories.length).toBe(s.values.length);
          // The series' name is its header cell's text.
          const [, sheet, cell] = /^'(.+)'!\$([A-Z]+\$\d+)$/.exec(s.nameRef)!;
          expect(wb.getWorksheet(sheet)!.getCell(cell.replace("$", "")).value).toBe(s.name[0]);
        }
      }
    }
    expectPackageSound(all, withCharts.flatMap((n) => chartsOf(all, n).map((c) => c.path)), [...all.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)));
  }, 120_000);

  it("puts <drawing> after the page setup and before a legacy drawing or table parts", () => {
    const xml = "<worksheet><sheetData/><pageMargins/><pageSetup/><headerFooter/><legacyDrawing r:id=\"x\"/><tableParts count=\"0\"/></worksheet>";
    expect(drawingPosition(xml)).toBe(xml.indexOf("<legacyDrawing"));
    const bare = "<worksheet><sheetData/><pageSetup/></worksheet>";
    expect(drawingPosition(bare)).toBe(bare.indexOf("</worksheet>"));
  });

  // LibreOffice is installed by .ci/run for the print test, which converts every output; this one only checks that a result with charts converts.
  it("LibreOffice converts a result with charts to PDF", () => {
    const pdfDir = join(dir, "pdf");
    const profile = join(dir, "lo-profile");
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", pdfDir, cadreOut], { timeout: 120_000, stdio: "pipe" });
    const pdf = readFileSync(join(pdfDir, "cadre-out.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  }, 150_000);
});
