// Bundles the fake Excel into one browser script (an IIFE) that a page loads in place of office.js, for end-to-end tests.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

/** A script of this folder bundled with what it imports, as one IIFE for a page. */
export async function bundleScript(file: string): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL(file, import.meta.url))],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0].text;
}

/** The browser script's text: window.Office and window.Excel over the workbook in window.__KAOHE_FAKE_WORKBOOK__. */
export function bundleFakeOffice(): Promise<string> {
  return bundleScript("fake-office-browser.ts");
}
