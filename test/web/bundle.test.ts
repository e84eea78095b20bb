// The built page (dist/, built by npm test's build:test): a policy that allows no network request, scripts a Chromium 100 can run, and no string run as code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type Node } from "acorn";
import { describe, expect, it } from "vitest";
import { webDist } from "./dist";

const dist = webDist();
const html = readFileSync(join(dist, "kaohe.html"), "utf8");
const page = readFileSync(join(dist, "kaohe/page.js"), "utf8");
const carrier = readFileSync(join(dist, "kaohe/worker.js"), "utf8");

/** The worker's own script: the string kaohe/worker.js sets, read from its syntax tree rather than by a pattern. */
function workerSource(): string {
  const program = parse(carrier, { ecmaVersion: 2022, sourceType: "script" }) as unknown as { body: { expression?: { right?: Node & { value?: unknown } } }[] };
  const value = program.body[0]?.expression?.right?.value;
  if (typeof value !== "string") throw new Error("kaohe/worker.js does not set the worker's source as a string");
  return value;
}
const worker = workerSource();

const policy = () => {
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0], d.slice(1)]));
};

/** Built-ins newer than Chromium 100, as they are called: a minifier keeps these names. */
const newer: [RegExp, string][] = [
  [/\.toSorted\(/, "Array.prototype.toSorted (Chromium 110)"],
  [/\.toReversed\(/, "Array.prototype.toReversed (110)"],
  [/\.toSpliced\(/, "Array.prototype.toSpliced (110)"],
  [/\b(Object|Map)\.groupBy\(/, "Object.groupBy / Map.groupBy (117)"],
  [/Promise\.withResolvers\(/, "Promise.withResolvers (119)"],
  [/Array\.fromAsync\(/, "Array.fromAsync (121)"],
  [/\.(isWellFormed|toWellFormed)\(/, "String.prototype.isWellFormed (111)"],
  [/\bIterator\.from\(/, "Iterator.from (122)"],
];

describe("kaohe.html as built", () => {
  it("has a policy under which the page can make no network request", () => {
    const p = policy();
    expect(p.get("default-src")).toEqual(["'none'"]);
    expect(p.get("connect-src")).toEqual(["'none'"]);
    expect(p.get("script-src")).toEqual(["'self'"]);
    // The worker comes from a Blob the page makes from its own script.
    expect(p.get("worker-src")).toEqual(["blob:"]);
    expect(p.get("object-src")).toEqual(["'none'"]);
    expect(p.get("form-action")).toEqual(["'none'"]);
    for (const [name, sources] of p) for (const s of sources) expect(s, `${name} ${s}`).not.toMatch(/^(https?:|\*|'unsafe-eval')/);
  });

  it("loads only its own two scripts, the worker's carrier first", () => {
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^" >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["kaohe/worker.js", "kaohe/page.js"]);
  });

  it("is written in syntax a Chromium 100 reads (ES2022, no newer regular-expression flags)", () => {
    for (const [name, code] of [
      ["page", page],
      ["worker", worker],
    ])
      expect(() => parse(code, { ecmaVersion: 2022, sourceType: "script" }), name).not.toThrow();
    // The check itself refuses newer syntax: the v flag came with ES2024 (Chromium 112).
    expect(() => parse("/[\\p{L}--[a-z]]/v", { ecmaVersion: 2022 })).toThrow();
  });

  it("calls no built-in newer than Chromium 100", () => {
    for (const [name, code] of [
      ["page", page],
      ["worker", worker],
    ])
      for (const [pattern, what] of newer) expect(pattern.test(code), `${name}: ${what}`).toBe(false);
  });

  it("reads and writes workbooks only in its worker: the page's own script carries no .xlsx code", () => {
    expect(page).not.toMatch(/schemas\.openxmlformats\.org\/spreadsheetml/);
    expect(worker).toMatch(/schemas\.openxmlformats\.org\/spreadsheetml/);
  });

  it("evaluates no string as code, which its policy forbids", () => {
    expect(page).not.toMatch(/new Function\s*\(/);
    expect(page).not.toMatch(/(^|[^.\w$])eval\s*\(/);
    expect(worker).not.toMatch(/(^|[^.\w$])eval\s*\(/);
    // ExcelJS's and JSZip's browser builds each carry a setImmediate polyfill that makes a function of a string
    // callback only; nothing passes it one. Any other `new Function` would be a way to break the policy.
    const made = [...worker.matchAll(/.{0,60}new Function\s*\(.{0,12}/g)].map((m) => m[0]);
    expect(made.length).toBeGreaterThan(0);
    for (const m of made) expect(m).toMatch(/setImmediate=function\((\w+)\)\{"function"\s*!=\s*typeof \1&&\(\1=new Function\(""\+\1\)/);
  });
});
