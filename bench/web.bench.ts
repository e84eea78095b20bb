// kaohe.html in headless Chromium on the sample county's members at 6,000 and 100,000: open (read in the worker), check, compute and make the result workbook, as a person clicks through them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTemplate } from "../src/cli/xlsx-template";
import { sampleCounty } from "../src/kinds/sample-county";
import { launch, serve } from "../test/e2e/browser";
import { webDist } from "../test/web/dist";
import type { Page } from "playwright-core";
import type { BenchRow, BenchSuite } from "./harness";

/**
 * Milliseconds from an action to the text that says it is done, and the longest the page's own thread
 * was busy meanwhile (the largest gap between ticks of a 10 ms timer): what a person would feel as a freeze.
 */
async function timed(page: Page, action: () => Promise<unknown>, done: () => Promise<unknown>): Promise<{ ms: number; pause: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { gap: number; ticker?: number };
    let last = performance.now();
    w.gap = 0;
    clearInterval(w.ticker);
    w.ticker = window.setInterval(() => {
      const now = performance.now();
      w.gap = Math.max(w.gap, now - last);
      last = now;
    }, 10);
  });
  const t0 = performance.now();
  await action();
  await done();
  const ms = performance.now() - t0;
  const pause = await page.evaluate(() => (window as unknown as { gap: number }).gap);
  return { ms, pause };
}

const pauseNote = (t: { pause: number }) => `page's thread busy at most ${Math.round(t.pause)} ms at a time`;

const suite: BenchSuite = {
  title: "kaohe.html in a browser",
  about:
    "The built page (dist/, or KAOHE_WEB_DIST) in Debian's headless Chromium, over the sample county's member star rating written as .xlsx: the time from choosing the file to 已打开 (the worker reads it through the .xlsx adapter and hands the values to the page), from 检查工作簿 to the problems or 检查通过, and from 计算 to the result workbook ready to download (the worker computes and draws every report). One timed run of each, in a fresh page. The work is in the page's Web Worker; the note gives the longest stretch the page's own thread was busy during each step (the largest gap between ticks of a 10 ms timer), which is what a person feels as the page freezing.",
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
          page,
          () => page.locator('input[type="file"]').setInputFiles(input),
          () => page.getByText(/^已打开“/).waitFor(long),
        );
        await page.getByRole("tab", { name: "检查", exact: true }).click();
        const check = await timed(
          page,
          () => page.getByRole("button", { name: "检查工作簿" }).click(),
          () => page.getByText(/数据检查通过|发现 \d+ 个问题/).waitFor(long),
        );
        await page.getByRole("tab", { name: "计算", exact: true }).click();
        const compute = await timed(
          page,
          () => page.getByRole("button", { name: "计算并生成结果工作簿" }).click(),
          () => page.getByRole("button", { name: "下载结果工作簿" }).waitFor(long),
        );
        const n = f.rows.length;
        rows.push({ case: "open: read the .xlsx in the worker", n, ms: open.ms, note: pauseNote(open) });
        rows.push({ case: "check", n, ms: check.ms, note: pauseNote(check) });
        rows.push({ case: "compute and make the result workbook", n, ms: compute.ms, note: pauseNote(compute) });
        const whole = open.ms + check.ms + compute.ms;
        rows.push({ case: "the whole job", n, ms: whole, note: `${(whole / 1000).toFixed(1)} s` });
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
