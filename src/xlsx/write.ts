// Draws a plan into an input workbook's bytes and gives the result workbook's bytes.
import type { Plan } from "../workbook/plan";
import { asBytes } from "./bytes";
import { drawPlan, workbookToBytes } from "./draw";
import { loadModel } from "./exceljs-read";

export interface WriteOptions {
  /** The input file's name, named when it cannot be read. */
  name: string;
  /** The result file's name, named when it cannot be made (the input's name when not given). */
  output?: string;
}

/**
 * The result workbook: the input with the plan's result columns written into its sheets and its
 * report sheets (with their charts) added or replaced. The input's bytes are not changed.
 */
export async function writeResultBytes(input: Uint8Array | ArrayBuffer, plan: Plan, options: WriteOptions): Promise<Uint8Array> {
  const { workbook } = await loadModel(asBytes(input), options.name);
  drawPlan(workbook, plan);
  return workbookToBytes(workbook, options.output ?? options.name);
}
