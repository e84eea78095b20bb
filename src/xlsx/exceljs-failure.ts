// ExcelJS's own failures (English, about its internals) turned into messages a user can act on; its words are kept only for KAOHE_DEBUG=1.
import { XlsxError } from "./errors";

/** V8's words when a string or buffer would pass its limit: the workbook is too large for ExcelJS, not damaged. */
const tooLong = (e: unknown) => e instanceof RangeError && /string length|buffer|array length/i.test(e.message);

/** The error carries ExcelJS's own, for the maintainers (printed with KAOHE_DEBUG=1 only). */
function withCause(error: XlsxError, cause: unknown): XlsxError {
  error.cause = cause;
  return error;
}

/** ExcelJS could not read this .xlsx. */
export function readFailure(name: string, e: unknown): XlsxError {
  if (tooLong(e))
    return withCause(
      new XlsxError(
        "unreadable",
        `“${name}”太大，无法读取（其中一部分超过了程序能处理的长度）。请把表格分成几个文件，或删去表格以外多余的行和列后另存，再试`,
        `"${name}" is too large to read (a part of it is longer than the program can hold). Split the table into several files, or delete the extra rows and columns outside the table and save it, then try again`,
      ),
      e,
    );
  return withCause(
    new XlsxError(
      "unreadable",
      `“${name}”已损坏，无法打开（文件内部的结构不完整或有误）。请在 Excel 中打开并另存一份，或找回原文件`,
      `"${name}" is damaged and cannot be opened (its inner structure is incomplete or wrong). Open it in Excel and save a copy, or get the original again`,
    ),
    e,
  );
}

/** ExcelJS could not turn the result workbook into a file (before anything was written to disk). */
export function writeFailure(out: string, e: unknown): XlsxError {
  if (tooLong(e))
    return withCause(
      new XlsxError(
        "notWritten",
        `无法生成“${out}”：结果太大，超过了程序能处理的长度。请把表格分成几个文件分别计算`,
        `cannot make "${out}": the result is larger than the program can hold. Split the table into several files and compute each`,
      ),
      e,
    );
  return withCause(
    new XlsxError(
      "notWritten",
      `无法生成“${out}”：输入文件中有本程序无法写回的内容。请在 Excel 中打开输入文件并另存一份，再试；仍不行时，请把输入文件交给维护人员`,
      `cannot make "${out}": the input holds something the program cannot write back. Open the input in Excel, save a copy and try again; if it still fails, send the input to the maintainers`,
    ),
    e,
  );
}

/** ExcelJS failed while the results were drawn into the workbook's model (nothing is written yet). */
export function drawFailure(e: unknown): XlsxError {
  return withCause(
    new XlsxError(
      "notWritten",
      "无法把结果写入工作簿：输入文件中有本程序处理不了的内容（如特殊的格式或对象），未生成结果文件。请在 Excel 中打开输入文件并另存一份，再试；仍不行时，请把输入文件交给维护人员",
      "cannot draw the results into the workbook: the input holds something the program cannot handle (such as unusual formatting or objects); nothing was written. Open the input in Excel, save a copy and try again; if it still fails, send the input to the maintainers",
    ),
    e,
  );
}
