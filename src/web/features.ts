// What the page needs of the browser, checked before it starts, so an old or locked-down browser gets a plain message instead of a blank page.

/** The names of what the page needs and the browser lacks: none on a Chromium of version 100 or later. */
export function missingFeatures(g: Record<string, unknown>): string[] {
  const has = (name: string) => typeof g[name] === "function";
  const missing: string[] = [];
  if (!has("Worker")) missing.push("Web Worker");
  if (!has("Blob") || typeof (g.Blob as { prototype?: { arrayBuffer?: unknown } }).prototype?.arrayBuffer !== "function") missing.push("Blob");
  if (!has("File") || !has("FileReader")) missing.push("File API");
  if (!has("URL") || typeof (g.URL as { createObjectURL?: unknown }).createObjectURL !== "function") missing.push("URL.createObjectURL");
  if (!has("TextDecoder") || !has("TextEncoder")) missing.push("TextDecoder");
  return missing;
}
