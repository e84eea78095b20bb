// Draws a plan into an input workbook's bytes and gives the result workbook's bytes.
import type { Plan } from "../workbook/plan";
import { asBytes } from "./bytes";
import { drawPlan, workbookToBytes } from "./draw";
import { loadModel } from "./exceljs-read";
import { streamResult } from "./stream-write";

export interface WriteOptions {
  /** The input file's name, named when it cannot be read. */
  name: string;
  /** The result file's name, named when it cannot be made (the input's name when not given). */
  output?: string;
  /** "exceljs" always draws through ExcelJS's model; by default the result is streamed when the input allows. */
  engine?: "stream" | "exceljs";
}

/**
 * The result workbook: the input with the plan's result columns written into its sheets and its
 * report sheets (with their charts) added or replaced. The input's bytes are not changed. Made by
 * streaming (src/xlsx/stream-write.ts) when the input allows, else drawn through ExcelJS's model.
 */
export async function writeResultBytes(input: Uint8Array | ArrayBuffer, plan: Plan, options: WriteOptions): Promise<Uint8Array> {
  const bytes = asBytes(input);
  if (options.engine !== "exceljs") {
    const streamed = await streamResult(bytes, plan, options.name, options.output ?? options.name);
    if (streamed) return streamed;
  }
  const { workbook } = await loadModel(bytes, options.name);
  drawPlan(workbook, plan);
  return workbookToBytes(workbook, options.output ?? options.name);
}
