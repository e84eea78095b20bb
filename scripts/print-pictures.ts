// Refreshes the README's pictures of printed reports: the sample county's pay sheet and star summary through kaohe run, then LibreOffice to PDF, then one page each to PNG in docs/pictures/. Not part of npm test.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { main } from "../src/cli/main";
import { writeTemplate } from "../src/cli/xlsx-template";
import { sampleCounty } from "../src/kinds/sample-county";

const root = resolve(import.meta.dirname, "..");
const out = join(root, "docs", "pictures");

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr || "is it installed? apt-get install -y libreoffice-calc-nogui poppler-utils"}`);
  return r.stdout;
}

/** The 1-based page of a PDF whose text holds every one of `words`, the last such page (a report's totals and chart close it). */
function pageWith(pdf: string, words: string[]): number {
  const pages = run("pdftotext", ["-layout", pdf, "-"]).split("\f");
  for (let i = pages.length - 1; i >= 0; i--) if (words.every((w) => pages[i].includes(w))) return i + 1;
  throw new Error(`no page of ${pdf} holds ${words.join(", ")}`);
}

async function picture(dir: string, kind: "cadre" | "member", words: string[], name: string): Promise<void> {
  const county = sampleCounty();
  const f = county.files[kind];
  const input = join(dir, f.fileName);
  await writeTemplate(f.spec, input, f, { validations: false });
  const result = join(dir, `${kind}.xlsx`);
  const quiet = { write: () => true };
  const code = await main(["run", input, "-o", result], { stdout: quiet, stderr: { ...quiet, isTTY: false } });
  if (code !== 0) throw new Error(`kaohe run ${kind} exited ${code}`);
  run("soffice", [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, result]);
  const pdf = join(dir, `${kind}.pdf`);
  const page = pageWith(pdf, words);
  run("pdftoppm", ["-r", "70", "-png", "-singlefile", "-f", String(page), "-l", String(page), pdf, join(out, name)]);
  console.log(join(out, `${name}.png`));
}

async function mainScript(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "kaohe-print-"));
  try {
    await picture(dir, "cadre", ["绩效工资发放表", "合计"], "printed-pay-sheet");
    await picture(dir, "member", ["汇总", "各乡镇星级分布"], "printed-star-summary");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

mainScript().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
