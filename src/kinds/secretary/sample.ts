// The sample county's secretary rows: deterministic, realistic, and as a clerk fills the template.
import { CellValue } from "../../workbook/sheet";
import { dataSheet, inputColumns, type TemplateSpec } from "../../workbook/templates";
import { Dice, SampleVillage, ability, clamp, half, personName, round1 } from "../sample/county-shape";

export function secretaryRows(d: Dice, spec: TemplateSpec, vs: SampleVillage[]): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const vetoes = new Set([d.int(0, vs.length - 1), d.int(0, vs.length - 1)]);
  return vs.map((v, i) => {
    const a = clamp(ability(d, 0.87, 0.05, 0.08, 0.68), 0.4, 1);
    let sum = 0;
    const row = cols.map<CellValue>((c) => {
      const f = c.field!;
      if (f === "township") return v.township;
      if (f === "village") return v.name;
      if (f === "name") return personName(d);
      if (f === "id") return `SJ${String(i + 1).padStart(3, "0")}`;
      if (f.startsWith("item")) {
        const max = c.validation?.type === "decimal" ? (c.validation.max ?? 0) : 0;
        const s = clamp(half(max * (a + d.normal(0, 0.06))), 0, max);
        sum += s;
        return s;
      }
      if (f === "deduction1") return d.chance(0.18) ? d.int(1, 2) : null;
      if (f === "deduction2") return d.chance(0.1) ? 1 : null;
      if (f === "deduction3") return d.chance(0.01) ? 1 : null;
      if (f === "bonus") return d.chance(0.25) ? half(d.int(2, 10) / 2) : null;
      if (f === "halfYear") return round1(clamp(sum + d.normal(0, 3), 40, 100));
      if (f === "ballot") return round1(clamp(d.normal(88, 5), 55, 99));
      if (f === "veto") return vetoes.has(i) ? "是" : null;
      return null;
    });
    return row;
  });
}
