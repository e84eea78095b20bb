import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the built add-in (dist/, built by npm run build:test)", () => {
  const scripts = existsSync("dist") ? readdirSync("dist").filter((f) => f.endsWith(".js")) : [];

  it("evaluates no strings as code, which the page's policy forbids", () => {
    expect(scripts).toEqual(expect.arrayContaining(["taskpane.js", "functions.js"]));
    for (const f of scripts) {
      const text = readFileSync(`dist/${f}`, "utf8");
      expect(text, f).not.toMatch(/new Function\s*\(/);
      expect(text, f).not.toMatch(/(^|[^.\w$])eval\s*\(/);
    }
  });

  it("carries a Content-Security-Policy that allows scripts only from itself and office.js's host", () => {
    const html = readFileSync("dist/taskpane.html", "utf8");
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/object-src 'none'/);
  });
});
