// The add-in's download stays within its budget: its scripts, gzipped, at most 300 KB in all.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeSection } from "../../bench/results";
import { BUDGET_BYTES, kib, scriptSizes } from "../../scripts/bundle-size";

// npm test builds dist/ (build:test) before the tests; KAOHE_ADDIN_DIST points at another build of the same config.
const dist = process.env.KAOHE_ADDIN_DIST ?? "dist";

/** The scripts a built page loads from its own folder (office.js comes from Microsoft's CDN). */
function pageScripts(html: string): string[] {
  const text = readFileSync(join(dist, html), "utf8");
  return [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

describe(`the add-in's scripts in ${dist}/ (built by npm run build:test)`, () => {
  const sizes = scriptSizes(dist);
  const files = sizes.map((s) => s.file);

  it("are what taskpane.html loads and the chunks beside them, not the web page's", () => {
    expect(files).toEqual(expect.arrayContaining(["taskpane.js", "functions.js"]));
    expect(files).toEqual(expect.arrayContaining(pageScripts("taskpane.html")));
    if (existsSync(join(dist, "kaohe.html"))) for (const src of pageScripts("kaohe.html")) expect(files).not.toContain(src);
  });

  it(`weigh at most ${kib(BUDGET_BYTES)} gzipped in all`, () => {
    const total = sizes.reduce((sum, s) => sum + s.gzipBytes, 0);
    const each = sizes.map((s) => `${s.file} ${kib(s.gzipBytes)}`).join(", ");
    expect(total, `${kib(total)} in all: ${each}`).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

describe("recording one section of bench/RESULTS.md", () => {
  const text = "# Benchmark results\n\nRecorded once.\n\n## A\n\nold a\n\n## B\n\nold b\n";
  it("replaces its own section and keeps the others as they were", () => {
    expect(mergeSection(text, "## A", "## A\n\nnew a\n")).toBe("# Benchmark results\n\nRecorded once.\n\n## A\n\nnew a\n\n## B\n\nold b\n");
    expect(mergeSection(text, "## B", "## B\n\nnew b")).toBe("# Benchmark results\n\nRecorded once.\n\n## A\n\nold a\n\n## B\n\nnew b\n");
  });
  it("adds a section it does not find at the end", () => {
    expect(mergeSection(text, "## C", "## C\n\nc\n")).toBe(`${text}\n## C\n\nc\n`);
  });
});
