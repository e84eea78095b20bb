// The .xlsx adapter's public entry, for the command line and the web page alike: bytes in, bytes out, no Node APIs.
export { readWorkbookBytes, type ReadOptions, type WorkbookRead } from "./read";
export { writeResultBytes, type WriteOptions } from "./write";
export { XlsxError, type XlsxFailure } from "./errors";
export { unkeptAuditNotes, type Note } from "./notes";
export { sniff, type FileKind } from "./sniff";
export { invisibleCharacters } from "./xml-text";
export { MAX_TOTAL_BYTES } from "./zip-guard";
