// A file the page cannot read gets the words kaohe check gives for it: the .xlsx adapter's message, in both languages.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { bilingual, createWork } from "../../src/web/work";
import { kaohe, tempDir } from "../cli/helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array" });
}

const cases: [string, () => Promise<Uint8Array> | Uint8Array][] = [
  ["text saved as .xlsx", () => new TextEncoder().encode("姓名,得分\n张三,90\n")],
  ["an empty file", () => new Uint8Array(0)],
  ["a zip that is not a workbook", () => zipOf({ "readme.txt": "not a workbook" })],
  ["a web page saved as .xlsx", () => new TextEncoder().encode("<html><body><table><tr><td>张三</td></tr></table></body></html>")],
];

describe("a bad file in the page", () => {
  it.each(cases)("%s: the message kaohe check prints", async (what, make) => {
    const name = `${what.replace(/\W+/g, "-")}.xlsx`;
    const bytes = await make();
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const work = createWork();
    const failed = await work.handle({ type: "open", file: new Blob([bytes as Uint8Array<ArrayBuffer>]), name }, () => {}).then(
      () => undefined,
      (e: unknown) => bilingual(e),
    );
    expect(failed, what).toBeDefined();
    // Not the page's fallback for an unexpected error: the adapter's own words, naming the file.
    expect(failed!.zh).not.toMatch(/^后台处理出错/);
    expect(failed!.zh).toContain(name);
    const cli = await kaohe(["check", path]);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain(failed!.zh);
    expect(cli.stderr).toContain(failed!.en);
  });
});
