// The .xlsx adapter's row sieve, giving Node Buffers back to the command line's callers.
import { RowSieve as Sieve } from "../xlsx/empty-rows";

export class RowSieve extends Sieve {
  /** The XML passed on, as a Buffer over the same memory. */
  override bytes(): Buffer {
    const b = super.bytes();
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  }
}
