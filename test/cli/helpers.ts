// Shared helpers of the command-line tests: workbooks built with ExcelJS in a temp folder, and main() run in-process.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook, type CellValue } from "exceljs";
import { main } from "../../src/cli/main";

/** A maker of fresh folders inside `root`, one per case, so "no output file is left" can be checked by listing one. */
export function caseDirs(root: string): () => string {
  let n = 0;
  return () => {
    const d = join(root, `case${++n}`);
    mkdirSync(d);
    return d;
  };
}

/** A fresh temp folder; remove it with cleanup(). */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "kaohe-cli-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const cadreHeader = ["乡镇", "姓名", "编号", "职务", "任务得分", "年终考评", "应发工资", "一票否决"];

export const cadreRows: CellValue[][] = [
  ["城关镇", "张三", "A1", "科员", 95, 90, 5000, ""],
  ["城关镇", "李四", "A2", "科员", 88, 80, 4000, ""],
  ["城关镇", "王五", "A3", "站长", 92, 100, 6000.5, "是"],
  ["东山乡", "赵六", "B1", "科员", 70, 60, 3000, ""],
];

/** Writes a workbook of sheets (name → rows, row-major from A1) to `path`. */
export async function writeWorkbook(path: string, sheets: Record<string, CellValue[][]>, edit?: (wb: Workbook) => void): Promise<void> {
  const wb = new Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v;
      });
    });
  }
  edit?.(wb);
  await wb.xlsx.writeFile(path);
}

/** A cadre workbook: a title row, a blank row, the header, the rows. */
export function cadreSheet(rows: CellValue[][] = cadreRows): CellValue[][] {
  return [["2025年度乡镇干部绩效考核表"], [], cadreHeader, ...rows];
}

export async function readWorkbook(path: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export const sha256File = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

export const listDir = (dir: string) => readdirSync(dir).sort();

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `kaohe` in-process with captured output (stderr not a terminal, so progress is plain lines). */
export async function kaohe(args: string[], opts: { cwd?: string; tty?: boolean } = {}): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false, columns: 100 },
    env: {},
    cwd: opts.cwd,
    now: () => new Date("2025-12-31T08:00:00Z"),
  });
  return { code, stdout, stderr };
}

/** No stack trace ("    at fn (file:line)") in the output. */
export const noStack = (s: string) => !/^\s+at .+[:(]/m.test(s);
