// A zip entry's bytes handed on chunk by chunk as JSZip inflates them, stopping once more came out than allowed: bounded memory, by the host's zlib where it can (native-flate.ts), else by JSZip's.
import type JSZip from "jszip";
import { nativeInflate } from "./native-flate";

/** JSZip's internal stream of an entry (public in its code, missing from its typings): chunks as they inflate, pausable. */
interface EntryStream {
  on(event: "data", f: (chunk: Uint8Array) => void): EntryStream;
  on(event: "error", f: (e: Error) => void): EntryStream;
  on(event: "end", f: () => void): EntryStream;
  resume(): EntryStream;
  pause(): EntryStream;
}

/**
 * Passes the inflated bytes of `name` to onChunk, and resolves with how many came out: as soon as the
 * count passes `limit` inflating stops (a bomb is refused without being inflated whole) and the count
 * so far is given. Rejects when the data does not inflate.
 */
export async function streamEntry(zip: JSZip, name: string, limit: number, onChunk: (b: Uint8Array) => void): Promise<number> {
  const file = Object.hasOwn(zip.files, name) ? zip.files[name] : undefined;
  if (!file || file.dir) return 0;
  const native = await nativeInflate(file, limit, onChunk);
  if (native !== undefined) return native;
  return new Promise((resolve, reject) => {
    let count = 0;
    let settled = false;
    const helper = (file as unknown as { internalStream(type: "uint8array"): EntryStream }).internalStream("uint8array");
    helper
      .on("data", (chunk: Uint8Array) => {
        if (settled) return;
        count += chunk.length;
        if (count > limit) {
          settled = true;
          helper.pause();
          resolve(count);
          return;
        }
        try {
          onChunk(chunk);
        } catch (e) {
          settled = true;
          helper.pause();
          reject(e);
        }
      })
      .on("error", (e: Error) => {
        if (settled) return;
        settled = true;
        reject(e);
      })
      .on("end", () => {
        if (settled) return;
        settled = true;
        resolve(count);
      })
      .resume();
  });
}
