// kaohe run on the sample county's members and on a 100,000-member county, against ExcelJS reading and writing the same workbook alone (the floor).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Workbook } from "exceljs";
import { main } from "../src/cli/main";
import { writeTemplate } from "../src/cli/xlsx-template";
import { sampleCounty } from "../src/workbook/sample-county";
import type { BenchRow, BenchSuite } from "./harness";

const silent = { write: () => true };

/** Milliseconds of one run: these take seconds, so a run is timed once after a warm-up of the smaller size. */
async function once(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const suite: BenchSuite = {
  title: "kaohe run on a county",
  about:
    "The member star rating (the largest table) written as .xlsx by the sample county generator, then `kaohe run` (read, validate, compute, draw every report, write) against ExcelJS reading the file and writing it back unchanged, the floor any .xlsx tool pays. One timed run each; peak heap in the note.",
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-bench-"));
    const rows: BenchRow[] = [];
    try {
      for (const members of [6_000, 100_000]) {
        const county = sampleCounty({ members });
        const f = county.files.member;
        const input = join(dir, `members-${members}.xlsx`);
        await writeTemplate(f.spec, input, f, { validations: false });
        const floor = await once(async () => {
          const wb = new Workbook();
          await wb.xlsx.readFile(input);
          await wb.xlsx.writeFile(join(dir, `copy-${members}.xlsx`));
        });
        rows.push({ case: "ExcelJS read + write alone (floor)", n: f.rows.length, ms: floor });
        let code = 0;
        const ms = await once(async () => {
          code = await main(["run", input, "-o", join(dir, `out-${members}.xlsx`)], { stdout: silent, stderr: { write: () => true, isTTY: false } });
        });
        if (code !== 0) throw new Error(`kaohe run exited ${code} on ${members} members`);
        rows.push({ case: "kaohe run", n: f.rows.length, ms, note: `${(ms / floor).toFixed(1)}× the floor; heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB after` });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};

export default suite;
