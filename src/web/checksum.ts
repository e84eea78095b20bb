// The input's SHA-256 for the 审计 sheet, by the browser's own crypto, as kaohe run gives it.

/** Hex SHA-256 of the bytes, or undefined where crypto.subtle is withheld (a page over plain http that is not localhost). */
export async function sha256(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
