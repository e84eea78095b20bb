import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";

/** Every import of every source file, resolved to a project folder ("core", "excel", …) or a package name. */
function imports(): { file: string; room: string; target: string }[] {
  const out: { file: string; room: string; target: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) {
        const text = readFileSync(path, "utf8");
        const room = relative("src", path).split("/")[0];
        for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
          const spec = m[1] ?? m[2];
          const target = spec.startsWith(".") ? relative("src", resolve(dirname(path), spec)).split("/")[0] : spec;
          out.push({ file: path, room, target });
        }
      }
    }
  };
  walk("src");
  return out;
}

const all = imports();
const rooms = ["core", "functions", "kinds", "workbook", "excel", "taskpane", "cli", "xlsx", "web"];

describe("the rooms of ARCHITECTURE.md", () => {
  it("core imports nothing of the project or of a host, only mathjs", () => {
    for (const i of all.filter((x) => x.room === "core")) expect(["core", "mathjs"], `${i.file} imports ${i.target}`).toContain(i.target);
  });
  it("functions import only core (and themselves), never Office.js, React or Node", () => {
    for (const i of all.filter((x) => x.room === "functions")) expect(["core", "functions", "mathjs"], `${i.file} imports ${i.target}`).toContain(i.target);
  });
  it("kinds and workbook import only core, workbook and kinds, never Office.js, React or Node", () => {
    for (const i of all.filter((x) => x.room === "kinds" || x.room === "workbook")) expect(["core", "workbook", "kinds", "mathjs"], `${i.file} imports ${i.target}`).toContain(i.target);
  });
  it("excel imports only workbook, kinds and core, never React", () => {
    for (const i of all.filter((x) => x.room === "excel")) expect(["core", "workbook", "kinds", "excel"].includes(i.target), `${i.file} imports ${i.target}`).toBe(true);
  });
  it("xlsx imports only core, workbook, itself and JSZip, saxes and ExcelJS, never Node (it runs in a browser's Web Worker too)", () => {
    for (const i of all.filter((x) => x.room === "xlsx")) expect(["core", "workbook", "xlsx", "jszip", "saxes", "exceljs"], `${i.file} imports ${i.target}`).toContain(i.target);
  });
  it("nothing imports taskpane/ or cli/ from outside (but the web page, which shows the pane's screens)", () => {
    for (const i of all.filter((x) => (x.target === "taskpane" && x.room !== "web") || x.target === "cli")) expect(i.room, `${i.file} imports ${i.target}`).toBe(i.target);
  });
  it("web imports core, workbook, kinds, xlsx, the pane and the pane's host interface (excel/ops), React and Fluent UI, the standard templates; never Office.js code, cli or Node", () => {
    for (const i of all.filter((x) => x.room === "web")) {
      const text = readFileSync(i.file, "utf8");
      const ok =
        ["core", "workbook", "kinds", "xlsx", "taskpane", "web", "react", "react-dom/client", "@fluentui/react-components"].includes(i.target) ||
        (i.target === "excel" && !/from\s+["'][./]*excel\/(?!ops["'])/.test(text)) ||
        (i.target === ".." && /from\s+["'](\.\.\/)+templates\/\w+\.xlsx["']/.test(text));
      expect(ok, `${i.file} imports ${i.target}`).toBe(true);
    }
  });
  it("found the imports it checks", () => {
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((i) => i.room))).toEqual(new Set(rooms));
  });
});
