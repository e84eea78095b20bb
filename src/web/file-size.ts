// What the page says of a file before reading it, in the command line's words: an empty file, or one too large to be a real return.
import { MAX_TOTAL_BYTES } from "../xlsx";
import type { Bilingual } from "./protocol";

/** The problem with a file of `size` bytes, or undefined when its size is plausible. */
export function fileSizeProblem(name: string, size: number): Bilingual | undefined {
  if (size === 0) return { zh: `“${name}”是空文件（0 字节），可能没有保存完整，请重新保存或重新拷贝`, en: `"${name}" is empty (0 bytes); it may not have been saved completely; save or copy it again` };
  // Deflated or stored, a zip's content is at least about as large as the file: one past the bound on content is refused unread.
  if (size > MAX_TOTAL_BYTES) {
    const mb = Math.ceil(size / 2 ** 20).toLocaleString("en-US");
    return {
      zh: `“${name}”有 ${mb} MB，太大，不像真实的上报文件（可读取的内容最多 ${MAX_TOTAL_BYTES / 2 ** 20} MB）。请核对文件来源，或把表格分成几个文件`,
      en: `"${name}" is ${mb} MB, too large to be a real return (at most ${MAX_TOTAL_BYTES / 2 ** 20} MB of content can be read). Check where it came from, or split the table into several files`,
    };
  }
  return undefined;
}
