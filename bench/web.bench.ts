// kaohe.html in headless Chromium on the sample county's members at 6,000 and 100,000: open (read in the worker), check, compute and make the result workbook, as a person clicks through them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { writeTemplate } from "../src/cli/xlsx-template";
import { sampleCounty } from "../src/kinds/sample-county";
import { launch, serve } from "../test/e2e/browser";
import { webDist } from "../test/web/dist";
import type { BenchRow, BenchSuite } from "./harness";

/** Milliseconds from an action to the text that says it is done. */
async function timed(action: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await action();
  await done();
  return performance.now() - t0;
}

const suite: BenchSuite = {
  title: "kaohe.html in a browser",
  about:
    "The built page (dist/, or KAOHE_WEB_DIST) in Debian's headless Chromium, over the sample county's member star rating written as .xlsx: the time from choosing the file to 已打开 (the worker reads it through the .xlsx adapter and hands the values to the page), from 检查工作簿 to the problems or 检查通过, and from 计算 to the result workbook ready to download (the worker computes and draws every report). One timed run of each, in a fresh page; the work is in the page's Web Worker, so the page stays responsive throughout.",
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-bench-web-"));
    const server = await serve(webDist());
    const browser = await launch();
    const rows: BenchRow[] = [];
    try {
      for (const members of [6_000, 100_000]) {
        const f = sampleCounty({ members }).files.member;
        const input = join(dir, `members-${members}.xlsx`);
        await writeTemplate(f.spec, input, f, { validations: false });
        const page = await browser.newPage();
        await page.goto(server.url + "kaohe.html");
        await page.getByText("文件只在本机处理，不会上传").waitFor({ timeout: 60_000 });
        const long = { timeout: 30 * 60_000 };
        const open = await timed(
          () => page.locator('input[type="file"]').setInputFiles(input),
          () => page.getByText(/^已打开“/).waitFor(long),
        );
        await page.getByRole("tab", { name: "检查", exact: true }).click();
        const check = await timed(
          () => page.getByRole("button", { name: "检查工作簿" }).click(),
          () => page.getByText(/数据检查通过|发现 \d+ 个问题/).waitFor(long),
        );
        await page.getByRole("tab", { name: "计算", exact: true }).click();
        const compute = await timed(
          () => page.getByRole("button", { name: "计算并生成结果工作簿" }).click(),
          () => page.getByRole("button", { name: "下载结果工作簿" }).waitFor(long),
        );
        const n = f.rows.length;
        rows.push({ case: "open: read the .xlsx in the worker", n, ms: open });
        rows.push({ case: "check", n, ms: check });
        rows.push({ case: "compute and make the result workbook", n, ms: compute });
        rows.push({ case: "the whole job", n, ms: open + check + compute, note: `${((open + check + compute) / 1000).toFixed(1)} s` });
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};

export default suite;
