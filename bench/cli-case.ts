// One case of the command line's benchmark, in a process of its own so its peak resident memory is its own: prints {"ms": …, "maxRssMiB": …} on its last line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { main } from "../src/cli/main";

/** Every worksheet and the shared strings, inflated by JSZip as a stream and parsed by saxes with nothing kept: the least any reader of the file pays. */
async function saxFloor(input: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(input));
  const parts = Object.keys(zip.files).filter((p) => /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(p));
  let elements = 0;
  for (const part of parts) {
    const parser = new SaxesParser({ position: false });
    parser.on("opentag", () => elements++);
    const decoder = new TextDecoder();
    await new Promise<void>((resolve, reject) =>
      zip
        .file(part)!
        .nodeStream("nodebuffer")
        .on("data", (b: Buffer) => parser.write(decoder.decode(b, { stream: true })))
        .on("end", () => resolve())
        .on("error", reject),
    );
    parser.close();
  }
  return elements;
}

async function exceljsReadWrite(input: string, out: string): Promise<void> {
  const wb = new Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(out);
}

async function kaoheRun(input: string, out: string, sheet: string | undefined): Promise<void> {
  // The sheet is named: the member template may hold a second table (负面清单) beside the star rating.
  const code = await main(["run", input, "-o", out, ...(sheet ? ["--sheet", sheet] : [])], { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false } });
  if (code !== 0) throw new Error(`kaohe run exited ${code}`);
}

async function go(): Promise<void> {
  // Timed from here: the case's own work, not the loading of its modules (the process's whole wall time is in the note).
  const [kind, input, dir, sheet] = process.argv.slice(2);
  const out = join(dir, `${kind}-out.xlsx`);
  const t0 = performance.now();
  if (kind === "floor") await saxFloor(input);
  else if (kind === "exceljs") await exceljsReadWrite(input, out);
  else if (kind === "run") await kaoheRun(input, out, sheet);
  else throw new Error(`no case ${kind}`);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

go().catch((e) => {
  console.error(e);
  process.exit(1);
});
