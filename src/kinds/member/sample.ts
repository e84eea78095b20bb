// The sample county's member rows: deterministic, realistic, and as a clerk fills the template.
import { CellValue } from "../../workbook/sheet";
import { dataSheet, inputColumns, type TemplateSpec } from "../../workbook/templates";
import { Dice, SAMPLE_CATEGORY_SHARES, SampleVillage, ability, apportion, clamp, personName, round1 } from "../sample/county-shape";

export function memberRows(d: Dice, spec: TemplateSpec, vs: SampleVillage[], total: number): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const sizes = apportion(
    total,
    vs.map(() => 0.6 + d.next() * 0.8),
  );
  vs.forEach((v, i) => (v.members = sizes[i]));
  const counts = apportion(
    total,
    SAMPLE_CATEGORY_SHARES.map((c) => c.share),
  );
  const categories = d.shuffle(SAMPLE_CATEGORY_SHARES.flatMap((c, i) => Array.from({ length: counts[i] }, () => c)));
  const rows: CellValue[][] = [];
  let n = 0;
  for (const v of vs) {
    for (let i = 0; i < v.members; i++, n++) {
      const cat = categories[n];
      const a = clamp(ability(d, 86, 6, 0.06, 68), 30, 100);
      const aspects: (number | null)[] = [];
      for (let k = 0; k < 5; k++) aspects.push(k < cat.aspects ? Math.round(clamp(a + d.normal(0, 4), 30, 100)) : null);
      const rated = aspects.filter((x): x is number => x !== null);
      const mean = round1(rated.reduce((s, x) => s + x, 0) / rated.length);
      // The first village keeps 三评两公开, its groups' stars near the aspects' at the default thresholds (self one more, the public
      // silent for every fourth member): combined and rounded they are the aspects' own, so the county's results stay as they were.
      const threeRated = v === vs[0];
      const own = rated.reduce((s, x) => s + (x >= 90 ? 2 : x >= 75 ? 1 : 0), 0);
      const ratings = [Math.min(cat.aspects * 2, own + 1), own, i % 4 === 0 ? null : own, own];
      rows.push(
        cols.map<CellValue>((c) => {
          const f = c.field!;
          if (f === "township") return v.township;
          if (f === "branch") return v.branch;
          if (f === "name") return personName(d);
          if (f === "id") return `DY${String(n + 1).padStart(6, "0")}`;
          if (f === "category") return cat.name;
          if (f.startsWith("aspect")) return aspects[Number(f.slice(6)) - 1];
          if (f === "tiebreak") return mean;
          if (threeRated && f.startsWith("rating")) return ratings[Number(f.slice(6)) - 1];
          if (threeRated && f === "review") return "通过";
          return null;
        }),
      );
    }
  }
  return rows;
}
