// A one-pass sieve over a worksheet's XML, chunk by chunk: counts the rows that hold a value and the rows that only carry formatting, and can pass the XML on without the latter.

import { concatBytes, indexOfBytes, utf8Bytes } from "./bytes";

const ROW_OPEN = utf8Bytes("<row");
const ROW_CLOSE = utf8Bytes("</row>");
/** What makes a cell hold something: a value, an inline string or a formula. */
const VALUE_MARKS = ["<v>", "<v ", "<is>", "<f>", "<f ", "<f/"].map(utf8Bytes);
/** After "<row", one of these ends the element's name (and so "<rowBreaks" is not a row). */
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);
/** Bytes kept back at a chunk's end, so a mark split by the boundary is found in the next chunk: the longest mark is 6 bytes. */
const OVERLAP = ROW_CLOSE.length;

const holdsValue = (b: Uint8Array) => VALUE_MARKS.some((m) => indexOfBytes(b, m) >= 0);

/** Collects the XML passed on: views are copied in blocks, so the inflater's chunks are never all held at once. */
class Sink {
  private blocks: Uint8Array[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  push(b: Uint8Array): void {
    if (b.length === 0) return;
    this.pending.push(b);
    this.pendingBytes += b.length;
    if (this.pending.length >= 256 || this.pendingBytes >= 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.pending.length) this.blocks.push(concatBytes(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }
  bytes(): Uint8Array {
    this.flush();
    return concatBytes(this.blocks);
  }
}

type State = "outside" | "tag" | "inside";

/**
 * Feed it a worksheet's XML in chunks (as inflated), then call end(). A row is empty when none of its
 * cells has a value, inline string or formula: rows a user formatted far past the data. With dropEmpty,
 * bytes() gives the XML without those rows; otherwise only the counts are kept (nothing is held).
 * The sheet's XML is ASCII in its markup, and UTF-8 never puts an ASCII byte inside a character, so
 * the search works on bytes.
 */
export class RowSieve {
  valuedRows = 0;
  emptyRows = 0;
  private state: State = "outside";
  private tail: Uint8Array = new Uint8Array(0);
  private row: Uint8Array[] = [];
  private valued = false;
  private readonly sink?: Sink;

  constructor(dropEmpty = false) {
    if (dropEmpty) this.sink = new Sink();
  }

  private keep(b: Uint8Array): void {
    if (this.sink) this.row.push(b);
  }

  private endRow(): void {
    if (this.valued) this.valuedRows++;
    else this.emptyRows++;
    if (this.sink && this.valued) for (const b of this.row) this.sink.push(b);
    this.row = [];
    this.valued = false;
    this.state = "outside";
  }

  push(chunk: Uint8Array): void {
    const w = this.tail.length ? concatBytes([this.tail, chunk]) : chunk;
    this.tail = w.subarray(w.length);
    let p = 0;
    while (p < w.length) {
      if (this.state === "outside") {
        const i = indexOfBytes(w, ROW_OPEN, p);
        if (i < 0 || i + ROW_OPEN.length >= w.length) {
          const cut = i >= 0 ? i : Math.max(p, w.length - ROW_OPEN.length);
          this.sink?.push(w.subarray(p, cut));
          this.tail = w.subarray(cut);
          return;
        }
        if (!NAME_END.has(w[i + ROW_OPEN.length])) {
          this.sink?.push(w.subarray(p, i + ROW_OPEN.length));
          p = i + ROW_OPEN.length;
          continue;
        }
        this.sink?.push(w.subarray(p, i));
        this.state = "tag";
        p = i;
      } else if (this.state === "tag") {
        const gt = w.indexOf(0x3e, p);
        if (gt < 0) {
          // The byte before ">" says whether the row closes itself: keep the last one back.
          this.keep(w.subarray(p, w.length - 1));
          this.tail = w.subarray(w.length - 1);
          return;
        }
        this.keep(w.subarray(p, gt + 1));
        p = gt + 1;
        if (gt > 0 && w[gt - 1] === 0x2f) this.endRow();
        else this.state = "inside";
      } else {
        const close = indexOfBytes(w, ROW_CLOSE, p);
        const end = close < 0 ? w.length : close;
        if (!this.valued && holdsValue(w.subarray(p, end))) this.valued = true;
        if (close < 0) {
          const cut = Math.max(p, w.length - OVERLAP);
          this.keep(w.subarray(p, cut));
          this.tail = w.subarray(cut);
          return;
        }
        this.keep(w.subarray(p, close + ROW_CLOSE.length));
        p = close + ROW_CLOSE.length;
        this.endRow();
      }
    }
  }

  /** Ends the input; XML cut off inside a row is passed on as it is, for the loader to call damaged. */
  end(): void {
    if (this.state !== "outside") for (const b of this.row) this.sink?.push(b);
    this.sink?.push(this.tail);
    this.row = [];
    this.tail = new Uint8Array(0);
  }

  /** The XML passed on (dropEmpty only). */
  bytes(): Uint8Array {
    return this.sink ? this.sink.bytes() : new Uint8Array(0);
  }
}
