// kaohe run on the sample county's members at 6,000, 100,000 and (KAOHE_BENCH_MILLION=1) 1,000,000, against the floor (a SAX pass over the file's XML) and ExcelJS reading and writing the same file alone; time and peak resident memory, each case in a process of its own.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import JSZip from "jszip";
import { renderTemplate, workbookBytes, writeTemplate } from "../src/cli/xlsx-template";
import { sampleCounty } from "../src/kinds/sample-county";
import type { BenchRow, BenchSuite } from "./harness";

const CASES = [
  { kind: "floor", label: "SAX pass over the sheet and shared strings (jszip + saxes, the floor)" },
  { kind: "exceljs", label: "ExcelJS read + write alone" },
  { kind: "run", label: "kaohe run" },
] as const;

/** One case in a child process: its own time and peak RSS, and the whole process's wall time. */
function measure(kind: string, input: string, dir: string, sheet: string): { ms: number; maxRssMiB: number; wallMs: number } {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ["--max-old-space-size=16384", "--import", "tsx", resolve(import.meta.dirname, "cli-case.ts"), kind, input, dir, sheet], { encoding: "utf8", maxBuffer: 1 << 24 });
  const wallMs = performance.now() - t0;
  const last = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !last.startsWith("{")) throw new Error(`bench case ${kind} on ${input} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  return { ...(JSON.parse(last) as { ms: number; maxRssMiB: number }), wallMs };
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The member sheet of `members` members as .xlsx. ExcelJS writes up to 100,000 rows; past that it
 * fails (an array past V8's limit), so the template is drawn with two rows and the rest are written
 * as XML after them, each cell styled as the second row's, blank cells left out (as Excel does).
 */
export async function memberWorkbook(members: number, path: string): Promise<number> {
  const f = sampleCounty({ members }).files.member;
  if (members <= 100_000) {
    await writeTemplate(f.spec, path, f, { validations: false });
    return f.rows.length;
  }
  const zip = await JSZip.loadAsync(await workbookBytes(renderTemplate(f.spec, { ...f, rows: f.rows.slice(0, 2) }, { validations: false })));
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part)!.async("string");
  const rows = [...xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)];
  const last = rows[rows.length - 1];
  const second = Number(last[1]);
  const styleOf = new Map([...last[2].matchAll(/<c r="([A-Z]+)\d+" s="(\d+)"/g)].map((m) => [m[1], m[2]]));
  const letters = [...styleOf.keys()];
  // Text goes into the shared strings, as Excel writes it: inline, a million rows would pass the 512 MB a sheet may have.
  const sstXml = await zip.file("xl/sharedStrings.xml")!.async("string");
  const known = (sstXml.match(/<si>/g) ?? []).length;
  const added = new Map<string, number>();
  const stringIndex = (text: string) => {
    let i = added.get(text);
    if (i === undefined) added.set(text, (i = known + added.size));
    return i;
  };
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [encoder.encode(xml.slice(0, xml.indexOf("</sheetData>")))];
  let batch: string[] = [];
  for (let i = 2; i < f.rows.length; i++) {
    const r = second + i - 1;
    let row = `<row r="${r}">`;
    f.rows[i].forEach((v, j) => {
      if (v === null || v === undefined || j >= letters.length) return;
      const ref = `${letters[j]}${r}`;
      const s = styleOf.get(letters[j]);
      row += typeof v === "number" ? `<c r="${ref}" s="${s}"><v>${v}</v></c>` : `<c r="${ref}" s="${s}" t="s"><v>${stringIndex(String(v))}</v></c>`;
    });
    batch.push(`${row}</row>`);
    if (batch.length === 10_000) {
      chunks.push(encoder.encode(batch.join("")));
      batch = [];
    }
  }
  chunks.push(encoder.encode(batch.join("") + xml.slice(xml.indexOf("</sheetData>"))));
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const sheet = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    sheet.set(c, at);
    at += c.length;
  }
  zip.file(part, sheet);
  const items = [...added.keys()].map((t) => `<si><t>${escapeText(t)}</t></si>`).join("");
  zip.file("xl/sharedStrings.xml", sstXml.replace(/\s(?:count|uniqueCount)="\d+"/g, "").replace("</sst>", () => `${items}</sst>`));
  writeFileSync(path, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } }));
  return f.rows.length;
}

const suite: BenchSuite = {
  title: "kaohe run on a county",
  about:
    "The member star rating (the largest table) written as .xlsx by the sample county generator; then, each in a process of its own and timed once: a SAX pass over the file's sheet and shared strings (JSZip inflating as a stream, saxes parsing, nothing kept: the floor any reader pays), ExcelJS reading the file and writing it back unchanged, and `kaohe run` (read, validate, compute, draw every report, write). ms is the case's own work; the note gives its peak resident memory (maxRSS) and the whole process's wall time with start-up. 1,000,000 members with KAOHE_BENCH_MILLION=1.",
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), "kaohe-bench-"));
    const rows: BenchRow[] = [];
    const sheet = sampleCounty({ members: 1 }).files.member.spec.sheets[0].name;
    const sizes = [6_000, 100_000, ...(process.env.KAOHE_BENCH_MILLION === "1" ? [1_000_000] : [])];
    try {
      for (const members of sizes) {
        const input = join(dir, `members-${members}.xlsx`);
        const n = await memberWorkbook(members, input);
        let floor = 0;
        for (const c of CASES) {
          // ExcelJS alone at a million rows needs several GB and many minutes: the floor and kaohe run say what matters there.
          if (c.kind === "exceljs" && members > 100_000) continue;
          const m = measure(c.kind, input, dir, sheet);
          if (c.kind === "floor") floor = m.ms;
          const ratio = c.kind === "floor" ? "" : `${(m.ms / floor).toFixed(1)}× the floor; `;
          rows.push({ case: c.label, n, ms: m.ms, note: `${ratio}peak RSS ${Math.round(m.maxRssMiB)} MiB; process ${(m.wallMs / 1000).toFixed(1)} s` });
          const out = join(dir, `${c.kind}-out.xlsx`);
          if (existsSync(out)) rmSync(out);
        }
        rmSync(input);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};

export default suite;
