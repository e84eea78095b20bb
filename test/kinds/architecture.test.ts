// The kinds' two rules: nothing outside src/kinds names a kind, and a kind's assess code only maps rows to core and core to cells.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { kinds, schemeKinds } from "../../src/kinds/registry";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const sources = files("src");
const outside = sources.filter((f) => !f.startsWith(join("src", "kinds")));
/** Code without its comments: a comment may speak of "the ledger's list", code may not name it. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

describe("one module per kind", () => {
  it("lists six kinds, each in its own folder with the parts a kind declares", () => {
    expect(schemeKinds).toEqual(["secretary", "cadre", "member", "appraisal", "fiveGood", "ledger"]);
    // sample/ holds what the kinds' sample rows share (the county's shape and dice), not a kind.
    const folders = readdirSync(join("src", "kinds")).filter((n) => n !== "sample" && statSync(join("src", "kinds", n)).isDirectory());
    expect(folders.sort()).toEqual(["appraisal", "cadre", "five-good", "ledger", "member", "secretary"]);
    for (const k of kinds) {
      expect(k.names.zh.length, k.id).toBeGreaterThan(0);
      expect(k.sections[0], k.id).toBe("basic");
      expect(typeof k.rules.assess, k.id).toBe("function");
    }
  });

  it("nothing outside src/kinds names a kind by its id", () => {
    // The scheme's ledger section shares the ledger kind's name: a path into the scheme (["ledger", …]) is a setting, not the kind.
    const named = new RegExp(`(?<!\\[)["'\`](${schemeKinds.join("|")})["'\`]`, "g");
    const found: string[] = [];
    for (const f of outside) for (const m of code(readFileSync(f, "utf8")).matchAll(named)) found.push(`${f}: ${m[0]}`);
    expect(found).toEqual([]);
  });

  it("nothing a kind imports leads back to the registry, so a kind's module is complete whichever is loaded first", () => {
    const importsOf = new Map<string, string[]>();
    for (const f of sources) {
      const specs = [...readFileSync(f, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["'](\.[^"']+)["']/g)].map((m) => m[1]);
      importsOf.set(
        f,
        specs.map((s) => {
          const base = relative(".", resolve(dirname(f), s));
          return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((p) => sources.includes(p)) ?? base;
        }),
      );
    }
    const registry = join("src", "kinds", "registry.ts");
    for (const k of readdirSync(join("src", "kinds")).filter((n) => statSync(join("src", "kinds", n)).isDirectory())) {
      const seen = new Set<string>();
      const queue = files(join("src", "kinds", k));
      while (queue.length) {
        const f = queue.pop()!;
        if (seen.has(f)) continue;
        seen.add(f);
        for (const t of importsOf.get(f) ?? []) if (t !== registry) queue.push(t);
      }
      const reaching = [...seen].filter((f) => (importsOf.get(f) ?? []).includes(registry));
      expect(reaching, k).toEqual([]);
    }
  });

  it("a kind's assess code computes no rule: no rounding, sums or number formatting of its own (those are src/core's)", () => {
    const assess = sources.filter((f) => f.startsWith(join("src", "kinds")) && /assess\.ts$|pool\.ts$/.test(f));
    expect(assess.length).toBeGreaterThanOrEqual(6);
    const rule = /Math\.(round|floor|ceil|trunc)\(|\.toFixed\(|\.reduce\(\s*\(\s*\w+\s*,\s*\w+\s*\)\s*=>\s*\w+\s*[-+*/]/g;
    const found: string[] = [];
    for (const f of assess) for (const m of code(readFileSync(f, "utf8")).matchAll(rule)) found.push(`${f}: ${m[0]}`);
    expect(found).toEqual([]);
  });
});
