// docs/settings.md is the defaults as the code has them: regenerate it with `npm run docs` when a default changes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { settingsDoc } from "../../src/workbook/settings-doc";

describe("docs/settings.md", () => {
  const doc = settingsDoc();
  it("is what the code's defaults give (run `npm run docs` after changing a default)", () => {
    expect(readFileSync("docs/settings.md", "utf8")).toBe(doc);
  });
  it("lists each kind with its settings, defaults and sources", () => {
    // Top-grade quotas as docs/rules.md §3 states them: cadres 20%, Party members one third.
    const section = (kind: string) => doc.split("\n## ").find((s) => s.includes(`(\`${kind}\`)`)) ?? "";
    expect(section("cadre")).toMatch(/\| `grade\.topRatio` \| 等次 最高等次比例 \| 20% \|/);
    expect(section("member")).toMatch(/\| `grade\.topRatio` \| 等次 最高等次比例 \| 1\/3 \|/);
    expect(section("member")).toContain("党员星级评定 / Party members' star rating");
    expect(doc).not.toMatch(/种子|seed \d/);
  });
});
