// Runs every bench/*.bench.ts suite and records the figures, with date and machine, in bench/RESULTS.md.
// `run.ts ranking` runs one suite and prints it; `run.ts --record ranking` also puts it in place of its own section.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchSuite } from "./harness";
import { mergeSection } from "./results";

async function main(): Promise<void> {
  const dir = import.meta.dirname;
  const record = process.argv.includes("--record");
  const only = process.argv.slice(2).filter((a) => a !== "--record");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const out: string[] = ["# Benchmark results", "", `Recorded ${date} on ${machine}.`, "Median of 5 timed runs after a warm-up; `npm run bench` writes this file.", ""];
  const sections: string[][] = [];
  for (const f of files) {
    const suite = (await import(pathToFileURL(join(dir, f)).href)).default as BenchSuite;
    console.error(`bench: ${suite.title}`);
    const rows = await suite.run();
    const section = [`## ${suite.title}`, ""];
    // A section recorded alone says its own date and machine: the file's first line is another run's.
    // The load says how far other work on the machine may have stretched the figures.
    const load = `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores when it started`;
    if (record) section.push(`Recorded ${date} on ${machine}, ${load}; \`npx tsx bench/run.ts --record ${f.replace(".bench.ts", "")}\` records it alone.`, "");
    section.push(suite.about, "", "| case | n | ms | note |", "|---|---:|---:|---|");
    for (const r of rows) section.push(`| ${r.case} | ${r.n.toLocaleString("en-US")} | ${r.ms.toFixed(1)} | ${r.note ?? ""} |`);
    section.push("");
    out.push(...section);
    sections.push(section);
  }
  const text = out.join("\n");
  if (only.length === 0) writeFileSync(join(dir, "RESULTS.md"), text);
  else if (record) {
    // Read now, not before the suites ran: the file may have changed meanwhile.
    let merged = readFileSync(join(dir, "RESULTS.md"), "utf8");
    for (const section of sections) merged = mergeSection(merged, section[0], section.join("\n"));
    writeFileSync(join(dir, "RESULTS.md"), merged);
  }
  console.log(text);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
