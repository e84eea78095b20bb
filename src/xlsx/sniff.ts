// What a file is, from its bytes (never its name), and the words for a file that is not an .xlsx workbook.
import { includesBytes, utf8Bytes, utf8Text } from "./bytes";
import { XlsxError } from "./errors";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A name as UTF-16LE bytes, as an OLE directory holds it (the names searched for are ASCII). */
function utf16(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[2 * i] = s.charCodeAt(i);
  return out;
}

/** What the first bytes (and, for containers, the names inside) say the file is. */
export type FileKind = "xlsx" | "xls" | "encrypted" | "ole" | "xlsb" | "ods" | "html" | "text" | "unknown";

/**
 * The kind of file, from its bytes, never its name. An encrypted .xlsx and an old .xls are both OLE
 * compound files (D0 CF 11 E0); the encrypted one holds the streams "EncryptionInfo" and
 * "EncryptedPackage", an .xls holds "Workbook" (or "Book" before Excel 97). Stream names are UTF-16
 * in the directory, which may sit anywhere in the file, so the whole file is searched.
 */
export function sniff(buf: Uint8Array): FileKind {
  if (buf.length >= 8 && OLE_SIGNATURE.every((b, i) => buf[i] === b)) {
    if (includesBytes(buf, utf16("EncryptedPackage")) || includesBytes(buf, utf16("EncryptionInfo"))) return "encrypted";
    if (includesBytes(buf, utf16("Workbook")) || includesBytes(buf, utf16("Book"))) return "xls";
    return "ole";
  }
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5 || buf[2] === 7)) {
    // Names in a zip's directory are plain bytes: enough to tell the spreadsheet formats apart.
    if (includesBytes(buf, utf8Bytes("xl/workbook.bin"))) return "xlsb";
    if (includesBytes(buf, utf8Bytes("application/vnd.oasis.opendocument.spreadsheet"))) return "ods";
    // Anything else that starts as a zip goes to the loader: it tells a damaged workbook from another archive.
    return "xlsx";
  }
  const head = utf8Text(buf.subarray(0, 512)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  // Many government systems export "Excel" files that are really web pages or XML spreadsheets.
  if (head.startsWith("<")) return "html";
  if (looksLikeText(buf.subarray(0, 4096))) return "text";
  return "unknown";
}

function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  let control = 0;
  for (const byte of b) if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) control++;
  return control / b.length < 0.01;
}

const saveAsXlsx = { zh: "请在 Excel 或 WPS 中打开，选择“文件 → 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”", en: "open it in Excel or WPS and use File → Save As, type \"Excel Workbook (*.xlsx)\"" };

/** The error for a file whose bytes are not an .xlsx workbook. */
export function notXlsx(kind: FileKind, name: string): XlsxError {
  const u = "unreadable";
  switch (kind) {
    case "xls":
      return new XlsxError(u, `“${name}”是旧版 Excel 97-2003 格式（.xls），请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is an old Excel 97-2003 file (.xls); save it as .xlsx: ${saveAsXlsx.en}`);
    case "encrypted":
      return new XlsxError(u, `“${name}”设置了打开密码（已加密），无法读取。请在 Excel 中打开，选择“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存，再试`, `"${name}" is password-protected (encrypted) and cannot be read. Open it in Excel, File → Info → Protect Workbook → Encrypt with Password, clear the password, save, and try again`);
    case "ole":
      return new XlsxError(u, `“${name}”是旧版 Office 文件或设置了密码的文件，不是 .xlsx。若有打开密码，请先取消密码；若是 .xls，请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is an old Office file or a password-protected one, not .xlsx. Remove any password; if it is .xls, save it as .xlsx: ${saveAsXlsx.en}`);
    case "xlsb":
      return new XlsxError(u, `“${name}”是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is an Excel binary workbook (.xlsb); save it as .xlsx: ${saveAsXlsx.en}`);
    case "ods":
      return new XlsxError(u, `“${name}”是 OpenDocument 表格（.ods），请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is an OpenDocument spreadsheet (.ods); save it as .xlsx: ${saveAsXlsx.en}`);
    case "html":
      return new XlsxError(u, `“${name}”是网页（HTML/XML）格式的表格，只是扩展名像 Excel，请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is a web-page (HTML/XML) table with an Excel-like name; save it as .xlsx: ${saveAsXlsx.en}`);
    case "text":
      return new XlsxError(u, `“${name}”是文本文件（如 CSV 或 TXT），不是 .xlsx 工作簿，请另存为 .xlsx：${saveAsXlsx.zh}`, `"${name}" is a text file (such as CSV or TXT), not an .xlsx workbook; save it as .xlsx: ${saveAsXlsx.en}`);
    default:
      return new XlsxError(u, `“${name}”不是 Excel 工作簿（.xlsx）`, `"${name}" is not an Excel workbook (.xlsx)`);
  }
}

