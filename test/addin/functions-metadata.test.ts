import { existsSync, readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as functions from "../../src/functions/functions";

interface Param { name: string; description?: string; type?: string; optional?: boolean }
interface Fn { id: string; name: string; description?: string; parameters: Param[] }

/** The exports of functions.ts that carry @customfunction, with the id their tag gives (the name upper-cased when none). */
function taggedExports(): { exportName: string; id: string }[] {
  const file = ts.createSourceFile("functions.ts", readFileSync("src/functions/functions.ts", "utf8"), ts.ScriptTarget.Latest, true);
  const out: { exportName: string; id: string }[] = [];
  for (const st of file.statements) {
    if (!ts.isFunctionDeclaration(st) || !st.name) continue;
    if (!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const tag = ts.getJSDocTags(st).find((t) => t.tagName.text.toLowerCase() === "customfunction");
    if (!tag) continue;
    const comment = typeof tag.comment === "string" ? tag.comment.trim() : "";
    out.push({ exportName: st.name.text, id: (comment.split(/\s+/)[0] || st.name.text).toUpperCase() });
  }
  return out;
}

const load = (file: string): Fn[] => {
  expect(existsSync(file), `${file} is missing: run \`npm run build:test\` first`).toBe(true);
  return (JSON.parse(readFileSync(file, "utf8")) as { functions: Fn[] }).functions;
};

// Ids already published: a workbook stores formulas by id, so none may ever be renamed or removed.
const publishedIds = readFileSync("test/addin/published-function-ids.txt", "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));

describe("functions.json (built from the JSDoc of src/functions/functions.ts)", () => {
  const tagged = taggedExports();
  const en = load("dist/functions.json");
  const zh = load("dist/functions.zh-CN.json");

  it("lists exactly the exports tagged @customfunction, and each is a real export", () => {
    expect(tagged.length).toBeGreaterThan(0);
    expect(en.map((f) => f.id).sort()).toEqual(tagged.map((t) => t.id).sort());
    for (const t of tagged) expect(typeof (functions as Record<string, unknown>)[t.exportName], t.exportName).toBe("function");
  });

  it("uses ASCII ids and names", () => {
    for (const f of en) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(f.name).toMatch(/^[A-Z][A-Z0-9_.]*$/);
    }
  });

  it("never drops or renames a published id", () => {
    const ids = new Set(en.map((f) => f.id));
    for (const id of publishedIds) expect(ids.has(id), `published id ${id} is gone`).toBe(true);
    for (const f of en) expect(publishedIds, `new id ${f.id}: add it to published-function-ids.txt`).toContain(f.id);
  });

  it("describes every function and argument in English, with an example", () => {
    for (const f of en) {
      expect(f.description, f.id).toMatch(/\S{3,}/);
      expect(f.description, `${f.id} description has no example`).toMatch(/KAOHE\.|Example|e\.g\./);
      for (const p of f.parameters) expect(p.description, `${f.id}.${p.name} has no example`).toMatch(/\S{3,}.*Example/);
    }
  });

  it("describes every function and argument in Chinese in functions.zh-CN.json, same ids and arguments", () => {
    expect(zh.map((f) => f.id)).toEqual(en.map((f) => f.id));
    for (const [i, f] of zh.entries()) {
      expect(f.description, f.id).toMatch(/[\u4e00-\u9fff]/);
      expect(f.description, `${f.id} 说明缺少示例`).toMatch(/例/);
      expect(f.parameters.map((p) => p.name)).toEqual(en[i].parameters.map((p) => p.name));
      for (const p of f.parameters) expect(p.description, `${f.id}.${p.name} 缺少中文说明或示例`).toMatch(/[\u4e00-\u9fff].*例/);
    }
  });
});

describe("the contract of FUNCTIONS.md", () => {
  // Excel name → named export of src/functions/functions.ts, as FUNCTIONS.md lists them.
  const contract: Record<string, string> = {
    RANK: "rank", RANKS: "ranks", PERCENTRANK: "percentRank", PERCENTRANKS: "percentRanks",
    SCORE: "score", TASKSCORE: "taskScore", DEDUCT: "deduct", COMPOSITE: "composite", TRIMMEAN: "trimMean",
    GRADE: "grade", VOTEGRADE: "voteGrade", QUOTA: "quota", GRADES: "grades", CLASSES: "classes",
    STARS: "stars", STARCAP: "starCap", STARQUOTA: "starQuota", PAYSPLIT: "paySplit", ALLOCATE: "allocate",
    COEF: "coef", QUORUM: "quorum", CADENCE: "cadence", TARGET: "target",
  };
  it("exports every function under its contract name and Excel id", () => {
    const tagged = new Map(taggedExports().map((t) => [t.id, t.exportName]));
    for (const [id, name] of Object.entries(contract)) {
      expect(typeof (functions as Record<string, unknown>)[name], name).toBe("function");
      expect(tagged.get(id), id).toBe(name);
    }
  });
  it("declares every whole-column function as spilling (a matrix result)", () => {
    const en = load("dist/functions.json");
    for (const id of ["RANKS", "PERCENTRANKS", "GRADES", "CLASSES", "STARQUOTA", "PAYSPLIT", "ALLOCATE", "COEF"]) {
      const f = en.find((x) => x.id === id) as unknown as { result: { dimensionality?: string } };
      expect(f.result.dimensionality, id).toBe("matrix");
    }
  });
});
