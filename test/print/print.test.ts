// Printing as an office without Excel would: kaohe run's output for every kind of the sample county, and every template, through LibreOffice to PDF, read back as text and pictures.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Worksheet } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTemplate } from "../../src/cli/xlsx-template";
import { schemeKinds } from "../../src/kinds/registry";
import { reportSheetNames } from "../../src/workbook/plan";
import { sampleCounty } from "../../src/kinds/sample-county";
import { kaohe, readWorkbook, tempDir } from "../cli/helpers";

const root = resolve(__dirname, "..", "..");
/** Rendered pages, for a person to look at; git ignores the folder. */
const pictures = join(root, "test", "print", ".tmp");
const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** The tools the test prints with; missing ones fail the test with what to install. */
function requireTool(command: string, pkg: string): void {
  if (spawnSync("sh", ["-c", `command -v ${command}`]).status !== 0)
    throw new Error(`打印测试需要 ${command}：请安装 Debian 软件包 ${pkg}（.ci/run 会安装）。\nThe print test needs ${command}: install the Debian package ${pkg} (apt-get install -y ${pkg}; .ci/run does).`);
}

const run = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
};

/** The percent a sheet prints at, worked out from the file as Excel would: mm across A4 inside the margins over the columns' mm. */
function printScale(ws: Worksheet): number {
  const p = ws.pageSetup;
  if (!p.fitToPage) return p.scale ?? 100;
  // A column of w units is trunc(7w + 5) px at 96 px an inch; A4 is 210 × 297 mm.
  let px = 0;
  for (let c = 1; c <= ws.columnCount; c++) px += Math.trunc((ws.getColumn(c).width ?? 8.43) * 7 + 5);
  const paper = p.orientation === "landscape" ? 297 : 210;
  const margins = ((p.margins?.left ?? 0.7) + (p.margins?.right ?? 0.7)) * 25.4;
  return Math.min(100, Math.floor(((paper - margins) / ((px * 25.4) / 96)) * 100));
}

interface Printed {
  xlsx: string;
  pdf: string;
  pages: string[];
}
const printed: Printed[] = [];
const files: string[] = [];

beforeAll(async () => {
  requireTool("soffice", "libreoffice-calc-nogui");
  requireTool("pdftotext", "poppler-utils");
  // A smaller county than the default: every report still has its townships, totals and pages, in a fraction of the time.
  const county = sampleCounty({ members: 400, ledgerOrganisations: 12 });
  for (const kind of schemeKinds) {
    const f = county.files[kind];
    const input = join(dir, f.fileName);
    await writeTemplate(f.spec, input, f, { validations: false });
    const out = join(dir, `${kind}-run.xlsx`);
    const r = await kaohe(["run", input, "-o", out]);
    if (r.code !== 0) throw new Error(`kaohe run ${kind}: ${r.stdout}${r.stderr}`);
    files.push(out);
  }
  for (const name of readdirSync(join(root, "templates")).filter((n) => n.endsWith(".xlsx"))) files.push(join(root, "templates", name));
  const pdfs = join(dir, "pdf");
  mkdirSync(pdfs);
  // One LibreOffice for every file: starting it is most of the time. A private profile, so no user's settings or lock get in the way.
  run("soffice", [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", pdfs, ...files]);
  rmSync(pictures, { recursive: true, force: true });
  mkdirSync(pictures, { recursive: true });
  for (const xlsx of files) {
    const stem = basename(xlsx, ".xlsx");
    const pdf = join(pdfs, `${stem}.pdf`);
    // Pages are split by form feeds.
    const pages = run("pdftotext", ["-layout", pdf, "-"]).split("\f").slice(0, -1);
    printed.push({ xlsx, pdf, pages });
    run("pdftoppm", ["-r", "50", "-png", pdf, join(pictures, stem)]);
  }
}, 300_000);

/** English words of the scheme's settings, as the code names them, that a printed page must never show. */
const SETTING_KEYS = /\b(floor|ceil|round|strict|lenient|noTop|township|quorum|majority|ledger|duties|events|basicRatio|topShare|true|false)\b/;
/** A run of two or more Chinese characters said twice over, as in 汇总汇总 or 发放表发放表. */
const DOUBLED = /(\p{Script=Han}{2,})\1/u;

describe("printed through LibreOffice", () => {
  it("converts every output of kaohe run and every template", () => {
    expect(printed.map((p) => basename(p.xlsx)).sort()).toEqual([...schemeKinds.map((k) => `${k}-run.xlsx`), ...schemeKinds.map((k) => `${k}.xlsx`)].sort());
  });

  it("shows no ### for a number too wide for its column, and numbers every page", () => {
    for (const p of printed) {
      expect(p.pages.length, basename(p.pdf)).toBeGreaterThan(0);
      p.pages.forEach((text, i) => {
        expect(text, `${basename(p.pdf)} page ${i + 1}`).not.toContain("###");
        expect(text, `${basename(p.pdf)} page ${i + 1}`).toMatch(/第 \d+ 页.{0,2}共 \d+ 页/);
      });
      expect(p.pages[0], basename(p.pdf)).toContain("第 1 页");
    }
  });

  it("prints the 考核方案 sheet in Chinese, over as many pages as its rows need", async () => {
    for (const p of printed.filter((x) => x.xlsx.endsWith("-run.xlsx"))) {
      const wb = await readWorkbook(p.xlsx);
      const scheme = wb.getWorksheet("考核方案");
      expect(scheme, basename(p.xlsx)).toBeDefined();
      const title = String(scheme!.getCell(1, 1).value);
      const pages = p.pages.filter((text) => text.includes(title));
      expect(pages.length, `${basename(p.pdf)}: pages of 考核方案`).toBeGreaterThan(0);
      // The 键 column (stars.rounding …) is kept for reading the sheet back, hidden from view and from print.
      expect(scheme!.getColumn(1).hidden, `${basename(p.xlsx)}: 键 hidden`).toBe(true);
      for (const text of pages) expect(text, `${basename(p.pdf)}: 考核方案`).not.toMatch(SETTING_KEYS);
    }
  });

  it("doubles no word of a title", () => {
    for (const p of printed)
      p.pages.forEach((text, i) => {
        const titles = text.split("\n").filter((l) => /表|汇总|排名|方案|核查|审计|说明/.test(l) && l.trim().length < 60);
        for (const line of titles) expect(line, `${basename(p.pdf)} page ${i + 1}`).not.toMatch(DOUBLED);
      });
  });

  it("prints every report and template sheet at 60% or more, with 11-point body text at 9 points or more, on a sane number of pages", async () => {
    const reports = new Set<string>(Object.values(reportSheetNames));
    for (const p of printed) {
      const wb = await readWorkbook(p.xlsx);
      const run = p.xlsx.endsWith("-run.xlsx");
      // In kaohe run's output the data sheet is the user's own, printed as they set it up; the reports are the run's.
      for (const ws of wb.worksheets.filter((w) => !run || reports.has(w.name))) {
        expect(ws.pageSetup.paperSize, `${basename(p.xlsx)} ${ws.name}: A4`).toBe(9);
        const scale = printScale(ws);
        expect(scale, `${basename(p.xlsx)} ${ws.name}: scale`).toBeGreaterThanOrEqual(60);
        expect((11 * scale) / 100, `${basename(p.xlsx)} ${ws.name}: body text in points`).toBeGreaterThanOrEqual(9);
      }
      // At least a page a sheet; no sheet of this small county runs to more than 40 pages.
      expect(p.pages.length, basename(p.pdf)).toBeGreaterThanOrEqual(wb.worksheets.length);
      expect(p.pages.length, basename(p.pdf)).toBeLessThanOrEqual(40 * wb.worksheets.length);
    }
  });

  it("renders every page to a picture", () => {
    for (const p of printed) {
      const stem = basename(p.xlsx, ".xlsx");
      expect(readdirSync(pictures).filter((n) => new RegExp(`^${stem}-\\d+\\.png$`).test(n)).length, stem).toBe(p.pages.length);
    }
  });
});
