// Runs every bench/*.bench.ts suite and records the figures, with date and machine, in bench/RESULTS.md.
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchSuite } from "./harness";

async function main(): Promise<void> {
  const dir = import.meta.dirname;
  const only = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const out: string[] = ["# Benchmark results", "", `Recorded ${date} on ${machine}.`, "Median of 5 timed runs after a warm-up; `npm run bench` writes this file.", ""];
  for (const f of files) {
    const suite = (await import(pathToFileURL(join(dir, f)).href)).default as BenchSuite;
    console.error(`bench: ${suite.title}`);
    const rows = await suite.run();
    out.push(`## ${suite.title}`, "", suite.about, "", "| case | n | ms | note |", "|---|---:|---:|---|");
    for (const r of rows) out.push(`| ${r.case} | ${r.n.toLocaleString("en-US")} | ${r.ms.toFixed(1)} | ${r.note ?? ""} |`);
    out.push("");
  }
  const text = out.join("\n");
  if (only.length === 0) writeFileSync(join(dir, "RESULTS.md"), text);
  console.log(text);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
