// Serves dist/ on loopback and drives Debian's Chromium with playwright-core; office.js comes from @microsoft/office-js.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const officeJsDir = resolve("node_modules/@microsoft/office-js/dist");
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/** A static file server for one folder, on 127.0.0.1 and a free port. */
export async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(base, path || "taskpane.html");
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launch(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (bash .ci/run does)`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/**
 * Answers requests for Microsoft's office.js CDN from the local package and refuses every other
 * request that leaves the test server; returns the list of refused URLs so a test can assert on it.
 */
export async function offline(page: Page, allowedOrigin: string): Promise<string[]> {
  const refused: string[] = [];
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === new URL(allowedOrigin).origin || url.protocol === "data:") return route.continue();
    const hosted = url.hostname === "appsforoffice.microsoft.com" && url.pathname.match(/^\/lib\/1\/hosted\/(.+)$/);
    if (hosted) {
      const file = join(officeJsDir, hosted[1]);
      if (file.startsWith(officeJsDir) && existsSync(file)) return route.fulfill({ path: file });
    }
    refused.push(url.href);
    return route.abort();
  });
  return refused;
}
