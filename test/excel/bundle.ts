// Bundles the fake Excel into one browser script (an IIFE) that a page loads in place of office.js, for end-to-end tests.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

/** A script of this folder (or a path relative to it) bundled with what it imports, as one IIFE for a page. */
export async function bundleScript(file: string): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL(file, import.meta.url))],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
    // React picks its build by NODE_ENV, which a page does not have.
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0].text;
}

/** The task pane from its sources, as webpack would serve it, for a test that must not rebuild dist/. */
export function bundlePane(): Promise<string> {
  return bundleScript("../../src/taskpane/index.tsx");
}

/** The browser script's text: window.Office and window.Excel over the workbook in window.__KAOHE_FAKE_WORKBOOK__. */
export function bundleFakeOffice(): Promise<string> {
  return bundleScript("fake-office-browser.ts");
}
