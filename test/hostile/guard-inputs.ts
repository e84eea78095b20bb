// Hostile inputs built byte by byte for the guard tests: compound files (encrypted .xlsx and .xls), workbooks with a part rewritten, an OpenDocument file.
import { readFileSync, writeFileSync } from "node:fs";
import { CFB, utils, write } from "@e965/xlsx";
import type { CellValue } from "exceljs";
import JSZip from "jszip";

/** An OLE compound file (MS-CFB) holding these streams, written by SheetJS's own CFB writer. */
export function compoundFile(streams: Record<string, Buffer>): Buffer {
  const cfb = CFB.utils.cfb_new();
  for (const [name, bytes] of Object.entries(streams)) CFB.utils.cfb_add(cfb, `/${name}`, bytes);
  return Buffer.from(CFB.write(cfb, { type: "buffer" }) as Uint8Array);
}

/**
 * An .xlsx saved with a password: Excel writes it as a compound file of an EncryptionInfo stream
 * (here the version 4.4 header of Agile encryption, MS-OFFCRYPTO 2.3.4.10) and an EncryptedPackage.
 */
export function encryptedXlsx(): Buffer {
  const info = Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]);
  const pkg = Buffer.alloc(4096, 0x5a);
  pkg.writeBigUInt64LE(4088n, 0);
  return compoundFile({ EncryptionInfo: info, EncryptedPackage: pkg });
}

/** One BIFF record: type, length, body (MS-XLS 2.1.4). */
function record(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(body.length, 2);
  return Buffer.concat([head, body]);
}

/**
 * An Excel 97-2003 .xls with an open password: its Workbook stream starts with BOF and then a
 * FilePass record (MS-XLS 2.4.117), here of XOR obfuscation (wEncryptionType 0, a key and a verifier).
 */
export function encryptedXls(): Buffer {
  const bof = Buffer.alloc(16);
  bof.writeUInt16LE(0x0600, 0); // BIFF8
  bof.writeUInt16LE(0x0005, 2); // the workbook globals
  bof.writeUInt16LE(0x0dbb, 4);
  bof.writeUInt16LE(0x07cc, 6);
  const filePass = Buffer.alloc(6);
  filePass.writeUInt16LE(0, 0);
  filePass.writeUInt16LE(0x1234, 2);
  filePass.writeUInt16LE(0xabcd, 4);
  return compoundFile({ Workbook: Buffer.concat([record(0x0809, bof), record(0x002f, filePass), record(0x000a, Buffer.alloc(0))]) });
}

/** Rewrites one part of the workbook at `path` in place (the other parts as they were). */
export async function editPart(path: string, part: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const file = zip.file(part);
  if (!file) throw new Error(`${part} is not in ${path}`);
  zip.file(part, edit(await file.async("string")));
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** The XML of every worksheet part of an .xlsx, to look at what was written, not at what a reader makes of it. */
export async function worksheetXml(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = Object.values(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name));
  return Promise.all(parts.map((f) => f.async("string")));
}

/** An OpenDocument spreadsheet (.ods) of one sheet, its content.xml edited; mimetype first and stored, as the format requires. */
export async function odsWith(sheet: string, rows: CellValue[][], edit: (contentXml: string) => string): Promise<Buffer> {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows as unknown[][]), sheet);
  const made = await JSZip.loadAsync(write(wb, { bookType: "ods", type: "buffer" }) as Buffer);
  const out = new JSZip();
  out.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  for (const f of Object.values(made.files)) {
    if (f.dir || f.name === "mimetype") continue;
    out.file(f.name, f.name === "content.xml" ? edit(await f.async("string")) : await f.async("nodebuffer"));
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
