// The common schemes: each valid on every kind, each doing what its name says, each named in both languages.
import { describe, expect, it } from "vitest";
import { defaultScheme, schemeKinds, validateScheme } from "../../src/kinds/registry";
import { applyPreset, presetText, presets } from "../../src/taskpane/model/presets";
import { strings } from "../../src/taskpane/strings";

const byId = (id: string) => presets.find((p) => p.id === id)!;

describe("the common schemes offered as presets", () => {
  it("give a valid scheme from nothing and from every kind's defaults, keeping the kind being edited", () => {
    for (const p of presets) {
      const fresh = applyPreset(p, undefined, 2025);
      expect(validateScheme(fresh).problems, p.id).toEqual([]);
      expect(fresh.kind).toBe(p.kind);
      for (const kind of schemeKinds) {
        const s = applyPreset(p, defaultScheme(kind, 2025));
        expect(validateScheme(s).problems, `${p.id} on ${kind}`).toEqual([]);
        expect(s.kind).toBe(kind);
      }
    }
  });

  it("set what their names say", () => {
    expect(applyPreset(byId("cadreTop20"), undefined).grade).toMatchObject({ topRatio: "20%", rounding: "floor", cutoffs: [90, 80, 60] });
    expect(applyPreset(byId("memberTopThird"), undefined).grade).toMatchObject({ topRatio: "1/3", labels: ["优秀", "合格", "基本合格", "不合格"] });
    expect(applyPreset(byId("bands907560"), defaultScheme("member")).grade).toMatchObject({ cutoffs: [90, 75, 60], labels: ["优秀", "合格", "基本合格", "不合格"] });
    expect(applyPreset(byId("secretaryPay6040"), defaultScheme("cadre")).pay.basicRatio).toBe("60%");
    const stars = applyPreset(byId("starQuotaOpinions"), undefined).stars;
    expect(stars.quota).toEqual([
      { cap: 10, threshold: 9, ratio: "30%" },
      { cap: 6, threshold: 5, ratio: "30%" },
    ]);
    expect(stars.categories.map((c) => c.cap)).toEqual([10, 10, 6, 6]);
  });

  it("rename the pay coefficients with the grades, so a cadre scheme in the members' words still pays 合格 as 称职", () => {
    // Defaults: 优秀 1.2, 称职 1.0, 基本称职 0.8, 不称职 0 (docs/rules.md §3); 合格 takes 称职's place.
    const pay = applyPreset(byId("memberTopThird"), defaultScheme("cadre", 2025)).pay.coefficients;
    expect(pay.map((c) => [c.grade, c.coefficient])).toEqual([
      ["优秀", 1.2],
      ["合格", 1],
      ["基本合格", 0.8],
      ["不合格", 0],
    ]);
  });

  it("leave the draft they are applied to unchanged", () => {
    const s = defaultScheme("cadre", 2025);
    const before = JSON.stringify(s);
    applyPreset(byId("bands907560"), s);
    expect(JSON.stringify(s)).toBe(before);
  });

  it("have a name and a description in both languages", () => {
    for (const p of presets)
      for (const locale of ["zh-CN", "en-US"] as const) {
        const t = presetText(p.id, strings[locale]);
        expect(t.name, `${locale} ${p.id}`).not.toMatch(/^(undefined|)$/);
        expect(t.description, `${locale} ${p.id}`).not.toMatch(/^(undefined|)$/);
      }
  });
});
