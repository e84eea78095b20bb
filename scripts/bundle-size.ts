// The add-in's download: the gzipped size of each of its scripts in a build, against the budget, and its record in bench/RESULTS.md.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { mergeSection } from "../bench/results";

/** 300 KB as webpack and npm's size tools count a KB, 1,024 bytes; gzip at its default level (6), as a web server sends it. */
export const BUDGET_BYTES = 300 * 1024;

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * The add-in's scripts a page loads first, in a build folder: every .js at its top level, that is the
 * entries taskpane.js and functions.js (commands.js too if one is added) and any chunk webpack splits off
 * them. The chunks fetched later, only when a user asks for them (the .xlsx reader the pane loads when a
 * workbook is chosen as a link's source), sit in lazy/ and are not counted: they cost nothing until then.
 * The web page kaohe.html is not the add-in: its entries are named kaohe/…, so its scripts sit in kaohe/
 * and are not counted either.
 */
export function addinScripts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".js"))
    .map((e) => e.name)
    .sort();
}

export function scriptSizes(dir: string): ScriptSize[] {
  return addinScripts(dir).map((file) => {
    const text = readFileSync(join(dir, file));
    return { file, bytes: text.length, gzipBytes: gzipSync(text).length };
  });
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const SECTION_HEADING = "## The add-in's scripts, gzipped";

/** The figures as a bench/RESULTS.md section. */
function section(sizes: ScriptSize[], date: string, machine: string): string {
  const total = sizes.reduce((s, x) => s + x.gzipBytes, 0);
  const lines = [
    SECTION_HEADING,
    "",
    `Recorded ${date} (${machine}) by \`npx tsx scripts/bundle-size.ts --build --record\`: a production build (\`--env publicUrl=https://kaohe.test.invalid/addin/\`) into a temporary folder. ` +
      "Each of the add-in's scripts (every .js beside taskpane.js; office.js comes from Microsoft's CDN, the chunks in lazy/ are fetched only when asked for (the English words, the reader of a chosen workbook) and the web page's scripts in kaohe/ are not the add-in's), " +
      `minified and gzipped at gzip's default level; KB = 1,024 bytes. Budget ${kib(BUDGET_BYTES)} in all, which test/addin/bundle-size.test.ts holds the built dist/ to.`,
    "",
    "| script | minified | gzipped |",
    "|---|---:|---:|",
    ...sizes.map((s) => `| ${s.file} | ${kib(s.bytes)} | ${kib(s.gzipBytes)} |`),
    `| all | ${kib(sizes.reduce((s, x) => s + x.bytes, 0))} | ${kib(total)} (${total.toLocaleString("en-US")} bytes; budget ${kib(BUDGET_BYTES)}) |`,
    "",
  ];
  return lines.join("\n");
}


function main(): void {
  const args = process.argv.slice(2);
  const build = args.includes("--build");
  const record = args.includes("--record");
  let dir = resolve("dist");
  let temp: string | undefined;
  if (build) {
    // Never into dist/: others test against it while this runs.
    temp = mkdtempSync(join(tmpdir(), "kaohe-bundle-"));
    dir = temp;
    execFileSync("npx", ["webpack", "--mode", "production", "--env", "publicUrl=https://kaohe.test.invalid/addin/", "--output-path", dir], { stdio: "inherit" });
  }
  try {
    const sizes = scriptSizes(dir);
    if (!sizes.some((s) => s.file === "taskpane.js")) throw new Error(`${dir} holds no taskpane.js: build first (npm run build:test), or pass --build`);
    const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const text = section(sizes, new Date().toISOString().slice(0, 10), machine);
    console.log(text);
    if (record) {
      const results = resolve("bench/RESULTS.md");
      writeFileSync(results, mergeSection(readFileSync(results, "utf8"), SECTION_HEADING, text));
    }
    const total = sizes.reduce((s, x) => s + x.gzipBytes, 0);
    if (total > BUDGET_BYTES) {
      console.error(`The add-in's scripts are ${kib(total)} gzipped, over the budget of ${kib(BUDGET_BYTES)}.`);
      process.exitCode = 1;
    }
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
