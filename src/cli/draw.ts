// Writes a drawn workbook to a file atomically; the drawing itself lives in the host-neutral .xlsx adapter (src/xlsx).
import { rename, rm, writeFile } from "node:fs/promises";
import type { Workbook } from "exceljs";
import type { Plan } from "../workbook/plan";
import { writeResultBytes } from "../xlsx";
import { drawPlan as drawPlanInto, workbookToBytes } from "../xlsx/draw";
import { cliError, CliError, ExitCode } from "./errors";
import { newTempPath, removeOrphanTemps, settledTemp } from "./temp-files";

export { SIGNATURE_LINE } from "../workbook/look";
export { applyPrintLayout, drawReport, drawResults, excelValue, holdsFormula, workbookFromData, writePlanCell } from "../xlsx/draw";

/** Draws the plan into the workbook (src/xlsx/draw.ts), its refusals as the command line's errors. */
export function drawPlan(wb: Workbook, plan: Plan): void {
  try {
    drawPlanInto(wb, plan);
  } catch (e) {
    throw cliError(e);
  }
}

// ---------------------------------------------------------------- atomic output

export { removePendingTemps } from "./temp-files";

const WRITE_ERRNO: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: "文件夹不存在", en: "the folder does not exist" },
  ENOTDIR: { zh: "路径中有一段不是文件夹", en: "a part of the path is not a folder" },
  EACCES: { zh: "没有写入权限", en: "no permission to write there" },
  EPERM: { zh: "没有写入权限，或文件正在 Excel/WPS 中打开（请先关闭）", en: "no permission, or the file is open in Excel/WPS (close it first)" },
  EBUSY: { zh: "文件正在 Excel/WPS 中打开，请关闭后重试", en: "the file is open in Excel/WPS; close it and try again" },
  EROFS: { zh: "磁盘是只读的", en: "the disk is read-only" },
  ENOSPC: { zh: "磁盘空间不足", en: "the disk is full" },
  EISDIR: { zh: "这个名字是一个文件夹", en: "that name is a folder" },
};

/**
 * Writes the workbook to `out` all at once: into a temp file in the same folder (so the rename stays
 * on one disk and is atomic), then renamed over `out`. On any failure the temp file is removed and
 * `out` is as it was: never a half-written workbook.
 */
export async function writeXlsxAtomic(wb: Workbook, out: string): Promise<void> {
  await writeBytesAtomic(async () => {
    try {
      return await workbookToBytes(wb, out);
    } catch (e) {
      throw cliError(e);
    }
  }, out);
}

/**
 * Writes the result of a run on an input: an .xlsx input's bytes with the plan drawn in, or an old
 * format's values (read by SheetJS into a new workbook) with the plan drawn in.
 */
export async function writeResult(input: { name: string; bytes?: Uint8Array; workbook?: Workbook }, plan: Plan, out: string): Promise<void> {
  const { bytes, workbook } = input;
  if (workbook) {
    drawPlan(workbook, plan);
    return writeXlsxAtomic(workbook, out);
  }
  if (!bytes) throw new Error(`the input "${input.name}" has neither bytes nor a workbook to draw into`);
  await writeBytesAtomic(async () => {
    try {
      return await writeResultBytes(bytes, plan, { name: input.name, output: out });
    } catch (e) {
      throw cliError(e);
    }
  }, out);
}

/** The same for bytes made on demand (so a failure while making them is handled alike). */
export async function writeBytesAtomic(bytes: () => Promise<Uint8Array>, out: string): Promise<void> {
  // A run killed mid-write (SIGKILL, a power cut) could not clean up after itself: this run does.
  await removeOrphanTemps(out);
  const temp = newTempPath(out);
  try {
    const made = await bytes();
    // A Buffer over the same memory: Node's own type for file data.
    await writeFile(temp, Buffer.isBuffer(made) ? made : Buffer.from(made.buffer, made.byteOffset, made.byteLength), { flag: "wx" });
    await rename(temp, out);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException)?.code;
    const why = (code && WRITE_ERRNO[code]) || { zh: `${code ?? (e as Error)?.message ?? e}`, en: `${code ?? (e as Error)?.message ?? e}` };
    throw new CliError(ExitCode.notWritten, `无法写入“${out}”：${why.zh}`, `cannot write "${out}": ${why.en}`);
  } finally {
    settledTemp(temp);
  }
}
