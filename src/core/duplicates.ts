// Which rows of a list are the same person twice: by a real ID, compared as people read it, else by name within one unit.

/** An ID as people read it: full-width to half-width, no spaces anywhere, case aside ("gb001 " = "GB001"). */
export function idKey(id: string): string {
  return id.normalize("NFKC").replace(/[\s\u3000]+/g, "").toLowerCase();
}

/** A header that numbers the rows of a table rather than naming anyone: never an ID, however it repeats. */
export function isRowNumberHeader(header: string): boolean {
  return /^(序号|行号|编码序号|no\.?|#)$/i.test(header.normalize("NFKC").replace(/[\s\u3000]+/g, ""));
}

/**
 * Every later index whose key an earlier index has, with that earlier index (keys "" are skipped):
 * [[first, repeat], …] in the order of the repeats.
 */
export function repeatedKeys(keys: readonly string[]): [number, number][] {
  const first = new Map<string, number>();
  const out: [number, number][] = [];
  keys.forEach((k, i) => {
    if (k === "") return;
    const at = first.get(k);
    if (at === undefined) first.set(k, i);
    else out.push([at, i]);
  });
  return out;
}

/** A note that says the row is a repeat of another (备注：重复、重复录入). */
export function saysRepeat(note: string): boolean {
  return /重复/.test(note);
}
