// The sample county's five-good rows: deterministic, realistic, and as a clerk fills the template.
import { CellValue } from "../../workbook/sheet";
import { dataSheet, inputColumns, type TemplateSpec } from "../../workbook/templates";
import { Dice, SAMPLE_TOWNSHIPS, SampleVillage, clamp, round1 } from "../sample/county-shape";

export function fiveGoodRows(d: Dice, spec: TemplateSpec, vs: SampleVillage[]): CellValue[][] {
  const cols = inputColumns(dataSheet(spec));
  const rows: CellValue[][] = [];
  const one = (township: string, org: string, type: string, members: number | null) => {
    const good = d.chance(0.74);
    const misses = good ? new Set<number>() : new Set([d.int(1, 5), d.int(1, 5)]);
    const satisfaction = round1(clamp(d.normal(good ? 88 : 78, 6), 50, 99));
    const fiveLead = members === null ? null : Math.round(members * clamp(d.normal(0.66, 0.08), 0.3, 0.95));
    rows.push(
      cols.map<CellValue>((c) => {
        const f = c.field!;
        if (f === "township") return township;
        if (f === "organisation") return org;
        if (f === "orgType") return type;
        if (f.startsWith("criterion")) return misses.has(Number(f.slice(9))) ? "否" : "是";
        if (f === "satisfaction") return satisfaction;
        if (f === "members") return members;
        if (f === "fiveLead") return fiveLead;
        return null;
      }),
    );
  };
  for (const t of SAMPLE_TOWNSHIPS) {
    one(t.name, `${t.name}党委`, "乡镇党委", null);
    for (const v of vs.filter((x) => x.township === t.name)) one(t.name, v.branch, "村党组织", v.members);
  }
  return rows;
}
